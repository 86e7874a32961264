#include "deadletterjson.h"

#include <QCoreApplication>

#include <QJsonArray>

namespace kops {

bool isValidUtf8(const QByteArray &bytes)
{
    return QByteArrayView(bytes).isValidUtf8(); // no decoding, no allocation
}

namespace {

// Text when it is valid UTF-8, base64 otherwise; null stays null.
void putBytes(QJsonObject &o, const QString &name, const std::optional<QByteArray> &bytes)
{
    if (!bytes)
        o.insert(name, QJsonValue::Null);
    else if (isValidUtf8(*bytes))
        o.insert(name, QString::fromUtf8(*bytes));
    else
        o.insert(name + QStringLiteral("Base64"), QString::fromLatin1(bytes->toBase64()));
}

Result<std::optional<QByteArray>> getBytes(const QJsonObject &o, const QString &name)
{
    const QString b64 = name + QStringLiteral("Base64");
    if (o.contains(b64)) {
        const auto decoded = QByteArray::fromBase64Encoding(o.value(b64).toString().toLatin1(),
                                                           QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return KafkaError::make(QStringLiteral("_INVALID_ARG"), QCoreApplication::translate("kops::DeadLetters", "'%1' is not valid base64").arg(b64));
        return std::optional<QByteArray>(*decoded);
    }
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return std::optional<QByteArray>();
    if (!v.isString())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"), QCoreApplication::translate("kops::DeadLetters", "'%1' must be a string or null").arg(name));
    return std::optional<QByteArray>(v.toString().toUtf8());
}

} // namespace

QJsonObject deadLetterToJson(const ConsumedRecord &record, const DeadLetterInfo &info)
{
    QJsonObject o;
    o.insert(QStringLiteral("topic"), record.topic);
    o.insert(QStringLiteral("partition"), record.partition);
    o.insert(QStringLiteral("offset"), record.offset);
    o.insert(QStringLiteral("timestamp"), record.timestampMs);
    putBytes(o, QStringLiteral("key"), record.key);
    putBytes(o, QStringLiteral("value"), record.value);
    QJsonArray headers;
    for (const RecordHeader &h : record.headers) {
        QJsonObject ho{{QStringLiteral("key"), h.key}};
        putBytes(ho, QStringLiteral("value"), h.value);
        headers.append(ho);
    }
    o.insert(QStringLiteral("headers"), headers);
    if (info.hasOriginal()) {
        QJsonObject orig{{QStringLiteral("topic"), info.originalTopic}};
        orig.insert(QStringLiteral("partition"),
                    info.originalPartition ? QJsonValue(*info.originalPartition) : QJsonValue(QJsonValue::Null));
        orig.insert(QStringLiteral("offset"),
                    info.originalOffset ? QJsonValue(*info.originalOffset) : QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("original"), orig);
    } else {
        o.insert(QStringLiteral("original"), QJsonValue::Null);
    }
    if (info.hasError())
        o.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("class"), info.errorClass},
                                                      {QStringLiteral("message"), info.errorMessage}});
    else
        o.insert(QStringLiteral("error"), QJsonValue::Null);
    const QString format = deadLetterFormatName(info.format);
    o.insert(QStringLiteral("format"), format.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(format));
    return o;
}

Result<OutgoingRecord> outgoingFromJson(const QJsonObject &line, const QString &topic)
{
    OutgoingRecord r;
    r.topic = topic;
    auto key = getBytes(line, QStringLiteral("key"));
    if (!key)
        return key.error();
    auto value = getBytes(line, QStringLiteral("value"));
    if (!value)
        return value.error();
    r.key = key.value();
    r.value = value.value();
    const qint64 ts = line.value(QStringLiteral("timestamp")).toInteger(0);
    r.timestampMs = ts > 0 ? ts : 0;
    const QJsonValue hv = line.value(QStringLiteral("headers"));
    if (!hv.isUndefined() && !hv.isNull() && !hv.isArray())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"), QCoreApplication::translate("kops::DeadLetters", "'headers' must be an array"));
    for (const QJsonValue &h : hv.toArray()) {
        const QJsonObject ho = h.toObject();
        if (!ho.value(QStringLiteral("key")).isString())
            return KafkaError::make(QStringLiteral("_INVALID_ARG"), QCoreApplication::translate("kops::DeadLetters", "a header has no 'key'"));
        auto hval = getBytes(ho, QStringLiteral("value"));
        if (!hval)
            return hval.error();
        r.headers.append({ho.value(QStringLiteral("key")).toString(), hval.value()});
    }
    return r;
}

namespace {

/// A JSON string of UTF-8 bytes, escaped as QJsonDocument escapes them.
void appendString(QByteArray &out, QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    const char *run = utf8.data();
    const char *const end = utf8.data() + utf8.size();
    for (const char *p = run; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default: {
            const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out.append(u, 6);
        }
        }
    }
    out.append(run, end - run);
    out.append('"');
}

void appendString(QByteArray &out, const QString &text)
{
    appendString(out, QByteArrayView(text.toUtf8()));
}

/// "name":"text" or "nameBase64":"..." or "name":null, as putBytes() decides.
void appendBytes(QByteArray &out, const char *name, const std::optional<QByteArray> &bytes)
{
    out.append('"').append(name);
    if (!bytes) {
        out.append("\":null");
    } else if (isValidUtf8(*bytes)) {
        out.append("\":");
        appendString(out, QByteArrayView(*bytes));
    } else {
        out.append("Base64\":\"").append(bytes->toBase64()).append('"');
    }
}

} // namespace

void appendDeadLetterJsonLine(QByteArray &out, const ConsumedRecord &record, const DeadLetterInfo &info)
{
    // Keys in QJsonObject's (sorted) order, so the bytes equal deadLetterToJson()'s compact form.
    out.append("{\"error\":");
    if (info.hasError()) {
        out.append("{\"class\":");
        appendString(out, info.errorClass);
        out.append(",\"message\":");
        appendString(out, info.errorMessage);
        out.append('}');
    } else {
        out.append("null");
    }
    out.append(",\"format\":");
    const QString format = deadLetterFormatName(info.format);
    if (format.isEmpty())
        out.append("null");
    else
        appendString(out, format);
    out.append(",\"headers\":[");
    for (qsizetype i = 0; i < record.headers.size(); ++i) {
        const RecordHeader &h = record.headers.at(i);
        out.append(i ? ",{\"key\":" : "{\"key\":");
        appendString(out, h.key);
        out.append(',');
        appendBytes(out, "value", h.value);
        out.append('}');
    }
    out.append("],");
    appendBytes(out, "key", record.key);
    out.append(",\"offset\":").append(QByteArray::number(record.offset));
    out.append(",\"original\":");
    if (info.hasOriginal()) {
        out.append("{\"offset\":");
        out.append(info.originalOffset ? QByteArray::number(*info.originalOffset) : QByteArray("null"));
        out.append(",\"partition\":");
        out.append(info.originalPartition ? QByteArray::number(*info.originalPartition) : QByteArray("null"));
        out.append(",\"topic\":");
        appendString(out, info.originalTopic);
        out.append('}');
    } else {
        out.append("null");
    }
    out.append(",\"partition\":").append(QByteArray::number(record.partition));
    out.append(",\"timestamp\":").append(QByteArray::number(record.timestampMs));
    out.append(",\"topic\":");
    appendString(out, record.topic);
    out.append(',');
    appendBytes(out, "value", record.value);
    out.append("}\n");
}

} // namespace kops
