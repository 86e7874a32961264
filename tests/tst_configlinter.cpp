#include "configkeys.h"
#include "configlinter.h"
#include "jvmoptions.h"
#include "support/markingtranslator.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QTest>

using namespace kops;

namespace {

ConfigProfile profile(ProfileType type, ProfileIntent intent, std::initializer_list<std::pair<const char *, const char *>> kv,
                      const QString &hostRam = {})
{
    ConfigProfile p;
    p.name = QStringLiteral("t");
    p.type = type;
    p.intent = intent;
    p.hostRam = hostRam;
    for (const auto &[k, v] : kv)
        p.settings.insert(QString::fromLatin1(k), QString::fromLatin1(v));
    return p;
}

const LintFinding *findRule(const QList<LintFinding> &fs, const char *rule)
{
    for (const LintFinding &f : fs)
        if (f.rule == QLatin1String(rule))
            return &f;
    return nullptr;
}

bool has(const QList<LintFinding> &fs, const char *rule)
{
    return findRule(fs, rule) != nullptr;
}

ConfigProfile jvmExample()
{
    ConfigProfile p;
    p.name = QStringLiteral("jvm");
    p.type = ProfileType::Jvm;
    p.settings = JvmOptions::parse(QStringLiteral("-Xmx16G -Xms16G -Xmn10G -XX:MetaspaceSize=256M -XX:+UseG1GC "
                                                  "-XX:MaxGCPauseMillis=50 -XX:G1HeapRegionSize=16M"))
                     .settings;
    p.hostRam = QStringLiteral("32G");
    return p;
}

} // namespace

class TestConfigLinter final : public QObject
{
    Q_OBJECT
private slots:
    void doneWhenProducer();
    void doneWhenJvm();
    void doneWhenTopic();
    void severityFollowsIntent();
    void rulePositiveAndNegative_data();
    void rulePositiveAndNegative();
    void defaultsAreAssumedAndSaid();
    void minIsrLossFromTopicProfile();
    void everyFixRemovesItsFinding_data();
    void everyFixRemovesItsFinding();
    void fixesIntroduceNoNewFindings_data() { everyFixRemovesItsFinding_data(); }
    void fixesIntroduceNoNewFindings();
    void heapFixResolvesWhatItInvalidates();
    void noLossProducerWithBoundedRetries();
    void unknownKeySuggestsClosest();
    void invalidValues();
    void templatesHaveNoErrors();
    void keyDescriptionsFollowTheInstalledLanguage();
};

void TestConfigLinter::doneWhenProducer()
{
    const auto p = profile(ProfileType::Producer, ProfileIntent::NoLoss,
                           {{"acks", "1"}, {"retries", "5"}, {"enable.idempotence", "false"}});
    const auto fs = ConfigLinter::lint(p);
    for (const char *rule : {"producer.acks-loss", "producer.duplicates", "producer.reordering"}) {
        const LintFinding *f = findRule(fs, rule);
        QVERIFY2(f, rule);
        QCOMPARE(f->severity, Severity::Error);
        QVERIFY(!f->message.isEmpty());
        QVERIFY(f->fix.changesSomething());
        QVERIFY(f->docUrl.startsWith(QLatin1String("https://kafka.apache.org/documentation/#producerconfigs_")));
    }
    QCOMPARE(findRule(fs, "producer.acks-loss")->keys, QStringList{QStringLiteral("acks")});
    QVERIFY(ConfigLinter::hasErrors(fs));
}

void TestConfigLinter::doneWhenJvm()
{
    const ConfigProfile p = jvmExample();
    QCOMPARE(p.settings.value(QStringLiteral("-Xmn")), QStringLiteral("10G"));
    const auto fs = ConfigLinter::lint(p);
    QVERIFY(has(fs, "jvm.xmn-with-g1"));
    const LintFinding *share = findRule(fs, "jvm.heap-share");
    QVERIFY(share);
    QVERIFY2(share->message.contains(QLatin1String("14 GB")), qPrintable(share->message));
    QVERIFY(share->message.contains(QLatin1String("page cache")));
    QVERIFY(!has(fs, "jvm.region-size")); // 16 GB / 16 MB = 1024 regions: fine
    QVERIFY(!has(fs, "jvm.xms-xmx"));
    QVERIFY(!has(fs, "jvm.heap-compressed-oops"));
    // The host RAM from the context wins over the profile's.
    LintContext big;
    big.hostRam = 256LL << 30;
    QVERIFY(!has(ConfigLinter::lint(p, big), "jvm.heap-share"));
}

