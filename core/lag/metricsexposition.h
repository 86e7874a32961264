#pragma once

#include "lagtypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace kops {

/// One cluster as the exporter sees it: the lag service's latest snapshot plus how its
/// sampling goes.
struct ClusterMetrics
{
    QString cluster;
    LagSnapshotPtr snapshot;        ///< null before the first sample
    bool up = false;                ///< the last round succeeded
    qint64 lastSuccessMs = 0;       ///< end of the last complete round, 0: none yet
    double lastRoundSeconds = 0;    ///< duration of the last complete round
    qint64 samplingErrors = 0;      ///< failed rounds since start
    qint64 rounds = 0;              ///< complete rounds since start
};

/// Writes lag snapshots in the Prometheus text exposition format (version 0.0.4), with
/// the metric and label names of kafka_exporter where they exist (consumergroup, topic,
/// partition) plus a `cluster` label on every series. Every metric is listed, with its
/// meaning, in core/lag/README.md. Values equal the snapshot's `lag --json` fields.
class MetricsExposition final
{
public:
    static QByteArray render(const QList<ClusterMetrics> &clusters);
    static QByteArray contentType() { return QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"); }
    /// Label values escaped as the format requires: backslash, double quote, newline.
    static QByteArray escapeLabelValue(const QString &value);
};

} // namespace kops
