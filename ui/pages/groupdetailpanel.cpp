#include "groupdetailpanel.h"

#include "widgets/columnfit.h"

#include "charts/timeserieschart.h"
#include "models/clustermodels.h"
#include "models/lagmodels.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace kops {

namespace {

// Names translated when the selector is built (after the catalogue is installed).
QList<QPair<QString, qint64>> ranges()
{
    return {{GroupDetailPanel::tr("15 minutes"), 900},
            {GroupDetailPanel::tr("1 hour"), 3600},
            {GroupDetailPanel::tr("6 hours"), 6 * 3600},
            {GroupDetailPanel::tr("24 hours"), 86400},
            {GroupDetailPanel::tr("7 days"), 7 * 86400}};
}

const QList<QColor> &seriesColors()
{
    static const QList<QColor> colors{QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44),
                                      QColor(214, 39, 40),  QColor(148, 103, 189), QColor(140, 86, 75),
                                      QColor(227, 119, 194), QColor(127, 127, 127)};
    return colors;
}

} // namespace

GroupDetailPanel::GroupDetailPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
    m_reason = new QLabel(this);
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_recon = new QLabel(this);
    m_recon->setObjectName(QStringLiteral("reconstructionLabel"));
    m_recon->setWordWrap(true);
    m_recon->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_recon->setStyleSheet(QStringLiteral("color: #5a6b7b;"));
    m_recon->hide();
    layout->addWidget(m_title);
    layout->addWidget(m_reason);
    layout->addWidget(m_recon);

    auto *tools = new QHBoxLayout;
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("rangeCombo"));
    for (const auto &r : ranges())
        m_range->addItem(r.first, r.second);
    m_range->setCurrentIndex(1);
    m_view = new QComboBox(this);
    m_view->setObjectName(QStringLiteral("viewCombo"));
    m_view->addItems({tr("Total lag"), tr("Lag per topic"), tr("Lag per partition")});
    m_replay = new QPushButton(tr("Replay from here…"), this);
    m_replay->setObjectName(QStringLiteral("replayButton"));
    m_replay->setEnabled(false);
    m_replay->setToolTip(tr("Click a time on the chart, then open the replay wizard with that time filled in."));
    tools->addWidget(new QLabel(tr("Range:"), this));
    tools->addWidget(m_range);
    tools->addWidget(m_view);
    tools->addStretch();
    tools->addWidget(m_replay);
    layout->addLayout(tools);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_chart = new TimeSeriesChart(split);
    m_chart->setObjectName(QStringLiteral("lagChart"));
    m_chart->setLeftAxisLabel(tr("lag (messages)"));
    m_chart->setRightAxisLabel(tr("rate (msgs/s)"));
    m_chart->setMinimumHeight(220);
    m_chart->setMinimumWidth(360);
    m_partitions = new LagPartitionsModel(this);
    m_proxy = new TextFilterProxyModel(this);
    m_proxy->setSourceModel(m_partitions);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("lagPartitionsView"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(LagPartitionsModel::Topic, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    split->addWidget(m_chart);
    split->addWidget(m_table);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 4);
    split->setSizes({600, 480});
    layout->addWidget(split, 1);

    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        m_chart->setVisibleSpan(rangeSeconds());
        requestHistory();
    });
    connect(m_view, &QComboBox::currentIndexChanged, this, &GroupDetailPanel::requestHistory);
    connect(m_chart, &TimeSeriesChart::timestampClicked, this, [this](const QDateTime &time) {
        m_replay->setEnabled(!m_group.isEmpty());
        m_replay->setText(reconstructedOffsetsAt(time).isEmpty()
                              ? tr("Replay from %1…").arg(time.toString(QStringLiteral("HH:mm:ss")))
                              : tr("Replay from the offsets committed at %1…").arg(time.toString(QStringLiteral("HH:mm"))));
    });
    connect(m_replay, &QPushButton::clicked, this, [this] {
        const auto t = m_chart->marker();
        if (!t || m_group.isEmpty())
            return;
        if (const QList<PartitionOffset> offsets = reconstructedOffsetsAt(*t); !offsets.isEmpty()) {
            // The offsets are those of the nearest reconstructed step: name that time.
            const qint64 step = m_reconstruction->stepMs;
            const qint64 at = (t->toMSecsSinceEpoch() + step / 2) / step * step;
            emit replayFromOffsetsRequested(m_group, QDateTime::fromMSecsSinceEpoch(at), offsets);
        }
        else
            emit replayRequested(m_group, *t);
    });
    clear(tr("Select a consumer group to see its lag over time and its partitions."));
}