void TestConfigLinter::doneWhenTopic()
{
    const auto bad = profile(ProfileType::Topic, ProfileIntent::NoLoss,
                             {{"min.insync.replicas", "3"}, {"replication.factor", "2"}});
    const LintFinding *f = findRule(ConfigLinter::lint(bad), "topic.min-isr-exceeds-rf");
    QVERIFY(f);
    QCOMPARE(f->severity, Severity::Error);
    const auto good = profile(ProfileType::Topic, ProfileIntent::NoLoss,
                              {{"min.insync.replicas", "2"}, {"replication.factor", "3"}});
    QVERIFY(ConfigLinter::lint(good).isEmpty());
}

void TestConfigLinter::severityFollowsIntent()
{
    auto p = profile(ProfileType::Producer, ProfileIntent::Throughput, {{"acks", "0"}});
    QCOMPARE(findRule(ConfigLinter::lint(p), "producer.acks-loss")->severity, Severity::Info);
    p.intent = ProfileIntent::NoLoss;
    QCOMPARE(findRule(ConfigLinter::lint(p), "producer.acks-loss")->severity, Severity::Error);
    p.intent = ProfileIntent::Ordered;
    QCOMPARE(findRule(ConfigLinter::lint(p), "producer.acks-loss")->severity, Severity::Error);
}

