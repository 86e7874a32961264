#pragma once

#include "deadletterreader.h"

#include <QTabWidget>

class QTableWidget;
class QTextBrowser;

namespace kops {

class PayloadViewer;

/// The record beside the dead-letter table: value, key, headers and what the dead-letter
/// headers say, one tab each. Long text (stack traces, messages, header values, unbroken
/// lines) wraps or scrolls inside its tab, so no record can widen the window.
class DeadLetterDetail final : public QTabWidget
{
    Q_OBJECT
public:
    explicit DeadLetterDetail(QWidget *parent = nullptr);

    /// Shows a record; the decoder names the headers it knows (numbers in binary headers).
    void showRecord(const DeadLetterRecord &record, const DeadLetterDecoder &decoder);
    void clear();
    bool hasRecord() const { return m_hasRecord; }

    PayloadViewer *valueViewer() const { return m_valueViewer; }
    PayloadViewer *keyViewer() const { return m_keyViewer; }
    QTableWidget *headersTable() const { return m_headers; }
    QTextBrowser *deadLetterText() const { return m_deadLetter; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitHeaderNames();

    PayloadViewer *m_valueViewer;
    PayloadViewer *m_keyViewer;
    QTableWidget *m_headers;
    QTextBrowser *m_deadLetter;
    bool m_hasRecord = false;
    int m_nameWidth = 0; ///< what the header names need
};

} // namespace kops
