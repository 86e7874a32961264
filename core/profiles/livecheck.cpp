#include "livecheck.h"

#include <QCoreApplication>

namespace kops {

Result<LintContext> LiveCheck::topicContext(ClusterApi &api, const QString &topic)
{
    auto md = api.topicMetadata({topic});
    if (!md)
        return md.error();
    const TopicInfo *info = nullptr;
    for (const TopicInfo &t : md.value().topics)
        if (t.name == topic)
            info = &t;
    if (!info || !info->errorCode.isEmpty())
        return KafkaError::make(info ? info->errorCode : QStringLiteral("UNKNOWN_TOPIC_OR_PART"),
                                QCoreApplication::translate("kops::Profiles", "Topic '%1' does not exist on this cluster.").arg(topic));
    auto cfg = api.describeConfigs(ConfigResourceType::Topic, {topic});
    if (!cfg)
        return cfg.error();
    if (cfg.value().isEmpty())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"), QCoreApplication::translate("kops::Profiles", "No configuration returned for '%1'.").arg(topic));
    const ConfigResource &res = cfg.value().first();
    if (!res.errorCode.isEmpty())
        return KafkaError::make(res.errorCode, res.errorMessage);
    LintContext c;
    c.liveTopic = true;
    c.topicName = topic;
    c.topicSource = QCoreApplication::translate("kops::Profiles", "live topic '%1'").arg(topic);
    c.replicationFactor = info->replicationFactor();
    // A config not returned at all is the broker default: 1 and false on stock brokers.
    bool ok = false;
    const int isr = res.value(QStringLiteral("min.insync.replicas")).value_or(QStringLiteral("1")).toInt(&ok);
    c.minInsyncReplicas = ok ? isr : 1;
    c.uncleanElection = res.value(QStringLiteral("unclean.leader.election.enable"))
                            .value_or(QStringLiteral("false"))
                            .compare(QLatin1String("true"), Qt::CaseInsensitive)
                        == 0;
    return c;
}

bool LiveCheck::needsTopic(const LintFinding &finding)
{
    return finding.rule == QLatin1String("producer.min-isr-loss")
           || finding.rule == QLatin1String("producer.unclean-election");
}

Result<QList<LintFinding>> LiveCheck::check(ClusterApi &api, const ConfigProfile &producer, const QString &topic)
{
    if (producer.type != ProfileType::Producer)
        return KafkaError::make(QStringLiteral("USAGE"),
                                QCoreApplication::translate("kops::Profiles", "The live cross-check takes a producer profile, not a %1 profile.")
                                    .arg(profileTypeName(producer.type)));
    auto ctx = topicContext(api, topic);
    if (!ctx)
        return ctx.error();
    QList<LintFinding> out;
    for (const LintFinding &f : ConfigLinter::lint(producer, ctx.value()))
        if (needsTopic(f))
            out.append(f);
    return out;
}

} // namespace kops
