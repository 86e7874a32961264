#include "propertiesfile.h"

#include <QCoreApplication>

#include <QHash>
#include <QStringList>

namespace kops {

namespace {

bool isSeparator(QChar c)
{
    return c == QLatin1Char('=') || c == QLatin1Char(':') || c == QLatin1Char(' ') || c == QLatin1Char('\t')
           || c == QLatin1Char('\f');
}

// Resolves \t \n \uXXXX ... ; an unknown escape keeps the character, as Java does.
QString unescape(const QString &s, int line, QList<ParseIssue> &issues)
{
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c != QLatin1Char('\\') || i + 1 >= s.size()) {
            out += c;
            continue;
        }
        const QChar n = s[++i];
        if (n == QLatin1Char('t'))
            out += QLatin1Char('\t');
        else if (n == QLatin1Char('n'))
            out += QLatin1Char('\n');
        else if (n == QLatin1Char('r'))
            out += QLatin1Char('\r');
        else if (n == QLatin1Char('f'))
            out += QLatin1Char('\f');
        else if (n == QLatin1Char('u')) {
            bool ok = false;
            const ushort code = s.mid(i + 1, 4).toUShort(&ok, 16);
            if (!ok || s.mid(i + 1, 4).size() != 4) {
                issues.append({line, QCoreApplication::translate("kops::Profiles", "Malformed \\uXXXX escape.")});
                out += n;
            } else {
                out += QChar(code);
                i += 4;
            }
        } else
            out += n;
    }
    return out;
}

// A line continues when it ends with an odd number of backslashes.
bool continues(const QString &line)
{
    int n = 0;
    for (qsizetype i = line.size() - 1; i >= 0 && line[i] == QLatin1Char('\\'); --i)
        ++n;
    return n % 2 == 1;
}

QString escape(const QString &s, bool isKey)
{
    QString out;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        switch (c.unicode()) {
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\f': out += QStringLiteral("\\f"); break;
        case '=':
        case ':':
        case '#':
        case '!':
            if (isKey)
                out += QLatin1Char('\\');
            out += c;
            break;
        case ' ':
            if (isKey || i == 0)
                out += QLatin1Char('\\');
            out += c;
            break;
        default:
            if (c.unicode() > 0x7e || c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out;
}

} // namespace

QMap<QString, QString> PropertiesFile::toMap() const
{
    QMap<QString, QString> m;
    for (const Entry &e : entries)
        m.insert(e.key, e.value);
    return m;
}

int PropertiesFile::lineOf(const QString &key) const
{
    for (auto it = entries.crbegin(); it != entries.crend(); ++it)
        if (it->key == key)
            return it->line;
    return 0;
}

PropertiesFile PropertiesFile::parse(const QString &text)
{
    PropertiesFile pf;
    const QStringList lines = QString(text).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).split(QLatin1Char('\n'));
    QHash<QString, int> seen;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i) + 1;
        QString logical = lines[i];
        // Leading white space is insignificant.
        qsizetype start = 0;
        while (start < logical.size() && logical[start].isSpace())
            ++start;
        logical = logical.mid(start);
        if (logical.isEmpty() || logical.startsWith(QLatin1Char('#')) || logical.startsWith(QLatin1Char('!')))
            continue;
        while (continues(logical)) {
            logical.chop(1);
            if (i + 1 >= lines.size()) {
                pf.issues.append({lineNo, QCoreApplication::translate("kops::Profiles", "The last line ends with '\\' but nothing follows.")});
                break;
            }
            logical += lines[++i].trimmed();
        }
        // Key: up to the first unescaped separator.
        qsizetype k = 0;
        QString rawKey;
        while (k < logical.size() && !isSeparator(logical[k])) {
            if (logical[k] == QLatin1Char('\\') && k + 1 < logical.size()) {
                rawKey += logical[k];
                ++k;
            }
            rawKey += logical[k];
            ++k;
        }
        // Separator: white space, then at most one '=' or ':', then white space.
        qsizetype v = k;
        while (v < logical.size() && (logical[v] == QLatin1Char(' ') || logical[v] == QLatin1Char('\t')))
            ++v;
        bool explicitSeparator = false;
        if (v < logical.size() && (logical[v] == QLatin1Char('=') || logical[v] == QLatin1Char(':'))) {
            explicitSeparator = true;
            ++v;
        }
        while (v < logical.size() && (logical[v] == QLatin1Char(' ') || logical[v] == QLatin1Char('\t')))
            ++v;
        const QString key = unescape(rawKey, lineNo, pf.issues);
        // Trailing blanks are almost always accidental (Kafka trims values); an escaped one ("\\ ") stays.
        QString rawValue = logical.mid(v);
        while (rawValue.endsWith(QLatin1Char(' ')) || rawValue.endsWith(QLatin1Char('\t'))) {
            if (rawValue.size() >= 2 && rawValue[rawValue.size() - 2] == QLatin1Char('\\'))
                break;
            rawValue.chop(1);
        }
        const QString value = unescape(rawValue, lineNo, pf.issues);
        if (key.isEmpty()) {
            pf.issues.append({lineNo, QCoreApplication::translate("kops::Profiles", "No key before '%1'.").arg(logical.left(40))});
            continue;
        }
        if (!explicitSeparator && value.isEmpty()) {
            pf.issues.append({lineNo, QCoreApplication::translate("kops::Profiles", "'%1' has no '=' and no value.").arg(key)});
            continue;
        }
        if (seen.contains(key))
            pf.issues.append({lineNo, QCoreApplication::translate("kops::Profiles", "'%1' is set again (line %2 is overridden).").arg(key).arg(seen[key]), true});
        seen[key] = lineNo;
        pf.entries.append({key, value, lineNo});
    }
    return pf;
}

QString PropertiesFile::write(const QMap<QString, QString> &settings, const QStringList &comments)
{
    QString out;
    for (const QString &c : comments)
        out += QStringLiteral("# ") + c + QLatin1Char('\n');
    for (auto it = settings.cbegin(); it != settings.cend(); ++it)
        out += escape(it.key(), true) + QLatin1Char('=') + escape(it.value(), false) + QLatin1Char('\n');
    return out;
}

} // namespace kops
