#pragma once

#include "clustertypes.h"

#include <QList>
#include <QPair>

namespace kops::demo {

/// The audit's demo content: "payments.ledger" (3 partitions), 3,000 ledger entries keyed by
/// account with {"entryId", "seq"} values and an `event-id` header, as a producer with retries
/// and no idempotence leaves them: 24 entries written twice (a retried batch whose first
/// acknowledgement was lost), 6 entries overtaken by the next batch (sequence going down within
/// an account), and 2 accounts that also appear in a partition added later.
/// `kafka-ops audit payments.ledger --demo --id json:$.entryId --seq json:$.seq` finds them.
QList<QPair<QString, int>> auditDemoTopics();
QList<OutgoingRecord> auditDemoRecords(qint64 nowMs);

/// What the demo holds, for tests.
struct AuditDemoFacts
{
    static constexpr int kEntries = 3000;
    static constexpr int kDuplicates = 24;
    static constexpr int kOrderBreaks = 6;
    static constexpr int kMovedKeys = 2;
};

} // namespace kops::demo
