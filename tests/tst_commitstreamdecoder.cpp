// Decoding of __consumer_offsets records (and the state they build), on byte fixtures written by hand from Kafka's
// schema (kafka.coordinator.group.GroupMetadataManager, 2.4): every key and value version.
#include "commitstream.h"
#include "commitstreamdecoder.h"

#include <QTest>

using namespace kops;
using namespace kops::offsetstopic;

namespace {

// Spaces and '|' separate the fields for the reader; fromHex skips them.
QByteArray hex(const char *s)
{
    return QByteArray::fromHex(QByteArray(s));
}

constexpr qint64 kCommitTs = 1700000000123;  // 0000018bcfe5687b
constexpr qint64 kExpireTs = 1700000060000;  // 0000018bcfe65260

// ConsumerProtocol assignment v0: topic "t" partitions 0 and 1, null user data (25 bytes).
#define ASSIGNMENT "00000019 | 0000 00000001 0001 74 00000002 00000000 00000001 ffffffff"

} // namespace

class TestCommitStreamDecoder : public QObject
{
    Q_OBJECT

private slots:
    void keyVersion0IsAnOffsetCommit()
    {
        const auto k = decodeKey(hex("0000 | 0002 6731 | 0001 74 | 00000000"));
        QVERIFY(k);
        QCOMPARE(k->kind, OffsetsTopicKey::Kind::OffsetCommit);
        QCOMPARE(k->version, 0);
        QCOMPARE(k->group, QStringLiteral("g1"));
        QCOMPARE(k->topic, QStringLiteral("t"));
        QCOMPARE(k->partition, 0);
    }

    void keyVersion1IsAnOffsetCommit()
    {
        const auto k = decodeKey(hex("0001 | 0005 67726f7570 | 0006 6f7264657273 | 00000003"));
        QVERIFY(k);
        QCOMPARE(k->kind, OffsetsTopicKey::Kind::OffsetCommit);
        QCOMPARE(k->version, 1);
        QCOMPARE(k->group, QStringLiteral("group"));
        QCOMPARE(k->topic, QStringLiteral("orders"));
        QCOMPARE(k->partition, 3);
    }

    void keyVersion2IsGroupMetadata()
    {
        const auto k = decodeKey(hex("0002 | 0005 67726f7570"));
        QVERIFY(k);
        QCOMPARE(k->kind, OffsetsTopicKey::Kind::GroupMetadata);
        QCOMPARE(k->group, QStringLiteral("group"));
        QVERIFY(k->topic.isEmpty());
    }

    void badKeysAreRejected()
    {
        QVERIFY(!decodeKey(hex("0003 | 0001 67")));            // unknown version
        QVERIFY(!decodeKey(hex("0001 | 0005 6772")));          // group cut short
        QVERIFY(!decodeKey(hex("0001 | 0001 67 | 0001 74"))); // partition missing
        QVERIFY(!decodeKey(QByteArray()));
        QVERIFY(!decodeKey(hex("00")));
    }

    void valueVersion0()
    {
        const auto v = decodeOffsetCommitValue(hex("0000 | 000000000000002a | 0001 6d | 0000018bcfe5687b"));
        QVERIFY(v);
        QCOMPARE(v->version, 0);
        QCOMPARE(v->offset, 42);
        QCOMPARE(v->metadata, QStringLiteral("m"));
        QCOMPARE(v->commitTimestampMs, kCommitTs);
        QVERIFY(!v->leaderEpoch);
        QVERIFY(!v->expireTimestampMs);
    }

    void valueVersion1HasAnExpireTimestamp()
    {
        const auto v = decodeOffsetCommitValue(
            hex("0001 | 0000000000000064 | 0000 | 0000018bcfe5687b | 0000018bcfe65260"));
        QVERIFY(v);
        QCOMPARE(v->version, 1);
        QCOMPARE(v->offset, 100);
        QVERIFY(v->metadata.isEmpty());
        QCOMPARE(v->commitTimestampMs, kCommitTs);
        QCOMPARE(v->expireTimestampMs.value_or(-1), kExpireTs);
    }

