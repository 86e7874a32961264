#include "demotools.h"

#include "delayqueue.h"
#include "democluster.h"
#include "rdkafkaclusterapi.h"

#include <QDateTime>
#include <QThread>

namespace kops::demo {

Status seedToolsDemo(DemoCluster &demo)
{
    DelayQueue queue(QStringLiteral("reminders"));
    const QStringList topics = queue.tierTopics() << QStringLiteral("reminders.due");
    for (const QString &topic : topics) {
        NewTopic t;
        t.name = topic;
        t.partitions = 3;
        if (auto made = demo.createTopic(t); !made)
            return made;
    }
    RdKafkaClusterApi api(demo.clientProperties());
    for (int i = 0; i < 50; ++i) { // the mock lists new topics after a moment
        auto missing = queue.missingTiers(api);
        if (missing && missing.value().isEmpty())
            break;
        QThread::msleep(100);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<DelayedRecord> records;
    // Every few seconds for the first minutes (the router shows a steady flow), then sparser to 2 h.
    for (int i = 0; i < 400; ++i) {
        const qint64 delay = i < 300 ? 2000 + qint64(i) * 1200 : 360'000 + qint64(i - 300) * 68'000;
        DelayedRecord r;
        r.target = QStringLiteral("reminders.due");
        r.dueMs = now + delay;
        r.key = QByteArray("customer-") + QByteArray::number(1000 + i % 37);
        r.value = QByteArray(R"({"reminder":"payment due","invoice":"INV-)") + QByteArray::number(50000 + i) + "\"}";
        r.headers.append({QStringLiteral("content-type"), QByteArray("application/json")});
        records.append(r);
    }
    auto sent = queue.send(api, records);
    if (!sent)
        return sent.error();
    return Done{};
}

} // namespace kops::demo
