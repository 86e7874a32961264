#include "payloadview.h"

#include "deadletterjson.h"

#include <QJsonDocument>

namespace kops {

QString hexDump(const QByteArray &bytes, qsizetype maxBytes)
{
    const qsizetype n = std::min(bytes.size(), maxBytes);
    QString out;
    out.reserve(n * 4 + 16);
    for (qsizetype line = 0; line < n; line += 16) {
        out += QStringLiteral("%1  ").arg(line, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype i = line; i < line + 16; ++i) {
            if (i < n) {
                const auto c = static_cast<unsigned char>(bytes.at(i));
                out += QStringLiteral("%1 ").arg(uint(c), 2, 16, QLatin1Char('0'));
                ascii += QLatin1Char((c >= 0x20 && c < 0x7f) ? char(c) : '.');
            } else {
                out += QLatin1String("   ");
            }
            if (i == line + 7)
                out += QLatin1Char(' ');
        }
        out += QLatin1Char(' ') + ascii + QLatin1Char('\n');
    }
    return out;
}

PayloadView PayloadView::make(const std::optional<QByteArray> &bytes, qsizetype maxTextBytes, qsizetype maxHexBytes)
{
    PayloadView v;
    if (!bytes)
        return v;
    v.size = bytes->size();
    if (bytes->isEmpty()) {
        v.kind = Kind::Empty;
        return v;
    }
    if (!isValidUtf8(*bytes)) {
        v.kind = Kind::Binary;
        v.text = hexDump(*bytes, maxHexBytes);
        v.truncated = bytes->size() > maxHexBytes;
        return v;
    }
    const QByteArray trimmed = bytes->trimmed();
    if (bytes->size() <= maxTextBytes && (trimmed.startsWith('{') || trimmed.startsWith('['))) {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &err);
        if (err.error == QJsonParseError::NoError) {
            v.kind = Kind::Json;
            v.text = QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
            return v;
        }
    }
    v.kind = Kind::Text;
    if (bytes->size() > maxTextBytes) {
        // Cut on a character boundary: step back over UTF-8 continuation bytes.
        qsizetype cut = maxTextBytes;
        while (cut > 0 && (static_cast<unsigned char>(bytes->at(cut)) & 0xc0) == 0x80)
            --cut;
        v.text = QString::fromUtf8(bytes->constData(), cut);
        v.truncated = true;
    } else {
        v.text = QString::fromUtf8(*bytes);
    }
    return v;
}

QString PayloadView::kindName() const
{
    switch (kind) {
    case Kind::Null: return QStringLiteral("null");
    case Kind::Empty: return QStringLiteral("empty");
    case Kind::Text: return QStringLiteral("text");
    case Kind::Json: return QStringLiteral("JSON");
    case Kind::Binary: return QStringLiteral("binary");
    }
    return {};
}

} // namespace kops
