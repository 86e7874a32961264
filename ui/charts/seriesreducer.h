#pragma once

#include <QVector>

namespace kops {

/// A series thinned to what a plot of a given pixel width can show.
struct ReducedSeries
{
    QVector<double> keys;
    QVector<double> values;
};

/// M4 reduction: for sorted keys, keeps the points inside [keyMin, keyMax] plus one neighbour on each
/// side (so a drawn line reaches the plot edges), and per pixel column only the first, minimum, maximum
/// and last point, in key order; the line drawn from the result covers the same pixels as the full one.
/// NaN values are gaps and stay NaN so the plot breaks the line there. Inputs with fewer than
/// 4 * pixelColumns points are returned unchanged; the result never has more than 4 * pixelColumns + 2.
ReducedSeries reduceToPixels(const QVector<double> &keys, const QVector<double> &values, double keyMin,
                             double keyMax, int pixelColumns);

} // namespace kops
