// Dead-letter header decoding: Spring, Connect, Karafka, generic names, user rules, binary and text numbers.
#include "deadletterheaders.h"
#include "support/bigendian.h"

#include <QTest>

using namespace kops;
using kops::test::be32;
using kops::test::be64;

namespace {

RecordHeader h(const char *key, const QByteArray &value)
{
    return {QString::fromLatin1(key), value};
}

} // namespace

class TestDeadLetterHeaders : public QObject
{
    Q_OBJECT

private slots:
    void deadLetterTopicNames()
    {
        for (const char *name : {"orders.DLT", "orders-dlt", "orders_dlq", "DLQ", "dlq-jdbc-sink", "payments.DLQ.v2",
                                 "orders.deadletter", "dead-letter-orders", "orders_dead_letters", "Orders.DeadLetter"})
            QVERIFY2(looksLikeDeadLetterTopic(QLatin1String(name)), name);
        for (const char *name : {"orders", "dltx", "orders.dltemp", "sdlq", "headless-orders", "letters", ""})
            QVERIFY2(!looksLikeDeadLetterTopic(QLatin1String(name)), name);
        QCOMPARE(deadLetterTopicsFirst({QStringLiteral("a"), QStringLiteral("b.DLT"), QStringLiteral("c"),
                                        QStringLiteral("a.dlq")}),
                 QStringList({QStringLiteral("b.DLT"), QStringLiteral("a.dlq"), QStringLiteral("a"), QStringLiteral("c")}));
    }

    void springBinaryNumbers()
    {
        const QList<RecordHeader> headers{
            h("kafka_dlt-original-topic", "orders"),
            h("kafka_dlt-original-partition", be32(7)),
            h("kafka_dlt-original-offset", be64(1234567890123LL)),
            h("kafka_dlt-original-timestamp", be64(1700000000000LL)),
            h("kafka_dlt-exception-fqcn", "org.springframework.kafka.listener.ListenerExecutionFailedException"),
            h("kafka_dlt-exception-message", "boom"),
            h("kafka_dlt-exception-stacktrace", "at Foo.bar()"),
        };
        const DeadLetterInfo info = DeadLetterDecoder().decode(headers);
        QCOMPARE(info.format, DeadLetterFormat::Spring);
        QCOMPARE(deadLetterFormatName(info.format), QStringLiteral("spring"));
        QCOMPARE(info.originalTopic, QStringLiteral("orders"));
        QCOMPARE(info.originalPartition.value(), 7);
        QCOMPARE(info.originalOffset.value(), 1234567890123LL);
        QCOMPARE(info.originalTimestampMs.value(), 1700000000000LL);
        QCOMPARE(info.errorClass, QStringLiteral("org.springframework.kafka.listener.ListenerExecutionFailedException"));
        QCOMPARE(info.errorMessage, QStringLiteral("boom"));
        QCOMPARE(info.stackTrace, QStringLiteral("at Foo.bar()"));
    }

    void springTextNumbers()
    {
        const DeadLetterInfo info = DeadLetterDecoder().decode({h("kafka_dlt-original-topic", "t"),
                                                                h("kafka_dlt-original-partition", "12"),
                                                                h("kafka_dlt-original-offset", "42")});
        QCOMPARE(info.originalPartition.value(), 12); // "12" is text, not a big-endian short
        QCOMPARE(info.originalOffset.value(), 42);
    }

    void connect()
    {
        const DeadLetterInfo info = DeadLetterDecoder().decode({
            h("__connect.errors.topic", "payments"),
            h("__connect.errors.partition", "3"),
            h("__connect.errors.offset", "99"),
            h("__connect.errors.exception.class.name", "org.apache.kafka.connect.errors.DataException"),
            h("__connect.errors.exception.message", "Converting byte[] to Kafka Connect data failed"),
            h("__connect.errors.exception.stacktrace", "trace"),
            h("__connect.errors.connector.name", "jdbc-sink"),
        });
        QCOMPARE(info.format, DeadLetterFormat::Connect);
        QCOMPARE(info.originalTopic, QStringLiteral("payments"));
        QCOMPARE(info.originalPartition.value(), 3);
        QCOMPARE(info.originalOffset.value(), 99);
        QCOMPARE(info.errorClass, QStringLiteral("org.apache.kafka.connect.errors.DataException"));
        QCOMPARE(info.connectorName, QStringLiteral("jdbc-sink"));
        QCOMPARE(info.stackTrace, QStringLiteral("trace"));
    }

