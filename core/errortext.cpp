#include "errortext.h"

#include <QCoreApplication>
#include <QHash>

namespace kops {

QString explainKafkaError(const QString &codeName, const QString &fallback)
{
    static const QHash<QString, const char *> sentences{
        {QStringLiteral("_TRANSPORT"), QT_TRANSLATE_NOOP("kops::KafkaError", "The broker could not be reached or closed the connection.")},
        {QStringLiteral("_ALL_BROKERS_DOWN"), QT_TRANSLATE_NOOP("kops::KafkaError", "None of the brokers can be reached.")},
        {QStringLiteral("_TIMED_OUT"), QT_TRANSLATE_NOOP("kops::KafkaError", "The cluster did not answer in time.")},
        {QStringLiteral("_AUTHENTICATION"),
         QT_TRANSLATE_NOOP("kops::KafkaError", "Authentication failed: check the user name, password and SASL mechanism.")},
        {QStringLiteral("_SSL"), QT_TRANSLATE_NOOP("kops::KafkaError", "The TLS handshake failed: check the CA, certificate and key.")},
        {QStringLiteral("_RESOLVE"), QT_TRANSLATE_NOOP("kops::KafkaError", "The broker host name could not be resolved.")},
        {QStringLiteral("_INVALID_ARG"), QT_TRANSLATE_NOOP("kops::KafkaError", "An argument was rejected by the Kafka client.")},
        {QStringLiteral("_UNKNOWN_PARTITION"), QT_TRANSLATE_NOOP("kops::KafkaError", "The partition does not exist.")},
        {QStringLiteral("_UNKNOWN_TOPIC"), QT_TRANSLATE_NOOP("kops::KafkaError", "The topic does not exist.")},
        {QStringLiteral("_UNSUPPORTED_FEATURE"), QT_TRANSLATE_NOOP("kops::KafkaError", "The broker does not support this operation.")},
        {QStringLiteral("_FATAL"), QT_TRANSLATE_NOOP("kops::KafkaError", "The Kafka client hit a fatal error and will reconnect.")},
        {QStringLiteral("UNKNOWN_TOPIC_OR_PART"), QT_TRANSLATE_NOOP("kops::KafkaError", "The topic or partition does not exist.")},
        {QStringLiteral("LEADER_NOT_AVAILABLE"), QT_TRANSLATE_NOOP("kops::KafkaError", "The partition has no leader right now.")},
        {QStringLiteral("NOT_LEADER_FOR_PARTITION"), QT_TRANSLATE_NOOP("kops::KafkaError", "The broker asked is no longer the leader.")},
        {QStringLiteral("NOT_COORDINATOR"), QT_TRANSLATE_NOOP("kops::KafkaError", "The group coordinator moved; try again.")},
        {QStringLiteral("COORDINATOR_NOT_AVAILABLE"), QT_TRANSLATE_NOOP("kops::KafkaError", "The group coordinator is not available.")},
        {QStringLiteral("COORDINATOR_LOAD_IN_PROGRESS"), QT_TRANSLATE_NOOP("kops::KafkaError", "The group coordinator is still loading.")},
        {QStringLiteral("GROUP_ID_NOT_FOUND"), QT_TRANSLATE_NOOP("kops::KafkaError", "The consumer group does not exist.")},
        {QStringLiteral("NON_EMPTY_GROUP"), QT_TRANSLATE_NOOP("kops::KafkaError", "The consumer group still has active members.")},
        {QStringLiteral("UNKNOWN_MEMBER_ID"),
         QT_TRANSLATE_NOOP("kops::KafkaError", "The group has active members; stop its consumers before changing offsets.")},
        {QStringLiteral("REBALANCE_IN_PROGRESS"), QT_TRANSLATE_NOOP("kops::KafkaError", "The group is rebalancing; try again shortly.")},
        {QStringLiteral("GROUP_AUTHORIZATION_FAILED"), QT_TRANSLATE_NOOP("kops::KafkaError", "Not authorized to access this consumer group.")},
        {QStringLiteral("TOPIC_AUTHORIZATION_FAILED"), QT_TRANSLATE_NOOP("kops::KafkaError", "Not authorized to access this topic.")},
        {QStringLiteral("CLUSTER_AUTHORIZATION_FAILED"), QT_TRANSLATE_NOOP("kops::KafkaError", "Not authorized for this cluster operation.")},
        {QStringLiteral("TOPIC_ALREADY_EXISTS"), QT_TRANSLATE_NOOP("kops::KafkaError", "A topic with this name already exists.")},
        {QStringLiteral("INVALID_REPLICATION_FACTOR"),
         QT_TRANSLATE_NOOP("kops::KafkaError", "The replication factor is larger than the number of brokers.")},
        {QStringLiteral("INVALID_PARTITIONS"), QT_TRANSLATE_NOOP("kops::KafkaError", "The number of partitions is not valid.")},
        {QStringLiteral("INVALID_TOPIC_EXCEPTION"), QT_TRANSLATE_NOOP("kops::KafkaError", "The topic name is not valid.")},
        {QStringLiteral("INVALID_CONFIG"), QT_TRANSLATE_NOOP("kops::KafkaError", "A configuration value was rejected by the broker.")},
        {QStringLiteral("POLICY_VIOLATION"), QT_TRANSLATE_NOOP("kops::KafkaError", "The broker's policy rejected the request.")},
        {QStringLiteral("OFFSET_OUT_OF_RANGE"), QT_TRANSLATE_NOOP("kops::KafkaError", "The offset is outside the partition's range.")},
        {QStringLiteral("MSG_SIZE_TOO_LARGE"), QT_TRANSLATE_NOOP("kops::KafkaError", "The message is larger than the broker accepts.")},
        {QStringLiteral("SASL_AUTHENTICATION_FAILED"),
         QT_TRANSLATE_NOOP("kops::KafkaError", "Authentication failed: check the user name, password and SASL mechanism.")},
        {QStringLiteral("UNSUPPORTED_SASL_MECHANISM"), QT_TRANSLATE_NOOP("kops::KafkaError", "The broker does not offer this SASL mechanism.")},
        {QStringLiteral("ILLEGAL_SASL_STATE"), QT_TRANSLATE_NOOP("kops::KafkaError", "The SASL handshake failed.")},
        {QStringLiteral("NOT_ENOUGH_REPLICAS"), QT_TRANSLATE_NOOP("kops::KafkaError", "Fewer in-sync replicas than min.insync.replicas.")},
        {QStringLiteral("REQUEST_TIMED_OUT"), QT_TRANSLATE_NOOP("kops::KafkaError", "The broker timed out handling the request.")},
    };
    const auto it = sentences.constFind(codeName);
    if (it != sentences.constEnd())
        return QCoreApplication::translate("kops::KafkaError", it.value());
    if (!fallback.isEmpty())
        return fallback.endsWith(QLatin1Char('.')) ? fallback : fallback + QLatin1Char('.');
    return QCoreApplication::translate("kops::KafkaError", "Kafka reported %1.").arg(codeName);
}

} // namespace kops
