#include "consumergroupsoutput.h"

#include "javaorder.h"

#include <QMap>
#include <QSet>

#include <algorithm>

namespace kops::kafkatool {

namespace {

const QString kMissing = QStringLiteral("-");

/// Java's "%-Ns": left-justified, never truncated.
QString pad(const QString &s, qsizetype width)
{
    return s.leftJustified(width, QLatin1Char(' '), false);
}

template <typename T>
QString text(const std::optional<T> &v)
{
    if (!v)
        return kMissing;
    if constexpr (std::is_same_v<T, QString>)
        return *v;
    else
        return QString::number(*v);
}

QList<qint32> tpHashes(const QList<TopicPartition> &tps)
{
    QList<qint32> hashes;
    hashes.reserve(tps.size());
    for (const TopicPartition &tp : tps)
        hashes.append(javaTopicPartitionHash(tp));
    return hashes;
}

/// Wire order of a set of topic-partitions as a Kafka 2.4 broker writes an OffsetFetch response:
/// topics in the order of a java.util.HashMap of their names, partitions ascending. Topics in the
/// same bucket keep the order they were put in: `fromOffsetsMap`, as the broker first meets them
/// going through the group's offsets (a Scala immutable map, so its hash-trie order); otherwise
/// by name. (A group's offsets on "kops-cgt-{a,b}-cf40eb5a39", one bucket: b before a.)
QList<TopicPartition> wireOrder(QList<TopicPartition> tps, bool fromOffsetsMap = false)
{
    std::sort(tps.begin(), tps.end());
    const QList<TopicPartition> met = fromOffsetsMap ? reordered(tps, scalaImmutableMapOrder(tpHashes(tps))) : tps;
    QStringList topics;
    for (const TopicPartition &tp : met)
        if (!topics.contains(tp.topic))
            topics.append(tp.topic);
    QList<qint32> hashes;
    for (const QString &t : topics)
        hashes.append(javaStringHash(t));
    const QStringList topicOrder = reordered(topics, javaHashMapOrder(hashes, javaHashMapGrownCapacity(int(topics.size()))));
    std::stable_sort(tps.begin(), tps.end(), [&](const TopicPartition &a, const TopicPartition &b) {
        return topicOrder.indexOf(a.topic) < topicOrder.indexOf(b.topic);
    });
    return tps;
}

} // namespace

QList<TopicPartition> committedOrder(const QList<TopicPartition> &committed)
{
    const QList<TopicPartition> wire = wireOrder(committed, true);
    return reordered(wire, javaHashMapOrder(tpHashes(wire), javaHashMapGrownCapacity(int(wire.size()))));
}

QString toolState(const GroupDescription &group)
{
    if (group.errorCode == QLatin1String("GROUP_ID_NOT_FOUND") || group.state.isEmpty()
        || group.state == QLatin1String("Unknown"))
        return QStringLiteral("Dead");
    return group.state;
}

QList<OffsetsRow> offsetsRows(const GroupDescription &group, const QList<PartitionOffset> &committed,
                              const QHash<TopicPartition, qint64> &logEnd)
{
    QHash<TopicPartition, qint64> committedBy;
    QList<TopicPartition> committedTps;
    for (const PartitionOffset &po : committed)
        if (!po.hasError() && po.offset >= 0) {
            committedBy.insert(po.tp(), po.offset);
            committedTps.append(po.tp());
        }
    auto row = [&](const TopicPartition &tp, const QString &consumerId, const QString &host, const QString &clientId) {
        OffsetsRow r;
        r.group = group.groupId;
        r.topic = tp.topic;
        r.partition = tp.partition;
        if (committedBy.contains(tp))
            r.offset = committedBy.value(tp);
        if (logEnd.contains(tp))
            r.logEnd = logEnd.value(tp);
        if (r.offset && r.logEnd)
            r.lag = *r.logEnd - *r.offset;
        r.consumerId = consumerId;
        r.host = host;
        r.clientId = clientId;
        return r;
    };

    QList<OffsetsRow> rows;
    QList<const GroupMember *> members;
    for (const GroupMember &m : group.members)
        if (!m.assignments.isEmpty())
            members.append(&m);
    std::stable_sort(members.begin(), members.end(),
                     [](const GroupMember *a, const GroupMember *b) { return a->assignments.size() > b->assignments.size(); });
    QSet<TopicPartition> assigned;
    for (const GroupMember *m : members) {
        // The assignment is a java.util.HashSet; the tool sorts it by partition number (stably),
        // then collects the rows through a Scala immutable Map.
        QList<TopicPartition> tps = wireOrder(m->assignments);
        tps = reordered(tps, javaHashMapOrder(tpHashes(tps), javaHashSetCopyCapacity(int(tps.size()))));
        std::stable_sort(tps.begin(), tps.end(),
                         [](const TopicPartition &a, const TopicPartition &b) { return a.partition < b.partition; });
        tps = reordered(tps, scalaImmutableMapOrder(tpHashes(tps)));
        for (const TopicPartition &tp : std::as_const(tps)) {
            assigned.insert(tp);
            rows.append(row(tp, m->memberId, m->host, m->clientId));
        }
    }
    for (const TopicPartition &tp : committedOrder(committedTps))
        if (!assigned.contains(tp))
            rows.append(row(tp, kMissing, kMissing, kMissing));
    return rows;
}

QString errorLine(const QString &message)
{
    return QStringLiteral("\nError: %1\n").arg(message);
}

namespace {

/// shouldPrintMemberState(): the per-state message, and whether the table follows.
bool stateMessage(const QString &groupId, const QString &state, qsizetype rows, ToolText *t)
{
    if (state == QLatin1String("Dead"))
        t->out += errorLine(QStringLiteral("Consumer group '%1' does not exist.").arg(groupId));
    else if (state == QLatin1String("Empty"))
        t->err += QStringLiteral("\nConsumer group '%1' has no active members.\n").arg(groupId);
    else if (state == QLatin1String("PreparingRebalance") || state == QLatin1String("CompletingRebalance"))
        t->err += QStringLiteral("\nWarning: Consumer group '%1' is rebalancing.\n").arg(groupId);
    return state != QLatin1String("Dead") && rows > 0;
}

} // namespace

ToolText describeOffsets(const QString &groupId, const QString &state, const QList<OffsetsRow> &rows,
                         const QStringList &extraTimeLag)
{
    const bool extra = !extraTimeLag.isEmpty();
    qsizetype clientLen = 15;
    for (const OffsetsRow &r : rows)
        clientLen = std::max(clientLen, r.clientId.size());
    ToolText t;
    if (!stateMessage(groupId, state, rows.size(), &t))
        return t;
    qsizetype groupLen = 15, topicLen = 15, consumerLen = 15, hostLen = 15;
    for (const OffsetsRow &r : rows) {
        groupLen = std::max(groupLen, r.group.size());
        topicLen = std::max(topicLen, r.topic.value_or(kMissing).size());
        consumerLen = std::max(consumerLen, r.consumerId.size());
        hostLen = std::max(hostLen, r.host.size());
    }
    auto line = [&](const QStringList &c) {
        return pad(c[0], groupLen) + QLatin1Char(' ') + pad(c[1], topicLen) + QLatin1Char(' ') + pad(c[2], 10)
             + QLatin1Char(' ') + pad(c[3], 15) + QLatin1Char(' ') + pad(c[4], 15) + QLatin1Char(' ') + pad(c[5], 15)
             + QLatin1Char(' ') + pad(c[6], consumerLen) + QLatin1Char(' ') + pad(c[7], hostLen) + QLatin1Char(' ')
             + (extra ? pad(c[8], clientLen) + QLatin1Char(' ') + c[9] : c[8]) + QLatin1Char('\n');
    };
    t.out += QLatin1Char('\n')
           + line({QStringLiteral("GROUP"), QStringLiteral("TOPIC"), QStringLiteral("PARTITION"),
                   QStringLiteral("CURRENT-OFFSET"), QStringLiteral("LOG-END-OFFSET"), QStringLiteral("LAG"),
                   QStringLiteral("CONSUMER-ID"), QStringLiteral("HOST"), QStringLiteral("CLIENT-ID"), QStringLiteral("TIME-LAG")});
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const OffsetsRow &r = rows.at(i);
        t.out += line({r.group, text(r.topic), text(r.partition), text(r.offset), text(r.logEnd), text(r.lag), r.consumerId,
                       r.host, r.clientId, extra ? extraTimeLag.value(i, kMissing) : QString()});
    }
    return t;
}

