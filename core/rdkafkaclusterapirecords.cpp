// The record paths of RdKafkaClusterApi: producing batches and reading records.
#include "rdkafkaclusterapi.h"

#include "errortext.h"
#include "rdkafkahandle.h"
#include "rdkafkautil.h"

#include <QDeadlineTimer>
#include <QHash>

#include <vector>

namespace kops {

using namespace rdk;

Result<QList<DeliveryReport>> RdKafkaClusterApi::produce(const QList<OutgoingRecord> &records)
{
    auto h = producer();
    if (!h)
        return h.error();
    rd_kafka_t *rk = h.value()->rk();
    // Reports are written by the delivery callback through the per-message opaque.
    std::vector<DeliveryReport> reports(size_t(records.size()));
    const QDeadlineTimer deadline(m_options.messageTimeoutMs + 5000);
    for (qsizetype i = 0; i < records.size(); ++i) {
        const OutgoingRecord &r = records.at(i);
        DeliveryReport &rep = reports[size_t(i)];
        rep.index = int(i);
        rep.topic = r.topic;
        rep.partition = r.partition;
        rep.errorCode = QStringLiteral("_IN_PROGRESS");
        const QByteArray topic = r.topic.toUtf8();
        rd_kafka_headers_t *hdrs = rd_kafka_headers_new(size_t(r.headers.size()));
        for (const RecordHeader &hd : r.headers) {
            const QByteArray key = hd.key.toUtf8();
            rd_kafka_header_add(hdrs, key.constData(), key.size(), hd.value ? hd.value->constData() : nullptr,
                                hd.value ? hd.value->size() : 0);
        }
        // rd_kafka_produceva instead of the RD_KAFKA_V_* macros, which expand to C casts.
        rd_kafka_vu_t vus[8];
        size_t n = 0;
        vus[n].vtype = RD_KAFKA_VTYPE_TOPIC;
        vus[n++].u.cstr = topic.constData();
        vus[n].vtype = RD_KAFKA_VTYPE_PARTITION;
        vus[n++].u.i32 = r.partition < 0 ? RD_KAFKA_PARTITION_UA : r.partition;
        vus[n].vtype = RD_KAFKA_VTYPE_MSGFLAGS;
        vus[n++].u.i = RD_KAFKA_MSG_F_COPY;
        vus[n].vtype = RD_KAFKA_VTYPE_KEY;
        vus[n].u.mem.ptr = r.key ? const_cast<char *>(r.key->constData()) : nullptr;
        vus[n++].u.mem.size = r.key ? size_t(r.key->size()) : 0;
        vus[n].vtype = RD_KAFKA_VTYPE_VALUE;
        vus[n].u.mem.ptr = r.value ? const_cast<char *>(r.value->constData()) : nullptr;
        vus[n++].u.mem.size = r.value ? size_t(r.value->size()) : 0;
        vus[n].vtype = RD_KAFKA_VTYPE_HEADERS;
        vus[n++].u.headers = hdrs;
        vus[n].vtype = RD_KAFKA_VTYPE_TIMESTAMP;
        vus[n++].u.i64 = r.timestampMs;
        vus[n].vtype = RD_KAFKA_VTYPE_OPAQUE;
        vus[n++].u.ptr = &rep;
        rd_kafka_resp_err_t err;
        while (true) {
            rd_kafka_error_t *perr = rd_kafka_produceva(rk, vus, n);
            err = perr ? rd_kafka_error_code(perr) : RD_KAFKA_RESP_ERR_NO_ERROR;
            if (perr)
                rd_kafka_error_destroy(perr);
            if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL || deadline.hasExpired())
                break;
            rd_kafka_poll(rk, 50);
        }
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            rd_kafka_headers_destroy(hdrs); // not handed over to librdkafka
            rep.errorCode = errName(err);
            rep.errorMessage = explainKafkaError(rep.errorCode, errText(err));
        }
        rd_kafka_poll(rk, 0);
    }
    // message.timeout.ms is below this flush timeout, so every report is final afterwards.
    rd_kafka_flush(rk, int(std::max<qint64>(1000, deadline.remainingTime())));
    h.value()->serve();
    QList<DeliveryReport> out(reports.begin(), reports.end());
    return out;
}

