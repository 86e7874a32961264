#include "requeueengine.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QThread>

#include <algorithm>

namespace kops {

struct RequeueEngine::Run
{
    RequeueJob job;
    RequeueSpec spec;
    RecordFilter filter;
    DeadLetterDecoder decoder;
    QHash<QString, int> partitionCounts;
    QHash<QString, KafkaError> badTopics;
    QHash<TopicPartition, qint64> marks;     ///< start watermarks (journalled)
    QHash<TopicPartition, qint64> scannedTo; ///< reconciled up to, in this run
    RequeueProgress progress;
    QList<RequeueFailure> failed;
    QElapsedTimer clock;
    qint64 producedThisRun = 0;
    int batch = 0;
    bool killed = false;
    bool cancelled = false;
    QString interruption;
    ProgressFn report;
};

RequeueEngine::RequeueEngine(ClusterApi &api, RequeueJournal &journal, DeadLetterDecoder decoder)
    : m_api(api), m_journal(journal), m_decoder(std::move(decoder))
{
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
    while (!stream->atEnd()) {
        if (cancel && cancel->load())
            return plan;
        auto got = stream->next(5000, 1000);
        if (!got)
            return got.error();
        for (const ConsumedRecord &c : got.value()) {
            ++plan.scanned;
            if (!wanted.isEmpty() && !wanted.contains({c.partition, c.offset}))
                continue;
            const DeadLetterInfo info = decoder.decode(c.headers);
            if (wanted.isEmpty() && !filter.matches(c, info))
                continue;
            ++plan.matched;
            ++plan.perTarget[spec.options.target == RequeueOptions::Target::Original ? info.originalTopic
                                                                                     : spec.options.targetTopic];
        }
    }
    return plan;
}

Result<RequeueOutcome> RequeueEngine::start(const RequeueSpec &spec, const QString &connection, Control *control,
                                            const ProgressFn &progress)
{
    if (spec.options.target == RequeueOptions::Target::Topic && spec.options.targetTopic.isEmpty())
        return KafkaError::make(QStringLiteral("USAGE"), QStringLiteral("No target topic given."));
    if (const RecordFilter f(spec.filter); !f.error().isEmpty())
        return KafkaError::make(QStringLiteral("USAGE"), f.error());
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
                                QStringLiteral("Requeue %1 is already complete; nothing to resume.").arg(journalId));
    return execute(job.value(), control, progress);
}

