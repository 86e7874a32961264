// The commit stream's saved state (core/lag/commitstreamfile.*): written and read back exactly,
// and a damaged, cut or foreign file is no state at all (the look-back is read again).
#include "commitstreamfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kops;

namespace {

SavedCommitStream sample()
{
    SavedCommitStream s;
    s.clusterId = QStringLiteral("Xy1-cluster");
    s.partitions = 3;
    s.savedAtMs = 1'764'000'000'000;
    s.coversSinceMs = 1'763'000'000'000;
    s.positions = {{0, 17}, {1, 0}, {2, 123'456'789'012}};
    s.applied = 991;
    s.skipped = 2;
    StreamGroup g;
    GroupMetadataValue meta;
    meta.version = 3;
    meta.protocolType = QStringLiteral("consumer");
    meta.generation = 42;
    meta.protocol = QStringLiteral("range");
    meta.leader = QStringLiteral("m-1");
    meta.currentStateTimestampMs = 1'763'999'000'000;
    GroupMetadataMember m;
    m.memberId = QStringLiteral("m-1");
    m.groupInstanceId = QStringLiteral("static-1");
    m.clientId = QStringLiteral("客户端");
    m.clientHost = QStringLiteral("/10.0.0.1");
    m.rebalanceTimeoutMs = 300000;
    m.sessionTimeoutMs = 10000;
    m.subscription = QByteArray("\x00\x01sub", 5);
    m.assignment = QByteArray("\x00\x00\xff", 3);
    m.assignedPartitions = {{QStringLiteral("orders"), 0}, {QStringLiteral("orders"), 2}};
    meta.members = {m};
    g.metadata = meta;
    StreamCommit c;
    c.offset = 77;
    c.commitMs = 1'763'999'500'000;
    c.offsetSinceMs = 1'763'999'400'000;
    c.commitsOfOffset = 4;
    c.changeSeen = true;
    c.leaderEpoch = 7;
    c.metadata = QStringLiteral("meta");
    g.commits.insert({QStringLiteral("orders"), 0}, c);
    c.leaderEpoch.reset();
    c.offset = kNoOffset;
    g.commits.insert({QStringLiteral("orders"), 2}, c);
    s.groups.insert(QStringLiteral("billing"), g);
    s.groups.insert(QStringLiteral("only-commits"), StreamGroup{std::nullopt, g.commits});
    return s;
}

} // namespace

class TestCommitStreamFile : public QObject
{
    Q_OBJECT

private slots:
    void writtenAndReadBackExactly()
    {
        QTemporaryDir dir;
        const QString path = commitstreamfile::pathFor(dir.path(), QStringLiteral("prod / eu-west"));
        QVERIFY(path.startsWith(dir.path()));
        const SavedCommitStream s = sample();
        QVERIFY(commitstreamfile::save(path, s));
        const auto r = commitstreamfile::load(path);
        QVERIFY(r);
        QCOMPARE(r->clusterId, s.clusterId);
        QCOMPARE(r->partitions, 3);
        QCOMPARE(r->savedAtMs, s.savedAtMs);
        QCOMPARE(r->coversSinceMs, s.coversSinceMs);
        QCOMPARE(r->positions, s.positions);
        QCOMPARE(r->applied, 991);
        QCOMPARE(r->skipped, 2);
        QCOMPARE(r->groups.size(), 2);
        const StreamGroup &g = r->groups.value(QStringLiteral("billing"));
        QVERIFY(g.metadata);
        QCOMPARE(g.metadata->generation, 42);
        QCOMPARE(g.metadata->currentStateTimestampMs, std::optional<qint64>(1'763'999'000'000));
        QCOMPARE(g.metadata->members.size(), 1);
        const GroupMetadataMember &m = g.metadata->members.first();
        QCOMPARE(m.clientId, QStringLiteral("客户端"));
        QCOMPARE(m.groupInstanceId, QStringLiteral("static-1"));
        QCOMPARE(m.subscription, QByteArray("\x00\x01sub", 5));
        QCOMPARE(m.assignedPartitions.size(), 2);
        QCOMPARE(m.assignedPartitions.at(1).second, 2);
        const StreamCommit c = g.commits.value({QStringLiteral("orders"), 0});
        QCOMPARE(c.offset, 77);
        QCOMPARE(c.commitsOfOffset, 4);
        QVERIFY(c.changeSeen);
        QCOMPARE(c.leaderEpoch, std::optional<int>(7));
        QCOMPARE(c.metadata, QStringLiteral("meta"));
        QCOMPARE(g.commits.value({QStringLiteral("orders"), 2}).offset, kNoOffset);
        QVERIFY(!g.commits.value({QStringLiteral("orders"), 2}).leaderEpoch);
        QVERIFY(!r->groups.value(QStringLiteral("only-commits")).metadata);
        QCOMPARE(r->groups.value(QStringLiteral("only-commits")).commits.size(), 2);
    }

    void damagedOrForeignFilesAreNoState()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.bin"));
        QVERIFY(!commitstreamfile::load(path)); // none
        QVERIFY(commitstreamfile::save(path, sample()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray whole = f.readAll();
        f.close();
        auto write = [&](const QByteArray &bytes) {
            QFile w(path);
            QVERIFY(w.open(QIODevice::WriteOnly | QIODevice::Truncate));
            w.write(bytes);
        };
        for (qsizetype cut : {qsizetype(3), whole.size() / 2, whole.size() - 1}) {
            write(whole.left(cut));
            QVERIFY2(!commitstreamfile::load(path), qPrintable(QString::number(cut)));
        }
        write(whole + QByteArray("tail"));
        QVERIFY(!commitstreamfile::load(path));
        QByteArray otherVersion = whole;
        otherVersion[5] = char(0x7f);
        write(otherVersion);
        QVERIFY(!commitstreamfile::load(path));
        write(QByteArray("not a state file at all"));
        QVERIFY(!commitstreamfile::load(path));
        write(whole);
        QVERIFY(commitstreamfile::load(path));
    }
};

QTEST_GUILESS_MAIN(TestCommitStreamFile)
#include "tst_commitstreamfile.moc"
