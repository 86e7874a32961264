#include "lagservice.h"

#include "commitstreamfile.h"
#include "processtuning.h"

#include "lagmonitor.h"
#include "lagsampler.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QSet>
#include <QStandardPaths>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

#include <atomic>

namespace kops {

/// Lives on the service's thread: owns the cluster client, sampler, monitor, history and alerts.
class LagWorker final : public QObject
{
public:
    LagWorker(LagService *service, ConnectionContextPtr connection, LagSettings settings, LagService::Options options)
        : m_service(service), m_connection(std::move(connection)), m_settings(std::move(settings)),
          m_options(std::move(options)), m_history(m_options.historyPath), m_alertStore(m_options.alertsPath)
    {
    }

    void init()
    {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &LagWorker::round);
        LagMonitor::Options mo;
        mo.windowSize = m_settings.windowSize;
        mo.thresholds = m_settings.thresholds;
        m_monitor = LagMonitor(mo);
        m_sampler = LagSampler(samplerOptions(m_settings));
        if (const Status s = m_history.open(); !s.ok()) {
            spdlog::warn("lag history unavailable: {}", s.error().toString().toStdString());
        } else {
            m_historyOk = true;
            m_monitor.setSinceLookup([this](const QString &g, const TopicPartition &tp, qint64 committed) {
                return m_history.unchangedSince(cluster(), g, tp, committed);
            });
        }
        if (const Status s = m_alertStore.open(); !s.ok()) {
            spdlog::warn("alert store unavailable: {}", s.error().toString().toStdString());
            m_engine = AlertEngine(nullptr);
        } else {
            m_engine = AlertEngine(&m_alertStore);
            m_engine.restore(cluster());
        }
    }

    void start(int seconds)
    {
        m_timer->start(std::max(1, seconds) * 1000);
        round();
    }

    LagSampler::Options samplerOptions(const LagSettings &settings) const
    {
        LagSampler::Options so;
        so.stream.statePath = commitstreamfile::pathFor(QFileInfo(m_history.path()).absolutePath(), cluster());
        so.readCommitStream = settings.readCommitStream;
        so.stream.lookBackMs = qint64(settings.commitStreamLookBackMinutes) * 60'000;
        return so;
    }

    void setSettings(const LagSettings &settings)
    {
        if (settings.readCommitStream != m_settings.readCommitStream
            || settings.commitStreamLookBackMinutes != m_settings.commitStreamLookBackMinutes)
            m_sampler = LagSampler(samplerOptions(settings));
        m_settings = settings;
        m_monitor.setThresholds(settings.thresholds);
    }

    void setPriority(const QStringList &groups) { m_priority = groups; }

    void release()
    {
        if (m_timer)
            m_timer->stop();
        m_api.reset();
    }