    void valueVersion2()
    {
        const auto v = decodeOffsetCommitValue(hex("0002 | 0000000000000007 | 0002 6162 | 0000018bcfe5687b"));
        QVERIFY(v);
        QCOMPARE(v->version, 2);
        QCOMPARE(v->offset, 7);
        QCOMPARE(v->metadata, QStringLiteral("ab"));
        QCOMPARE(v->commitTimestampMs, kCommitTs);
        QVERIFY(!v->expireTimestampMs);
    }

    void valueVersion3HasALeaderEpoch()
    {
        const auto v = decodeOffsetCommitValue(hex("0003 | 00000000000000ea | 00000005 | 0000 | 0000018bcfe5687b"));
        QVERIFY(v);
        QCOMPARE(v->version, 3);
        QCOMPARE(v->offset, 234);
        QCOMPARE(v->leaderEpoch.value_or(-7), 5);
        QCOMPARE(v->commitTimestampMs, kCommitTs);

        const auto none = decodeOffsetCommitValue(hex("0003 | 00000000000000ea | ffffffff | ffff | 0000018bcfe5687b"));
        QVERIFY(none);
        QVERIFY(!none->leaderEpoch); // -1: no epoch
        QVERIFY(none->metadata.isEmpty()); // null metadata
    }

    void badValuesAreRejected()
    {
        QVERIFY(!decodeOffsetCommitValue(hex("0004 | 0000000000000001 | 0000 | 0000018bcfe5687b")));
        QVERIFY(!decodeOffsetCommitValue(hex("0003 | 00000000000000ea | 00000005 | 0000 | 0000018b"))); // cut
        QVERIFY(!decodeOffsetCommitValue(hex("0001 | 0000000000000064 | 0000 | 0000018bcfe5687b")));    // no expire
        QVERIFY(!decodeOffsetCommitValue(hex("0000 | 000000000000002a | 00ff 6d | 0000018bcfe5687b"))); // string overruns
    }

    void groupMetadataVersion0()
    {
        const auto g = decodeGroupMetadataValue(hex("0000 | 0008 636f6e73756d6572 | 00000003 | 0005 72616e6765 | 0003 6d2d31"
                                                    " | 00000001 | 0003 6d2d31 | 0001 63 | 0002 2f68 | 00002710"
                                                    " | 00000000 | " ASSIGNMENT));
        QVERIFY(g);
        QCOMPARE(g->version, 0);
        QCOMPARE(g->protocolType, QStringLiteral("consumer"));
        QCOMPARE(g->generation, 3);
        QCOMPARE(g->protocol, QStringLiteral("range"));
        QCOMPARE(g->leader, QStringLiteral("m-1"));
        QVERIFY(!g->currentStateTimestampMs);
        QCOMPARE(g->members.size(), 1);
        const GroupMetadataMember &m = g->members.first();
        QCOMPARE(m.memberId, QStringLiteral("m-1"));
        QCOMPARE(m.clientId, QStringLiteral("c"));
        QCOMPARE(m.clientHost, QStringLiteral("/h"));
        QCOMPARE(m.sessionTimeoutMs, 10000);
        QCOMPARE(m.rebalanceTimeoutMs, -1);
        const QList<QPair<QString, int>> expected{{QStringLiteral("t"), 0}, {QStringLiteral("t"), 1}};
        QCOMPARE(m.assignedPartitions, expected);
    }

