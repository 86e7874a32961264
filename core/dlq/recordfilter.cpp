#include "recordfilter.h"

#include <QCoreApplication>

namespace kops {

bool RecordFilterSpec::isEmpty() const
{
    return key.isEmpty() && value.isEmpty() && headerName.isEmpty() && headerValue.isEmpty() && errorClass.isEmpty()
           && originalTopic.isEmpty() && !fromTimeMs && !toTimeMs;
}

RecordFilter::RecordFilter(RecordFilterSpec spec) : m_spec(std::move(spec))
{
    auto compile = [this](const TextMatch &m, QRegularExpression &re, const QString &what) {
        if (!m.regex || m.pattern.isEmpty())
            return;
        re = QRegularExpression(m.pattern);
        if (!re.isValid() && m_error.isEmpty())
            m_error = QCoreApplication::translate("kops::DeadLetters", "The %1 expression '%2' is not valid: %3").arg(what, m.pattern, re.errorString());
        re.optimize();
    };
    compile(m_spec.key, m_keyRe, QStringLiteral("key"));
    compile(m_spec.value, m_valueRe, QStringLiteral("value"));
    compile(m_spec.headerValue, m_headerRe, QStringLiteral("header"));
    m_keyBytes = m_spec.key.pattern.toUtf8();
    m_valueBytes = m_spec.value.pattern.toUtf8();
    m_headerBytes = m_spec.headerValue.pattern.toUtf8();
    m_headerNameBytes = m_spec.headerName.toUtf8();
}

bool RecordFilter::matchText(const TextMatch &m, const QByteArray &bytes, const QRegularExpression &re, QByteArrayView data,
                             bool isNull) const
{
    if (m.isEmpty())
        return true;
    if (isNull)
        return false;
    if (!m.regex)
        return data.contains(bytes); // bytes: binary values can be searched too
    return re.isValid() && re.match(QString::fromUtf8(data)).hasMatch();
}

bool RecordFilter::matches(const ConsumedRecord &record, const DeadLetterInfo &info) const
{
    return matches(RecordView::of(record), info);
}

bool RecordFilter::matches(const RecordView &record, const DeadLetterInfo &info) const
{
    if (!m_error.isEmpty())
        return false;
    if (m_spec.fromTimeMs && record.timestampMs < *m_spec.fromTimeMs)
        return false;
    if (m_spec.toTimeMs && record.timestampMs >= *m_spec.toTimeMs)
        return false;
    if (!m_spec.originalTopic.isEmpty() && info.originalTopic != m_spec.originalTopic)
        return false;
    if (!m_spec.errorClass.isEmpty() && !info.errorClass.contains(m_spec.errorClass))
        return false;
    if (!matchText(m_spec.key, m_keyBytes, m_keyRe, record.key(), !record.hasKey()))
        return false;
    if (!matchText(m_spec.value, m_valueBytes, m_valueRe, record.value(), !record.hasValue()))
        return false;
    if (!m_spec.headerName.isEmpty() || !m_spec.headerValue.isEmpty()) {
        bool found = false;
        record.forEachHeader([&](QByteArrayView name, QByteArrayView value, bool isNull) {
            if (!m_headerNameBytes.isEmpty() && name != m_headerNameBytes)
                return true;
            found = matchText(m_spec.headerValue, m_headerBytes, m_headerRe, value, isNull);
            return !found;
        });
        if (!found)
            return false;
    }
    return true;
}

} // namespace kops
