#include "lagsettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace kops {

namespace {

Result<QJsonObject> readAll(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return QJsonObject{};
    if (!f.open(QIODevice::ReadOnly))
        return KafkaError::make(QStringLiteral("IO"), QStringLiteral("Cannot read %1: %2").arg(path, f.errorString()));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError)
        return KafkaError::make(QStringLiteral("PARSE"),
                                QStringLiteral("%1 is not valid JSON: %2").arg(path, err.errorString()));
    return doc.object();
}

} // namespace

QString LagSettings::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/lag-settings.json");
}

Result<LagSettings> LagSettings::load(const QString &connection, const QString &path)
{
    auto all = readAll(path.isEmpty() ? defaultPath() : path);
    if (!all)
        return all.error();
    const QJsonObject o = all.value().value(QStringLiteral("connections")).toObject().value(connection).toObject();
    LagSettings s;
    for (const QJsonValue &v : o.value(QStringLiteral("thresholds")).toArray())
        s.thresholds.append(LagThreshold::fromJson(v.toObject()));
    for (const QJsonValue &v : o.value(QStringLiteral("watchedGroups")).toArray())
        s.watchedGroups << v.toString();
    s.alertCommand = o.value(QStringLiteral("alertCommand")).toString();
    s.desktopNotifications = o.value(QStringLiteral("desktopNotifications")).toBool(true);
    s.windowSize = std::clamp(o.value(QStringLiteral("windowSize")).toInt(10), 2, 100);
    s.readCommitStream = o.value(QStringLiteral("readCommitStream")).toBool(true);
    s.commitStreamLookBackMinutes = std::max(0, o.value(QStringLiteral("commitStreamLookBackMinutes")).toInt(0));
    s.historyBudgetMB = std::clamp(o.value(QStringLiteral("historyBudgetMB")).toInt(500), 10, 1024 * 1024);
    return s;
}

Status LagSettings::save(const QString &connection, const LagSettings &settings, const QString &path)
{
    const QString file = path.isEmpty() ? defaultPath() : path;
    auto all = readAll(file);
    if (!all)
        return all.error();
    QJsonArray thresholds;
    for (const LagThreshold &t : settings.thresholds)
        thresholds.append(t.toJson());
    QJsonObject connections = all.value().value(QStringLiteral("connections")).toObject();
    connections.insert(connection, QJsonObject{
                                       {QStringLiteral("thresholds"), thresholds},
                                       {QStringLiteral("watchedGroups"), QJsonArray::fromStringList(settings.watchedGroups)},
                                       {QStringLiteral("alertCommand"), settings.alertCommand},
                                       {QStringLiteral("desktopNotifications"), settings.desktopNotifications},
                                       {QStringLiteral("windowSize"), settings.windowSize},
                                       {QStringLiteral("readCommitStream"), settings.readCommitStream},
                                       {QStringLiteral("commitStreamLookBackMinutes"), settings.commitStreamLookBackMinutes},
                                       {QStringLiteral("historyBudgetMB"), settings.historyBudgetMB},
                                   });
    QJsonObject root = all.value();
    root.insert(QStringLiteral("connections"), connections);
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return KafkaError::make(QStringLiteral("IO"), QStringLiteral("Cannot write %1: %2").arg(file, f.errorString()));
    f.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return KafkaError::make(QStringLiteral("IO"), QStringLiteral("Cannot write %1: %2").arg(file, f.errorString()));
    return Done{};
}

} // namespace kops
