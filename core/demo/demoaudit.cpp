#include "demoaudit.h"

namespace kops::demo {

namespace {

const QString kLedger = QStringLiteral("payments.ledger");
constexpr int kAccounts = 30;

OutgoingRecord entry(int account, int partition, int entryId, int seq, qint64 ts)
{
    OutgoingRecord r;
    r.topic = kLedger;
    r.partition = partition;
    r.key = QByteArray("acct-") + QByteArray::number(7000 + account);
    r.value = QByteArray(R"({"entryId":"E-)") + QByteArray::number(900000 + entryId) + R"(","seq":)" + QByteArray::number(seq)
              + R"(,"account":"acct-)" + QByteArray::number(7000 + account) + R"(","amount":)"
              + QByteArray::number(((entryId * 37) % 9000) / 100.0, 'f', 2) + R"(,"currency":"EUR"})";
    r.headers.append({QStringLiteral("event-id"), QByteArray("E-") + QByteArray::number(900000 + entryId)});
    r.headers.append({QStringLiteral("content-type"), QByteArray("application/json")});
    r.timestampMs = ts;
    return r;
}

} // namespace

QList<QPair<QString, int>> auditDemoTopics()
{
    return {{kLedger, 3}};
}

QList<OutgoingRecord> auditDemoRecords(qint64 nowMs)
{
    QList<OutgoingRecord> out;
    int seq[kAccounts] = {};
    const qint64 start = nowMs - 6 * 3600 * 1000;
    // Entries in batches of 10 per account over six hours. Every 125th entry's batch is
    // written again after it (24 duplicates); every 500th swaps with its successor (6 breaks).
    QList<OutgoingRecord> pendingSwap;
    int duplicates = 0, breaks = 0;
    for (int id = 0; id < AuditDemoFacts::kEntries; ++id) {
        const int account = (id / 10) % kAccounts;
        const qint64 ts = start + qint64(id) * 7200;
        OutgoingRecord r = entry(account, account % 3, id, ++seq[account], ts);
        if (id % 500 == 250 && breaks < AuditDemoFacts::kOrderBreaks) {
            pendingSwap.append(r); // overtaken: written after the next entry of its account
            ++breaks;
            continue;
        }
        out.append(r);
        if (!pendingSwap.isEmpty() && (id / 10) % kAccounts == account && r.key == pendingSwap.first().key) {
            out.append(pendingSwap.takeFirst());
        }
        if (id % 125 == 60 && duplicates < AuditDemoFacts::kDuplicates) {
            out.append(r); // the same entry again: its first acknowledgement was lost
            ++duplicates;
        }
    }
    // After a partition count change: two accounts' newest entries land in partition 2 as well.
    for (int k = 0; k < AuditDemoFacts::kMovedKeys; ++k) {
        const int account = k * 3; // partition 0 normally
        out.append(entry(account, 2, AuditDemoFacts::kEntries + k, ++seq[account], nowMs - 60'000 + k));
    }
    return out;
}

} // namespace kops::demo
