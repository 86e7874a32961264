#include "configprofile.h"

#include <QCoreApplication>

#include <QJsonValue>

namespace kops {

QString profileTypeName(ProfileType type)
{
    switch (type) {
    case ProfileType::Producer: return QStringLiteral("producer");
    case ProfileType::Consumer: return QStringLiteral("consumer");
    case ProfileType::Topic: return QStringLiteral("topic");
    case ProfileType::Jvm: return QStringLiteral("jvm");
    }
    return {};
}

QString profileIntentName(ProfileIntent intent)
{
    switch (intent) {
    case ProfileIntent::Throughput: return QStringLiteral("throughput");
    case ProfileIntent::NoLoss: return QStringLiteral("no-loss");
    case ProfileIntent::Ordered: return QStringLiteral("ordered");
    }
    return {};
}

QList<ProfileType> allProfileTypes()
{
    return {ProfileType::Producer, ProfileType::Consumer, ProfileType::Topic, ProfileType::Jvm};
}

QList<ProfileIntent> allProfileIntents()
{
    return {ProfileIntent::Throughput, ProfileIntent::NoLoss, ProfileIntent::Ordered};
}

std::optional<ProfileType> profileTypeFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    for (ProfileType t : allProfileTypes())
        if (profileTypeName(t) == n)
            return t;
    if (n == QLatin1String("broker-jvm") || n == QLatin1String("broker"))
        return ProfileType::Jvm;
    return std::nullopt;
}

std::optional<ProfileIntent> profileIntentFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    for (ProfileIntent i : allProfileIntents())
        if (profileIntentName(i) == n)
            return i;
    if (n == QLatin1String("noloss") || n == QLatin1String("no_loss"))
        return ProfileIntent::NoLoss;
    return std::nullopt;
}

std::optional<QString> ConfigProfile::value(const QString &key) const
{
    auto it = settings.constFind(key);
    if (it == settings.cend())
        return std::nullopt;
    return it.value();
}

QJsonObject ConfigProfile::toJson() const
{
    QJsonObject s;
    for (auto it = settings.cbegin(); it != settings.cend(); ++it)
        s.insert(it.key(), it.value());
    QJsonObject o{{QStringLiteral("version"), 1},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("type"), profileTypeName(type)},
                  {QStringLiteral("intent"), profileIntentName(intent)},
                  {QStringLiteral("settings"), s}};
    if (!hostRam.isEmpty())
        o.insert(QStringLiteral("hostRam"), hostRam);
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    return o;
}

