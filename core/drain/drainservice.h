#pragma once

#include "clusterapi.h"
#include "transactionalrelay.h"

#include <QJsonObject>

namespace kops {

class HistoryStore;
class RelayJournal;

/// One source partition of a drain: where the group stands and how fast it consumed.
struct DrainPartition
{
    QString topic;
    int partition = -1;
    qint64 committed = -1; ///< -1: none (the drain starts at the log start)
    qint64 logStart = 0;
    qint64 logEnd = 0;
    qint64 backlog = 0;
    std::optional<double> consumeRate; ///< records/s from the lag history
};

/// What a drain will do: the backlog, the rates, the proposed and chosen width, the guard.
struct DrainPlan
{
    QString group;
    QStringList topics; ///< the group's topics drained in one run (each keeps its order per key)
    QString target;
    QList<DrainPartition> partitions;
    qint64 backlog = 0;
    double consumeRate = 0;     ///< the group's, records/s (sum over partitions)
    double perConsumerRate = 0; ///< what one consumer of the wider topic is assumed to manage
    bool rateAssumed = false;   ///< no history: perConsumerRate is kAssumedRate
    qint64 targetSeconds = 0;
    int proposedPartitions = 0;
    int targetPartitions = 0;   ///< the chosen count (the existing topic's when it exists)
    bool targetExists = false;
    bool follow = false;
    QString guardError;         ///< why the drain cannot start now (active members), empty if it can
    QStringList guardDetails;

    static constexpr double kAssumedRate = 100.0;
    QString transactionalId() const;
    /// The group to run on the wider topic: "<group>-drained".
    QString nextGroup() const;
    double etaSeconds() const;
    QString topicsText() const { return topics.join(QStringLiteral(", ")); }
    QJsonObject toJson() const;
};

struct DrainRequest
{
    QString group;
    QStringList topics; ///< one or more of the group's topics
    QString target;
    int partitions = 0;         ///< 0: the proposal
    qint64 targetSeconds = 600; ///< drain the backlog in this time
    bool follow = false;
    QString cluster;            ///< the lag history's cluster name (empty: no history)
};

/// A drained record goes to the wider topic with key, value, headers and timestamp; its
/// partition by key hash (drainTargetPartition).
class DrainRouter final : public RelayRouter
{
public:
    DrainRouter(QString target, int partitions);
    std::optional<qint64> route(const QString &topic, const RecordView &r, qint64 nowMs, QList<OutgoingRecord> &out) override;

private:
    QString m_target;
    int m_partitions;
};

/// Backlog drain: plans (backlog, consume rates from the lag history, proposed width, the
/// active-member guard), creates the wider topic, and relays the group's backlog into it
/// exactly once (TransactionalRelay, origin header kops-drained-from), keeping order per key.
class DrainService final
{
public:
    static Result<DrainPlan> plan(ClusterApi &api, const DrainRequest &request, HistoryStore *history);
    /// Creates the target with plan.targetPartitions partitions when it does not exist.
    static Status createTarget(ClusterApi &api, const DrainPlan &plan);
    /// Runs the drain. Refuses a read-only connection, a client that is not librdkafka, a
    /// missing target and a group with active members (checked again right before).
    static Result<RelayProgress> run(ClusterApi &api, const DrainPlan &plan, RelayJournal &journal,
                                     const QString &connection, TransactionalRelay::Control *control = nullptr,
                                     const TransactionalRelay::ProgressFn &progress = {},
                                     const std::function<void(TransactionalRelay &)> &configure = {});
};

/// The client properties a relay uses to connect as `api` does; READ_ONLY for a read-only
/// connection, an error for clients that are not librdkafka (test fakes).
Result<QList<QPair<QString, QString>>> relayProperties(ClusterApi &api, const QString &what);

} // namespace kops
