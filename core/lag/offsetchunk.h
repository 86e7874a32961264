#pragma once

#include "healthevaluator.h"

#include <QByteArray>
#include <QList>
#include <QtGlobal>

namespace kops {

/// One stored point of a partition series: seconds, and offsets with kNoOffset for "none".
struct OffsetPoint
{
    qint64 ts = 0;
    qint64 committed = kNoOffset;
    qint64 logEnd = kNoOffset;

    /// Positive lag; no commit counts as 0 (as the charts have always drawn it).
    qint64 chartLag() const { return committed >= 0 && logEnd > committed ? logEnd - committed : 0; }
};

inline OffsetObservation toObservation(const OffsetPoint &p)
{
    return OffsetObservation{p.ts * 1000, p.committed >= 0 ? p.committed : kNoOffset, p.logEnd >= 0 ? p.logEnd : kNoOffset};
}

/// Coding state of one of a chunk's three values (time, log end, committed): its last value
/// and step, the adaptive Rice parameter's running sums, and the recent cost of each predictor.
struct OffsetStreamState
{
    static constexpr int kPredictors = 5;
    qint64 last = 0;
    qint64 delta = 0;
    quint32 sum = 1;
    quint32 n = 1;
    qint64 meanDelta = 0; ///< moving average of the step, in 1/16
    qint64 meanLag = 0;   ///< committed only: moving average of the lag, in 1/16
    qint64 cost[kPredictors] = {0, 0, 0, 0, 0};
};

/// What encoder and decoder both know after each point.
struct OffsetChunkModel
{
    OffsetStreamState streams[3]; ///< time, log end, committed
    bool exactRun = false;        ///< the last point was predicted exactly (idle series: one bit a point)
    int count = 0;
    qint64 minTs = 0;
    qint64 maxTs = 0;
};

/// Compresses a partition's (time, committed, log end) series into a byte chunk, after the
/// Gorilla/Prometheus idea: the first point in varints, then per point the difference of
/// each value from a prediction, coded with an adaptive Golomb-Rice code. The prediction is
/// the one of "same step as last time", "same value", "the average step" and (committed
/// offsets) "same lag as last time" or "the average lag" that was closest recently; encoder
/// and decoder choose alike from what both saw. A regular sampling interval costs about a bit
/// a point, an idle partition one bit a point for all three values, a steadily consumed one
/// about the entropy of its noise.
class OffsetChunkEncoder final
{
public:
    OffsetChunkEncoder() = default;
    /// Continues a chunk of `count` points (decodes it once to learn its state).
    static bool resume(const QByteArray &data, int count, OffsetChunkEncoder *out);

    void append(const OffsetPoint &p);
    int count() const { return m_model.count; }
    qint64 minTs() const { return m_model.minTs; }
    qint64 maxTs() const { return m_model.maxTs; }
    const QByteArray &data() const { return m_data; }

    static QByteArray encode(const QList<OffsetPoint> &points);
    /// An empty chunk that goes on where `previous` ends (it expects the same steps).
    static OffsetChunkEncoder following(const OffsetChunkEncoder &previous);

private:
    void putBits(quint64 value, int bits);
    void putResidual(OffsetStreamState &s, quint64 u);

    QByteArray m_data;
    qint64 m_bits = 0;
    OffsetChunkModel m_model;
    qint64 m_seed[3] = {0, 0, 0}; ///< the steps expected after the first point
};

/// Decodes a chunk of `count` points (in the order they were appended). Returns false on
/// a damaged chunk (the points read so far are kept). `model`/`bits`: the state after the
/// last point, to append more.
bool decodeOffsetChunk(const QByteArray &data, int count, QList<OffsetPoint> *out, OffsetChunkModel *model = nullptr,
                       qint64 *bits = nullptr);

} // namespace kops
