#include "fakeclusterapi.h"
#include "livecheck.h"

#include <QTest>

using namespace kops;

namespace {

ConfigProfile producer(const char *acks, ProfileIntent intent = ProfileIntent::NoLoss)
{
    ConfigProfile p;
    p.name = QStringLiteral("p");
    p.type = ProfileType::Producer;
    p.intent = intent;
    p.settings.insert(QStringLiteral("acks"), QString::fromLatin1(acks));
    return p;
}

QStringList rules(const QList<LintFinding> &fs)
{
    QStringList r;
    for (const LintFinding &f : fs)
        r << f.rule;
    return r;
}

} // namespace

class TestLiveCheck final : public QObject
{
    Q_OBJECT
private slots:
    void minIsrOneOnLiveTopic();
    void replicationFactorOneOnLiveTopic();
    void healthyTopicIsClean();
    void uncleanElection();
    void onlyTopicFindingsAreReported();
    void errorsAreValues();
};

void TestLiveCheck::minIsrOneOnLiveTopic()
{
    test::FakeClusterApi fake;
    fake.addTopic(QStringLiteral("payments"), 3, 3);
    fake.setTopicConfig(QStringLiteral("payments"), QStringLiteral("min.insync.replicas"), QStringLiteral("1"));
    auto r = LiveCheck::check(fake, producer("all"), QStringLiteral("payments"));
    QVERIFY(r.ok());
    QCOMPARE(rules(r.value()), QStringList{QStringLiteral("producer.min-isr-loss")});
    const LintFinding &f = r.value().first();
    QCOMPARE(f.severity, Severity::Error);
    QVERIFY(f.message.contains(QLatin1String("live topic 'payments'")));
    QVERIFY(f.message.contains(QLatin1String("min.insync.replicas=1")));
    QVERIFY(f.fix.label.contains(QLatin1String("kafka-configs.sh")));
}

void TestLiveCheck::replicationFactorOneOnLiveTopic()
{
    test::FakeClusterApi fake;
    fake.addTopic(QStringLiteral("logs"), 1, 1);
    fake.setTopicConfig(QStringLiteral("logs"), QStringLiteral("min.insync.replicas"), QStringLiteral("2"));
    auto ctx = LiveCheck::topicContext(fake, QStringLiteral("logs"));
    QVERIFY(ctx.ok());
    QCOMPARE(ctx.value().replicationFactor, std::optional<int>(1));
    QCOMPARE(ctx.value().minInsyncReplicas, std::optional<int>(2));
    auto r = LiveCheck::check(fake, producer("all"), QStringLiteral("logs"));
    QVERIFY(r.value().first().message.contains(QLatin1String("replication factor 1")));
    // Throughput producers are told, not failed.
    auto t = LiveCheck::check(fake, producer("all", ProfileIntent::Throughput), QStringLiteral("logs"));
    QCOMPARE(t.value().first().severity, Severity::Info);
}

void TestLiveCheck::healthyTopicIsClean()
{
    test::FakeClusterApi fake;
    fake.addTopic(QStringLiteral("orders"), 6, 3);
    fake.setTopicConfig(QStringLiteral("orders"), QStringLiteral("min.insync.replicas"), QStringLiteral("2"));
    auto r = LiveCheck::check(fake, producer("all"), QStringLiteral("orders"));
    QVERIFY(r.ok());
    QVERIFY(r.value().isEmpty());
    // Without the config the broker default (1) is assumed.
    test::FakeClusterApi bare;
    bare.addTopic(QStringLiteral("orders"), 6, 3);
    QCOMPARE(rules(LiveCheck::check(bare, producer("all"), QStringLiteral("orders")).value()),
             QStringList{QStringLiteral("producer.min-isr-loss")});
}

void TestLiveCheck::uncleanElection()
{
    test::FakeClusterApi fake;
    fake.addTopic(QStringLiteral("orders"), 6, 3);
    fake.setTopicConfig(QStringLiteral("orders"), QStringLiteral("min.insync.replicas"), QStringLiteral("2"));
    fake.setTopicConfig(QStringLiteral("orders"), QStringLiteral("unclean.leader.election.enable"), QStringLiteral("true"));
    QCOMPARE(rules(LiveCheck::check(fake, producer("all"), QStringLiteral("orders")).value()),
             QStringList{QStringLiteral("producer.unclean-election")});
}

void TestLiveCheck::onlyTopicFindingsAreReported()
{
    test::FakeClusterApi fake;
    fake.addTopic(QStringLiteral("orders"), 6, 3);
    fake.setTopicConfig(QStringLiteral("orders"), QStringLiteral("min.insync.replicas"), QStringLiteral("1"));
    // acks=1 is a profile-only finding; min-isr-loss needs acks=all, so nothing needs both.
    auto r = LiveCheck::check(fake, producer("1"), QStringLiteral("orders"));
    QVERIFY(r.ok());
    QVERIFY(r.value().isEmpty());
}

void TestLiveCheck::errorsAreValues()
{
    test::FakeClusterApi fake;
    auto missing = LiveCheck::check(fake, producer("all"), QStringLiteral("nope"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, QStringLiteral("UNKNOWN_TOPIC_OR_PART"));
    fake.addTopic(QStringLiteral("t"), 1, 3);
    fake.setDown(true);
    QVERIFY(!LiveCheck::check(fake, producer("all"), QStringLiteral("t")).ok());
    fake.setDown(false);
    ConfigProfile consumer = producer("all");
    consumer.type = ProfileType::Consumer;
    QCOMPARE(LiveCheck::check(fake, consumer, QStringLiteral("t")).error().code, QStringLiteral("USAGE"));
}

QTEST_GUILESS_MAIN(TestLiveCheck)
#include "tst_livecheck.moc"
