#include "clicontext.h"

#include <QCoreApplication>
#include "configlinter.h"
#include "democluster.h"
#include "demoprofiles.h"
#include "jvmadvisor.h"
#include "jvmoptions.h"
#include "livecheck.h"
#include "profileio.h"
#include "profilestore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace kops::cli {

namespace {

/// The saved profiles: with --demo, the demo's examples (written afresh, apart from the user's own).
ProfileStore store(CliContext &ctx)
{
    if (!ctx.isDemo())
        return ProfileStore();
    static const bool seeded = demo::seedDemoProfiles(demo::DemoCluster::profilesPath()).ok();
    Q_UNUSED(seeded);
    return ProfileStore(demo::DemoCluster::profilesPath());
}

void printFindings(QTextStream &o, const QList<LintFinding> &findings)
{
    int counts[3] = {0, 0, 0};
    for (const LintFinding &f : findings) {
        ++counts[int(f.severity)];
        o << QStringLiteral("%1 %2").arg(severityName(f.severity).toUpper().leftJustified(8), f.rule);
        if (!f.keys.isEmpty())
            o << QStringLiteral(" [%1]").arg(f.keys.join(QStringLiteral(", ")));
        if (f.line > 0)
            o << QCoreApplication::translate("kops::cli", " (line %1)").arg(f.line);
        o << QLatin1Char('\n') << QStringLiteral("         ") << f.message << QLatin1Char('\n');
        if (!f.fix.label.isEmpty())
            o << QCoreApplication::translate("kops::cli", "         fix: ") << f.fix.label << QLatin1Char('\n');
        if (!f.docUrl.isEmpty())
            o << QCoreApplication::translate("kops::cli", "         see: ") << f.docUrl << QLatin1Char('\n');
    }
    o << QCoreApplication::translate("kops::cli", "%1 error(s), %2 warning(s), %3 info\n").arg(counts[2]).arg(counts[1]).arg(counts[0]);
}

int runLint(CliContext &ctx, const QStringList &args)
{
    if (args.size() != 2)
        return ctx.usage(QCoreApplication::translate("kops::cli", "profile lint takes exactly one FILE"));
    const QString path = args.at(1);
    std::optional<ProfileType> type;
    std::optional<ProfileIntent> intent;
    if (isSet(ctx, "type")) {
        type = profileTypeFromName(opt(ctx, "type"));
        if (!type)
            return ctx.usage(QCoreApplication::translate("kops::cli", "--type must be producer, consumer, topic or jvm"));
    }
    if (isSet(ctx, "intent")) {
        intent = profileIntentFromName(opt(ctx, "intent"));
        if (!intent)
            return ctx.usage(QCoreApplication::translate("kops::cli", "--intent must be throughput, no-loss or ordered"));
    }
    LintContext context;
    if (isSet(ctx, "host-ram")) {
        const auto ram = parseMemorySize(opt(ctx, "host-ram"));
        if (!ram || *ram <= 0)
            return ctx.usage(QCoreApplication::translate("kops::cli", "--host-ram expects a size such as 32G, not '%1'").arg(opt(ctx, "host-ram")));
        context.hostRam = *ram;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return ctx.fail(KafkaError::make(QStringLiteral("IO"), QCoreApplication::translate("kops::cli", "Cannot read %1: %2").arg(path, f.errorString())));
    const ProfileIo::Imported imported = ProfileIo::import(QString::fromUtf8(f.readAll()), path, type, intent);

    if (isSet(ctx, "topic")) {
        if (imported.profile.type != ProfileType::Producer)
            return ctx.usage(QCoreApplication::translate("kops::cli", "--topic cross-checks producer profiles; this is a %1 profile")
                                 .arg(profileTypeName(imported.profile.type)));
        auto api = ctx.connect();
        if (!api)
            return ctx.fail(api.error());
        auto live = LiveCheck::topicContext(*api.value(), opt(ctx, "topic"));
        if (!live)
            return ctx.fail(live.error());
        const auto ram = context.hostRam;
        context = live.value();
        context.hostRam = ram;
    } else if (isSet(ctx, "topic-profile")) {
        auto topic = store(ctx).load(opt(ctx, "topic-profile"));
        if (!topic)
            return ctx.fail(topic.error());
        context = LintContext::fromTopicProfile(topic.value());
    }
    const QList<LintFinding> findings = ProfileIo::lintImported(imported, context);
    std::optional<MemorySplit> split;
    if (imported.profile.type == ProfileType::Jvm) {
        std::optional<qint64> ram = context.hostRam;
        if (!ram && !imported.profile.hostRam.isEmpty())
            ram = parseMemorySize(imported.profile.hostRam);
        if (ram)
            split = memorySplit(*ram, parseJvmSize(imported.profile.settings.value(QStringLiteral("-Xmx")))
                                          .value_or(1024LL * 1024 * 1024));
    }
    if (ctx.json()) {
        QJsonArray arr;
        for (const LintFinding &fi : findings)
            arr.append(fi.toJson());
        QJsonObject root{{QStringLiteral("file"), path},
                         {QStringLiteral("type"), profileTypeName(imported.profile.type)},
                         {QStringLiteral("intent"), profileIntentName(imported.profile.intent)},
                         {QStringLiteral("findings"), arr}};
        if (split)
            root.insert(QStringLiteral("memorySplit"),
                        QJsonObject{{QStringLiteral("ram"), double(split->ram)},
                                    {QStringLiteral("heap"), double(split->heap)},
                                    {QStringLiteral("pageCache"), double(split->pageCache)},
                                    {QStringLiteral("os"), double(split->osReserve)}});
        ctx.printJson(QJsonDocument(root));
    } else {
        QTextStream &o = ctx.out();
        o << QCoreApplication::translate("kops::cli", "%1: %2 profile, intent %3%4\n")
                 .arg(path, profileTypeName(imported.profile.type), profileIntentName(imported.profile.intent),
                      type ? QString() : QCoreApplication::translate("kops::cli", " (type guessed; use --type to override)"));
        if (!context.topicSource.isEmpty())
            o << QCoreApplication::translate("kops::cli", "Checked against %1.\n").arg(context.topicSource);
        if (split)
            o << QCoreApplication::translate("kops::cli", "Memory split: %1.\n").arg(split->describe());
        else if (imported.profile.type == ProfileType::Jvm)
            o << QCoreApplication::translate("kops::cli", "Host RAM unknown: heap share not checked (use --host-ram SIZE).\n");
        o << QLatin1Char('\n');
        printFindings(o, findings);
        o.flush();
    }
    return ConfigLinter::hasErrors(findings) ? ExitFailure : ExitOk;
}

Result<ConfigProfile> findProfile(CliContext &ctx, const QString &name)
{
    auto stored = store(ctx).load(name);
    if (stored)
        return stored;
    for (const ConfigProfile &t : builtInTemplates())
        if (t.name == name)
            return t;
    return stored.error();
}

int runExport(CliContext &ctx, const QStringList &args)
{
    if (args.size() != 2)
        return ctx.usage(QCoreApplication::translate("kops::cli", "profile export takes exactly one NAME"));
    auto p = findProfile(ctx, args.at(1));
    if (!p)
        return ctx.fail(p.error());
    const QString formatName = isSet(ctx, "format") ? opt(ctx, "format")
                               : p.value().type == ProfileType::Jvm ? QStringLiteral("env")
                                                                    : QStringLiteral("properties");
    const auto format = ProfileIo::formatFromName(formatName);
    if (!format)
        return ctx.usage(QCoreApplication::translate("kops::cli", "--format must be properties, env or json"));
    if (*format == ProfileIo::Format::Env && p.value().type != ProfileType::Jvm)
        return ctx.usage(QCoreApplication::translate("kops::cli", "--format env is for JVM profiles; '%1' is a %2 profile")
                             .arg(p.value().name, profileTypeName(p.value().type)));
    ctx.out() << ProfileIo::exportProfile(p.value(), *format);
    ctx.out().flush();
    return ExitOk;
}

int runList(CliContext &ctx)
{
    QStringList errors;
    const QList<ConfigProfile> stored = store(ctx).list(&errors);
    for (const QString &e : errors)
        ctx.err() << QCoreApplication::translate("kops::cli", "warning: skipped %1").arg(e) << Qt::endl;
    QList<ConfigProfile> all = stored;
    QList<bool> builtIn(stored.size(), false);
    for (const ConfigProfile &t : builtInTemplates()) {
        all.append(t);
        builtIn.append(true);
    }
    if (ctx.json()) {
        QJsonArray arr;
        for (qsizetype i = 0; i < all.size(); ++i)
            arr.append(QJsonObject{{QStringLiteral("name"), all[i].name},
                                   {QStringLiteral("type"), profileTypeName(all[i].type)},
                                   {QStringLiteral("intent"), profileIntentName(all[i].intent)},
                                   {QStringLiteral("builtIn"), builtIn[i]},
                                   {QStringLiteral("settings"), int(all[i].settings.size())}});
        ctx.printJson(QJsonDocument(arr));
        return ExitOk;
    }
    QList<QStringList> rows;
    for (qsizetype i = 0; i < all.size(); ++i)
        rows.append({all[i].name, profileTypeName(all[i].type), profileIntentName(all[i].intent),
                     builtIn[i] ? QStringLiteral("built-in") : QStringLiteral("saved"),
                     QString::number(all[i].settings.size())});
    ctx.out() << formatTable({QStringLiteral("NAME"), QStringLiteral("TYPE"), QStringLiteral("INTENT"),
                              QStringLiteral("SOURCE"), QStringLiteral("SETTINGS")},
                             rows);
    ctx.out().flush();
    return ExitOk;
}

int runAdvise(CliContext &ctx)
{
    const auto ram = parseMemorySize(opt(ctx, "host-ram"));
    if (!ram || *ram <= 0)
        return ctx.usage(QCoreApplication::translate("kops::cli", "profile advise needs --host-ram SIZE, e.g. 32G"));
    JvmAdvisor::Input in;
    in.hostRam = *ram;
    bool ok = true;
    if (isSet(ctx, "write-mbps"))
        in.writeMBps = opt(ctx, "write-mbps").toDouble(&ok);
    if (!ok || in.writeMBps < 0)
        return ctx.usage(QCoreApplication::translate("kops::cli", "--write-mbps expects a number"));
    if (isSet(ctx, "reread-minutes"))
        in.rereadMinutes = opt(ctx, "reread-minutes").toDouble(&ok);
    if (!ok || in.rereadMinutes < 0)
        return ctx.usage(QCoreApplication::translate("kops::cli", "--reread-minutes expects a number"));
    const JvmAdvisor::Advice a = JvmAdvisor::advise(in);
    if (ctx.json()) {
        ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("heap"), double(a.split.heap)},
                                                {QStringLiteral("pageCache"), double(a.split.pageCache)},
                                                {QStringLiteral("os"), double(a.split.osReserve)},
                                                {QStringLiteral("pageCacheNeeded"), double(a.pageCacheNeeded)},
                                                {QStringLiteral("options"), a.commandLine()},
                                                {QStringLiteral("reasons"), QJsonArray::fromStringList(a.reasons)}}));
        return ExitOk;
    }
    ctx.out() << JvmOptions::toEnv(a.settings) << QLatin1Char('\n');
    for (const QString &r : a.reasons)
        ctx.out() << QStringLiteral("- ") << r << QLatin1Char('\n');
    ctx.out().flush();
    return ExitOk;
}

