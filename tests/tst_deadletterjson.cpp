// The export writer (appendDeadLetterJsonLine) writes exactly what deadLetterToJson() gives
// through QJsonDocument, for text, binary, null and escaped bytes.
#include "deadletterjson.h"

#include <QJsonDocument>
#include <QTest>

using namespace kops;

Q_DECLARE_METATYPE(kops::ConsumedRecord)

class TestDeadLetterJson : public QObject
{
    Q_OBJECT

private slots:
    void directWriterEqualsJsonDocument_data()
    {
        QTest::addColumn<ConsumedRecord>("record");
        QTest::addColumn<bool>("withInfo");
        ConsumedRecord plain;
        plain.topic = QStringLiteral("orders.DLT");
        plain.partition = 3;
        plain.offset = 123456789012LL;
        plain.timestampMs = 1700000000123LL;
        plain.key = QByteArray("order-1");
        plain.value = QByteArray("{\"order\":1,\"note\":\"caf\xc3\xa9 \xe6\xb6\x88\xe6\x81\xaf\"}");
        plain.headers = {{QStringLiteral("kafka_dlt-original-topic"), QByteArray("orders")},
                         {QStringLiteral("kafka_dlt-original-partition"), QByteArray::fromHex("00000007")},
                         {QStringLiteral("kafka_dlt-exception-message"), QByteArray("line 1\nline\t2 \"quoted\" back\\slash \x01\x1f\x7f")},
                         {QStringLiteral("empty"), QByteArray("")},
                         {QStringLiteral("null"), std::nullopt}};
        QTest::newRow("spring headers, unicode, escapes") << plain << true;
        ConsumedRecord binary = plain;
        binary.key = std::nullopt;
        binary.value = QByteArray::fromHex("00ff10c3280a");
        binary.headers.clear();
        QTest::newRow("binary value, null key, no headers") << binary << false;
        ConsumedRecord empty;
        empty.topic = QStringLiteral("t \"odd\" name");
        empty.key = QByteArray("");
        empty.value = std::nullopt;
        QTest::newRow("empty key, null value, defaults") << empty << true;
    }

    void directWriterEqualsJsonDocument()
    {
        QFETCH(ConsumedRecord, record);
        QFETCH(bool, withInfo);
        DeadLetterInfo info;
        if (withInfo) {
            info.format = DeadLetterFormat::Spring;
            info.originalTopic = QStringLiteral("orders");
            info.originalPartition = 7;
            info.errorClass = QStringLiteral("com.acme.ValidationException");
            info.errorMessage = QStringLiteral("bad \"value\"\n at line 2");
        }
        QByteArray line;
        appendDeadLetterJsonLine(line, record, info);
        const QByteArray expected = QJsonDocument(deadLetterToJson(record, info)).toJson(QJsonDocument::Compact) + '\n';
        QCOMPARE(line, expected);
    }
};

QTEST_GUILESS_MAIN(TestDeadLetterJson)
#include "tst_deadletterjson.moc"
