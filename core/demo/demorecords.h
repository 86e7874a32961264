#pragma once

#include "clustertypes.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

struct rd_kafka_s;

namespace kops::demo {

/// The demo's topics with their partition counts, and its groups with their topics.
QList<QPair<QString, int>> demoTopics();
QList<QPair<QString, QStringList>> demoGroups();

QList<ConfigEntry> topicConfigEntries(const QHash<QString, QString> &overrides);
QList<ConfigEntry> brokerConfigEntries(const QString &brokerId);

struct SeededRecords
{
    QList<OutgoingRecord> records; ///< with partitions and timestamps set
    QHash<TopicPartition, QList<qint64>> timestamps; ///< per partition, in offset order
};

/// Makes the demo's records: keyed JSON orders and payments with a few headers, dead
/// letters with Spring Kafka and Kafka Connect headers, and the odd binary value, null
/// key and large value. Deterministic for a seed.
class RecordFactory final
{
public:
    explicit RecordFactory(quint32 seed) : m_rng(seed) {}

    /// A day of orders and payments up to now (rates follow the time of day) and the dead
    /// letters of that day.
    SeededRecords seedDay(qint64 nowMs, const QHash<QString, int> &partitions);
    /// One tick of live traffic; returns how many records went to each topic.
    QHash<QString, int> produceLive(rd_kafka_s *producer, qint64 nowMs, double secondsSinceStart,
                                    const QHash<QString, int> &partitions, qint64 tick);
    /// Average records per second produced live to a topic.
    static double averageRate(const QString &topic);

private:
    OutgoingRecord order(qint64 atMs, int partitions);
    OutgoingRecord payment(qint64 atMs, int partitions);
    OutgoingRecord deadLetter(const OutgoingRecord &original, qint64 originalOffset, qint64 atMs);
    OutgoingRecord connectDeadLetter(const OutgoingRecord &original, qint64 originalOffset, qint64 atMs);

    QRandomGenerator m_rng;
    qint64 m_orderSeq = 100000;
    qint64 m_paymentSeq = 500000;
};

/// Produces one record (copied) with its partition, timestamp and headers.
void produceRecord(rd_kafka_s *producer, const OutgoingRecord &record);
/// Takes up to budget records from a consumer's queue and commits past them (asynchronously).
int consume(rd_kafka_s *consumer, int budget);
/// A consumer that processes half of what arrives on each partition: it fetches every record
/// but commits, per partition, its start plus half of what arrived since (its backlog stays),
/// so its lag grows on every partition whenever records are produced (Burrow's WARN).
class HalfSpeedConsumer final
{
public:
    void consume(rd_kafka_s *consumer);
    void reset() { m_partitions.clear(); }

private:
    struct Partition
    {
        qint64 start = -1;  ///< first offset fetched since the consumer started
        qint64 fetched = -1; ///< next offset after the last fetched
        qint64 arrivedBefore = -1; ///< the log end when it started
        qint64 committed = -1;
    };
    QHash<TopicPartition, Partition> m_partitions;
};

/// Moves a consumer back by count records on each partition and commits there (an operator's rewind).
void rewind(rd_kafka_s *consumer, qint64 count);

} // namespace kops::demo