    void round()
    {
        const qint64 started = QDateTime::currentMSecsSinceEpoch();
        if (!m_api)
            m_api = m_connection->createApi();
        QStringList groups = m_settings.watchedGroups;
        if (groups.isEmpty()) {
            auto listed = m_api->listGroups();
            if (!listed) {
                emitFailure(listed.error());
                return;
            }
            for (const GroupListing &g : listed.value())
                if (g.protocolType == QLatin1String("consumer") || g.protocolType.isEmpty())
                    groups << g.groupId;
        }
        // On-screen groups first, then the rest, in batches; each group once (the
        // selected group is usually also on screen, and the cluster rejects repeats).
        QStringList ordered;
        QSet<QString> queued;
        const QSet<QString> all(groups.cbegin(), groups.cend());
        for (const QString &g : std::as_const(m_priority))
            if (all.contains(g) && !queued.contains(g)) {
                queued.insert(g);
                ordered << g;
            }
        for (const QString &g : std::as_const(groups))
            if (!queued.contains(g)) {
                queued.insert(g);
                ordered << g;
            }

        seed(ordered);
        for (qsizetype i = 0; i < ordered.size(); i += m_options.batchSize) {
            if (stopping)
                return; // shutting down: a round of 10,000 groups must not hold it up
            auto raw = m_sampler.sample(*m_api, ordered.mid(i, m_options.batchSize));
            if (!raw) {
                flushAlerts();
                emitFailure(raw.error());
                return;
            }
            if (m_historyOk) {
                if (const Status s = m_history.record(cluster(), raw.value()); !s.ok())
                    spdlog::warn("{}", s.error().toString().toStdString());
            }
            const LagSnapshot snap = m_monitor.ingest(raw.value());
            for (const GroupLag &g : snap.groups)
                m_current.insert(g.groupId, g);
            m_warnings = snap.warnings;
            m_offsetSource = snap.offsetSource;
            handleAlerts(snap);
            if (i + m_options.batchSize < ordered.size())
                publish(started, false); // the groups on screen show before the round ends
        }
        // Groups that disappeared from the cluster leave the table, reported once as gone.
        const QSet<QString> present(ordered.cbegin(), ordered.cend());
        QStringList gone;
        for (auto it = m_current.begin(); it != m_current.end();) {
            if (!present.contains(it.key())) {
                gone << it.key();
                it = m_current.erase(it);
            } else {
                ++it;
            }
        }
        if (!gone.isEmpty()) {
            raise(m_engine.groupsGone(cluster(), gone, QDateTime::currentDateTime()));
            m_monitor.forgetGroups(gone);
            for (const QString &g : std::as_const(gone))
                m_seeded.remove(g);
        }
        publish(started, true);
        flushAlerts();
        const qint64 finished = QDateTime::currentMSecsSinceEpoch();
        QMetaObject::invokeMethod(m_service, [s = m_service, finished, duration = finished - started,
                                              n = int(ordered.size())] { emit s->samplingRoundFinished(finished, duration, n); });
        // A round of 10,000 groups frees tens of MB across the threads' malloc arenas; glibc
        // keeps free pages inside an arena until told (jemalloc, which the programs use,
        // returns them by itself).
        releaseFreeMemoryOfRound();
        if (finished - m_lastMemoryLogMs >= 600'000) {
            m_lastMemoryLogMs = finished;
            spdlog::info("memory after a round of {} groups: {}", ordered.size(), allocatorStats());
            dumpHeapProfile(); // when profiling (MALLOC_CONF=prof:true): at the same point of a round each time
        }
        if (m_historyOk && started - m_lastPrune > 3600'000) {
            m_lastPrune = started;
            m_history.prune(started);
        }
        // The budget is checked more often than the hourly thinning: at a 1 s interval and
        // 10,000 groups an hour is a lot of history.
        if (m_historyOk && started - m_lastBudgetCheck > 600'000) {
            m_lastBudgetCheck = started;
            m_history.enforceBudget(cluster(), qint64(m_settings.historyBudgetMB) * 1024 * 1024);
        }
    }

private:
    QString cluster() const { return m_connection->profile.name; }

    void seed(const QStringList &groups)
    {
        if (!m_historyOk)
            return;
        for (const QString &g : groups) {
            if (m_seeded.contains(g))
                continue;
            m_seeded.insert(g);
            for (const TopicPartition &tp : m_history.partitionsOf(cluster(), g))
                m_monitor.seed(g, tp, m_history.recent(cluster(), g, tp, m_monitor.options().windowSize));
        }
    }

    void handleAlerts(const LagSnapshot &snap) { raise(m_engine.evaluate(cluster(), snap).raised); }

    void raise(const QList<Alert> &raised)
    {
        if (raised.isEmpty())
            return;
        for (const Alert &a : raised) {
            spdlog::warn("alert: {} {} {}", a.group.toStdString(), healthStatusName(a.status).toStdString(),
                         a.reason.toStdString());
            if (!m_settings.alertCommand.isEmpty()) {
                QString error;
                if (!AlertHook::run(m_settings.alertCommand, a, &error, m_options.alertCommandTimeoutMs))
                    spdlog::warn("alert command failed: {}", error.toStdString());
            }
        }
        m_raisedThisRound.append(raised);
    }

    // One signal per round, however many batches raised alerts: one notification, not one per batch.
    void flushAlerts()
    {
        if (m_raisedThisRound.isEmpty())
            return;
        QMetaObject::invokeMethod(m_service, [s = m_service, raised = m_raisedThisRound] { emit s->alertsRaised(raised); });
        m_raisedThisRound.clear();
    }

    void publish(qint64 started, bool roundComplete)
    {
        auto snap = std::make_shared<LagSnapshot>();
        snap->atMs = QDateTime::currentMSecsSinceEpoch();
        snap->roundComplete = roundComplete;
        snap->sampleDurationMs = snap->atMs - started;
        snap->warnings = m_warnings;
        snap->offsetSource = m_offsetSource;
        snap->groups.reserve(m_current.size());
        for (const GroupLag &g : std::as_const(m_current))
            snap->groups.append(g);
        std::sort(snap->groups.begin(), snap->groups.end(),
                  [](const GroupLag &a, const GroupLag &b) { return a.groupId < b.groupId; });
        LagSnapshotPtr ptr = snap;
        QMetaObject::invokeMethod(m_service, [s = m_service, ptr] { emit s->lagSnapshotAvailable(ptr); });
    }