ToolText describeMembers(const GroupDescription &group, bool verbose)
{
    ToolText t;
    const QString state = toolState(group);
    // A group the broker does not know has no member list at all in the Java client.
    if (!stateMessage(group.groupId, state, group.members.size(), &t))
        return t;
    qsizetype groupLen = std::max<qsizetype>(15, group.groupId.size()), consumerLen = 15, hostLen = 15, clientLen = 15;
    for (const GroupMember &m : group.members) {
        consumerLen = std::max(consumerLen, m.memberId.size());
        hostLen = std::max(hostLen, m.host.size());
        clientLen = std::max(clientLen, m.clientId.size());
    }
    auto line = [&](const QString &g, const QString &c, const QString &h, const QString &cl, const QString &n) {
        return pad(g, groupLen) + QLatin1Char(' ') + pad(c, consumerLen) + QLatin1Char(' ') + pad(h, hostLen)
             + QLatin1Char(' ') + pad(cl, clientLen) + QLatin1Char(' ') + pad(n, 15) + QLatin1Char(' ');
    };
    t.out += QLatin1Char('\n')
           + line(QStringLiteral("GROUP"), QStringLiteral("CONSUMER-ID"), QStringLiteral("HOST"), QStringLiteral("CLIENT-ID"),
                  QStringLiteral("#PARTITIONS"));
    if (verbose)
        t.out += QStringLiteral("ASSIGNMENT");
    t.out += QLatin1Char('\n');
    for (const GroupMember &m : group.members) {
        t.out += line(group.groupId, m.memberId, m.host, m.clientId, QString::number(m.assignments.size()));
        if (verbose) {
            if (m.assignments.isEmpty()) {
                t.out += kMissing;
            } else {
                QMap<QString, QList<int>> byTopic;
                for (const TopicPartition &tp : m.assignments)
                    byTopic[tp.topic].append(tp.partition);
                QStringList parts;
                for (auto it = byTopic.begin(); it != byTopic.end(); ++it) {
                    std::sort(it->begin(), it->end());
                    QStringList numbers;
                    for (int p : *it)
                        numbers << QString::number(p);
                    parts << it.key() + QLatin1Char('(') + numbers.join(QLatin1Char(',')) + QLatin1Char(')');
                }
                std::sort(parts.begin(), parts.end());
                t.out += parts.join(QStringLiteral(", "));
            }
        }
        t.out += QLatin1Char('\n');
    }
    return t;
}

