#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace kops {

/// An error as a value: the Kafka error name, a sentence a person understands,
/// and optional details (for instance per-partition errors).
struct KafkaError
{
    QString code;    ///< Kafka/librdkafka error name, e.g. "GROUP_ID_NOT_FOUND" or "_TRANSPORT"
    QString message; ///< a sentence for people
    QStringList details;

    static KafkaError make(QString code, QString message, QStringList details = {})
    {
        return KafkaError{std::move(code), std::move(message), std::move(details)};
    }
    /// One line, as printed by the CLI: "message (CODE)".
    QString toString() const;
};

/// A value or an error. Kept deliberately small: ok(), value(), error().
template<typename T>
class Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(KafkaError error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const KafkaError &error() const { return std::get<KafkaError>(m_data); }

private:
    std::variant<T, KafkaError> m_data;
};

struct Done
{
};
using Status = Result<Done>;

} // namespace kops

Q_DECLARE_METATYPE(kops::KafkaError)
