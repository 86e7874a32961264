#include "charts/seriesreducer.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace kops {

namespace {

// The points of one pixel column worth keeping, as indices into the input (-1 = none).
struct ColumnPicks
{
    qsizetype first = -1; // first finite value
    qsizetype last = -1;  // last finite value
    qsizetype min = -1;
    qsizetype max = -1;
    qsizetype gap = -1; // first NaN value

    void add(qsizetype i, double v, const QVector<double> &values)
    {
        if (std::isnan(v)) {
            if (gap < 0)
                gap = i;
            return;
        }
        if (first < 0) {
            first = last = min = max = i;
            return;
        }
        last = i;
        if (v < values[min])
            min = i;
        if (v > values[max])
            max = i;
    }

    void emitTo(const QVector<double> &keys, const QVector<double> &values, ReducedSeries &out) const
    {
        std::array<qsizetype, 4> picks{};
        int count = 0;
        const auto push = [&](qsizetype i) {
            if (i >= 0 && std::find(picks.begin(), picks.begin() + count, i) == picks.begin() + count)
                picks[static_cast<size_t>(count++)] = i;
        };
        if (gap < 0) {
            push(first);
            push(min);
            push(max);
            push(last);
        } else {
            // A gap must stay visible and the line must still meet its neighbours, which leaves room for
            // one extreme only: the one further from the ends (sub-pixel detail next to a gap is lost).
            push(gap);
            push(first);
            push(last);
            if (first >= 0) {
                const double mid = (values[first] + values[last]) / 2;
                push(std::abs(values[max] - mid) >= std::abs(values[min] - mid) ? max : min);
            }
        }
        // Insertion sort of at most four indices (std::sort here trips a GCC 12 -Warray-bounds false positive).
        for (int a = 1; a < count; ++a) {
            for (int b = a; b > 0 && picks[static_cast<size_t>(b - 1)] > picks[static_cast<size_t>(b)]; --b)
                std::swap(picks[static_cast<size_t>(b - 1)], picks[static_cast<size_t>(b)]);
        }
        for (int p = 0; p < count; ++p) {
            out.keys.append(keys[picks[static_cast<size_t>(p)]]);
            out.values.append(values[picks[static_cast<size_t>(p)]]);
        }
    }
};

} // namespace

ReducedSeries reduceToPixels(const QVector<double> &keys, const QVector<double> &values, double keyMin,
                             double keyMax, int pixelColumns)
{
    const qsizetype n = std::min(keys.size(), values.size());
    const int columns = std::max(1, pixelColumns);
    if (n < 4 * qsizetype(columns)) {
        if (keys.size() == values.size())
            return {keys, values};
        return {keys.first(n), values.first(n)};
    }

    const auto keysEnd = keys.cbegin() + n;
    // Inside [keyMin, keyMax]: [begin, end); the neighbours are begin - 1 and end.
    const qsizetype begin = std::lower_bound(keys.cbegin(), keysEnd, keyMin) - keys.cbegin();
    const qsizetype end = std::max(begin, qsizetype(std::upper_bound(keys.cbegin(), keysEnd, keyMax) - keys.cbegin()));
    const qsizetype from = std::max<qsizetype>(0, begin - 1);
    const qsizetype to = std::min(n, end + 1);

    ReducedSeries out;
    if (to - from < 4 * qsizetype(columns)) {
        out.keys = keys.mid(from, to - from);
        out.values = values.mid(from, to - from);
        return out;
    }

    out.keys.reserve(4 * columns + 2);
    out.values.reserve(4 * columns + 2);
    if (from < begin) {
        out.keys.append(keys[from]);
        out.values.append(values[from]);
    }

    const double span = keyMax - keyMin;
    const double scale = span > 0 ? columns / span : 0.0;
    int column = -1;
    ColumnPicks picks;
    for (qsizetype i = begin; i < end; ++i) {
        const int c = std::clamp(static_cast<int>((keys[i] - keyMin) * scale), 0, columns - 1);
        if (c != column) {
            picks.emitTo(keys, values, out);
            picks = ColumnPicks{};
            column = c;
        }
        picks.add(i, values[i], values);
    }
    picks.emitTo(keys, values, out);

    if (end < to) {
        out.keys.append(keys[end]);
        out.values.append(values[end]);
    }
    return out;
}

} // namespace kops
