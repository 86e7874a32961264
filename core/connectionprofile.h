#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

namespace kops {

/// How to reach one cluster. Never holds the password: that lives in the keychain.
struct ConnectionProfile
{
    QString name;
    QString bootstrapServers;
    QString securityProtocol = QStringLiteral("PLAINTEXT"); ///< PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL
    QString saslMechanism = QStringLiteral("PLAIN");        ///< PLAIN, SCRAM-SHA-256, SCRAM-SHA-512
    QString saslUsername;
    QString caLocation;
    QString certificateLocation;
    QString keyLocation;
    QList<QPair<QString, QString>> extraProperties; ///< librdkafka properties passed through
    bool readOnly = false;
    int sampleIntervalSeconds = 10;

    static const QStringList &securityProtocols();
    static const QStringList &saslMechanisms();

    bool usesSasl() const { return securityProtocol.startsWith(QLatin1String("SASL")); }
    bool usesSsl() const { return securityProtocol.endsWith(QLatin1String("SSL")); }

    /// Empty when valid, otherwise sentences naming each problem.
    QStringList validate() const;

    /// librdkafka configuration for this profile; the password is only added when SASL is used.
    QList<QPair<QString, QString>> clientProperties(const QString &password = {}) const;

    QJsonObject toJson() const;
    static ConnectionProfile fromJson(const QJsonObject &o);
};

/// Parses "key=value" (as given to -X or typed in the editor). Returns false on a malformed line.
bool parseProperty(const QString &text, QPair<QString, QString> *out);

} // namespace kops

Q_DECLARE_METATYPE(kops::ConnectionProfile)
