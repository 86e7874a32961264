// DeadLetterModel: bounded window by rows and bytes, batched inserts/removes, columns.
#include "dlq/deadlettermodel.h"
#include "models/keyedtablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace kops;

namespace {

QList<DeadLetterRecord> page(int first, int count, int valueSize = 10)
{
    QList<DeadLetterRecord> out;
    for (int i = first; i < first + count; ++i) {
        DeadLetterRecord r;
        r.record.topic = QStringLiteral("dlq");
        r.record.partition = i % 3;
        r.record.offset = i;
        r.record.timestampMs = 1700000000000LL + i;
        r.record.key = QByteArray("k") + QByteArray::number(i);
        r.record.value = QByteArray(valueSize, 'v');
        r.info.originalTopic = QStringLiteral("orders");
        r.info.originalPartition = 2;
        r.info.errorClass = QStringLiteral("E");
        out.append(r);
    }
    return out;
}

} // namespace

class TestDeadLetterModel : public QObject
{
    Q_OBJECT

private slots:
    void windowKeepsTheLatestRows()
    {
        DeadLetterModel model(100);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        for (int p = 0; p < 10; ++p)
            model.append(page(p * 40, 40));
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.record(0).record.offset, 300);
        QCOMPARE(model.record(99).record.offset, 399);
        QCOMPARE(model.droppedRows(), 300);
        QCOMPARE(inserted.size(), 10); // one insert per page
        QVERIFY(removed.size() <= 10);  // one remove per page at most
        model.append(page(1000, 250)); // a page larger than the window keeps its tail
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.record(0).record.offset, 1150);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.droppedRows(), 0);
    }

    void windowIsBoundedByBytes()
    {
        DeadLetterModel model(1000, 5 * 1024 * 1024);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 5; ++i)
            model.append(page(i, 1, 2 * 1024 * 1024)); // 2 MB values
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.bytes() <= 5 * 1024 * 1024);
        QCOMPARE(model.record(1).record.offset, 4);
    }

    void columns()
    {
        DeadLetterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<DeadLetterRecord> p = page(7, 1);
        p.first().record.key = QByteArray("\xff\xfe", 2);
        DeadLetterRecord nullKey = page(8, 1).first();
        nullKey.record.key.reset();
        nullKey.record.value.reset();
        nullKey.info = {};
        p.append(nullKey);
        model.append(p);
        QCOMPARE(model.columnCount(), int(DeadLetterModel::ColumnCount));
        QCOMPARE(model.index(0, DeadLetterModel::OffsetColumn).data().toLongLong(), 7);
        QCOMPARE(model.index(0, DeadLetterModel::KeyColumn).data().toString(), QStringLiteral("(binary, 2 B)"));
        QCOMPARE(model.index(0, DeadLetterModel::SizeColumn).data().toInt(), 10);
        QCOMPARE(model.index(0, DeadLetterModel::OriginalTopicColumn).data().toString(), QStringLiteral("orders"));
        QCOMPARE(model.index(0, DeadLetterModel::OriginalPartitionColumn).data().toInt(), 2);
        QVERIFY(!model.index(0, DeadLetterModel::OriginalOffsetColumn).data().isValid());
        QCOMPARE(model.index(0, DeadLetterModel::TimestampColumn).data(RawValueRole).toLongLong(), 1700000000007LL);
        QCOMPARE(model.index(1, DeadLetterModel::KeyColumn).data().toString(), QStringLiteral("(null)"));
        QCOMPARE(model.index(1, DeadLetterModel::SizeColumn).data().toInt(), 0);
        QCOMPARE(model.headerData(DeadLetterModel::ErrorClassColumn, Qt::Horizontal).toString(), QStringLiteral("Error class"));
    }
};

QTEST_MAIN(TestDeadLetterModel)
#include "tst_deadlettermodel.moc"
