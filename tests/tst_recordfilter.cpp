// Record filter: substring and regex on key, value and headers; error class, original topic, time range.
#include "deadletterjson.h"
#include "recordfilter.h"

#include <QJsonArray>
#include <QTest>

using namespace kops;

namespace {

ConsumedRecord record(const char *key, const QByteArray &value, qint64 ts = 1000, QList<RecordHeader> headers = {})
{
    ConsumedRecord r;
    r.topic = QStringLiteral("dlq");
    r.partition = 1;
    r.offset = 5;
    r.timestampMs = ts;
    if (key)
        r.key = QByteArray(key);
    r.value = value;
    r.headers = std::move(headers);
    return r;
}

} // namespace

class TestRecordFilter : public QObject
{
    Q_OBJECT

private slots:
    void emptyFilterMatchesEverything()
    {
        QVERIFY(RecordFilterSpec().isEmpty());
        QVERIFY(RecordFilter().matches(record(nullptr, {}), {}));
    }

    void substringAndRegex()
    {
        RecordFilterSpec s;
        s.key = {QStringLiteral("cust-"), false};
        s.value = {QStringLiteral("\"amount\":\\s*\\d{3,}"), true};
        const RecordFilter f(s);
        QVERIFY(f.error().isEmpty());
        QVERIFY(f.matches(record("cust-1", "{\"amount\": 1500}"), {}));
        QVERIFY(!f.matches(record("cust-1", "{\"amount\": 15}"), {}));
        QVERIFY(!f.matches(record("user-1", "{\"amount\": 1500}"), {}));
        QVERIFY(!f.matches(record(nullptr, "{\"amount\": 1500}"), {})); // null key never contains anything
    }

    void binaryValuesCanBeSearched()
    {
        RecordFilterSpec s;
        s.value = {QStringLiteral("AB"), false};
        QVERIFY(RecordFilter(s).matches(record("k", QByteArray("\xff\x00" "AB\xfe", 5)), {}));
    }

    void invalidRegexIsReported()
    {
        RecordFilterSpec s;
        s.value = {QStringLiteral("(unclosed"), true};
        const RecordFilter f(s);
        QVERIFY(f.error().contains(QStringLiteral("(unclosed")));
        QVERIFY(!f.matches(record("k", "(unclosed"), {}));
    }

    void headers()
    {
        RecordFilterSpec s;
        s.headerName = QStringLiteral("tenant");
        s.headerValue = {QStringLiteral("acme"), false};
        const RecordFilter f(s);
        QVERIFY(f.matches(record("k", "v", 0, {{QStringLiteral("tenant"), QByteArray("acme-eu")}}), {}));
        QVERIFY(!f.matches(record("k", "v", 0, {{QStringLiteral("other"), QByteArray("acme")}}), {}));
        QVERIFY(!f.matches(record("k", "v", 0, {{QStringLiteral("tenant"), std::nullopt}}), {}));
        RecordFilterSpec nameOnly;
        nameOnly.headerName = QStringLiteral("tenant");
        QVERIFY(RecordFilter(nameOnly).matches(record("k", "v", 0, {{QStringLiteral("tenant"), std::nullopt}}), {}));
    }

    void decodedFieldsAndTime()
    {
        DeadLetterInfo info;
        info.originalTopic = QStringLiteral("orders");
        info.errorClass = QStringLiteral("java.lang.NullPointerException");
        RecordFilterSpec s;
        s.errorClass = QStringLiteral("NullPointer");
        s.originalTopic = QStringLiteral("orders");
        s.fromTimeMs = 1000;
        s.toTimeMs = 2000;
        const RecordFilter f(s);
        QVERIFY(f.matches(record("k", "v", 1000), info));
        QVERIFY(!f.matches(record("k", "v", 2000), info));
        QVERIFY(!f.matches(record("k", "v", 999), info));
        info.originalTopic = QStringLiteral("orders-v2");
        QVERIFY(!f.matches(record("k", "v", 1500), info));
    }

    void jsonLineRoundTrip()
    {
        ConsumedRecord r = record(nullptr, QByteArray("\xff\xfe\x00", 3), 1234,
                                  {{QStringLiteral("text"), QByteArray("hello")},
                                   {QStringLiteral("bin"), QByteArray("\x80", 1)},
                                   {QStringLiteral("null"), std::nullopt}});
        DeadLetterInfo info;
        info.format = DeadLetterFormat::Connect;
        info.originalTopic = QStringLiteral("src");
        info.originalPartition = 2;
        info.errorClass = QStringLiteral("E");
        const QJsonObject o = deadLetterToJson(r, info);
        QVERIFY(o.value(QStringLiteral("key")).isNull());
        QVERIFY(!o.contains(QStringLiteral("value")));
        QCOMPARE(o.value(QStringLiteral("valueBase64")).toString(), QStringLiteral("//4A"));
        QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("connect"));
        QCOMPARE(o.value(QStringLiteral("original")).toObject().value(QStringLiteral("partition")).toInt(), 2);
        QVERIFY(o.value(QStringLiteral("original")).toObject().value(QStringLiteral("offset")).isNull());
        QCOMPARE(o.value(QStringLiteral("error")).toObject().value(QStringLiteral("class")).toString(), QStringLiteral("E"));
        QCOMPARE(o.value(QStringLiteral("headers")).toArray().size(), 3);

        auto back = outgoingFromJson(o, QStringLiteral("target"));
        QVERIFY(back.ok());
        QCOMPARE(back.value().topic, QStringLiteral("target"));
        QVERIFY(!back.value().key);
        QCOMPARE(*back.value().value, QByteArray("\xff\xfe\x00", 3));
        QCOMPARE(back.value().timestampMs, 1234);
        QCOMPARE(back.value().headers.size(), 3);
        QCOMPARE(*back.value().headers.at(1).value, QByteArray("\x80", 1));
        QVERIFY(!back.value().headers.at(2).value);

        QVERIFY(!outgoingFromJson(QJsonObject{{QStringLiteral("valueBase64"), QStringLiteral("!!")}}, QStringLiteral("t")).ok());
        QVERIFY(!outgoingFromJson(QJsonObject{{QStringLiteral("headers"), 5}}, QStringLiteral("t")).ok());
    }

    void utf8Detection()
    {
        QVERIFY(isValidUtf8(QByteArray("plain")));
        QVERIFY(isValidUtf8(QStringLiteral("Grüße ✓").toUtf8()));
        QVERIFY(!isValidUtf8(QByteArray("\xc3\x28", 2)));
        QVERIFY(isValidUtf8(QByteArray()));
    }
};

QTEST_GUILESS_MAIN(TestRecordFilter)
#include "tst_recordfilter.moc"
