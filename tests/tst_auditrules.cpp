// The audit's rules on records in memory: duplicates by bytes and by id, order breaks within a
// key and within a partition for null keys, keys in several partitions, field sources, and the
// digest bound: several passes give the same answer as one with tables a fraction the size.
#include "auditrules.h"
#include "topicaudit.h"

#include <QRandomGenerator>
#include <QTest>

using namespace kops;

namespace {

ConsumedRecord rec(int partition, qint64 offset, std::optional<QByteArray> key, QByteArray value, QList<RecordHeader> headers = {})
{
    ConsumedRecord r;
    r.topic = QStringLiteral("t");
    r.partition = partition;
    r.offset = offset;
    r.timestampMs = 1'700'000'000'000 + offset;
    r.key = std::move(key);
    r.value = std::move(value);
    r.headers = std::move(headers);
    return r;
}

AuditReport audit(const QList<ConsumedRecord> &records, const QString &id, const QString &seq, qint64 limit = 1'000'000)
{
    AuditSpec spec;
    spec.topic = QStringLiteral("t");
    spec.id = FieldSource::parse(id).value();
    spec.seq = FieldSource::parse(seq).value();
    spec.digestLimit = limit;
    spec.maxExamples = 1000;
    auto scan = [&](const std::function<void(const RecordView &)> &visit, const std::function<void(qint64)> &tick) -> Result<bool> {
        for (const ConsumedRecord &r : records)
            visit(RecordView::of(r));
        tick(records.size());
        return true;
    };
    return TopicAudit::runPasses(spec, records.size(), scan).value();
}

} // namespace

class TestAuditRules : public QObject
{
    Q_OBJECT
private slots:
    void fieldSources()
    {
        QVERIFY(FieldSource::parse(QStringLiteral("json:$.order.id")));
        QVERIFY(FieldSource::parse(QStringLiteral("json:$.items[1].sku")));
        QVERIFY(FieldSource::parse(QStringLiteral("header:event-id")));
        QVERIFY(!FieldSource::parse(QStringLiteral("json:orderId")));
        QVERIFY(!FieldSource::parse(QStringLiteral("xpath:/a")));
        QVERIFY(!FieldSource::parse(QStringLiteral("header:")));
        QVERIFY(!FieldSource::parse(QStringLiteral("json:$.a[x]")));

        const ConsumedRecord r = rec(0, 0, QByteArray("k"), R"({"order":{"id":"A-1","seq":"17"},"items":[{"sku":1},{"sku":22}]})",
                                     {{QStringLiteral("seq-bin"), QByteArray("\0\0\0\0\0\0\1\0", 8)},
                                      {QStringLiteral("seq-txt"), QByteArray("42")}});
        const QJsonDocument json = QJsonDocument::fromJson(*r.value);
        const RecordView v = RecordView::of(r);
        QCOMPARE(*FieldSource::parse(QStringLiteral("json:$.order.id")).value().bytes(v, &json), QByteArray("A-1"));
        QCOMPARE(*FieldSource::parse(QStringLiteral("json:$.items[1].sku")).value().bytes(v, &json), QByteArray("22"));
        QCOMPARE(*FieldSource::parse(QStringLiteral("json:$.order.seq")).value().number(v, &json), 17);
        QVERIFY(!FieldSource::parse(QStringLiteral("json:$.order.missing")).value().bytes(v, &json));
        QCOMPARE(*FieldSource::parse(QStringLiteral("header:seq-bin")).value().number(v, nullptr), 256);
        QCOMPARE(*FieldSource::parse(QStringLiteral("header:seq-txt")).value().number(v, nullptr), 42);
        QVERIFY(!FieldSource::parse(QStringLiteral("header:nope")).value().number(v, nullptr));
    }

