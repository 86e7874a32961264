#include "metricsexposition.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <cmath>

namespace kops {

namespace {

/// Same rounding as the JSON of `kafka-ops lag --json`, so both say the same number.
double rounded(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

class Writer
{
public:
    explicit Writer(QByteArray &out) : m_out(out) {}

    void family(const char *name, const char *type, const char *help)
    {
        m_name = name;
        m_out += "# HELP ";
        m_out += name;
        m_out += ' ';
        m_out += help;
        m_out += "\n# TYPE ";
        m_out += name;
        m_out += ' ';
        m_out += type;
        m_out += '\n';
    }

    void sample(const QByteArray &labels, qint64 value)
    {
        begin(labels);
        m_out += QByteArray::number(value);
        m_out += '\n';
    }

    void sample(const QByteArray &labels, double value)
    {
        begin(labels);
        if (std::isnan(value))
            m_out += "NaN";
        else if (std::isinf(value))
            m_out += value > 0 ? "+Inf" : "-Inf";
        else
            m_out += QByteArray::number(value, 'g', 15);
        m_out += '\n';
    }

private:
    void begin(const QByteArray &labels)
    {
        m_out += m_name;
        m_out += '{';
        m_out += labels;
        m_out += "} ";
    }

    QByteArray &m_out;
    const char *m_name = "";
};

QByteArray label(const char *name, const QString &value)
{
    QByteArray s(name);
    s += "=\"";
    s += MetricsExposition::escapeLabelValue(value);
    s += '"';
    return s;
}

struct GroupLabels
{
    const GroupLag *group;
    QByteArray labels; ///< cluster="..",consumergroup=".."
};

struct ClusterLabels
{
    const ClusterMetrics *metrics;
    QByteArray cluster; ///< cluster=".."
    QList<GroupLabels> groups;
};

QByteArray partitionLabels(const QByteArray &prefix, const PartitionLag &p)
{
    QByteArray s = prefix;
    s += ',';
    s += label("topic", p.topic);
    s += ",partition=\"";
    s += QByteArray::number(p.partition);
    s += '"';
    return s;
}

} // namespace

QByteArray MetricsExposition::escapeLabelValue(const QString &value)
{
    QByteArray utf8 = value.toUtf8();
    if (!utf8.contains('\\') && !utf8.contains('"') && !utf8.contains('\n'))
        return utf8;
    QByteArray out;
    out.reserve(utf8.size() + 8);
    for (char c : std::as_const(utf8)) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray MetricsExposition::render(const QList<ClusterMetrics> &clusters)
{
    QList<ClusterLabels> all;
    qsizetype partitions = 0;
    for (const ClusterMetrics &c : clusters) {
        ClusterLabels cl;
        cl.metrics = &c;
        cl.cluster = label("cluster", c.cluster);
        if (c.snapshot) {
            cl.groups.reserve(c.snapshot->groups.size());
            for (const GroupLag &g : c.snapshot->groups) {
                cl.groups.append({&g, cl.cluster + ',' + label("consumergroup", g.groupId)});
                partitions += g.partitions.size();
            }
        }
        all.append(std::move(cl));
    }
    QByteArray out;
    out.reserve(4096 + partitions * 600);
    Writer w(out);

    // Per group and partition.
    w.family("kafka_consumergroup_lag", "gauge",
             "Messages between the group's committed offset and the partition's log end (absent: no commit; "
             "negative: committed beyond the log end).");
    for (const ClusterLabels &c : all)
        for (const GroupLabels &g : c.groups)
            for (const PartitionLag &p : g.group->partitions)
                if (p.lag)
                    w.sample(partitionLabels(g.labels, p), *p.lag);
    w.family("kafka_consumergroup_lag_seconds", "gauge",
             "Time lag: age in seconds of the record at the committed offset (read, or estimated from the history).");
    for (const ClusterLabels &c : all)
        for (const GroupLabels &g : c.groups)
            for (const PartitionLag &p : g.group->partitions)
                if (p.timeLagSeconds)
                    w.sample(partitionLabels(g.labels, p), rounded(*p.timeLagSeconds));
    w.family("kafka_consumergroup_committed_offset", "gauge", "The group's committed offset (absent: no commit).");
    for (const ClusterLabels &c : all)
        for (const GroupLabels &g : c.groups)
            for (const PartitionLag &p : g.group->partitions)
                if (p.committed)
                    w.sample(partitionLabels(g.labels, p), *p.committed);
    w.family("kafka_consumergroup_current_offset", "gauge",
             "Same as kafka_consumergroup_committed_offset, under kafka_exporter's name.");
    for (const ClusterLabels &c : all)
        for (const GroupLabels &g : c.groups)
            for (const PartitionLag &p : g.group->partitions)
                if (p.committed)
                    w.sample(partitionLabels(g.labels, p), *p.committed);

    // Per group and topic.
    w.family("kafka_consumergroup_lag_sum", "gauge", "Sum of the group's positive lags on a topic (kafka_exporter).");
    for (const ClusterLabels &c : all)
        for (const GroupLabels &g : c.groups) {
            QMap<QString, qint64> byTopic;
            for (const PartitionLag &p : g.group->partitions)
                if (p.lag)
                    byTopic[p.topic] += std::max<qint64>(0, *p.lag);
            for (auto it = byTopic.cbegin(); it != byTopic.cend(); ++it)
                w.sample(g.labels + ',' + label("topic", it.key()), it.value());
        }

    // Per group.
    w.family("kafka_consumergroup_status", "gauge",
             "1 for the group's health status (OK, WARN, UNKNOWN, REWIND, STALL, STOP, ERR), 0 for the others.");
    const QList<HealthStatus> statuses = allHealthStatuses();
    QList<QByteArray> statusLabels;
    for (HealthStatus s : statuses)
        statusLabels.append(',' + label("status", healthStatusName(s)));
    for (const ClusterLabels &c : all)
        for (const GroupLabels &g : c.groups)
            for (qsizetype i = 0; i < statuses.size(); ++i)
                w.sample(g.labels + statusLabels[i], qint64(g.group->status == statuses[i] ? 1 : 0));
    w.family("kafka_consumergroup_members", "gauge", "Members of the group (kafka_exporter).");
    for (const ClusterLabels &c : all)
        for (const GroupLabels &g : c.groups)
            w.sample(g.labels, qint64(g.group->memberCount));
    w.family("kafka_consumergroup_total_lag", "gauge", "Sum of the group's positive lags over all its partitions.");
    for (const ClusterLabels &c : all)
        for (const GroupLabels &g : c.groups)
            w.sample(g.labels, g.group->totalLag);
    w.family("kafka_consumergroup_max_lag_seconds", "gauge", "The group's largest time lag over its partitions.");
    for (const ClusterLabels &c : all)
        for (const GroupLabels &g : c.groups)
            if (g.group->maxTimeLagSeconds)
                w.sample(g.labels, rounded(*g.group->maxTimeLagSeconds));
    w.family("kafka_consumergroup_produce_rate", "gauge",
             "Messages per second written to the group's partitions, over the evaluation window.");
    for (const ClusterLabels &c : all)
        for (const GroupLabels &g : c.groups)
            w.sample(g.labels, rounded(g.group->produceRate));
    w.family("kafka_consumergroup_consume_rate", "gauge",
             "Messages per second the group committed past, over the evaluation window.");
    for (const ClusterLabels &c : all)
        for (const GroupLabels &g : c.groups)
            w.sample(g.labels, rounded(g.group->consumeRate));

    // Per partition (once, whichever groups read it).
    struct Marks
    {
        QByteArray labels;
        qint64 logStart;
        qint64 logEnd;
    };
    QList<Marks> marks;
    for (const ClusterLabels &c : all) {
        QSet<TopicPartition> seen;
        for (const GroupLabels &g : c.groups)
            for (const PartitionLag &p : g.group->partitions)
                if (p.logEnd >= 0 && !seen.contains({p.topic, p.partition})) {
                    seen.insert({p.topic, p.partition});
                    marks.append({partitionLabels(c.cluster, p), p.logStart, p.logEnd});
                }
    }
    w.family("kafka_partition_log_end_offset", "gauge", "The partition's log-end offset (high watermark).");
    for (const Marks &m : std::as_const(marks))
        w.sample(m.labels, m.logEnd);
    w.family("kafka_topic_partition_current_offset", "gauge",
             "Same as kafka_partition_log_end_offset, under kafka_exporter's name.");
    for (const Marks &m : std::as_const(marks))
        w.sample(m.labels, m.logEnd);
    w.family("kafka_topic_partition_oldest_offset", "gauge", "The partition's log-start offset (kafka_exporter).");
    for (const Marks &m : std::as_const(marks))
        if (m.logStart >= 0)
            w.sample(m.labels, m.logStart);

    // The exporter itself.
    w.family("kafka_ops_up", "gauge", "1 when the last sampling round of the cluster succeeded.");
    for (const ClusterLabels &c : all)
        w.sample(c.cluster, qint64(c.metrics->up ? 1 : 0));
    w.family("kafka_ops_sampling_duration_seconds", "gauge", "Duration of the last complete sampling round.");
    for (const ClusterLabels &c : all)
        if (c.metrics->rounds > 0)
            w.sample(c.cluster, c.metrics->lastRoundSeconds);
    w.family("kafka_ops_sampling_rounds_total", "counter", "Complete sampling rounds since the exporter started.");
    for (const ClusterLabels &c : all)
        w.sample(c.cluster, c.metrics->rounds);
    w.family("kafka_ops_sampling_errors_total", "counter", "Failed sampling rounds since the exporter started.");
    for (const ClusterLabels &c : all)
        w.sample(c.cluster, c.metrics->samplingErrors);
    w.family("kafka_ops_last_success_timestamp_seconds", "gauge", "Unix time the last complete round ended.");
    for (const ClusterLabels &c : all)
        if (c.metrics->lastSuccessMs > 0)
            w.sample(c.cluster, double(c.metrics->lastSuccessMs) / 1000.0);
    w.family("kafka_ops_sample_timestamp_seconds", "gauge", "Unix time of the snapshot these series come from.");
    for (const ClusterLabels &c : all)
        if (c.metrics->snapshot)
            w.sample(c.cluster, double(c.metrics->snapshot->atMs) / 1000.0);
    w.family("kafka_ops_consumergroups", "gauge", "Consumer groups in the snapshot.");
    for (const ClusterLabels &c : all)
        w.sample(c.cluster, qint64(c.groups.size()));
    return out;
}

} // namespace kops
