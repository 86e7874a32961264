#pragma once

#include "clusterapi.h"
#include "delaytiers.h"
#include "transactionalrelay.h"

#include <QJsonObject>

#include <mutex>

namespace kops {

class RelayJournal;

/// A record to delay.
struct DelayedRecord
{
    QString target;
    qint64 dueMs = 0;
    std::optional<QByteArray> key;
    std::optional<QByteArray> value;
    QList<RecordHeader> headers;
};

/// Where a sent record went.
struct DelaySendResult
{
    QString tierTopic;
    int partition = -1;
    qint64 offset = -1;
    qint64 dueMs = 0;
};

/// One tier as the router sees it now.
struct DelayTierStatus
{
    DelayTier tier;
    QString topic;
    bool exists = false;
    int partitions = 0;
    qint64 backlog = 0;               ///< records the router has not handled yet
    std::optional<qint64> oldestDueMs; ///< the earliest due time among the partitions' heads
    std::optional<qint64> nextReadyMs; ///< when the router next takes a record out of this tier
};

/// What the router did in one interval (about a second), for the lateness chart.
struct DelayWindow
{
    qint64 atMs = 0;
    qint64 forwarded = 0;
    qint64 retiered = 0;
    double perSecond = 0;
    qint64 latenessP50 = 0; ///< forward time - due time, ms, of the records forwarded in the interval
    qint64 latenessP99 = 0;
    qint64 latenessMax = 0;
};

/// Delay queues from tiered topics (<prefix>_1s ... <prefix>_2h): creates the tiers, sends
/// records into the tier of their delay, shows the tiers and runs the router, which forwards
/// due records to their target exactly once (TransactionalRelay) and stops reading a tier
/// partition while its head is not due.
class DelayQueue final
{
public:
    DelayQueue(QString prefix, QList<DelayTier> tiers = defaultDelayTiers());

    const QString &prefix() const { return m_prefix; }
    const QList<DelayTier> &tiers() const { return m_tiers; }
    QStringList tierTopics() const;
    QString routerGroup() const { return QStringLiteral("kops-delay-router-") + m_prefix; }
    QString transactionalId() const { return QStringLiteral("kops-delay-") + m_prefix; }

    /// The tier topics that do not exist yet.
    Result<QStringList> missingTiers(ClusterApi &api) const;
    /// Creates the missing tier topics with `partitions` partitions each.
    Status create(ClusterApi &api, int partitions) const;
    /// The record as written into its tier at `nowMs`: the largest tier not longer than its
    /// remaining delay, with the due time and target headers.
    OutgoingRecord toTier(const DelayedRecord &record, qint64 nowMs) const;
    /// Writes the record into the largest tier not longer than its remaining delay.
    Result<DelaySendResult> send(ClusterApi &api, const DelayedRecord &record) const;
    Result<QList<DelaySendResult>> send(ClusterApi &api, const QList<DelayedRecord> &records) const;
    /// Backlog, oldest due and next ready time per tier (reads the head record of each partition).
    Result<QList<DelayTierStatus>> status(ClusterApi &api) const;

    using WindowFn = std::function<void(const DelayWindow &)>;
    /// Runs the router until cancelled. `window` gets the lateness figures about once a second.
    Result<RelayProgress> run(ClusterApi &api, RelayJournal &journal, const QString &connection,
                              TransactionalRelay::Control *control, const TransactionalRelay::ProgressFn &progress = {},
                              const WindowFn &window = {}, const std::function<void(TransactionalRelay &)> &configure = {}) const;

private:
    QString m_prefix;
    QList<DelayTier> m_tiers;
};

/// p-th percentile (0..100) of values (sorted in place).
qint64 percentileOf(QList<qint64> &values, double p);

} // namespace kops
