#include "errortext.h"

#include <QHash>

namespace kops {

QString explainKafkaError(const QString &codeName, const QString &fallback)
{
    static const QHash<QString, QString> sentences{
        {QStringLiteral("_TRANSPORT"), QStringLiteral("The broker could not be reached or closed the connection.")},
        {QStringLiteral("_ALL_BROKERS_DOWN"), QStringLiteral("None of the brokers can be reached.")},
        {QStringLiteral("_TIMED_OUT"), QStringLiteral("The cluster did not answer in time.")},
        {QStringLiteral("_AUTHENTICATION"),
         QStringLiteral("Authentication failed: check the user name, password and SASL mechanism.")},
        {QStringLiteral("_SSL"), QStringLiteral("The TLS handshake failed: check the CA, certificate and key.")},
        {QStringLiteral("_RESOLVE"), QStringLiteral("The broker host name could not be resolved.")},
        {QStringLiteral("_INVALID_ARG"), QStringLiteral("An argument was rejected by the Kafka client.")},
        {QStringLiteral("_UNKNOWN_PARTITION"), QStringLiteral("The partition does not exist.")},
        {QStringLiteral("_UNKNOWN_TOPIC"), QStringLiteral("The topic does not exist.")},
        {QStringLiteral("_UNSUPPORTED_FEATURE"), QStringLiteral("The broker does not support this operation.")},
        {QStringLiteral("_FATAL"), QStringLiteral("The Kafka client hit a fatal error and will reconnect.")},
        {QStringLiteral("UNKNOWN_TOPIC_OR_PART"), QStringLiteral("The topic or partition does not exist.")},
        {QStringLiteral("LEADER_NOT_AVAILABLE"), QStringLiteral("The partition has no leader right now.")},
        {QStringLiteral("NOT_LEADER_FOR_PARTITION"), QStringLiteral("The broker asked is no longer the leader.")},
        {QStringLiteral("NOT_COORDINATOR"), QStringLiteral("The group coordinator moved; try again.")},
        {QStringLiteral("COORDINATOR_NOT_AVAILABLE"), QStringLiteral("The group coordinator is not available.")},
        {QStringLiteral("COORDINATOR_LOAD_IN_PROGRESS"), QStringLiteral("The group coordinator is still loading.")},
        {QStringLiteral("GROUP_ID_NOT_FOUND"), QStringLiteral("The consumer group does not exist.")},
        {QStringLiteral("NON_EMPTY_GROUP"), QStringLiteral("The consumer group still has active members.")},
        {QStringLiteral("UNKNOWN_MEMBER_ID"),
         QStringLiteral("The group has active members; stop its consumers before changing offsets.")},
        {QStringLiteral("REBALANCE_IN_PROGRESS"), QStringLiteral("The group is rebalancing; try again shortly.")},
        {QStringLiteral("GROUP_AUTHORIZATION_FAILED"), QStringLiteral("Not authorized to access this consumer group.")},
        {QStringLiteral("TOPIC_AUTHORIZATION_FAILED"), QStringLiteral("Not authorized to access this topic.")},
        {QStringLiteral("CLUSTER_AUTHORIZATION_FAILED"), QStringLiteral("Not authorized for this cluster operation.")},
        {QStringLiteral("TOPIC_ALREADY_EXISTS"), QStringLiteral("A topic with this name already exists.")},
        {QStringLiteral("INVALID_REPLICATION_FACTOR"),
         QStringLiteral("The replication factor is larger than the number of brokers.")},
        {QStringLiteral("INVALID_PARTITIONS"), QStringLiteral("The number of partitions is not valid.")},
        {QStringLiteral("INVALID_TOPIC_EXCEPTION"), QStringLiteral("The topic name is not valid.")},
        {QStringLiteral("INVALID_CONFIG"), QStringLiteral("A configuration value was rejected by the broker.")},
        {QStringLiteral("POLICY_VIOLATION"), QStringLiteral("The broker's policy rejected the request.")},
        {QStringLiteral("OFFSET_OUT_OF_RANGE"), QStringLiteral("The offset is outside the partition's range.")},
        {QStringLiteral("MSG_SIZE_TOO_LARGE"), QStringLiteral("The message is larger than the broker accepts.")},
        {QStringLiteral("SASL_AUTHENTICATION_FAILED"),
         QStringLiteral("Authentication failed: check the user name, password and SASL mechanism.")},
        {QStringLiteral("UNSUPPORTED_SASL_MECHANISM"), QStringLiteral("The broker does not offer this SASL mechanism.")},
        {QStringLiteral("ILLEGAL_SASL_STATE"), QStringLiteral("The SASL handshake failed.")},
        {QStringLiteral("NOT_ENOUGH_REPLICAS"), QStringLiteral("Fewer in-sync replicas than min.insync.replicas.")},
        {QStringLiteral("REQUEST_TIMED_OUT"), QStringLiteral("The broker timed out handling the request.")},
    };
    const auto it = sentences.constFind(codeName);
    if (it != sentences.constEnd())
        return it.value();
    if (!fallback.isEmpty())
        return fallback.endsWith(QLatin1Char('.')) ? fallback : fallback + QLatin1Char('.');
    return QStringLiteral("Kafka reported %1.").arg(codeName);
}

} // namespace kops