void TestConfigLinter::rulePositiveAndNegative_data()
{
    QTest::addColumn<ConfigProfile>("bad");
    QTest::addColumn<ConfigProfile>("good");
    QTest::addColumn<QString>("rule");
    using T = ProfileType;
    const auto NL = ProfileIntent::NoLoss;
    const auto TP = ProfileIntent::Throughput;
    QTest::newRow("acks-loss") << profile(T::Producer, NL, {{"acks", "1"}}) << profile(T::Producer, NL, {{"acks", "all"}})
                               << QStringLiteral("producer.acks-loss");
    QTest::newRow("duplicates") << profile(T::Producer, NL, {{"enable.idempotence", "false"}})
                                << profile(T::Producer, NL, {{"enable.idempotence", "false"}, {"retries", "0"}})
                                << QStringLiteral("producer.duplicates");
    QTest::newRow("reordering")
        << profile(T::Producer, NL, {{"enable.idempotence", "false"}, {"max.in.flight.requests.per.connection", "2"}})
        << profile(T::Producer, NL, {{"enable.idempotence", "false"}, {"max.in.flight.requests.per.connection", "1"}})
        << QStringLiteral("producer.reordering");
    QTest::newRow("inflight-idempotence")
        << profile(T::Producer, NL, {{"enable.idempotence", "true"}, {"max.in.flight.requests.per.connection", "10"}})
        << profile(T::Producer, NL, {{"enable.idempotence", "true"}, {"max.in.flight.requests.per.connection", "5"}})
        << QStringLiteral("producer.inflight-idempotence");
    QTest::newRow("delivery-timeout")
        << profile(T::Producer, NL, {{"delivery.timeout.ms", "30000"}, {"linger.ms", "10"}})
        << profile(T::Producer, NL, {{"delivery.timeout.ms", "30010"}, {"linger.ms", "10"}})
        << QStringLiteral("producer.delivery-timeout");
    QTest::newRow("no-batching") << profile(T::Producer, TP, {{"linger.ms", "0"}, {"compression.type", "lz4"}})
                                 << profile(T::Producer, TP, {{"linger.ms", "20"}}) << QStringLiteral("producer.no-batching");
    QTest::newRow("no-compression") << profile(T::Producer, TP, {{"linger.ms", "20"}})
                                    << profile(T::Producer, TP, {{"compression.type", "zstd"}})
                                    << QStringLiteral("producer.no-compression");
    QTest::newRow("auto-commit") << profile(T::Consumer, NL, {}) << profile(T::Consumer, NL, {{"enable.auto.commit", "false"}})
                                 << QStringLiteral("consumer.auto-commit-loss");
    QTest::newRow("offset-reset") << profile(T::Consumer, NL, {{"auto.offset.reset", "latest"}})
                                  << profile(T::Consumer, NL, {{"auto.offset.reset", "earliest"}})
                                  << QStringLiteral("consumer.offset-reset-latest");
    QTest::newRow("min-isr-exceeds-rf") << profile(T::Topic, NL, {{"replication.factor", "3"}, {"min.insync.replicas", "4"}})
                                        << profile(T::Topic, NL, {{"replication.factor", "3"}, {"min.insync.replicas", "3"}})
                                        << QStringLiteral("topic.min-isr-exceeds-rf");
    QTest::newRow("unclean") << profile(T::Topic, NL, {{"unclean.leader.election.enable", "true"}})
                             << profile(T::Topic, NL, {{"unclean.leader.election.enable", "false"}})
                             << QStringLiteral("topic.unclean-election");
    QTest::newRow("rf-one") << profile(T::Topic, NL, {{"replication.factor", "1"}})
                            << profile(T::Topic, NL, {{"replication.factor", "2"}}) << QStringLiteral("topic.rf-one");
    QTest::newRow("heap-share") << profile(T::Jvm, NL, {{"-Xmx", "12G"}, {"-Xms", "12G"}}, QStringLiteral("32G"))
                                << profile(T::Jvm, NL, {{"-Xmx", "8G"}, {"-Xms", "8G"}}, QStringLiteral("32G"))
                                << QStringLiteral("jvm.heap-share");
    QTest::newRow("compressed-oops") << profile(T::Jvm, NL, {{"-Xmx", "32G"}, {"-Xms", "32G"}})
                                     << profile(T::Jvm, NL, {{"-Xmx", "31G"}, {"-Xms", "31G"}})
                                     << QStringLiteral("jvm.heap-compressed-oops");
    QTest::newRow("too-small") << profile(T::Jvm, NL, {{"-Xmx", "512M"}, {"-Xms", "512M"}})
                               << profile(T::Jvm, NL, {{"-Xmx", "1G"}, {"-Xms", "1G"}}) << QStringLiteral("jvm.heap-too-small");
    QTest::newRow("xms-xmx") << profile(T::Jvm, NL, {{"-Xmx", "6G"}, {"-Xms", "1G"}})
                             << profile(T::Jvm, NL, {{"-Xmx", "6G"}, {"-Xms", "6G"}}) << QStringLiteral("jvm.xms-xmx");
    QTest::newRow("xmn-with-g1") << profile(T::Jvm, NL, {{"-Xmx", "6G"}, {"-Xms", "6G"}, {"-XX:NewSize", "2G"}})
                                 << profile(T::Jvm, NL, {{"-Xmx", "6G"}, {"-Xms", "6G"}, {"-XX:NewSize", "2G"},
                                                          {"-XX:UseParallelGC", "true"}, {"-XX:UseG1GC", "false"}})
                                 << QStringLiteral("jvm.xmn-with-g1");
    QTest::newRow("young-exceeds-heap")
        << profile(T::Jvm, NL, {{"-Xmx", "6G"}, {"-Xms", "6G"}, {"-Xmn", "10G"}, {"-XX:UseParallelGC", "true"}})
        << profile(T::Jvm, NL, {{"-Xmx", "6G"}, {"-Xms", "6G"}, {"-Xmn", "2G"}, {"-XX:UseParallelGC", "true"}})
        << QStringLiteral("jvm.young-exceeds-heap");
    QTest::newRow("young-equals-heap")
        << profile(T::Jvm, NL, {{"-Xmx", "6G"}, {"-Xms", "6G"}, {"-XX:MaxNewSize", "6G"}, {"-XX:UseParallelGC", "true"}})
        << profile(T::Jvm, NL, {{"-Xmx", "6G"}, {"-Xms", "6G"}, {"-XX:MaxNewSize", "5G"}, {"-XX:UseParallelGC", "true"}})
        << QStringLiteral("jvm.young-exceeds-heap");
    QTest::newRow("retries-bounded")
        << profile(T::Producer, NL, {{"acks", "all"}, {"enable.idempotence", "true"}, {"retries", "3"}})
        << profile(T::Producer, NL, {{"acks", "all"}, {"enable.idempotence", "true"}})
        << QStringLiteral("producer.retries-bounded");
    QTest::newRow("retries-outlast-delivery-timeout")
        << profile(T::Producer, NL, {{"retries", "1000"}, {"retry.backoff.ms", "100"}})
        << profile(T::Producer, NL, {{"retries", "1000"}, {"retry.backoff.ms", "200"}})
        << QStringLiteral("producer.retries-bounded");
    QTest::newRow("collector") << profile(T::Jvm, NL, {{"-Xmx", "6G"}, {"-Xms", "6G"}, {"-XX:UseParallelGC", "true"}})
                               << profile(T::Jvm, NL, {{"-Xmx", "6G"}, {"-Xms", "6G"}, {"-XX:UseZGC", "true"}})
                               << QStringLiteral("jvm.collector");
    QTest::newRow("region-not-pow2") << profile(T::Jvm, NL, {{"-Xmx", "6G"}, {"-Xms", "6G"}, {"-XX:G1HeapRegionSize", "3M"}})
                                     << profile(T::Jvm, NL, {{"-Xmx", "6G"}, {"-Xms", "6G"}, {"-XX:G1HeapRegionSize", "4M"}})
                                     << QStringLiteral("jvm.region-size");
    QTest::newRow("region-poor-fit")
        << profile(T::Jvm, NL, {{"-Xmx", "2G"}, {"-Xms", "2G"}, {"-XX:G1HeapRegionSize", "32M"}})
        << profile(T::Jvm, NL, {{"-Xmx", "2G"}, {"-Xms", "2G"}, {"-XX:G1HeapRegionSize", "1M"}})
        << QStringLiteral("jvm.region-size");
}

