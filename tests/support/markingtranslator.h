#pragma once
// Shared by the tests of the configuration key texts (core/profiles ConfigKeys) in Chinese.

#include <QString>
#include <QTranslator>

namespace kops::test {

/// Stands in for a catalogue: "kops::ConfigKeys" texts come back as "[zh] " + the source.
class MarkingTranslator final : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (qstrcmp(context, "kops::ConfigKeys") != 0)
            return {};
        return QStringLiteral("[zh] ") + QString::fromUtf8(source);
    }
};

} // namespace kops::test
