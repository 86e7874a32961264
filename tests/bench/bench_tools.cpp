// Not a test: the Tools' figures on a real broker (argument: bootstrap, default 127.0.0.1:19092).
//  1. Backlog drain of N records (default 200,000; 0 skips it) next to `kcat -C | kcat -P` copying the same records.
//  2. Delay router: 10,000 delayed records/s for 20 s (delays 1..10 s through tiers 1s,5s,10s or argv[3]):
//     lateness p50/p99 beyond the due time as a read_committed reader of the target sees it
//     (arrival - due), as the router stamped it (header), and the router's resident memory.
#include "delayqueue.h"
#include "drainservice.h"
#include "rdkafkaclusterapi.h"
#include "relayjournal.h"
#include "../relaytestutil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

using namespace kops;

namespace {

qint64 endSum(RdKafkaClusterApi &api, const QString &topic, int partitions)
{
    QList<TopicPartition> tps;
    for (int p = 0; p < partitions; ++p)
        tps.append({topic, p});
    qint64 sum = 0;
    if (auto w = api.watermarks(tps))
        for (const auto &m : w.value())
            sum += m.high;
    return sum;
}

qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

void waitForTopic(RdKafkaClusterApi &api, const QString &topic)
{
    for (int i = 0; i < 100; ++i) {
        auto md = api.topicMetadata({topic});
        if (md && !md.value().topics.isEmpty() && md.value().topics.first().errorCode.isEmpty()
            && !md.value().topics.first().partitions.isEmpty())
            return;
        QThread::msleep(100);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString bootstrap = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("127.0.0.1:19092");
    const int records = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 200000;
    const QList<QPair<QString, QString>> props{{QStringLiteral("bootstrap.servers"), bootstrap}};
    QTemporaryDir dir;
    RelayJournal journal(dir.filePath(QStringLiteral("journal.sqlite")));
    RdKafkaClusterApi api(props);
    const QString id = QString::number(QRandomGenerator::global()->generate() % 1000000);

    // 1. Drain vs kcat.
    if (records > 0) {
    const QString src = QStringLiteral("12-bench-src-") + id;
    api.createTopic({src, 4, 1, {}});
    waitForTopic(api, src);
    kops::test::produceKeyed(props, src, records);
    std::printf("source: %lld records of ~10 bytes with keys and a header, 4 partitions\n", endSum(api, src, 4));

    const QString kcatDst = QStringLiteral("12-bench-kcat-") + id;
    api.createTopic({kcatDst, 12, 1, {}});
    waitForTopic(api, kcatDst);
    QElapsedTimer clock;
    clock.start();
    QProcess sh;
    sh.start(QStringLiteral("sh"), {QStringLiteral("-c"),
                                    QStringLiteral("kcat -C -b %1 -t %2 -o beginning -e -q -f '%k\\t%s\\n' | kcat -P -b %1 -t %3 -K '\\t'")
                                        .arg(bootstrap, src, kcatDst)});
    sh.waitForFinished(-1);
    const double kcatSecs = clock.elapsed() / 1000.0;
    std::printf("kcat -C | kcat -P: %lld records in %.2f s = %.0f records/s\n", endSum(api, kcatDst, 12), kcatSecs,
                records / kcatSecs);

    DrainRequest request;
    request.group = QStringLiteral("12-bench-group-") + id;
    request.topics = {src};
    request.target = QStringLiteral("12-bench-wide-") + id;
    request.partitions = 12;
    auto plan = DrainService::plan(api, request, nullptr);
    if (!plan) {
        std::printf("plan failed: %s\n", qPrintable(plan.error().toString()));
        return 1;
    }
    DrainService::createTarget(api, plan.value());
    waitForTopic(api, request.target);
    clock.restart();
    auto drained = DrainService::run(api, plan.value(), journal, QStringLiteral("bench"));
    const double drainSecs = clock.elapsed() / 1000.0;
    if (!drained) {
        std::printf("drain failed: %s\n", qPrintable(drained.error().toString()));
        return 1;
    }
    std::printf("kafka-ops drain (exactly once, %lld transactions): %lld records in %.2f s = %.0f records/s = %.2fx kcat\n",
                drained.value().transactions, drained.value().consumed, drainSecs, records / drainSecs,
                kcatSecs / drainSecs);
    api.deleteTopics(QStringList{src, kcatDst, request.target});
    api.deleteGroups({request.group});
    }

    // 2. Delay router lateness under 10,000 delayed records/s.
    const QString tierList = argc > 3 ? QString::fromLocal8Bit(argv[3]) : QStringLiteral("1s,5s,10s");
    const auto tiers = parseDelayTiers(tierList).value();
    std::printf("delay tiers %s\n", qPrintable(tierList));
    DelayQueue queue(QStringLiteral("12-bench-delay-") + id, tiers);
    queue.create(api, 3);
    const QString out = QStringLiteral("12-bench-delayed-") + id;
    api.createTopic({out, 6, 1, {}});
    waitForTopic(api, out);
    for (const QString &t : queue.tierTopics())
        waitForTopic(api, t);
    const int seconds = 20;
    const int perSecond = 10000;
    TransactionalRelay::Control control;
    std::atomic<qint64> worstWindowP99{0};
    std::atomic<qint64> forwarded{0};
    const qint64 rssBefore = rssKb();
    std::atomic<qint64> rssPeak{rssBefore};
    // A read_committed reader of the target: when each record becomes visible, against its due time.
    std::mutex dueMutex;
    QHash<QByteArray, qint64> dueOf;
    QList<qint64> seenLateness;
    std::atomic<bool> readerStop{false};
    std::thread reader([&] {
        rd_kafka_t *rk = kops::test::makeClient(RD_KAFKA_CONSUMER, props,
                                                {{QStringLiteral("group.id"), QStringLiteral("12-bench-reader")},
                                                 {QStringLiteral("isolation.level"), QStringLiteral("read_committed")},
                                                 {QStringLiteral("fetch.wait.max.ms"), QStringLiteral("10")},
                                                 {QStringLiteral("enable.auto.commit"), QStringLiteral("false")}});
        rd_kafka_poll_set_consumer(rk);
        rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(6);
        for (int p = 0; p < 6; ++p)
            rd_kafka_topic_partition_list_add(list, out.toUtf8().constData(), p)->offset = RD_KAFKA_OFFSET_BEGINNING;
        rd_kafka_assign(rk, list);
        rd_kafka_topic_partition_list_destroy(list);
        while (!readerStop.load()) {
            rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
            if (!m)
                continue;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (!m->err && m->key) {
                const QByteArray key(static_cast<const char *>(m->key), qsizetype(m->key_len));
                std::lock_guard lock(dueMutex);
                if (auto it = dueOf.constFind(key); it != dueOf.cend())
                    seenLateness.append(now - *it);
            }
            rd_kafka_message_destroy(m);
        }
        rd_kafka_consumer_close(rk);
        rd_kafka_destroy(rk);
    });
    std::thread router([&] {
        RdKafkaClusterApi routerApi(props);
        RelayJournal routerJournal(dir.filePath(QStringLiteral("journal.sqlite")));
        auto r = queue.run(routerApi, routerJournal, QStringLiteral("bench"), &control, {}, [&](const DelayWindow &w) {
            if (w.forwarded > 0)
                std::printf("  router: %lld forwarded (%.0f/s), lateness p50 %lld ms p99 %lld ms\n", w.forwarded,
                            w.perSecond, w.latenessP50, w.latenessP99);
            worstWindowP99 = std::max<qint64>(worstWindowP99, w.latenessP99);
            forwarded += w.forwarded;
            rssPeak = std::max(rssPeak.load(), rssKb());
        });
        if (!r)
            std::printf("router failed: %s\n", qPrintable(r.error().toString()));
    });
    // The producer: a batch every 100 ms.
    qint64 sent = 0;
    QElapsedTimer sendClock;
    sendClock.start();
    QRandomGenerator rng(7);
    while (sendClock.elapsed() < seconds * 1000) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<OutgoingRecord> batch;
        for (int i = 0; i < perSecond / 10; ++i) {
            DelayedRecord r;
            r.target = out;
            r.dueMs = now + 1000 + qint64(rng.bounded(9000));
            r.key = QByteArray::number(sent + i);
            r.value = QByteArray("delayed-") + QByteArray::number(sent + i);
            {
                std::lock_guard lock(dueMutex);
                dueOf.insert(*r.key, r.dueMs);
            }
            batch.append(queue.toTier(r, now));
        }
        api.produce(batch);
        sent += batch.size();
        const qint64 next = (sent / (perSecond / 10)) * 100;
        if (next > sendClock.elapsed())
            QThread::msleep(ulong(next - sendClock.elapsed()));
    }
    std::printf("sent %lld delayed records in %.1f s (%.0f/s)\n", sent, sendClock.elapsed() / 1000.0,
                sent * 1000.0 / sendClock.elapsed());
    // (End offsets count transaction markers too: wait for what the router says it forwarded.)
    while (forwarded.load() < sent && sendClock.elapsed() < (seconds + 60) * 1000)
        QThread::msleep(500);
    QThread::msleep(1000);
    control.cancel = true;
    router.join();
    readerStop = true;
    reader.join();
    const auto got = kops::test::readCommitted(props, out, 6);
    QList<qint64> lateness;
    for (const auto &r : got)
        lateness.append(r.headers.value(QStringLiteral("kops-delay-lateness-ms")).toLongLong());
    const qint64 p50 = percentileOf(lateness, 50);
    const qint64 p99 = percentileOf(lateness, 99);
    const qint64 max = lateness.isEmpty() ? 0 : lateness.last();
    std::printf("forwarded %lld of %lld; lateness when routed (header): p50 %lld ms, p99 %lld ms, max %lld ms; "
                "worst one-second p99 when committed (visible): %lld ms\n",
                qint64(got.size()), sent, p50, p99, max, worstWindowP99.load());
    {
        std::lock_guard lock(dueMutex);
        const qint64 n = seenLateness.size();
        const qint64 s50 = percentileOf(seenLateness, 50);
        const qint64 s99 = percentileOf(seenLateness, 99);
        const qint64 smax = seenLateness.isEmpty() ? 0 : seenLateness.last();
        std::printf("lateness seen by a read_committed reader (arrival - due) over %lld records: p50 %lld ms, p99 %lld ms, "
                    "max %lld ms\n",
                    n, s50, s99, smax);
    }
    std::printf("resident memory: %lld MB before the router, %lld MB at most while routing\n", rssBefore / 1024,
                rssPeak.load() / 1024);
    // Leave nothing behind on a shared broker.
    api.deleteTopics(QStringList{out} + queue.tierTopics());
    api.deleteGroups({queue.routerGroup(), QStringLiteral("12-bench-reader")});
    return 0;
}
