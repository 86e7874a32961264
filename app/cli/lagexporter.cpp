#include "lagexporter.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

#include <zlib.h>

namespace kops::cli {

namespace {

/// gzip at the fastest level: the text is repetitive enough to shrink ~10x even so.
QByteArray gzip(const QByteArray &data)
{
    z_stream zs{};
    if (deflateInit2(&zs, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(qsizetype(deflateBound(&zs, uLong(data.size()))));
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return rc == Z_STREAM_END ? out : QByteArray();
}

bool acceptsGzip(const QHttpServerRequest &request)
{
    for (const auto &[name, value] : request.headers())
        if (name.compare("Accept-Encoding", Qt::CaseInsensitive) == 0 && value.toLower().contains("gzip"))
            return true;
    return false;
}

} // namespace

LagExporter::LagExporter(QList<ClusterSpec> clusters, Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(200);
    connect(&m_coalesce, &QTimer::timeout, this, &LagExporter::render);
    for (ClusterSpec &spec : clusters) {
        auto c = std::make_unique<Cluster>();
        c->metrics.cluster = spec.connection->profile.name;
        LagService::Options so;
        so.historyPath = m_options.historyPath;
        so.alertsPath = m_options.alertsPath;
        c->service = std::make_unique<LagService>(spec.connection, spec.settings, so);
        Cluster *raw = c.get();
        connect(c->service.get(), &LagService::lagSnapshotAvailable, this, [this, raw](const LagSnapshotPtr &snap) {
            raw->metrics.snapshot = snap;
            // Snapshots come after every batch of a round; once a round has completed, the
            // served data changes per round only (one rendering per interval, whole samples).
            if (raw->metrics.rounds == 0)
                changed();
        });
        connect(c->service.get(), &LagService::samplingRoundFinished, this,
                [this, raw](qint64 atMs, qint64 durationMs, int) {
                    raw->metrics.up = true;
                    raw->metrics.lastSuccessMs = atMs;
                    raw->metrics.lastRoundSeconds = double(durationMs) / 1000.0;
                    ++raw->metrics.rounds;
                    raw->lastError.clear();
                    changed();
                });
        connect(c->service.get(), &LagService::samplingFailed, this, [this, raw](const KafkaError &error) {
            raw->metrics.up = false;
            ++raw->metrics.samplingErrors;
            raw->lastError = error.toString();
            spdlog::warn("{}: sampling failed: {}", raw->metrics.cluster.toStdString(), raw->lastError.toStdString());
            changed();
        });
        m_clusters.push_back(std::move(c));
    }
    render();
}

LagExporter::~LagExporter() = default;

Result<quint16> LagExporter::start(const QHostAddress &address, quint16 port)
{
    using Method = QHttpServerRequest::Method;
    m_server.route(QStringLiteral("/metrics"), Method::Get, [this](const QHttpServerRequest &request) {
        if (!m_rendered.metricsGzip.isEmpty() && acceptsGzip(request)) {
            QHttpServerResponse response(MetricsExposition::contentType(), m_rendered.metricsGzip);
            response.setHeader(QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip"));
            return response;
        }
        return QHttpServerResponse(MetricsExposition::contentType(), m_rendered.metrics);
    });
    m_server.route(QStringLiteral("/healthz"), Method::Get, [this] {
        const auto [healthy, text] = health();
        return QHttpServerResponse(QByteArrayLiteral("text/plain; charset=utf-8"), text,
                                   healthy ? QHttpServerResponse::StatusCode::Ok
                                           : QHttpServerResponse::StatusCode::ServiceUnavailable);
    });
    m_server.route(QStringLiteral("/api/groups"), Method::Get, [this](const QHttpServerRequest &request) {
        QString cluster = QUrlQuery(request.url()).queryItemValue(QStringLiteral("cluster"));
        if (cluster.isEmpty() && m_clusters.size() == 1)
            cluster = m_clusters.front()->metrics.cluster;
        if (cluster.isEmpty())
            return QHttpServerResponse(QByteArrayLiteral("text/plain; charset=utf-8"),
                                       QByteArrayLiteral("several clusters: ask for one with ?cluster=NAME\n"),
                                       QHttpServerResponse::StatusCode::BadRequest);
        if (!m_rendered.groupsJson.contains(cluster))
            return QHttpServerResponse(QByteArrayLiteral("text/plain; charset=utf-8"),
                                       QByteArrayLiteral("no such cluster\n"), QHttpServerResponse::StatusCode::NotFound);
        return QHttpServerResponse(QByteArrayLiteral("application/json"), m_rendered.groupsJson.value(cluster));
    });
    const quint16 bound = m_server.listen(address, port);
    if (bound == 0)
        return KafkaError::make(QStringLiteral("LISTEN"),
                                QStringLiteral("Cannot listen on %1:%2 (in use or not allowed).").arg(address.toString()).arg(port));
    for (const auto &c : m_clusters)
        c->service->start(m_options.intervalSeconds);
    return bound;
}

std::optional<QPair<QHostAddress, quint16>> LagExporter::parseListen(const QString &text)
{
    const QString t = text.trimmed();
    QString host;
    QString port = t;
    if (t.startsWith(QLatin1Char('['))) {
        const qsizetype close = t.indexOf(QStringLiteral("]:"));
        if (close < 0)
            return std::nullopt;
        host = t.mid(1, close - 1);
        port = t.mid(close + 2);
    } else if (const qsizetype colon = t.lastIndexOf(QLatin1Char(':')); colon >= 0) {
        host = t.left(colon);
        port = t.mid(colon + 1);
        if (host.contains(QLatin1Char(':')))
            return std::nullopt; // a bare IPv6 address needs brackets
    }
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || port.isEmpty() || number > 65535)
        return std::nullopt;
    QHostAddress address(QHostAddress::LocalHost);
    if (!host.isEmpty() && host != QLatin1String("localhost") && !address.setAddress(host))
        return std::nullopt;
    return qMakePair(address, quint16(number));
}

std::optional<int> LagExporter::parseInterval(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,6})\\s*(s|m|h)?$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    qint64 v = m.captured(1).toLongLong();
    if (m.captured(2) == QLatin1String("m"))
        v *= 60;
    else if (m.captured(2) == QLatin1String("h"))
        v *= 3600;
    if (v < 1 || v > 86400)
        return std::nullopt;
    return int(v);
}

QByteArray LagExporter::groupsJson(const QString &cluster) const
{
    return m_rendered.groupsJson.value(cluster);
}

QPair<bool, QByteArray> LagExporter::health() const
{
    bool healthy = true;
    QByteArray text;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const auto &c : m_clusters) {
        const ClusterMetrics &m = c->metrics;
        // A round may take longer than the interval on big clusters: allow for it.
        const double staleAfter = 3.0 * m_options.intervalSeconds + 2.0 * m.lastRoundSeconds;
        const double age = double(now - m.lastSuccessMs) / 1000.0;
        QString line;
        if (m.lastSuccessMs == 0) {
            healthy = false;
            line = QStringLiteral("%1: no complete sample yet").arg(m.cluster);
        } else if (age > staleAfter) {
            healthy = false;
            line = QStringLiteral("%1: last complete sample %2 s ago (stale after %3 s)")
                       .arg(m.cluster)
                       .arg(qint64(age))
                       .arg(qint64(staleAfter));
        } else {
            line = QStringLiteral("%1: last complete sample %2 s ago, took %3 s, %4 groups")
                       .arg(m.cluster)
                       .arg(qint64(age))
                       .arg(m.lastRoundSeconds, 0, 'f', 3)
                       .arg(m.snapshot ? m.snapshot->groups.size() : 0);
        }
        if (!c->lastError.isEmpty())
            line += QStringLiteral("; last error: ") + c->lastError;
        text += line.toUtf8() + '\n';
    }
    return {healthy, (healthy ? QByteArrayLiteral("ok\n") : QByteArrayLiteral("unhealthy\n")) + text};
}

