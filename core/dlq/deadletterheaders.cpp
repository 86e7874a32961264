#include "deadletterheaders.h"

#include <QCoreApplication>

#include "deadletterjson.h"
#include "partitionstream.h"

#include <QVarLengthArray>

#include <QDateTime>
#include <QRegularExpression>
#include <QHash>
#include <QtEndian>

#include <algorithm>
#include <limits>

namespace kops {

namespace {

struct FieldNames
{
    DeadLetterFormat format;
    const char *topic;
    const char *partition;
    const char *offset;
    const char *timestamp;
    const char *errorClass;
    const char *errorMessage;
    const char *stackTrace;
    const char *connector;
};

// Most specific first: the first format that names an original topic or an error wins.
const FieldNames kFormats[] = {
    {DeadLetterFormat::Spring, "kafka_dlt-original-topic", "kafka_dlt-original-partition", "kafka_dlt-original-offset",
     "kafka_dlt-original-timestamp", "kafka_dlt-exception-fqcn", "kafka_dlt-exception-message",
     "kafka_dlt-exception-stacktrace", nullptr},
    {DeadLetterFormat::Connect, "__connect.errors.topic", "__connect.errors.partition", "__connect.errors.offset", nullptr,
     "__connect.errors.exception.class.name", "__connect.errors.exception.message",
     "__connect.errors.exception.stacktrace", "__connect.errors.connector.name"},
    {DeadLetterFormat::Karafka, "source_topic", "source_partition", "source_offset", nullptr, nullptr, nullptr, nullptr,
     nullptr},
    {DeadLetterFormat::Karafka, "original_topic", "original_partition", "original_offset", "original_timestamp",
     nullptr, nullptr, nullptr, nullptr},
    {DeadLetterFormat::Generic, "x-original-topic", "x-original-partition", "x-original-offset", "x-original-timestamp",
     "x-exception-class", "x-exception-message", nullptr, nullptr},
    {DeadLetterFormat::Generic, "original-topic", "original-partition", "original-offset", "original-timestamp",
     "exception-class", "exception-message", nullptr, nullptr},
    {DeadLetterFormat::Generic, "x-original-topic", "x-original-partition", "x-original-offset", "x-original-timestamp",
     "x-error-class", "x-error-message", nullptr, nullptr},
};

} // namespace

bool looksLikeDeadLetterTopic(const QString &topic)
{
    static const QRegularExpression word(QStringLiteral("(^|[^a-z0-9])(dlt|dlq)([^a-z0-9]|$)"));
    static const QRegularExpression deadLetter(QStringLiteral("dead[^a-z0-9]?letter"));
    const QString name = topic.toLower();
    return word.match(name).hasMatch() || deadLetter.match(name).hasMatch();
}

QStringList deadLetterTopicsFirst(QStringList topics)
{
    std::stable_partition(topics.begin(), topics.end(), looksLikeDeadLetterTopic);
    return topics;
}

QString deadLetterFormatName(DeadLetterFormat format)
{
    switch (format) {
    case DeadLetterFormat::Spring: return QStringLiteral("spring");
    case DeadLetterFormat::Connect: return QStringLiteral("connect");
    case DeadLetterFormat::Karafka: return QStringLiteral("karafka");
    case DeadLetterFormat::Generic: return QStringLiteral("generic");
    case DeadLetterFormat::Custom: return QStringLiteral("custom");
    case DeadLetterFormat::None: break;
    }
    return {};
}

Result<HeaderMappingRule> parseHeaderMappingRule(const QString &text)
{
    HeaderMappingRule r;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString field = part.section(QLatin1Char('='), 0, 0).trimmed();
        const QString name = part.section(QLatin1Char('='), 1).trimmed();
        QString *slot = field == QLatin1String("topic")           ? &r.topicHeader
                        : field == QLatin1String("partition")     ? &r.partitionHeader
                        : field == QLatin1String("offset")        ? &r.offsetHeader
                        : field == QLatin1String("timestamp")     ? &r.timestampHeader
                        : field == QLatin1String("error-class")   ? &r.errorClassHeader
                        : field == QLatin1String("error-message") ? &r.errorMessageHeader
                                                                  : nullptr;
        if (!slot || name.isEmpty())
            return KafkaError::make(QStringLiteral("USAGE"),
                                    QCoreApplication::translate("kops::DeadLetters", "Header rule '%1': use FIELD=HEADER with FIELD one of topic, partition, "
                                                   "offset, timestamp, error-class, error-message")
                                        .arg(part));
        *slot = name;
    }
    return r;
}

