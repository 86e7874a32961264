#include "commitstreamfile.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace kops {

namespace {

constexpr quint32 kMagic = 0x4b435331; // "KCS1"
constexpr quint16 kVersion = 1;

template <typename T>
void putOptional(QDataStream &out, const std::optional<T> &v)
{
    out << bool(v.has_value());
    if (v)
        out << *v;
}

template <typename T>
void getOptional(QDataStream &in, std::optional<T> *v)
{
    bool has = false;
    in >> has;
    v->reset();
    if (has) {
        T x{};
        in >> x;
        *v = x;
    }
}

void put(QDataStream &out, const GroupMetadataMember &m)
{
    out << m.memberId << m.groupInstanceId << m.clientId << m.clientHost << qint32(m.rebalanceTimeoutMs)
        << qint32(m.sessionTimeoutMs) << m.subscription << m.assignment << qint32(m.assignedPartitions.size());
    for (const auto &[topic, partition] : m.assignedPartitions)
        out << topic << qint32(partition);
}

void get(QDataStream &in, GroupMetadataMember *m)
{
    qint32 rebalance = 0, session = 0, count = 0;
    in >> m->memberId >> m->groupInstanceId >> m->clientId >> m->clientHost >> rebalance >> session >> m->subscription
        >> m->assignment >> count;
    m->rebalanceTimeoutMs = rebalance;
    m->sessionTimeoutMs = session;
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QString topic;
        qint32 partition = 0;
        in >> topic >> partition;
        m->assignedPartitions.append({topic, partition});
    }
}

void put(QDataStream &out, const GroupMetadataValue &v)
{
    out << qint32(v.version) << v.protocolType << qint32(v.generation) << v.protocol << v.leader;
    putOptional(out, v.currentStateTimestampMs);
    out << qint32(v.members.size());
    for (const GroupMetadataMember &m : v.members)
        put(out, m);
}

void get(QDataStream &in, GroupMetadataValue *v)
{
    qint32 version = 0, generation = 0, count = 0;
    in >> version >> v->protocolType >> generation >> v->protocol >> v->leader;
    getOptional(in, &v->currentStateTimestampMs);
    in >> count;
    v->version = version;
    v->generation = generation;
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        GroupMetadataMember m;
        get(in, &m);
        v->members.append(std::move(m));
    }
}

void put(QDataStream &out, const StreamCommit &c)
{
    out << c.offset << c.commitMs << c.offsetSinceMs << qint32(c.commitsOfOffset) << c.changeSeen;
    putOptional(out, c.leaderEpoch);
    out << c.metadata;
}

void get(QDataStream &in, StreamCommit *c)
{
    qint32 commits = 0;
    in >> c->offset >> c->commitMs >> c->offsetSinceMs >> commits >> c->changeSeen;
    c->commitsOfOffset = commits;
    getOptional(in, &c->leaderEpoch);
    in >> c->metadata;
}

} // namespace

namespace commitstreamfile {

bool save(const QString &path, const SavedCommitStream &saved, QString *why)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (why)
            *why = file.errorString();
        return false;
    }
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kVersion << saved.clusterId << qint32(saved.partitions) << saved.savedAtMs << saved.coversSinceMs
        << saved.applied << saved.skipped << qint32(saved.positions.size());
    for (auto it = saved.positions.cbegin(); it != saved.positions.cend(); ++it)
        out << qint32(it.key()) << it.value();
    out << qint32(saved.groups.size());
    for (auto g = saved.groups.cbegin(); g != saved.groups.cend(); ++g) {
        out << g.key();
        putOptional(out, g->metadata.has_value() ? std::optional<bool>(true) : std::nullopt);
        if (g->metadata)
            put(out, *g->metadata);
        out << qint32(g->commits.size());
        for (auto c = g->commits.cbegin(); c != g->commits.cend(); ++c) {
            out << c.key().topic << qint32(c.key().partition);
            put(out, c.value());
        }
    }
    if (out.status() != QDataStream::Ok || !file.commit()) {
        if (why)
            *why = file.errorString();
        return false;
    }
    return true;
}

std::optional<SavedCommitStream> load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint16 version = 0;
    in >> magic >> version;
    if (magic != kMagic || version != kVersion)
        return std::nullopt;
    SavedCommitStream s;
    qint32 partitions = 0, positions = 0, groups = 0;
    in >> s.clusterId >> partitions >> s.savedAtMs >> s.coversSinceMs >> s.applied >> s.skipped >> positions;
    s.partitions = partitions;
    for (qint32 i = 0; i < positions && in.status() == QDataStream::Ok; ++i) {
        qint32 p = 0;
        qint64 pos = 0;
        in >> p >> pos;
        s.positions.insert(p, pos);
    }
    in >> groups;
    for (qint32 i = 0; i < groups && in.status() == QDataStream::Ok; ++i) {
        QString id;
        in >> id;
        StreamGroup g;
        std::optional<bool> hasMetadata;
        getOptional(in, &hasMetadata);
        if (hasMetadata) {
            GroupMetadataValue v;
            get(in, &v);
            g.metadata = std::move(v);
        }
        qint32 commits = 0;
        in >> commits;
        for (qint32 k = 0; k < commits && in.status() == QDataStream::Ok; ++k) {
            TopicPartition tp;
            qint32 p = 0;
            in >> tp.topic >> p;
            tp.partition = p;
            StreamCommit c;
            get(in, &c);
            g.commits.insert(tp, std::move(c));
        }
        s.groups.insert(id, std::move(g));
    }
    if (in.status() != QDataStream::Ok || !in.atEnd() || s.partitions <= 0 || s.positions.size() != s.partitions)
        return std::nullopt; // damaged or cut short: read the look-back again
    return s;
}

QString pathFor(const QString &dir, const QString &connection)
{
    // Connection names may hold any character; the file name is their hash.
    const QByteArray hash = QCryptographicHash::hash(connection.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QDir(dir).filePath(QStringLiteral("commit-stream/%1.bin").arg(QString::fromLatin1(hash)));
}

} // namespace commitstreamfile

} // namespace kops
