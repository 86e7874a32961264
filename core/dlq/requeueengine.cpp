#include "requeueengine.h"

#include <QCoreApplication>

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QScopeGuard>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <deque>

namespace kops {

/// Pages produced but not yet journalled, besides the one being prepared: enough to keep the
/// producer busy while a page is read and converted.
constexpr int kPagesInFlight = 4;

struct RequeueEngine::Pending
{
    int partition = -1; ///< source partition
    qint64 srcOffset = -1;
    OutgoingRecord record; ///< empty while its page is in flight (the page's batch holds it)
    bool chained = false; ///< the job's previous record in this partition is the one before it in the batch
    int index = -1;       ///< its place in the page's batch
};

/// A matching source record, converted (or why it cannot be).
struct RequeueEngine::Candidate
{
    qint64 offset = -1;
    std::optional<OutgoingRecord> record;
    QString whyNot;
};

struct RequeueEngine::Run
{
    RequeueJob job;
    RequeueSpec spec;
    RecordFilter filter;
    DeadLetterDecoder decoder;
    QHash<QString, int> partitionCounts;
    QString lastCountTopic; ///< partitionCount()'s last answer, for the same string
    int lastCount = 0;
    QHash<QString, KafkaError> badTopics;
    QHash<TopicPartition, qint64> marks;     ///< start watermarks (journalled)
    QHash<TopicPartition, qint64> scannedTo; ///< reconciled up to, in this run
    RequeueProgress progress;
    QList<RequeueFailure> failed;
    qint64 startMs = 0; ///< on the engine's clock
    qint64 producedThisRun = 0;
    int batch = 0;
    bool killed = false;
    bool cancelled = false;
    QString interruption;
    ProgressFn report;
    QByteArray uuid;         ///< the job's, for its header on every record
    QByteArray fromPrefix;   ///< "source-topic/"
    bool needInfo = false;   ///< the dead-letter headers decide where or when a record goes, or if it matches
    DeadLetterDecoder::Parts infoParts = DeadLetterDecoder::Parts::Routing;
    QList<QByteArray> replacedHeaders; ///< the requeue's own headers, replaced on every record sent
    QString ownHeaderNames[3];         ///< the same as strings (from, count, job), shared by every record
    struct Page
    {
        QList<Pending> pending;          ///< what was sent (records moved to `records`)
        QList<OutgoingRecord> records;   ///< the batch, shared with the delivery (for resends)
        std::unique_ptr<PendingDelivery> delivery;
        int batch = 0; ///< page number
    };
    std::deque<Page> inFlight; ///< pages being produced, not journalled yet (oldest first)
};

RequeueEngine::RequeueEngine(ClusterApi &api, RequeueJournal &journal, DeadLetterDecoder decoder)
    : m_api(api), m_journal(journal), m_decoder(std::move(decoder))
{
    auto wall = std::make_shared<QElapsedTimer>();
    wall->start();
    m_clock.nowMs = [wall] { return wall->elapsed(); };
    m_clock.sleepMs = [](qint64 ms) { QThread::msleep(ulong(ms)); };
}

DeadLetterDecoder RequeueEngine::decoderFor(const RequeueSpec &spec) const
{
    return spec.headerRules.isEmpty() ? m_decoder : DeadLetterDecoder(spec.headerRules);
}

Result<QList<StreamRange>> RequeueEngine::sourceRanges(const RequeueSpec &spec)
{
    QList<StreamRange> ranges;
    if (spec.records.isEmpty()) {
        for (const SourceRange &r : spec.ranges)
            ranges.append({r.partition, r.start, r.end});
        return ranges;
    }
    // Explicit records: one span per partition, clamped to what the log still holds.
    QMap<int, std::pair<qint64, qint64>> span;
    for (const auto &r : spec.records) {
        auto it = span.find(r.first);
        if (it == span.end())
            span.insert(r.first, {r.second, r.second + 1});
        else
            *it = {std::min(it->first, r.second), std::max(it->second, r.second + 1)};
    }
    QList<TopicPartition> tps;
    for (auto it = span.cbegin(); it != span.cend(); ++it)
        tps.append({spec.sourceTopic, it.key()});
    auto wm = m_api.watermarks(tps);
    if (!wm)
        return wm.error();
    for (const PartitionWatermarks &w : wm.value()) {
        if (!w.errorCode.isEmpty())
            continue; // its records are reported missing
        const auto s = span.value(w.partition);
        const qint64 from = std::max(s.first, w.low), end = std::min(s.second, w.high);
        if (from < end)
            ranges.append({w.partition, from, end});
    }
    return ranges;
}

Result<RequeuePlan> RequeueEngine::plan(const RequeueSpec &spec, const std::atomic<bool> *cancel)
{
    RequeuePlan plan;
    const RecordFilter filter(spec.filter);
    if (!filter.error().isEmpty())
        return KafkaError::make(QStringLiteral("USAGE"), filter.error());
    const QSet<std::pair<int, qint64>> wanted(spec.records.cbegin(), spec.records.cend());
    const DeadLetterDecoder decoder = decoderFor(spec);
    auto ranges = sourceRanges(spec);
    if (!ranges)
        return ranges.error();
    auto stream = PartitionStream::open(m_api, spec.sourceTopic, ranges.value());
    const bool toOriginal = spec.options.target == RequeueOptions::Target::Original;
    const bool decode = toOriginal || filter.needsDeadLetterInfo();
    const DeadLetterInfo none;
    auto count = [&](const RecordView &v) {
        ++plan.scanned;
        if (!wanted.isEmpty() && !wanted.contains({v.partition, v.offset}))
            return;
        const DeadLetterInfo info = decode ? decoder.decode(v.headers()) : none;
        if (wanted.isEmpty() && !filter.matches(v, info))
            return;
        ++plan.matched;
        ++plan.perTarget[toOriginal ? info.originalTopic : spec.options.targetTopic];
    };
    while (!stream->atEnd()) {
        if (cancel && cancel->load())
            return plan;
        if (auto shown = stream->visit(5000, 1000, count); !shown)
            return shown.error();
    }
    if (spec.options.target == RequeueOptions::Target::Topic)
        plan.perTarget.insert(spec.options.targetTopic, plan.perTarget.value(spec.options.targetTopic));
    QStringList targets = plan.perTarget.keys();
    targets.removeAll(QString());
    auto missing = missingTopics(targets);
    if (!missing)
        return missing.error();
    plan.missingTopics = missing.value();
    return plan;
}

Result<QStringList> RequeueEngine::missingTopics(const QStringList &topics)
{
    QStringList missing;
    if (topics.isEmpty())
        return missing;
    auto md = m_api.topicMetadata(topics);
    if (!md)
        return md.error();
    for (const QString &t : topics) {
        const TopicInfo *info = md.value().topic(t);
        if (!info || info->errorCode == QLatin1String("UNKNOWN_TOPIC_OR_PART") || (info->errorCode.isEmpty() && info->partitions.isEmpty()))
            missing.append(t);
        else if (!info->errorCode.isEmpty())
            return KafkaError::make(info->errorCode, QCoreApplication::translate("kops::DeadLetters", "Target topic '%1' cannot be used (%2).").arg(t, info->errorCode));
    }
    return missing;
}

Status RequeueEngine::createTopics(const QStringList &topics, const QString &sourceTopic, int partitions)
{
    if (topics.isEmpty())
        return Done{};
    if (partitions <= 0) {
        auto md = m_api.topicMetadata({sourceTopic});
        if (!md)
            return md.error();
        const TopicInfo *src = md.value().topic(sourceTopic);
        if (!src || src->partitions.isEmpty())
            return KafkaError::make(QStringLiteral("UNKNOWN_TOPIC_OR_PART"),
                                    QCoreApplication::translate("kops::DeadLetters", "Topic '%1' does not exist.").arg(sourceTopic));
        partitions = int(src->partitions.size());
    }
    for (const QString &t : topics) {
        NewTopic nt;
        nt.name = t;
        nt.partitions = partitions;
        if (auto made = m_api.createTopic(nt); !made && made.error().code != QLatin1String("TOPIC_ALREADY_EXISTS"))
            return made.error();
    }
    // Metadata reaches every broker shortly after creation; wait until it lists all of them.
    for (int attempt = 0; attempt < 50; ++attempt) {
        auto missing = missingTopics(topics);
        if (!missing)
            return missing.error();
        if (missing.value().isEmpty())
            return Done{};
        QThread::msleep(100);
    }
    return KafkaError::make(QStringLiteral("_TIMED_OUT"),
                            QCoreApplication::translate("kops::DeadLetters", "Created %1, but the cluster does not list it yet.").arg(topics.join(QStringLiteral(", "))));
}

Result<RequeueOutcome> RequeueEngine::start(const RequeueSpec &spec, const QString &connection, Control *control,
                                            const ProgressFn &progress)
{
    if (spec.options.target == RequeueOptions::Target::Topic && spec.options.targetTopic.isEmpty())
        return KafkaError::make(QStringLiteral("USAGE"), QCoreApplication::translate("kops::DeadLetters", "No target topic given."));
    if (const RecordFilter f(spec.filter); !f.error().isEmpty())
        return KafkaError::make(QStringLiteral("USAGE"), f.error());
    if (spec.options.target == RequeueOptions::Target::Topic) {
        // Refused before anything is journalled or sent (not one failure per record).
        auto missing = missingTopics({spec.options.targetTopic});
        if (!missing)
            return missing.error();
        if (!missing.value().isEmpty())
            return KafkaError::make(QStringLiteral("UNKNOWN_TOPIC_OR_PART"),
                                    QCoreApplication::translate("kops::DeadLetters", "Target topic '%1' does not exist: nothing was requeued.").arg(spec.options.targetTopic));
    }
    auto job = m_journal.create(connection, spec.sourceTopic, spec.toJson());
    if (!job)
        return job.error();
    return execute(job.value(), control, progress);
}

Result<RequeueOutcome> RequeueEngine::resume(qint64 journalId, Control *control, const ProgressFn &progress)
{
    auto job = m_journal.job(journalId);
    if (!job)
        return job.error();
    if (job.value().state == QLatin1String("done"))
        return KafkaError::make(QStringLiteral("USAGE"),
                                QCoreApplication::translate("kops::DeadLetters", "Requeue %1 is already complete; nothing to resume.").arg(journalId));
    return execute(job.value(), control, progress);
}

Result<int> RequeueEngine::partitionCount(Run &run, const QString &topic)
{
    // Records of a job usually all go to one topic: the same string as the last time.
    if (run.lastCountTopic.isSharedWith(topic) && run.lastCount > 0)
        return run.lastCount;
    if (auto it = run.partitionCounts.constFind(topic); it != run.partitionCounts.cend()) {
        run.lastCountTopic = topic;
        run.lastCount = *it;
        return *it;
    }
    if (auto it = run.partitionCounts.constFind(topic); it != run.partitionCounts.cend())
        return *it;
    if (auto it = run.badTopics.constFind(topic); it != run.badTopics.cend())
        return *it;
    auto md = m_api.topicMetadata({topic});
    if (!md)
        return md.error(); // not cached: the cluster may be back on the next try
    const TopicInfo *t = md.value().topic(topic);
    if (!t || !t->errorCode.isEmpty() || t->partitions.isEmpty()) {
        const KafkaError e = KafkaError::make(QStringLiteral("UNKNOWN_TOPIC_OR_PART"),
                                              QCoreApplication::translate("kops::DeadLetters", "Target topic '%1' does not exist.").arg(topic));
        run.badTopics.insert(topic, e);
        return e;
    }
    run.partitionCounts.insert(topic, int(t->partitions.size()));
    return int(t->partitions.size());
}

Status RequeueEngine::ensureMarks(Run &run, const QString &topic)
{
    if (run.marks.contains({topic, 0}))
        return Done{};
    auto count = partitionCount(run, topic);
    if (!count)
        return count.error();
    QList<TopicPartition> tps;
    for (int p = 0; p < count.value(); ++p)
        tps.append({topic, p});
    auto wm = m_api.watermarks(tps);
    if (!wm)
        return wm.error();
    QList<TargetMark> marks;
    for (const PartitionWatermarks &w : wm.value()) {
        if (!w.errorCode.isEmpty() || w.high < 0)
            return KafkaError::make(w.errorCode.isEmpty() ? QStringLiteral("_UNKNOWN") : w.errorCode,
                                    QCoreApplication::translate("kops::DeadLetters", "Cannot read the end of %1/%2: %3").arg(topic).arg(w.partition).arg(w.errorMessage));
        marks.append({topic, w.partition, w.high});
    }
    if (auto added = m_journal.addMarks(run.job.id, marks); !added)
        return added.error();
    for (const TargetMark &m : marks)
        run.marks.insert({m.topic, m.partition}, m.startOffset);
    return Done{};
}

Status RequeueEngine::reconcile(Run &run)
{
    if (run.marks.isEmpty())
        return Done{};
    auto wm = m_api.watermarks(run.marks.keys());
    if (!wm)
        return wm.error();
    QMap<QString, QList<StreamRange>> perTopic;
    for (const PartitionWatermarks &w : wm.value()) {
        if (!w.errorCode.isEmpty())
            return KafkaError::make(w.errorCode, w.errorMessage);
        const qint64 from = run.scannedTo.value(w.tp(), run.marks.value(w.tp()));
        if (w.low > from && from < w.high)
            // Retention (or a delete) took records this requeue may have written: what reached the
            // target there can no longer be checked, and resending could duplicate it.
            return KafkaError::make(
                QStringLiteral("TARGET_TRUNCATED"),
                QCoreApplication::translate("kops::DeadLetters", "Target %1/%2 no longer holds offsets %3 to %4 (its log now starts at %4; the requeue "
                               "started writing at %5), so the records requeued there cannot be verified and sending "
                               "them again could duplicate them. Nothing more was sent; check the target, then start "
                               "a new requeue of what is missing.")
                    .arg(w.topic).arg(w.partition).arg(from).arg(w.low).arg(run.marks.value(w.tp())));
        if (from < w.high)
            perTopic[w.topic].append({w.partition, from, w.high});
    }
    for (auto t = perTopic.cbegin(); t != perTopic.cend(); ++t) {
        auto stream = PartitionStream::open(m_api, t.key(), t.value());
        const QByteArray jobHeader = requeueJobHeader().toUtf8(), fromHeader = requeuedFromHeader().toUtf8();
        const QByteArray uuid = run.job.uuid.toUtf8(), prefix = (run.spec.sourceTopic + QLatin1Char('/')).toUtf8();
        while (!stream->atEnd()) {
            QList<std::pair<std::pair<int, qint64>, TargetMark>> rows;
            // Only this job's records are looked at closely; the target's other records are skipped in place.
            auto look = [&](const RecordView &v) {
                bool ours = false;
                QByteArrayView from;
                v.forEachHeader([&](QByteArrayView name, QByteArrayView value, bool) {
                    if (name == jobHeader)
                        ours = value == uuid;
                    else if (name == fromHeader)
                        from = value;
                    return true;
                });
                if (!ours || !from.startsWith(prefix))
                    return;
                const QList<QByteArray> parts = from.sliced(prefix.size()).toByteArray().split('/');
                bool okP = false, okO = false;
                const int p = parts.size() == 2 ? parts.at(0).toInt(&okP) : -1;
                const qint64 o = parts.size() == 2 ? parts.at(1).toLongLong(&okO) : -1;
                if (okP && okO)
                    rows.append({{p, o}, TargetMark{t.key(), v.partition, v.offset}});
            };
            if (auto shown = stream->visit(5000, 1000, look); !shown)
                return shown.error();
            if (!rows.isEmpty())
                if (auto rec = m_journal.recordDelivered(run.job.id, rows); !rec)
                    return rec.error();
        }
        // Only a complete pass moves the reconciled position.
        for (const StreamRange &r : t.value())
            run.scannedTo.insert({t.key(), r.partition}, r.end);
    }
    return Done{};
}

std::optional<OutgoingRecord> RequeueEngine::toOutgoing(Run &run, const RecordView &r, const DeadLetterInfo &info,
                                                        QString *whyNot)
{
    const RequeueOptions &o = run.spec.options;
    OutgoingRecord out;
    out.topic = o.target == RequeueOptions::Target::Original ? info.originalTopic : o.targetTopic;
    if (out.topic.isEmpty()) {
        *whyNot = QCoreApplication::translate("kops::DeadLetters", "No original topic in the dead-letter headers.");
        return std::nullopt;
    }
    auto count = partitionCount(run, out.topic);
    if (!count) {
        *whyNot = count.error().message;
        return std::nullopt;
    }
    switch (o.partitionPolicy) {
    case RequeueOptions::PartitionPolicy::Original:
        if (!info.originalPartition || *info.originalPartition >= count.value()) {
            *whyNot = info.originalPartition
                          ? QCoreApplication::translate("kops::DeadLetters", "Original partition %1 does not exist in '%2'.").arg(*info.originalPartition).arg(out.topic)
                          : QCoreApplication::translate("kops::DeadLetters", "No original partition in the dead-letter headers.");
            return std::nullopt;
        }
        out.partition = *info.originalPartition;
        break;
    case RequeueOptions::PartitionPolicy::ByKey:
        out.partition = r.hasKey() ? javaPartitionForKey(QByteArrayView(r.key().data(), r.key().size()), count.value())
                                   : -1;
        break;
    case RequeueOptions::PartitionPolicy::ProducerDefault: out.partition = -1; break;
    }
    if (o.timestampPolicy == RequeueOptions::TimestampPolicy::Original) {
        const qint64 ts = info.originalTimestampMs.value_or(r.timestampMs);
        out.timestampMs = ts > 0 ? ts : 0;
    }

    // The requeue's own headers are replaced (the count goes up by one); dead-letter headers may go.
    const QByteArray &countName = run.replacedHeaders.at(1);
    qint64 previousCount = 0;
    QList<QByteArray> stripped;
    r.forEachHeader([&](QByteArrayView name, QByteArrayView value, bool) {
        if (name == countName)
            previousCount = DeadLetterDecoder::parseNumber(value).value_or(0);
        else if (o.stripDeadLetterHeaders && run.decoder.isDeadLetterHeader(RecordView::headerName(name))
                 && !stripped.contains(name))
            stripped.append(name.toByteArray());
        return true;
    });
    QByteArray from; // "source-topic/partition/offset", built in one allocation
    from.reserve(run.fromPrefix.size() + 32);
    from.append(run.fromPrefix).append(QByteArray::number(r.partition)).append('/').append(QByteArray::number(r.offset));
    const QList<RecordHeader> own = {{run.ownHeaderNames[0], std::move(from)},
                                     {run.ownHeaderNames[1], QByteArray::number(previousCount + 1)},
                                     {run.ownHeaderNames[2], run.uuid}};

    if ((out.forwarded = r.retain())) {
        // Sent as read: key, value and headers stay where librdkafka has them.
        out.dropHeaders = stripped.isEmpty() ? run.replacedHeaders : run.replacedHeaders + stripped;
        out.headers = own;
        return out;
    }
    if (r.hasKey())
        out.key = r.key().toByteArray();
    if (r.hasValue())
        out.value = r.value().toByteArray();
    QList<RecordHeader> headers = r.headers();
    headers.removeIf([&](const RecordHeader &h) {
        return h.key == requeueCountHeader() || h.key == requeuedFromHeader() || h.key == requeueJobHeader()
               || (o.stripDeadLetterHeaders && run.decoder.isDeadLetterHeader(h.key));
    });
    headers.append(own);
    out.headers = std::move(headers);
    return out;
}

bool RequeueEngine::waitWhilePaused(Run &run, Control *control)
{
    while (control && control->pause.load() && !control->cancel.load())
        QThread::msleep(50);
    if (control && control->cancel.load())
        run.cancelled = true;
    return !run.cancelled;
}

QString RequeueEngine::ensureMarksFor(Run &run, const QList<Pending> &pending)
{
    QSet<QString> topics;
    for (const Pending &p : pending)
        topics.insert(p.record.topic);
    QString error;
    for (const QString &t : std::as_const(topics))
        if (auto m = ensureMarks(run, t); !m)
            error = m.error().toString();
    return error;
}

Status RequeueEngine::processPage(Run &run, QMap<int, QList<Candidate>> &matches, Control *control)
{
    QList<Pending> pending;
    qsizetype matched = 0;
    for (const QList<Candidate> &records : std::as_const(matches))
        matched += records.size();
    pending.reserve(matched);
    for (auto it = matches.begin(); it != matches.end(); ++it) {
        QList<Candidate> &records = it.value();
        if (records.isEmpty())
            continue;
        run.progress.requested += records.size();
        auto delivered = m_journal.deliveredIn(run.job.id, it.key(), records.first().offset, records.last().offset);
        if (!delivered)
            return delivered.error();
        const DeliveredOffsets &done = delivered.value();
        bool chained = false; // runs in the journal cover consecutive records of the job only
        for (Candidate &c : records) {
            if (done.contains(c.offset)) {
                ++run.progress.alreadySent;
                chained = false;
            } else if (!c.record) {
                run.failed.append({it.key(), c.offset, c.whyNot});
                ++run.progress.failed;
                chained = false;
            } else {
                pending.append({it.key(), c.offset, std::move(*c.record), chained});
                chained = true;
            }
        }
    }
    if (pending.isEmpty() || !waitWhilePaused(run, control))
        return Done{};
    if (const QString marksError = ensureMarksFor(run, pending); !marksError.isEmpty()) {
        // Nothing may go to a target before its start mark is journalled: the retry path waits for it.
        if (auto st = finishInFlight(run, control, 0); !st)
            return st;
        QMap<int, QList<Pending>> byPartition;
        for (Pending &p : pending)
            byPartition[p.partition].append(std::move(p));
        for (auto it = byPartition.begin(); it != byPartition.end() && !run.killed && run.interruption.isEmpty(); ++it)
            if (auto st = retry(run, it.key(), std::move(it.value()), marksError, control); !st)
                return st;
        return Done{};
    }
    if (run.spec.options.ratePerSecond > 0) {
        const qint64 dueMs = qint64(double(run.producedThisRun + pending.size()) * 1000.0 / run.spec.options.ratePerSecond);
        while (m_clock.nowMs() - run.startMs < dueMs && !(control && control->cancel.load()))
            m_clock.sleepMs(std::min<qint64>(50, dueMs - (m_clock.nowMs() - run.startMs)));
    }
    QList<OutgoingRecord> batch;
    batch.reserve(pending.size());
    for (Pending &p : pending) {
        p.index = int(batch.size());
        batch.append(std::move(p.record)); // taken back from the batch if it must be sent again
    }
    run.producedThisRun += batch.size();
    auto delivery = m_api.produceAsync(batch);
    run.inFlight.push_back({std::move(pending), std::move(batch), std::move(delivery), run.batch});
    // While this page is on its way, the oldest ones' reports are journalled.
    return finishInFlight(run, control, kPagesInFlight);
}

Result<QList<RequeueEngine::Pending>> RequeueEngine::journalReports(Run &run, const QList<Pending> &sent,
                                                                      const Result<QList<DeliveryReport>> &reports,
                                                                      QString *lastError)
{
    QList<DeliveredRun> runs;
    QList<Pending> failed;
    if (!reports) {
        *lastError = reports.error().toString();
        return sent;
    }
    bool extendable = false; // the previous record was delivered and the run may continue
    for (const DeliveryReport &rep : reports.value()) {
        const Pending &p = sent.at(rep.index);
        if (!rep.errorCode.isEmpty()) {
            *lastError = QStringLiteral("%1 (%2)").arg(rep.errorMessage, rep.errorCode);
            failed.append(p);
            extendable = false;
            continue;
        }
        if (extendable && p.chained && runs.last().partition == p.partition) {
            runs.last().last = p.srcOffset;
            ++runs.last().records;
        } else {
            runs.append({p.partition, p.srcOffset, p.srcOffset, 1});
        }
        extendable = true;
    }
    if (!runs.isEmpty()) {
        auto rec = m_journal.recordDeliveredRuns(run.job.id, runs);
        if (!rec)
            return rec.error();
        run.progress.sent += rec.value(); // records a reconciliation journalled already are not counted twice
    }
    return failed;
}

Status RequeueEngine::finishInFlight(Run &run, Control *control, int keep)
{
    QMap<int, QList<Pending>> failedByPartition;
    QString lastError;
    while (int(run.inFlight.size()) > keep && !run.killed) {
        Run::Page page = std::move(run.inFlight.front());
        run.inFlight.pop_front();
        const auto reports = page.delivery->wait();
        page.delivery.reset();
        if (killAfterProduceForTest && killAfterProduceForTest(page.batch)) {
            // Pages still in flight are delivered (their destructors wait) but never journalled: as after a kill.
            run.killed = true;
            return Done{};
        }
        auto failed = journalReports(run, page.pending, reports, &lastError);
        if (!failed)
            return failed.error();
        for (const Pending &p : std::as_const(failed.value())) {
            QList<Pending> &again = failedByPartition[p.partition];
            again.append(p);
            again.last().record = page.records.at(p.index);
            again.last().index = -1;
        }
        // A failure: nothing is sent again while earlier sends may still land. Every page in
        // flight is waited for and journalled first, so the reconciliation before a resend sees
        // all that the producer could still write.
        if (!failedByPartition.isEmpty())
            keep = 0;
    }
    for (auto it = failedByPartition.begin(); it != failedByPartition.end() && !run.killed && run.interruption.isEmpty(); ++it)
        if (auto st = retry(run, it.key(), std::move(it.value()), lastError, control); !st)
            return st;
    return Done{};
}

Status RequeueEngine::retry(Run &run, int partition, QList<Pending> pending, QString lastError, Control *control)
{
    for (Pending &p : pending)
        p.chained = false; // the records between them were delivered before: no run spans them

    for (int attempt = 1; !pending.isEmpty(); ++attempt) {
        if (attempt >= m_maxAttempts) {
            for (const Pending &p : std::as_const(pending))
                run.failed.append({partition, p.srcOffset, lastError});
            run.interruption = QCoreApplication::translate("kops::DeadLetters", "Gave up after %1 attempts: %2").arg(attempt).arg(lastError);
            return Done{};
        }
        QThread::msleep(ulong(m_backoffMs) * ulong(attempt));
        // A failed report does not prove the record is absent: look in the targets first.
        const Status reconciled = reconcile(run);
        if (!reconciled && reconciled.error().code == QLatin1String("TARGET_TRUNCATED")) {
            for (const Pending &p : std::as_const(pending))
                run.failed.append({partition, p.srcOffset, reconciled.error().message});
            run.interruption = reconciled.error().message;
            return Done{};
        }
        if (reconciled) {
            const auto [lo, hi] = std::minmax_element(pending.cbegin(), pending.cend(), [](const Pending &a, const Pending &b) {
                return a.srcOffset < b.srcOffset;
            });
            auto now = m_journal.deliveredIn(run.job.id, partition, lo->srcOffset, hi->srcOffset);
            if (now) {
                const DeliveredOffsets &found = now.value();
                const qsizetype before = pending.size();
                pending.removeIf([&](const Pending &p) { return found.contains(p.srcOffset); });
                run.progress.sent += before - pending.size();
            }
        }
        if (pending.isEmpty() || !waitWhilePaused(run, control))
            break;
        if (const QString marksError = ensureMarksFor(run, pending); !marksError.isEmpty()) {
            lastError = marksError;
            continue;
        }
        QList<OutgoingRecord> batch;
        batch.reserve(pending.size());
        for (const Pending &p : std::as_const(pending))
            batch.append(p.record);
        const auto reports = m_api.produce(batch);
        run.producedThisRun += batch.size();
        if (killAfterProduceForTest && killAfterProduceForTest(run.batch)) {
            run.killed = true;
            return Done{};
        }
        auto failed = journalReports(run, pending, reports, &lastError);
        if (!failed)
            return failed.error();
        pending = failed.value();
    }
    return Done{};
}

Result<RequeueOutcome> RequeueEngine::execute(RequeueJob job, Control *control, const ProgressFn &progress)
{
    Run run;
    run.job = job;
    run.spec = RequeueSpec::fromJson(job.spec);
    run.filter = RecordFilter(run.spec.filter);
    run.decoder = decoderFor(run.spec);
    run.report = progress;
    run.uuid = run.job.uuid.toUtf8();
    run.fromPrefix = (run.spec.sourceTopic + QLatin1Char('/')).toUtf8();
    run.replacedHeaders = {requeuedFromHeader().toUtf8(), requeueCountHeader().toUtf8(), requeueJobHeader().toUtf8()};
    run.ownHeaderNames[0] = requeuedFromHeader();
    run.ownHeaderNames[1] = requeueCountHeader();
    run.ownHeaderNames[2] = requeueJobHeader();
    {
        const RequeueOptions &o = run.spec.options;
        const bool texts = run.spec.records.isEmpty() && run.filter.needsDeadLetterInfo();
        run.needInfo = texts || o.target == RequeueOptions::Target::Original
                       || o.partitionPolicy == RequeueOptions::PartitionPolicy::Original
                       || o.timestampPolicy == RequeueOptions::TimestampPolicy::Original;
        run.infoParts = texts ? DeadLetterDecoder::Parts::All : DeadLetterDecoder::Parts::Routing;
    }
    run.startMs = m_clock.nowMs();
    for (const SourceRange &r : run.spec.ranges)
        run.progress.total += std::max<qint64>(0, r.end - r.start);
    if (!run.spec.records.isEmpty())
        run.progress.total = run.spec.records.size();

    job.state = QStringLiteral("running");
    m_journal.update(job);
    auto marks = m_journal.marks(job.id);
    if (!marks)
        return marks.error();
    for (const TargetMark &m : marks.value())
        run.marks.insert({m.topic, m.partition}, m.startOffset);
    // Resuming: whatever reached the targets without being journalled is found now.
    if (auto rec = reconcile(run); !rec)
        run.interruption = rec.error().toString();

    int batchSize = std::max(1, run.spec.options.batchSize);
    if (run.spec.options.ratePerSecond > 0)
        batchSize = std::clamp(int(run.spec.options.ratePerSecond / 5), 1, batchSize);

    auto emitProgress = [&] {
        run.progress.recordsPerSecond = double(run.progress.sent) * 1000.0 / double(std::max<qint64>(1, m_clock.nowMs() - run.startMs));
        if (run.report)
            run.report(run.progress);
    };
    auto stopped = [&] { return run.killed || run.cancelled || !run.interruption.isEmpty(); };

    QSet<std::pair<int, qint64>> wanted(run.spec.records.cbegin(), run.spec.records.cend());
    auto ranges = sourceRanges(run.spec);
    if (!ranges)
        run.interruption = ranges.error().toString();
    std::unique_ptr<PartitionStream> stream;
    if (ranges)
        stream = PartitionStream::open(m_api, run.spec.sourceTopic, ranges.value());
    // Records in flight hold messages of the stream's client: they go first, however this returns.
    const auto releaseFirst = qScopeGuard([&run] { run.inFlight.clear(); });
    while (stream && !stopped() && !stream->atEnd()) {
        if (control && control->cancel.load()) {
            run.cancelled = true;
            break;
        }
        // Records are tested where they lie; only those requeued are copied, straight into what is sent.
        QMap<int, QList<Candidate>> byPartition;
        auto take = [&](const RecordView &v) {
            if (!wanted.isEmpty() && !wanted.remove({v.partition, v.offset}))
                return;
            const DeadLetterInfo info = run.needInfo ? run.decoder.decodeRecord(v, run.infoParts) : DeadLetterInfo();
            if (run.spec.records.isEmpty() && !run.filter.matches(v, info))
                return;
            Candidate c;
            c.offset = v.offset;
            c.record = toOutgoing(run, v, info, &c.whyNot);
            byPartition[v.partition].append(std::move(c));
        };
        if (auto shown = stream->visit(batchSize, 1000, take); !shown) {
            run.interruption = QCoreApplication::translate("kops::DeadLetters", "Reading %1: %2").arg(run.spec.sourceTopic, shown.error().toString());
            break;
        }
        if (auto st = processPage(run, byPartition, control); !st)
            return st.error();
        ++run.batch;
        emitProgress();
    }
    if (auto st = finishInFlight(run, control, 0); !st)
        return st.error();
    if (!stopped() && stream && stream->atEnd()) {
        QList<std::pair<int, qint64>> missing(wanted.cbegin(), wanted.cend());
        std::sort(missing.begin(), missing.end());
        for (const auto &m : missing) {
            run.failed.append({m.first, m.second, QCoreApplication::translate("kops::DeadLetters", "The record no longer exists.")});
            ++run.progress.failed;
            ++run.progress.requested;
        }
    }

    RequeueOutcome outcome;
    outcome.journalId = job.id;
    outcome.progress = run.progress;
    outcome.failed = run.failed;
    if (run.killed) {
        outcome.state = QStringLiteral("killed"); // nothing more is written, as after a real kill
        return outcome;
    }
    outcome.state = run.cancelled ? QStringLiteral("cancelled")
                    : !run.interruption.isEmpty() ? QStringLiteral("interrupted")
                                                 : QStringLiteral("done");
    outcome.detail = run.interruption;
    job.state = outcome.state;
    job.requested = run.progress.requested;
    auto total = m_journal.deliveredCount(job.id);
    job.sent = total ? total.value() : run.progress.sent + run.progress.alreadySent;
    job.failed = run.progress.failed;
    job.detail = run.interruption;
    job.finishedMs = QDateTime::currentMSecsSinceEpoch();
    if (auto up = m_journal.update(job); !up)
        return up.error();
    emitProgress();
    return outcome;
}

} // namespace kops
