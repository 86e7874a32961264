#include "resetstrategy.h"

#include <QCoreApplication>

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace kops {

namespace {

KafkaError invalid(const QString &message)
{
    return KafkaError::make(QStringLiteral("INVALID_ARGUMENT"), message);
}

} // namespace

ResetStrategy ResetStrategy::toDatetime(qint64 timestampMs, const QString &text)
{
    ResetStrategy s;
    s.kind = Kind::ToDatetime;
    s.timestampMs = timestampMs;
    s.argument = text.isEmpty()
        ? QDateTime::fromMSecsSinceEpoch(timestampMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"))
        : text;
    return s;
}

ResetStrategy ResetStrategy::byDuration(qint64 durationMs, const QString &text)
{
    ResetStrategy s;
    s.kind = Kind::ByDuration;
    s.durationMs = durationMs;
    s.argument = text.isEmpty() ? QStringLiteral("PT%1S").arg(double(durationMs) / 1000.0) : text;
    return s;
}

ResetStrategy ResetStrategy::toEarliest()
{
    ResetStrategy s;
    s.kind = Kind::ToEarliest;
    return s;
}

ResetStrategy ResetStrategy::toLatest()
{
    ResetStrategy s;
    s.kind = Kind::ToLatest;
    return s;
}

ResetStrategy ResetStrategy::toCurrent()
{
    ResetStrategy s;
    s.kind = Kind::ToCurrent;
    return s;
}

ResetStrategy ResetStrategy::toOffset(qint64 offset)
{
    ResetStrategy s;
    s.kind = Kind::ToOffset;
    s.value = offset;
    return s;
}

ResetStrategy ResetStrategy::shiftBy(qint64 shift)
{
    ResetStrategy s;
    s.kind = Kind::ShiftBy;
    s.value = shift;
    return s;
}

ResetStrategy ResetStrategy::fromFile(QList<PartitionOffset> rows, const QString &fileName)
{
    ResetStrategy s;
    s.kind = Kind::FromFile;
    s.fileRows = std::move(rows);
    s.argument = fileName;
    return s;
}

QString ResetStrategy::describe() const
{
    switch (kind) {
    case Kind::ToDatetime:
        return QStringLiteral("--to-datetime %1").arg(argument);
    case Kind::ByDuration:
        return QStringLiteral("--by-duration %1").arg(argument);
    case Kind::ToEarliest:
        return QStringLiteral("--to-earliest");
    case Kind::ToLatest:
        return QStringLiteral("--to-latest");
    case Kind::ToCurrent:
        return QStringLiteral("--to-current");
    case Kind::ToOffset:
        return QStringLiteral("--to-offset %1").arg(value);
    case Kind::ShiftBy:
        return QStringLiteral("--shift-by %1").arg(value);
    case Kind::FromFile:
        return argument.isEmpty() ? QStringLiteral("--from-file") : QStringLiteral("--from-file %1").arg(argument);
    }
    return {};
}

QString ResetScope::describe() const
{
    if (allTopics)
        return QStringLiteral("--all-topics");
    QStringList parts;
    for (const TopicSelection &t : topics) {
        QStringList ps;
        for (int p : t.partitions)
            ps << QString::number(p);
        parts << QStringLiteral("--topic %1").arg(ps.isEmpty() ? t.topic : t.topic + QLatin1Char(':') + ps.join(QLatin1Char(',')));
    }
    return parts.join(QLatin1Char(' '));
}

Result<qint64> parseResetDateTime(const QString &text, ZonelessTime zoneless)
{
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})\\.(\\d{3})(Z|[+-]\\d{2}(?::?\\d{2})?)?$"));
    const QString t = text.trimmed();
    const auto m = re.match(t);
    const QString expected = QCoreApplication::translate("kops::Replay", "expected YYYY-MM-DDTHH:mm:SS.sss, optionally followed by Z or ±hh:mm");
    if (!m.hasMatch())
        return invalid(QCoreApplication::translate("kops::Replay", "Cannot parse the date-time '%1': %2.").arg(text, expected));
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), m.captured(7).toInt());
    if (!date.isValid() || !time.isValid())
        return invalid(QCoreApplication::translate("kops::Replay", "The date-time '%1' does not exist in the calendar (%2).").arg(text, expected));
    qint64 offsetSeconds = 0;
    const QString zone = m.captured(8);
    if (zone.isEmpty() && zoneless == ZonelessTime::Local)
        return QDateTime(date, time, Qt::LocalTime).toMSecsSinceEpoch();
    if (!zone.isEmpty() && zone != QLatin1String("Z")) {
        QString digits = zone.mid(1);
        digits.remove(QLatin1Char(':'));
        const int hours = digits.left(2).toInt();
        const int minutes = digits.size() >= 4 ? digits.mid(2, 2).toInt() : 0;
        if (hours > 23 || minutes > 59)
            return invalid(QCoreApplication::translate("kops::Replay", "The zone offset '%1' in '%2' is out of range.").arg(zone, text));
        offsetSeconds = (hours * 3600 + minutes * 60) * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
    }
    // No zone: UTC, because kafka-consumer-groups.sh (Utils.getDateTime) appends "Z".
    return QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch() - offsetSeconds * 1000;
}