    void emitFailure(const KafkaError &error)
    {
        spdlog::warn("lag sampling failed: {}", error.toString().toStdString());
        QMetaObject::invokeMethod(m_service, [s = m_service, error] { emit s->samplingFailed(error); });
    }

    LagService *m_service;
    ConnectionContextPtr m_connection;
    LagSettings m_settings;
    LagService::Options m_options;
    std::unique_ptr<ClusterApi> m_api;
    LagSampler m_sampler;
    LagMonitor m_monitor;
    HistoryStore m_history;
    AlertStore m_alertStore;
    AlertEngine m_engine;
    bool m_historyOk = false;
    QString m_offsetSource;
    QTimer *m_timer = nullptr;
    QStringList m_priority;
    QSet<QString> m_seeded;
    QHash<QString, GroupLag> m_current;
    QStringList m_warnings;
    QList<Alert> m_raisedThisRound;
    qint64 m_lastPrune = 0;
    qint64 m_lastBudgetCheck = 0;
    qint64 m_lastMemoryLogMs = 0; // the allocator's figures go to the log every 10 minutes

public:
    std::atomic<bool> stopping{false}; ///< set from the service's thread on destruction
};

LagService::LagService(ConnectionContextPtr connection, LagSettings settings, QObject *parent)
    : LagService(std::move(connection), std::move(settings), Options{}, parent)
{
}

LagService::LagService(ConnectionContextPtr connection, LagSettings settings, Options options, QObject *parent)
    : QObject(parent), m_connection(std::move(connection)),
      m_historyPath(options.historyPath.isEmpty() ? HistoryStore().path() : options.historyPath),
      m_alertsPath(options.alertsPath)
{
    if (m_alertsPath.isEmpty())
        m_alertsPath = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/alerts.sqlite");
    options.historyPath = m_historyPath;
    options.alertsPath = m_alertsPath;
    qRegisterMetaType<kops::LagSnapshotPtr>();
    qRegisterMetaType<QList<kops::Alert>>();
    qRegisterMetaType<QList<kops::GroupHistoryPoint>>();
    qRegisterMetaType<kops::HistoryUsage>();
    qRegisterMetaType<kops::LagReconstructionPtr>();
    m_windowSize = settings.windowSize;
    m_worker = new LagWorker(this, m_connection, std::move(settings), std::move(options));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("lag-sampler"));
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->init(); });
}

LagService::~LagService()
{
    m_worker->stopping = true;
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->release(); });
    m_thread.quit();
    m_thread.wait();
}

void LagService::start(int intervalSeconds)
{
    m_intervalSeconds = std::max(1, intervalSeconds);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, intervalSeconds] { w->start(intervalSeconds); });
}

void LagService::sampleNow()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->round(); });
}

void LagService::setSettings(const LagSettings &settings)
{
    m_windowSize = settings.windowSize;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, settings] { w->setSettings(settings); });
}

void LagService::setPriorityGroups(const QStringList &groups)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, groups] { w->setPriority(groups); });
}

// History and alert queries run beside the sampler (own SQLite connections), so a chart
// opens at once even while a long sampling round is under way.
void LagService::requestGroupHistory(const QString &group, qint64 fromMs, qint64 toMs)
{
    const QString cluster = clusterKey();
    auto *watcher = new QFutureWatcher<GroupHistory>(this);
    connect(watcher, &QFutureWatcher<GroupHistory>::finished, this, [this, watcher, group] {
        const GroupHistory a = watcher->result();
        watcher->deleteLater();
        emit groupHistoryAvailable(group, a.points, a.byTopic, a.byPartition);
    });
    const QString path = m_historyPath;
    watcher->setFuture(QtConcurrent::run([path, cluster, group, fromMs, toMs] {
        HistoryStore store(path);
        return store.open().ok() ? store.chart(cluster, group, fromMs, toMs) : GroupHistory{};
    }));
    reconstructIfNeeded(group, fromMs, toMs);
}

qint64 LagService::reconstructionStepMs(qint64 rangeMs)
{
    constexpr qint64 minute = 60'000;
    // Rounded down: a chart asks for a little more than its range (up to a minute ahead).
    return std::max(minute, rangeMs / 360 / minute * minute);
}

