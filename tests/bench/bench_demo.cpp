// Not a test: how heavy the demo is. Starts the real console on the demo cluster
// (kafka-ops-console --demo, offscreen, in its own temporary settings), then prints how long
// the demo took to start, and after the run (60 s by default) its resident memory and the CPU
// it used at rest (from 10 s after start to the end), read from /proc.
// Usage: build/tests/bench/bench_demo [seconds] [path/to/kafka-ops-console]
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <unistd.h>

namespace {

/// utime + stime of a process, in seconds.
double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

qint64 statusKb(qint64 pid, const char *key)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(qstrlen(key)).trimmed().split(' ').first().toLongLong();
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int seconds = argc > 1 ? std::max(15, QString::fromLocal8Bit(argv[1]).toInt()) : 60;
    const QString console = argc > 2 ? QString::fromLocal8Bit(argv[2])
                                     : QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/kafka-ops-console");
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state")));
    const QString log = home.filePath(QStringLiteral("state/kafka-ops-console/kafka-ops-console.log"));

    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer clock;
    clock.start();
    p.start(console, {QStringLiteral("--demo")});
    if (!p.waitForStarted(10000)) {
        out << "cannot start " << console << Qt::endl;
        return 1;
    }
    const qint64 pid = p.processId();
    static const QRegularExpression ready(QStringLiteral("demo cluster ready in (\\d+) ms"));
    qint64 demoMs = -1;
    qint64 readyWallMs = -1;
    double cpuAtRestStart = -1;
    while (clock.elapsed() < seconds * 1000LL && p.state() == QProcess::Running) {
        if (demoMs < 0) {
            QFile f(log);
            if (f.open(QIODevice::ReadOnly)) {
                const auto m = ready.match(QString::fromUtf8(f.readAll()));
                if (m.hasMatch()) {
                    demoMs = m.captured(1).toLongLong();
                    readyWallMs = clock.elapsed();
                }
            }
        }
        if (cpuAtRestStart < 0 && clock.elapsed() >= 10'000)
            cpuAtRestStart = cpuSeconds(pid);
        QThread::msleep(50);
    }
    if (p.state() != QProcess::Running) {
        out << "the console ended early (exit " << p.exitCode() << ")" << Qt::endl;
        return 1;
    }
    const double cpuEnd = cpuSeconds(pid);
    const double restSeconds = double(clock.elapsed()) / 1000.0 - 10.0;
    const qint64 rss = statusKb(pid, "VmRSS:");
    const qint64 peak = statusKb(pid, "VmHWM:");
    out << "demo start (cluster, seeded records and history): " << demoMs << " ms; window up with the demo connected after "
        << readyWallMs << " ms" << Qt::endl;
    out << "after " << seconds << " s: RSS " << rss / 1024 << " MB (peak " << peak / 1024 << " MB), CPU "
        << QString::number(cpuEnd, 'f', 2) << " s in all, at rest (10 s to " << seconds << " s) "
        << QString::number(100.0 * (cpuEnd - cpuAtRestStart) / restSeconds, 'f', 1) << "% of one core" << Qt::endl;
    p.terminate();
    if (!p.waitForFinished(10000))
        p.kill();
    return 0;
}
