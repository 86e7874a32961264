#pragma once

#include "auditrules.h"
#include "clusterapi.h"

#include <atomic>
#include <functional>

namespace kops {

/// What to audit: a topic (or a time range of it) and where ids and sequence numbers are.
struct AuditSpec
{
    QString topic;
    FieldSource id;       ///< none: duplicates are records with the same key and value bytes
    FieldSource seq;      ///< none: no order rule
    std::optional<qint64> fromTimeMs;
    std::optional<qint64> untilTimeMs; ///< records at or after this time are skipped
    /// Digests remembered per table and pass. Above it the audit takes several passes, each over
    /// one slice of the digest space, so the answer stays exact in bounded memory.
    qint64 digestLimit = kDefaultDigestLimit;
    int maxExamples = 100;

    /// 1,000,000 per table: at most about 100 MB of tables (2^21 slots of 16 and of 32 bytes).
    static constexpr qint64 kDefaultDigestLimit = 1'000'000;
    /// Passes needed for `records` records.
    int passesFor(qint64 records) const;
};

struct AuditProgress
{
    int pass = 1;
    int passes = 1;
    qint64 scanned = 0; ///< in this pass
    qint64 total = 0;   ///< records in the selection (upper bound)
    double recordsPerSecond = 0;
    qint64 duplicates = 0;
    qint64 orderBreaks = 0;
    qint64 keysInSeveralPartitions = 0;
};

struct AuditReport
{
    QString topic;
    QString idSource, seqSource;
    qint64 scanned = 0;
    qint64 total = 0;
    qint64 duplicates = 0;
    qint64 orderBreaks = 0;
    qint64 keysInSeveralPartitions = 0;
    qint64 withoutId = 0;
    qint64 withoutSequence = 0;
    qint64 distinctRecords = 0;
    qint64 tableBytes = 0;
    int passes = 1;
    double seconds = 0;
    double recordsPerSecond = 0;
    bool cancelled = false;
    QList<AuditFinding> examples; ///< duplicates, order breaks, then keys, in scan order within each

    bool clean() const { return duplicates == 0 && orderBreaks == 0 && keysInSeveralPartitions == 0; }
    QJsonObject toJson() const;
    /// The examples, one JSON object a line (export).
    QByteArray toJsonLines() const;
};

/// The ordering and duplicate audit of a topic: scans it (DeadLetterReader: the dead-letter
/// scan's reader, progress and speed) through AuditEngine, in as many passes as digestLimit needs.
class TopicAudit final
{
public:
    using ProgressFn = std::function<void(const AuditProgress &)>;
    static Result<AuditReport> run(ClusterApi &api, const AuditSpec &spec, const std::atomic<bool> *cancel = nullptr,
                                   const ProgressFn &progress = {});

    /// One scan of the whole selection: shows each record to the visitor; false when cancelled.
    using ScanFn = std::function<Result<bool>(const std::function<void(const RecordView &)> &visit,
                                              const std::function<void(qint64 scanned)> &tick)>;
    /// The passes over any record source (tests run it over records in memory).
    static Result<AuditReport> runPasses(const AuditSpec &spec, qint64 total, const ScanFn &scan,
                                         const ProgressFn &progress = {});
};

} // namespace kops