QString headerMappingRuleText(const HeaderMappingRule &r)
{
    QStringList parts;
    const std::pair<const char *, const QString *> fields[] = {
        {"topic", &r.topicHeader},         {"partition", &r.partitionHeader},         {"offset", &r.offsetHeader},
        {"timestamp", &r.timestampHeader}, {"error-class", &r.errorClassHeader}, {"error-message", &r.errorMessageHeader}};
    for (const auto &[field, name] : fields)
        if (!name->isEmpty())
            parts.append(QLatin1String(field) + QLatin1Char('=') + *name);
    return parts.join(QLatin1Char(','));
}

DeadLetterDecoder::DeadLetterDecoder(QList<HeaderMappingRule> rules) : m_rules(std::move(rules)) {}

std::optional<qint64> DeadLetterDecoder::parseNumber(const std::optional<QByteArray> &value)
{
    if (!value)
        return std::nullopt;
    return parseNumber(QByteArrayView(*value));
}

std::optional<qint64> DeadLetterDecoder::parseNumber(QByteArrayView v)
{
    if (v.isEmpty())
        return std::nullopt;
    // Text first: "12" is two bytes that would also read as a big-endian short.
    bool allDigits = true;
    for (qsizetype i = 0; i < v.size(); ++i) {
        const char c = v.at(i);
        if (!((c >= '0' && c <= '9') || (i == 0 && c == '-' && v.size() > 1))) {
            allDigits = false;
            break;
        }
    }
    if (allDigits) {
        bool ok = false;
        const qint64 n = QLatin1StringView(v.data(), v.size()).toLongLong(&ok);
        if (ok)
            return n;
    }
    const auto *p = reinterpret_cast<const uchar *>(v.constData());
    switch (v.size()) {
    case 8: return qFromBigEndian<qint64>(p);
    case 4: return qint64(qFromBigEndian<qint32>(p));
    case 2: return qint64(qFromBigEndian<qint16>(p));
    default: break;
    }
    return std::nullopt;
}

namespace {

constexpr int kFieldCount = 8; // topic, partition, offset, timestamp, class, message, stack trace, connector
constexpr int kFormatCount = int(std::size(kFormats));

/// Every known header name -> (format, field) slots it fills; built once.
const QHash<QString, QList<std::pair<int, int>>> &knownNames()
{
    static const QHash<QString, QList<std::pair<int, int>>> names = [] {
        QHash<QString, QList<std::pair<int, int>>> n;
        for (int f = 0; f < kFormatCount; ++f) {
            const FieldNames &fn = kFormats[f];
            const char *fields[kFieldCount] = {fn.topic, fn.partition, fn.offset, fn.timestamp,
                                               fn.errorClass, fn.errorMessage, fn.stackTrace, fn.connector};
            for (int i = 0; i < kFieldCount; ++i)
                if (fields[i])
                    n[QString::fromLatin1(fields[i])].append({f, i});
        }
        return n;
    }();
    return names;
}

} // namespace

/// One header as decode() sees it: a name (shared QString) and a value where it lies.
struct DeadLetterDecoder::HeaderRef
{
    const QString *name = nullptr;
    QByteArrayView value;
    bool isNull = true;
};

DeadLetterInfo DeadLetterDecoder::decode(const QList<RecordHeader> &headers) const
{
    QVarLengthArray<HeaderRef, 16> refs;
    for (const RecordHeader &h : headers)
        refs.append({&h.key, h.value ? QByteArrayView(*h.value) : QByteArrayView(), !h.value});
    return decodeRefs(refs.constData(), refs.size(), Parts::All);
}

DeadLetterInfo DeadLetterDecoder::decodeRecord(const RecordView &record, Parts parts) const
{
    QVarLengthArray<HeaderRef, 16> refs;
    record.forEachHeader([&refs](QByteArrayView name, QByteArrayView value, bool isNull) {
        refs.append({&RecordView::headerName(name), value, isNull});
        return true;
    });
    return decodeRefs(refs.constData(), refs.size(), parts);
}

