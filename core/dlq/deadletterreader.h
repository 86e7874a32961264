#pragma once

#include "clusterapi.h"
#include "deadletterheaders.h"
#include "partitionstream.h"
#include "recordfilter.h"

#include <QMap>

#include <atomic>
#include <functional>

namespace kops {

/// A record time typed by a person: epoch milliseconds, or ISO 8601 where no zone means UTC.
std::optional<qint64> parseRecordTime(const QString &text);

/// Where reading starts in each chosen partition.
struct BrowseStart
{
    enum class Mode { Oldest, NewestN, Offset, Time };
    Mode mode = Mode::Oldest;
    qint64 value = 0; ///< N for NewestN (per partition), the offset, or the time in ms since the epoch
};

/// A topic, some (or all) of its partitions and a start.
struct BrowseSelection
{
    QString topic;
    QList<int> partitions; ///< empty: all partitions
    BrowseStart start;
};

/// A record with its decoded dead-letter headers.
struct DeadLetterRecord
{
    ConsumedRecord record;
    DeadLetterInfo info;
};

/// Where one partition's reading stands: next offset to read and the end sampled at open().
struct PartitionCursor
{
    int partition = -1;
    qint64 start = 0;
    qint64 next = 0;
    qint64 end = 0;
    bool done() const { return next >= end; }
};

/// Reads a selection forwards, a page at a time, up to the high watermarks seen when it
/// was opened; holds nothing but the cursors, so memory does not grow with the topic.
class DeadLetterReader final
{
public:
    DeadLetterReader(ClusterApi &api, BrowseSelection selection, DeadLetterDecoder decoder = DeadLetterDecoder());

    /// Looks up partitions, watermarks and (for a time) offsets; must succeed before next().
    Status open();
    /// Up to maxRecords further records from all partitions at once (in order within each
    /// partition); may be short or empty before the end, check atEnd().
    Result<QList<DeadLetterRecord>> next(int maxRecords, int timeoutMs = 2000);
    /// Shows up to maxRecords further records where they lie (no copies; see RecordView).
    Result<int> visit(int maxRecords, int timeoutMs, const PartitionStream::Visitor &visitor);
    const DeadLetterDecoder &decoder() const { return m_decoder; }
    bool atEnd() const;
    /// Records between the cursors and the ends (an upper bound: compaction leaves gaps).
    qint64 remaining() const;
    qint64 total() const;
    QList<PartitionCursor> cursors() const { return m_cursors; }
    const BrowseSelection &selection() const { return m_selection; }

private:
    ClusterApi &m_api;
    BrowseSelection m_selection;
    DeadLetterDecoder m_decoder;
    QList<PartitionCursor> m_cursors;
    QHash<int, qsizetype> m_index; ///< partition -> position in m_cursors
    std::unique_ptr<PartitionStream> m_stream;
};

/// Figures of a running or finished scan.
struct ScanProgress
{
    qint64 scanned = 0;
    qint64 matched = 0;
    qint64 total = 0; ///< records in the selection (upper bound)
    double recordsPerSecond = 0;
    bool cancelled = false;
    QMap<QString, qint64> errorClassCounts; ///< matches grouped by decoded error class ("" = none)
};

struct ScanOptions
{
    qint64 limit = -1; ///< stop after this many matches; -1: no limit
    int pageSize = 5000;
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(const ScanProgress &)> progress; ///< called after every page
    std::function<bool(const DeadLetterRecord &)> onMatch; ///< return false to stop
};

/// Reads the whole selection through the filter, streaming matches to onMatch.
Result<ScanProgress> scanDeadLetters(ClusterApi &api, const BrowseSelection &selection, const RecordFilter &filter,
                                     const ScanOptions &options, const DeadLetterDecoder &decoder = DeadLetterDecoder());

} // namespace kops
