#include "fieldsource.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QtEndian>

namespace kops {

Result<FieldSource> FieldSource::parse(const QString &text)
{
    FieldSource f;
    const QString t = text.trimmed();
    if (t.isEmpty())
        return f;
    f.m_text = t;
    if (t.startsWith(QLatin1String("header:"))) {
        f.m_kind = Kind::Header;
        f.m_header = t.mid(7).toUtf8();
        if (f.m_header.isEmpty())
            return KafkaError::make(QStringLiteral("_INVALID_ARG"), tr("'header:' needs a header name, e.g. header:event-id."));
        return f;
    }
    if (!t.startsWith(QLatin1String("json:")))
        return KafkaError::make(QStringLiteral("_INVALID_ARG"),
                                tr("'%1' is neither json:$.path nor header:NAME.").arg(t));
    f.m_kind = Kind::Json;
    QString path = t.mid(5);
    if (path.startsWith(QLatin1String("$")))
        path = path.mid(1);
    // $.a.b[2].c : keys after dots, indexes in brackets.
    qsizetype i = 0;
    while (i < path.size()) {
        const QChar c = path.at(i);
        if (c == QLatin1Char('.')) {
            qsizetype j = i + 1;
            while (j < path.size() && path.at(j) != QLatin1Char('.') && path.at(j) != QLatin1Char('['))
                ++j;
            const QString key = path.mid(i + 1, j - i - 1);
            if (key.isEmpty())
                return KafkaError::make(QStringLiteral("_INVALID_ARG"), tr("Empty field name in '%1'.").arg(t));
            f.m_path.append(key);
            i = j;
        } else if (c == QLatin1Char('[')) {
            const qsizetype close = path.indexOf(QLatin1Char(']'), i);
            bool ok = false;
            const int index = close > i ? path.mid(i + 1, close - i - 1).toInt(&ok) : -1;
            if (!ok || index < 0)
                return KafkaError::make(QStringLiteral("_INVALID_ARG"), tr("Bad array index in '%1'.").arg(t));
            f.m_path.append(index);
            i = close + 1;
        } else {
            return KafkaError::make(QStringLiteral("_INVALID_ARG"),
                                    tr("A JSON path starts with $. as in json:$.orderId (not '%1').").arg(t));
        }
    }
    if (f.m_path.isEmpty())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"), tr("'%1' names no field.").arg(t));
    return f;
}

std::optional<QJsonValue> FieldSource::jsonValue(const QJsonDocument *json) const
{
    if (!json || json->isNull())
        return std::nullopt;
    QJsonValue v = json->isObject() ? QJsonValue(json->object()) : QJsonValue(json->array());
    for (const QVariant &step : m_path) {
        if (step.typeId() == QMetaType::Int) {
            if (!v.isArray())
                return std::nullopt;
            v = v.toArray().at(step.toInt());
        } else {
            if (!v.isObject())
                return std::nullopt;
            v = v.toObject().value(step.toString());
        }
        if (v.isUndefined())
            return std::nullopt;
    }
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    return v;
}

std::optional<QByteArray> FieldSource::header(const RecordView &record) const
{
    std::optional<QByteArray> found;
    record.forEachHeader([&](QByteArrayView name, QByteArrayView value, bool isNull) {
        if (name == QByteArrayView(m_header)) {
            if (!isNull)
                found = value.toByteArray();
            return false;
        }
        return true;
    });
    return found;
}

std::optional<QByteArray> FieldSource::bytes(const RecordView &record, const QJsonDocument *json) const
{
    if (m_kind == Kind::Header)
        return header(record);
    if (m_kind != Kind::Json)
        return std::nullopt;
    const auto v = jsonValue(json);
    if (!v)
        return std::nullopt;
    if (v->isString())
        return v->toString().toUtf8();
    if (v->isDouble()) {
        const double d = v->toDouble();
        if (d == double(qint64(d)))
            return QByteArray::number(qint64(d));
        return QByteArray::number(d, 'g', 17);
    }
    if (v->isBool())
        return v->toBool() ? QByteArray("true") : QByteArray("false");
    return QJsonDocument(v->isObject() ? QJsonDocument(v->toObject()) : QJsonDocument(v->toArray())).toJson(QJsonDocument::Compact);
}

std::optional<qint64> FieldSource::number(const RecordView &record, const QJsonDocument *json) const
{
    if (m_kind == Kind::Json) {
        const auto v = jsonValue(json);
        if (!v)
            return std::nullopt;
        if (v->isDouble()) {
            const double d = v->toDouble();
            if (d != double(qint64(d)))
                return std::nullopt;
            return qint64(d);
        }
        if (v->isString()) {
            bool ok = false;
            const qint64 n = v->toString().toLongLong(&ok);
            return ok ? std::optional<qint64>(n) : std::nullopt;
        }
        return std::nullopt;
    }
    if (m_kind != Kind::Header)
        return std::nullopt;
    const auto h = header(record);
    if (!h)
        return std::nullopt;
    bool ok = false;
    const qint64 n = h->trimmed().toLongLong(&ok);
    if (ok)
        return n;
    if (h->size() == 8)
        return qFromBigEndian<qint64>(h->constData());
    if (h->size() == 4)
        return qFromBigEndian<qint32>(h->constData());
    return std::nullopt;
}

} // namespace kops
