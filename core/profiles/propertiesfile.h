#pragma once

#include <QList>
#include <QMap>
#include <QString>

namespace kops {

/// A problem in an imported file, with the 1-based line it was found on.
struct ParseIssue
{
    int line = 0;
    QString message;
    bool minor = false; ///< a warning (e.g. a key set twice), not a broken line
};

/// A Java .properties file read leniently: every usable entry, and every line that is not.
struct PropertiesFile
{
    struct Entry
    {
        QString key;
        QString value;
        int line = 0;
    };
    QList<Entry> entries;
    QList<ParseIssue> issues;

    /// Later entries win, as in java.util.Properties.
    QMap<QString, QString> toMap() const;
    int lineOf(const QString &key) const; ///< 0 when absent

    /// Parses the text; never fails, problems end up in issues.
    static PropertiesFile parse(const QString &text);
    /// Writes key=value lines with the escapes Java expects, preceded by optional comment lines.
    static QString write(const QMap<QString, QString> &settings, const QStringList &comments = {});
};

} // namespace kops