DeadLetterInfo DeadLetterDecoder::decodeRefs(const HeaderRef *headers, qsizetype count, Parts parts) const
{
    DeadLetterInfo info;
    if (count == 0)
        return info;
    const bool texts = parts == Parts::All;
    auto number = [](const HeaderRef *h) { return h ? parseNumber(h->value) : std::nullopt; };
    auto text = [](const HeaderRef *h) { return h ? QString::fromUtf8(h->value) : QString(); };
    auto fill = [&](DeadLetterFormat format, const HeaderRef *const *slot) {
        if (!slot[0] && !slot[4] && !slot[5])
            return false;
        info.format = format;
        info.originalTopic = text(slot[0]);
        if (auto n = number(slot[1]); n && *n >= 0 && *n <= std::numeric_limits<int>::max())
            info.originalPartition = int(*n);
        if (auto n = number(slot[2]); n && *n >= 0)
            info.originalOffset = *n;
        info.originalTimestampMs = number(slot[3]);
        if (texts) {
            info.errorClass = text(slot[4]);
            info.errorMessage = text(slot[5]);
            info.stackTrace = text(slot[6]);
            info.connectorName = text(slot[7]);
        }
        return true;
    };
    const HeaderRef *const end = headers + count;

    // User rules first (in order), by a plain scan: there are few of them.
    for (const HeaderMappingRule &r : m_rules) {
        const HeaderRef *slot[kFieldCount] = {};
        const QString *names[6] = {&r.topicHeader, &r.partitionHeader, &r.offsetHeader,
                                   &r.timestampHeader, &r.errorClassHeader, &r.errorMessageHeader};
        for (const HeaderRef *h = headers; h != end; ++h) // last value wins for repeated headers
            for (int i = 0; i < 6; ++i)
                if (!names[i]->isEmpty() && *h->name == *names[i])
                    slot[i] = h;
        if (fill(DeadLetterFormat::Custom, slot))
            return info;
    }

    // One hash look-up per header; the first format naming a topic or an error wins.
    const HeaderRef *found[kFormatCount][kFieldCount] = {};
    const auto &known = knownNames();
    for (const HeaderRef *h = headers; h != end; ++h) {
        const auto it = known.constFind(*h->name);
        if (it == known.cend())
            continue;
        for (const auto &[format, field] : *it)
            found[format][field] = h; // last value wins (Spring appends on re-failure)
    }
    for (int f = 0; f < kFormatCount; ++f)
        if (fill(kFormats[f].format, found[f]))
            return info;
    return info;
}

DeadLetterDecoder::Field DeadLetterDecoder::fieldOf(const QString &name) const
{
    for (const HeaderMappingRule &r : m_rules) {
        const std::pair<const QString *, Field> named[] = {
            {&r.topicHeader, Field::Topic},         {&r.partitionHeader, Field::Partition},
            {&r.offsetHeader, Field::Offset},       {&r.timestampHeader, Field::Timestamp},
            {&r.errorClassHeader, Field::ErrorClass}, {&r.errorMessageHeader, Field::ErrorMessage}};
        for (const auto &[header, field] : named)
            if (!header->isEmpty() && *header == name)
                return field;
    }
    const auto &known = knownNames();
    const auto it = known.constFind(name);
    if (it == known.cend() || it->isEmpty())
        return Field::None;
    // Slots are in FieldNames order: topic, partition, offset, timestamp, class, message, stack trace, connector.
    return Field(it->first().second + 1);
}

QString DeadLetterDecoder::displayValue(const RecordHeader &header, qsizetype maxBytes) const
{
    if (!header.value)
        return QStringLiteral("(null)");
    const QByteArray &v = *header.value;
    bool printable = isValidUtf8(v);
    for (qsizetype i = 0; printable && i < v.size(); ++i) {
        const auto c = static_cast<unsigned char>(v.at(i));
        printable = c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
    }
    if (printable) {
        qsizetype cut = std::min(v.size(), maxBytes);
        while (cut < v.size() && cut > 0 && (static_cast<unsigned char>(v.at(cut)) & 0xc0) == 0x80)
            --cut; // on a character boundary
        return QString::fromUtf8(v.constData(), cut) + (cut < v.size() ? QStringLiteral("…") : QString());
    }
    QString text = QStringLiteral("0x") + QString::fromLatin1(v.left(std::min<qsizetype>(maxBytes, 256)).toHex());
    if (v.size() > std::min<qsizetype>(maxBytes, 256))
        text += QCoreApplication::translate("kops::DeadLetters", "… (%1 bytes)").arg(v.size());
    const Field field = fieldOf(header.key);
    if (field == Field::Partition || field == Field::Offset || field == Field::Timestamp) {
        if (const auto n = parseNumber(header.value)) {
            QString number = QString::number(*n);
            if (field == Field::Timestamp)
                number += QStringLiteral(" = ")
                          + QDateTime::fromMSecsSinceEpoch(*n, Qt::UTC).toString(Qt::ISODateWithMs);
            text += QStringLiteral(" (%1)").arg(number);
        }
    }
    return text;
}

bool DeadLetterDecoder::isDeadLetterHeader(const QString &name) const
{
    if (name.startsWith(QLatin1String("kafka_dlt-")) || name.startsWith(QLatin1String("__connect.errors.")))
        return true;
    for (const FieldNames &f : kFormats)
        for (const char *n : {f.topic, f.partition, f.offset, f.timestamp, f.errorClass, f.errorMessage, f.stackTrace,
                              f.connector})
            if (n && name == QLatin1String(n))
                return true;
    for (const HeaderMappingRule &r : m_rules)
        for (const QString *n : {&r.topicHeader, &r.partitionHeader, &r.offsetHeader, &r.timestampHeader,
                                 &r.errorClassHeader, &r.errorMessageHeader})
            if (!n->isEmpty() && name == *n)
                return true;
    return false;
}

} // namespace kops
