#include "lagsettingsdialog.h"

#include "lagservice.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kops {

LagSettingsDialog::LagSettingsDialog(const QString &connection, const LagSettings &s, LagService *service,
                                     QWidget *parent)
    : QDialog(parent), m_initial(s)
{
    setWindowTitle(tr("Thresholds & alerts — %1").arg(connection));
    resize(720, 560);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Limits per group and/or topic (empty = any). The most specific matching row "
                                    "applies; crossing a limit turns the group ERR and raises an alert."),
                                 this));
    m_thresholds = new QTableWidget(0, 4, this);
    m_thresholds->setObjectName(QStringLiteral("thresholdsTable"));
    m_thresholds->setHorizontalHeaderLabels({tr("Group"), tr("Topic"), tr("Max lag (messages)"), tr("Max time lag (s)")});
    m_thresholds->horizontalHeader()->setStretchLastSection(true);
    m_thresholds->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(m_thresholds, 1);
    auto *rowButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add limit"), this);
    auto *remove = new QPushButton(tr("Remove limit"), this);
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch();
    layout->addLayout(rowButtons);

    auto *form = new QFormLayout;
    m_watched = new QPlainTextEdit(this);
    m_watched->setPlaceholderText(tr("One group per line; empty: watch all consumer groups"));
    m_watched->setMaximumHeight(90);
    m_window = new QSpinBox(this);
    m_window->setRange(2, 100);
    m_window->setToolTip(tr("Burrow's window: how many recent samples the health rules look at."));
    m_command = new QLineEdit(this);
    m_command->setPlaceholderText(tr("e.g. /usr/local/bin/page-oncall --team kafka (gets the alert as JSON on stdin)"));
    m_command->setToolTip(tr("A shell command line, run with /bin/sh -c (quotes and pipes work). It gets each alert as JSON on "
                             "its standard input and is killed if it still runs after 30 seconds."));
    m_notify = new QCheckBox(tr("Desktop notification for each new alert"), this);
    form->addRow(tr("Watched groups"), m_watched);
    form->addRow(tr("Evaluation window"), m_window);
    form->addRow(tr("Alert command"), m_command);
    form->addRow(QString(), m_notify);
    m_commitStream = new QCheckBox(tr("Read commit stream (__consumer_offsets)"), this);
    m_commitStream->setObjectName(QStringLiteral("readCommitStream"));
    m_commitStream->setToolTip(tr("Commit times from __consumer_offsets: a true \"last commit\" age, and a member that "
                                  "stopped committing told apart from one committing the same offset. Falls back to "
                                  "OffsetFetch when the connection may not read that topic."));
    form->addRow(QString(), m_commitStream);
    m_budget = new QSpinBox(this);
    m_budget->setObjectName(QStringLiteral("historyBudget"));
    m_budget->setRange(10, 1024 * 1024);
    m_budget->setSingleStep(50);
    m_budget->setSuffix(tr(" MB"));
    m_budget->setToolTip(tr("Lag history of this connection kept on disk at most; beyond it the oldest data goes "
                            "first."));
    m_budgetText = new QLabel(tr("Reading the history's size…"), this);
    m_budgetText->setObjectName(QStringLiteral("historyUsage"));
    m_budgetText->setWordWrap(true);
    auto *budgetRow = new QVBoxLayout;
    budgetRow->addWidget(m_budget);
    budgetRow->addWidget(m_budgetText);
    form->addRow(tr("History disk budget"), budgetRow);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);

    for (const LagThreshold &t : s.thresholds)
        addRow(t);
    m_watched->setPlainText(s.watchedGroups.join(QLatin1Char('\n')));
    m_window->setValue(s.windowSize);
    m_command->setText(s.alertCommand);
    m_notify->setChecked(s.desktopNotifications);
    m_commitStream->setChecked(s.readCommitStream);
    m_budget->setValue(s.historyBudgetMB);
    connect(m_budget, &QSpinBox::valueChanged, this, &LagSettingsDialog::updateBudgetText);
    if (service) {
        connect(service, &LagService::historyUsageAvailable, this, &LagSettingsDialog::setHistoryUsage);
        service->requestHistoryUsage();
    } else {
        m_budgetText->setText(tr("Not connected: the history's size is shown while sampling."));
    }

    connect(add, &QPushButton::clicked, this, [this] { addRow({}); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_thresholds->currentRow() >= 0)
            m_thresholds->removeRow(m_thresholds->currentRow());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        QStringList problems;
        settings(&problems);
        if (!problems.isEmpty()) {
            QMessageBox::warning(this, tr("Thresholds"), problems.join(QLatin1Char('\n')));
            return;
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void LagSettingsDialog::setHistoryUsage(const HistoryUsage &usage, int intervalSeconds)
{
    m_usage = usage;
    m_intervalSeconds = std::max(1, intervalSeconds);
    updateBudgetText();
}

void LagSettingsDialog::updateBudgetText()
{
    if (!m_usage)
        return;
    const HistoryUsage &u = *m_usage;
    const QLocale locale;
    const auto size = [&](qint64 bytes) {
        return bytes < 1024 * 1024 ? tr("%1 KB").arg(locale.toString(double(bytes) / 1024.0, 'f', 1))
                                   : tr("%1 MB").arg(locale.toString(double(bytes) / (1024.0 * 1024.0), 'f', 1));
    };
    if (u.series == 0 || u.samples == 0) {
        m_budgetText->setText(tr("No history recorded for this connection yet (database file: %1).").arg(size(u.fileBytes)));
        return;
    }
    const qint64 budget = qint64(m_budget->value()) * 1024 * 1024;
    const HistoryStore::Retention retention;
    const qint64 reach = HistoryStore::retentionFor(budget, u.series, u.bytesPerSample(), m_intervalSeconds, retention);
    const QString buys = reach >= retention.keepSecs
                             ? tr("%1 MB holds the full %2 of history at this rate.")
                                   .arg(locale.toString(m_budget->value()), formatDuration(double(retention.keepSecs)))
                             : tr("%1 MB holds about %2 of history at this rate; older data is dropped first.")
                                   .arg(locale.toString(m_budget->value()), formatDuration(double(reach)));
    m_budgetText->setText(tr("Now %1 for %2 partition series (%3 bytes per sample, sampled every %4 s), "
                             "back to %5. %6 Database file: %7.")
                              .arg(size(u.bytes), locale.toString(u.series), locale.toString(u.bytesPerSample(), 'f', 2),
                                   locale.toString(m_intervalSeconds),
                                   locale.toString(QDateTime::fromMSecsSinceEpoch(u.oldestMs), QLocale::ShortFormat),
                                   buys, size(u.fileBytes)));
}

void LagSettingsDialog::addRow(const LagThreshold &t)
{
    const int row = m_thresholds->rowCount();
    m_thresholds->insertRow(row);
    m_thresholds->setItem(row, 0, new QTableWidgetItem(t.group));
    m_thresholds->setItem(row, 1, new QTableWidgetItem(t.topic));
    m_thresholds->setItem(row, 2, new QTableWidgetItem(t.maxLag ? QString::number(*t.maxLag) : QString()));
    m_thresholds->setItem(row, 3,
                          new QTableWidgetItem(t.maxTimeLagSeconds ? QString::number(*t.maxTimeLagSeconds) : QString()));
}

LagSettings LagSettingsDialog::settings(QStringList *problems) const
{
    LagSettings s;
    s.commitStreamLookBackMinutes = m_initial.commitStreamLookBackMinutes;
    s.historyBudgetMB = m_budget->value();
    for (int r = 0; r < m_thresholds->rowCount(); ++r) {
        const auto text = [&](int c) { return m_thresholds->item(r, c) ? m_thresholds->item(r, c)->text().trimmed() : QString(); };
        LagThreshold t;
        t.group = text(0);
        t.topic = text(1);
        bool ok = true;
        if (!text(2).isEmpty()) {
            const qint64 v = text(2).toLongLong(&ok);
            if (!ok || v < 0) {
                if (problems)
                    *problems << tr("Row %1: max lag '%2' is not a whole number of messages.").arg(r + 1).arg(text(2));
            } else {
                t.maxLag = v;
            }
        }
        if (!text(3).isEmpty()) {
            const double v = text(3).toDouble(&ok);
            if (!ok || v < 0) {
                if (problems)
                    *problems << tr("Row %1: max time lag '%2' is not a number of seconds.").arg(r + 1).arg(text(3));
            } else {
                t.maxTimeLagSeconds = v;
            }
        }
        if (t.maxLag || t.maxTimeLagSeconds)
            s.thresholds.append(t);
    }
    for (const QString &line : m_watched->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty())
            s.watchedGroups << line.trimmed();
    s.windowSize = m_window->value();
    s.alertCommand = m_command->text().trimmed();
    s.desktopNotifications = m_notify->isChecked();
    s.readCommitStream = m_commitStream->isChecked();
    return s;
}

} // namespace kops