ToolText describeState(const GroupDescription &group, const QString &coordinator)
{
    ToolText t;
    const QString state = toolState(group);
    if (!stateMessage(group.groupId, state, 1, &t))
        return t;
    const qsizetype width = std::max<qsizetype>(25, coordinator.size());
    auto line = [&](const QString &g, const QString &c, const QString &a, const QString &s, const QString &n) {
        return QLatin1Char('\n') + pad(g, width) + QLatin1Char(' ') + pad(c, 25) + QLatin1Char(' ') + pad(a, 20)
             + QLatin1Char(' ') + pad(s, 15) + QLatin1Char(' ') + n;
    };
    t.out += line(QStringLiteral("GROUP"), QStringLiteral("COORDINATOR (ID)"), QStringLiteral("ASSIGNMENT-STRATEGY"),
                  QStringLiteral("STATE"), QStringLiteral("#MEMBERS"));
    t.out += line(group.groupId, coordinator, group.assignor, state, QString::number(group.members.size()));
    t.out += QLatin1Char('\n');
    return t;
}

QString listGroups(const QStringList &groupIds)
{
    QList<qint32> hashes;
    for (const QString &g : groupIds)
        hashes.append(javaStringHash(g));
    QString out;
    for (const QString &g : reordered(groupIds, javaHashMapOrder(hashes, javaHashMapGrownCapacity(int(groupIds.size())))))
        out += g + QLatin1Char('\n');
    return out;
}

