#include "mockcluster.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <QByteArray>

#include <stdexcept>

namespace kops::test {

MockCluster::MockCluster(int brokers)
{
    char errstr[256];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof errstr);
    m_rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!m_rk)
        throw std::runtime_error(errstr);
    m_mcluster = rd_kafka_mock_cluster_new(m_rk, brokers);
    if (!m_mcluster)
        throw std::runtime_error("cannot create mock cluster");
}

MockCluster::~MockCluster()
{
    rd_kafka_mock_cluster_destroy(m_mcluster);
    rd_kafka_destroy(m_rk);
}

QString MockCluster::bootstrapServers() const
{
    return QString::fromUtf8(rd_kafka_mock_cluster_bootstraps(m_mcluster));
}

QList<QPair<QString, QString>> MockCluster::clientProperties() const
{
    return {{QStringLiteral("bootstrap.servers"), bootstrapServers()}};
}

void MockCluster::createTopic(const QString &topic, int partitions, int replicationFactor)
{
    rd_kafka_mock_topic_create(m_mcluster, topic.toUtf8().constData(), partitions, replicationFactor);
}

void MockCluster::setBrokerDown(int brokerId, bool down)
{
    if (down)
        rd_kafka_mock_broker_set_down(m_mcluster, brokerId);
    else
        rd_kafka_mock_broker_set_up(m_mcluster, brokerId);
}

void MockCluster::produce(const QString &topic, int partition, int count, const QString &prefix)
{
    char errstr[256];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrapServers().toUtf8().constData(), errstr, sizeof errstr);
    rd_kafka_conf_set(conf, "linger.ms", "1", errstr, sizeof errstr);
    rd_kafka_t *p = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    const QByteArray t = topic.toUtf8();
    for (int i = 0; i < count; ++i) {
        const QByteArray v = QStringLiteral("%1-%2").arg(prefix).arg(i).toUtf8();
        rd_kafka_vu_t vus[4];
        vus[0].vtype = RD_KAFKA_VTYPE_TOPIC;
        vus[0].u.cstr = t.constData();
        vus[1].vtype = RD_KAFKA_VTYPE_PARTITION;
        vus[1].u.i32 = partition;
        vus[2].vtype = RD_KAFKA_VTYPE_VALUE;
        vus[2].u.mem.ptr = const_cast<char *>(v.constData());
        vus[2].u.mem.size = size_t(v.size());
        vus[3].vtype = RD_KAFKA_VTYPE_MSGFLAGS;
        vus[3].u.i = RD_KAFKA_MSG_F_COPY;
        if (rd_kafka_error_t *e = rd_kafka_produceva(p, vus, 4))
            rd_kafka_error_destroy(e);
        rd_kafka_poll(p, 0);
    }
    rd_kafka_flush(p, 10000);
    rd_kafka_destroy(p);
}

void MockCluster::commit(const QString &group, const QString &topic, int partition, qint64 offset)
{
    char errstr[256];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrapServers().toUtf8().constData(), errstr, sizeof errstr);
    rd_kafka_conf_set(conf, "group.id", group.toUtf8().constData(), errstr, sizeof errstr);
    rd_kafka_conf_set(conf, "enable.auto.commit", "false", errstr, sizeof errstr);
    rd_kafka_t *c = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(list, topic.toUtf8().constData(), partition)->offset = offset;
    rd_kafka_commit(c, list, 0);
    rd_kafka_topic_partition_list_destroy(list);
    rd_kafka_consumer_close(c);
    rd_kafka_destroy(c);
}

} // namespace kops::test
