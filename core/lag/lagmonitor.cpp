#include "lagmonitor.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace kops {

namespace {

double rate(qint64 v0, qint64 v1, qint64 t0Ms, qint64 t1Ms)
{
    if (v0 < 0 || v1 < 0 || t1Ms <= t0Ms)
        return 0;
    return double(v1 - v0) / (double(t1Ms - t0Ms) / 1000.0);
}

} // namespace

LagMonitor::LagMonitor() : LagMonitor(Options{}) {}

LagMonitor::LagMonitor(Options options) : m_options(std::move(options)) {}

void LagMonitor::seed(const QString &groupId, const TopicPartition &tp, const QList<OffsetObservation> &observations)
{
    auto &h = m_history[Key(groupId, tp)];
    h.assign(observations.cbegin(), observations.cend());
    while (int(h.size()) > m_options.memoryLength)
        h.pop_front();
}

bool LagMonitor::hasObservations(const QString &groupId, const TopicPartition &tp) const
{
    const auto it = m_history.constFind(Key(groupId, tp));
    return it != m_history.cend() && !it->empty();
}

LagThreshold LagMonitor::thresholdFor(const QString &groupId, const QString &topic) const
{
    const LagThreshold *best = nullptr;
    int bestScore = -1;
    for (const LagThreshold &t : m_options.thresholds) {
        if (!t.group.isEmpty() && t.group != groupId)
            continue;
        if (!t.topic.isEmpty() && t.topic != topic)
            continue;
        const int score = (t.group.isEmpty() ? 0 : 2) + (t.topic.isEmpty() ? 0 : 1);
        if (score > bestScore) {
            best = &t;
            bestScore = score;
        }
    }
    return best ? *best : LagThreshold{};
}

std::optional<double> LagMonitor::estimateTimeLag(const std::deque<OffsetObservation> &history, qint64 committed,
                                                  qint64 nowMs)
{
    // The record at `committed` was written after the last observation whose log end was
    // at or below it, and before the first one whose log end was past it.
    for (size_t i = 0; i < history.size(); ++i) {
        if (history[i].logEnd > committed) {
            if (i == 0)
                return double(nowMs - history[0].atMs) / 1000.0; // at least this old
            const double produced = (double(history[i - 1].atMs) + double(history[i].atMs)) / 2.0;
            return std::max(0.0, (double(nowMs) - produced) / 1000.0);
        }
    }
    return std::nullopt;
}

PartitionLag LagMonitor::evaluatePartition(const RawGroupSample &group, const RawPartitionSample &raw, qint64 atMs)
{
    PartitionLag p;
    p.topic = raw.topic;
    p.partition = raw.partition;
    p.logStart = raw.logStart;
    p.logEnd = raw.logEnd;
    p.memberId = raw.memberId;
    p.clientId = raw.clientId;
    p.host = raw.host;
    if (raw.committed >= 0)
        p.committed = raw.committed;

    auto &history = m_history[Key(group.groupId, raw.tp())];
    // Estimate before adding "now": the history tells when the log end passed the commit.
    std::optional<double> estimate;
    if (p.committed && raw.logEnd > *p.committed && !raw.committedRecordTimestampMs)
        estimate = estimateTimeLag(history, *p.committed, atMs);

    history.push_back(OffsetObservation{atMs, raw.committed, raw.logEnd});
    while (int(history.size()) > m_options.memoryLength)
        history.pop_front();

    if (p.committed && raw.logEnd >= 0) {
        p.lag = raw.logEnd - *p.committed;
        p.truncated = *p.lag < 0;
        if (raw.logStart >= 0 && *p.committed < raw.logStart)
            p.lostToRetention = raw.logStart - *p.committed;
    }

    if (p.lag && *p.lag <= 0) {
        p.timeLagSeconds = 0.0;
    } else if (p.lag && raw.committedRecordTimestampMs) {
        p.timeLagSeconds = std::max(0.0, double(atMs - *raw.committedRecordTimestampMs) / 1000.0);
    } else if (p.lag && estimate) {
        p.timeLagSeconds = estimate;
        p.timeLagEstimated = true;
    }

    // Rates over the evaluation window.
    const size_t windowStart = history.size() > size_t(m_options.windowSize) ? history.size() - size_t(m_options.windowSize) : 0;
    const OffsetObservation &oldest = history[windowStart];
    const OffsetObservation &newest = history.back();
    p.produceRate = std::max(0.0, rate(oldest.logEnd, newest.logEnd, oldest.atMs, newest.atMs));
    p.consumeRate = std::max(0.0, rate(oldest.committed, newest.committed, oldest.atMs, newest.atMs));

    HealthEvaluator::Input in;
    in.windowSize = m_options.windowSize;
    for (size_t i = windowStart; i < history.size(); ++i)
        in.window.append(history[i]);
    in.ownedByActiveMember = !raw.memberId.isEmpty();
    in.timeLagSeconds = p.timeLagSeconds;
    const LagThreshold limit = thresholdFor(group.groupId, raw.topic);
    in.maxLag = limit.maxLag;
    in.maxTimeLagSeconds = limit.maxTimeLagSeconds;
    const HealthVerdict verdict = HealthEvaluator::evaluate(in);
    p.status = verdict.status;
    p.reason = verdict.reason;
    if (p.lostToRetention > 0)
        p.reason += QStringLiteral("; %1 messages lost to retention before being read")
                        .arg(QLocale(QLocale::English).toString(p.lostToRetention));
    return p;
}

LagSnapshot LagMonitor::ingest(const RawLagSample &sample)
{
    LagSnapshot snap;
    snap.atMs = sample.atMs;
    snap.warnings = sample.warnings;
    for (const RawGroupSample &rg : sample.groups) {
        GroupLag g;
        g.groupId = rg.groupId;
        g.state = rg.state;
        g.memberCount = rg.memberCount;
        g.sampledAtMs = sample.atMs;
        for (const RawPartitionSample &raw : rg.partitions) {
            PartitionLag p = evaluatePartition(rg, raw, sample.atMs);
            if (p.lag && *p.lag > 0)
                g.totalLag += *p.lag;
            if (p.timeLagSeconds && (!g.maxTimeLagSeconds || *p.timeLagSeconds > *g.maxTimeLagSeconds)) {
                g.maxTimeLagSeconds = p.timeLagSeconds;
                g.maxTimeLagEstimated = p.timeLagEstimated;
            }
            g.produceRate += p.produceRate;
            g.consumeRate += p.consumeRate;
            g.partitions.append(std::move(p));
        }
        std::sort(g.partitions.begin(), g.partitions.end(), [](const PartitionLag &a, const PartitionLag &b) {
            return a.topic != b.topic ? a.topic < b.topic : a.partition < b.partition;
        });
        if (g.totalLag > 0) {
            const double net = g.consumeRate - g.produceRate;
            if (net > 1e-9)
                g.drainSeconds = double(g.totalLag) / net;
            else
                g.growing = g.produceRate > g.consumeRate;
        }
        const HealthVerdict verdict = HealthEvaluator::worst(g.partitions);
        g.status = verdict.status;
        g.reason = verdict.reason;
        if (g.partitions.isEmpty())
            g.reason = QStringLiteral("no committed offsets");

        QVector<double> &trend = m_trends[g.groupId];
        trend.append(double(g.totalLag));
        while (trend.size() > m_options.trendLength)
            trend.removeFirst();
        g.trend = trend;
        snap.groups.append(std::move(g));
    }
    std::sort(snap.groups.begin(), snap.groups.end(),
              [](const GroupLag &a, const GroupLag &b) { return a.groupId < b.groupId; });
    return snap;
}

} // namespace kops