qint64 GroupDetailPanel::rangeSeconds() const
{
    return m_range->currentData().toLongLong();
}

GroupDetailPanel::View GroupDetailPanel::view() const
{
    return View(m_view->currentIndex());
}

QString GroupDetailPanel::headline() const
{
    return m_title->text();
}

void GroupDetailPanel::clear(const QString &message)
{
    m_group.clear();
    m_title->setText(message);
    m_title->setStyleSheet(QString()); // the last group's status colour must not linger
    m_reason->clear();
    m_recon->clear();
    m_recon->hide();
    m_reconstruction.reset();
    m_reconstructedSpans.clear();
    m_partitions->setRows({});
    m_chart->setSeries({});
    m_chart->setMarker(std::nullopt);
    m_chart->setEvents({});
    // No group: the title above says what to do; "no history yet" would be untrue.
    m_chart->setEmptyText(QString());
    m_replay->setEnabled(false);
    m_replay->setText(tr("Replay from here…"));
    m_haveHistory = false;
}

void GroupDetailPanel::setGroup(const QString &groupId)
{
    if (groupId == m_group)
        return;
    clear({});
    m_group = groupId;
    m_title->setText(groupId);
    m_chart->setEmptyText(tr("No history yet: the chart fills as samples arrive."));
    m_chart->setVisibleSpan(rangeSeconds());
    requestHistory();
}

void GroupDetailPanel::requestHistory()
{
    if (m_group.isEmpty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    emit historyWanted(m_group, now - rangeSeconds() * 1000, now + 60'000);
}

void GroupDetailPanel::showHistory(const QList<GroupHistoryPoint> &points, const SeriesByKey &byTopic,
                                   const SeriesByKey &byPartition)
{
    QList<TimeSeriesChart::Series> series;
    // Offset resets (and their undo) are marked where they happened, in every view.
    QList<QPair<double, QString>> resets;
    for (const GroupHistoryPoint &p : points)
        if (p.offsetReset)
            resets.append({double(p.atMs) / 1000.0, tr("offset reset")});
    // Where reconstructed stretches end and sampling takes over, in every view.
    m_reconstructedSpans.clear();
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (!points[i].reconstructed)
            continue;
        if (i > 0 && points[i - 1].reconstructed && !m_reconstructedSpans.isEmpty())
            m_reconstructedSpans.last().second = points[i].atMs;
        else
            m_reconstructedSpans.append({points[i].atMs, points[i].atMs});
        if (i + 1 < points.size() && !points[i + 1].reconstructed)
            resets.append({double(points[i + 1].atMs) / 1000.0, tr("sampled since")});
    }
    m_chart->setEvents(resets);
    if (view() != View::Total) {
        const SeriesByKey &byKey = view() == View::PerTopic ? byTopic : byPartition;
        QStringList keys = byKey.keys();
        // "orders/10" after "orders/9": sort by topic, then partition number.
        std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
            const qsizetype sa = a.lastIndexOf(QLatin1Char('/'));
            const qsizetype sb = b.lastIndexOf(QLatin1Char('/'));
            if (sa < 0 || sb < 0 || a.left(sa) != b.left(sb))
                return a < b;
            return a.mid(sa + 1).toInt() < b.mid(sb + 1).toInt();
        });
        for (int i = 0; i < keys.size(); ++i) {
            TimeSeriesChart::Series s;
            s.name = keys.at(i);
            s.color = seriesColors().at(i % seriesColors().size());
            for (const auto &p : byKey.value(keys.at(i))) {
                s.keys.append(double(p.first) / 1000.0);
                s.values.append(double(p.second));
            }
            series.append(s);
        }
    } else {
        TimeSeriesChart::Series lag{tr("lag"), QColor(31, 119, 180), {}, {}, false, false};
        TimeSeriesChart::Series produce{tr("produce rate"), QColor(255, 127, 14), {}, {}, true, false};
        TimeSeriesChart::Series consume{tr("consume rate"), QColor(44, 160, 44), {}, {}, true, false};
        // Reconstructed points in a lighter, dashed line of their own; the two lines share the
        // point where one hands over to the other so they join.
        TimeSeriesChart::Series rebuilt{tr("reconstructed from the commit log"), QColor(110, 160, 210), {}, {}, false, false, true};
        const double nan = std::numeric_limits<double>::quiet_NaN();
        for (qsizetype i = 0; i < points.size(); ++i) {
            const double t = double(points[i].atMs) / 1000.0;
            const bool r = points[i].reconstructed;
            const bool nextReconstructed = i + 1 < points.size() && points[i + 1].reconstructed;
            const bool nextSampled = i + 1 < points.size() && !points[i + 1].reconstructed;
            lag.keys.append(t);
            lag.values.append(!r || nextSampled ? double(points[i].totalLag) : nan);
            rebuilt.keys.append(t);
            rebuilt.values.append(r || nextReconstructed ? double(points[i].totalLag) : nan);
            if (i > 0) {
                const double dt = double(points[i].atMs - points[i - 1].atMs) / 1000.0;
                if (dt > 0) {
                    produce.keys.append(t);
                    produce.values.append(std::max(0.0, double(points[i].sumLogEnd - points[i - 1].sumLogEnd) / dt));
                    consume.keys.append(t);
                    consume.values.append(double(points[i].consumed) / dt); // resets are not consumption
                }
            }
        }
        series = {lag, produce, consume};
        if (!m_reconstructedSpans.isEmpty())
            series.append(rebuilt); // after the three live series (showLive appends to 0..2)
    }
    m_chart->setSeries(series);
    m_chart->setVisibleSpan(rangeSeconds());
    m_haveHistory = true;
}

