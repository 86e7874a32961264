#pragma once

#include "deadletterheaders.h"
#include "partitionstream.h"

#include <QRegularExpression>

#include <optional>

namespace kops {

/// One text condition: substring (case-sensitive on bytes) or regular expression.
struct TextMatch
{
    QString pattern;
    bool regex = false;

    bool isEmpty() const { return pattern.isEmpty(); }
};

/// The record filter of browse, export and requeue. All set conditions must hold.
struct RecordFilterSpec
{
    TextMatch key;
    TextMatch value;
    QString headerName;  ///< with headerValue: a header with this name whose value matches
    TextMatch headerValue;
    QString errorClass;    ///< substring of the decoded error class
    QString originalTopic; ///< exact decoded original topic
    std::optional<qint64> fromTimeMs; ///< record timestamp >= this
    std::optional<qint64> toTimeMs;   ///< record timestamp < this

    bool isEmpty() const;
};

/// A compiled RecordFilterSpec. Regular expressions that do not compile are reported by error().
class RecordFilter final
{
public:
    explicit RecordFilter(RecordFilterSpec spec = {});

    const RecordFilterSpec &spec() const { return m_spec; }
    /// Empty when every expression compiled.
    QString error() const { return m_error; }
    bool matches(const ConsumedRecord &record, const DeadLetterInfo &info) const;
    /// The same test on a record where it lies; info is only read when needsDeadLetterInfo().
    bool matches(const RecordView &record, const DeadLetterInfo &info) const;
    /// True when a condition needs the decoded dead-letter headers (error class, original topic):
    /// otherwise callers may skip decoding.
    bool needsDeadLetterInfo() const { return !m_spec.errorClass.isEmpty() || !m_spec.originalTopic.isEmpty(); }

private:
    bool matchText(const TextMatch &m, const QByteArray &bytes, const QRegularExpression &re, QByteArrayView data,
                   bool isNull) const;

    RecordFilterSpec m_spec;
    QRegularExpression m_keyRe;
    QRegularExpression m_valueRe;
    QRegularExpression m_headerRe;
    QByteArray m_keyBytes, m_valueBytes, m_headerBytes, m_headerNameBytes; ///< substring patterns as UTF-8, made once
    QString m_error;
};

} // namespace kops