Result<int> RequeueEngine::partitionCount(Run &run, const QString &topic)
{
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
                                              QStringLiteral("Target topic '%1' does not exist.").arg(topic));
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
                                    QStringLiteral("Cannot read the end of %1/%2: %3").arg(topic).arg(w.partition).arg(w.errorMessage));
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
        if (from < w.high)
            perTopic[w.topic].append({w.partition, from, w.high});
    }
    const QString prefix = run.spec.sourceTopic + QLatin1Char('/');
    for (auto t = perTopic.cbegin(); t != perTopic.cend(); ++t) {
        auto stream = PartitionStream::open(m_api, t.key(), t.value());
        while (!stream->atEnd()) {
            auto got = stream->next(5000, 1000);
            if (!got)
                return got.error();
            QList<std::pair<std::pair<int, qint64>, TargetMark>> rows;
            for (const ConsumedRecord &c : got.value()) {
                QString job, from;
                for (const RecordHeader &h : c.headers) {
                    if (h.key == requeueJobHeader() && h.value)
                        job = QString::fromUtf8(*h.value);
                    else if (h.key == requeuedFromHeader() && h.value)
                        from = QString::fromUtf8(*h.value);
                }
                if (job != run.job.uuid || !from.startsWith(prefix))
                    continue;
                const QStringList parts = from.mid(prefix.size()).split(QLatin1Char('/'));
                bool okP = false, okO = false;
                const int p = parts.value(0).toInt(&okP);
                const qint64 o = parts.value(1).toLongLong(&okO);
                if (parts.size() == 2 && okP && okO)
                    rows.append({{p, o}, TargetMark{c.topic, c.partition, c.offset}});
            }
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

std::optional<OutgoingRecord> RequeueEngine::toOutgoing(Run &run, const DeadLetterRecord &r, QString *whyNot)
{
    const RequeueOptions &o = run.spec.options;
    OutgoingRecord out;
    out.topic = o.target == RequeueOptions::Target::Original ? r.info.originalTopic : o.targetTopic;
    if (out.topic.isEmpty()) {
        *whyNot = QStringLiteral("No original topic in the dead-letter headers.");
        return std::nullopt;
    }
    auto count = partitionCount(run, out.topic);
    if (!count) {
        *whyNot = count.error().message;
        return std::nullopt;
    }
    switch (o.partitionPolicy) {
    case RequeueOptions::PartitionPolicy::Original:
        if (!r.info.originalPartition || *r.info.originalPartition >= count.value()) {
            *whyNot = r.info.originalPartition
                          ? QStringLiteral("Original partition %1 does not exist in '%2'.").arg(*r.info.originalPartition).arg(out.topic)
                          : QStringLiteral("No original partition in the dead-letter headers.");
            return std::nullopt;
        }
        out.partition = *r.info.originalPartition;
        break;
    case RequeueOptions::PartitionPolicy::ByKey:
        out.partition = r.record.key ? javaPartitionForKey(*r.record.key, count.value()) : -1;
        break;
    case RequeueOptions::PartitionPolicy::ProducerDefault: out.partition = -1; break;
    }
    out.key = r.record.key;
    out.value = r.record.value;
    qint64 previousCount = 0;
    for (const RecordHeader &h : r.record.headers) {
        if (h.key == requeueCountHeader()) {
            previousCount = DeadLetterDecoder::parseNumber(h.value).value_or(0);
            continue;
        }
        if (h.key == requeuedFromHeader() || h.key == requeueJobHeader())
            continue;
        if (o.stripDeadLetterHeaders && run.decoder.isDeadLetterHeader(h.key))
            continue;
        out.headers.append(h);
    }
    out.headers.append({requeuedFromHeader(),
                        QStringLiteral("%1/%2/%3").arg(r.record.topic).arg(r.record.partition).arg(r.record.offset).toUtf8()});
    out.headers.append({requeueCountHeader(), QByteArray::number(previousCount + 1)});
    out.headers.append({requeueJobHeader(), run.job.uuid.toUtf8()});
    if (o.timestampPolicy == RequeueOptions::TimestampPolicy::Original) {
        const qint64 ts = r.info.originalTimestampMs.value_or(r.record.timestampMs);
        out.timestampMs = ts > 0 ? ts : 0;
    }
    return out;
}

Status RequeueEngine::processBatch(Run &run, const QList<DeadLetterRecord> &matches, Control *control)
{
    if (matches.isEmpty())
        return Done{};
    run.progress.requested += matches.size();
    const int partition = matches.first().record.partition;
    auto delivered = m_journal.deliveredIn(run.job.id, partition, matches.first().record.offset,
                                           matches.last().record.offset);
    if (!delivered)
        return delivered.error();
    const QSet<qint64> done(delivered.value().cbegin(), delivered.value().cend());
    struct Pending
    {
        qint64 srcOffset;
        OutgoingRecord record;
    };
    QList<Pending> pending;
    for (const DeadLetterRecord &r : matches) {
        if (done.contains(r.record.offset)) {
            ++run.progress.alreadySent;
            continue;
        }
        QString why;
        auto out = toOutgoing(run, r, &why);
        if (!out) {
            run.failed.append({r.record.partition, r.record.offset, why});
            ++run.progress.failed;
            continue;
        }
        pending.append({r.record.offset, std::move(*out)});
    }

    for (int attempt = 1; !pending.isEmpty(); ++attempt) {
        while (control && control->pause.load() && !control->cancel.load())
            QThread::msleep(50);
        if (control && control->cancel.load()) {
            run.cancelled = true;
            return Done{};
        }
        QString lastError;
        QSet<QString> topics;
        for (const Pending &p : pending)
            topics.insert(p.record.topic);
        bool marksOk = true;
        for (const QString &t : topics)
            if (auto m = ensureMarks(run, t); !m) {
                marksOk = false;
                lastError = m.error().toString();
            }
        if (marksOk) {
            if (run.spec.options.ratePerSecond > 0) {
                const qint64 dueMs = qint64(double(run.producedThisRun + pending.size()) * 1000.0 / run.spec.options.ratePerSecond);
                while (run.clock.elapsed() < dueMs && !(control && control->cancel.load()))
                    QThread::msleep(std::min<qint64>(50, dueMs - run.clock.elapsed()));
            }
            QList<OutgoingRecord> batch;
            batch.reserve(pending.size());
            for (const Pending &p : pending)
                batch.append(p.record);
            auto reports = m_api.produce(batch);
            run.producedThisRun += batch.size();
            if (killAfterProduceForTest && killAfterProduceForTest(run.batch)) {
                run.killed = true;
                return Done{};
            }
            QList<std::pair<std::pair<int, qint64>, TargetMark>> rows;
            QList<Pending> retry;
            if (!reports) {
                lastError = reports.error().toString();
                retry = pending;
            } else {
                for (const DeliveryReport &rep : reports.value()) {
                    const Pending &p = pending.at(rep.index);
                    if (rep.errorCode.isEmpty())
                        rows.append({{partition, p.srcOffset}, TargetMark{rep.topic, rep.partition, rep.offset}});
                    else {
                        lastError = QStringLiteral("%1 (%2)").arg(rep.errorMessage, rep.errorCode);
                        retry.append(p);
                    }
                }
            }
            if (!rows.isEmpty()) {
                auto rec = m_journal.recordDelivered(run.job.id, rows);
                if (!rec)
                    return rec.error();
                run.progress.sent += rows.size();
            }
            pending = retry;
            if (pending.isEmpty())
                break;
        }
        if (attempt >= m_maxAttempts) {
            for (const Pending &p : pending)
                run.failed.append({partition, p.srcOffset, lastError});
            run.interruption = QStringLiteral("Gave up after %1 attempts: %2").arg(attempt).arg(lastError);
            return Done{};
        }
        QThread::msleep(ulong(m_backoffMs) * ulong(attempt));
        // A failed report does not prove the record is absent: look in the targets first.
        if (reconcile(run).ok()) {
            const qint64 lo = std::min_element(pending.cbegin(), pending.cend(), [](const Pending &a, const Pending &b) {
                                  return a.srcOffset < b.srcOffset;
                              })->srcOffset;
            const qint64 hi = std::max_element(pending.cbegin(), pending.cend(), [](const Pending &a, const Pending &b) {
                                  return a.srcOffset < b.srcOffset;
                              })->srcOffset;
            auto now = m_journal.deliveredIn(run.job.id, partition, lo, hi);
            if (now) {
                const QSet<qint64> found(now.value().cbegin(), now.value().cend());
                const qsizetype before = pending.size();
                pending.removeIf([&](const Pending &p) { return found.contains(p.srcOffset); });
                run.progress.sent += before - pending.size();
            }
        }
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
    run.clock.start();
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
        run.progress.recordsPerSecond = double(run.progress.sent) * 1000.0 / double(std::max<qint64>(1, run.clock.elapsed()));
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
    while (stream && !stopped() && !stream->atEnd()) {
        if (control && control->cancel.load()) {
            run.cancelled = true;
            break;
        }
        auto got = stream->next(batchSize, 1000);
        if (!got) {
            run.interruption = QStringLiteral("Reading %1: %2").arg(run.spec.sourceTopic, got.error().toString());
            break;
        }
        // processBatch works on one source partition at a time (journal look-ups by range).
        QMap<int, QList<DeadLetterRecord>> byPartition;
        for (ConsumedRecord &c : got.value()) {
            if (!wanted.isEmpty() && !wanted.remove({c.partition, c.offset}))
                continue;
            DeadLetterInfo info = run.decoder.decode(c.headers);
            if (run.spec.records.isEmpty() && !run.filter.matches(c, info))
                continue;
            byPartition[c.partition].append({std::move(c), std::move(info)});
        }
        for (auto it = byPartition.cbegin(); it != byPartition.cend() && !stopped(); ++it)
            if (auto st = processBatch(run, it.value(), control); !st)
                return st.error();
        ++run.batch;
        emitProgress();
    }
    if (!stopped() && stream && stream->atEnd()) {
        QList<std::pair<int, qint64>> missing(wanted.cbegin(), wanted.cend());
        std::sort(missing.begin(), missing.end());
        for (const auto &m : missing) {
            run.failed.append({m.first, m.second, QStringLiteral("The record no longer exists.")});
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
