#include "payloadviewer.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kops {

namespace {
constexpr int kMaxJsonNodes = 20000; // a tree of more items would be slow to build; the text view has it all
}

PayloadViewer::PayloadViewer(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_stack(new QStackedWidget(this)), m_text(new QPlainTextEdit(this)),
      m_tree(new QTreeWidget(this))
{
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Field"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_tree);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_stack, 1);
}

void PayloadViewer::addJson(QTreeWidgetItem *parent, const QString &name, const QJsonValue &value, int depth)
{
    if (m_tree->topLevelItemCount() + (parent ? parent->childCount() : 0) > kMaxJsonNodes)
        return;
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    item->setText(0, name);
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        item->setText(1, tr("{%n field(s)}", nullptr, int(o.size())));
        for (auto it = o.begin(); it != o.end(); ++it)
            addJson(item, it.key(), it.value(), depth + 1);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        item->setText(1, tr("[%n item(s)]", nullptr, int(a.size())));
        for (qsizetype i = 0; i < a.size(); ++i)
            addJson(item, QStringLiteral("[%1]").arg(i), a.at(i), depth + 1);
    } else {
        item->setText(1, value.isString() ? QStringLiteral("\"%1\"").arg(value.toString().left(1000))
                                          : QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1));
    }
    item->setExpanded(depth < 2);
}

void PayloadViewer::setPayload(const std::optional<QByteArray> &bytes)
{
    const PayloadView v = PayloadView::make(bytes);
    m_kind = v.kind;
    QString summary = tr("%1, %n byte(s)", nullptr, int(v.size)).arg(v.kindName());
    if (v.truncated)
        summary += tr(" (showing the beginning)");
    m_summary->setText(summary);
    m_tree->clear();
    if (v.kind == PayloadView::Kind::Json) {
        const QJsonDocument doc = QJsonDocument::fromJson(*bytes);
        addJson(nullptr, doc.isArray() ? tr("(array)") : tr("(object)"),
                doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), 0);
        m_stack->setCurrentWidget(m_tree);
    } else {
        m_stack->setCurrentWidget(m_text);
    }
    m_text->setPlainText(v.text);
}

void PayloadViewer::clear()
{
    m_kind = PayloadView::Kind::Null;
    m_summary->setText(tr("No record selected."));
    m_tree->clear();
    m_text->clear();
    m_stack->setCurrentWidget(m_text);
}

QString PayloadViewer::summary() const
{
    return m_summary->text();
}

QString PayloadViewer::shownText() const
{
    return m_text->toPlainText();
}

} // namespace kops