namespace {

/// What Java prints for the exception of a failed group future: ExecutionException(cause).toString().
QString javaException(const GroupDeletion &d)
{
    static const QHash<QString, QPair<QString, QString>> known = {
        {QStringLiteral("NON_EMPTY_GROUP"), {QStringLiteral("GroupNotEmptyException"), QStringLiteral("The group is not empty.")}},
        {QStringLiteral("GROUP_ID_NOT_FOUND"), {QStringLiteral("GroupIdNotFoundException"), QStringLiteral("The group id does not exist.")}},
        {QStringLiteral("INVALID_GROUP_ID"), {QStringLiteral("InvalidGroupIdException"), QStringLiteral("The configured groupId is invalid.")}},
        {QStringLiteral("GROUP_AUTHORIZATION_FAILED"),
         {QStringLiteral("GroupAuthorizationException"), QStringLiteral("Not authorized to access group: %1").arg(d.groupId)}},
        {QStringLiteral("COORDINATOR_NOT_AVAILABLE"),
         {QStringLiteral("CoordinatorNotAvailableException"), QStringLiteral("The coordinator is not available.")}},
        {QStringLiteral("NOT_COORDINATOR"), {QStringLiteral("NotCoordinatorException"), QStringLiteral("This is not the correct coordinator.")}},
    };
    const auto it = known.constFind(d.errorCode);
    const QString cause = it != known.cend()
                              ? QStringLiteral("org.apache.kafka.common.errors.%1: %2").arg(it->first, it->second)
                              : QStringLiteral("org.apache.kafka.common.KafkaException: %1").arg(d.errorMessage);
    return QStringLiteral("java.util.concurrent.ExecutionException: ") + cause;
}

} // namespace

QString deleteResult(const QList<GroupDeletion> &answers)
{
    // The Java client's futures live in a HashMap sized for the request; the tool partitions it
    // into Scala maps.
    QList<qint32> hashes;
    for (const GroupDeletion &d : answers)
        hashes.append(javaStringHash(d.groupId));
    QList<GroupDeletion> ordered = reordered(answers, javaHashMapOrder(hashes, javaHashMapSizedCapacity(int(answers.size()))));
    QList<GroupDeletion> ok, failed;
    for (const GroupDeletion &d : std::as_const(ordered))
        (d.errorCode.isEmpty() ? ok : failed).append(d);
    auto scalaOrdered = [](const QList<GroupDeletion> &list) {
        QList<qint32> h;
        for (const GroupDeletion &d : list)
            h.append(javaStringHash(d.groupId));
        return reordered(list, scalaImmutableMapOrder(h));
    };
    ok = scalaOrdered(ok);
    failed = scalaOrdered(failed);
    auto names = [](const QList<GroupDeletion> &list) {
        QStringList n;
        for (const GroupDeletion &d : list)
            n << QLatin1Char('\'') + d.groupId + QLatin1Char('\'');
        return n.join(QStringLiteral(", "));
    };
    if (failed.isEmpty())
        return QStringLiteral("Deletion of requested consumer groups (%1) was successful.\n").arg(names(ok));
    QString out = errorLine(QStringLiteral("Deletion of some consumer groups failed:"));
    for (const GroupDeletion &d : std::as_const(failed))
        out += QStringLiteral("* Group '%1' could not be deleted due to: %2\n").arg(d.groupId, javaException(d));
    if (!ok.isEmpty())
        out += QStringLiteral("\nThese consumer groups were deleted successfully: %1\n").arg(names(ok));
    return out;
}

QList<PartitionOffset> resetOrder(const QList<PartitionOffset> &insertion)
{
    QList<qint32> hashes;
    for (const PartitionOffset &po : insertion)
        hashes.append(javaTopicPartitionHash(po.tp()));
    return reordered(insertion, scalaImmutableMapOrder(hashes));
}

QString resetTable(const QString &groupId, const QList<PartitionOffset> &ordered)
{
    auto line = [](const QString &g, const QString &t, const QString &p, const QString &o) {
        return pad(g, 30) + QLatin1Char(' ') + pad(t, 30) + QLatin1Char(' ') + pad(p, 10) + QLatin1Char(' ') + pad(o, 15)
             + QLatin1Char('\n');
    };
    QString out = QLatin1Char('\n')
                + line(QStringLiteral("GROUP"), QStringLiteral("TOPIC"), QStringLiteral("PARTITION"), QStringLiteral("NEW-OFFSET"));
    for (const PartitionOffset &po : ordered)
        out += line(groupId, po.topic, QString::number(po.partition), QString::number(po.offset));
    return out;
}

QString resetCsv(const QList<PartitionOffset> &ordered)
{
    QString out;
    for (const PartitionOffset &po : ordered)
        out += QStringLiteral("%1,%2,%3\n").arg(po.topic).arg(po.partition).arg(po.offset);
    return out + QLatin1Char('\n');
}

} // namespace kops::kafkatool