void TestConfigLinter::rulePositiveAndNegative()
{
    QFETCH(ConfigProfile, bad);
    QFETCH(ConfigProfile, good);
    QFETCH(QString, rule);
    const auto badFindings = ConfigLinter::lint(bad);
    const auto goodFindings = ConfigLinter::lint(good);
    QVERIFY2(has(badFindings, qPrintable(rule)), qPrintable(rule));
    QVERIFY2(!has(goodFindings, qPrintable(rule)), qPrintable(rule));
}

void TestConfigLinter::defaultsAreAssumedAndSaid()
{
    // Nothing set: Java defaults (acks=all, idempotence, retries=MAX, 5 in flight) are safe.
    const auto p = profile(ProfileType::Producer, ProfileIntent::Ordered, {});
    QVERIFY(ConfigLinter::lint(p).isEmpty());
    bool assumed = false;
    QCOMPARE(ConfigLinter::effective(p, QStringLiteral("acks"), &assumed), QStringLiteral("all"));
    QVERIFY(assumed);
    // Consumer defaults are not: auto-commit and latest, and the message says so.
    const auto c = ConfigLinter::lint(profile(ProfileType::Consumer, ProfileIntent::NoLoss, {}));
    QVERIFY(findRule(c, "consumer.auto-commit-loss")->message.contains(QLatin1String("default, assumed")));
    // acks=1 silently turns the defaulted idempotence off.
    const auto d = ConfigLinter::lint(profile(ProfileType::Producer, ProfileIntent::NoLoss, {{"acks", "1"}}));
    QVERIFY(findRule(d, "producer.duplicates")->message.contains(QLatin1String("silently")));
}

