#pragma once

#include <QList>
#include <QPair>
#include <QString>

struct rd_kafka_s;
struct rd_kafka_mock_cluster_s;

namespace kops::test {

/// librdkafka's embedded mock cluster (a real Kafka-protocol server on loopback),
/// for produce/fetch/commit/watermark paths and fault injection.
class MockCluster final
{
public:
    explicit MockCluster(int brokers = 1);
    ~MockCluster();
    MockCluster(const MockCluster &) = delete;
    MockCluster &operator=(const MockCluster &) = delete;

    QString bootstrapServers() const;
    QList<QPair<QString, QString>> clientProperties() const;
    void createTopic(const QString &topic, int partitions, int replicationFactor = 1);
    void setBrokerDown(int brokerId, bool down);
    /// Produces count records with values "<prefix>-<i>" to a partition (through a producer on the mock).
    void produce(const QString &topic, int partition, int count, const QString &prefix = QStringLiteral("m"));
    /// Commits an offset for a group (the mock handles OffsetCommit).
    void commit(const QString &group, const QString &topic, int partition, qint64 offset);

    rd_kafka_mock_cluster_s *handle() const { return m_mcluster; }

private:
    rd_kafka_s *m_rk = nullptr;
    rd_kafka_mock_cluster_s *m_mcluster = nullptr;
};

} // namespace kops::test