    void duplicatesByKeyAndValue()
    {
        const QList<ConsumedRecord> records{rec(0, 0, QByteArray("a"), "v1"), rec(0, 1, QByteArray("a"), "v2"),
                                            rec(1, 0, QByteArray("b"), "v1"), rec(0, 2, QByteArray("a"), "v1"),
                                            rec(1, 1, std::nullopt, "v1"), rec(1, 2, QByteArray(""), "v1"),
                                            rec(1, 3, std::nullopt, "v1")};
        const AuditReport r = audit(records, {}, {});
        QCOMPARE(r.scanned, 7);
        QCOMPARE(r.duplicates, 2); // 0/2 repeats 0/0; 1/3 repeats 1/1 (null key, not the empty one)
        QCOMPARE(r.examples.first().kind, AuditFindingKind::Duplicate);
        QCOMPARE(r.examples.first().earlierOffset, 0);
        QCOMPARE(r.examples.first().offset, 2);
        QVERIFY(!r.clean());
    }

    void duplicatesById()
    {
        const QList<ConsumedRecord> records{rec(0, 0, QByteArray("a"), R"({"id":1,"at":"x"})"),
                                            rec(0, 1, QByteArray("a"), R"({"id":1,"at":"y"})"), // same id, other bytes
                                            rec(0, 2, QByteArray("a"), R"({"at":"z"})"),
                                            rec(0, 3, QByteArray("a"), R"({"id":2})")};
        const AuditReport r = audit(records, QStringLiteral("json:$.id"), {});
        QCOMPARE(r.duplicates, 1);
        QCOMPARE(r.withoutId, 1);
        QCOMPARE(r.examples.first().id, QStringLiteral("1"));
        QVERIFY(r.examples.first().description().contains(QStringLiteral("0/0")));
    }

    void orderBreaksWithinKeyAndPartition()
    {
        auto v = [](int seq) { return QByteArray(R"({"seq":)") + QByteArray::number(seq) + "}"; };
        const QList<ConsumedRecord> records{
            rec(0, 0, QByteArray("a"), v(1)), rec(0, 1, QByteArray("b"), v(10)), rec(0, 2, QByteArray("a"), v(3)),
            rec(0, 3, QByteArray("a"), v(2)), // a: 3 -> 2 breaks
            rec(0, 4, QByteArray("b"), v(11)), rec(0, 5, QByteArray("a"), v(4)),
            rec(1, 0, std::nullopt, v(5)), rec(1, 1, std::nullopt, v(4)), // null keys: within partition 1
            rec(2, 0, std::nullopt, v(1)),                                 // partition 2 starts its own
            rec(1, 2, std::nullopt, v(6))};
        const AuditReport r = audit(records, {}, QStringLiteral("json:$.seq"));
        QCOMPARE(r.orderBreaks, 2);
        QCOMPARE(r.keysInSeveralPartitions, 0);
        QList<AuditFinding> breaks;
        for (const AuditFinding &f : r.examples)
            if (f.kind == AuditFindingKind::OrderBreak)
                breaks.append(f);
        QCOMPARE(breaks.size(), 2);
        std::sort(breaks.begin(), breaks.end(), [](const AuditFinding &a, const AuditFinding &b) { return a.partition < b.partition; });
        QCOMPARE(*breaks.at(0).sequence, 2);
        QCOMPARE(*breaks.at(0).earlierSequence, 3);
        QCOMPARE(breaks.at(0).earlierOffset, 2);
        QCOMPARE(*breaks.at(1).sequence, 4);
        QCOMPARE(breaks.at(1).partition, 1);
    }

    void keysInSeveralPartitions()
    {
        auto v = [](int seq) { return QByteArray(R"({"seq":)") + QByteArray::number(seq) + "}"; };
        // After a partition count change key a moves from 0 to 3: counted once, and its
        // sequence is compared within each partition only (3's 1 is not a break after 0's 5).
        const QList<ConsumedRecord> records{rec(0, 0, QByteArray("a"), v(5)), rec(3, 0, QByteArray("a"), v(1)),
                                            rec(3, 1, QByteArray("a"), v(2)), rec(0, 1, QByteArray("b"), v(1))};
        const AuditReport r = audit(records, {}, QStringLiteral("json:$.seq"));
        QCOMPARE(r.keysInSeveralPartitions, 1);
        QCOMPARE(r.orderBreaks, 0);
        QCOMPARE(r.examples.first().kind, AuditFindingKind::KeyInSeveralPartitions);
        QCOMPARE(r.examples.first().earlierPartition, 0);
    }

