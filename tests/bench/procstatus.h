#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace kops::bench {

/// A "Key:   1234 kB" figure of /proc/PID/status (pid 0: this process), in kB; -1 when unknown.
inline qint64 statusKb(qint64 pid, const char *key)
{
    QFile f(pid > 0 ? QStringLiteral("/proc/%1/status").arg(pid) : QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(int(qstrlen(key))).trimmed().split(' ').first().toLongLong();
    return -1;
}

} // namespace kops::bench
