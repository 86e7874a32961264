#include "demoprofiles.h"

#include "profilestore.h"

#include <QCoreApplication>
#include <QDir>

namespace kops::demo {

namespace {

ConfigProfile make(const char *name, ProfileType type, ProfileIntent intent, const QString &description,
                   std::initializer_list<std::pair<const char *, const char *>> settings, const char *hostRam = "")
{
    ConfigProfile p;
    p.name = QString::fromLatin1(name);
    p.type = type;
    p.intent = intent;
    p.description = description;
    for (const auto &[key, value] : settings)
        p.settings.insert(QString::fromLatin1(key), QString::fromLatin1(value));
    p.hostRam = QString::fromLatin1(hostRam);
    return p;
}

QString text(const char *source)
{
    return QCoreApplication::translate("kops::DemoProfiles", source);
}

} // namespace

QList<ConfigProfile> demoProfiles()
{
    using T = ProfileType;
    using I = ProfileIntent;
    return {
        make("orders-producer", T::Producer, I::NoLoss,
             text(QT_TRANSLATE_NOOP("kops::DemoProfiles", "The order service's producer, configured before idempotence was the default: acks=1 and "
                  "bounded retries lose records when a leader fails; five requests in flight reorder them.")),
             {{"acks", "1"},
              {"enable.idempotence", "false"},
              {"retries", "3"},
              {"max.in.flight.requests.per.connection", "5"},
              {"linger.ms", "0"},
              {"compression.type", "none"}}),
        make("payments-producer", T::Producer, I::NoLoss,
             text(QT_TRANSLATE_NOOP("kops::DemoProfiles", "The payment service's producer: right on its own. Check it against the live 'payments' "
                  "topic to see what the topic's min.insync.replicas does to acks=all.")),
             {{"acks", "all"},
              {"enable.idempotence", "true"},
              {"max.in.flight.requests.per.connection", "5"},
              {"linger.ms", "10"},
              {"compression.type", "lz4"},
              {"delivery.timeout.ms", "120000"}}),
        make("shipping-service", T::Consumer, I::NoLoss,
             text(QT_TRANSLATE_NOOP("kops::DemoProfiles", "The consumer that falls behind on 'orders': auto-commit marks records done before they are "
                  "processed, and offset reset latest skips a backlog after an expired commit.")),
             {{"enable.auto.commit", "true"},
              {"auto.offset.reset", "latest"},
              {"max.poll.records", "500"},
              {"max.poll.interval.ms", "300000"}}),
        make("billing-service", T::Consumer, I::NoLoss,
             text(QT_TRANSLATE_NOOP("kops::DemoProfiles", "The consumer that keeps up: commits after processing, reads committed transactions only.")),
             {{"enable.auto.commit", "false"}, {"auto.offset.reset", "earliest"}, {"isolation.level", "read_committed"}}),
        make("payments-topic", T::Topic, I::NoLoss,
             text(QT_TRANSLATE_NOOP("kops::DemoProfiles", "The 'payments' topic as it is configured in the demo: one in-sync replica is enough for a write.")),
             {{"replication.factor", "3"},
              {"min.insync.replicas", "1"},
              {"unclean.leader.election.enable", "false"},
              {"retention.ms", "604800000"}}),
        make("broker-jvm-32g", T::Jvm, I::NoLoss,
             text(QT_TRANSLATE_NOOP("kops::DemoProfiles", "A broker on a 32 GB host given most of it as heap, which leaves the page cache Kafka reads from "
                  "too little.")),
             {{"-Xmx", "24G"}, {"-Xms", "4G"}, {"-XX:UseParallelGC", "true"}}, "32G"),
    };
}

Status seedDemoProfiles(const QString &directory)
{
    QDir dir(directory);
    if (dir.exists() && !dir.removeRecursively())
        return KafkaError::make(QStringLiteral("DEMO"), text(QT_TRANSLATE_NOOP("kops::DemoProfiles", "Cannot replace the demo profiles in %1.")).arg(directory));
    const ProfileStore store(directory);
    for (const ConfigProfile &p : demoProfiles())
        if (const Status saved = store.save(p); !saved.ok())
            return saved;
    return Done{};
}

} // namespace kops::demo