void TestConfigLinter::minIsrLossFromTopicProfile()
{
    const auto producer = profile(ProfileType::Producer, ProfileIntent::NoLoss, {{"acks", "all"}});
    auto topic = profile(ProfileType::Topic, ProfileIntent::NoLoss, {{"replication.factor", "3"}, {"min.insync.replicas", "1"}});
    topic.name = QStringLiteral("orders");
    auto fs = ConfigLinter::lint(producer, LintContext::fromTopicProfile(topic));
    const LintFinding *f = findRule(fs, "producer.min-isr-loss");
    QVERIFY(f);
    QCOMPARE(f->severity, Severity::Error);
    QVERIFY(f->message.contains(QLatin1String("topic profile 'orders'")));
    QCOMPARE(f->fix.target, ProfileType::Topic);
    // The fix is applied to the topic profile; then the producer is clean.
    QCOMPARE(ConfigLinter::applyFix(producer, f->fix), producer);
    topic = ConfigLinter::applyFix(topic, f->fix);
    QVERIFY(!has(ConfigLinter::lint(producer, LintContext::fromTopicProfile(topic)), "producer.min-isr-loss"));
    // Replication factor 1 is also loss-prone, whatever min.insync.replicas says.
    LintContext rf1;
    rf1.replicationFactor = 1;
    rf1.minInsyncReplicas = 2;
    QVERIFY(has(ConfigLinter::lint(producer, rf1), "producer.min-isr-loss"));
    QVERIFY(!has(ConfigLinter::lint(producer), "producer.min-isr-loss")); // nothing known about the topic
}

void TestConfigLinter::everyFixRemovesItsFinding_data()
{
    QTest::addColumn<ConfigProfile>("start");
    using T = ProfileType;
    QTest::newRow("producer-no-loss") << profile(T::Producer, ProfileIntent::NoLoss,
                                                 {{"acks", "1"}, {"retries", "3"}, {"enable.idempotence", "false"},
                                                  {"max.in.flight.requests.per.connection", "10"},
                                                  {"delivery.timeout.ms", "1000"}, {"linger.ns", "5"}, {"foo", "x"},
                                                  {"group.id", "g"}, {"batch.size", "abc"}});
    QTest::newRow("producer-idempotent") << profile(T::Producer, ProfileIntent::Ordered,
                                                    {{"enable.idempotence", "true"},
                                                     {"max.in.flight.requests.per.connection", "8"}});
    QTest::newRow("producer-throughput") << profile(T::Producer, ProfileIntent::Throughput,
                                                    {{"acks", "0"}, {"batch.size", "100"}, {"compression.type", "none"}});
    QTest::newRow("consumer") << profile(T::Consumer, ProfileIntent::Ordered, {{"auto.offset.reset", "latest"},
                                                                               {"max.poll.records", "0"}});
    QTest::newRow("topic") << profile(T::Topic, ProfileIntent::NoLoss,
                                      {{"replication.factor", "2"}, {"min.insync.replicas", "3"},
                                       {"unclean.leader.election.enable", "true"}, {"retention.ms", "-5"}});
    QTest::newRow("topic-rf1") << profile(T::Topic, ProfileIntent::NoLoss, {{"replication.factor", "1"}});
    QTest::newRow("jvm-example") << jvmExample();
    QTest::newRow("jvm-parallel") << profile(T::Jvm, ProfileIntent::NoLoss,
                                             {{"-Xmx", "40G"}, {"-Xms", "2G"}, {"-XX:UseParallelGC", "true"},
                                              {"-XX:MaxGCPauseMilis", "20"}, {"-XX:MaxNewSize", "1G"}},
                                             QStringLiteral("64G"));
    QTest::newRow("jvm-parallel-young") << profile(T::Jvm, ProfileIntent::NoLoss,
                                                   {{"-Xmx", "16G"}, {"-Xms", "16G"}, {"-Xmn", "10G"},
                                                    {"-XX:UseParallelGC", "true"}, {"-XX:G1HeapRegionSize", "16M"}},
                                                   QStringLiteral("32G"));
    QTest::newRow("jvm-g1-young") << profile(T::Jvm, ProfileIntent::NoLoss,
                                             {{"-Xmx", "4G"}, {"-Xms", "4G"}, {"-Xmn", "4G"}, {"-XX:UseG1GC", "true"}});
    QTest::newRow("jvm-small") << profile(T::Jvm, ProfileIntent::NoLoss,
                                          {{"-Xmx", "256M"}, {"-XX:G1HeapRegionSize", "5M"}}, QStringLiteral("8G"));
}

