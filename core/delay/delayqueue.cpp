#include "delayqueue.h"

#include "drainservice.h"
#include "relayjournal.h"

#include <QDateTime>
#include <QHash>
#include <QThread>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace kops {

namespace {

std::optional<qint64> headerNumber(const RecordView &r, const char *name, QByteArray *text = nullptr)
{
    std::optional<qint64> out;
    r.forEachHeader([&](QByteArrayView k, QByteArrayView v, bool isNull) {
        if (k == QByteArrayView(name) && !isNull) {
            bool ok = false;
            const qint64 n = v.toLongLong(&ok);
            if (ok)
                out = n;
            if (text)
                *text = v.toByteArray();
        }
        return true;
    });
    return out;
}

QByteArray headerText(const RecordView &r, const char *name)
{
    QByteArray out;
    r.forEachHeader([&](QByteArrayView k, QByteArrayView v, bool isNull) {
        if (k == QByteArrayView(name) && !isNull)
            out = v.toByteArray();
        return true;
    });
    return out;
}

/// The router: forwards due records, re-tiers those with time left, holds tiers whose head is not due.
class DelayRouter final : public RelayRouter
{
public:
    DelayRouter(const QString &prefix, const QList<DelayTier> &tiers, qint64 horizonMs)
        : m_prefix(prefix), m_tiers(tiers), m_horizonMs(horizonMs)
    {
        for (int i = 0; i < tiers.size(); ++i)
            m_tierOf.insert(delayTierTopic(prefix, tiers.at(i)), i);
    }

    std::optional<qint64> route(const QString &topic, const RecordView &r, qint64 now, QList<OutgoingRecord> &out) override
    {
        const int tier = m_tierOf.value(topic, -1);
        const auto due = headerNumber(r, kDelayDueHeader);
        const QByteArray target = headerText(r, kDelayTargetHeader);
        if (tier < 0 || !due || target.isEmpty()) {
            ++m_pendingInvalid; // not a delayed record: nothing to do with it
            return std::nullopt;
        }
        const qint64 written = r.timestampMs > 0 ? r.timestampMs : now;
        const qint64 ready = delayReadyAt(m_tiers.at(tier), written, *due);
        // Due within the horizon: it waits for its due time (in the relay's memory) instead of
        // going through one more tier, which would add a commit and a fetch to its lateness.
        const qint64 leave = *due - now <= m_horizonMs ? *due : ready;
        if (leave > now)
            return leave;
        OutgoingRecord o;
        if (r.hasKey())
            o.key = r.key().toByteArray();
        if (r.hasValue())
            o.value = r.value().toByteArray();
        if (*due <= now) {
            o.topic = QString::fromUtf8(target);
            r.forEachHeader([&](QByteArrayView k, QByteArrayView v, bool isNull) {
                if (k != QByteArrayView(kDelayDueHeader) && k != QByteArrayView(kDelayTargetHeader)
                    && k != QByteArrayView(kDelayOriginHeader) && k != QByteArrayView(kDelayLatenessHeader))
                    o.headers.append({QString::fromUtf8(k), isNull ? std::nullopt : std::optional<QByteArray>(v.toByteArray())});
                return true;
            });
            o.headers.append({QString::fromLatin1(kDelayLatenessHeader), QByteArray::number(now - *due)});
            m_pendingDue.append(*due);
        } else {
            o.topic = delayTierTopic(m_prefix, m_tiers.at(chooseDelayTier(m_tiers, *due - now)));
            r.forEachHeader([&](QByteArrayView k, QByteArrayView v, bool isNull) {
                if (k != QByteArrayView(kDelayOriginHeader))
                    o.headers.append({QString::fromUtf8(k), isNull ? std::nullopt : std::optional<QByteArray>(v.toByteArray())});
                return true;
            });
            ++m_pendingRetiered;
        }
        out.append(std::move(o));
        return std::nullopt;
    }

    void transactionEnded(bool committed) override
    {
        std::lock_guard lock(m_mutex);
        if (committed) {
            // Lateness as readers see it: the record is visible once its transaction commits.
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (qint64 due : std::as_const(m_pendingDue)) {
                const qint64 late = std::max<qint64>(0, now - due);
                m_lateness.append(late);
                m_run.add(late);
            }
            m_retiered += m_pendingRetiered;
            m_runRetiered += m_pendingRetiered;
            m_invalid += m_pendingInvalid;
        }
        m_pendingDue.clear();
        m_pendingRetiered = 0;
        m_pendingInvalid = 0;
    }