void GroupDetailPanel::showLive(const GroupLag &group, qint64 atMs)
{
    if (group.groupId != m_group)
        return;
    m_title->setText(tr("%1 — %2").arg(group.groupId, healthStatusName(group.status)));
    m_title->setStyleSheet(QStringLiteral("color: %1;").arg(healthColor(group.status).darker(120).name()));
    QString details = group.reason;
    details += tr(" · state %1, %n member(s)", nullptr, group.memberCount).arg(group.state);
    details += tr(" · produce %1/s, consume %2/s · drain %3")
                   .arg(group.produceRate, 0, 'f', 1)
                   .arg(group.consumeRate, 0, 'f', 1)
                   .arg(group.drainText());
    m_reason->setText(details);
    m_partitions->setRows(group.partitions);
    if (!m_fitted && m_partitions->rowCount() > 0) {
        // Shares the width with the chart: no column stretches, long names elide, Host last.
        fitColumns(m_table, -1, 180);
        m_fitted = true;
    }
    if (m_haveHistory && view() == View::Total && m_chart->seriesCount() >= 3) {
        const double t = double(atMs) / 1000.0;
        m_chart->appendPoint(0, t, double(group.totalLag));
        m_chart->appendPoint(1, t, group.produceRate);
        m_chart->appendPoint(2, t, group.consumeRate);
    }
}

} // namespace kops

namespace kops {

QList<PartitionOffset> GroupDetailPanel::reconstructedOffsetsAt(const QDateTime &time) const
{
    if (!m_reconstruction)
        return {};
    const qint64 t = time.toMSecsSinceEpoch();
    const qint64 half = m_reconstruction->stepMs / 2;
    for (const auto &[from, to] : m_reconstructedSpans)
        if (t >= from - half && t <= to + half)
            return m_reconstruction->committedAt(t);
    return {};
}

QString GroupDetailPanel::reconstructionText() const
{
    return m_recon->text();
}

void GroupDetailPanel::showReconstruction(const LagReconstructionPtr &reconstruction)
{
    if (!reconstruction || reconstruction->group != m_group)
        return;
    m_reconstruction = reconstruction;
    QString text = tr("Reconstructed from the commit log %1.").arg(reconstruction->reachText());
    const QList<StatusSpan> spans = reconstruction->statusSpans();
    if (!spans.isEmpty()) {
        const StatusSpan &last = spans.last();
        text += QLatin1Char(' ')
                + tr("Then: %1 since %2 (%3).")
                      .arg(healthStatusName(last.status),
                           QDateTime::fromMSecsSinceEpoch(last.fromMs).toString(QStringLiteral("HH:mm")), last.reason);
    }
    m_recon->setText(text);
    m_recon->setToolTip(reconstruction->warnings.join(QLatin1Char('\n')));
    m_recon->show();
}

void GroupDetailPanel::showReconstructionError(const KafkaError &error)
{
    m_recon->setText(tr("The past could not be reconstructed: %1").arg(error.message));
    m_recon->show();
}

} // namespace kops