    void karafka()
    {
        const DeadLetterInfo info = DeadLetterDecoder().decode(
            {h("source_topic", "events"), h("source_partition", "0"), h("source_offset", be64(5))});
        QCOMPARE(info.format, DeadLetterFormat::Karafka);
        QCOMPARE(info.originalTopic, QStringLiteral("events"));
        QCOMPARE(info.originalPartition.value(), 0);
        QCOMPARE(info.originalOffset.value(), 5);
        QVERIFY(!info.hasError());
    }

    void generic_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::newRow("x-original") << QStringLiteral("x-original-");
        QTest::newRow("original") << QStringLiteral("original-");
    }

    void generic()
    {
        QFETCH(QString, prefix);
        const DeadLetterInfo info = DeadLetterDecoder().decode({{prefix + QStringLiteral("topic"), QByteArray("clicks")},
                                                                {prefix + QStringLiteral("partition"), be32(2)},
                                                                {prefix + QStringLiteral("offset"), QByteArray("17")}});
        QCOMPARE(info.format, DeadLetterFormat::Generic);
        QCOMPARE(info.originalTopic, QStringLiteral("clicks"));
        QCOMPARE(info.originalPartition.value(), 2);
        QCOMPARE(info.originalOffset.value(), 17);
    }

    void userRulesComeFirst()
    {
        HeaderMappingRule rule;
        rule.topicHeader = QStringLiteral("acme-src");
        rule.partitionHeader = QStringLiteral("acme-part");
        rule.errorClassHeader = QStringLiteral("acme-err");
        DeadLetterDecoder decoder({rule});
        const DeadLetterInfo info = decoder.decode({h("acme-src", "inventory"), h("acme-part", "4"),
                                                    h("acme-err", "Timeout"), h("source_topic", "other")});
        QCOMPARE(info.format, DeadLetterFormat::Custom);
        QCOMPARE(info.originalTopic, QStringLiteral("inventory"));
        QCOMPARE(info.originalPartition.value(), 4);
        QCOMPARE(info.errorClass, QStringLiteral("Timeout"));
        QVERIFY(decoder.isDeadLetterHeader(QStringLiteral("acme-src")));
        QVERIFY(!DeadLetterDecoder().isDeadLetterHeader(QStringLiteral("acme-src")));
    }

    void ruleText()
    {
        auto rule = parseHeaderMappingRule(QStringLiteral("topic=a, partition=b,error-message=c"));
        QVERIFY(rule.ok());
        QCOMPARE(rule.value().topicHeader, QStringLiteral("a"));
        QCOMPARE(rule.value().partitionHeader, QStringLiteral("b"));
        QCOMPARE(rule.value().errorMessageHeader, QStringLiteral("c"));
        QCOMPARE(headerMappingRuleText(rule.value()), QStringLiteral("topic=a,partition=b,error-message=c"));
        QVERIFY(!parseHeaderMappingRule(QStringLiteral("colour=x")).ok());
        QVERIFY(!parseHeaderMappingRule(QStringLiteral("topic=")).ok());
    }

    void malformedAndMissingValuesNeverFail()
    {
        // Null values, 3-byte numbers, garbage, negative offsets: fields stay empty.
        const DeadLetterInfo info = DeadLetterDecoder().decode({{QStringLiteral("kafka_dlt-original-topic"), std::nullopt},
                                                                h("kafka_dlt-original-partition", QByteArray("\x01\x02\x03", 3)),
                                                                h("kafka_dlt-original-offset", "-5"),
                                                                h("kafka_dlt-exception-message", "\xff\xfe")});
        QCOMPARE(info.format, DeadLetterFormat::Spring);
        QVERIFY(info.originalTopic.isEmpty());
        QVERIFY(!info.originalPartition);
        QVERIFY(!info.originalOffset);
        QVERIFY(info.hasError());
        QCOMPARE(DeadLetterDecoder().decode({}).format, DeadLetterFormat::None);
        QCOMPARE(DeadLetterDecoder().decode({h("traceparent", "00-abc")}).format, DeadLetterFormat::None);
    }

    void parseNumber()
    {
        QCOMPARE(DeadLetterDecoder::parseNumber(QByteArray("123")).value(), 123);
        QCOMPARE(DeadLetterDecoder::parseNumber(be32(-1)).value(), -1);
        QCOMPARE(DeadLetterDecoder::parseNumber(be64(1LL << 40)).value(), 1LL << 40);
        QVERIFY(!DeadLetterDecoder::parseNumber(QByteArray()));
        QVERIFY(!DeadLetterDecoder::parseNumber(std::nullopt));
        QVERIFY(!DeadLetterDecoder::parseNumber(QByteArray("abc")));
    }

    void displayValueShowsBinaryAsHexWithTheNumber()
    {
        // Issue 15: Spring's 4-byte partition 0x00000002 is valid UTF-8 (control characters) and was shown as boxes.
        const DeadLetterDecoder d;
        QCOMPARE(d.displayValue(h("kafka_dlt-original-partition", be32(2))), QStringLiteral("0x00000002 (2)"));
        QCOMPARE(d.displayValue(h("kafka_dlt-original-offset", be64(5000))), QStringLiteral("0x0000000000001388 (5000)"));
        QCOMPARE(d.displayValue(h("kafka_dlt-original-timestamp", be64(1700000000000LL))),
                 QStringLiteral("0x0000018bcfe56800 (1700000000000 = 2023-11-14T22:13:20.000Z)"));
        QCOMPARE(d.displayValue(h("__connect.errors.partition", be32(7))), QStringLiteral("0x00000007 (7)"));
        // Text stays text; a number written as text needs no decoding.
        QCOMPARE(d.displayValue(h("kafka_dlt-original-partition", "2")), QStringLiteral("2"));
        QCOMPARE(d.displayValue(h("kafka_dlt-exception-message", "line one\nline two")), QStringLiteral("line one\nline two"));
        // Binary under a name no decoder knows: hex only.
        QCOMPARE(d.displayValue(h("trace-bin", QByteArray("\x01\x02", 2))), QStringLiteral("0x0102"));
        QCOMPARE(d.displayValue({QStringLiteral("nothing"), std::nullopt}), QStringLiteral("(null)"));
        // A rule's partition header is known too.
        HeaderMappingRule rule;
        rule.partitionHeader = QStringLiteral("acme-part");
        QCOMPARE(DeadLetterDecoder({rule}).displayValue(h("acme-part", be32(3))), QStringLiteral("0x00000003 (3)"));
        QCOMPARE(d.fieldOf(QStringLiteral("acme-part")), DeadLetterDecoder::Field::None);
        QCOMPARE(d.fieldOf(QStringLiteral("x-original-offset")), DeadLetterDecoder::Field::Offset);
        // Long values are cut, and say so.
        QCOMPARE(d.displayValue(h("big", QByteArray(10000, 'a')), 100).size(), 101);
        QVERIFY(d.displayValue(h("bigbin", QByteArray(1000, '\0'))).endsWith(QStringLiteral("… (1000 bytes)")));
    }

    void thousandsOfHeaders()
    {
        QList<RecordHeader> headers;
        for (int i = 0; i < 5000; ++i)
            headers.append({QStringLiteral("h%1").arg(i), QByteArray::number(i)});
        headers.append(h("kafka_dlt-original-topic", "first"));
        headers.append(h("kafka_dlt-original-topic", "last")); // repeated: the last one wins
        QCOMPARE(DeadLetterDecoder().decode(headers).originalTopic, QStringLiteral("last"));
    }
};

QTEST_GUILESS_MAIN(TestDeadLetterHeaders)
#include "tst_deadletterheaders.moc"