    DelayWindow takeWindow(qint64 now, qint64 sinceMs)
    {
        std::lock_guard lock(m_mutex);
        DelayWindow w;
        w.atMs = now;
        w.forwarded = m_lateness.size();
        w.retiered = m_retiered;
        w.perSecond = sinceMs > 0 ? w.forwarded * 1000.0 / sinceMs : 0;
        if (!m_lateness.isEmpty()) {
            w.latenessP50 = percentileOf(m_lateness, 50);
            w.latenessP99 = percentileOf(m_lateness, 99);
            w.latenessMax = m_lateness.last();
        }
        m_lateness.clear();
        m_retiered = 0;
        return w;
    }

    /// The whole run so far, for the journal.
    QJsonObject runResult()
    {
        std::lock_guard lock(m_mutex);
        return QJsonObject{{QStringLiteral("forwarded"), m_run.count},
                           {QStringLiteral("retiered"), m_runRetiered},
                           {QStringLiteral("invalid"), m_invalid},
                           {QStringLiteral("latenessP50"), m_run.percentile(50)},
                           {QStringLiteral("latenessP99"), m_run.percentile(99)},
                           {QStringLiteral("latenessMax"), m_run.max},
                           {QStringLiteral("updatedMs"), QDateTime::currentMSecsSinceEpoch()}};
    }

private:
    /// Lateness of a whole run in constant memory: 1 ms steps up to 2 s, then 100 ms steps up to 60 s.
    struct Histogram
    {
        static constexpr int kFine = 2000;
        static constexpr int kCoarse = 580;
        std::array<qint64, kFine + kCoarse + 1> buckets{};
        qint64 count = 0;
        qint64 max = 0;
        void add(qint64 ms)
        {
            const int i = ms < kFine ? int(ms) : int(std::min<qint64>(kFine + (ms - kFine) / 100, kFine + kCoarse));
            ++buckets[size_t(i)];
            ++count;
            max = std::max(max, ms);
        }
        qint64 percentile(double p) const
        {
            if (count == 0)
                return 0;
            const qint64 rank = std::max<qint64>(1, qint64(std::ceil(p / 100.0 * double(count))));
            qint64 seen = 0;
            for (size_t i = 0; i < buckets.size(); ++i) {
                seen += buckets[i];
                if (seen >= rank)
                    return std::min(max, i < size_t(kFine) ? qint64(i) : kFine + qint64(i - kFine + 1) * 100);
            }
            return max;
        }
    };

    QString m_prefix;
    QList<DelayTier> m_tiers;
    qint64 m_horizonMs = 0;
    Histogram m_run;
    qint64 m_runRetiered = 0;
    QHash<QString, int> m_tierOf;
    QList<qint64> m_pendingDue;
    qint64 m_pendingRetiered = 0;
    qint64 m_pendingInvalid = 0;
    std::mutex m_mutex;
    QList<qint64> m_lateness;
    qint64 m_retiered = 0;
    qint64 m_invalid = 0;
};

} // namespace

qint64 percentileOf(QList<qint64> &values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype rank = qsizetype(std::ceil(p / 100.0 * double(values.size()))) - 1;
    return values.at(std::clamp<qsizetype>(rank, 0, values.size() - 1));
}

DelayQueue::DelayQueue(QString prefix, QList<DelayTier> tiers) : m_prefix(std::move(prefix)), m_tiers(std::move(tiers)) {}

QStringList DelayQueue::tierTopics() const
{
    QStringList out;
    for (const DelayTier &t : m_tiers)
        out << delayTierTopic(m_prefix, t);
    return out;
}

Result<QStringList> DelayQueue::missingTiers(ClusterApi &api) const
{
    auto md = api.topicMetadata(tierTopics());
    if (!md)
        return md.error();
    QStringList missing;
    for (const QString &name : tierTopics()) {
        const TopicInfo *t = md.value().topic(name);
        if (!t || !t->errorCode.isEmpty() || t->partitions.isEmpty())
            missing << name;
    }
    return missing;
}

