#include "jvmoptions.h"

#include <QCoreApplication>

#include <QRegularExpression>

#include <cmath>

namespace kops {

namespace {

std::optional<qint64> sizeWithUnit(const QString &number, const QString &unit)
{
    bool ok = false;
    const double n = number.toDouble(&ok);
    if (!ok || n < 0)
        return std::nullopt;
    double mult = 1;
    const QString u = unit.toLower();
    if (u.isEmpty() || u == QLatin1String("b"))
        mult = 1;
    else if (u.startsWith(QLatin1Char('k')))
        mult = 1024.0;
    else if (u.startsWith(QLatin1Char('m')))
        mult = 1024.0 * 1024;
    else if (u.startsWith(QLatin1Char('g')))
        mult = 1024.0 * 1024 * 1024;
    else if (u.startsWith(QLatin1Char('t')))
        mult = 1024.0 * 1024 * 1024 * 1024;
    else
        return std::nullopt;
    return qint64(std::llround(n * mult));
}

} // namespace

std::optional<qint64> parseJvmSize(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)([kKmMgGtT]?)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return sizeWithUnit(m.captured(1), m.captured(2));
}

std::optional<qint64> parseMemorySize(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+(?:\\.\\d+)?)\\s*([kKmMgGtT]?)(?:i?[bB])?$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return sizeWithUnit(m.captured(1), m.captured(2));
}

QString formatJvmSize(qint64 bytes)
{
    const qint64 k = 1024, mb = k * k, g = mb * k;
    if (bytes > 0 && bytes % g == 0)
        return QString::number(bytes / g) + QLatin1Char('G');
    if (bytes > 0 && bytes % mb == 0)
        return QString::number(bytes / mb) + QLatin1Char('M');
    if (bytes > 0 && bytes % k == 0)
        return QString::number(bytes / k) + QLatin1Char('K');
    return QString::number(bytes);
}

QString formatMemory(qint64 bytes)
{
    const double g = double(bytes) / (1024.0 * 1024 * 1024);
    if (std::abs(g) >= 1) {
        if (std::abs(g - std::round(g)) < 0.05)
            return QCoreApplication::translate("kops::Profiles", "%1 GB").arg(qint64(std::round(g)));
        return QCoreApplication::translate("kops::Profiles", "%1 GB").arg(g, 0, 'f', 1);
    }
    return QCoreApplication::translate("kops::Profiles", "%1 MB").arg(qint64(std::round(double(bytes) / (1024.0 * 1024))));
}

bool JvmOptions::isHeapKey(const QString &key)
{
    return key == QLatin1String("-Xmx") || key == QLatin1String("-Xms") || key == QLatin1String("-Xmn");
}

QStringList JvmOptions::collectorKeys()
{
    return {QStringLiteral("-XX:UseG1GC"), QStringLiteral("-XX:UseZGC"), QStringLiteral("-XX:UseParallelGC"),
            QStringLiteral("-XX:UseSerialGC"), QStringLiteral("-XX:UseConcMarkSweepGC"),
            QStringLiteral("-XX:UseShenandoahGC")};
}

bool JvmOptions::tokenToSetting(const QString &token, QString *key, QString *value, QString *problem)
{
    static const QRegularExpression sized(QStringLiteral("^(-Xmx|-Xms|-Xmn|-Xss)(.*)$"));
    if (const auto m = sized.match(token); m.hasMatch()) {
        if (!parseJvmSize(m.captured(2))) {
            *problem = QCoreApplication::translate("kops::Profiles", "'%1': %2 needs a size such as 4G or 512M").arg(token, m.captured(1));
            return false;
        }
        *key = m.captured(1);
        *value = m.captured(2);
        return true;
    }
    if (token.startsWith(QLatin1String("-XX:"))) {
        const QString rest = token.mid(4);
        if (rest.startsWith(QLatin1Char('+')) || rest.startsWith(QLatin1Char('-'))) {
            if (rest.size() < 2 || rest.contains(QLatin1Char('='))) {
                *problem = QCoreApplication::translate("kops::Profiles", "'%1' is not a valid -XX:+Flag / -XX:-Flag").arg(token);
                return false;
            }
            *key = QStringLiteral("-XX:") + rest.mid(1);
            *value = rest.startsWith(QLatin1Char('+')) ? QStringLiteral("true") : QStringLiteral("false");
            return true;
        }
        const qsizetype eq = rest.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq + 1 >= rest.size()) {
            *problem = QCoreApplication::translate("kops::Profiles", "'%1' should be -XX:Name=value, -XX:+Name or -XX:-Name").arg(token);
            return false;
        }
        *key = QStringLiteral("-XX:") + rest.left(eq);
        *value = rest.mid(eq + 1);
        return true;
    }
    if (token.startsWith(QLatin1String("-D"))) {
        const qsizetype eq = token.indexOf(QLatin1Char('='));
        *key = eq < 0 ? token : token.left(eq);
        *value = eq < 0 ? QString() : token.mid(eq + 1);
        if (key->size() <= 2) {
            *problem = QCoreApplication::translate("kops::Profiles", "'%1' has no property name").arg(token);
            return false;
        }
        return true;
    }
    if (!token.startsWith(QLatin1Char('-'))) {
        *problem = QCoreApplication::translate("kops::Profiles", "'%1' is not a JVM option (options start with '-')").arg(token);
        return false;
    }
    *key = token;
    value->clear();
    return true;
}

