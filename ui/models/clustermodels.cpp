#include "clustermodels.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace kops {

namespace {

QString number(qint64 v)
{
    return QLocale().toString(v);
}

QString joinIds(const QList<int> &ids)
{
    QStringList parts;
    for (int id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

const QColor kWarnBackground(255, 228, 225);

} // namespace

QVariant BrokersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const BrokerInfo &b = row(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id: return b.id;
        case Host: return b.host;
        case Port: return b.port;
        case Rack: return b.rack.isEmpty() ? QStringLiteral("-") : b.rack;
        case Controller: return b.id == m_controllerId ? tr("controller") : QString();
        }
    } else if (role == RawValueRole) {
        switch (index.column()) {
        case Id: return b.id;
        case Host: return b.host;
        case Port: return b.port;
        case Rack: return b.rack;
        case Controller: return b.id == m_controllerId;
        }
    }
    return {};
}

QVariant BrokersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return horizontalHeaderLabel(section, orientation, role, {tr("ID"), tr("Host"), tr("Port"), tr("Rack"), tr("Role")});
}

QVariant TopicsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const TopicRow &r = row(index.row());
    const int under = r.topic.underReplicatedCount();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return r.topic.name;
        case Partitions: return int(r.topic.partitions.size());
        case ReplicationFactor: return r.topic.replicationFactor();
        case UnderReplicated: return under;
        case Messages: return r.messages ? number(*r.messages) : QStringLiteral("?");
        }
        break;
    case RawValueRole:
        switch (index.column()) {
        case Name: return r.topic.name;
        case Partitions: return int(r.topic.partitions.size());
        case ReplicationFactor: return r.topic.replicationFactor();
        case UnderReplicated: return under;
        case Messages: return r.messages.value_or(-1);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != Name)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::BackgroundRole:
        if (under > 0)
            return QBrush(kWarnBackground);
        break;
    case Qt::ToolTipRole: {
        QStringList lines;
        for (const PartitionInfo &p : r.topic.partitions)
            lines << tr("partition %1: leader %2, replicas [%3], ISR [%4]")
                         .arg(p.partition)
                         .arg(p.leader)
                         .arg(joinIds(p.replicas), joinIds(p.isr));
        if (lines.size() > 30) {
            const qsizetype more = lines.size() - 30;
            lines = lines.mid(0, 30);
            lines << tr("... and %1 more").arg(more);
        }
        return lines.join(QLatin1Char('\n'));
    }
    }
    return {};
}

QVariant TopicsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return horizontalHeaderLabel(section, orientation, role,
                  {tr("Topic"), tr("Partitions"), tr("Replication"), tr("Under-replicated"), tr("Messages")});
}

QVariant GroupsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const GroupListing &g = row(index.row());
    if (role == Qt::DisplayRole || role == RawValueRole) {
        switch (index.column()) {
        case GroupId: return g.groupId;
        case State: return g.state;
        case ProtocolType: return g.protocolType.isEmpty() ? tr("simple") : g.protocolType;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == State) {
        if (g.state == QLatin1String("Stable"))
            return QBrush(QColor(0, 120, 0));
        if (g.state.contains(QLatin1String("Rebalance")))
            return QBrush(QColor(190, 110, 0));
        if (g.state == QLatin1String("Dead"))
            return QBrush(QColor(170, 0, 0));
    }
    return {};
}

QVariant GroupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return horizontalHeaderLabel(section, orientation, role, {tr("Group"), tr("State"), tr("Type")});
}

TextFilterProxyModel::TextFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(RawValueRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void TextFilterProxyModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool TextFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QString value = sourceModel()->index(sourceRow, 0, sourceParent).data(Qt::DisplayRole).toString();
    return value.contains(m_text, Qt::CaseInsensitive);
}

} // namespace kops
