#include "rdkafkaclusterapi.h"

#include <QCoreApplication>

#include "errortext.h"
#include "rdkafkahandle.h"
#include "rdkafkautil.h"

#include <spdlog/spdlog.h>

#include <QDeadlineTimer>
#include <QSet>

#include <algorithm>
#include <limits>
#include <vector>

namespace kops {

using namespace rdk;

namespace {

QList<TopicPartition> uniquePartitions(const QList<TopicPartition> &partitions)
{
    QList<TopicPartition> unique;
    QSet<TopicPartition> seen;
    for (const TopicPartition &tp : partitions)
        if (!seen.contains(tp)) {
            seen.insert(tp);
            unique.append(tp);
        }
    return unique;
}

} // namespace

QString librdkafkaVersion()
{
    return QString::fromUtf8(rd_kafka_version_str());
}

RdKafkaClusterApi::RdKafkaClusterApi(QList<QPair<QString, QString>> properties)
    : RdKafkaClusterApi(std::move(properties), Options{})
{
}

RdKafkaClusterApi::RdKafkaClusterApi(QList<QPair<QString, QString>> properties, Options options)
    : m_props(std::move(properties)), m_options(options)
{
}


Result<RdKafkaHandle *> RdKafkaClusterApi::ensure(std::unique_ptr<RdKafkaHandle> &slot, int kind)
{
    // A fatal error leaves a handle unusable: tear it down and connect afresh.
    // A producer with batches in flight is kept (their reports point into it); it is replaced
    // at the first call after they are drained.
    if (slot && slot->fatal() && !(&slot == &m_producer && m_batchesInFlight > 0)) {
        spdlog::warn("kafka client hit a fatal error; reconnecting");
        slot.reset();
    }
    if (!slot) {
        auto props = m_props;
        if (RdKafkaHandle::Kind(kind) == RdKafkaHandle::Kind::Reader) {
            // assign() needs a group id; this one never joins, subscribes or commits.
            props.prepend({QStringLiteral("group.id"), QStringLiteral("kafka-ops-console-reader")});
            props.append({QStringLiteral("auto.offset.reset"), QStringLiteral("error")});
        }
        if (RdKafkaHandle::Kind(kind) == RdKafkaHandle::Kind::Producer)
            props.append({QStringLiteral("message.timeout.ms"), QString::number(m_options.messageTimeoutMs)});
        auto created = RdKafkaHandle::create(RdKafkaHandle::Kind(kind), props);
        if (!created)
            return created.error();
        slot = std::move(created).value();
        if (RdKafkaHandle::Kind(kind) == RdKafkaHandle::Kind::Reader)
            rd_kafka_poll_set_consumer(slot->rk());
    }
    return slot.get();
}

bool RdKafkaClusterApi::injectFatalErrorForTest()
{
    if (!m_producer)
        return false;
    return rd_kafka_test_fatal_error(m_producer->rk(), RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER,
                                     "injected by test")
           == RD_KAFKA_RESP_ERR_NO_ERROR;
}

Result<RdKafkaHandle *> RdKafkaClusterApi::admin()
{
    return ensure(m_admin, int(RdKafkaHandle::Kind::Admin));
}

Result<RdKafkaHandle *> RdKafkaClusterApi::producer()
{
    return ensure(m_producer, int(RdKafkaHandle::Kind::Producer));
}

Result<RdKafkaHandle *> RdKafkaClusterApi::reader()
{
    return ensure(m_reader, int(RdKafkaHandle::Kind::Reader));
}

int RdKafkaClusterApi::coordinatorRequestTimeoutMs(qint64 waitMs)
{
    // A minute beyond the wait: the waiting side always gives up (and retires the handle) first.
    return int(std::min<qint64>(waitMs + 60'000, std::numeric_limits<int>::max()));
}

void RdKafkaClusterApi::retireAdmin(qsizetype outstanding, const char *what)
{
    if (!m_admin || outstanding <= 0)
        return;
    spdlog::warn("{}: {} group request(s) still outstanding after the wait; closing the admin client "
                 "(librdkafka 2.0.x aborts when it times out a group request itself)",
                 what, outstanding);
    m_admin.reset();
}

Result<ClusterMetadata> RdKafkaClusterApi::metadata()
{
    auto h = admin();
    if (!h)
        return h.error();
    rd_kafka_t *rk = h.value()->rk();
    const rd_kafka_metadata_t *md = nullptr;
    // rd_kafka_metadata() waits up to its timeout for a broker to come up. Asked in short
    // slices until one is up, a cluster whose every bootstrap address refused the connection
    // or the credentials is reported as soon as that is known (a wrong port or password is
    // not going to get better within the timeout).
    const QDeadlineTimer deadline(m_options.timeoutMs);
    rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR__TRANSPORT;
    while (true) {
        const int remaining = int(std::max<qint64>(1, deadline.remainingTime()));
        err = rd_kafka_metadata(rk, 1, nullptr, &md, std::min(remaining, 200));
        if (err != RD_KAFKA_RESP_ERR__TRANSPORT || deadline.hasExpired() || h.value()->noBrokerReachable())
            break;
    }
    // A broker is up but did not answer within the slice: give the request the time left.
    if (err == RD_KAFKA_RESP_ERR__TIMED_OUT && !deadline.hasExpired())
        err = rd_kafka_metadata(rk, 1, nullptr, &md, int(std::max<qint64>(1, deadline.remainingTime())));
    h.value()->serve();
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
        return h.value()->error(err, QCoreApplication::translate("kops::Cluster", "Reading cluster metadata"));
    h.value()->markReachable();

    ClusterMetadata out;
    for (int i = 0; i < md->broker_cnt; ++i)
        out.brokers.append(BrokerInfo{md->brokers[i].id, str(md->brokers[i].host), md->brokers[i].port, {}});
    std::sort(out.brokers.begin(), out.brokers.end(), [](const BrokerInfo &a, const BrokerInfo &b) { return a.id < b.id; });
    for (int i = 0; i < md->topic_cnt; ++i) {
        const rd_kafka_metadata_topic_t &t = md->topics[i];
        TopicInfo ti;
        ti.name = str(t.topic);
        ti.internal = ti.name.startsWith(QLatin1String("__"));
        if (t.err)
            ti.errorCode = errName(t.err);
        for (int p = 0; p < t.partition_cnt; ++p) {
            const rd_kafka_metadata_partition_t &mp = t.partitions[p];
            PartitionInfo pi;
            pi.partition = mp.id;
            pi.leader = mp.leader;
            for (int r = 0; r < mp.replica_cnt; ++r)
                pi.replicas.append(mp.replicas[r]);
            for (int r = 0; r < mp.isr_cnt; ++r)
                pi.isr.append(mp.isrs[r]);
            if (mp.err)
                pi.errorCode = errName(mp.err);
            ti.partitions.append(std::move(pi));
        }
        std::sort(ti.partitions.begin(), ti.partitions.end(),
                  [](const PartitionInfo &a, const PartitionInfo &b) { return a.partition < b.partition; });
        out.topics.append(std::move(ti));
    }
    rd_kafka_metadata_destroy(md);
    std::sort(out.topics.begin(), out.topics.end(), [](const TopicInfo &a, const TopicInfo &b) { return a.name < b.name; });

    // Both come from the metadata just fetched, so these return at once.
    out.controllerId = rd_kafka_controllerid(rk, 1000);
    if (char *cid = rd_kafka_clusterid(rk, 1000)) {
        out.clusterId = QString::fromUtf8(cid);
        rd_kafka_mem_free(rk, cid);
    }

    // Racks are only exposed through broker configs; asked once per broker and remembered
    // (a broker's rack does not change while it runs). Best effort: refusals leave it empty.
    QStringList unknown;
    for (const BrokerInfo &b : std::as_const(out.brokers))
        if (!m_racks.contains(b.id))
            unknown << QString::number(b.id);
    if (!unknown.isEmpty()) {
        auto configs = describeConfigs(ConfigResourceType::Broker, unknown, std::min(m_options.timeoutMs, 3000));
        for (const QString &id : std::as_const(unknown))
            m_racks.insert(id.toInt(), QString());
        if (configs)
            for (const ConfigResource &r : configs.value())
                m_racks.insert(r.name.toInt(), r.value(QStringLiteral("broker.rack")).value_or(QString()));
    }
    for (BrokerInfo &b : out.brokers)
        b.rack = m_racks.value(b.id);
    return out;
}

Result<ClusterMetadata> RdKafkaClusterApi::topicMetadata(const QStringList &topics)
{
    auto all = metadata();
    if (!all)
        return all;
    ClusterMetadata out = all.value();
    out.topics.clear();
    for (const QString &name : topics) {
        if (const TopicInfo *t = all.value().topic(name)) {
            out.topics.append(*t);
        } else {
            TopicInfo missing;
            missing.name = name;
            missing.errorCode = QStringLiteral("UNKNOWN_TOPIC_OR_PART");
            out.topics.append(missing);
        }
    }
    return out;
}

Result<QList<GroupListing>> RdKafkaClusterApi::listGroups()
{
    auto h = admin();
    if (!h)
        return h.error();
    rd_kafka_t *rk = h.value()->rk();
    QueuePtr q(rd_kafka_queue_new(rk));
    auto opt = adminOptions(rk, RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS, m_options.timeoutMs);
    rd_kafka_ListConsumerGroups(rk, opt.get(), q.get());
    EventPtr ev = waitEvent(q.get(), QDeadlineTimer(m_options.timeoutMs + 1000), h.value());
    h.value()->serve();
    if (!ev)
        return h.value()->error(RD_KAFKA_RESP_ERR__TIMED_OUT, QCoreApplication::translate("kops::Cluster", "Listing consumer groups"));
    if (rd_kafka_event_error(ev.get()))
        return h.value()->error(rd_kafka_event_error(ev.get()), QCoreApplication::translate("kops::Cluster", "Listing consumer groups"));

    const auto *res = rd_kafka_event_ListConsumerGroups_result(ev.get());
    size_t validCount = 0, errorCount = 0;
    const rd_kafka_ConsumerGroupListing_t **valid = rd_kafka_ListConsumerGroups_result_valid(res, &validCount);
    const rd_kafka_error_t **errors = rd_kafka_ListConsumerGroups_result_errors(res, &errorCount);
    if (validCount == 0 && errorCount > 0)
        return h.value()->error(errors[0], QCoreApplication::translate("kops::Cluster", "Listing consumer groups"));
    for (size_t i = 0; i < errorCount; ++i)
        spdlog::warn("listing groups: a broker failed: {}", rd_kafka_error_string(errors[i]));

    QList<GroupListing> out;
    out.reserve(qsizetype(validCount));
    for (size_t i = 0; i < validCount; ++i) {
        GroupListing g;
        g.groupId = str(rd_kafka_ConsumerGroupListing_group_id(valid[i]));
        g.state = groupState(rd_kafka_ConsumerGroupListing_state(valid[i]));
        g.protocolType = rd_kafka_ConsumerGroupListing_is_simple_consumer_group(valid[i]) ? QString()
                                                                                           : QStringLiteral("consumer");
        g.responseIndex = int(i);
        out.append(std::move(g));
    }
    std::sort(out.begin(), out.end(), [](const GroupListing &a, const GroupListing &b) { return a.groupId < b.groupId; });
    return out;
}

namespace {

void appendDescriptions(rd_kafka_event_t *ev, QList<GroupDescription> &out)
{
    const auto *res = rd_kafka_event_DescribeConsumerGroups_result(ev);
    size_t n = 0;
    const rd_kafka_ConsumerGroupDescription_t **groups = rd_kafka_DescribeConsumerGroups_result_groups(res, &n);
    for (size_t i = 0; i < n; ++i) {
        const rd_kafka_ConsumerGroupDescription_t *g = groups[i];
        GroupDescription d;
        d.groupId = str(rd_kafka_ConsumerGroupDescription_group_id(g));
        if (const rd_kafka_error_t *e = rd_kafka_ConsumerGroupDescription_error(g)) {
            d.errorCode = str(rd_kafka_error_name(e));
            d.errorMessage = explainKafkaError(d.errorCode, str(rd_kafka_error_string(e)));
        }
        d.state = groupState(rd_kafka_ConsumerGroupDescription_state(g));
        d.assignor = str(rd_kafka_ConsumerGroupDescription_partition_assignor(g));
        d.simple = rd_kafka_ConsumerGroupDescription_is_simple_consumer_group(g);
        if (const rd_kafka_Node_t *node = rd_kafka_ConsumerGroupDescription_coordinator(g))
            d.coordinatorId = rd_kafka_Node_id(node);
        const size_t memberCount = rd_kafka_ConsumerGroupDescription_member_count(g);
        for (size_t m = 0; m < memberCount; ++m) {
            const rd_kafka_MemberDescription_t *md = rd_kafka_ConsumerGroupDescription_member(g, m);
            GroupMember member;
            member.memberId = str(rd_kafka_MemberDescription_consumer_id(md));
            member.clientId = str(rd_kafka_MemberDescription_client_id(md));
            member.host = str(rd_kafka_MemberDescription_host(md));
            member.groupInstanceId = str(rd_kafka_MemberDescription_group_instance_id(md));
            if (const rd_kafka_MemberAssignment_t *a = rd_kafka_MemberDescription_assignment(md)) {
                if (const rd_kafka_topic_partition_list_t *parts = rd_kafka_MemberAssignment_partitions(a)) {
                    for (int p = 0; p < parts->cnt; ++p)
                        member.assignments.append({str(parts->elems[p].topic), parts->elems[p].partition});
                }
            }
            std::sort(member.assignments.begin(), member.assignments.end());
            d.members.append(std::move(member));
        }
        out.append(std::move(d));
    }
}

} // namespace

Result<QList<GroupDescription>> RdKafkaClusterApi::describeGroups(const QStringList &requested)
{
    // librdkafka rejects the whole request (_INVALID_ARG) when a name appears twice.
    QStringList groupIds = requested;
    groupIds.removeDuplicates();
    if (groupIds.isEmpty())
        return QList<GroupDescription>{};
    auto h = admin();
    if (!h)
        return h.error();
    rd_kafka_t *rk = h.value()->rk();
    QueuePtr q(rd_kafka_queue_new(rk));
    // librdkafka 2.0 looks up the coordinator of every group of a request at once (its
    // coordinator cache holds 10): the groups go in small requests, a bounded number in flight.
    constexpr qsizetype kGroupsPerRequest = 16;
    constexpr int kMaxInFlight = 4;
    const QDeadlineTimer deadline(m_options.timeoutMs + 1000 + 50 * qint64(groupIds.size()));
    auto opt = adminOptions(rk, RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS,
                            coordinatorRequestTimeoutMs(deadline.remainingTime()));
    const QString what = QCoreApplication::translate("kops::Cluster", "Describing consumer groups");
    QList<GroupDescription> out;
    qsizetype next = 0;
    int inFlight = 0;
    while (next < groupIds.size() || inFlight > 0) {
        while (inFlight < kMaxInFlight && next < groupIds.size()) {
            std::vector<QByteArray> names;
            std::vector<const char *> ptrs;
            for (qsizetype i = next; i < std::min(groupIds.size(), next + kGroupsPerRequest); ++i)
                names.push_back(groupIds.at(i).toUtf8());
            for (const QByteArray &n : names)
                ptrs.push_back(n.constData());
            rd_kafka_DescribeConsumerGroups(rk, ptrs.data(), ptrs.size(), opt.get(), q.get());
            next += qsizetype(names.size());
            ++inFlight;
        }
        EventPtr ev = waitEvent(q.get(), deadline, h.value());
        h.value()->serve();
        if (!ev) {
            const KafkaError e = h.value()->error(RD_KAFKA_RESP_ERR__TIMED_OUT, what);
            q.reset(); // an application queue goes before its client
            retireAdmin(inFlight, "describing groups");
            return e;
        }
        --inFlight;
        if (rd_kafka_event_error(ev.get())) {
            const KafkaError e = h.value()->error(rd_kafka_event_error(ev.get()), what);
            ev.reset();
            q.reset(); // an application queue goes before its client
            retireAdmin(inFlight, "describing groups");
            return e;
        }
        appendDescriptions(ev.get(), out);
    }
    return out;
}

Result<QList<GroupDeletion>> RdKafkaClusterApi::deleteGroups(const QStringList &requested)
{
    QStringList groupIds = requested;
    groupIds.removeDuplicates();
    if (groupIds.isEmpty())
        return QList<GroupDeletion>{};
    auto h = admin();
    if (!h)
        return h.error();
    rd_kafka_t *rk = h.value()->rk();
    QueuePtr q(rd_kafka_queue_new(rk));
    const QDeadlineTimer deadline(m_options.timeoutMs + 1000 + 50 * qint64(groupIds.size()));
    auto opt = adminOptions(rk, RD_KAFKA_ADMIN_OP_DELETEGROUPS, coordinatorRequestTimeoutMs(deadline.remainingTime()));
    std::vector<rd_kafka_DeleteGroup_t *> groups;
    for (const QString &g : groupIds)
        groups.push_back(rd_kafka_DeleteGroup_new(g.toUtf8().constData()));
    rd_kafka_DeleteGroups(rk, groups.data(), groups.size(), opt.get(), q.get());
    rd_kafka_DeleteGroup_destroy_array(groups.data(), groups.size());
    EventPtr ev = waitEvent(q.get(), deadline, h.value());
    h.value()->serve();
    if (!ev) {
        const KafkaError e = h.value()->error(RD_KAFKA_RESP_ERR__TIMED_OUT, QCoreApplication::translate("kops::Cluster", "Deleting consumer groups"));
        q.reset(); // an application queue goes before its client
        retireAdmin(1, "deleting groups");
        return e;
    }
    if (rd_kafka_event_error(ev.get()))
        return h.value()->error(rd_kafka_event_error(ev.get()), QCoreApplication::translate("kops::Cluster", "Deleting consumer groups"));
    const auto *res = rd_kafka_event_DeleteGroups_result(ev.get());
    size_t n = 0;
    const rd_kafka_group_result_t **results = rd_kafka_DeleteGroups_result_groups(res, &n);
    QList<GroupDeletion> out;
    for (size_t i = 0; i < n; ++i) {
        GroupDeletion d;
        d.groupId = str(rd_kafka_group_result_name(results[i]));
        if (const rd_kafka_error_t *e = rd_kafka_group_result_error(results[i])) {
            d.errorCode = str(rd_kafka_error_name(e));
            d.errorMessage = str(rd_kafka_error_string(e));
        }
        out.append(d);
    }
    return out;
}

Result<QHash<QString, QList<PartitionOffset>>> RdKafkaClusterApi::committedOffsets(const QStringList &groupIds)
{
    QStringList unique = groupIds;
    unique.removeDuplicates();
    QList<OffsetRequest> requests;
    for (const QString &g : std::as_const(unique))
        requests.append({g, std::nullopt});
    return fetchCommitted(requests);
}

Result<QList<PartitionOffset>> RdKafkaClusterApi::committedOffsetsFor(const QString &groupId,
                                                                     const QList<TopicPartition> &partitions)
{
    if (partitions.isEmpty())
        return QList<PartitionOffset>{};
    auto fetched = fetchCommitted({{groupId, partitions}});
    if (!fetched)
        return fetched.error();
    return fetched.value().value(groupId);
}

Result<QHash<QString, QList<PartitionOffset>>>
RdKafkaClusterApi::committedOffsetsFor(const QHash<QString, QList<TopicPartition>> &groups)
{
    QList<OffsetRequest> requests;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        requests.append({it.key(), it.value()});
    return fetchCommitted(requests);
}

Result<QHash<QString, QList<PartitionOffset>>> RdKafkaClusterApi::fetchCommitted(const QList<OffsetRequest> &requests)
{
    QHash<QString, QList<PartitionOffset>> out;
    if (requests.isEmpty())
        return out;
    auto h = admin();
    if (!h)
        return h.error();
    rd_kafka_t *rk = h.value()->rk();
    QueuePtr q(rd_kafka_queue_new(rk));

    // librdkafka takes one group per request: keep a bounded number in flight on one queue.
    constexpr int kMaxInFlight = 64;
    const QDeadlineTimer deadline(m_options.timeoutMs + 1000 + 50 * qint64(requests.size()));
    auto opt = adminOptions(rk, RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS,
                            coordinatorRequestTimeoutMs(deadline.remainingTime()));
    qsizetype next = 0;
    int inFlight = 0;
    while (next < requests.size() || inFlight > 0) {
        while (inFlight < kMaxInFlight && next < requests.size()) {
            // No partitions: all the group has committed (brokers >= 0.10.2). librdkafka
            // rejects a partition listed twice (_INVALID_ARG), so each goes in once.
            TplPtr parts;
            if (requests.at(next).second)
                parts = toTpl(uniquePartitions(*requests.at(next).second));
            rd_kafka_ListConsumerGroupOffsets_t *req =
                rd_kafka_ListConsumerGroupOffsets_new(requests.at(next).first.toUtf8().constData(), parts.get());
            rd_kafka_ListConsumerGroupOffsets(rk, &req, 1, opt.get(), q.get());
            rd_kafka_ListConsumerGroupOffsets_destroy(req);
            ++next;
            ++inFlight;
        }
        EventPtr ev = waitEvent(q.get(), deadline, h.value());
        if (!ev) {
            h.value()->serve();
            const KafkaError e = h.value()->error(RD_KAFKA_RESP_ERR__TIMED_OUT, QCoreApplication::translate("kops::Cluster", "Reading committed offsets"));
            q.reset(); // an application queue goes before its client
            retireAdmin(inFlight, "reading committed offsets");
            return e;
        }
        --inFlight;
        if (rd_kafka_event_error(ev.get())) {
            h.value()->serve();
            const KafkaError e = h.value()->error(rd_kafka_event_error(ev.get()), QCoreApplication::translate("kops::Cluster", "Reading committed offsets"));
            ev.reset();
            q.reset(); // an application queue goes before its client
            retireAdmin(inFlight, "reading committed offsets");
            return e;
        }
        const auto *res = rd_kafka_event_ListConsumerGroupOffsets_result(ev.get());
        size_t n = 0;
        const rd_kafka_group_result_t **groups = rd_kafka_ListConsumerGroupOffsets_result_groups(res, &n);
        for (size_t i = 0; i < n; ++i) {
            const QString name = str(rd_kafka_group_result_name(groups[i]));
            if (const rd_kafka_error_t *e = rd_kafka_group_result_error(groups[i])) {
                h.value()->serve();
                const KafkaError ke = h.value()->error(e, QCoreApplication::translate("kops::Cluster", "Reading committed offsets of group '%1'").arg(name));
                ev.reset();
                q.reset(); // an application queue goes before its client
                retireAdmin(inFlight, "reading committed offsets");
                return ke;
            }
            QList<PartitionOffset> offsets;
            if (const rd_kafka_topic_partition_list_t *parts = rd_kafka_group_result_partitions(groups[i])) {
                for (int p = 0; p < parts->cnt; ++p)
                    offsets.append(toPartitionOffset(parts->elems[p]));
            }
            std::sort(offsets.begin(), offsets.end(),
                      [](const PartitionOffset &a, const PartitionOffset &b) { return a.tp() < b.tp(); });
            out.insert(name, offsets);
        }
    }
    h.value()->serve();
    return out;
}

Result<QList<PartitionWatermarks>> RdKafkaClusterApi::watermarks(const QList<TopicPartition> &partitions)
{
    QList<PartitionWatermarks> out;
    if (partitions.isEmpty())
        return out;
    auto h = admin();
    if (!h)
        return h.error();
    rd_kafka_t *rk = h.value()->rk();

    const QList<TopicPartition> unique = uniquePartitions(partitions);

    // offsets_for_times with the special timestamps -2 (earliest) and -1 (latest) sends
    // one ListOffsets request per leader for all partitions at once.
    auto query = [&](qint64 which, TplPtr &list) -> rd_kafka_resp_err_t {
        list = toTpl(unique);
        for (int i = 0; i < list->cnt; ++i)
            list->elems[i].offset = which;
        return rd_kafka_offsets_for_times(rk, list.get(), m_options.timeoutMs);
    };
    TplPtr lows, highs;
    rd_kafka_resp_err_t err = query(RD_KAFKA_OFFSET_BEGINNING, lows);
    if (err == RD_KAFKA_RESP_ERR_NO_ERROR || err == RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION) {
        const rd_kafka_resp_err_t endErr = query(RD_KAFKA_OFFSET_END, highs);
        if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
            err = endErr;
    }
    h.value()->serve();
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR && err != RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION)
        return h.value()->error(err, QCoreApplication::translate("kops::Cluster", "Reading watermarks"));

    for (int i = 0; i < lows->cnt; ++i) {
        PartitionWatermarks w;
        w.topic = str(lows->elems[i].topic);
        w.partition = lows->elems[i].partition;
        w.low = lows->elems[i].offset;
        rd_kafka_resp_err_t perr = lows->elems[i].err;
        if (highs && i < highs->cnt) {
            w.high = highs->elems[i].offset;
            if (!perr)
                perr = highs->elems[i].err;
        } else if (!perr) {
            perr = err;
        }
        if (perr) {
            w.errorCode = errName(perr);
            w.errorMessage = explainKafkaError(w.errorCode, errText(perr));
        }
        out.append(w);
    }
    return out;
}

Result<QList<PartitionOffset>> RdKafkaClusterApi::offsetsForTimes(const QList<PartitionTimestamp> &query)
{
    QList<PartitionOffset> out;
    if (query.isEmpty())
        return out;
    auto h = admin();
    if (!h)
        return h.error();
    TplPtr list(rd_kafka_topic_partition_list_new(int(query.size())));
    for (const PartitionTimestamp &q : query) {
        rd_kafka_topic_partition_t *p =
            rd_kafka_topic_partition_list_add(list.get(), q.topic.toUtf8().constData(), q.partition);
        p->offset = q.timestampMs;
    }
    const rd_kafka_resp_err_t err = rd_kafka_offsets_for_times(h.value()->rk(), list.get(), m_options.timeoutMs);
    h.value()->serve();
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR && err != RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION)
        return h.value()->error(err, QCoreApplication::translate("kops::Cluster", "Looking up offsets for timestamps"));
    for (int i = 0; i < list->cnt; ++i) {
        PartitionOffset po = toPartitionOffset(list->elems[i]);
        if (err && !po.hasError()) {
            po.errorCode = errName(err);
            po.errorMessage = explainKafkaError(po.errorCode, errText(err));
        }
        out.append(po);
    }
    return out;
}

Result<QList<PartitionOffset>> RdKafkaClusterApi::alterGroupOffsets(const QString &groupId,
                                                                   const QList<PartitionOffset> &offsets)
{
    auto h = admin();
    if (!h)
        return h.error();
    rd_kafka_t *rk = h.value()->rk();
    TplPtr list(rd_kafka_topic_partition_list_new(int(offsets.size())));
    for (const PartitionOffset &po : offsets) {
        rd_kafka_topic_partition_t *p =
            rd_kafka_topic_partition_list_add(list.get(), po.topic.toUtf8().constData(), po.partition);
        p->offset = po.offset;
    }
    QueuePtr q(rd_kafka_queue_new(rk));
    const QDeadlineTimer deadline(m_options.timeoutMs + 1000);
    auto opt = adminOptions(rk, RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS,
                            coordinatorRequestTimeoutMs(deadline.remainingTime()));
    rd_kafka_AlterConsumerGroupOffsets_t *req =
        rd_kafka_AlterConsumerGroupOffsets_new(groupId.toUtf8().constData(), list.get());
    rd_kafka_AlterConsumerGroupOffsets(rk, &req, 1, opt.get(), q.get());
    rd_kafka_AlterConsumerGroupOffsets_destroy(req);
    EventPtr ev = waitEvent(q.get(), deadline, h.value());
    h.value()->serve();
    const QString what = QCoreApplication::translate("kops::Cluster", "Changing the offsets of group '%1'").arg(groupId);
    if (!ev) {
        const KafkaError e = h.value()->error(RD_KAFKA_RESP_ERR__TIMED_OUT, what);
        q.reset(); // an application queue goes before its client
        retireAdmin(1, "changing group offsets");
        return e;
    }
    if (rd_kafka_event_error(ev.get()))
        return h.value()->error(rd_kafka_event_error(ev.get()), what);
    const auto *res = rd_kafka_event_AlterConsumerGroupOffsets_result(ev.get());
    size_t n = 0;
    const rd_kafka_group_result_t **groups = rd_kafka_AlterConsumerGroupOffsets_result_groups(res, &n);
    QList<PartitionOffset> out;
    for (size_t i = 0; i < n; ++i) {
        if (const rd_kafka_error_t *e = rd_kafka_group_result_error(groups[i]))
            return h.value()->error(e, what);
        if (const rd_kafka_topic_partition_list_t *parts = rd_kafka_group_result_partitions(groups[i]))
            for (int p = 0; p < parts->cnt; ++p)
                out.append(toPartitionOffset(parts->elems[p]));
    }
    return out;
}

Result<QList<ConfigResource>> RdKafkaClusterApi::describeConfigs(ConfigResourceType type, const QStringList &names)
{
    return describeConfigs(type, names, m_options.timeoutMs);
}

Result<QList<ConfigResource>> RdKafkaClusterApi::describeConfigs(ConfigResourceType type, const QStringList &names,
                                                                 int timeoutMs)
{
    QList<ConfigResource> out;
    if (names.isEmpty())
        return out;
    auto h = admin();
    if (!h)
        return h.error();
    rd_kafka_t *rk = h.value()->rk();
    const rd_kafka_ResourceType_t rtype = type == ConfigResourceType::Topic ? RD_KAFKA_RESOURCE_TOPIC
                                                                            : RD_KAFKA_RESOURCE_BROKER;
    std::vector<rd_kafka_ConfigResource_t *> resources;
    for (const QString &name : names)
        resources.push_back(rd_kafka_ConfigResource_new(rtype, name.toUtf8().constData()));
    QueuePtr q(rd_kafka_queue_new(rk));
    auto opt = adminOptions(rk, RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS, timeoutMs);
    rd_kafka_DescribeConfigs(rk, resources.data(), resources.size(), opt.get(), q.get());
    rd_kafka_ConfigResource_destroy_array(resources.data(), resources.size());
    EventPtr ev = waitEvent(q.get(), QDeadlineTimer(timeoutMs + 1000), h.value());
    h.value()->serve();
    if (!ev)
        return h.value()->error(RD_KAFKA_RESP_ERR__TIMED_OUT, QCoreApplication::translate("kops::Cluster", "Reading configuration"));
    if (rd_kafka_event_error(ev.get()))
        return h.value()->error(rd_kafka_event_error(ev.get()), QCoreApplication::translate("kops::Cluster", "Reading configuration"));
    const auto *res = rd_kafka_event_DescribeConfigs_result(ev.get());
    size_t n = 0;
    const rd_kafka_ConfigResource_t **rs = rd_kafka_DescribeConfigs_result_resources(res, &n);
    for (size_t i = 0; i < n; ++i) {
        ConfigResource r;
        r.type = type;
        r.name = str(rd_kafka_ConfigResource_name(rs[i]));
        if (const rd_kafka_resp_err_t e = rd_kafka_ConfigResource_error(rs[i])) {
            r.errorCode = errName(e);
            r.errorMessage = explainKafkaError(r.errorCode, str(rd_kafka_ConfigResource_error_string(rs[i])));
        }
        size_t cnt = 0;
        const rd_kafka_ConfigEntry_t **entries = rd_kafka_ConfigResource_configs(rs[i], &cnt);
        for (size_t c = 0; c < cnt; ++c) {
            ConfigEntry ce;
            ce.name = str(rd_kafka_ConfigEntry_name(entries[c]));
            ce.value = str(rd_kafka_ConfigEntry_value(entries[c]));
            ce.isDefault = rd_kafka_ConfigEntry_is_default(entries[c]);
            ce.readOnly = rd_kafka_ConfigEntry_is_read_only(entries[c]);
            ce.sensitive = rd_kafka_ConfigEntry_is_sensitive(entries[c]);
            ce.source = str(rd_kafka_ConfigSource_name(rd_kafka_ConfigEntry_source(entries[c])));
            r.entries.append(ce);
        }
        out.append(std::move(r));
    }
    return out;
}

Status RdKafkaClusterApi::createTopic(const NewTopic &topic)
{
    auto h = admin();
    if (!h)
        return h.error();
    rd_kafka_t *rk = h.value()->rk();
    char errstr[512] = {0};
    rd_kafka_NewTopic_t *nt = rd_kafka_NewTopic_new(topic.name.toUtf8().constData(), topic.partitions,
                                                    topic.replicationFactor, errstr, sizeof errstr);
    if (!nt)
        return KafkaError::make(QStringLiteral("_INVALID_ARG"),
                                QCoreApplication::translate("kops::Cluster", "Topic '%1' is not valid: %2").arg(topic.name, QString::fromUtf8(errstr)));
    for (auto it = topic.configs.cbegin(); it != topic.configs.cend(); ++it)
        rd_kafka_NewTopic_set_config(nt, it.key().toUtf8().constData(), it.value().toUtf8().constData());
    QueuePtr q(rd_kafka_queue_new(rk));
    auto opt = adminOptions(rk, RD_KAFKA_ADMIN_OP_CREATETOPICS, m_options.timeoutMs);
    rd_kafka_AdminOptions_set_operation_timeout(opt.get(), m_options.timeoutMs, errstr, sizeof errstr);
    rd_kafka_CreateTopics(rk, &nt, 1, opt.get(), q.get());
    rd_kafka_NewTopic_destroy(nt);
    EventPtr ev = waitEvent(q.get(), QDeadlineTimer(m_options.timeoutMs + 2000), h.value());
    h.value()->serve();
    const QString what = QCoreApplication::translate("kops::Cluster", "Creating topic '%1'").arg(topic.name);
    if (!ev)
        return h.value()->error(RD_KAFKA_RESP_ERR__TIMED_OUT, what);
    if (rd_kafka_event_error(ev.get()))
        return h.value()->error(rd_kafka_event_error(ev.get()), what);
    size_t n = 0;
    const rd_kafka_topic_result_t **results =
        rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(ev.get()), &n);
    for (size_t i = 0; i < n; ++i) {
        if (const rd_kafka_resp_err_t e = rd_kafka_topic_result_error(results[i])) {
            KafkaError ke = h.value()->error(e, what);
            if (const char *detail = rd_kafka_topic_result_error_string(results[i]))
                ke.details.append(QString::fromUtf8(detail));
            return ke;
        }
    }
    return Done{};
}

