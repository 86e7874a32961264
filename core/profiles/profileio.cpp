#include "profileio.h"

#include <QCoreApplication>

#include "configkeys.h"
#include "jvmoptions.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace kops {

namespace {

bool looksLikeJvm(const QString &text)
{
    return text.contains(QLatin1String("KAFKA_HEAP_OPTS")) || text.contains(QLatin1String("KAFKA_JVM_PERFORMANCE_OPTS"))
           || text.trimmed().startsWith(QLatin1String("-X"));
}

} // namespace

ProfileType ProfileIo::guessType(const QString &text, const QString &fileName)
{
    const QString base = QFileInfo(fileName).fileName().toLower();
    if (base.contains(QLatin1String("producer")))
        return ProfileType::Producer;
    if (base.contains(QLatin1String("consumer")))
        return ProfileType::Consumer;
    if (base.contains(QLatin1String("topic")))
        return ProfileType::Topic;
    if (base.contains(QLatin1String("jvm")) || base.endsWith(QLatin1String(".sh")) || base.endsWith(QLatin1String(".env"))
        || looksLikeJvm(text))
        return ProfileType::Jvm;
    // Score by keys that only one type knows.
    const PropertiesFile pf = PropertiesFile::parse(text);
    int score[3] = {0, 0, 0};
    const ProfileType types[3] = {ProfileType::Producer, ProfileType::Consumer, ProfileType::Topic};
    for (const auto &e : pf.entries) {
        int knownBy = 0, which = -1;
        for (int i = 0; i < 3; ++i)
            if (ConfigKeys::find(types[i], e.key)) {
                ++knownBy;
                which = i;
            }
        if (knownBy == 1)
            ++score[which];
    }
    int best = 0;
    for (int i = 1; i < 3; ++i)
        if (score[i] > score[best])
            best = i;
    return types[best];
}

ProfileIo::Imported ProfileIo::import(const QString &text, const QString &fileName, std::optional<ProfileType> type,
                                      std::optional<ProfileIntent> intent)
{
    Imported im;
    im.profile.name = QFileInfo(fileName).completeBaseName();
    if (im.profile.name.isEmpty())
        im.profile.name = QStringLiteral("imported");
    if (fileName.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) || text.trimmed().startsWith(QLatin1Char('{'))) {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &err);
        if (err.error != QJsonParseError::NoError) {
            const int line = int(text.left(err.offset).count(QLatin1Char('\n'))) + 1;
            im.issues.append({line, QCoreApplication::translate("kops::Profiles", "Not valid JSON: %1.").arg(err.errorString())});
            im.profile.type = type.value_or(ProfileType::Producer);
            im.profile.intent = intent.value_or(ProfileIntent::NoLoss);
            return im;
        }
        QString why;
        if (auto p = ConfigProfile::fromJson(doc.object(), &why)) {
            im.profile = *p;
        } else {
            im.issues.append({1, QCoreApplication::translate("kops::Profiles", "Not a profile: %1.").arg(why)});
        }
        if (type)
            im.profile.type = *type;
        if (intent)
            im.profile.intent = *intent;
        return im;
    }
    im.profile.type = type ? *type : guessType(text, fileName);
    im.profile.intent = intent.value_or(ProfileIntent::NoLoss);
    if (im.profile.type == ProfileType::Jvm) {
        const JvmOptions::Parsed parsed = JvmOptions::parse(text);
        im.profile.settings = parsed.settings;
        im.lines = parsed.lines;
        im.issues = parsed.issues;
    } else {
        const PropertiesFile pf = PropertiesFile::parse(text);
        im.profile.settings = pf.toMap();
        for (const auto &e : pf.entries)
            im.lines.insert(e.key, e.line);
        im.issues = pf.issues;
    }
    return im;
}

QString ProfileIo::exportProfile(const ConfigProfile &p, Format format)
{
    switch (format) {
    case Format::Json: return QString::fromUtf8(QJsonDocument(p.toJson()).toJson(QJsonDocument::Indented));
    case Format::Env:
        if (p.type == ProfileType::Jvm)
            return QStringLiteral("# Kafka Ops Console JVM profile '%1' (%2)\n").arg(p.name, profileIntentName(p.intent))
                   + JvmOptions::toEnv(p.settings);
        [[fallthrough]];
    case Format::Properties:
        if (p.type == ProfileType::Jvm)
            return JvmOptions::toEnv(p.settings);
        return PropertiesFile::write(p.settings, {QStringLiteral("Kafka Ops Console %1 profile '%2' (intent: %3)")
                                                      .arg(profileTypeName(p.type), p.name, profileIntentName(p.intent))});
    }
    return {};
}

std::optional<ProfileIo::Format> ProfileIo::formatFromName(const QString &name)
{
    if (name == QLatin1String("properties"))
        return Format::Properties;
    if (name == QLatin1String("env"))
        return Format::Env;
    if (name == QLatin1String("json"))
        return Format::Json;
    return std::nullopt;
}

QList<LintFinding> ProfileIo::lintImported(const Imported &imported, const LintContext &context)
{
    QList<LintFinding> out = ConfigLinter::parseFindings(imported.issues, imported.profile.type);
    for (LintFinding f : ConfigLinter::lint(imported.profile, context)) {
        for (const QString &k : f.keys)
            if (imported.lines.contains(k)) {
                f.line = imported.lines.value(k);
                break;
            }
        out.append(f);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const LintFinding &a, const LintFinding &b) { return int(a.severity) > int(b.severity); });
    return out;
}

} // namespace kops