Status DelayQueue::create(ClusterApi &api, int partitions) const
{
    if (m_prefix.isEmpty())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"), QStringLiteral("A delay queue needs a prefix."));
    auto missing = missingTiers(api);
    if (!missing)
        return missing.error();
    for (const QString &name : missing.value()) {
        NewTopic t;
        t.name = name;
        t.partitions = std::max(1, partitions);
        if (auto created = api.createTopic(t); !created)
            return created;
    }
    for (int i = 0; i < 50; ++i) {
        auto still = missingTiers(api);
        if (still && still.value().isEmpty())
            return Done{};
        QThread::msleep(200);
    }
    return KafkaError::make(QStringLiteral("_TIMED_OUT"), QStringLiteral("The tier topics were created but the cluster does not list them yet."));
}

OutgoingRecord DelayQueue::toTier(const DelayedRecord &r, qint64 now) const
{
    OutgoingRecord o;
    o.topic = delayTierTopic(m_prefix, m_tiers.at(chooseDelayTier(m_tiers, r.dueMs - now)));
    o.key = r.key;
    o.value = r.value;
    o.headers = r.headers;
    o.headers.append({QString::fromLatin1(kDelayDueHeader), QByteArray::number(r.dueMs)});
    o.headers.append({QString::fromLatin1(kDelayTargetHeader), r.target.toUtf8()});
    o.timestampMs = now;
    return o;
}

Result<DelaySendResult> DelayQueue::send(ClusterApi &api, const DelayedRecord &record) const
{
    auto sent = send(api, QList<DelayedRecord>{record});
    if (!sent)
        return sent.error();
    return sent.value().first();
}

Result<QList<DelaySendResult>> DelayQueue::send(ClusterApi &api, const QList<DelayedRecord> &records) const
{
    if (records.isEmpty())
        return QList<DelaySendResult>{};
    auto missing = missingTiers(api);
    if (!missing)
        return missing.error();
    if (!missing.value().isEmpty())
        return KafkaError::make(QStringLiteral("UNKNOWN_TOPIC_OR_PART"),
                                QStringLiteral("The delay queue '%1' has no tier topics %2; create them first (kafka-ops delay create).")
                                    .arg(m_prefix, missing.value().join(QStringLiteral(", "))));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<OutgoingRecord> out;
    QList<DelaySendResult> results;
    for (const DelayedRecord &r : records) {
        if (r.target.isEmpty())
            return KafkaError::make(QStringLiteral("_INVALID_ARG"), QStringLiteral("A delayed record needs a target topic."));
        const OutgoingRecord o = toTier(r, now);
        out.append(o);
        results.append({o.topic, -1, -1, r.dueMs});
    }
    auto reports = api.produce(out);
    if (!reports)
        return reports.error();
    for (qsizetype i = 0; i < reports.value().size() && i < results.size(); ++i) {
        const DeliveryReport &d = reports.value().at(i);
        const qsizetype at = d.index >= 0 ? d.index : i;
        if (!d.errorCode.isEmpty())
            return KafkaError::make(d.errorCode, d.errorMessage);
        results[at].partition = d.partition;
        results[at].offset = d.offset;
    }
    return results;
}

Result<QList<DelayTierStatus>> DelayQueue::status(ClusterApi &api) const
{
    auto md = api.topicMetadata(tierTopics());
    if (!md)
        return md.error();
    QList<DelayTierStatus> out;
    QList<TopicPartition> tps;
    for (const DelayTier &tier : m_tiers) {
        DelayTierStatus st;
        st.tier = tier;
        st.topic = delayTierTopic(m_prefix, tier);
        const TopicInfo *t = md.value().topic(st.topic);
        st.exists = t && t->errorCode.isEmpty() && !t->partitions.isEmpty();
        st.partitions = st.exists ? int(t->partitions.size()) : 0;
        for (int p = 0; p < st.partitions; ++p)
            tps.append({st.topic, p});
        out.append(st);
    }
    if (tps.isEmpty())
        return out;
    auto committed = api.committedOffsetsFor(routerGroup(), tps);
    if (!committed)
        return committed.error();
    auto marks = api.watermarks(tps);
    if (!marks)
        return marks.error();
    QHash<TopicPartition, qint64> from;
    for (const PartitionWatermarks &w : marks.value())
        from.insert(w.tp(), w.low);
    for (const PartitionOffset &o : committed.value())
        if (o.offset >= 0)
            from[o.tp()] = std::max(from.value(o.tp()), o.offset);
    QList<PartitionOffset> heads;
    for (const PartitionWatermarks &w : marks.value()) {
        const qint64 f = from.value(w.tp());
        for (DelayTierStatus &st : out)
            if (st.topic == w.topic)
                st.backlog += std::max<qint64>(0, w.high - f);
        if (w.high > f)
            heads.append({w.topic, w.partition, f, {}, {}});
    }
    if (heads.isEmpty())
        return out;
    auto records = api.readAt(heads, 5000);
    if (!records)
        return records.error();
    for (const ConsumedRecord &r : records.value()) {
        for (DelayTierStatus &st : out) {
            if (st.topic != r.topic)
                continue;
            const auto view = RecordView::of(r);
            const auto due = headerNumber(view, kDelayDueHeader);
            if (!due)
                continue;
            const qint64 ready = delayReadyAt(st.tier, r.timestampMs, *due);
            st.oldestDueMs = st.oldestDueMs ? std::min(*st.oldestDueMs, *due) : *due;
            st.nextReadyMs = st.nextReadyMs ? std::min(*st.nextReadyMs, ready) : ready;
        }
    }
    return out;
}

