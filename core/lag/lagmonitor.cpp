#include "lagmonitor.h"

#include "boundedlist.h"

#include <limits>

#include <QCoreApplication>

#include <QLocale>
#include <QSet>

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

/// Least-squares slope of lag over time (msgs/s); nullopt with fewer than 3 points.
std::optional<double> lagSlope(const ObservationSeries &history, size_t from)
{
    double n = 0, st = 0, sl = 0, stt = 0, stl = 0;
    const qint64 t0 = from < history.size() ? history[from].atMs : 0;
    for (size_t i = from; i < history.size(); ++i) {
        const std::optional<qint64> lag = history[i].lag();
        if (!lag)
            continue;
        const double t = double(history[i].atMs - t0) / 1000.0;
        const double l = double(std::max<qint64>(0, *lag));
        n += 1;
        st += t;
        sl += l;
        stt += t * t;
        stl += t * l;
    }
    const double denominator = n * stt - st * st;
    if (n < 3 || denominator <= 1e-9)
        return std::nullopt;
    return (n * stl - st * sl) / denominator;
}

/// Lag below this many messages is noise for a drain estimate, whatever its trend.
constexpr double kNoiseLag = 50;

} // namespace

QVector<bool> LagMonitor::resetSteps(const QList<OffsetObservation> &observations)
{
    return resetSteps(observations.size(), [&](qsizetype i) { return observations[i].committed; });
}

LagMonitor::LagMonitor() : LagMonitor(Options{}) {}

void LagMonitor::forgetGroups(const QStringList &groupIds)
{
    if (groupIds.isEmpty())
        return;
    const QSet<QString> gone(groupIds.cbegin(), groupIds.cend());
    m_history.removeIf([&](const auto &it) { return gone.contains(it.key().first); });
    m_looked.removeIf([&](const auto &it) { return gone.contains(it.key().first); });
    for (const QString &g : groupIds)
        m_trends.remove(g);
}

LagMonitor::LagMonitor(Options options) : m_options(std::move(options)) {}

void LagMonitor::seed(const QString &groupId, const TopicPartition &tp, const QList<OffsetObservation> &observations)
{
    ObservationSeries h;
    h.reserve(std::max(size_t(observations.size()), seriesCapacity()));
    h.assign(observations.cbegin(), observations.cend());
    bound(h);
    ObservationSeries &kept = m_history[Key(groupId, tp)];
    kept.clear();
    kept.shrink_to_fit();
    kept.reserve(seriesCapacity());
    kept.assign(h.cbegin(), h.cend());
}

size_t LagMonitor::seriesCapacity() const
{
    const size_t recent = size_t(std::max(1, m_options.windowSize)) + 1;
    return std::max(size_t(std::max(1, m_options.memoryLength)), recent + 2) + 1;
}

