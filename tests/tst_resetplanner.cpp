#include "fakeclusterapi.h"
#include "replay/resetplanner.h"
#include "replay/resetpreview.h"

#include <QJsonArray>
#include <QTest>

using namespace kops;
using kops::test::FakeClusterApi;

namespace {

ResetScope topicScope(const QString &topic, QList<int> partitions = {})
{
    ResetScope s;
    s.topics = {{topic, std::move(partitions)}};
    return s;
}

ResetScope allTopics()
{
    ResetScope s;
    s.allTopics = true;
    return s;
}

const PlannedPartition *find(const ResetPlan &plan, int partition)
{
    for (const PlannedPartition &p : plan.partitions)
        if (p.partition == partition)
            return &p;
    return nullptr;
}

} // namespace

/// orders-0: offsets 0..9 with timestamps 1000..10000 (commit 5); orders-1: log start 5, end 10 (commit 8);
/// orders-2: empty, no commit. Group "g" has no members.
class TestResetPlanner final : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<FakeClusterApi> m_fake;

    ResetPlan plan(const ResetScope &scope, const ResetStrategy &strategy, qint64 nowMs = 0)
    {
        auto r = prepareResetPlan(*m_fake, QStringLiteral("g"), scope, strategy, nowMs);
        if (!r.ok())
            qWarning("%s", qPrintable(r.error().message));
        return r.ok() ? r.value() : ResetPlan{};
    }
    KafkaError planError(const ResetScope &scope, const ResetStrategy &strategy)
    {
        auto r = prepareResetPlan(*m_fake, QStringLiteral("g"), scope, strategy, 0);
        return r.ok() ? KafkaError{} : r.error();
    }

