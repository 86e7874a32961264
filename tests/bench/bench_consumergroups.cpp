// Not a test: `consumer-groups --describe --all-groups`, kafka-ops next to Kafka's own
// kafka-consumer-groups.sh on a real broker, at N groups (created here, each with commits on a
// 4-partition topic). Prints wall time of each process, the group count and whether both printed
// the same bytes. The groups it created are deleted at the end.
//
//   bench_consumergroups --bootstrap 127.0.0.1:19092 --kafka-sh ../shared/kafka/kafka.sh \
//       --kafka-ops build/app/kafka-ops --groups 1000 [--java-timeout 600]
#include "rdkafkaclusterapi.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QUuid>

#include <cstdio>

using namespace kops;

namespace {

struct Timed
{
    double seconds = 0;
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
};

Timed timed(const QString &program, const QStringList &args, int timeoutSeconds)
{
    Timed t;
    QProcess p;
    QElapsedTimer clock;
    clock.start();
    p.start(program, args);
    t.finished = p.waitForFinished(timeoutSeconds * 1000);
    t.seconds = double(clock.nsecsElapsed()) / 1e9;
    if (!t.finished) {
        p.kill();
        p.waitForFinished();
    }
    t.exitCode = p.exitCode();
    t.out = p.readAllStandardOutput();
    return t;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("bootstrap"), QStringLiteral("Broker."), QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:19092")});
    parser.addOption({QStringLiteral("kafka-sh"), QStringLiteral("The shared broker's kafka.sh."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("kafka-ops"), QStringLiteral("The kafka-ops binary."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("groups"), QStringLiteral("Groups to create (default 1000)."), QStringLiteral("N"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("java-timeout"), QStringLiteral("Seconds to wait for the Java tool (default 600)."),
                      QStringLiteral("S"), QStringLiteral("600")});
    parser.addHelpOption();
    parser.process(app);
    const QString bootstrap = parser.value(QStringLiteral("bootstrap"));
    const int groups = parser.value(QStringLiteral("groups")).toInt();
    const int javaTimeout = parser.value(QStringLiteral("java-timeout")).toInt();

    QProcess binProcess;
    binProcess.start(parser.value(QStringLiteral("kafka-sh")), {QStringLiteral("bin")});
    binProcess.waitForFinished();
    const QString tool = QString::fromUtf8(binProcess.readAllStandardOutput()).trimmed() + QStringLiteral("/kafka-consumer-groups.sh");

    RdKafkaClusterApi api({{QStringLiteral("bootstrap.servers"), bootstrap}});
    const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(8);
    NewTopic topic;
    topic.name = QStringLiteral("kops-bench-cg-%1").arg(suffix);
    topic.partitions = 4;
    if (auto created = api.createTopic(topic); !created.ok()) {
        std::fprintf(stderr, "create topic: %s\n", qPrintable(created.error().toString()));
        return 1;
    }
    QElapsedTimer clock;
    clock.start();
    for (int g = 0; g < groups; ++g) {
        QList<PartitionOffset> offsets;
        for (int p = 0; p < 4; ++p)
            offsets.append({topic.name, p, 0, {}, {}});
        auto altered = api.alterGroupOffsets(QStringLiteral("kops-bench-cg-%1-%2").arg(suffix).arg(g), offsets);
        if (!altered.ok()) {
            std::fprintf(stderr, "commit for group %d: %s\n", g, qPrintable(altered.error().toString()));
            return 1;
        }
    }
    std::printf("created %d groups in %.1f s\n", groups, double(clock.elapsed()) / 1000);
    const auto listed = api.listGroups();
    const qsizetype total = listed.ok() ? listed.value().size() : -1;

    const QStringList args{QStringLiteral("--bootstrap-server"), bootstrap, QStringLiteral("--describe"), QStringLiteral("--all-groups")};
    const Timed ours = timed(parser.value(QStringLiteral("kafka-ops")), QStringList{QStringLiteral("consumer-groups")} + args, javaTimeout);
    const Timed java = timed(tool, args, javaTimeout);
    std::printf("\n--describe --all-groups on %lld groups (%d created by this run)\n", qint64(total), groups);
    std::printf("%-28s %10s %8s %12s\n", "", "wall (s)", "exit", "stdout bytes");
    std::printf("%-28s %10.2f %8d %12lld\n", "kafka-ops consumer-groups", ours.seconds, ours.exitCode, qint64(ours.out.size()));
    if (java.finished)
        std::printf("%-28s %10.2f %8d %12lld\n", "kafka-consumer-groups.sh", java.seconds, java.exitCode, qint64(java.out.size()));
    else
        std::printf("%-28s %10s %8s %12s\n", "kafka-consumer-groups.sh", qPrintable(QStringLiteral(">%1").arg(javaTimeout)), "killed", "-");
    if (java.finished)
        std::printf("same stdout: %s (groups created or changed between the two runs make it differ)\n",
                    ours.out == java.out ? "yes" : "no");
    if (java.finished && java.out.size() < 1000)
        std::printf("kafka-consumer-groups.sh printed: %s\n", java.out.trimmed().constData());

    // The broker is shared: leave it with the groups it had.
    QStringList created;
    for (int g = 0; g < groups; ++g)
        created << QStringLiteral("kops-bench-cg-%1-%2").arg(suffix).arg(g);
    for (qsizetype i = 0; i < created.size(); i += 500)
        if (auto deleted = api.deleteGroups(created.mid(i, 500)); !deleted.ok())
            std::fprintf(stderr, "deleting the benchmark's groups: %s\n", qPrintable(deleted.error().toString()));
    return 0;
}
