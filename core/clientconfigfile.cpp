#include "clientconfigfile.h"

#include <QCoreApplication>

#include "profiles/propertiesfile.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace kops {

namespace {

KafkaError usage(const QString &message)
{
    return KafkaError::make(QStringLiteral("USAGE"), message);
}

QString where(const QString &fileName, int line)
{
    if (fileName.isEmpty())
        return QCoreApplication::translate("kops::Cluster", "line %1").arg(line);
    return QStringLiteral("%1:%2").arg(fileName).arg(line);
}

/// user and password from a PlainLoginModule / ScramLoginModule JAAS line.
Result<QPair<QString, QString>> jaasCredentials(const QString &jaas, const QString &at)
{
    if (!jaas.contains(QStringLiteral("PlainLoginModule")) && !jaas.contains(QStringLiteral("ScramLoginModule")))
        return usage(QCoreApplication::translate("kops::Cluster", "%1: sasl.jaas.config uses a login module kafka-ops cannot map (only PlainLoginModule "
                                    "and ScramLoginModule): %2")
                         .arg(at, jaas.section(QLatin1Char(' '), 0, 0)));
    static const QRegularExpression option(QStringLiteral(R"re((\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;"]+)))re"));
    QString user, password;
    bool haveUser = false, havePassword = false;
    for (auto it = option.globalMatch(jaas); it.hasNext();) {
        const auto m = it.next();
        QString value = m.captured(2).isNull() ? m.captured(3) : m.captured(2);
        value.replace(QLatin1String("\\\""), QLatin1String("\"")).replace(QLatin1String("\\\\"), QLatin1String("\\"));
        if (m.captured(1) == QLatin1String("username")) {
            user = value;
            haveUser = true;
        } else if (m.captured(1) == QLatin1String("password")) {
            password = value;
            havePassword = true;
        }
    }
    if (!haveUser || !havePassword)
        return usage(QCoreApplication::translate("kops::Cluster", "%1: sasl.jaas.config has no username=\"...\" password=\"...\".").arg(at));
    return QPair<QString, QString>{user, password};
}

QString convertHint(const QString &store, const QString &location, const QString &type)
{
    const QString pem = location.section(QLatin1Char('/'), -1).section(QLatin1Char('.'), 0, 0) + QStringLiteral(".pem");
    if (store == QLatin1String("truststore"))
        return QCoreApplication::translate("kops::Cluster", "ssl.truststore.location '%1' is a %2 store; librdkafka reads PEM. Convert it and set "
                   "ssl.truststore.type=PEM with the new file:\n"
                   "  keytool -importkeystore -srckeystore %1 -srcstoretype %2 -destkeystore truststore.p12 -deststoretype PKCS12\n"
                   "  openssl pkcs12 -in truststore.p12 -nokeys -out %3")
            .arg(location, type, pem);
    return QCoreApplication::translate("kops::Cluster", "ssl.keystore.location '%1' is a %2 store; librdkafka reads PEM. Convert it and set "
                          "ssl.keystore.type=PEM with the new file (key and certificate in one PEM):\n"
                          "%4"
                          "  openssl pkcs12 -in %5 -nodes -out %3")
        .arg(location, type, pem,
             type == QLatin1String("PKCS12")
                 ? QString()
                 : QStringLiteral("  keytool -importkeystore -srckeystore %1 -srcstoretype %2 -destkeystore keystore.p12 "
                                  "-deststoretype PKCS12\n")
                       .arg(location, type),
             type == QLatin1String("PKCS12") ? location : QStringLiteral("keystore.p12"));
}

} // namespace

