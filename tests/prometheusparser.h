#pragma once
// Parses Prometheus text exposition with the Prometheus project's own Python client
// parser (python3-prometheus-client), so tests check /metrics against an independent
// reading of the format rather than against our own writer's assumptions.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QString>

namespace kops::test {

struct PromSample
{
    QString family;
    QString type;
    QString name;
    QMap<QString, QString> labels;
    double value = 0;
};

/// Returns the samples, or sets *error (parser missing, or the text is not valid).
inline QList<PromSample> parsePrometheusText(const QByteArray &text, QString *error)
{
    static const char *script = R"(
import sys, json
from prometheus_client.parser import text_string_to_metric_families
out = []
for fam in text_string_to_metric_families(sys.stdin.read()):
    for s in fam.samples:
        out.append({"family": fam.name, "type": fam.type, "name": s.name, "labels": s.labels, "value": s.value})
print(json.dumps(out))
)";
    QProcess python;
    // Debian's interpreter, where python3-prometheus-client lives (a pyenv shim may come first on PATH).
    const QString interpreter = QFile::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3")
                                                                                  : QStringLiteral("python3");
    python.start(interpreter, {QStringLiteral("-c"), QString::fromLatin1(script)});
    if (!python.waitForStarted(10000)) {
        *error = QStringLiteral("python3 is not installed (packaging/setup.sh installs python3-prometheus-client)");
        return {};
    }
    python.write(text);
    python.closeWriteChannel();
    python.waitForFinished(120000);
    if (python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        *error = QStringLiteral("the Prometheus parser rejected the text: ")
                 + QString::fromUtf8(python.readAllStandardError()).right(2000);
        return {};
    }
    QList<PromSample> out;
    const QJsonArray arr = QJsonDocument::fromJson(python.readAllStandardOutput()).array();
    for (const QJsonValue &v : arr) {
        const QJsonObject o = v.toObject();
        PromSample s;
        s.family = o.value(QStringLiteral("family")).toString();
        s.type = o.value(QStringLiteral("type")).toString();
        s.name = o.value(QStringLiteral("name")).toString();
        const QJsonObject labels = o.value(QStringLiteral("labels")).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it)
            s.labels.insert(it.key(), it.value().toString());
        s.value = o.value(QStringLiteral("value")).toDouble();
        out.append(s);
    }
    return out;
}

} // namespace kops::test
