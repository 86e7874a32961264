#include "resetstrategyform.h"

#include <QButtonGroup>
#include <QDateTimeEdit>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>

namespace kops {

ResetStrategyForm::ResetStrategyForm(QWidget *parent) : QWidget(parent)
{
    QWidget *w = this;
    auto *grid = new QGridLayout(w);
    m_strategyButtons = new QButtonGroup(w);
    auto add = [&](Id id, const QString &text, const QString &name, QWidget *editor) {
        auto *b = new QRadioButton(text, w);
        b->setObjectName(name);
        m_strategyButtons->addButton(b, id);
        const int row = grid->rowCount();
        grid->addWidget(b, row, 0);
        if (editor)
            grid->addWidget(editor, row, 1);
    };
    m_dateTime = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(-3600), w);
    m_dateTime->setObjectName(QStringLiteral("replayDateTime"));
    m_dateTime->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    m_dateTime->setCalendarPopup(true);
    m_dateTime->setTimeSpec(Qt::LocalTime);
    m_duration = new QLineEdit(QStringLiteral("PT1H"), w);
    m_duration->setObjectName(QStringLiteral("replayDuration"));
    m_offset = new QLineEdit(QStringLiteral("0"), w);
    m_offset->setObjectName(QStringLiteral("replayOffset"));
    m_shift = new QLineEdit(QStringLiteral("-100"), w);
    m_shift->setObjectName(QStringLiteral("replayShift"));
    auto *fileRow = new QWidget(w);
    auto *fl = new QHBoxLayout(fileRow);
    fl->setContentsMargins(0, 0, 0, 0);
    m_importButton = new QPushButton(tr("Choose CSV…"), fileRow);
    m_importButton->setObjectName(QStringLiteral("replayImport"));
    m_fileLabel = new QLabel(tr("no file"), fileRow);
    fl->addWidget(m_importButton);
    fl->addWidget(m_fileLabel, 1);

    add(Datetime, tr("From a date and time (local) — --to-datetime"), QStringLiteral("strategyDatetime"), m_dateTime);
    add(Duration, tr("From a while ago, PnDTnHnMnS — --by-duration"), QStringLiteral("strategyDuration"), m_duration);
    add(Earliest, tr("From the earliest retained message — --to-earliest"), QStringLiteral("strategyEarliest"), nullptr);
    add(Latest, tr("To the end, skipping everything unread — --to-latest"), QStringLiteral("strategyLatest"), nullptr);
    add(Current, tr("To the committed offset — --to-current"), QStringLiteral("strategyCurrent"), nullptr);
    add(Offset, tr("To an offset — --to-offset"), QStringLiteral("strategyOffset"), m_offset);
    add(Shift, tr("Shift by ±N — --shift-by"), QStringLiteral("strategyShift"), m_shift);
    add(File, tr("From a CSV plan — --from-file"), QStringLiteral("strategyFile"), fileRow);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(grid->rowCount(), 1);
    m_strategyButtons->button(Datetime)->setChecked(true);
    connect(m_strategyButtons, &QButtonGroup::idToggled, this, [this] { updateStrategyEditors(); });
    connect(m_importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import reset plan"), {}, tr("CSV (*.csv);;All files (*)"));
        if (!path.isEmpty())
            emit importRequested(path);
    });
    updateStrategyEditors();
}

void ResetStrategyForm::updateStrategyEditors()
{
    const int id = m_strategyButtons->checkedId();
    m_dateTime->setEnabled(id == Datetime);
    m_duration->setEnabled(id == Duration);
    m_offset->setEnabled(id == Offset);
    m_shift->setEnabled(id == Shift);
    m_importButton->setEnabled(id == File);
}

void ResetStrategyForm::setDateTime(const QDateTime &from)
{
    m_strategyButtons->button(Datetime)->setChecked(true);
    m_dateTime->setDateTime(from.toLocalTime());
}

Status ResetStrategyForm::loadCsv(const QString &filePath, const QString &group)
{
    QFile f(filePath);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return KafkaError::make(QStringLiteral("IO"), tr("Cannot read %1: %2").arg(filePath, f.errorString()));
    auto rows = parseResetCsv(QString::fromUtf8(f.readAll()), group);
    if (!rows)
        return KafkaError::make(rows.error().code, tr("%1: %2").arg(filePath, rows.error().message));
    m_fileRows = rows.value();
    m_filePath = filePath;
    m_fileLabel->setText(tr("%1 (%2 partitions)").arg(filePath).arg(m_fileRows.size()));
    m_strategyButtons->button(File)->setChecked(true);
    return Done{};
}

void ResetStrategyForm::setOffsets(const QList<PartitionOffset> &rows, const QString &label)
{
    m_fileRows = rows;
    m_filePath = label;
    m_fileLabel->setText(tr("%1 (%2 partitions)").arg(label).arg(rows.size()));
    m_strategyButtons->button(File)->setChecked(true);
}

Result<ResetStrategy> ResetStrategyForm::strategy() const
{
    auto number = [](QLineEdit *edit, const QString &what) -> Result<qint64> {
        bool ok = false;
        const qint64 v = edit->text().trimmed().toLongLong(&ok);
        if (!ok)
            return KafkaError::make(QStringLiteral("INVALID_ARGUMENT"),
                                    tr("%1: '%2' is not a whole number.").arg(what, edit->text()));
        return v;
    };
    switch (m_strategyButtons->checkedId()) {
    case Datetime: {
        const QDateTime dt = m_dateTime->dateTime();
        return ResetStrategy::toDatetime(dt.toMSecsSinceEpoch(),
                                         dt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QLatin1Char('Z'));
    }
    case Duration: {
        auto d = parseResetDuration(m_duration->text());
        if (!d)
            return d.error();
        return ResetStrategy::byDuration(d.value(), m_duration->text().trimmed());
    }
    case Earliest:
        return ResetStrategy::toEarliest();
    case Latest:
        return ResetStrategy::toLatest();
    case Current:
        return ResetStrategy::toCurrent();
    case Offset: {
        auto v = number(m_offset, tr("Offset"));
        if (!v)
            return v.error();
        return ResetStrategy::toOffset(v.value());
    }
    case Shift: {
        auto v = number(m_shift, tr("Shift"));
        if (!v)
            return v.error();
        return ResetStrategy::shiftBy(v.value());
    }
    case File:
        if (m_fileRows.isEmpty())
            return KafkaError::make(QStringLiteral("INVALID_ARGUMENT"), tr("Choose a CSV file with topic,partition,offset lines."));
        return ResetStrategy::fromFile(m_fileRows, m_filePath);
    }
    return KafkaError::make(QStringLiteral("INVALID_ARGUMENT"), tr("Choose a strategy."));
}

} // namespace kops
