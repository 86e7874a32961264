// Memory of the console (offscreen) or `kafka-ops lag --watch` sampling many groups on a
// real broker for a long time: creates (once) GROUPS consumer groups with committed offsets
// on PARTITIONS partitions each (prefix "i19-mem"), starts the program in its own temporary
// home, and prints its resident memory (and the size of its lag history) every minute.
// Prints figures; not a test.
//
// Usage: bench_lagmemory BOOTSTRAP [groups=10000] [partitions=5] [minutes=120] [console|cli] [--keep]
//        (the programs are taken from this build tree; the groups are deleted at the end
//        unless --keep is given)
#include "benchgroups.h"
#include "procstatus.h"
#include "rdkafkaclusterapi.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <vector>

using namespace kops;

namespace {

const QString kPrefix = QStringLiteral("i19-mem");

bool setUp(const QString &bootstrap, int groups, int partitions)
{
    return bench::setUpGroups(kPrefix, bootstrap, groups, partitions);
}

void cleanUp(const QString &bootstrap, int groups)
{
    bench::cleanUpGroups(kPrefix, bootstrap, groups);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    const bool keep = args.removeAll(QStringLiteral("--keep")) > 0;
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_lagmemory BOOTSTRAP [groups] [partitions] [minutes] [console|cli] [--keep]\n");
        return 2;
    }
    const QString bootstrap = args.at(1);
    const int groups = args.size() > 2 ? args.at(2).toInt() : 10000;
    const int partitions = args.size() > 3 ? args.at(3).toInt() : 5;
    const int minutes = args.size() > 4 ? args.at(4).toInt() : 120;
    const bool cli = args.size() > 5 && args.at(5) == QLatin1String("cli");
    if (!setUp(bootstrap, groups, partitions))
        return 1;

    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const QString appDir = QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/");
    QProcess p;
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(home.filePath(QStringLiteral("stderr.txt")));
    const QString wrapper = qEnvironmentVariable("KOPS_BENCH_WRAPPER"); // e.g. heaptrack
    QStringList command = cli ? QStringList{appDir + QStringLiteral("kafka-ops"), QStringLiteral("lag"),
                                            QStringLiteral("--bootstrap"), bootstrap, QStringLiteral("--watch")}
                              : QStringList{appDir + QStringLiteral("kafka-ops-console"), QStringLiteral("--bootstrap"),
                                            bootstrap};
    if (!wrapper.isEmpty())
        command = wrapper.split(QLatin1Char(' '), Qt::SkipEmptyParts) + command;
    p.start(command.first(), command.mid(1));
    if (!p.waitForStarted()) {
        std::fprintf(stderr, "cannot start %s\n", qPrintable(command.join(QLatin1Char(' '))));
        return 1;
    }
    std::printf("%s: %d groups x %d partitions, RSS every minute for %d minutes\n",
                qPrintable(command.join(QLatin1Char(' '))), groups, partitions, minutes);
    std::printf("%6s %10s %10s %12s\n", "minute", "RSS MB", "anon MB", "history MB");
    QList<double> rss;
    for (int minute = 0; minute <= minutes && p.state() == QProcess::Running; ++minute) {
        if (minute > 0)
            p.waitForFinished(60'000);
        if (p.state() != QProcess::Running)
            break;
        const qint64 pid = p.processId();
        const double mb = double(bench::statusKb(pid, "VmRSS:")) / 1024.0;
        const double anon = double(bench::statusKb(pid, "RssAnon:")) / 1024.0;
        qint64 history = 0;
        for (const QFileInfo &f : QDir(home.filePath(QStringLiteral("data"))).entryInfoList(QDir::Files))
            history += f.size();
        for (const QString &sub : QDir(home.filePath(QStringLiteral("data"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            for (const QFileInfo &f : QDir(home.filePath(QStringLiteral("data/") + sub)).entryInfoList(QDir::Files))
                history += f.size();
        rss.append(mb);
        std::printf("%6d %10.1f %10.1f %12.1f\n", minute, mb, anon, double(history) / 1048576.0);
        std::fflush(stdout);
    }
    if (p.state() != QProcess::Running) {
        QFile err(home.filePath(QStringLiteral("stderr.txt")));
        err.open(QIODevice::ReadOnly);
        std::printf("the program ended early (exit %d, %s); its last output:\n%s\n", p.exitCode(),
                    p.exitStatus() == QProcess::CrashExit ? "crashed" : "exited", err.readAll().right(3000).constData());
    }
    if (rss.size() > 11) {
        const auto [lo, hi] = std::minmax_element(rss.cbegin() + 10, rss.cend());
        std::printf("after minute 10: RSS between %.1f and %.1f MB (%.1f%% of the lower)\n", *lo, *hi,
                    100.0 * (*hi - *lo) / *lo);
    }
    p.terminate();
    if (!p.waitForFinished(30'000))
        p.kill();
    if (!keep)
        cleanUp(bootstrap, groups);
    return 0;
}
