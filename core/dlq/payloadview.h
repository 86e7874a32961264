#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace kops {

/// How a key or value is best shown, and its text for a viewer. Bounded: however large the
/// payload, the text is cut at a limit so a 10 MB value never freezes a widget.
struct PayloadView
{
    enum class Kind { Null, Empty, Text, Json, Binary };
    Kind kind = Kind::Null;
    QString text;        ///< UTF-8 text, pretty-printed JSON, or a hex dump
    bool truncated = false;
    qsizetype size = 0;

    static PayloadView make(const std::optional<QByteArray> &bytes, qsizetype maxTextBytes = 1 << 20,
                            qsizetype maxHexBytes = 64 * 1024);
    QString kindName() const;
};

/// Classic 16-bytes-per-line hex dump with an ASCII column.
QString hexDump(const QByteArray &bytes, qsizetype maxBytes);

} // namespace kops