std::optional<ConfigProfile> ConfigProfile::fromJson(const QJsonObject &obj, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<ConfigProfile> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    ConfigProfile p;
    p.name = obj.value(QStringLiteral("name")).toString();
    if (p.name.trimmed().isEmpty())
        return fail(QCoreApplication::translate("kops::Profiles", "the profile has no \"name\""));
    const auto type = profileTypeFromName(obj.value(QStringLiteral("type")).toString());
    if (!type)
        return fail(QCoreApplication::translate("kops::Profiles", "\"type\" must be producer, consumer, topic or jvm"));
    p.type = *type;
    const QString intentText = obj.value(QStringLiteral("intent")).toString(QStringLiteral("no-loss"));
    const auto intent = profileIntentFromName(intentText);
    if (!intent)
        return fail(QCoreApplication::translate("kops::Profiles", "\"intent\" must be throughput, no-loss or ordered, not '%1'").arg(intentText));
    p.intent = *intent;
    const QJsonObject s = obj.value(QStringLiteral("settings")).toObject();
    for (auto it = s.begin(); it != s.end(); ++it) {
        const QJsonValue v = it.value();
        if (v.isString())
            p.settings.insert(it.key(), v.toString());
        else if (v.isBool())
            p.settings.insert(it.key(), v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        else if (v.isDouble())
            p.settings.insert(it.key(), QString::number(v.toDouble(), 'g', 17));
        else
            return fail(QCoreApplication::translate("kops::Profiles", "setting '%1' must be a string, number or boolean").arg(it.key()));
    }
    p.hostRam = obj.value(QStringLiteral("hostRam")).toString();
    p.description = obj.value(QStringLiteral("description")).toString();
    return p;
}

namespace {

ConfigProfile make(const QString &name, ProfileType type, ProfileIntent intent, const QString &description,
                   std::initializer_list<std::pair<const char *, const char *>> settings, const QString &hostRam = {})
{
    ConfigProfile p;
    p.name = name;
    p.type = type;
    p.intent = intent;
    p.description = description;
    p.hostRam = hostRam;
    for (const auto &[k, v] : settings)
        p.settings.insert(QString::fromLatin1(k), QString::fromLatin1(v));
    return p;
}

} // namespace

QList<ConfigProfile> builtInTemplates()
{
    using T = ProfileType;
    using I = ProfileIntent;
    return {
        make(QStringLiteral("producer-throughput"), T::Producer, I::Throughput,
             QCoreApplication::translate("kops::Profiles", "Metrics, logs, clickstreams: some loss is tolerated, volume matters."),
             {{"acks", "1"}, {"linger.ms", "20"}, {"batch.size", "262144"}, {"compression.type", "lz4"},
              {"enable.idempotence", "false"}, {"retries", "0"}}),
        make(QStringLiteral("producer-no-loss"), T::Producer, I::NoLoss,
             QCoreApplication::translate("kops::Profiles", "Payments, orders: every acknowledged record must survive a broker loss."),
             {{"acks", "all"}, {"enable.idempotence", "true"}, {"max.in.flight.requests.per.connection", "5"},
              {"delivery.timeout.ms", "120000"}, {"linger.ms", "5"}, {"compression.type", "lz4"}}),
        make(QStringLiteral("producer-ordered"), T::Producer, I::Ordered,
             QCoreApplication::translate("kops::Profiles", "No loss, no duplicates, order kept per partition."),
             {{"acks", "all"}, {"enable.idempotence", "true"}, {"max.in.flight.requests.per.connection", "5"},
              {"retries", "2147483647"}, {"delivery.timeout.ms", "120000"}, {"linger.ms", "5"}}),
        make(QStringLiteral("consumer-throughput"), T::Consumer, I::Throughput,
             QCoreApplication::translate("kops::Profiles", "Auto-commit and large fetches; a crash may skip or repeat a few records."),
             {{"enable.auto.commit", "true"}, {"auto.offset.reset", "latest"}, {"fetch.min.bytes", "65536"},
              {"max.poll.records", "1000"}}),
        make(QStringLiteral("consumer-no-loss"), T::Consumer, I::NoLoss,
             QCoreApplication::translate("kops::Profiles", "Commit only after processing; start from the earliest record for new groups."),
             {{"enable.auto.commit", "false"}, {"auto.offset.reset", "earliest"}, {"isolation.level", "read_committed"}}),
        make(QStringLiteral("consumer-ordered"), T::Consumer, I::Ordered,
             QCoreApplication::translate("kops::Profiles", "Manual commits, read committed, one partition processed in order."),
             {{"enable.auto.commit", "false"}, {"auto.offset.reset", "earliest"}, {"isolation.level", "read_committed"},
              {"max.poll.records", "100"}}),
        make(QStringLiteral("topic-throughput"), T::Topic, I::Throughput,
             QCoreApplication::translate("kops::Profiles", "Two replicas, fast leader fail-over, short retention."),
             {{"replication.factor", "2"}, {"min.insync.replicas", "1"}, {"retention.ms", "86400000"},
              {"compression.type", "producer"}}),
        make(QStringLiteral("topic-no-loss"), T::Topic, I::NoLoss,
             QCoreApplication::translate("kops::Profiles", "Three replicas, two must acknowledge, no unclean election."),
             {{"replication.factor", "3"}, {"min.insync.replicas", "2"}, {"unclean.leader.election.enable", "false"}}),
        make(QStringLiteral("topic-ordered"), T::Topic, I::Ordered,
             QCoreApplication::translate("kops::Profiles", "As no-loss; ordering also needs producers with idempotence."),
             {{"replication.factor", "3"}, {"min.insync.replicas", "2"}, {"unclean.leader.election.enable", "false"},
              {"message.timestamp.type", "CreateTime"}}),
        make(QStringLiteral("jvm-16g-host"), T::Jvm, I::NoLoss, QCoreApplication::translate("kops::Profiles", "Broker on a 16 GB host."),
             {{"-Xmx", "4G"}, {"-Xms", "4G"}, {"-XX:UseG1GC", "true"}, {"-XX:MaxGCPauseMillis", "20"},
              {"-XX:InitiatingHeapOccupancyPercent", "35"}, {"-XX:MetaspaceSize", "96M"}},
             QStringLiteral("16G")),
        make(QStringLiteral("jvm-32g-host"), T::Jvm, I::NoLoss, QCoreApplication::translate("kops::Profiles", "Broker on a 32 GB host."),
             {{"-Xmx", "6G"}, {"-Xms", "6G"}, {"-XX:UseG1GC", "true"}, {"-XX:MaxGCPauseMillis", "20"},
              {"-XX:InitiatingHeapOccupancyPercent", "35"}, {"-XX:G1HeapRegionSize", "4M"},
              {"-XX:MetaspaceSize", "96M"}},
             QStringLiteral("32G")),
        make(QStringLiteral("jvm-64g-host"), T::Jvm, I::NoLoss, QCoreApplication::translate("kops::Profiles", "Broker on a 64 GB host."),
             {{"-Xmx", "8G"}, {"-Xms", "8G"}, {"-XX:UseG1GC", "true"}, {"-XX:MaxGCPauseMillis", "20"},
              {"-XX:InitiatingHeapOccupancyPercent", "35"}, {"-XX:G1HeapRegionSize", "4M"},
              {"-XX:MetaspaceSize", "96M"}},
             QStringLiteral("64G")),
        make(QStringLiteral("jvm-128g-host"), T::Jvm, I::NoLoss, QCoreApplication::translate("kops::Profiles", "Broker on a 128 GB host."),
             {{"-Xmx", "12G"}, {"-Xms", "12G"}, {"-XX:UseG1GC", "true"}, {"-XX:MaxGCPauseMillis", "20"},
              {"-XX:InitiatingHeapOccupancyPercent", "35"}, {"-XX:G1HeapRegionSize", "8M"},
              {"-XX:MetaspaceSize", "96M"}},
             QStringLiteral("128G")),
    };
}

} // namespace kops
