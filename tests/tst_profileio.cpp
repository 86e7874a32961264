#include "profileio.h"

#include <QTest>

using namespace kops;

class TestProfileIo final : public QObject
{
    Q_OBJECT
private slots:
    void guessesType();
    void importPropertiesWithLines();
    void importJson();
    void exportRoundTrips();
};

void TestProfileIo::guessesType()
{
    QCOMPARE(ProfileIo::guessType(QString(), QStringLiteral("/etc/kafka/producer.properties")), ProfileType::Producer);
    QCOMPARE(ProfileIo::guessType(QString(), QStringLiteral("consumer.properties")), ProfileType::Consumer);
    QCOMPARE(ProfileIo::guessType(QStringLiteral("export KAFKA_HEAP_OPTS=\"-Xmx1G\""), QStringLiteral("x")), ProfileType::Jvm);
    QCOMPARE(ProfileIo::guessType(QStringLiteral("acks=all\nlinger.ms=5\n"), QStringLiteral("a.properties")),
             ProfileType::Producer);
    QCOMPARE(ProfileIo::guessType(QStringLiteral("group.id=g\nauto.offset.reset=earliest\n"), QStringLiteral("a")),
             ProfileType::Consumer);
    QCOMPARE(ProfileIo::guessType(QStringLiteral("min.insync.replicas=2\nretention.ms=1\n"), QStringLiteral("a")),
             ProfileType::Topic);
}

void TestProfileIo::importPropertiesWithLines()
{
    const auto im = ProfileIo::import(QStringLiteral("acks=1\n\nretries\nlinger.ms=5\n"),
                                      QStringLiteral("/tmp/app-producer.properties"), std::nullopt, ProfileIntent::NoLoss);
    QCOMPARE(im.profile.name, QStringLiteral("app-producer"));
    QCOMPARE(im.profile.type, ProfileType::Producer);
    QCOMPARE(im.issues.size(), 1);
    const auto fs = ProfileIo::lintImported(im);
    bool malformed = false, acks = false;
    for (const LintFinding &f : fs) {
        if (f.rule == QLatin1String("file.malformed")) {
            malformed = true;
            QCOMPARE(f.line, 3);
            QCOMPARE(f.severity, Severity::Error);
        }
        if (f.rule == QLatin1String("producer.acks-loss")) {
            acks = true;
            QCOMPARE(f.line, 1);
        }
    }
    QVERIFY(malformed);
    QVERIFY(acks);
}

void TestProfileIo::importJson()
{
    const ConfigProfile t = builtInTemplates().at(1);
    const QString json = ProfileIo::exportProfile(t, ProfileIo::Format::Json);
    auto im = ProfileIo::import(json, QStringLiteral("x.json"), std::nullopt, std::nullopt);
    QVERIFY(im.issues.isEmpty());
    QCOMPARE(im.profile, t);
    im = ProfileIo::import(QStringLiteral("{\n\"name\": \"x\",\n oops"), QStringLiteral("x.json"), std::nullopt, std::nullopt);
    QCOMPARE(im.issues.size(), 1);
    QCOMPARE(im.issues.first().line, 3);
}

void TestProfileIo::exportRoundTrips()
{
    for (const ConfigProfile &t : builtInTemplates()) {
        const auto format = t.type == ProfileType::Jvm ? ProfileIo::Format::Env : ProfileIo::Format::Properties;
        const QString text = ProfileIo::exportProfile(t, format);
        const auto back = ProfileIo::import(text, QStringLiteral("f"), t.type, t.intent);
        QVERIFY2(back.issues.isEmpty(), qPrintable(t.name));
        QCOMPARE(back.profile.settings, t.settings);
    }
    QVERIFY(ProfileIo::exportProfile(builtInTemplates().at(10), ProfileIo::Format::Env)
                .contains(QLatin1String("export KAFKA_HEAP_OPTS=\"-Xmx6G -Xms6G\"")));
}

QTEST_GUILESS_MAIN(TestProfileIo)
#include "tst_profileio.moc"