Result<RelayProgress> DelayQueue::run(ClusterApi &api, RelayJournal &journal, const QString &connection,
                                      TransactionalRelay::Control *control, const TransactionalRelay::ProgressFn &progress,
                                      const WindowFn &window, const std::function<void(TransactionalRelay &)> &configure) const
{
    auto props = relayProperties(api, QStringLiteral("running the delay router"));
    if (!props)
        return props.error();
    auto missing = missingTiers(api);
    if (!missing)
        return missing.error();
    if (!missing.value().isEmpty())
        return KafkaError::make(QStringLiteral("UNKNOWN_TOPIC_OR_PART"),
                                QStringLiteral("The delay queue '%1' has no tier topics %2; create them first.")
                                    .arg(m_prefix, missing.value().join(QStringLiteral(", "))));
    auto md = api.topicMetadata(tierTopics());
    if (!md)
        return md.error();
    TransactionalRelay::Options options;
    options.properties = props.value();
    options.groupId = routerGroup();
    options.transactionalId = transactionalId();
    options.originHeader = QString::fromLatin1(kDelayOriginHeader);
    options.maxTransactionMs = 20; // a forwarded record is visible when its transaction commits
    // Records due within the shortest tier (at least 1 s, at most 10 s) wait in memory in due
    // order, so one due sooner than the records ahead of it in its tier is not held up by them,
    // and a paused tier partition is read again that long before its head is due.
    qint64 shortest = std::numeric_limits<qint64>::max();
    for (const DelayTier &t : m_tiers)
        shortest = std::min(shortest, t.ms);
    options.memoryHoldMs = std::clamp<qint64>(shortest, 1000, 10000);
    for (const QString &name : tierTopics())
        if (const TopicInfo *t = md.value().topic(name))
            for (const PartitionInfo &p : t->partitions)
                options.sources.append({name, p.partition, -1});

    QJsonObject spec{{QStringLiteral("prefix"), m_prefix}, {QStringLiteral("tiers"), tierTopics().join(QLatin1Char(','))}};
    auto job = journal.create(QStringLiteral("delay"), options.transactionalId, connection, spec);
    if (!job)
        return job.error();
    RelayJob record = job.value();

    DelayRouter router(m_prefix, m_tiers, options.memoryHoldMs);
    TransactionalRelay relay(options, router, journal);
    if (configure)
        configure(relay);
    qint64 lastWindow = QDateTime::currentMSecsSinceEpoch();
    qint64 lastJournal = lastWindow;
    auto result = relay.run(control, [&](const RelayProgress &p) {
        record.consumed = p.consumed;
        record.produced = p.produced;
        // The journal's row says how the run is doing (and, by its time, that it still runs).
        if (const qint64 t = QDateTime::currentMSecsSinceEpoch(); t - lastJournal >= 5000) {
            lastJournal = t;
            record.result = router.runResult();
            journal.update(record);
        }
        // Every transaction ends here (an idle router commits empty ones), so this ticks.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - lastWindow >= 1000) {
            const DelayWindow w = router.takeWindow(now, now - lastWindow);
            lastWindow = now;
            if (window)
                window(w);
        }
        if (progress)
            progress(p);
    });
    record.finishedMs = QDateTime::currentMSecsSinceEpoch();
    record.result = router.runResult();
    if (result) {
        record.state = QStringLiteral("stopped");
    } else {
        record.state = QStringLiteral("failed");
        record.detail = result.error().toString();
    }
    journal.update(record);
    return result;
}

} // namespace kops
