#include "profilediff.h"

#include <QTest>

using namespace kops;

class TestProfileDiff final : public QObject
{
    Q_OBJECT
private slots:
    void identicalProfilesHaveNoDifferences();
    void addedRemovedChanged();
};

void TestProfileDiff::identicalProfilesHaveNoDifferences()
{
    const ConfigProfile p = builtInTemplates().first();
    QVERIFY(diffProfiles(p, p).isEmpty());
}

void TestProfileDiff::addedRemovedChanged()
{
    ConfigProfile a;
    a.type = ProfileType::Producer;
    a.intent = ProfileIntent::Throughput;
    a.settings = {{QStringLiteral("acks"), QStringLiteral("1")}, {QStringLiteral("linger.ms"), QStringLiteral("20")},
                  {QStringLiteral("client.id"), QStringLiteral("x")}};
    ConfigProfile b = a;
    b.intent = ProfileIntent::NoLoss;
    b.settings.remove(QStringLiteral("linger.ms"));
    b.settings[QStringLiteral("acks")] = QStringLiteral("all");
    b.settings[QStringLiteral("enable.idempotence")] = QStringLiteral("true");
    const auto d = diffProfiles(a, b);
    QCOMPARE(d.size(), 4);
    QCOMPARE(d[0].key, QStringLiteral("(intent)"));
    QCOMPARE(d[1].key, QStringLiteral("acks"));
    QCOMPARE(d[1].kind, ProfileDifference::Kind::Changed);
    QCOMPARE(d[1].left, QStringLiteral("1"));
    QCOMPARE(d[1].right, QStringLiteral("all"));
    QCOMPARE(d[2].key, QStringLiteral("enable.idempotence"));
    QCOMPARE(d[2].kind, ProfileDifference::Kind::Added);
    QCOMPARE(d[2].left, QStringLiteral("(default: true)"));
    QCOMPARE(d[3].key, QStringLiteral("linger.ms"));
    QCOMPARE(d[3].kind, ProfileDifference::Kind::Removed);
    QCOMPARE(d[3].right, QStringLiteral("(default: 0)"));
}

QTEST_GUILESS_MAIN(TestProfileDiff)
#include "tst_profilediff.moc"