Result<QList<TopicDeletion>> RdKafkaClusterApi::deleteTopics(const QStringList &requested)
{
    QStringList topics = requested;
    topics.removeDuplicates();
    if (topics.isEmpty())
        return QList<TopicDeletion>{};
    auto h = admin();
    if (!h)
        return h.error();
    rd_kafka_t *rk = h.value()->rk();
    char errstr[512] = {0};
    QueuePtr q(rd_kafka_queue_new(rk));
    auto opt = adminOptions(rk, RD_KAFKA_ADMIN_OP_DELETETOPICS, m_options.timeoutMs);
    rd_kafka_AdminOptions_set_operation_timeout(opt.get(), m_options.timeoutMs, errstr, sizeof errstr);
    std::vector<rd_kafka_DeleteTopic_t *> deletions;
    for (const QString &t : std::as_const(topics))
        deletions.push_back(rd_kafka_DeleteTopic_new(t.toUtf8().constData()));
    rd_kafka_DeleteTopics(rk, deletions.data(), deletions.size(), opt.get(), q.get());
    rd_kafka_DeleteTopic_destroy_array(deletions.data(), deletions.size());
    EventPtr ev = waitEvent(q.get(), QDeadlineTimer(m_options.timeoutMs + 2000), h.value());
    h.value()->serve();
    const QString what = QCoreApplication::translate("kops::Cluster", "Deleting topics %1").arg(topics.join(QStringLiteral(", ")));
    if (!ev)
        return h.value()->error(RD_KAFKA_RESP_ERR__TIMED_OUT, what);
    if (rd_kafka_event_error(ev.get()))
        return h.value()->error(rd_kafka_event_error(ev.get()), what);
    size_t n = 0;
    const rd_kafka_topic_result_t **results =
        rd_kafka_DeleteTopics_result_topics(rd_kafka_event_DeleteTopics_result(ev.get()), &n);
    QList<TopicDeletion> out;
    for (size_t i = 0; i < n; ++i) {
        TopicDeletion d;
        d.topic = str(rd_kafka_topic_result_name(results[i]));
        if (const rd_kafka_resp_err_t e = rd_kafka_topic_result_error(results[i])) {
            d.errorCode = QString::fromUtf8(rd_kafka_err2name(e));
            const char *detail = rd_kafka_topic_result_error_string(results[i]);
            d.errorMessage = detail ? QString::fromUtf8(detail) : QString::fromUtf8(rd_kafka_err2str(e));
        }
        out.append(d);
    }
    return out;
}

} // namespace kops

