#include "configlinter.h"

#include <QCoreApplication>

#include "configkeys.h"

#include <QJsonArray>

#include <algorithm>

namespace kops {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Error: return QStringLiteral("error");
    }
    return {};
}

QJsonObject LintFinding::toJson() const
{
    QJsonObject o{{QStringLiteral("rule"), rule},
                  {QStringLiteral("severity"), severityName(severity)},
                  {QStringLiteral("keys"), QJsonArray::fromStringList(keys)},
                  {QStringLiteral("message"), message},
                  {QStringLiteral("fix"), fix.label},
                  {QStringLiteral("doc"), docUrl}};
    if (line > 0)
        o.insert(QStringLiteral("line"), line);
    if (fix.changesSomething()) {
        QJsonObject set;
        for (auto it = fix.set.cbegin(); it != fix.set.cend(); ++it)
            set.insert(it.key(), it.value());
        o.insert(QStringLiteral("fixTarget"), profileTypeName(fix.target));
        o.insert(QStringLiteral("fixSet"), set);
        o.insert(QStringLiteral("fixRemove"), QJsonArray::fromStringList(fix.remove));
    }
    return o;
}

LintContext LintContext::fromTopicProfile(const ConfigProfile &topic)
{
    LintContext c;
    c.topicSource = QCoreApplication::translate("kops::Profiles", "topic profile '%1'").arg(topic.name);
    c.topicName = topic.name;
    bool ok = false;
    if (const auto rf = topic.value(QStringLiteral("replication.factor"))) {
        const int v = rf->toInt(&ok);
        if (ok)
            c.replicationFactor = v;
    }
    if (const auto isr = topic.value(QStringLiteral("min.insync.replicas"))) {
        const int v = isr->toInt(&ok);
        if (ok)
            c.minInsyncReplicas = v;
    } else {
        c.minInsyncReplicas = 1; // broker default
    }
    if (const auto u = topic.value(QStringLiteral("unclean.leader.election.enable")))
        c.uncleanElection = u->trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    else
        c.uncleanElection = false;
    return c;
}

namespace detail {

Severity bySeverity(ProfileIntent intent, Severity throughput, Severity noLoss, Severity ordered)
{
    switch (intent) {
    case ProfileIntent::Throughput: return throughput;
    case ProfileIntent::NoLoss: return noLoss;
    case ProfileIntent::Ordered: return ordered;
    }
    return noLoss;
}

} // namespace detail

namespace {

using detail::bySeverity;

QString keyDefault(ProfileType type, const QString &key)
{
    const KeyInfo *k = ConfigKeys::find(type, key);
    return k ? k->defaultValue : QString();
}

/// The effective configuration of a producer/consumer/topic: explicit values over defaults.
class Effective
{
public:
    explicit Effective(const ConfigProfile &p) : m_p(p) {}