private slots:
    void init()
    {
        m_fake = std::make_shared<FakeClusterApi>();
        m_fake->addTopic(QStringLiteral("orders"), 3);
        for (int i = 0; i < 10; ++i) {
            m_fake->append(QStringLiteral("orders"), 0, 1000 * (i + 1));
            m_fake->append(QStringLiteral("orders"), 1, 1000 * (i + 1));
        }
        m_fake->setLogStart(QStringLiteral("orders"), 1, 5);
        FakeClusterApi::Group g;
        g.committed.insert({QStringLiteral("orders"), 0}, 5);
        g.committed.insert({QStringLiteral("orders"), 1}, 8);
        m_fake->setGroup(QStringLiteral("g"), g);
    }

    void toDatetime_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<qint64>("p0");
        QTest::addColumn<qint64>("p1");
        QTest::newRow("before first") << qint64(500) << qint64(0) << qint64(5);
        QTest::newRow("between") << qint64(2500) << qint64(2) << qint64(5);
        QTest::newRow("exactly at a record") << qint64(3000) << qint64(2) << qint64(5);
        QTest::newRow("inside p1's retained range") << qint64(7500) << qint64(7) << qint64(7);
        QTest::newRow("after last: log end") << qint64(20000) << qint64(10) << qint64(10);
    }
    void toDatetime()
    {
        QFETCH(qint64, time);
        QFETCH(qint64, p0);
        QFETCH(qint64, p1);
        const ResetPlan p = plan(topicScope(QStringLiteral("orders")), ResetStrategy::toDatetime(time));
        QCOMPARE(p.partitions.size(), 3);
        QCOMPARE(find(p, 0)->target, p0);
        QCOMPARE(find(p, 1)->target, p1);
        QCOMPARE(find(p, 2)->target, qint64(0)); // empty partition: its log end
    }

    void byDurationCountsBackFromNow()
    {
        auto d = parseResetDuration(QStringLiteral("PT8.5S"));
        QVERIFY(d.ok());
        const ResetPlan p = plan(topicScope(QStringLiteral("orders"), {0}), ResetStrategy::byDuration(d.value()), 11000);
        QCOMPARE(find(p, 0)->target, qint64(2)); // 11000 - 8500 = 2500 -> record 2 (ts 3000)
        QCOMPARE(resetLookupTime(ResetStrategy::byDuration(8500), 11000), qint64(2500));
    }

    void earliestLatest()
    {
        ResetPlan e = plan(allTopics(), ResetStrategy::toEarliest());
        QCOMPARE(e.partitions.size(), 2); // --all-topics: the partitions with commits
        QCOMPARE(find(e, 0)->target, qint64(0));
        QCOMPARE(find(e, 1)->target, qint64(5));
        ResetPlan l = plan(allTopics(), ResetStrategy::toLatest());
        QCOMPARE(find(l, 0)->target, qint64(10));
        QCOMPARE(find(l, 1)->target, qint64(10));
        QCOMPARE(l.skipTotal(), qint64(5 + 2));
        QCOMPARE(l.replayTotal(), qint64(0));
    }

    void toCurrentWithoutCommitGoesToLogEnd()
    {
        m_fake->append(QStringLiteral("orders"), 2, 50);
        const ResetPlan p = plan(topicScope(QStringLiteral("orders")), ResetStrategy::toCurrent());
        QCOMPARE(find(p, 0)->target, qint64(5));
        QCOMPARE(find(p, 1)->target, qint64(8));
        QCOMPARE(find(p, 2)->target, qint64(1));
        QVERIFY(!find(p, 2)->current);
        QCOMPARE(p.unchangedCount(), 2);
        QCOMPARE(p.noCommitCount(), 1);
    }

    void toOffsetIsClamped()
    {
        const ResetPlan p = plan(topicScope(QStringLiteral("orders"), {0, 1}), ResetStrategy::toOffset(2));
        QCOMPARE(find(p, 0)->target, qint64(2));
        QCOMPARE(find(p, 1)->target, qint64(5));
        QVERIFY(find(p, 1)->note.contains(QStringLiteral("lower than earliest")));
        QCOMPARE(p.warnings.size(), 1);
        const ResetPlan high = plan(topicScope(QStringLiteral("orders"), {0}), ResetStrategy::toOffset(100));
        QCOMPARE(find(high, 0)->target, qint64(10));
        QVERIFY(high.warnings.first().contains(QStringLiteral("higher than latest offset for topic partition orders-0")));
    }

    void shiftBy()
    {
        const ResetPlan back = plan(allTopics(), ResetStrategy::shiftBy(-3));
        QCOMPARE(find(back, 0)->target, qint64(2));
        QCOMPARE(find(back, 1)->target, qint64(5));
        QCOMPARE(*find(back, 1)->delta(), qint64(-3));
        QCOMPARE(back.replayTotal(), qint64(6));
        QVERIFY(back.warnings.isEmpty());
        const ResetPlan clampedLow = plan(allTopics(), ResetStrategy::shiftBy(-7));
        QCOMPARE(find(clampedLow, 0)->target, qint64(0));
        QCOMPARE(find(clampedLow, 1)->target, qint64(5));
        QCOMPARE(clampedLow.warnings.size(), 2);
        const ResetPlan clampedHigh = plan(allTopics(), ResetStrategy::shiftBy(4));
        QCOMPARE(find(clampedHigh, 0)->target, qint64(9));
        QCOMPARE(find(clampedHigh, 1)->target, qint64(10));
        QCOMPARE(clampedHigh.skipTotal(), qint64(4 + 2));
    }

    void shiftByWithoutCommitIsRefused()
    {
        const KafkaError e = planError(topicScope(QStringLiteral("orders")), ResetStrategy::shiftBy(1));
        QVERIFY2(e.message.contains(QStringLiteral("orders-2")), qPrintable(e.message));
        QVERIFY(e.message.contains(QStringLiteral("no current committed offset")));
    }

    void fromFile()
    {
        auto rows = parseResetCsv(QStringLiteral("orders,0,3\norders,1,0\n"));
        QVERIFY(rows.ok());
        const ResetPlan p = plan(ResetScope{}, ResetStrategy::fromFile(rows.value()));
        QCOMPARE(p.partitions.size(), 2);
        QCOMPARE(find(p, 0)->target, qint64(3));
        QCOMPARE(find(p, 1)->target, qint64(5)); // clamped like Kafka
        QCOMPARE(formatResetCsv(p.targets()), QStringLiteral("orders,0,3\norders,1,5\n"));
    }

    void fromFileWithUnknownPartition()
    {
        auto rows = parseResetCsv(QStringLiteral("orders,7,3\n"));
        const KafkaError e = planError(ResetScope{}, ResetStrategy::fromFile(rows.value()));
        QVERIFY2(e.message.contains(QStringLiteral("Partition 7 of topic 'orders' does not exist")), qPrintable(e.message));
    }

    void unknownTopic()
    {
        const KafkaError e = planError(topicScope(QStringLiteral("nope")), ResetStrategy::toEarliest());
        QVERIFY(e.message.contains(QStringLiteral("Topic 'nope' does not exist")));
    }

    void partitionOutOfRange()
    {
        const KafkaError e = planError(topicScope(QStringLiteral("orders"), {0, 3}), ResetStrategy::toEarliest());
        QVERIFY2(e.message.contains(QStringLiteral("Partition 3 of topic 'orders' does not exist")), qPrintable(e.message));
        QVERIFY(e.message.contains(QStringLiteral("0..2")));
    }

    void noScope()
    {
        QVERIFY(planError(ResetScope{}, ResetStrategy::toEarliest()).message.contains(QStringLiteral("--all-topics")));
        m_fake->setGroup(QStringLiteral("g"), {});
        QVERIFY(planError(allTopics(), ResetStrategy::toEarliest()).message.contains(QStringLiteral("no committed offsets")));
    }

    void previewTimestamps()
    {
        const ResetPlan p = plan(topicScope(QStringLiteral("orders")), ResetStrategy::toDatetime(2500));
        QCOMPARE(find(p, 0)->targetTimestampMs, std::optional<qint64>(3000));
        QCOMPARE(find(p, 1)->targetTimestampMs, std::optional<qint64>(6000)); // offset 5 has timestamp 6000
        QVERIFY(!find(p, 2)->targetTimestampMs);                             // log end: no record
        QCOMPARE(p.replayTotal(), qint64(3 + 3));
        QCOMPARE(p.noCommitCount(), 1);
    }

    void pureClampWithoutCluster()
    {
        PlannerInputs in;
        in.committed = {PartitionOffset{QStringLiteral("t"), 0, 100, {}, {}}};
        in.watermarks = {PartitionWatermarks{QStringLiteral("t"), 0, 50, 120, {}, {}}};
        auto p = planReset(QStringLiteral("g"), {}, ResetStrategy::shiftBy(-80), {{QStringLiteral("t"), 0}}, in);
        QVERIFY(p.ok());
        QCOMPARE(p.value().partitions.first().target, qint64(50));
        QCOMPARE(p.value().warnings.first(), QStringLiteral("New offset (20) is lower than earliest offset for topic "
                                                            "partition t-0. Value will be set to 50"));
        in.watermarks.first().errorCode = QStringLiteral("NOT_LEADER_OR_FOLLOWER");
        QVERIFY(!planReset(QStringLiteral("g"), {}, ResetStrategy::toEarliest(), {{QStringLiteral("t"), 0}}, in).ok());
    }

    void jsonShape()
    {
        const ResetPlan p = plan(topicScope(QStringLiteral("orders"), {0, 2}), ResetStrategy::toEarliest());
        const QJsonObject o = p.toJson(std::nullopt, false);
        QVERIFY(o.value(QStringLiteral("id")).isNull());
        QCOMPARE(o.value(QStringLiteral("replay")).toInt(), 5);
        QCOMPARE(o.value(QStringLiteral("strategy")).toString(), QStringLiteral("--to-earliest"));
        const QJsonArray parts = o.value(QStringLiteral("partitions")).toArray();
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0).toObject().value(QStringLiteral("delta")).toInt(), -5);
        QCOMPARE(parts.at(0).toObject().value(QStringLiteral("targetTimestamp")).toInt(), 1000);
        QVERIFY(parts.at(1).toObject().value(QStringLiteral("current")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestResetPlanner)
#include "tst_resetplanner.moc"
