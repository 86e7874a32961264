#pragma once

#include "clustertypes.h"
#include "kafkaerror.h"

#include <QList>
#include <QString>

#include <optional>

namespace kops {

class RecordView;

/// Which framework wrote a record's dead-letter headers.
enum class DeadLetterFormat { None, Spring, Connect, Karafka, Generic, Custom };

QString deadLetterFormatName(DeadLetterFormat format); ///< "spring", "connect", ... or "" for None

/// True for a topic named as a dead-letter topic by the usual conventions: a "dlt" or "dlq"
/// word (Spring's "orders.DLT", "orders-dlq", Kafka Connect's "dlq-jdbc-sink") or "dead letter"
/// written in any way ("orders.deadletter", "dead-letter-orders", "orders_dead_letters").
bool looksLikeDeadLetterTopic(const QString &topic);

/// The names with the dead-letter topics first, each part in its given order.
QStringList deadLetterTopicsFirst(QStringList topics);

/// A user-defined mapping of in-house header names to the decoded fields; empty names are unused.
struct HeaderMappingRule
{
    QString topicHeader;
    QString partitionHeader;
    QString offsetHeader;
    QString timestampHeader;
    QString errorClassHeader;
    QString errorMessageHeader;
};

/// "topic=acme-src,partition=acme-part,offset=...,timestamp=...,error-class=...,error-message=..."
/// as a rule; an error names the unknown field.
Result<HeaderMappingRule> parseHeaderMappingRule(const QString &text);
QString headerMappingRuleText(const HeaderMappingRule &rule);

/// What a dead-letter record says about where it came from and why it failed.
struct DeadLetterInfo
{
    DeadLetterFormat format = DeadLetterFormat::None;
    QString originalTopic;
    std::optional<int> originalPartition;
    std::optional<qint64> originalOffset;
    std::optional<qint64> originalTimestampMs;
    QString errorClass;
    QString errorMessage;
    QString stackTrace;
    QString connectorName;

    bool hasOriginal() const { return !originalTopic.isEmpty(); }
    bool hasError() const { return !errorClass.isEmpty() || !errorMessage.isEmpty(); }
};

/// Decodes Spring Kafka, Kafka Connect, Karafka and generic x-original-* headers (numbers
/// in big-endian binary or decimal text), then user rules. Never fails: unknown or
/// malformed headers simply leave fields empty.
class DeadLetterDecoder final
{
public:
    explicit DeadLetterDecoder(QList<HeaderMappingRule> rules = {});

    DeadLetterInfo decode(const QList<RecordHeader> &headers) const;
    /// What decode() needs to fill: Routing leaves out the error texts (class, message, stack
    /// trace, connector), which are the costly part of a record's dead-letter headers.
    enum class Parts { All, Routing };
    /// Decodes a record where it lies, without copying its headers.
    DeadLetterInfo decodeRecord(const RecordView &record, Parts parts = Parts::All) const;

    /// True for header names any known format (or a rule) uses; used to strip them on requeue.
    bool isDeadLetterHeader(const QString &name) const;

    /// A header value as an integer: decimal text, or 2/4/8-byte big-endian binary.
    static std::optional<qint64> parseNumber(const std::optional<QByteArray> &value);
    static std::optional<qint64> parseNumber(QByteArrayView value);
    static std::optional<qint64> parseNumber(const QByteArray &value) { return parseNumber(QByteArrayView(value)); }

    /// The decoded field a header of this name fills (rules first, then the known formats).
    enum class Field { None, Topic, Partition, Offset, Timestamp, ErrorClass, ErrorMessage, StackTrace, Connector };
    Field fieldOf(const QString &name) const;

    /// A header value for people: printable text as it is (cut after maxBytes), anything else
    /// (binary, control characters) as 0x-hex, followed by the number a known partition, offset or
    /// timestamp header holds: "0x00000002 (2)", "0x0000018bcfe56800 (1700000000000 = 2023-11-14T22:13:20.000Z)".
    QString displayValue(const RecordHeader &header, qsizetype maxBytes = 4096) const;

private:
    struct HeaderRef;
    DeadLetterInfo decodeRefs(const HeaderRef *headers, qsizetype count, Parts parts) const;

    QList<HeaderMappingRule> m_rules;
};

} // namespace kops
