#pragma once

#include "connectionprofile.h"
#include "kafkaerror.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace kops {

/// librdkafka properties read from a file operators already have: a Java client properties file
/// (Kafka's tools take it as --command-config) or a librdkafka one (kcat's -F).
struct ClientConfigImport
{
    QList<QPair<QString, QString>> properties; ///< librdkafka names, in file order
    QStringList ignoredKeys;                   ///< Java keys with no librdkafka equivalent
};

/// Maps a Java client .properties text: security.protocol, sasl.mechanism, sasl.jaas.config
/// (user and password of PlainLoginModule / ScramLoginModule), PEM trust and key stores,
/// ssl.endpoint.identification.algorithm, bootstrap.servers, client.id. A JKS or PKCS12 store is
/// an error whose message gives the keytool/openssl commands that convert it to PEM.
Result<ClientConfigImport> mapJavaClientConfig(const QString &text, const QString &fileName = {});

/// A librdkafka properties text as kcat -F reads it: key=value lines, # comments.
Result<ClientConfigImport> parseLibrdkafkaConfig(const QString &text, const QString &fileName = {});

enum class ClientConfigKind { Java, Librdkafka };

/// Reads and maps the file; an unreadable file is an error naming it.
Result<ClientConfigImport> readClientConfigFile(const QString &path, ClientConfigKind kind);

/// Guesses the kind of a file from its keys (Java names such as sasl.jaas.config or
/// ssl.truststore.location versus librdkafka ones such as sasl.username or ssl.ca.location).
ClientConfigKind guessClientConfigKind(const QString &text);

/// A connection profile made from a Java or librdkafka client properties file (the kind is
/// guessed from its keys). The password, if the file has one, is returned apart: profiles never
/// hold it.
struct ImportedConnection
{
    ConnectionProfile profile;
    QString password;
    QStringList ignoredKeys;
};
Result<ImportedConnection> importConnection(const QString &path);

} // namespace kops
