#include "deadletterreader.h"

#include <QCoreApplication>

#include <QDateTime>

#include <QElapsedTimer>

#include <algorithm>

namespace kops {

std::optional<qint64> parseRecordTime(const QString &input)
{
    const QString text = input.trimmed();
    bool ok = false;
    const qint64 ms = text.toLongLong(&ok);
    if (ok)
        return ms;
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    if (!dt.isValid())
        return std::nullopt;
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeSpec(Qt::UTC);
    return dt.toMSecsSinceEpoch();
}

DeadLetterReader::DeadLetterReader(ClusterApi &api, BrowseSelection selection, DeadLetterDecoder decoder)
    : m_api(api), m_selection(std::move(selection)), m_decoder(std::move(decoder))
{
}

Status DeadLetterReader::open()
{
    m_cursors.clear();
    m_index.clear();
    m_stream.reset();
    auto md = m_api.topicMetadata({m_selection.topic});
    if (!md)
        return md.error();
    const TopicInfo *topic = md.value().topic(m_selection.topic);
    if (!topic || !topic->errorCode.isEmpty() || topic->partitions.isEmpty())
        return KafkaError::make(topic && !topic->errorCode.isEmpty() ? topic->errorCode
                                                                     : QStringLiteral("UNKNOWN_TOPIC_OR_PART"),
                                QCoreApplication::translate("kops::DeadLetters", "Topic '%1' does not exist.").arg(m_selection.topic));
    QList<int> partitions = m_selection.partitions;
    if (partitions.isEmpty())
        for (const PartitionInfo &p : topic->partitions)
            partitions.append(p.partition);
    std::sort(partitions.begin(), partitions.end());
    partitions.erase(std::unique(partitions.begin(), partitions.end()), partitions.end());
    QList<TopicPartition> tps;
    for (int p : partitions) {
        const bool exists = std::any_of(topic->partitions.cbegin(), topic->partitions.cend(),
                                        [p](const PartitionInfo &pi) { return pi.partition == p; });
        if (!exists)
            return KafkaError::make(QStringLiteral("UNKNOWN_TOPIC_OR_PART"),
                                    QCoreApplication::translate("kops::DeadLetters", "Topic '%1' has no partition %2.").arg(m_selection.topic).arg(p));
        tps.append({m_selection.topic, p});
    }
    auto wm = m_api.watermarks(tps);
    if (!wm)
        return wm.error();
    QHash<int, PartitionWatermarks> marks;
    for (const PartitionWatermarks &w : wm.value()) {
        if (!w.errorCode.isEmpty())
            return KafkaError::make(w.errorCode, QCoreApplication::translate("kops::DeadLetters", "Partition %1: %2").arg(w.partition).arg(w.errorMessage));
        marks.insert(w.partition, w);
    }
    QHash<int, qint64> timeOffsets;
    if (m_selection.start.mode == BrowseStart::Mode::Time) {
        QList<PartitionTimestamp> q;
        for (int p : partitions)
            q.append({m_selection.topic, p, m_selection.start.value});
        auto found = m_api.offsetsForTimes(q);
        if (!found)
            return found.error();
        for (const PartitionOffset &po : found.value())
            timeOffsets.insert(po.partition, po.offset);
    }
    for (int p : partitions) {
        const PartitionWatermarks w = marks.value(p);
        PartitionCursor c;
        c.partition = p;
        c.end = std::max<qint64>(0, w.high);
        const qint64 low = std::max<qint64>(0, w.low);
        switch (m_selection.start.mode) {
        case BrowseStart::Mode::Oldest: c.start = low; break;
        case BrowseStart::Mode::NewestN: c.start = std::max(low, c.end - std::max<qint64>(0, m_selection.start.value)); break;
        case BrowseStart::Mode::Offset: c.start = std::clamp(m_selection.start.value, low, c.end); break;
        case BrowseStart::Mode::Time: {
            const qint64 o = timeOffsets.value(p, -1);
            c.start = o < 0 ? c.end : std::clamp(o, low, c.end); // -1: nothing at or after that time
            break;
        }
        }
        c.next = c.start;
        m_index.insert(p, m_cursors.size());
        m_cursors.append(c);
    }
    return Done{};
}

bool DeadLetterReader::atEnd() const
{
    return std::all_of(m_cursors.cbegin(), m_cursors.cend(), [](const PartitionCursor &c) { return c.done(); });
}

qint64 DeadLetterReader::remaining() const
{
    qint64 n = 0;
    for (const PartitionCursor &c : m_cursors)
        n += std::max<qint64>(0, c.end - c.next);
    return n;
}

qint64 DeadLetterReader::total() const
{
    qint64 n = 0;
    for (const PartitionCursor &c : m_cursors)
        n += std::max<qint64>(0, c.end - c.start);
    return n;
}

Result<int> DeadLetterReader::visit(int maxRecords, int timeoutMs, const PartitionStream::Visitor &visitor)
{
    if (atEnd() || maxRecords <= 0)
        return 0;
    if (!m_stream) {
        QList<StreamRange> ranges;
        for (const PartitionCursor &c : std::as_const(m_cursors))
            ranges.append({c.partition, c.next, c.end});
        m_stream = PartitionStream::open(m_api, m_selection.topic, ranges);
    }
    auto shown = m_stream->visit(maxRecords, timeoutMs, [&](const RecordView &r) {
        if (const qsizetype i = m_index.value(r.partition, -1); i >= 0)
            m_cursors[i].next = std::max(m_cursors[i].next, r.offset + 1);
        visitor(r);
    });
    if (!shown)
        return shown.error();
    if (m_stream->atEnd())
        for (PartitionCursor &c : m_cursors)
            c.next = c.end;
    return shown;
}

Result<QList<DeadLetterRecord>> DeadLetterReader::next(int maxRecords, int timeoutMs)
{
    QList<DeadLetterRecord> out;
    auto shown = visit(maxRecords, timeoutMs, [&](const RecordView &r) {
        ConsumedRecord record = r.toRecord(m_selection.topic);
        DeadLetterInfo info = m_decoder.decode(record.headers);
        out.append({std::move(record), std::move(info)});
    });
    if (!shown)
        return shown.error();
    return out;
}

Result<ScanProgress> scanDeadLetters(ClusterApi &api, const BrowseSelection &selection, const RecordFilter &filter,
                                     const ScanOptions &options, const DeadLetterDecoder &decoder)
{
    if (!filter.error().isEmpty())
        return KafkaError::make(QStringLiteral("USAGE"), filter.error());
    DeadLetterReader reader(api, selection, decoder);
    if (auto opened = reader.open(); !opened)
        return opened.error();
    ScanProgress progress;
    progress.total = reader.total();
    QElapsedTimer clock;
    clock.start();
    bool stop = false;
    const bool decodeFirst = filter.needsDeadLetterInfo();
    const DeadLetterInfo none;
    // Records are tested where they lie; only matches are copied and decoded.
    auto test = [&](const RecordView &view) {
        if (stop)
            return;
        ++progress.scanned;
        DeadLetterInfo info;
        if (decodeFirst)
            info = decoder.decode(view.headers());
        if (!filter.matches(view, decodeFirst ? info : none))
            return;
        DeadLetterRecord r{view.toRecord(selection.topic), {}};
        r.info = decodeFirst ? std::move(info) : decoder.decode(r.record.headers);
        ++progress.matched;
        ++progress.errorClassCounts[r.info.errorClass];
        if ((options.onMatch && !options.onMatch(r)) || (options.limit >= 0 && progress.matched >= options.limit))
            stop = true;
    };
    while (!stop && !reader.atEnd()) {
        if (options.cancel && options.cancel->load()) {
            progress.cancelled = true;
            break;
        }
        if (auto shown = reader.visit(std::max(1, options.pageSize), 2000, test); !shown)
            return shown.error();
        const qint64 ms = std::max<qint64>(1, clock.elapsed());
        progress.recordsPerSecond = double(progress.scanned) * 1000.0 / double(ms);
        if (options.progress)
            options.progress(progress);
    }
    return progress;
}

} // namespace kops
