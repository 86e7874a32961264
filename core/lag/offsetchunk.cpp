#include "offsetchunk.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include <QtEndian>

namespace kops {

namespace {

constexpr quint8 kVersion = 1;
constexpr int kMaxUnary = 12; ///< longer quotients escape to an explicit bit width
constexpr quint32 kAdaptWindow = 32;
constexpr int kPredictors = OffsetStreamState::kPredictors;

quint64 zigzag(qint64 v) { return (quint64(v) << 1) ^ quint64(v >> 63); }
qint64 unzigzag(quint64 u) { return qint64(u >> 1) ^ -qint64(u & 1); }

// Offsets are stored plus one, "none" (kNoOffset or any negative) as 0.
qint64 toStored(qint64 offset) { return offset >= 0 ? offset + 1 : 0; }
qint64 fromStored(qint64 v) { return v > 0 ? v - 1 : kNoOffset; }

void putVarint(QByteArray &out, quint64 v)
{
    while (v >= 0x80) {
        out.append(char(v | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

bool getVarint(const QByteArray &in, qsizetype &pos, quint64 *v)
{
    quint64 r = 0;
    for (int shift = 0; shift < 64 && pos < in.size(); shift += 7) {
        const quint8 b = quint8(in[pos++]);
        r |= quint64(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *v = r;
            return true;
        }
    }
    return false;
}

/// The smallest k with n * 2^k >= sum (LOCO-I).
int riceParameter(quint32 sum, quint32 n)
{
    const quint32 q = (sum + n - 1) / n;
    return q <= 1 ? 0 : 32 - std::countl_zero(q - 1);
}

qint64 fromSixteenths(qint64 v) { return (v + (v >= 0 ? 8 : -8)) / 16; }

/// The predictions of a value: same step, same value, the average step, and for a committed
/// offset (given the log end's state, already advanced to this point) the same lag as
/// before and the average lag.
int predictions(const OffsetStreamState &s, const OffsetStreamState *logEnd, qint64 out[kPredictors])
{
    out[0] = s.last + s.delta;
    out[1] = s.last;
    out[2] = s.last + fromSixteenths(s.meanDelta);
    if (!logEnd)
        return 3;
    const qint64 previousLogEnd = logEnd->last - logEnd->delta;
    const bool both = previousLogEnd > 0 && s.last > 0 && logEnd->last > 0;
    out[3] = both ? logEnd->last - (previousLogEnd - s.last) : out[0];
    out[4] = logEnd->last > 0 ? logEnd->last - fromSixteenths(s.meanLag) : out[0];
    return kPredictors;
}

int choose(const OffsetStreamState &s, int count)
{
    int best = 0;
    for (int i = 1; i < count; ++i)
        if (s.cost[i] < s.cost[best])
            best = i;
    return best;
}

void learn(OffsetStreamState &s, qint64 v, const qint64 predicted[kPredictors], int count, quint64 u,
           const OffsetStreamState *logEnd)
{
    constexpr qint64 kCap = qint64(1) << 40;
    for (int i = 0; i < count; ++i) {
        const quint64 miss = std::min<quint64>(zigzag(v - predicted[i]), quint64(kCap));
        s.cost[i] = s.cost[i] - (s.cost[i] >> 3) + qint64(miss);
    }
    s.sum += quint32(std::min<quint64>(u, 1u << 24));
    if (++s.n >= kAdaptWindow) {
        s.sum = std::max<quint32>(1, s.sum >> 1);
        s.n >>= 1;
    }
    s.delta = v - s.last;
    s.last = v;
    s.meanDelta += (std::clamp(s.delta, -kCap, kCap) * 16 - s.meanDelta) / 8;
    if (logEnd)
        s.meanLag += (std::clamp(logEnd->last - v, -kCap, kCap) * 16 - s.meanLag) / 8;
}

/// The first point, and the step expected next (from the chunk before, or the next point):
/// a chunk starts out predicting well instead of paying for its first steps.
void start(OffsetChunkModel &m, const qint64 values[3], const qint64 deltas[3])
{
    for (int i = 0; i < 3; ++i) {
        OffsetStreamState &s = m.streams[i];
        s = OffsetStreamState{};
        s.last = values[i];
        s.delta = deltas[i];
        s.meanDelta = deltas[i] * 16;
        // Noise of a count over a step is about its square root: a first guess for the Rice parameter.
        s.sum = quint32(std::min<double>(std::sqrt(double(std::abs(deltas[i]))), 1 << 20)) + 1;
        const qint64 lag = i == 2 && values[1] > 0 && values[2] > 0 ? values[1] - values[2] : 0;
        s.meanLag = lag * 16;
    }
    m.count = 1;
    m.minTs = m.maxTs = values[0];
    m.exactRun = false;
}

class BitReader
{
public:
    BitReader(const QByteArray &data, qsizetype startByte)
        : m_data(reinterpret_cast<const uchar *>(data.constData())), m_size(data.size()), m_end(qint64(data.size()) * 8),
          m_pos(startByte * 8)
    {
    }
    bool get(int bits, quint64 *out)
    {
        if (bits > 56) { // the window holds at least 57 bits: the longest escapes in two parts
            quint64 high = 0, low = 0;
            if (!get(bits - 32, &high) || !get(32, &low))
                return false;
            *out = (high << 32) | low;
            return true;
        }
        if (m_pos + bits > m_end)
            return false;
        *out = bits == 0 ? 0 : window() >> (64 - bits);
        m_pos += bits;
        return true;
    }
    bool unary(int limit, int *out)
    {
        // limit < 57: the ones and their terminating zero are in one window.
        const int q = std::min(std::countl_one(window()), limit);
        const int used = q < limit ? q + 1 : q;
        if (m_pos + used > m_end)
            return false;
        m_pos += used;
        *out = q;
        return true;
    }
    qint64 position() const { return m_pos; }

private:
    /// The next 64 bits from the position, first bit highest (zeros past the end).
    quint64 window() const
    {
        const qsizetype byte = qsizetype(m_pos >> 3);
        quint64 w = 0;
        if (byte + 8 <= m_size) {
            std::memcpy(&w, m_data + byte, 8);
            w = qFromBigEndian(w);
        } else {
            for (qsizetype i = byte; i < byte + 8; ++i)
                w = (w << 8) | (i < m_size ? m_data[i] : 0u);
        }
        return w << (m_pos & 7);
    }

    const uchar *m_data;
    qsizetype m_size;
    qint64 m_end; ///< in bits
    qint64 m_pos; ///< in bits
};

bool readResidual(BitReader &r, const OffsetStreamState &s, quint64 *u)
{
    const int k = riceParameter(s.sum, s.n);
    int q = 0;
    if (!r.unary(kMaxUnary, &q))
        return false;
    if (q < kMaxUnary) {
        quint64 low = 0;
        if (!r.get(k, &low))
            return false;
        *u = (quint64(q) << k) | low;
        return true;
    }
    quint64 width = 0;
    return r.get(6, &width) && r.get(int(width) + 1, u);
}

} // namespace

void OffsetChunkEncoder::putBits(quint64 value, int bits)
{
    while (bits > 0) {
        const int offset = int(m_bits & 7);
        if (offset == 0)
            m_data.append('\0');
        const int take = std::min(bits, 8 - offset);
        const quint8 chunk = quint8((value >> (bits - take)) & ((1u << take) - 1));
        m_data[m_data.size() - 1] = char(quint8(m_data[m_data.size() - 1]) | quint8(chunk << (8 - offset - take)));
        m_bits += take;
        bits -= take;
    }
}

void OffsetChunkEncoder::putResidual(OffsetStreamState &s, quint64 u)
{
    const int k = riceParameter(s.sum, s.n);
    const quint64 q = u >> k;
    if (q < quint64(kMaxUnary)) {
        putBits((quint64(1) << q) - 1, int(q)); // q ones
        putBits(0, 1);
        if (k > 0)
            putBits(u & ((quint64(1) << k) - 1), k);
    } else {
        putBits((quint64(1) << kMaxUnary) - 1, kMaxUnary);
        const int width = std::max(1, 64 - std::countl_zero(u));
        putBits(quint64(width - 1), 6);
        putBits(u, width);
    }
}

void OffsetChunkEncoder::append(const OffsetPoint &p)
{
    const qint64 values[3] = {p.ts, toStored(p.logEnd), toStored(p.committed)};
    OffsetChunkModel &m = m_model;
    if (m.count == 0) {
        m_data.clear();
        m_data.append(char(kVersion));
        for (const qint64 v : values)
            putVarint(m_data, quint64(v));
        for (const qint64 d : m_seed)
            putVarint(m_data, zigzag(d));
        m_bits = qint64(m_data.size()) * 8;
        start(m, values, m_seed);
        return;
    }
    // Time and log end first; the committed offset is then predicted from this point's log end.
    qint64 predicted[3][kPredictors];
    int counts[3];
    quint64 residuals[3];
    OffsetChunkModel next = m;
    for (int i = 0; i < 2; ++i) {
        counts[i] = predictions(m.streams[i], nullptr, predicted[i]);
        residuals[i] = zigzag(values[i] - predicted[i][choose(m.streams[i], counts[i])]);
        learn(next.streams[i], values[i], predicted[i], counts[i], residuals[i], nullptr);
    }
    counts[2] = predictions(next.streams[2], &next.streams[1], predicted[2]);
    residuals[2] = zigzag(values[2] - predicted[2][choose(next.streams[2], counts[2])]);
    const bool exact = residuals[0] == 0 && residuals[1] == 0 && residuals[2] == 0;
    if (m.exactRun)
        putBits(exact ? 0 : 1, 1);
    if (!m.exactRun || !exact)
        for (int i = 0; i < 3; ++i)
            putResidual(m.streams[i], residuals[i]);
    learn(next.streams[2], values[2], predicted[2], counts[2], residuals[2], &next.streams[1]);
    next.exactRun = exact;
    ++next.count;
    next.minTs = std::min(next.minTs, p.ts);
    next.maxTs = std::max(next.maxTs, p.ts);
    m = next;
}

bool OffsetChunkEncoder::resume(const QByteArray &data, int count, OffsetChunkEncoder *out)
{
    QList<OffsetPoint> points;
    OffsetChunkEncoder e;
    if (count <= 0 || !decodeOffsetChunk(data, count, &points, &e.m_model, &e.m_bits))
        return false;
    e.m_data = data.left((e.m_bits + 7) / 8);
    *out = std::move(e);
    return true;
}

OffsetChunkEncoder OffsetChunkEncoder::following(const OffsetChunkEncoder &previous)
{
    OffsetChunkEncoder e;
    for (int i = 0; i < 3; ++i)
        e.m_seed[i] = previous.m_model.streams[i].delta;
    return e;
}

QByteArray OffsetChunkEncoder::encode(const QList<OffsetPoint> &points)
{
    OffsetChunkEncoder e;
    if (points.size() > 1) {
        e.m_seed[0] = points[1].ts - points[0].ts;
        e.m_seed[1] = toStored(points[1].logEnd) - toStored(points[0].logEnd);
        e.m_seed[2] = toStored(points[1].committed) - toStored(points[0].committed);
    }
    for (const OffsetPoint &p : points)
        e.append(p);
    return e.data();
}

bool decodeOffsetChunk(const QByteArray &data, int count, QList<OffsetPoint> *out, OffsetChunkModel *model, qint64 *bits)
{
    if (count <= 0)
        return true;
    if (data.isEmpty() || quint8(data[0]) != kVersion)
        return false;
    qsizetype pos = 1;
    qint64 values[3];
    for (qint64 &v : values) {
        quint64 u = 0;
        if (!getVarint(data, pos, &u))
            return false;
        v = qint64(u);
    }
    qint64 deltas[3];
    for (qint64 &d : deltas) {
        quint64 u = 0;
        if (!getVarint(data, pos, &u))
            return false;
        d = unzigzag(u);
    }
    OffsetChunkModel m;
    start(m, values, deltas);
    if (out->capacity() < out->size() + count) // geometric: a series is decoded chunk after chunk
        out->reserve(std::max(out->size() + count, out->capacity() * 2));
    out->append(OffsetPoint{values[0], fromStored(values[2]), fromStored(values[1])});
    BitReader reader(data, pos);
    for (int n = 1; n < count; ++n) {
        bool exact = false;
        if (m.exactRun) {
            quint64 flag = 1;
            if (!reader.get(1, &flag))
                return false;
            exact = flag == 0;
        }
        quint64 residuals[3] = {0, 0, 0};
        if (!exact)
            for (int i = 0; i < 3; ++i)
                if (!readResidual(reader, m.streams[i], &residuals[i]))
                    return false;
        // In place (no copy of the model per point): the residuals were read with the
        // states before this point, and the committed offset needs the log end advanced.
        qint64 predicted[kPredictors];
        for (int i = 0; i < 3; ++i) {
            const OffsetStreamState *logEnd = i == 2 ? &m.streams[1] : nullptr;
            const int c = predictions(m.streams[i], logEnd, predicted);
            values[i] = predicted[choose(m.streams[i], c)] + unzigzag(residuals[i]);
            learn(m.streams[i], values[i], predicted, c, residuals[i], logEnd);
        }
        m.exactRun = residuals[0] == 0 && residuals[1] == 0 && residuals[2] == 0;
        ++m.count;
        m.minTs = std::min(m.minTs, values[0]);
        m.maxTs = std::max(m.maxTs, values[0]);
        out->append(OffsetPoint{values[0], fromStored(values[2]), fromStored(values[1])});
    }
    if (model)
        *model = m;
    if (bits)
        *bits = reader.position();
    return true;
}

} // namespace kops