Result<qint64> parseResetDuration(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^([-+]?)P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)(?:[.,](\\d{1,9}))?S)?)?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString t = text.trimmed();
    const auto m = re.match(t);
    const bool hasT = t.contains(QLatin1Char('T'), Qt::CaseInsensitive);
    const bool anyDate = m.hasMatch() && !m.captured(2).isEmpty();
    const bool anyTime = m.hasMatch() && (!m.captured(3).isEmpty() || !m.captured(4).isEmpty() || !m.captured(5).isEmpty());
    if (!m.hasMatch() || (!anyDate && !anyTime) || (hasT && !anyTime))
        return invalid(QCoreApplication::translate("kops::Replay", "Cannot parse the duration '%1': expected ISO 8601 PnDTnHnMnS, e.g. PT1H30M or P1DT12H.")
                           .arg(text));
    auto num = [&](int i) { return m.captured(i).isEmpty() ? 0 : m.captured(i).toLongLong(); };
    qint64 ms = num(2) * 86400000LL + num(3) * 3600000LL + num(4) * 60000LL + num(5) * 1000LL;
    if (!m.captured(6).isEmpty())
        ms += m.captured(6).leftJustified(3, QLatin1Char('0')).left(3).toLongLong();
    return m.captured(1) == QLatin1String("-") ? -ms : ms;
}

Result<ResetScope::TopicSelection> parseTopicSelection(const QString &text)
{
    ResetScope::TopicSelection sel;
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    sel.topic = (colon < 0 ? text : text.left(colon)).trimmed();
    if (sel.topic.isEmpty())
        return invalid(QCoreApplication::translate("kops::Replay", "--topic '%1' names no topic (expected TOPIC or TOPIC:P,P,...).").arg(text));
    if (colon >= 0) {
        const QStringList parts = text.mid(colon + 1).split(QLatin1Char(','));
        for (const QString &p : parts) {
            bool ok = false;
            const int n = p.trimmed().toInt(&ok);
            if (!ok || n < 0)
                return invalid(QCoreApplication::translate("kops::Replay", "--topic '%1': '%2' is not a partition number.").arg(text, p.trimmed()));
            if (!sel.partitions.contains(n))
                sel.partitions.append(n);
        }
    }
    return sel;
}

Result<QList<PartitionOffset>> parseResetCsv(const QString &csv, const QString &group)
{
    QList<PartitionOffset> rows;
    QSet<TopicPartition> seen;
    const QStringList lines = csv.split(QLatin1Char('\n'));
    int fieldCount = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const QString where = QCoreApplication::translate("kops::Replay", "CSV line %1 ('%2')").arg(i + 1).arg(line);
        const QStringList f = line.split(QLatin1Char(','));
        if (f.size() != 3 && f.size() != 4)
            return invalid(QCoreApplication::translate("kops::Replay", "%1: expected topic,partition,offset.").arg(where));
        if (fieldCount != 0 && fieldCount != f.size())
            return invalid(QCoreApplication::translate("kops::Replay", "%1: mixes lines with and without a group column.").arg(where));
        fieldCount = int(f.size());
        const int base = f.size() == 4 ? 1 : 0;
        if (base == 1 && !group.isEmpty() && f.at(0).trimmed() != group)
            continue;
        PartitionOffset po;
        po.topic = f.at(base).trimmed();
        bool okPartition = false;
        bool okOffset = false;
        po.partition = f.at(base + 1).trimmed().toInt(&okPartition);
        po.offset = f.at(base + 2).trimmed().toLongLong(&okOffset);
        if (po.topic.isEmpty())
            return invalid(QCoreApplication::translate("kops::Replay", "%1: the topic is empty.").arg(where));
        if (!okPartition || po.partition < 0)
            return invalid(QCoreApplication::translate("kops::Replay", "%1: '%2' is not a partition number.").arg(where, f.at(base + 1)));
        if (!okOffset || po.offset < 0)
            return invalid(QCoreApplication::translate("kops::Replay", "%1: '%2' is not an offset.").arg(where, f.at(base + 2)));
        if (seen.contains(po.tp()))
            return invalid(QCoreApplication::translate("kops::Replay", "%1: %2-%3 appears twice.").arg(where, po.topic).arg(po.partition));
        seen.insert(po.tp());
        rows.append(po);
    }
    if (rows.isEmpty())
        return invalid(group.isEmpty() || fieldCount != 4
                           ? QCoreApplication::translate("kops::Replay", "The CSV holds no topic,partition,offset lines.")
                           : QCoreApplication::translate("kops::Replay", "The CSV holds no lines for group '%1'.").arg(group));
    return rows;
}

QString formatResetCsv(const QList<PartitionOffset> &rows)
{
    QString out;
    for (const PartitionOffset &po : rows)
        out += QStringLiteral("%1,%2,%3\n").arg(po.topic).arg(po.partition).arg(po.offset);
    return out;
}

} // namespace kops