    void groupMetadataVersion1HasARebalanceTimeout()
    {
        const auto g = decodeGroupMetadataValue(hex("0001 | 0008 636f6e73756d6572 | 00000004 | 0005 72616e6765 | 0003 6d2d31"
                                                    " | 00000001 | 0003 6d2d31 | 0001 63 | 0002 2f68 | 0000ea60 | 00002710"
                                                    " | 00000000 | " ASSIGNMENT));
        QVERIFY(g);
        QCOMPARE(g->version, 1);
        QCOMPARE(g->generation, 4);
        QCOMPARE(g->members.size(), 1);
        QCOMPARE(g->members.first().rebalanceTimeoutMs, 60000);
        QCOMPARE(g->members.first().sessionTimeoutMs, 10000);
        QCOMPARE(g->members.first().assignedPartitions.size(), 2);
    }

    void groupMetadataVersion2HasAStateTimestamp()
    {
        const auto g = decodeGroupMetadataValue(hex("0002 | 0008 636f6e73756d6572 | 00000005 | 0005 72616e6765 | 0003 6d2d31"
                                                    " | 0000018bcfe5687b"
                                                    " | 00000001 | 0003 6d2d31 | 0001 63 | 0002 2f68 | 0000ea60 | 00002710"
                                                    " | 00000000 | " ASSIGNMENT));
        QVERIFY(g);
        QCOMPARE(g->version, 2);
        QCOMPARE(g->currentStateTimestampMs.value_or(-1), kCommitTs);
        QCOMPARE(g->members.size(), 1);
        QCOMPARE(g->members.first().clientHost, QStringLiteral("/h"));
    }

    void groupMetadataVersion3HasStaticMembers()
    {
        const auto g = decodeGroupMetadataValue(hex("0003 | 0008 636f6e73756d6572 | 00000006 | 0005 72616e6765 | 0003 6d2d31"
                                                    " | 0000018bcfe5687b | 00000002"
                                                    " | 0003 6d2d31 | 0003 692d31 | 0001 63 | 0002 2f68 | 0000ea60 | 00002710"
                                                    " | 00000000 | " ASSIGNMENT
                                                    " | 0003 6d2d32 | ffff | 0001 64 | 0002 2f69 | 0000ea60 | 00001388"
                                                    " | 00000000 | 00000000"));
        QVERIFY(g);
        QCOMPARE(g->version, 3);
        QCOMPARE(g->members.size(), 2);
        QCOMPARE(g->members[0].groupInstanceId, QStringLiteral("i-1"));
        QCOMPARE(g->members[0].assignedPartitions.size(), 2);
        QCOMPARE(g->members[1].memberId, QStringLiteral("m-2"));
        QVERIFY(g->members[1].groupInstanceId.isEmpty()); // null: dynamic member
        QCOMPARE(g->members[1].clientId, QStringLiteral("d"));
        QCOMPARE(g->members[1].sessionTimeoutMs, 5000);
        QVERIFY(g->members[1].assignedPartitions.isEmpty());
    }

    void emptyGroupHasNoProtocolAndNoMembers()
    {
        // What the coordinator writes when the last member leaves: protocol and leader null.
        const auto g = decodeGroupMetadataValue(
            hex("0003 | 0008 636f6e73756d6572 | 00000007 | ffff | ffff | 0000018bcfe5687b | 00000000"));
        QVERIFY(g);
        QCOMPARE(g->generation, 7);
        QVERIFY(g->protocol.isEmpty());
        QVERIFY(g->leader.isEmpty());
        QVERIFY(g->members.isEmpty());
    }

    void badGroupMetadataIsRejected()
    {
        QVERIFY(!decodeGroupMetadataValue(hex("0004 | 0008 636f6e73756d6572 | 00000007 | ffff | ffff | 00000000")));
        // a member count far beyond the bytes left: rejected, not looped over
        QVERIFY(!decodeGroupMetadataValue(hex("0000 | 0008 636f6e73756d6572 | 00000007 | ffff | ffff | 7fffffff")));
        QVERIFY(!decodeGroupMetadataValue(hex("0002 | 0008 636f6e73756d6572 | 00000007 | ffff | ffff"))); // no timestamp
    }