Result<QList<ConsumedRecord>> RdKafkaClusterApi::read(const TopicPartition &tp, qint64 offset, int maxRecords,
                                                     int timeoutMs)
{
    auto h = reader();
    if (!h)
        return h.error();
    rd_kafka_t *rk = h.value()->rk();
    TplPtr list(rd_kafka_topic_partition_list_new(1));
    rd_kafka_topic_partition_list_add(list.get(), tp.topic.toUtf8().constData(), tp.partition)->offset = offset;
    if (const rd_kafka_resp_err_t err = rd_kafka_assign(rk, list.get()))
        return h.value()->error(err, QStringLiteral("Reading %1/%2").arg(tp.topic).arg(tp.partition));

    QList<ConsumedRecord> out;
    KafkaError failure;
    const QDeadlineTimer deadline(timeoutMs);
    while (out.size() < maxRecords && !deadline.hasExpired()) {
        MessagePtr msg(rd_kafka_consumer_poll(rk, int(std::clamp<qint64>(deadline.remainingTime(), 0, 200))));
        if (!msg)
            continue;
        if (msg->err == RD_KAFKA_RESP_ERR__PARTITION_EOF)
            break;
        if (msg->err) {
            failure = h.value()->error(msg->err, QStringLiteral("Reading %1/%2").arg(tp.topic).arg(tp.partition));
            break;
        }
        out.append(toConsumedRecord(msg.get(), str(rd_kafka_topic_name(msg->rkt))));
    }
    rd_kafka_assign(rk, nullptr);
    if (out.isEmpty() && !failure.code.isEmpty())
        return failure;
    return out;
}

Result<QList<ConsumedRecord>> RdKafkaClusterApi::readAt(const QList<PartitionOffset> &positions, int timeoutMs)
{
    QList<ConsumedRecord> out;
    if (positions.isEmpty())
        return out;
    auto h = reader();
    if (!h)
        return h.error();
    rd_kafka_t *rk = h.value()->rk();
    // All partitions assigned at once: one fetch per leader instead of one per partition.
    TplPtr list(rd_kafka_topic_partition_list_new(int(positions.size())));
    QHash<TopicPartition, qint64> wanted;
    for (const PartitionOffset &p : positions) {
        if (wanted.contains(p.tp()))
            continue;
        wanted.insert(p.tp(), p.offset);
        rd_kafka_topic_partition_list_add(list.get(), p.topic.toUtf8().constData(), p.partition)->offset = p.offset;
    }
    if (const rd_kafka_resp_err_t err = rd_kafka_assign(rk, list.get()))
        return h.value()->error(err, QStringLiteral("Reading records"));
    const QDeadlineTimer deadline(timeoutMs);
    while (!wanted.isEmpty() && !deadline.hasExpired()) {
        MessagePtr msg(rd_kafka_consumer_poll(rk, int(std::clamp<qint64>(deadline.remainingTime(), 0, 200))));
        if (!msg)
            continue;
        const TopicPartition tp{str(rd_kafka_topic_name(msg->rkt)), msg->partition};
        if (!wanted.contains(tp))
            continue;
        if (msg->err) {
            wanted.remove(tp); // end of log, out of range, ...: nothing to report for it
            continue;
        }
        if (msg->offset >= wanted.value(tp)) {
            if (msg->offset == wanted.value(tp))
                out.append(toConsumedRecord(msg.get(), str(rd_kafka_topic_name(msg->rkt))));
            wanted.remove(tp);
        }
    }
    rd_kafka_assign(rk, nullptr);
    return out;
}

} // namespace kops