    QString text(const QString &key) const
    {
        const auto v = m_p.value(key);
        if (v && valid(key, *v))
            return v->trimmed();
        return keyDefault(m_p.type, key);
    }
    bool isDefault(const QString &key) const
    {
        const auto v = m_p.value(key);
        return !v || !valid(key, *v);
    }
    qint64 number(const QString &key) const { return text(key).toLongLong(); }
    bool flag(const QString &key) const { return text(key).compare(QLatin1String("true"), Qt::CaseInsensitive) == 0; }
    /// "acks=1" or "acks=all (Java default, assumed)".
    QString show(const QString &key) const
    {
        QString s = key + QLatin1Char('=') + text(key);
        if (isDefault(key))
            s += QCoreApplication::translate("kops::Profiles", " (default, assumed)");
        return s;
    }

private:
    bool valid(const QString &key, const QString &value) const
    {
        const KeyInfo *k = ConfigKeys::find(m_p.type, key);
        return !k || !ConfigKeys::validate(*k, value);
    }
    const ConfigProfile &m_p;
};

LintFinding finding(const ConfigProfile &p, const char *rule, Severity sev, QStringList keys, QString message,
                    ConfigFix fix)
{
    LintFinding f;
    f.rule = QString::fromLatin1(rule);
    f.severity = sev;
    f.docUrl = ConfigKeys::docUrl(p.type, keys.value(0));
    f.keys = std::move(keys);
    f.message = std::move(message);
    f.fix = std::move(fix);
    return f;
}

ConfigFix setFix(ProfileType target, const QMap<QString, QString> &set, QStringList remove = {})
{
    ConfigFix f;
    f.target = target;
    f.set = set;
    f.remove = std::move(remove);
    QStringList parts;
    for (auto it = set.cbegin(); it != set.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value();
    for (const QString &r : f.remove)
        parts << QCoreApplication::translate("kops::Profiles", "remove ") + r;
    f.label = QCoreApplication::translate("kops::Profiles", "Set ") + parts.join(QStringLiteral(", "));
    if (set.isEmpty())
        f.label = parts.join(QStringLiteral(", "));
    if (!f.label.isEmpty())
        f.label[0] = f.label[0].toUpper();
    return f;
}

void lintKeys(const ConfigProfile &p, QList<LintFinding> &out)
{
    const QString typeName = profileTypeName(p.type);
    for (auto it = p.settings.cbegin(); it != p.settings.cend(); ++it) {
        const QString &key = it.key();
        if (const KeyInfo *k = ConfigKeys::find(p.type, key)) {
            if (const auto problem = ConfigKeys::validate(*k, it.value())) {
                ConfigFix fix = k->defaultValue.isEmpty() ? setFix(p.type, {}, {key})
                                                          : setFix(p.type, {{key, k->defaultValue}});
                out.append(finding(p, "config.invalid-value", Severity::Error, {key},
                                   QCoreApplication::translate("kops::Profiles", "%1: %2; the client refuses to start with it. %3")
                                       .arg(key, *problem, ConfigKeys::describe(*k)),
                                   fix));
            }
            continue;
        }
        if (p.type == ProfileType::Jvm && key.startsWith(QLatin1String("-D")))
            continue;
        const QString suggestion = ConfigKeys::closest(p.type, key);
        if (!suggestion.isEmpty() && !p.settings.contains(suggestion)) {
            ConfigFix fix = setFix(p.type, {{suggestion, it.value()}}, {key});
            fix.label = QCoreApplication::translate("kops::Profiles", "Rename %1 to %2").arg(key, suggestion);
            LintFinding f = finding(p, "config.unknown-key", Severity::Warning, {key, suggestion},
                                    QCoreApplication::translate("kops::Profiles", "'%1' is not a known %2 setting and is ignored; did you mean '%3'?")
                                        .arg(key, typeName, suggestion),
                                    fix);
            f.docUrl = ConfigKeys::docUrl(p.type, suggestion);
            out.append(f);
            continue;
        }
        if (p.type == ProfileType::Jvm)
            continue; // thousands of -XX options exist; only near-misses of known ones are worth a word
        if (const KeyInfo *other = ConfigKeys::findAnyScope(key)) {
            out.append(finding(p, "config.wrong-type", Severity::Warning, {key},
                               QCoreApplication::translate("kops::Profiles", "'%1' is a %2 setting; a %3 ignores it.")
                                   .arg(key, profileTypeName(other->scopes.first()), typeName),
                               setFix(p.type, {}, {key})));
            continue;
        }
        LintFinding unknown = finding(p, "config.unknown-key", Severity::Info, {key},
                           QCoreApplication::translate("kops::Profiles", "'%1' is not a Kafka %2 setting; only plug-ins such as serializers may read "
                                          "it, Kafka logs it as unused.")
                               .arg(key, typeName),
                           setFix(p.type, {}, {key}));
        unknown.docUrl = ConfigKeys::docUrl(p.type, QString()); // the section, not a key
        out.append(unknown);
    }
}

void lintProducer(const ConfigProfile &p, const LintContext &ctx, QList<LintFinding> &out)
{
    const Effective e(p);
    const ProfileIntent in = p.intent;
    const QString acks = e.text(QStringLiteral("acks"));
    const bool acksAll = acks == QLatin1String("all") || acks == QLatin1String("-1");
    const qint64 retries = e.number(QStringLiteral("retries"));
    const qint64 inflight = e.number(QStringLiteral("max.in.flight.requests.per.connection"));
    // Kafka 3.2+: an idempotence that is only defaulted is silently switched off by conflicting settings.
    const bool idemExplicit = !e.isDefault(QStringLiteral("enable.idempotence"));
    bool idempotent = e.flag(QStringLiteral("enable.idempotence"));
    QString idemNote = e.show(QStringLiteral("enable.idempotence"));
    if (!idemExplicit && (!acksAll || retries == 0 || inflight > 5)) {
        idempotent = false;
        idemNote = QCoreApplication::translate("kops::Profiles", "enable.idempotence not set: its default (true) is silently switched off because of %1")
                       .arg(!acksAll ? QStringLiteral("acks=") + acks
                            : retries == 0 ? QStringLiteral("retries=0")
                                           : QStringLiteral("max.in.flight > 5"));
    }
    const QString intentText = profileIntentName(in);
    auto idempotenceFix = [&]() {
        QMap<QString, QString> set{{QStringLiteral("enable.idempotence"), QStringLiteral("true")}};
        if (!acksAll)
            set.insert(QStringLiteral("acks"), QStringLiteral("all"));
        if (inflight > 5)
            set.insert(QStringLiteral("max.in.flight.requests.per.connection"), QStringLiteral("5"));
        if (retries == 0)
            set.insert(QStringLiteral("retries"), QStringLiteral("2147483647"));
        return setFix(ProfileType::Producer, set);
    };

    if (!acksAll)
        out.append(finding(p, "producer.acks-loss", bySeverity(in, Severity::Info, Severity::Error, Severity::Error),
                           {QStringLiteral("acks")},
                           acks == QLatin1String("0")
                               ? QCoreApplication::translate("kops::Profiles", "acks=0: the producer does not wait for any broker, so records lost in "
                                                "flight or on a crashing leader are never noticed (intent %1).")
                                     .arg(intentText)
                               : QCoreApplication::translate("kops::Profiles", "acks=1: only the leader has the record when the send succeeds; if it "
                                                "fails before followers copy it, the record is lost (intent %1).")
                                     .arg(intentText),
                           setFix(ProfileType::Producer, {{QStringLiteral("acks"), QStringLiteral("all")}})));

    if (acksAll && ctx.knowsTopic()) {
        const bool isrOne = ctx.minInsyncReplicas && *ctx.minInsyncReplicas <= 1;
        const bool rfLow = ctx.replicationFactor && *ctx.replicationFactor < 2;
        if (isrOne || rfLow) {
            QMap<QString, QString> set{{QStringLiteral("min.insync.replicas"), QStringLiteral("2")}};
            if (ctx.replicationFactor && *ctx.replicationFactor < 3)
                set.insert(QStringLiteral("replication.factor"), QStringLiteral("3"));
            ConfigFix fix = setFix(ProfileType::Topic, set);
            if (ctx.liveTopic) {
                fix.label = QCoreApplication::translate("kops::Profiles", "On the topic: kafka-configs.sh --alter --entity-type topics --entity-name "
                                           "%1 --add-config min.insync.replicas=2%2")
                                .arg(ctx.topicName,
                                     set.contains(QStringLiteral("replication.factor"))
                                         ? QCoreApplication::translate("kops::Profiles", " (and reassign to 3 replicas)")
                                         : QString());
                fix.set.clear();
            } else {
                fix.label = QCoreApplication::translate("kops::Profiles", "On the topic: ") + fix.label;
            }
            out.append(finding(
                p, "producer.min-isr-loss", bySeverity(in, Severity::Info, Severity::Error, Severity::Error),
                {QStringLiteral("acks"), QStringLiteral("min.insync.replicas")},
                QCoreApplication::translate("kops::Profiles", "acks=all only waits for the in-sync replicas; %1 has %2, so a write acknowledged by "
                               "a single broker is lost when that broker's disk is.")
                    .arg(ctx.topicSource,
                         rfLow ? QCoreApplication::translate("kops::Profiles", "replication factor %1").arg(*ctx.replicationFactor)
                               : QStringLiteral("min.insync.replicas=%1").arg(*ctx.minInsyncReplicas)),
                fix));
        }
    }
    if (acksAll && ctx.uncleanElection && *ctx.uncleanElection) {
        ConfigFix fix = setFix(ProfileType::Topic, {{QStringLiteral("unclean.leader.election.enable"), QStringLiteral("false")}});
        fix.label = ctx.liveTopic ? QCoreApplication::translate("kops::Profiles", "On the topic: kafka-configs.sh --alter --entity-type topics "
                                                   "--entity-name %1 --add-config unclean.leader.election.enable=false")
                                        .arg(ctx.topicName)
                                  : QCoreApplication::translate("kops::Profiles", "On the topic: ") + fix.label;
        if (ctx.liveTopic)
            fix.set.clear();
        out.append(finding(p, "producer.unclean-election",
                           bySeverity(in, Severity::Info, Severity::Error, Severity::Error),
                           {QStringLiteral("acks"), QStringLiteral("unclean.leader.election.enable")},
                           QCoreApplication::translate("kops::Profiles", "%1 allows unclean leader election: an out-of-sync replica can become leader "
                                          "and drop writes that acks=all had confirmed.")
                               .arg(ctx.topicSource),
                           fix));
    }

    if (retries > 0 && !idempotent)
        out.append(finding(p, "producer.duplicates", bySeverity(in, Severity::Info, Severity::Error, Severity::Error),
                           {QStringLiteral("retries"), QStringLiteral("enable.idempotence")},
                           QCoreApplication::translate("kops::Profiles", "%1 with %2: a batch whose acknowledgement was lost is sent again and "
                                          "stored twice.")
                               .arg(e.show(QStringLiteral("retries")), idemNote),
                           idempotenceFix()));
    if (retries > 0 && inflight > 1 && !idempotent)
        out.append(finding(p, "producer.reordering", bySeverity(in, Severity::Info, Severity::Error, Severity::Error),
                           {QStringLiteral("retries"), QStringLiteral("max.in.flight.requests.per.connection"),
                            QStringLiteral("enable.idempotence")},
                           QCoreApplication::translate("kops::Profiles", "%1 and %2 without idempotence: when a batch fails and is retried, the batch "
                                          "after it may already be written, so records of a partition change order.")
                               .arg(e.show(QStringLiteral("retries")),
                                    e.show(QStringLiteral("max.in.flight.requests.per.connection"))),
                           idempotenceFix()));
    if (idempotent && inflight > 5)
        out.append(finding(p, "producer.inflight-idempotence", Severity::Error,
                           {QStringLiteral("enable.idempotence"), QStringLiteral("max.in.flight.requests.per.connection")},
                           QCoreApplication::translate("kops::Profiles", "enable.idempotence=true allows at most 5 requests in flight; with %1 the "
                                          "producer refuses to start (ConfigException).")
                               .arg(inflight),
                           setFix(ProfileType::Producer,
                                  {{QStringLiteral("max.in.flight.requests.per.connection"), QStringLiteral("5")}})));

    const qint64 delivery = e.number(QStringLiteral("delivery.timeout.ms"));
    const qint64 linger = e.number(QStringLiteral("linger.ms"));
    const qint64 request = e.number(QStringLiteral("request.timeout.ms"));
    if (delivery < linger + request)
        out.append(finding(p, "producer.delivery-timeout", Severity::Error,
                           {QStringLiteral("delivery.timeout.ms"), QStringLiteral("linger.ms"),
                            QStringLiteral("request.timeout.ms")},
                           QCoreApplication::translate("kops::Profiles", "%1 is shorter than %2 + %3: the producer refuses to start, or with older "
                                          "clients gives up on records before one request could finish.")
                               .arg(e.show(QStringLiteral("delivery.timeout.ms")), e.show(QStringLiteral("linger.ms")),
                                    e.show(QStringLiteral("request.timeout.ms"))),
                           setFix(ProfileType::Producer,
                                  {{QStringLiteral("delivery.timeout.ms"), QString::number(linger + request)}})));

    // Kafka's documentation: leave retries unset and bound the retrying with delivery.timeout.ms. A
    // retries count that runs out first turns a leader election or a broker restart into a failed send.
    const qint64 backoff = e.number(QStringLiteral("retry.backoff.ms"));
    if (!e.isDefault(QStringLiteral("retries")) && retries < 2147483647
        && double(retries) * double(std::max<qint64>(backoff, 1)) < double(delivery)) {
        ConfigFix fix = setFix(ProfileType::Producer, {}, {QStringLiteral("retries")});
        fix.label = QCoreApplication::translate("kops::Profiles", "Remove retries (unlimited; delivery.timeout.ms=%1 bounds the retrying)")
                        .arg(delivery);
        out.append(finding(
            p, "producer.retries-bounded", bySeverity(in, Severity::Info, Severity::Error, Severity::Error),
            {QStringLiteral("retries"), QStringLiteral("delivery.timeout.ms")},
            QCoreApplication::translate("kops::Profiles", "%1 with %2: the producer gives up after about %3 ms of broker errors, long before %4, "
                           "so a leader election or a broker restart fails the send and the record is lost unless the "
                           "application sends it again (intent %5). Leave retries unset (unlimited) and let "
                           "delivery.timeout.ms bound the time, as Kafka's documentation recommends.")
                .arg(e.show(QStringLiteral("retries")), e.show(QStringLiteral("retry.backoff.ms")))
                .arg(retries * backoff)
                .arg(e.show(QStringLiteral("delivery.timeout.ms")), intentText),
            fix));
    }

    if (in == ProfileIntent::Throughput) {
        const qint64 batch = e.number(QStringLiteral("batch.size"));
        if (linger == 0 || batch < 16384) {
            QMap<QString, QString> set;
            if (linger == 0)
                set.insert(QStringLiteral("linger.ms"), QStringLiteral("10"));
            if (batch < 16384)
                set.insert(QStringLiteral("batch.size"), QStringLiteral("131072"));
            out.append(finding(p, "producer.no-batching", Severity::Warning,
                               {QStringLiteral("linger.ms"), QStringLiteral("batch.size")},
                               QCoreApplication::translate("kops::Profiles", "%1 and %2: batches leave almost empty, so the producer sends many small "
                                              "requests; a few milliseconds of linger multiply throughput.")
                                   .arg(e.show(QStringLiteral("linger.ms")), e.show(QStringLiteral("batch.size"))),
                               setFix(ProfileType::Producer, set)));
        }
        if (e.text(QStringLiteral("compression.type")) == QLatin1String("none"))
            out.append(finding(p, "producer.no-compression", Severity::Warning, {QStringLiteral("compression.type")},
                               QCoreApplication::translate("kops::Profiles", "%1: batches travel and are stored uncompressed; lz4 or zstd usually "
                                              "cut network and disk by half or more for little CPU.")
                                   .arg(e.show(QStringLiteral("compression.type"))),
                               setFix(ProfileType::Producer, {{QStringLiteral("compression.type"), QStringLiteral("lz4")}})));
    }
}

void lintConsumer(const ConfigProfile &p, QList<LintFinding> &out)
{
    const Effective e(p);
    const ProfileIntent in = p.intent;
    if (e.flag(QStringLiteral("enable.auto.commit")))
        out.append(finding(p, "consumer.auto-commit-loss",
                           bySeverity(in, Severity::Info, Severity::Error, Severity::Error),
                           {QStringLiteral("enable.auto.commit")},
                           QCoreApplication::translate("kops::Profiles", "%1: offsets are committed in the background whether or not the records were "
                                          "processed; a crash after the commit skips them for good.")
                               .arg(e.show(QStringLiteral("enable.auto.commit"))),
                           setFix(ProfileType::Consumer, {{QStringLiteral("enable.auto.commit"), QStringLiteral("false")}})));
    if (e.text(QStringLiteral("auto.offset.reset")) == QLatin1String("latest"))
        out.append(finding(p, "consumer.offset-reset-latest",
                           bySeverity(in, Severity::Info, Severity::Warning, Severity::Warning),
                           {QStringLiteral("auto.offset.reset")},
                           QCoreApplication::translate("kops::Profiles", "%1: a new group, or one whose offsets expired, starts at the end and never "
                                          "sees the records already in the topic.")
                               .arg(e.show(QStringLiteral("auto.offset.reset"))),
                           setFix(ProfileType::Consumer, {{QStringLiteral("auto.offset.reset"), QStringLiteral("earliest")}})));
}

void lintTopic(const ConfigProfile &p, QList<LintFinding> &out)
{
    const Effective e(p);
    const ProfileIntent in = p.intent;
    const qint64 isr = e.number(QStringLiteral("min.insync.replicas"));
    const bool rfKnown = !e.isDefault(QStringLiteral("replication.factor"));
    const qint64 rf = e.number(QStringLiteral("replication.factor"));
    if (rfKnown && isr > rf)
        out.append(finding(p, "topic.min-isr-exceeds-rf", Severity::Error,
                           {QStringLiteral("min.insync.replicas"), QStringLiteral("replication.factor")},
                           QCoreApplication::translate("kops::Profiles", "min.insync.replicas=%1 but only %2 replicas exist: every acks=all write fails "
                                          "with NOT_ENOUGH_REPLICAS.")
                               .arg(isr)
                               .arg(rf),
                           setFix(ProfileType::Topic, {{QStringLiteral("min.insync.replicas"),
                                                        QString::number(std::max<qint64>(1, rf - 1))}})));
    if (rfKnown && rf == 1) {
        // Three replicas with min.insync.replicas=1 is topic.min-isr-one: the fix sets both at once.
        QMap<QString, QString> set{{QStringLiteral("replication.factor"), QStringLiteral("3")}};
        if (isr < 2 && in != ProfileIntent::Throughput)
            set.insert(QStringLiteral("min.insync.replicas"), QStringLiteral("2"));
        out.append(finding(p, "topic.rf-one", bySeverity(in, Severity::Warning, Severity::Error, Severity::Error),
                           {QStringLiteral("replication.factor")},
                           QCoreApplication::translate("kops::Profiles", "replication.factor=1: one copy per partition; losing that broker's disk "
                                          "loses the data and the partition is offline while the broker is down."),
                           setFix(ProfileType::Topic, set)));
    }
    if (rfKnown && rf >= 3 && isr == 1 && in != ProfileIntent::Throughput)
        out.append(finding(p, "topic.min-isr-one", Severity::Warning, {QStringLiteral("min.insync.replicas")},
                           QCoreApplication::translate("kops::Profiles", "%1: acks=all succeeds once the leader alone has a record, so losing the "
                                          "leader can lose acknowledged writes.")
                               .arg(e.show(QStringLiteral("min.insync.replicas"))),
                           setFix(ProfileType::Topic, {{QStringLiteral("min.insync.replicas"), QStringLiteral("2")}})));
    if (e.flag(QStringLiteral("unclean.leader.election.enable")))
        out.append(finding(p, "topic.unclean-election", bySeverity(in, Severity::Info, Severity::Error, Severity::Error),
                           {QStringLiteral("unclean.leader.election.enable")},
                           QCoreApplication::translate("kops::Profiles", "unclean.leader.election.enable=true: when no in-sync replica is left, a "
                                          "lagging one becomes leader and the records it lacks are gone."),
                           setFix(ProfileType::Topic,
                                  {{QStringLiteral("unclean.leader.election.enable"), QStringLiteral("false")}})));
}

} // namespace

QString ConfigLinter::effective(const ConfigProfile &profile, const QString &key, bool *assumed)
{
    const Effective e(profile);
    if (assumed)
        *assumed = e.isDefault(key);
    return e.text(key);
}

QList<LintFinding> ConfigLinter::lint(const ConfigProfile &profile, const LintContext &context)
{
    QList<LintFinding> out;
    lintKeys(profile, out);
    switch (profile.type) {
    case ProfileType::Producer: lintProducer(profile, context, out); break;
    case ProfileType::Consumer: lintConsumer(profile, out); break;
    case ProfileType::Topic: lintTopic(profile, out); break;
    case ProfileType::Jvm: detail::lintJvm(profile, context, out); break;
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const LintFinding &a, const LintFinding &b) { return int(a.severity) > int(b.severity); });
    return out;
}