    void consumerAssignment()
    {
        const auto a = decodeConsumerAssignment(hex("0001 00000002 0001 61 00000001 00000004 0001 62 00000000 ffffffff"));
        QVERIFY(a);
        const QList<QPair<QString, int>> expected{{QStringLiteral("a"), 4}};
        QCOMPARE(*a, expected);
        QVERIFY(!decodeConsumerAssignment(hex("0000 00000001 0001 61 00000002 00000000")));
    }

    // CommitStreamState: records applied in log order.
    void stateKeepsTheLatestCommitWithItsTimes()
    {
        CommitStreamState state;
        const QByteArray key = hex("0001 | 0005 67726f7570 | 0006 6f7264657273 | 00000003");
        // offset 234 committed at kCommitTs, again 60 s later (kExpireTs), then 300.
        QVERIFY(state.apply(key, hex("0003 | 00000000000000ea | 00000005 | 0000 | 0000018bcfe5687b")));
        QVERIFY(state.apply(key, hex("0003 | 00000000000000ea | 00000005 | 0000 | 0000018bcfe65260")));
        const StreamGroup *g = state.group(QStringLiteral("group"));
        QVERIFY(g);
        StreamCommit c = g->commits.value({QStringLiteral("orders"), 3});
        QCOMPARE(c.offset, 234);
        QCOMPARE(c.commitMs, kExpireTs);       // the latest commit
        QCOMPARE(c.offsetSinceMs, kCommitTs);  // the first commit of this offset
        QCOMPARE(c.commitsOfOffset, 2);
        QVERIFY(!c.changeSeen);
        QCOMPARE(c.leaderEpoch.value_or(-1), 5);

        QVERIFY(state.apply(key, hex("0001 | 000000000000012c | 0000 | 0000018bcfe65260 | 0000018bcfe65260")));
        c = state.group(QStringLiteral("group"))->commits.value({QStringLiteral("orders"), 3});
        QCOMPARE(c.offset, 300);
        QCOMPARE(c.commitsOfOffset, 1);
        QCOMPARE(c.offsetSinceMs, kExpireTs);
        QVERIFY(c.changeSeen);
        QCOMPARE(state.recordsApplied(), 3);
    }

    void tombstonesDeleteOffsetsAndGroups()
    {
        CommitStreamState state;
        const QByteArray offsetKey = hex("0001 | 0002 6731 | 0001 74 | 00000000");
        const QByteArray groupKey = hex("0002 | 0002 6731");
        QVERIFY(state.apply(offsetKey, hex("0003 | 000000000000002a | ffffffff | 0000 | 0000018bcfe5687b")));
        QVERIFY(state.apply(groupKey, hex("0003 | 0008 636f6e73756d6572 | 00000007 | ffff | ffff | 0000018bcfe5687b | 00000000")));
        QVERIFY(state.group(QStringLiteral("g1"))->metadata);
        QCOMPARE(state.group(QStringLiteral("g1"))->metadata->generation, 7);

        QVERIFY(state.apply(offsetKey, std::nullopt)); // offset expired or deleted
        QVERIFY(state.group(QStringLiteral("g1")));    // the group's metadata is still there
        QVERIFY(state.group(QStringLiteral("g1"))->commits.isEmpty());
        QVERIFY(state.apply(groupKey, std::nullopt)); // group deleted
        QVERIFY(!state.group(QStringLiteral("g1")));
    }

    void undecodableRecordsAreSkipped()
    {
        CommitStreamState state;
        QVERIFY(!state.apply(hex("0009 | 0001 67"), hex("0003")));
        QVERIFY(!state.apply(hex("0001 | 0001 67 | 0001 74 | 00000000"), hex("0007 | 00")));
        QCOMPARE(state.recordsSkipped(), 2);
        QVERIFY(state.groups().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCommitStreamDecoder)
#include "tst_commitstreamdecoder.moc"