void TestConfigLinter::everyFixRemovesItsFinding()
{
    QFETCH(ConfigProfile, start);
    const auto findings = ConfigLinter::lint(start);
    QVERIFY(!findings.isEmpty());
    for (const LintFinding &f : findings) {
        QVERIFY2(f.fix.changesSomething(), qPrintable(f.rule));
        QVERIFY2(!f.fix.label.isEmpty(), qPrintable(f.rule));
        const ConfigProfile fixed = ConfigLinter::applyFix(start, f.fix);
        for (const LintFinding &after : ConfigLinter::lint(fixed))
            QVERIFY2(!(after.rule == f.rule && after.keys == f.keys),
                     qPrintable(QStringLiteral("%1 survives its fix '%2': %3").arg(f.rule, f.fix.label, after.message)));
    }
}

void TestConfigLinter::fixesIntroduceNoNewFindings()
{
    // One click must not trade one finding for another: a fix resolves what it invalidates.
    QFETCH(ConfigProfile, start);
    const auto findings = ConfigLinter::lint(start);
    QStringList before;
    for (const LintFinding &f : findings)
        before << f.rule;
    for (const LintFinding &f : findings) {
        const ConfigProfile fixed = ConfigLinter::applyFix(start, f.fix);
        for (const LintFinding &after : ConfigLinter::lint(fixed))
            QVERIFY2(before.contains(after.rule),
                     qPrintable(QStringLiteral("'%1' (%2) brings %3: %4").arg(f.fix.label, f.rule, after.rule, after.message)));
    }
}

void TestConfigLinter::heapFixResolvesWhatItInvalidates()
{
    // Issue 15: -Xmx16G -Xms16G -Xmn10G on a 32 GB host, then "Set -Xmx6G -Xms6G".
    const ConfigProfile start = jvmExample();
    const auto findings = ConfigLinter::lint(start);
    const LintFinding *share = findRule(findings, "jvm.heap-share");
    QVERIFY(share);
    const ConfigProfile fixed = ConfigLinter::applyFix(start, share->fix);
    QCOMPARE(fixed.settings.value(QStringLiteral("-Xmx")), QStringLiteral("6G"));
    QCOMPARE(fixed.settings.value(QStringLiteral("-Xms")), QStringLiteral("6G"));
    QVERIFY2(!fixed.settings.contains(QStringLiteral("-Xmn")), "G1: the young generation larger than the heap goes");
    QVERIFY2(share->fix.label.contains(QLatin1String("-Xmn10G")), qPrintable(share->fix.label));
    QCOMPARE(fixed.settings.value(QStringLiteral("-XX:G1HeapRegionSize")), QStringLiteral("2M")); // 3072 regions
    const auto after = ConfigLinter::lint(fixed);
    QVERIFY(!ConfigLinter::hasErrors(after));
    QVERIFY(!has(after, "jvm.region-size"));

    // The same heap typed by hand, without the fix, is an error.
    ConfigProfile typed = start;
    typed.settings.insert(QStringLiteral("-Xmx"), QStringLiteral("6G"));
    typed.settings.insert(QStringLiteral("-Xms"), QStringLiteral("6G"));
    const auto typedFindings = ConfigLinter::lint(typed);
    const LintFinding *young = findRule(typedFindings, "jvm.young-exceeds-heap");
    QVERIFY(young);
    QCOMPARE(young->severity, Severity::Error);
    QVERIFY2(young->message.contains(QLatin1String("-Xmn10G")) && young->message.contains(QLatin1String("-Xmx6G")),
             qPrintable(young->message));
    QCOMPARE(young->fix.remove, QStringList{QStringLiteral("-Xmn")});

    // Another collector keeps a fixed young generation, a third of the new heap.
    ConfigProfile parallel = start;
    parallel.settings.remove(QStringLiteral("-XX:UseG1GC"));
    parallel.settings.insert(QStringLiteral("-XX:UseParallelGC"), QStringLiteral("true"));
    const auto parallelFindings = ConfigLinter::lint(parallel);
    QVERIFY(has(parallelFindings, "jvm.heap-share"));
    const ConfigProfile smaller = ConfigLinter::applyFix(parallel, findRule(parallelFindings, "jvm.heap-share")->fix);
    QCOMPARE(smaller.settings.value(QStringLiteral("-Xmn")), QStringLiteral("2G"));
    QVERIFY(!has(ConfigLinter::lint(smaller), "jvm.young-exceeds-heap"));
}