QList<LintFinding> ConfigLinter::parseFindings(const QList<ParseIssue> &issues, ProfileType type)
{
    QList<LintFinding> out;
    for (const ParseIssue &i : issues) {
        LintFinding f;
        f.rule = i.minor ? QStringLiteral("file.duplicate") : QStringLiteral("file.malformed");
        f.severity = i.minor ? Severity::Warning : Severity::Error;
        f.line = i.line;
        f.message = QCoreApplication::translate("kops::Profiles", "Line %1: %2").arg(i.line).arg(i.message);
        f.fix.target = type;
        f.fix.label = QCoreApplication::translate("kops::Profiles", "Correct or delete line %1 (the imported profile leaves it out)").arg(i.line);
        f.docUrl = ConfigKeys::docUrl(type, QString());
        out.append(f);
    }
    return out;
}

ConfigProfile ConfigLinter::applyFix(const ConfigProfile &profile, const ConfigFix &fix)
{
    if (fix.target != profile.type)
        return profile;
    ConfigProfile p = profile;
    for (const QString &k : fix.remove)
        p.settings.remove(k);
    for (auto it = fix.set.cbegin(); it != fix.set.cend(); ++it)
        p.settings.insert(it.key(), it.value());
    return p;
}

bool ConfigLinter::hasErrors(const QList<LintFinding> &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const LintFinding &f) { return f.severity == Severity::Error; });
}

} // namespace kops