int runProfile(CliContext &ctx)
{
    const QStringList args = ctx.positional();
    const QString verb = args.value(0);
    if (verb == QLatin1String("lint"))
        return runLint(ctx, args);
    if (verb == QLatin1String("export"))
        return runExport(ctx, args);
    if (verb == QLatin1String("list"))
        return args.size() == 1 ? runList(ctx) : ctx.usage(QCoreApplication::translate("kops::cli", "profile list takes no arguments"));
    if (verb == QLatin1String("advise"))
        return runAdvise(ctx);
    return ctx.usage(verb.isEmpty() ? QCoreApplication::translate("kops::cli", "profile needs a verb: lint, export, list or advise")
                                    : QCoreApplication::translate("kops::cli", "unknown profile verb '%1' (lint, export, list, advise)").arg(verb));
}

} // namespace

QList<CliCommand> profileCommands()
{
    return {
        {QStringLiteral("profile"),
         QCoreApplication::translate("kops::cli", "Producer/consumer/topic/JVM profiles: lint FILE, export NAME, list, advise."),
         QStringLiteral("lint FILE | export NAME | list | advise"),
         [](QCommandLineParser &p) {
             p.addOption({QStringLiteral("type"), QCoreApplication::translate("kops::cli", "lint: producer, consumer, topic or jvm (guessed when absent)."),
                          QStringLiteral("TYPE")});
             p.addOption({QStringLiteral("intent"), QCoreApplication::translate("kops::cli", "lint: throughput, no-loss (default) or ordered."),
                          QStringLiteral("INTENT")});
             p.addOption({QStringLiteral("host-ram"), QCoreApplication::translate("kops::cli", "lint/advise: RAM of the broker host, e.g. 32G."),
                          QStringLiteral("SIZE")});
             p.addOption({QStringLiteral("topic"), QCoreApplication::translate("kops::cli", "lint: cross-check a producer against this live topic."),
                          QStringLiteral("T")});
             p.addOption({QStringLiteral("topic-profile"),
                          QCoreApplication::translate("kops::cli", "lint: cross-check a producer against a saved topic profile."), QStringLiteral("NAME")});
             p.addOption({QStringLiteral("format"), QCoreApplication::translate("kops::cli", "export: properties, env (JVM) or json."),
                          QStringLiteral("FORMAT")});
             p.addOption({QStringLiteral("write-mbps"), QCoreApplication::translate("kops::cli", "advise: expected write throughput, MB/s."),
                          QStringLiteral("N")});
             p.addOption({QStringLiteral("reread-minutes"),
                          QCoreApplication::translate("kops::cli", "advise: minutes of recent data consumers re-read."), QStringLiteral("N")});
         },
         runProfile},
    };
}

} // namespace kops::cli