void TestConfigLinter::noLossProducerWithBoundedRetries()
{
    // Issue 15: acks=1 retries=3 idempotence off, fixed to acks=all + idempotence, still retries=3.
    const auto start = profile(ProfileType::Producer, ProfileIntent::NoLoss,
                               {{"acks", "1"}, {"retries", "3"}, {"enable.idempotence", "false"}});
    const auto startFindings = ConfigLinter::lint(start);
    const LintFinding *dup = findRule(startFindings, "producer.duplicates");
    QVERIFY(dup);
    const ConfigProfile idempotent = ConfigLinter::applyFix(start, dup->fix);
    QCOMPARE(idempotent.settings.value(QStringLiteral("enable.idempotence")), QStringLiteral("true"));
    QCOMPARE(idempotent.settings.value(QStringLiteral("retries")), QStringLiteral("3"));
    const auto fs = ConfigLinter::lint(idempotent);
    const LintFinding *bounded = findRule(fs, "producer.retries-bounded");
    QVERIFY2(bounded, "a bounded retries count is reported, not 'No findings'");
    QCOMPARE(bounded->severity, Severity::Error);
    QVERIFY2(bounded->message.contains(QLatin1String("delivery.timeout.ms")), qPrintable(bounded->message));
    QVERIFY(bounded->docUrl.endsWith(QLatin1String("#producerconfigs_retries")));
    QCOMPARE(bounded->fix.remove, QStringList{QStringLiteral("retries")});
    const ConfigProfile fixed = ConfigLinter::applyFix(idempotent, bounded->fix);
    QVERIFY(!fixed.settings.contains(QStringLiteral("retries")));
    QVERIFY(ConfigLinter::lint(fixed).isEmpty());
    // Throughput producers may give up early: said, not an error.
    auto throughput = idempotent;
    throughput.intent = ProfileIntent::Throughput;
    QCOMPARE(findRule(ConfigLinter::lint(throughput), "producer.retries-bounded")->severity, Severity::Info);
}

void TestConfigLinter::unknownKeySuggestsClosest()
{
    const auto fs = ConfigLinter::lint(profile(ProfileType::Producer, ProfileIntent::NoLoss, {{"linger.ns", "5"}}));
    const LintFinding *f = findRule(fs, "config.unknown-key");
    QVERIFY(f);
    QVERIFY(f->message.contains(QLatin1String("linger.ms")));
    QCOMPARE(f->fix.set.value(QStringLiteral("linger.ms")), QStringLiteral("5"));
    QCOMPARE(f->fix.remove, QStringList{QStringLiteral("linger.ns")});
    QVERIFY(f->docUrl.endsWith(QLatin1String("#producerconfigs_linger.ms")));
    const auto scope = ConfigLinter::lint(profile(ProfileType::Producer, ProfileIntent::NoLoss, {{"group.id", "g"}}));
    QVERIFY(has(scope, "config.wrong-type"));
    const auto jvm = ConfigLinter::lint(profile(ProfileType::Jvm, ProfileIntent::NoLoss,
                                                {{"-Xmx", "4G"}, {"-Xms", "4G"}, {"-XX:MaxGCPauseMilis", "20"},
                                                 {"-XX:+PrintSomethingExotic", "true"}}));
    QCOMPARE(findRule(jvm, "config.unknown-key")->keys.value(1), QStringLiteral("-XX:MaxGCPauseMillis"));
    QCOMPARE(std::count_if(jvm.cbegin(), jvm.cend(), [](const LintFinding &x) { return x.rule == QLatin1String("config.unknown-key"); }), 1);
}

