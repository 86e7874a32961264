#include "connectionprofile.h"

#include <QCoreApplication>

#include <QJsonArray>

namespace kops {

const QStringList &ConnectionProfile::securityProtocols()
{
    static const QStringList list{QStringLiteral("PLAINTEXT"), QStringLiteral("SSL"), QStringLiteral("SASL_PLAINTEXT"),
                                  QStringLiteral("SASL_SSL")};
    return list;
}

const QStringList &ConnectionProfile::saslMechanisms()
{
    static const QStringList list{QStringLiteral("PLAIN"), QStringLiteral("SCRAM-SHA-256"),
                                  QStringLiteral("SCRAM-SHA-512")};
    return list;
}

QStringList ConnectionProfile::validate() const
{
    QStringList problems;
    if (name.trimmed().isEmpty())
        problems << QCoreApplication::translate("kops::Cluster", "The connection needs a name.");
    if (bootstrapServers.trimmed().isEmpty()) {
        problems << QCoreApplication::translate("kops::Cluster", "Bootstrap servers are missing (host:port, comma separated).");
    } else {
        const QStringList servers = bootstrapServers.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &s : servers) {
            const QString server = s.trimmed();
            const int colon = server.lastIndexOf(QLatin1Char(':'));
            bool portOk = false;
            const int port = colon > 0 ? server.mid(colon + 1).toInt(&portOk) : 0;
            if (colon <= 0 || !portOk || port <= 0 || port > 65535)
                problems << QCoreApplication::translate("kops::Cluster", "'%1' is not host:port.").arg(server);
        }
    }
    if (!securityProtocols().contains(securityProtocol))
        problems << QCoreApplication::translate("kops::Cluster", "Unknown security protocol '%1'.").arg(securityProtocol);
    if (usesSasl() && !saslMechanisms().contains(saslMechanism))
        problems << QCoreApplication::translate("kops::Cluster", "Unknown SASL mechanism '%1'.").arg(saslMechanism);
    if (usesSasl() && saslUsername.trimmed().isEmpty())
        problems << QCoreApplication::translate("kops::Cluster", "SASL needs a user name.");
    if (sampleIntervalSeconds < 1)
        problems << QCoreApplication::translate("kops::Cluster", "The sampling interval must be at least one second.");
    return problems;
}

QList<QPair<QString, QString>> ConnectionProfile::clientProperties(const QString &password) const
{
    QList<QPair<QString, QString>> props;
    props.append({QStringLiteral("bootstrap.servers"), bootstrapServers.trimmed()});
    props.append({QStringLiteral("security.protocol"), securityProtocol.toLower()});
    if (usesSasl()) {
        props.append({QStringLiteral("sasl.mechanism"), saslMechanism});
        props.append({QStringLiteral("sasl.username"), saslUsername});
        if (!password.isEmpty())
            props.append({QStringLiteral("sasl.password"), password});
    }
    if (usesSsl()) {
        if (!caLocation.isEmpty())
            props.append({QStringLiteral("ssl.ca.location"), caLocation});
        if (!certificateLocation.isEmpty())
            props.append({QStringLiteral("ssl.certificate.location"), certificateLocation});
        if (!keyLocation.isEmpty())
            props.append({QStringLiteral("ssl.key.location"), keyLocation});
    }
    props.append(extraProperties);
    return props;
}

QJsonObject ConnectionProfile::toJson() const
{
    QJsonArray extra;
    for (const auto &kv : extraProperties) {
        // Secrets given as extra properties would land in plain text: keep them out.
        if (kv.first.contains(QLatin1String("password")) || kv.first.contains(QLatin1String("secret")))
            continue;
        extra.append(QJsonObject{{QStringLiteral("key"), kv.first}, {QStringLiteral("value"), kv.second}});
    }
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("bootstrapServers"), bootstrapServers},
        {QStringLiteral("securityProtocol"), securityProtocol},
        {QStringLiteral("saslMechanism"), saslMechanism},
        {QStringLiteral("saslUsername"), saslUsername},
        {QStringLiteral("caLocation"), caLocation},
        {QStringLiteral("certificateLocation"), certificateLocation},
        {QStringLiteral("keyLocation"), keyLocation},
        {QStringLiteral("extraProperties"), extra},
        {QStringLiteral("readOnly"), readOnly},
        {QStringLiteral("sampleIntervalSeconds"), sampleIntervalSeconds},
    };
}

ConnectionProfile ConnectionProfile::fromJson(const QJsonObject &o)
{
    ConnectionProfile p;
    p.name = o.value(QStringLiteral("name")).toString();
    p.bootstrapServers = o.value(QStringLiteral("bootstrapServers")).toString();
    p.securityProtocol = o.value(QStringLiteral("securityProtocol")).toString(QStringLiteral("PLAINTEXT"));
    p.saslMechanism = o.value(QStringLiteral("saslMechanism")).toString(QStringLiteral("PLAIN"));
    p.saslUsername = o.value(QStringLiteral("saslUsername")).toString();
    p.caLocation = o.value(QStringLiteral("caLocation")).toString();
    p.certificateLocation = o.value(QStringLiteral("certificateLocation")).toString();
    p.keyLocation = o.value(QStringLiteral("keyLocation")).toString();
    const QJsonArray extra = o.value(QStringLiteral("extraProperties")).toArray();
    for (const QJsonValue &v : extra) {
        const QJsonObject kv = v.toObject();
        p.extraProperties.append({kv.value(QStringLiteral("key")).toString(), kv.value(QStringLiteral("value")).toString()});
    }
    p.readOnly = o.value(QStringLiteral("readOnly")).toBool(false);
    p.sampleIntervalSeconds = o.value(QStringLiteral("sampleIntervalSeconds")).toInt(10);
    return p;
}

bool parseProperty(const QString &text, QPair<QString, QString> *out)
{
    const int eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return false;
    const QString key = text.left(eq).trimmed();
    if (key.isEmpty() || key.contains(QLatin1Char(' ')))
        return false;
    *out = {key, text.mid(eq + 1).trimmed()};
    return true;
}

} // namespace kops