// Less sampled history than the chart shows: rebuild the part before the first sample from
// the commit log, once per group and range in a session (the stored points serve afterwards).
void LagService::reconstructIfNeeded(const QString &group, qint64 fromMs, qint64 toMs)
{
    if (!m_connection || !m_connection->createApi || m_reconstructing.contains(group))
        return;
    const auto done = m_reconstructedFrom.constFind(group);
    if (done != m_reconstructedFrom.cend() && *done <= fromMs) {
        // Stored already: the chart has it; say again how far back it reached.
        if (const LagReconstructionPtr last = m_reconstructions.value(group))
            QMetaObject::invokeMethod(this, [this, group, last] { emit groupReconstructed(group, last); }, Qt::QueuedConnection);
        return;
    }
    const qint64 stepMs = reconstructionStepMs(toMs - fromMs);
    m_reconstructing.insert(group);
    const QString cluster = clusterKey();
    const QString path = m_historyPath;
    const ClusterApiFactory factory = m_connection->createApi;
    LagReconstructor::Options options;
    options.stepMs = stepMs;
    options.windowSize = m_windowSize;
    using Outcome = std::optional<Result<LagReconstructionPtr>>; // nullopt: nothing to reconstruct
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, group, fromMs, toMs] {
        const Outcome outcome = watcher->result();
        watcher->deleteLater();
        m_reconstructing.remove(group);
        m_reconstructedFrom[group] = fromMs;
        if (!outcome)
            return;
        if (!*outcome) {
            emit groupReconstructionFailed(group, outcome->error());
            return;
        }
        m_reconstructions.insert(group, outcome->value());
        emit groupReconstructed(group, outcome->value());
        requestGroupHistory(group, fromMs, toMs); // the chart again, with the reconstructed points
    });
    watcher->setFuture(QtConcurrent::run([path, cluster, group, fromMs, toMs, factory, options]() -> Outcome {
        HistoryStore store(path);
        if (!store.open().ok())
            return std::nullopt;
        const qint64 firstSample = store.earliestSampleMs(cluster, group);
        // Sampled from (about) the start of the range: nothing to rebuild.
        if (firstSample >= 0 && firstSample <= fromMs + 2 * options.stepMs)
            return std::nullopt;
        const qint64 until = std::min(firstSample >= 0 ? std::min(firstSample, toMs) : toMs, QDateTime::currentMSecsSinceEpoch());
        std::unique_ptr<ClusterApi> api = factory();
        if (!api)
            return std::nullopt;
        auto r = LagReconstructor::reconstruct(*api, group, fromMs, until, options);
        if (!r)
            return Result<LagReconstructionPtr>(r.error());
        if (auto stored = store.recordReconstructed(cluster, r.value()); !stored)
            spdlog::warn("reconstructed lag of {} not stored: {}", group.toStdString(), stored.error().toString().toStdString());
        return Result<LagReconstructionPtr>(std::make_shared<const LagReconstruction>(std::move(r.value())));
    }));
}

void LagService::requestHistoryUsage()
{
    const QString cluster = clusterKey();
    auto *watcher = new QFutureWatcher<HistoryUsage>(this);
    connect(watcher, &QFutureWatcher<HistoryUsage>::finished, this, [this, watcher] {
        const HistoryUsage u = watcher->result();
        watcher->deleteLater();
        emit historyUsageAvailable(u, m_intervalSeconds);
    });
    const QString path = m_historyPath;
    watcher->setFuture(QtConcurrent::run([path, cluster] {
        HistoryStore store(path);
        return store.open().ok() ? store.usage(cluster) : HistoryUsage{};
    }));
}

void LagService::requestAlerts()
{
    auto *watcher = new QFutureWatcher<QList<Alert>>(this);
    connect(watcher, &QFutureWatcher<QList<Alert>>::finished, this, [this, watcher] {
        emit alertsListed(watcher->result());
        watcher->deleteLater();
    });
    const QString path = m_alertsPath;
    const QString cluster = clusterKey();
    watcher->setFuture(QtConcurrent::run([path, cluster] {
        AlertStore store(path);
        return store.open().ok() ? store.list(1000, cluster) : QList<Alert>{};
    }));
}

void LagService::acknowledgeAlert(qint64 id)
{
    acknowledgeAlerts({id});
}

void LagService::acknowledgeAlerts(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return;
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher] {
        watcher->deleteLater();
        requestAlerts();
    });
    const QString path = m_alertsPath;
    watcher->setFuture(QtConcurrent::run([path, ids] {
        AlertStore store(path);
        if (store.open().ok())
            for (const qint64 id : ids)
                store.acknowledge(id);
    }));
}

} // namespace kops