QString JvmOptions::settingToToken(const QString &key, const QString &value)
{
    if (isHeapKey(key) || key == QLatin1String("-Xss"))
        return key + value;
    if (key.startsWith(QLatin1String("-XX:"))) {
        if (value == QLatin1String("true"))
            return QStringLiteral("-XX:+") + key.mid(4);
        if (value == QLatin1String("false"))
            return QStringLiteral("-XX:-") + key.mid(4);
        return key + QLatin1Char('=') + value;
    }
    if (key.startsWith(QLatin1String("-D")))
        return value.isEmpty() ? key : key + QLatin1Char('=') + value;
    return value.isEmpty() ? key : key + value;
}

JvmOptions::Parsed JvmOptions::parse(const QString &text)
{
    static const QRegularExpression assign(
        QStringLiteral("^(?:export\\s+)?(KAFKA_HEAP_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_OPTS)\\s*=\\s*(.*)$"));
    Parsed out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i) + 1;
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QString options;
        if (const auto m = assign.match(line); m.hasMatch()) {
            options = m.captured(2).trimmed();
            if (options.startsWith(QLatin1Char('"')) || options.startsWith(QLatin1Char('\''))) {
                const QChar quote = options[0];
                const qsizetype end = options.indexOf(quote, 1);
                if (end < 0) {
                    out.issues.append({lineNo, QCoreApplication::translate("kops::Profiles", "%1: the quote is never closed.").arg(m.captured(1))});
                    options = options.mid(1);
                } else {
                    if (!options.mid(end + 1).trimmed().isEmpty())
                        out.issues.append({lineNo, QCoreApplication::translate("kops::Profiles", "Text after the closing quote is ignored."), true});
                    options = options.mid(1, end - 1);
                }
            }
        } else if (line.startsWith(QLatin1Char('-'))) {
            options = line; // a bare option list, as pasted from `ps`
        } else {
            out.issues.append({lineNo, QCoreApplication::translate("kops::Profiles", "Not a KAFKA_HEAP_OPTS / KAFKA_JVM_PERFORMANCE_OPTS line: '%1'.")
                                           .arg(line.left(60))});
            continue;
        }
        const QStringList tokens = options.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        for (const QString &token : tokens) {
            QString key, value, problem;
            if (!tokenToSetting(token, &key, &value, &problem)) {
                out.issues.append({lineNo, problem + QLatin1Char('.')});
                continue;
            }
            if (out.settings.contains(key) && out.settings.value(key) != value)
                out.issues.append({lineNo, QCoreApplication::translate("kops::Profiles", "%1 is given twice; the JVM uses the last one (%2).")
                                               .arg(key, settingToToken(key, value)), true});
            out.settings.insert(key, value);
            out.lines.insert(key, lineNo);
        }
    }
    return out;
}

QString JvmOptions::toEnv(const QMap<QString, QString> &settings)
{
    QStringList heap, perf;
    for (const char *k : {"-Xmx", "-Xms", "-Xmn"}) {
        const QString key = QString::fromLatin1(k);
        if (settings.contains(key))
            heap << settingToToken(key, settings.value(key));
    }
    for (const QString &k : collectorKeys())
        if (settings.contains(k))
            perf << settingToToken(k, settings.value(k));
    for (auto it = settings.cbegin(); it != settings.cend(); ++it)
        if (!isHeapKey(it.key()) && !collectorKeys().contains(it.key()))
            perf << settingToToken(it.key(), it.value());
    QString out;
    out += QStringLiteral("export KAFKA_HEAP_OPTS=\"%1\"\n").arg(heap.join(QLatin1Char(' ')));
    out += QStringLiteral("export KAFKA_JVM_PERFORMANCE_OPTS=\"%1\"\n").arg(perf.join(QLatin1Char(' ')));
    return out;
}

QString JvmOptions::toCommandLine(const QMap<QString, QString> &settings)
{
    const QString env = toEnv(settings);
    QStringList tokens;
    static const QRegularExpression quoted(QStringLiteral("\"([^\"]*)\""));
    auto it = quoted.globalMatch(env);
    while (it.hasNext()) {
        const QString part = it.next().captured(1);
        if (!part.isEmpty())
            tokens << part;
    }
    return tokens.join(QLatin1Char(' '));
}

} // namespace kops
