#pragma once

#include "kafkaerror.h"
#include "partitionstream.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QString>
#include <QVariant>

#include <optional>

namespace kops {

/// Where an audit takes a record's id or sequence number: `json:$.order.id` (a field of the
/// JSON value; `[n]` for array elements) or `header:NAME`.
class FieldSource final
{
    Q_DECLARE_TR_FUNCTIONS(kops::FieldSource)
public:
    enum class Kind { None, Json, Header };

    /// "" -> none; "json:$.a.b", "json:$.items[0].id", "header:NAME"; an error otherwise.
    static Result<FieldSource> parse(const QString &text);

    Kind kind() const { return m_kind; }
    bool isSet() const { return m_kind != Kind::None; }
    QString text() const { return m_text; }
    bool needsJson() const { return m_kind == Kind::Json; }

    /// The field's bytes (JSON strings as their text, numbers as written); nullopt when the
    /// record has no such field. `json` is the value parsed once by the caller (needsJson()).
    std::optional<QByteArray> bytes(const RecordView &record, const QJsonDocument *json) const;
    /// The field as a sequence number: an integer JSON number or numeric string; a header as
    /// decimal text or a 4/8-byte big-endian number. nullopt when absent or not a number.
    std::optional<qint64> number(const RecordView &record, const QJsonDocument *json) const;

private:
    std::optional<QJsonValue> jsonValue(const QJsonDocument *json) const;
    std::optional<QByteArray> header(const RecordView &record) const;

    Kind m_kind = Kind::None;
    QString m_text;
    QList<QVariant> m_path; ///< QString keys and int indexes
    QByteArray m_header;
};

} // namespace kops
