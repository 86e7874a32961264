#include "clicontext.h"
#include "lagexporter.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

namespace kops::cli {

namespace {

int runServe(CliContext &ctx)
{
    QCommandLineParser &p = ctx.parser();
    const auto interval = LagExporter::parseInterval(p.value(QStringLiteral("interval")));
    if (!interval)
        return ctx.usage(QStringLiteral("--interval takes a duration such as 10s, 1m or 30 (seconds)"));
    const auto listen = LagExporter::parseListen(p.value(QStringLiteral("listen")));
    if (!listen)
        return ctx.usage(QStringLiteral("--listen takes HOST:PORT, [IPv6]:PORT or PORT"));
    const QStringList profiles = p.values(QStringLiteral("profile"));
    if (profiles.size() > 1 && p.isSet(QStringLiteral("bootstrap")))
        return ctx.usage(QStringLiteral("--bootstrap cannot be combined with several --profile"));
    if (profiles.isEmpty() && !p.isSet(QStringLiteral("bootstrap")))
        return ctx.usage(QStringLiteral("No cluster given: use --profile NAME (repeatable) or --bootstrap HOST:PORT."));

    QList<LagExporter::ClusterSpec> clusters;
    const QStringList names = profiles.isEmpty() ? QStringList{QString()} : profiles;
    for (const QString &profile : names) {
        auto props = ctx.clientProperties(profile);
        if (!props)
            return ctx.fail(props.error());
        auto connection = std::make_shared<ConnectionContext>();
        if (profile.isEmpty()) {
            connection->profile.name = p.value(QStringLiteral("bootstrap"));
            connection->profile.bootstrapServers = connection->profile.name;
        } else {
            connection->profile = *ctx.profile();
        }
        connection->createApi = ctx.apiFactory(props.value());
        LagExporter::ClusterSpec spec;
        spec.connection = connection;
        auto settings = LagSettings::load(connection->profile.name);
        if (settings)
            spec.settings = settings.value();
        if (p.isSet(QStringLiteral("group")))
            spec.settings.watchedGroups = p.values(QStringLiteral("group"));
        clusters.append(spec);
    }

    InterruptGuard interrupt;
    LagExporter::Options options;
    options.intervalSeconds = *interval;
    LagExporter exporter(clusters, options);
    auto port = exporter.start(listen->first, listen->second);
    if (!port)
        return ctx.fail(port.error());
    QStringList clusterNames;
    for (const auto &c : std::as_const(clusters))
        clusterNames << c.connection->profile.name;
    const QString host = listen->first.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(listen->first.toString())
                             : listen->first.toString();
    ctx.out() << QStringLiteral("Serving http://%1:%2/metrics, /healthz and /api/groups for %3, sampling every %4 s")
                     .arg(host)
                     .arg(port.value())
                     .arg(clusterNames.join(QStringLiteral(", ")))
                     .arg(*interval)
              << Qt::endl;

    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&loop] {
        if (InterruptGuard::flag())
            loop.quit();
    });
    poll.start(200);
    loop.exec();
    ctx.out() << QStringLiteral("Stopped.") << Qt::endl;
    return ExitOk;
}

} // namespace

QList<CliCommand> serveCommands()
{
    return {
        {QStringLiteral("serve"),
         QStringLiteral("Sample lag continuously and serve /metrics (Prometheus), /healthz and /api/groups."), {},
         [](QCommandLineParser &p) {
             p.addOption({QStringLiteral("listen"),
                          QStringLiteral("Address to listen on (default 127.0.0.1:9308; loopback unless told otherwise)."),
                          QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:9308")});
             p.addOption({QStringLiteral("interval"), QStringLiteral("Time between sampling rounds (default 10s)."),
                          QStringLiteral("DURATION"), QStringLiteral("10s")});
             p.addOption({QStringLiteral("group"),
                          QStringLiteral("Only this group (repeatable; default: the connection's watched groups, or all)."),
                          QStringLiteral("GROUP")});
         },
         runServe},
    };
}

} // namespace kops::cli
