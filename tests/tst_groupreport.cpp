// Unit tests of the describe-group merge (pure) and its fetch through a fake cluster.
#include "fakeclusterapi.h"
#include "groupreport.h"

#include <QJsonArray>
#include <QTest>

using namespace kops;
using kops::test::FakeClusterApi;

namespace {

PartitionOffset committed(const QString &topic, int partition, qint64 offset)
{
    PartitionOffset po;
    po.topic = topic;
    po.partition = partition;
    po.offset = offset;
    return po;
}

PartitionWatermarks wm(const QString &topic, int partition, qint64 low, qint64 high)
{
    PartitionWatermarks w;
    w.topic = topic;
    w.partition = partition;
    w.low = low;
    w.high = high;
    return w;
}

} // namespace

class TestGroupReport : public QObject
{
    Q_OBJECT

private slots:
    void mergesCommittedAssignedAndWatermarks()
    {
        GroupDescription d;
        d.groupId = QStringLiteral("g");
        d.state = QStringLiteral("Stable");
        GroupMember m;
        m.memberId = QStringLiteral("consumer-1-abc");
        m.clientId = QStringLiteral("consumer-1");
        m.host = QStringLiteral("/10.0.0.5");
        m.assignments = {{QStringLiteral("orders"), 0}, {QStringLiteral("orders"), 1}};
        d.members = {m};

        const GroupReport r = buildGroupReport(
            d, {committed(QStringLiteral("orders"), 0, 90), committed(QStringLiteral("payments"), 0, 5)},
            {wm(QStringLiteral("orders"), 0, 0, 100), wm(QStringLiteral("orders"), 1, 0, 40),
             wm(QStringLiteral("payments"), 0, 0, 5)});

        QCOMPARE(r.rows.size(), 3);
        // orders/0: committed and owned
        QCOMPARE(r.rows.at(0).topic, QStringLiteral("orders"));
        QCOMPARE(r.rows.at(0).committed.value(), 90);
        QCOMPARE(r.rows.at(0).logEnd, 100);
        QCOMPARE(r.rows.at(0).lag.value(), 10);
        QCOMPARE(r.rows.at(0).memberId, QStringLiteral("consumer-1-abc"));
        // orders/1: assigned, never committed -> no committed, no lag
        QVERIFY(!r.rows.at(1).committed.has_value());
        QVERIFY(!r.rows.at(1).lag.has_value());
        QCOMPARE(r.rows.at(1).logEnd, 40);
        // payments/0: committed, no owner
        QCOMPARE(r.rows.at(2).lag.value(), 0);
        QVERIFY(r.rows.at(2).memberId.isEmpty());
        QCOMPARE(r.totalLag(), 10);
    }

    void negativeLagIsKeptNotClamped()
    {
        GroupDescription d;
        d.groupId = QStringLiteral("g");
        const GroupReport r = buildGroupReport(d, {committed(QStringLiteral("t"), 0, 120)}, {wm(QStringLiteral("t"), 0, 0, 100)});
        QCOMPARE(r.rows.first().lag.value(), -20);
        QCOMPARE(r.totalLag(), 0);
    }

    void jsonHasTheDocumentedShape()
    {
        GroupDescription d;
        d.groupId = QStringLiteral("g");
        d.state = QStringLiteral("Stable");
        GroupMember m;
        m.memberId = QStringLiteral("m1");
        m.clientId = QStringLiteral("c1");
        m.host = QStringLiteral("/h");
        m.assignments = {{QStringLiteral("t"), 1}};
        d.members = {m};
        const QJsonObject o =
            buildGroupReport(d, {committed(QStringLiteral("t"), 0, 3)}, {wm(QStringLiteral("t"), 0, 0, 5), wm(QStringLiteral("t"), 1, 0, 2)})
                .toJson();
        QCOMPARE(o.value(QStringLiteral("group")).toString(), QStringLiteral("g"));
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("Stable"));
        const QJsonObject member = o.value(QStringLiteral("members")).toArray().first().toObject();
        QCOMPARE(member.value(QStringLiteral("memberId")).toString(), QStringLiteral("m1"));
        QCOMPARE(member.value(QStringLiteral("assignments")).toArray().first().toObject().value(QStringLiteral("partition")).toInt(), 1);
        const QJsonArray parts = o.value(QStringLiteral("partitions")).toArray();
        QCOMPARE(parts.size(), 2);
        const QJsonObject p0 = parts.at(0).toObject();
        QCOMPARE(p0.value(QStringLiteral("committed")).toInteger(), 3);
        QCOMPARE(p0.value(QStringLiteral("logEnd")).toInteger(), 5);
        QCOMPARE(p0.value(QStringLiteral("lag")).toInteger(), 2);
        QVERIFY(p0.value(QStringLiteral("memberId")).isNull());
        const QJsonObject p1 = parts.at(1).toObject();
        QVERIFY(p1.value(QStringLiteral("committed")).isNull());
        QVERIFY(p1.value(QStringLiteral("lag")).isNull());
        QCOMPARE(p1.value(QStringLiteral("clientId")).toString(), QStringLiteral("c1"));
    }

    void unknownGroupIsAnError()
    {
        FakeClusterApi fake;
        auto r = fetchGroupReport(fake, QStringLiteral("nope"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("GROUP_ID_NOT_FOUND"));
        QVERIFY(r.error().message.contains(QLatin1String("nope")));
    }

    void fetchesThroughTheService()
    {
        FakeClusterApi fake;
        fake.addTopic(QStringLiteral("t"), 2);
        for (int i = 0; i < 10; ++i)
            fake.append(QStringLiteral("t"), 0, 1000 + i);
        FakeClusterApi::Group g;
        g.state = QStringLiteral("Empty");
        g.committed[{QStringLiteral("t"), 0}] = 4;
        fake.setGroup(QStringLiteral("g"), g);
        auto r = fetchGroupReport(fake, QStringLiteral("g"));
        QVERIFY(r.ok());
        QCOMPARE(r.value().rows.size(), 1);
        QCOMPARE(r.value().rows.first().lag.value(), 6);

        auto summaries = fetchGroupSummaries(fake);
        QVERIFY(summaries.ok());
        QCOMPARE(summaries.value().size(), 1);
        QCOMPARE(summaries.value().first().totalLag.value(), 6);
        QCOMPARE(summaries.value().first().memberCount, 0);
    }

    void downClusterPropagatesTheError()
    {
        FakeClusterApi fake;
        fake.setDown(true);
        auto r = fetchGroupSummaries(fake);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("_TRANSPORT"));
    }
};

QTEST_GUILESS_MAIN(TestGroupReport)
#include "tst_groupreport.moc"
