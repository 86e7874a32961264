#pragma once

#include "clustertypes.h"

#include <QList>
#include <QPair>

namespace kops::demo {

/// The Tools page's demo content: a delay queue "reminders" (tiers 1s .. 2h, 3 partitions
/// each) holding 400 reminders due over the next two hours for topic "reminders.due", so the
/// tiers show backlogs and due times and the router has work as soon as it is started. (The
/// backlog drain needs nothing extra: audit-archiver stopped an hour ago with its consumers
/// gone, a lagging group that may be drained.)
QList<QPair<QString, int>> toolsDemoTopics();
/// The reminders as written into their tiers at `nowMs`.
QList<OutgoingRecord> toolsDemoRecords(qint64 nowMs);

} // namespace kops::demo
