#pragma once

#include "clustertypes.h"
#include "kafkaerror.h"

#include <QList>
#include <QString>

namespace kops {

/// How new offsets are chosen, with the semantics of kafka-consumer-groups.sh --reset-offsets.
struct ResetStrategy
{
    enum class Kind { ToDatetime, ByDuration, ToEarliest, ToLatest, ToCurrent, ToOffset, ShiftBy, FromFile };

    Kind kind = Kind::ToLatest;
    qint64 timestampMs = 0;          ///< ToDatetime; ByDuration once resolved against "now"
    qint64 durationMs = 0;           ///< ByDuration
    qint64 value = 0;                ///< ToOffset: the offset; ShiftBy: the signed shift
    QList<PartitionOffset> fileRows; ///< FromFile: topic, partition, offset per row
    QString argument;                ///< the text given (date, duration, file name), for the journal

    static ResetStrategy toDatetime(qint64 timestampMs, const QString &text = {});
    static ResetStrategy byDuration(qint64 durationMs, const QString &text = {});
    static ResetStrategy toEarliest();
    static ResetStrategy toLatest();
    static ResetStrategy toCurrent();
    static ResetStrategy toOffset(qint64 offset);
    static ResetStrategy shiftBy(qint64 shift);
    static ResetStrategy fromFile(QList<PartitionOffset> rows, const QString &fileName = {});

    /// The equivalent kafka-consumer-groups.sh option, e.g. "--shift-by -10".
    QString describe() const;
    bool needsTimestamps() const { return kind == Kind::ToDatetime || kind == Kind::ByDuration; }
};

/// Which partitions a reset covers: --all-topics, or one or more --topic T[:P,...].
struct ResetScope
{
    struct TopicSelection
    {
        QString topic;
        QList<int> partitions; ///< empty: every partition of the topic
    };
    bool allTopics = false;
    QList<TopicSelection> topics;

    bool isEmpty() const { return !allTopics && topics.isEmpty(); }
    QString describe() const;
};

/// How a date-time without a zone offset is read.
enum class ZonelessTime { Utc, Local };

/// Kafka's Utils.getDateTime: 'YYYY-MM-DDTHH:mm:SS.sss' with an optional Z, ±hh, ±hhmm or ±hh:mm.
/// kafka-consumer-groups.sh reads a time without a zone as UTC (it appends "Z"), so that is the
/// default; ZonelessTime::Local reads it in the machine's time zone instead.
Result<qint64> parseResetDateTime(const QString &text, ZonelessTime zoneless = ZonelessTime::Utc);
/// java.time.Duration.parse: [-]PnDTnHnMn[.n]S, e.g. "PT1H30M" or "P1DT12H".
Result<qint64> parseResetDuration(const QString &text);
/// "T" or "T:0,2,5" as given to --topic.
Result<ResetScope::TopicSelection> parseTopicSelection(const QString &text);
/// CSV as kafka-consumer-groups.sh --export writes: "topic,partition,offset" per line (or
/// "group,topic,partition,offset" for several groups; then only rows of `group` are kept).
Result<QList<PartitionOffset>> parseResetCsv(const QString &csv, const QString &group = {});
/// The inverse of parseResetCsv, accepted by --reset-offsets --from-file.
QString formatResetCsv(const QList<PartitionOffset> &rows);

} // namespace kops