void TestConfigLinter::invalidValues()
{
    const auto fs = ConfigLinter::lint(profile(ProfileType::Producer, ProfileIntent::NoLoss,
                                               {{"acks", "2"}, {"linger.ms", "-1"}, {"retries", "many"},
                                                {"enable.idempotence", "yes"}}));
    int invalid = 0;
    for (const LintFinding &f : fs)
        if (f.rule == QLatin1String("config.invalid-value")) {
            ++invalid;
            QCOMPARE(f.severity, Severity::Error);
        }
    QCOMPARE(invalid, 4);
    // An invalid value counts as the default for the other rules (acks=2 is not acks=1).
    QVERIFY(!has(fs, "producer.acks-loss"));
}

void TestConfigLinter::templatesHaveNoErrors()
{
    for (const ConfigProfile &t : builtInTemplates())
        QVERIFY2(!ConfigLinter::hasErrors(ConfigLinter::lint(t)), qPrintable(t.name));
    // The no-loss and ordered templates are spotless.
    for (const ConfigProfile &t : builtInTemplates())
        if (t.intent != ProfileIntent::Throughput && t.type != ProfileType::Jvm)
            QVERIFY2(ConfigLinter::lint(t).isEmpty(), qPrintable(t.name));
}

void TestConfigLinter::keyDescriptionsFollowTheInstalledLanguage()
{
    const KeyInfo *linger = ConfigKeys::find(ProfileType::Producer, QStringLiteral("linger.ms"));
    QVERIFY(linger);
    const QString english = QStringLiteral("Wait this long for more records to fill a batch.");
    QCOMPARE(ConfigKeys::summary(*linger), english);
    QVERIFY(ConfigKeys::describe(*linger).startsWith(english + QStringLiteral(" Unit: ms.")));

    kops::test::MarkingTranslator zh;
    QVERIFY(QCoreApplication::installTranslator(&zh));
    const auto uninstall = qScopeGuard([&] { QCoreApplication::removeTranslator(&zh); });
    // The table keeps the English source; what is shown is translated.
    QCOMPARE(linger->summary, english);
    QCOMPARE(ConfigKeys::summary(*linger), QStringLiteral("[zh] ") + english);
    QCOMPARE(ConfigKeys::describe(*linger),
             QStringLiteral("[zh] %1 [zh] Unit: ms. [zh] Range: 0 to 9.2e+18. [zh] Default: 0.").arg(english));
    for (const KeyInfo &k : ConfigKeys::all())
        QVERIFY2(ConfigKeys::summary(k).startsWith(QLatin1String("[zh] ")) && ConfigKeys::summary(k).size() > 6,
                 qPrintable(k.name));
    // The linter's invalid-value finding quotes the translated problem and description.
    const auto fs = ConfigLinter::lint(profile(ProfileType::Producer, ProfileIntent::Throughput, {{"linger.ms", "soon"}}));
    const LintFinding *invalid = findRule(fs, "config.invalid-value");
    QVERIFY(invalid);
    QVERIFY2(invalid->message.contains(QLatin1String("[zh] 'soon' is not a whole number")), qPrintable(invalid->message));
    QVERIFY2(invalid->message.contains(QStringLiteral("[zh] ") + english), qPrintable(invalid->message));
}

QTEST_GUILESS_MAIN(TestConfigLinter)
#include "tst_configlinter.moc"