Result<ClientConfigImport> mapJavaClientConfig(const QString &text, const QString &fileName)
{
    const PropertiesFile file = PropertiesFile::parse(text);
    for (const ParseIssue &issue : file.issues)
        if (!issue.minor)
            return usage(QStringLiteral("%1: %2").arg(where(fileName, issue.line), issue.message));
    const QMap<QString, QString> map = file.toMap();
    auto at = [&](const QString &key) { return where(fileName, file.lineOf(key)); };
    ClientConfigImport out;
    auto add = [&](const QString &key, const QString &value) { out.properties.append({key, value}); };

    static const QStringList passThrough = {QStringLiteral("bootstrap.servers"), QStringLiteral("client.id"),
                                            QStringLiteral("security.protocol")};
    QStringList handled = passThrough;
    for (const QString &key : passThrough)
        if (map.contains(key))
            add(key, key == QLatin1String("security.protocol") ? map.value(key).trimmed().toLower() : map.value(key).trimmed());
    if (map.contains(QStringLiteral("sasl.mechanism")))
        add(QStringLiteral("sasl.mechanisms"), map.value(QStringLiteral("sasl.mechanism")).trimmed());
    handled << QStringLiteral("sasl.mechanism") << QStringLiteral("sasl.jaas.config");
    if (map.contains(QStringLiteral("sasl.jaas.config"))) {
        auto creds = jaasCredentials(map.value(QStringLiteral("sasl.jaas.config")), at(QStringLiteral("sasl.jaas.config")));
        if (!creds)
            return creds.error();
        add(QStringLiteral("sasl.username"), creds.value().first);
        add(QStringLiteral("sasl.password"), creds.value().second);
    }

    for (const QString &store : {QStringLiteral("truststore"), QStringLiteral("keystore")}) {
        const QString prefix = QStringLiteral("ssl.%1.").arg(store);
        const QString location = map.value(prefix + QStringLiteral("location")).trimmed();
        const QString type = map.value(prefix + QStringLiteral("type"), QStringLiteral("JKS")).trimmed().toUpper();
        handled << prefix + QStringLiteral("location") << prefix + QStringLiteral("type") << prefix + QStringLiteral("password");
        if (!location.isEmpty() && type != QLatin1String("PEM"))
            return usage(QStringLiteral("%1: %2").arg(at(prefix + QStringLiteral("location")), convertHint(store, location, type)));
        if (store == QLatin1String("truststore")) {
            handled << QStringLiteral("ssl.truststore.certificates");
            if (!location.isEmpty())
                add(QStringLiteral("ssl.ca.location"), location);
            if (map.contains(QStringLiteral("ssl.truststore.certificates")))
                add(QStringLiteral("ssl.ca.pem"), map.value(QStringLiteral("ssl.truststore.certificates")));
        } else {
            handled << QStringLiteral("ssl.keystore.key") << QStringLiteral("ssl.keystore.certificate.chain")
                    << QStringLiteral("ssl.key.password");
            // A PEM key store holds the private key and the certificate chain in one file.
            if (!location.isEmpty()) {
                add(QStringLiteral("ssl.certificate.location"), location);
                add(QStringLiteral("ssl.key.location"), location);
            }
            if (map.contains(QStringLiteral("ssl.keystore.key")))
                add(QStringLiteral("ssl.key.pem"), map.value(QStringLiteral("ssl.keystore.key")));
            if (map.contains(QStringLiteral("ssl.keystore.certificate.chain")))
                add(QStringLiteral("ssl.certificate.pem"), map.value(QStringLiteral("ssl.keystore.certificate.chain")));
            if (map.contains(QStringLiteral("ssl.key.password")))
                add(QStringLiteral("ssl.key.password"), map.value(QStringLiteral("ssl.key.password")));
        }
    }
    handled << QStringLiteral("ssl.endpoint.identification.algorithm");
    if (map.contains(QStringLiteral("ssl.endpoint.identification.algorithm"))) {
        const QString algorithm = map.value(QStringLiteral("ssl.endpoint.identification.algorithm")).trimmed().toLower();
        add(QStringLiteral("ssl.endpoint.identification.algorithm"), algorithm.isEmpty() ? QStringLiteral("none") : algorithm);
    }
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        if (!handled.contains(it.key()))
            out.ignoredKeys.append(it.key());
    return out;
}

Result<ClientConfigImport> parseLibrdkafkaConfig(const QString &text, const QString &fileName)
{
    ClientConfigImport out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(QCoreApplication::translate("kops::Cluster", "%1: expected key=value, got '%2'.").arg(where(fileName, int(i + 1)), line));
        out.properties.append({line.left(eq).trimmed(), line.mid(eq + 1).trimmed()});
    }
    return out;
}

Result<ClientConfigImport> readClientConfigFile(const QString &path, ClientConfigKind kind)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return usage(QCoreApplication::translate("kops::Cluster", "Cannot read '%1': %2.").arg(path, f.errorString()));
    const QString text = QString::fromUtf8(f.readAll());
    return kind == ClientConfigKind::Java ? mapJavaClientConfig(text, path) : parseLibrdkafkaConfig(text, path);
}

ClientConfigKind guessClientConfigKind(const QString &text)
{
    static const QRegularExpression javaKeys(
        QStringLiteral(R"re(^\s*(sasl\.jaas\.config|ssl\.truststore\.|ssl\.keystore\.|sasl\.mechanism\s*[=:]))re"),
        QRegularExpression::MultilineOption);
    return javaKeys.match(text).hasMatch() ? ClientConfigKind::Java : ClientConfigKind::Librdkafka;
}

Result<ImportedConnection> importConnection(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return usage(QCoreApplication::translate("kops::Cluster", "Cannot read '%1': %2.").arg(path, f.errorString()));
    const QString text = QString::fromUtf8(f.readAll());
    auto mapped = guessClientConfigKind(text) == ClientConfigKind::Java ? mapJavaClientConfig(text, path)
                                                                        : parseLibrdkafkaConfig(text, path);
    if (!mapped)
        return mapped.error();
    ImportedConnection out;
    out.ignoredKeys = mapped.value().ignoredKeys;
    ConnectionProfile &p = out.profile;
    p.name = QFileInfo(path).completeBaseName();
    for (const auto &[key, value] : mapped.value().properties) {
        if (key == QLatin1String("bootstrap.servers"))
            p.bootstrapServers = value;
        else if (key == QLatin1String("security.protocol"))
            p.securityProtocol = value.toUpper();
        else if (key == QLatin1String("sasl.mechanisms") || key == QLatin1String("sasl.mechanism"))
            p.saslMechanism = value.toUpper();
        else if (key == QLatin1String("sasl.username"))
            p.saslUsername = value;
        else if (key == QLatin1String("sasl.password"))
            out.password = value;
        else if (key == QLatin1String("ssl.ca.location"))
            p.caLocation = value;
        else if (key == QLatin1String("ssl.certificate.location"))
            p.certificateLocation = value;
        else if (key == QLatin1String("ssl.key.location"))
            p.keyLocation = value;
        else
            p.extraProperties.append({key, value});
    }
    return out;
}

} // namespace kops