void LagMonitor::bound(ObservationSeries &h) const
{
    const size_t recent = size_t(std::max(1, m_options.windowSize)) + 1;
    const size_t limit = seriesCapacity() - 1;
    while (h.size() > limit) {
        // Among the older points (not the first: it reaches furthest back), the one whose
        // neighbours are closest together goes. Points where the committed offset changed count
        // as 4 times further apart, and the first of a run at one offset 64 times, so that
        // "unchanged since" keeps its moment while the rest still reaches back evenly.
        const size_t end = h.size() - recent;
        size_t drop = 1;
        qint64 best = std::numeric_limits<qint64>::max();
        for (size_t i = 1; i < end; ++i) {
            qint64 cost = h[i + 1].atMs - h[i - 1].atMs;
            if (h[i].committed != h[i - 1].committed)
                cost *= h[i].committed == h[i + 1].committed ? 64 : 4;
            if (cost < best) {
                best = cost;
                drop = i;
            }
        }
        h.erase(h.begin() + qsizetype(drop));
    }
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

std::optional<double> LagMonitor::estimateTimeLag(const ObservationSeries &history, qint64 committed,
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

std::optional<qint64> LagMonitor::offsetSince(const Key &key, const ObservationSeries &history,
                                             qint64 committed, qint64 atMs)
{
    if (committed < 0)
        return std::nullopt;
    qint64 since = atMs;
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        if (it->committed != committed)
            return since; // it changed right after this observation
        since = it->atMs;
    }
    // Unchanged across everything in memory: the stored history may go further back.
    const auto looked = m_looked.constFind(key);
    if (looked != m_looked.cend() && looked->committed == committed)
        return std::min(since, looked->sinceMs);
    if (m_sinceLookup && !history.empty()) {
        const qint64 found = m_sinceLookup(key.first, key.second, committed).value_or(since);
        m_looked.insert(key, Since{committed, found});
        return std::min(since, found);
    }
    return since;
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

    const Key key(group.groupId, raw.tp());
    auto &history = m_history[key];
    std::optional<qint64> since = offsetSince(key, history, raw.committed, atMs);
    if (since && raw.offsetSinceMs)
        since = std::min(*since, *raw.offsetSinceMs);
    if (since)
        p.offsetUnchangedSeconds = double(std::max<qint64>(0, atMs - *since)) / 1000.0;
    if (raw.lastCommitMs)
        p.lastCommitAgeSeconds = double(std::max<qint64>(0, atMs - *raw.lastCommitMs)) / 1000.0;
    // Estimate before adding "now": the history tells when the log end passed the commit.
    std::optional<double> estimate;
    if (p.committed && raw.logEnd > *p.committed && !raw.committedRecordTimestampMs)
        estimate = estimateTimeLag(history, *p.committed, atMs);

    if (history.capacity() < seriesCapacity())
        history.reserve(seriesCapacity());
    history.push_back(OffsetObservation{atMs, raw.committed, raw.logEnd});
    bound(history);

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

    // Rates over the evaluation window. An offset reset (or its undo) moves the committed
    // offset without consuming anything: those steps count neither as consumption nor in
    // the lag trend, which is fitted on the samples since the last reset.
    const size_t windowStart = history.size() > size_t(m_options.windowSize) ? history.size() - size_t(m_options.windowSize) : 0;
    const OffsetObservation &oldest = history[windowStart];
    const OffsetObservation &newest = history.back();
    p.produceRate = std::max(0.0, rate(oldest.logEnd, newest.logEnd, oldest.atMs, newest.atMs));
    const QVector<bool> resets = resetSteps(qsizetype(history.size()), [&](qsizetype i) { return history[size_t(i)].committed; });
    qint64 consumed = 0;
    size_t trendStart = windowStart;
    for (size_t i = windowStart + 1; i < history.size(); ++i) {
        if (resets[qsizetype(i)]) {
            p.resetInWindow = true;
            trendStart = i;
            continue;
        }
        if (history[i - 1].committed >= 0 && history[i].committed > history[i - 1].committed)
            consumed += history[i].committed - history[i - 1].committed;
    }
    if (newest.atMs > oldest.atMs)
        p.consumeRate = double(consumed) / (double(newest.atMs - oldest.atMs) / 1000.0);
    p.lagSlope = lagSlope(history, trendStart);
    p.windowSeconds = double(newest.atMs - history[trendStart].atMs) / 1000.0;

    HealthEvaluator::Input in;
    in.windowSize = m_options.windowSize;
    for (size_t i = windowStart; i < history.size(); ++i)
        in.window.append(history[i]);
    in.ownedByActiveMember = !raw.memberId.isEmpty();
    if (in.ownedByActiveMember)
        in.owner = QCoreApplication::translate("kops::Lag", "member %1 on %2").arg(raw.clientId.isEmpty() ? raw.memberId : raw.clientId,
                                                        raw.host.isEmpty() ? QStringLiteral("?") : raw.host);
    in.commitTimesKnown = group.fromCommitStream;
    in.lastCommitMs = raw.lastCommitMs;
    in.commitsOfOffset = raw.commitsOfOffset;
    in.offsetSinceMs = since;
    in.timeLagSeconds = p.timeLagSeconds;
    const LagThreshold limit = thresholdFor(group.groupId, raw.topic);
    in.maxLag = limit.maxLag;
    in.maxTimeLagSeconds = limit.maxTimeLagSeconds;
    const HealthVerdict verdict = HealthEvaluator::evaluate(in);
    p.status = verdict.status;
    p.reason = verdict.reason;
    if (p.lostToRetention > 0)
        p.reason += QCoreApplication::translate("kops::Lag", "; %1 messages lost to retention before being read")
                        .arg(QLocale(QLocale::English).toString(p.lostToRetention));
    return p;
}

// A drain time needs a trend, not one noisy step: the lag's least-squares slope over the
// window (summed over partitions). "growing" only when the fitted rise over the window is
// beyond noise (50 messages, or a fifth of the lag); a tiny lag is simply being consumed.
void LagMonitor::estimateDrain(GroupLag &g)
{
    if (g.totalLag <= 0)
        return;
    std::optional<double> slope;
    double span = 0;
    for (const PartitionLag &p : std::as_const(g.partitions)) {
        if (!p.lagSlope)
            continue;
        slope = slope.value_or(0.0) + *p.lagSlope;
        span = std::max(span, p.windowSeconds);
    }
    const double lag = double(g.totalLag);
    const double noise = std::max(kNoiseLag, 0.2 * lag);
    if (slope && *slope * span >= noise) {
        g.growing = true;
        return;
    }
    if (slope && *slope < 0 && -*slope * span >= std::min(noise, lag) / 2) {
        g.drainSeconds = lag / -*slope;
        return;
    }
    // Flat (or too few samples for a trend): the backlog drains at the consume rate only
    // if consumers outpace producers; a tiny backlog is just what is in flight.
    const double net = g.consumeRate - g.produceRate;
    if (net > 1e-9 && !slope)
        g.drainSeconds = lag / net;
    else if (lag <= kNoiseLag && g.consumeRate > 1e-9)
        g.drainSeconds = lag / g.consumeRate;
}

LagSnapshot LagMonitor::ingest(const RawLagSample &sample)
{
    LagSnapshot snap;
    snap.atMs = sample.atMs;
    snap.warnings = sample.warnings;
    snap.offsetSource = sample.offsetSource;
    for (const RawGroupSample &rg : sample.groups) {
        GroupLag g;
        g.groupId = rg.groupId;
        g.state = rg.state;
        g.memberCount = rg.memberCount;
        g.sampledAtMs = sample.atMs;
        g.offsetSource = offsetSourceName(rg.fromCommitStream);
        for (const RawPartitionSample &raw : rg.partitions) {
            PartitionLag p = evaluatePartition(rg, raw, sample.atMs);
            if (p.lastCommitAgeSeconds && (!g.lastCommitAgeSeconds || *p.lastCommitAgeSeconds < *g.lastCommitAgeSeconds))
                g.lastCommitAgeSeconds = p.lastCommitAgeSeconds;
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
        estimateDrain(g);
        const HealthVerdict verdict = HealthEvaluator::worst(g.partitions);
        g.status = verdict.status;
        g.reason = verdict.reason;
        // Nothing committed means nothing to judge: a typo or expired offsets must never look OK.
        const bool anyCommit = std::any_of(g.partitions.cbegin(), g.partitions.cend(),
                                           [](const PartitionLag &p) { return p.committed.has_value(); });
        if (!anyCommit) {
            g.status = HealthStatus::Unknown;
            if (g.partitions.isEmpty() && g.memberCount == 0
                && (g.state == QStringLiteral("Dead") || g.state == QStringLiteral("Unknown")))
                g.reason = QCoreApplication::translate("kops::Lag", "group not found: no members and no committed offsets");
            else if (g.partitions.isEmpty())
                g.reason = QCoreApplication::translate("kops::Lag", "no committed offsets");
            else
                g.reason = QCoreApplication::translate("kops::Lag", "no committed offsets (%1 partitions assigned, none committed yet)")
                               .arg(g.partitions.size());
        }

        QVector<double> &trend = m_trends[g.groupId];
        appendKeepingLast(trend, double(g.totalLag), qsizetype(m_options.trendLength));
        g.trend = trend;
        snap.groups.append(std::move(g));
    }
    std::sort(snap.groups.begin(), snap.groups.end(),
              [](const GroupLag &a, const GroupLag &b) { return a.groupId < b.groupId; });
    return snap;
}

} // namespace kops