    void cleanTopicIsClean()
    {
        QList<ConsumedRecord> records;
        for (int i = 0; i < 100; ++i)
            records.append(rec(i % 4, i / 4, QByteArray("k") + QByteArray::number(i % 4), R"({"seq":)" + QByteArray::number(i) + "}"));
        const AuditReport r = audit(records, QStringLiteral("json:$.seq"), QStringLiteral("json:$.seq"));
        QVERIFY(r.clean());
        QVERIFY(r.examples.isEmpty());
        QVERIFY(r.toJsonLines().isEmpty());
    }

    void digestBoundGivesTheSameAnswerInSeveralPasses()
    {
        // 20,000 records over 500 keys with 300 duplicates and 200 order breaks; a limit of
        // 3,000 digests takes 7 passes and must find exactly what one pass finds.
        QList<ConsumedRecord> records;
        QHash<int, qint64> nextOffset;
        auto *rng = QRandomGenerator::global();
        QHash<int, int> seqOfKey;
        for (int i = 0; i < 20'000; ++i) {
            const int key = int(rng->bounded(500));
            const int partition = key % 8;
            int seq = ++seqOfKey[key];
            if (i % 100 == 50)
                seq -= 2; // below the previous one of this key: a break
            records.append(rec(partition, nextOffset[partition]++, QByteArray("key-") + QByteArray::number(key),
                               R"({"id":)" + QByteArray::number(i % 100 == 7 ? i - 1 : i) + R"(,"seq":)" + QByteArray::number(seq) + "}"));
        }
        const AuditReport one = audit(records, QStringLiteral("json:$.id"), QStringLiteral("json:$.seq"));
        const AuditReport many = audit(records, QStringLiteral("json:$.id"), QStringLiteral("json:$.seq"), 3000);
        QCOMPARE(one.passes, 1);
        QCOMPARE(many.passes, 7);
        QCOMPARE(one.duplicates, 200);
        QVERIFY(one.orderBreaks >= 150); // a break can be undone by the next one on a key
        QCOMPARE(many.duplicates, one.duplicates);
        QCOMPARE(many.orderBreaks, one.orderBreaks);
        QCOMPARE(many.distinctRecords, one.distinctRecords);
        // The tables of a pass hold a seventh of the digests: well under the one-pass tables.
        QVERIFY2(many.tableBytes * 3 < one.tableBytes, qPrintable(QStringLiteral("%1 vs %2").arg(many.tableBytes).arg(one.tableBytes)));
        QVERIFY(many.tableBytes <= 3000 * 4 * (DigestTable<quint64>::kBytesPerSlot + 32));
    }

    void examplesAreBounded()
    {
        QList<ConsumedRecord> records;
        for (int i = 0; i < 500; ++i)
            records.append(rec(0, i, QByteArray("k"), "same"));
        AuditSpec spec;
        spec.maxExamples = 10;
        auto scan = [&](const std::function<void(const RecordView &)> &visit, const std::function<void(qint64)> &) -> Result<bool> {
            for (const ConsumedRecord &r : records)
                visit(RecordView::of(r));
            return true;
        };
        const AuditReport r = TopicAudit::runPasses(spec, records.size(), scan).value();
        QCOMPARE(r.duplicates, 499);
        QCOMPARE(r.examples.size(), 10);
        QCOMPARE(r.toJsonLines().count('\n'), 10);
    }
};

QTEST_GUILESS_MAIN(TestAuditRules)
#include "tst_auditrules.moc"
