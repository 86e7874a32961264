#pragma once

#include "kafkapartitioner.h"

#include <QByteArrayView>
#include <QList>
#include <QPair>

#include <optional>

namespace kops {

/// The wider topic's partition of a drained record: by key hash (same key, same partition,
/// in source order); a null key goes with its source partition (sourcePartition mod count),
/// so null-keyed records of one source partition keep their order.
int drainTargetPartition(std::optional<QByteArrayView> key, int sourcePartition, int targetPartitions);

/// Consume rate (records/s) of a partition from its committed offsets over time ((ms, offset),
/// oldest first): over the last `windowMs`; when that is 0 (the consumers stopped), the best
/// rate over any window of that length in the history, since the drain's consumers will run
/// at what the group managed when it ran. nullopt: the history cannot tell.
std::optional<double> consumeRateFrom(const QList<QPair<qint64, qint64>> &committedOverTime, qint64 windowMs = 15 * 60'000);

/// Partitions that drain `backlog` records in `targetSeconds` with one consumer per partition
/// consuming `perConsumerRate` records/s: at least the source's partition count (every source
/// partition keeps its own target partition for null keys), at most `cap`.
int proposePartitionCount(qint64 backlog, double perConsumerRate, qint64 targetSeconds, int sourcePartitions,
                          int cap = 1000);

} // namespace kops
