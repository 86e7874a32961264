#pragma once

#include "kafkaerror.h"

namespace kops::demo {

class DemoCluster;

/// The Tools page's demo content: a delay queue "reminders" (tiers 1s .. 2h, 3 partitions
/// each) holding a few hundred reminders due over the next two hours for topic
/// "reminders.due", so the tiers show backlogs and due times and the router has work as soon
/// as it is started. (The backlog drain needs nothing extra: audit-archiver stopped an hour
/// ago with its consumers gone, a lagging group that may be drained.)
Status seedToolsDemo(DemoCluster &demo);

} // namespace kops::demo
