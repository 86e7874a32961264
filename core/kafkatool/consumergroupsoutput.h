#pragma once

#include "clustertypes.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace kops::kafkatool {

/// What kafka-consumer-groups.sh (Kafka 2.4) prints, in its order and layout, so scripts written
/// against it keep working. Every function here is pure; the command gathers the data.

/// Text for stdout and stderr (the Java tool writes some messages to each).
struct ToolText
{
    QString out;
    QString err;
};

/// One row of --describe [--offsets].
struct OffsetsRow
{
    QString group;
    std::optional<QString> topic;
    std::optional<int> partition;
    std::optional<qint64> offset;
    std::optional<qint64> logEnd;
    std::optional<qint64> lag;
    QString consumerId = QStringLiteral("-");
    QString host = QStringLiteral("-");
    QString clientId = QStringLiteral("-");
};

/// The rows of one group in the Java tool's order: members with partitions (most partitions
/// first), each member's partitions by partition number, then committed partitions no member owns
/// in the order of the Java client's HashMap. `committed` holds the group's commits (offset >= 0);
/// `logEnd` the high watermark of every partition that has one.
QList<OffsetsRow> offsetsRows(const GroupDescription &group, const QList<PartitionOffset> &committed,
                              const QHash<TopicPartition, qint64> &logEnd);

/// The group's state as the Java client names it ("Dead" for a group the broker does not know).
QString toolState(const GroupDescription &group);

/// --describe [--offsets] for one group (groups are printed in name order by the caller).
/// `extraTimeLag` (kafka-ops' --extra, one text per row) adds a TIME-LAG column after CLIENT-ID.
ToolText describeOffsets(const QString &groupId, const QString &state, const QList<OffsetsRow> &rows,
                         const QStringList &extraTimeLag = {});
/// --describe --members [--verbose].
ToolText describeMembers(const GroupDescription &group, bool verbose);
/// --describe --state; `coordinator` is "host:port (id)".
ToolText describeState(const GroupDescription &group, const QString &coordinator);
/// --list: group ids in the order the Java client's HashMap gives them.
QString listGroups(const QStringList &groupIds);

/// printError(): "\nError: <message>\n" on stdout.
QString errorLine(const QString &message);

/// --reset-offsets (dry run or --execute): the planned offsets in the order the Java tool prints.
/// `insertion` is the order the tool considered the partitions in.
QList<PartitionOffset> resetOrder(const QList<PartitionOffset> &insertion);
QString resetTable(const QString &groupId, const QList<PartitionOffset> &ordered);
/// --export: "topic,partition,offset" lines, then the blank line println adds.
QString resetCsv(const QList<PartitionOffset> &ordered);

/// --delete: the groups' answers (errorCode empty: deleted), in the order of the request.
QString deleteResult(const QList<GroupDeletion> &answers);

/// The committed partitions in the order the Java client's HashMap iterates them.
QList<TopicPartition> committedOrder(const QList<TopicPartition> &committed);

} // namespace kops::kafkatool
