#pragma once

#include <QList>

namespace kops {

/// Appends `value` to a list that keeps only its last `max` items.
///
/// Not `append` then `removeFirst`: Qt 6 keeps the space freed at the front, and when the list
/// is shared (a snapshot holds a copy) the next append detaches into a block as large as the
/// old one plus the new item, front space included. Shared every round, a 30-point sparkline
/// grew by one item of capacity per round without end: 10,000 groups' trends held ~100 MB
/// after two hours of the console (tests/bench/bench_lagmemory).
template<typename T>
void appendKeepingLast(QList<T> &list, const T &value, qsizetype max)
{
    if (list.size() < max) {
        list.append(value);
        return;
    }
    QList<T> next;
    next.reserve(max);
    if (max > 1)
        next.append(list.cend() - (max - 1), list.cend());
    if (max > 0)
        next.append(value);
    list = std::move(next);
}

} // namespace kops
