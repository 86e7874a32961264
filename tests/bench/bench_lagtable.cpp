// Not a test: how long the GUI thread is held while the Consumers page takes the snapshots of
// a sampling round of 10,000 groups (one per batch of 500, as LagService publishes them) and
// the user scrolls, filters and sorts the group table meanwhile. Offscreen; prints figures.
//
//   QT_QPA_PLATFORM=offscreen bench_lagtable [GROUPS] [PARTITIONS] [ROUNDS]
#include "pages/consumerspage.h"
#include "models/lagmodels.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace kops;

namespace {

GroupLag makeGroup(int g, int partitions, int round)
{
    GroupLag lag;
    lag.groupId = QStringLiteral("bench-group-%1").arg(g, 6, 10, QLatin1Char('0'));
    lag.state = QStringLiteral("Stable");
    lag.memberCount = 1 + g % 3;
    lag.sampledAtMs = QDateTime::currentMSecsSinceEpoch();
    lag.status = g % 17 == 0 ? HealthStatus::Stall : HealthStatus::Ok;
    lag.reason = QStringLiteral("lag %1").arg(g);
    lag.lastCommitAgeSeconds = double((g * 7 + round) % 600);
    lag.offsetSource = QStringLiteral("commit stream");
    for (int p = 0; p < partitions; ++p) {
        PartitionLag pl;
        pl.topic = QStringLiteral("t%1").arg(g / 50);
        pl.partition = p;
        pl.committed = 100 + round;
        pl.logEnd = 150 + round * 2 + g % 40;
        pl.lag = pl.logEnd - *pl.committed;
        lag.totalLag += *pl.lag;
        lag.partitions.append(pl);
    }
    lag.maxTimeLagSeconds = double(g % 300);
    for (int i = 0; i < 30; ++i)
        lag.trend.append(double((g + i * round) % 100));
    return lag;
}

struct Stat
{
    const char *name;
    qint64 maxMs = 0;
    qint64 totalMs = 0;
    int count = 0;
    void add(qint64 ms)
    {
        maxMs = std::max(maxMs, ms);
        totalMs += ms;
        ++count;
    }
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int groups = args.size() > 1 ? args[1].toInt() : 10000;
    const int partitions = args.size() > 2 ? args[2].toInt() : 5;
    const int rounds = args.size() > 3 ? args[3].toInt() : 3;
    constexpr int kBatch = 500;

    ConsumersPage page;
    page.resize(1400, 900);
    page.show();
    auto *view = page.findChild<QTableView *>(QStringLiteral("lagGroupsView"));
    auto *filter = page.findChild<QLineEdit *>();
    if (!view || !filter) {
        std::fprintf(stderr, "widgets not found\n");
        return 1;
    }

    Stat snapshotStat{"snapshot (setRows of all groups sampled so far)"};
    Stat scrollStat{"scroll one page + repaint"};
    Stat filterStat{"type a filter character + repaint"};
    Stat sortStat{"sort by another column + repaint"};
    const QList<int> sortColumns{LagGroupsModel::TotalLag, LagGroupsModel::LastCommit, LagGroupsModel::Group,
                                 LagGroupsModel::Status};
    QMap<QString, GroupLag> current; // what LagService keeps and publishes after every batch
    int action = 0;
    int filterStep = 0;
    const QStringList filters{QStringLiteral("0"), QStringLiteral("00"), QStringLiteral("001"), QString()};
    for (int r = 0; r < rounds; ++r) {
        for (int first = 0; first < groups; first += kBatch) {
            for (int g = first; g < std::min(groups, first + kBatch); ++g) {
                GroupLag lag = makeGroup(g, partitions, r);
                current.insert(lag.groupId, std::move(lag));
            }
            auto snap = std::make_shared<LagSnapshot>();
            snap->atMs = QDateTime::currentMSecsSinceEpoch();
            snap->roundComplete = first + kBatch >= groups;
            snap->offsetSource = QStringLiteral("commit stream");
            snap->groups = current.values(); // built on the worker thread in the console
            QElapsedTimer t;
            t.start();
            page.showLag(snap);
            QCoreApplication::processEvents();
            snapshotStat.add(t.elapsed());

            // Between two snapshots the user does one thing.
            t.restart();
            switch (action++ % 4) {
            case 0:
                view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + view->verticalScrollBar()->pageStep());
                view->viewport()->repaint();
                scrollStat.add(t.elapsed());
                break;
            case 1:
                filter->setText(filters[filterStep++ % filters.size()]); // typing "001", then clearing it
                view->viewport()->repaint();
                filterStat.add(t.elapsed());
                break;
            default:
                view->sortByColumn(sortColumns[action % sortColumns.size()], action % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
                view->viewport()->repaint();
                sortStat.add(t.elapsed());
                break;
            }
            QCoreApplication::processEvents();
        }
    }
    std::printf("bench_lagtable: %d groups x %d partitions, %d rounds of %d snapshots (batches of %d)\n", groups,
                partitions, rounds, (groups + kBatch - 1) / kBatch, kBatch);
    for (const Stat &s : {snapshotStat, scrollStat, filterStat, sortStat})
        std::printf("  %-50s max %5lld ms, mean %6.1f ms over %d\n", s.name, qlonglong(s.maxMs),
                    s.count ? double(s.totalMs) / s.count : 0.0, s.count);
    const qint64 longest = std::max({snapshotStat.maxMs, scrollStat.maxMs, filterStat.maxMs, sortStat.maxMs});
    std::printf("longest GUI-thread stall: %lld ms\n", qlonglong(longest));
    return 0;
}
