#include "demotools.h"

#include "delayqueue.h"

namespace kops::demo {

namespace {

const QString kPrefix = QStringLiteral("reminders");

} // namespace

QList<QPair<QString, int>> toolsDemoTopics()
{
    QList<QPair<QString, int>> topics;
    for (const QString &t : DelayQueue(kPrefix).tierTopics())
        topics.append({t, 3});
    topics.append({kPrefix + QStringLiteral(".due"), 3});
    return topics;
}

QList<OutgoingRecord> toolsDemoRecords(qint64 nowMs)
{
    const DelayQueue queue(kPrefix);
    QList<OutgoingRecord> out;
    // Every 1.2 s for the first six minutes (the router shows a steady flow), then sparser to 2 h.
    for (int i = 0; i < 400; ++i) {
        const qint64 delay = i < 300 ? 2000 + qint64(i) * 1200 : 360'000 + qint64(i - 300) * 68'000;
        DelayedRecord r;
        r.target = kPrefix + QStringLiteral(".due");
        r.dueMs = nowMs + delay;
        r.key = QByteArray("customer-") + QByteArray::number(1000 + i % 37);
        r.value = QByteArray(R"({"reminder":"payment due","invoice":"INV-)") + QByteArray::number(50000 + i) + "\"}";
        r.headers.append({QStringLiteral("content-type"), QByteArray("application/json")});
        out.append(queue.toTier(r, nowMs));
    }
    return out;
}

} // namespace kops::demo
