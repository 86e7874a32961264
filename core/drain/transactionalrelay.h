#pragma once

#include "clustertypes.h"
#include "kafkaerror.h"
#include "partitionstream.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace kops {

class RelayJournal;

/// One partition a relay reads, and where it stops (-1: it follows the log, never done).
struct RelaySource
{
    QString topic;
    int partition = -1;
    qint64 endOffset = -1;
};

/// What a relay did so far. Positions are the next offsets to read (committed with the last
/// transaction, so a restart resumes there).
struct RelayProgress
{
    qint64 consumed = 0;     ///< source records read and committed by this run
    qint64 produced = 0;     ///< records written by committed transactions of this run
    qint64 reconciled = 0;   ///< records found already written by an earlier run (not written again)
    qint64 transactions = 0; ///< committed
    qint64 aborted = 0;      ///< aborted and retried
    qint64 producerRestarts = 0; ///< aborts that did not finish: the producer was started again
    qint64 remaining = -1;   ///< records left up to the end offsets (-1: following)
    double recordsPerSecond = 0;
    qint64 elapsedMs = 0;
    QHash<TopicPartition, qint64> positions;
    QHash<TopicPartition, qint64> holds; ///< partitions waiting: until when (ms since the epoch)
    qint64 waitingInMemory = 0; ///< records read and waiting in memory for their time
};

/// Decides what each source record becomes. Called on the relay's thread.
class RelayRouter
{
public:
    virtual ~RelayRouter() = default;
    /// Appends what record r (of `topic`) becomes to `out` (possibly nothing) and returns nullopt,
    /// or returns the time (ms since the epoch) before which the record must not be handled:
    /// then its partition waits there and is read again from this record at that time.
    virtual std::optional<qint64> route(const QString &topic, const RecordView &r, qint64 nowMs,
                                        QList<OutgoingRecord> &out) = 0;
    /// The transaction holding everything routed since the last call was committed (true) or aborted.
    virtual void transactionEnded(bool committed) { Q_UNUSED(committed) }
};

/// Consume -> produce -> commit, exactly once: a transactional producer writes the routed
/// records and commits the consumer group's offsets in the same Kafka transaction
/// (send_offsets_to_transaction), so what a read_committed reader sees and what the group
/// has committed always agree. A restart with the same transactional id fences and aborts
/// whatever a killed run left open, then resumes from the committed offsets.
///
/// Where a cluster writes no transaction markers (librdkafka's mock cluster, the demo), a
/// killed or aborted transaction's records stay visible. So every record carries its origin
/// (`originHeader`: topic/partition/offset), each target partition's high watermark is
/// journalled before the first write and after every commit, and after a start or an abort
/// the targets are read (read_committed) from those marks: records whose origin is past the
/// committed offsets are not written again. On a real broker that read finds nothing.
class TransactionalRelay final
{
public:
    struct Options
    {
        QList<QPair<QString, QString>> properties; ///< the connection's client properties
        QString groupId;                           ///< whose offsets are read and committed
        QString transactionalId;                   ///< stable per relay: fences a previous run
        QString originHeader;                      ///< e.g. "kops-drained-from"
        QList<RelaySource> sources;
        int maxRecordsPerTransaction = 20000;
        int maxTransactionMs = 300;
        int timeoutMs = 30000;
        /// Transactions to retry in a row after aborts before giving up.
        int maxAttempts = 8;
        /// A record whose wait ends within this many ms waits in memory (earliest first) while
        /// its partition is read on; 0: its partition pauses with it at the head. A partition's
        /// committed offset never passes a record still waiting (see README: memory holds).
        qint64 memoryHoldMs = 0;
        int memoryHoldMaxRecords = 200000;       ///< beyond these, partitions pause instead
        qint64 memoryHoldMaxBytes = 64ll << 20;
    };
    struct Control
    {
        std::atomic<bool> cancel{false};
        std::atomic<bool> pause{false};
    };
    using ProgressFn = std::function<void(const RelayProgress &)>;

    TransactionalRelay(Options options, RelayRouter &router, RelayJournal &journal);
    ~TransactionalRelay();
    TransactionalRelay(const TransactionalRelay &) = delete;
    TransactionalRelay &operator=(const TransactionalRelay &) = delete;

    /// Runs until every source reached its end (or, following, until cancelled). Returns the
    /// progress; an error when the relay could not go on (what was committed stays committed).
    Result<RelayProgress> run(Control *control = nullptr, const ProgressFn &progress = {});

    /// Test hooks, called with the transaction's number after its records were produced
    /// (before the offsets are sent) and after the offsets were sent (before the commit);
    /// returning true stops the run right there without committing or aborting, as a kill would.
    std::function<bool(int transaction)> killAfterProduceForTest;
    std::function<bool(int transaction)> killBeforeCommitForTest;
    /// Called after a transaction's records were produced and acknowledged; returning true
    /// aborts it as a failed produce would.
    std::function<bool(int transaction)> failAfterProduceForTest;
    /// Called before an abort; returning true makes that abort fail as a timeout would (the
    /// relay then starts its producer again).
    std::function<bool(int transaction)> abortTimesOutForTest;

private:
    struct State;
    enum class Step { Next, Held, Failed, Fatal };
    struct Message; ///< an owned librdkafka message
    /// One fetched record (or partition event): routed and produced, waits in memory, or its
    /// partition waits.
    Step handle(State &s, Message &msg, const TopicPartition &tp, QString *failure);
    /// Routes a record and produces what it becomes; the time it must wait for, if it must.
    std::optional<qint64> routeAndProduce(State &s, const RecordView &record, const TopicPartition &tp, qint64 offset,
                                          QString *failure);
    /// Records waiting in memory whose time came: routed again (and produced).
    bool releaseDue(State &s, qint64 now, QString *failure);
    qint64 committable(const State &s, const TopicPartition &tp) const;
    Status moveMarks(State &s);
    bool produce(State &s, const OutgoingRecord &o, const QByteArray &originValue, const TopicPartition &source,
                 qint64 sourceOffset, QString *failure);
    Status start(State &s);
    Status startProducer(State &s);
    Status restartProducer(State &s, const QString &why);
    Status reconcile(State &s);
    Status ensureMarks(State &s, const QString &topic);
    Result<bool> transaction(State &s, Control *control, const ProgressFn &progress);
    Status abortAndRewind(State &s, const QString &why);

    Options m_options;
    RelayRouter &m_router;
    RelayJournal &m_journal;
};

/// "topic/partition/offset", the value of a relayed record's origin header.
QByteArray relayOrigin(const QString &topic, int partition, qint64 offset);
/// Parses an origin header value; false when it is not one.
bool parseRelayOrigin(QByteArrayView value, QString *topic, int *partition, qint64 *offset);

} // namespace kops
