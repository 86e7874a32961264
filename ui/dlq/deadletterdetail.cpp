#include "deadletterdetail.h"

#include "payloadviewer.h"

#include <QHeaderView>
#include <QTableWidget>
#include <QTextBrowser>

namespace kops {

namespace {

constexpr int kMaxTooltipChars = 2000;

QTableWidgetItem *item(const QString &text, const QString &tooltip)
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(i->flags() & ~Qt::ItemIsEditable);
    i->setToolTip(tooltip.size() > kMaxTooltipChars ? tooltip.left(kMaxTooltipChars) + QStringLiteral("…") : tooltip);
    return i;
}

} // namespace

DeadLetterDetail::DeadLetterDetail(QWidget *parent)
    : QTabWidget(parent), m_valueViewer(new PayloadViewer(this)), m_keyViewer(new PayloadViewer(this)),
      m_headers(new QTableWidget(0, 2, this)), m_deadLetter(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("deadLetterDetail"));
    m_headers->setObjectName(QStringLiteral("headersTable"));
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->hide();
    m_headers->verticalHeader()->setDefaultSectionSize(m_headers->fontMetrics().height() + 6);
    m_headers->setWordWrap(false);
    m_headers->setTextElideMode(Qt::ElideRight);
    m_deadLetter->setObjectName(QStringLiteral("deadLetterText"));
    m_deadLetter->setOpenLinks(false);
    m_deadLetter->setLineWrapMode(QTextEdit::WidgetWidth);
    // Class names and stack frames have no spaces: break them anywhere rather than scroll sideways.
    m_deadLetter->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    addTab(m_valueViewer, tr("Value"));
    addTab(m_keyViewer, tr("Key"));
    addTab(m_headers, tr("Headers"));
    addTab(m_deadLetter, tr("Dead letter"));
    clear();
    // Scroll buttons when narrow: the tab bar never asks for the width of all titles together.
    setUsesScrollButtons(true);
}

void DeadLetterDetail::clear()
{
    m_hasRecord = false;
    m_nameWidth = 0;
    m_keyViewer->clear();
    m_valueViewer->clear();
    m_headers->setRowCount(0);
    m_deadLetter->clear();
}

void DeadLetterDetail::showRecord(const DeadLetterRecord &r, const DeadLetterDecoder &decoder)
{
    m_hasRecord = true;
    m_keyViewer->setPayload(r.record.key);
    m_valueViewer->setPayload(r.record.value);
    // Thousands of headers: the table is filled without per-row layout work.
    m_headers->setUpdatesEnabled(false);
    m_headers->setRowCount(int(r.record.headers.size()));
    for (int i = 0; i < r.record.headers.size(); ++i) {
        const RecordHeader &h = r.record.headers.at(i);
        const QString value = decoder.displayValue(h);
        m_headers->setItem(i, 0, item(h.key, h.key));
        m_headers->setItem(i, 1, item(value.simplified(), value)); // one line per header; the tooltip keeps the lines
    }
    m_headers->resizeColumnToContents(0);
    m_nameWidth = m_headers->columnWidth(0);
    fitHeaderNames();
    m_headers->setUpdatesEnabled(true);

    QString text;
    const DeadLetterInfo &info = r.info;
    if (info.format == DeadLetterFormat::None) {
        text = tr("No dead-letter headers recognised.");
    } else {
        text = tr("<b>Format:</b> %1<br><b>Original:</b> %2 / %3 / %4<br><b>Error:</b> %5<br>%6")
                   .arg(deadLetterFormatName(info.format), info.originalTopic.toHtmlEscaped(),
                        info.originalPartition ? QString::number(*info.originalPartition) : QStringLiteral("?"),
                        info.originalOffset ? QString::number(*info.originalOffset) : QStringLiteral("?"),
                        info.errorClass.toHtmlEscaped(), info.errorMessage.left(2000).toHtmlEscaped());
        if (!info.stackTrace.isEmpty())
            text += QStringLiteral("<div style=\"white-space: pre-wrap; font-family: monospace\">%1</div>")
                        .arg(info.stackTrace.left(20000).toHtmlEscaped());
    }
    m_deadLetter->setHtml(text);
}

void DeadLetterDetail::resizeEvent(QResizeEvent *event)
{
    QTabWidget::resizeEvent(event);
    fitHeaderNames();
}

void DeadLetterDetail::fitHeaderNames()
{
    // The names fit (kafka_dlt-exception-stacktrace...), but never crowd out the values. Measured on
    // this widget: the table's own viewport has no size while another tab is shown.
    if (m_nameWidth > 0)
        m_headers->setColumnWidth(0, std::min(m_nameWidth, std::max(80, contentsRect().width() * 3 / 5)));
}

} // namespace kops