void LagExporter::changed()
{
    m_dirty = true;
    if (!m_rendering && !m_coalesce.isActive())
        m_coalesce.start();
}

void LagExporter::render()
{
    if (m_rendering)
        return;
    m_rendering = true;
    m_dirty = false;
    QList<ClusterMetrics> state;
    for (const auto &c : m_clusters)
        state.append(c->metrics); // snapshots are shared, immutable
    auto *watcher = new QFutureWatcher<Rendering>(this);
    connect(watcher, &QFutureWatcher<Rendering>::finished, this, [this, watcher] {
        m_rendered = watcher->result();
        watcher->deleteLater();
        m_rendering = false;
        emit rendered();
        if (m_dirty)
            m_coalesce.start();
    });
    watcher->setFuture(QtConcurrent::run([state] {
        Rendering r;
        r.metrics = MetricsExposition::render(state);
        r.metricsGzip = gzip(r.metrics);
        for (const ClusterMetrics &m : state) {
            QJsonArray groups;
            if (m.snapshot)
                for (const GroupLag &g : m.snapshot->groups)
                    groups.append(g.toJson());
            r.groupsJson.insert(m.cluster, QJsonDocument(groups).toJson(QJsonDocument::Compact) + '\n');
        }
        return r;
    }));
}

} // namespace kops::cli
