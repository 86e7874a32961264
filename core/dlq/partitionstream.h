#pragma once

#include "clusterapi.h"

#include <QByteArrayView>

#include <functional>
#include <memory>

namespace kops {

/// An offset range [from, end) of one partition to stream.
struct StreamRange
{
    int partition = -1;
    qint64 from = 0;
    qint64 end = 0;
};

/// A record where it lies: in librdkafka's fetch buffers, or in a ConsumedRecord. Nothing is
/// copied until toRecord(); a view is valid only during the visit that passed it.
class RecordView final
{
public:
    /// A view of a record already in memory (the fallback streams, tests).
    static RecordView of(const ConsumedRecord &record);
    /// A view of a librdkafka message (rd_kafka_message_t); the message outlives the view. With
    /// owner (the caller's rdk::MessagePtr holding it), retain() can take the message over.
    static RecordView ofMessage(const void *rdkafkaMessage, void *owner = nullptr);

    int partition = -1;
    qint64 offset = -1;
    qint64 timestampMs = -1;
    int timestampType = 0;

    bool hasKey() const { return m_keyData != nullptr; }
    bool hasValue() const { return m_valueData != nullptr; }
    QByteArrayView key() const { return {m_keyData, m_keySize}; }
    QByteArrayView value() const { return {m_valueData, m_valueSize}; }
    /// Calls fn(name, value, isNull) for each header in order; fn returns false to stop.
    void forEachHeader(const std::function<bool(QByteArrayView, QByteArrayView, bool)> &fn) const;
    /// The headers as owned values (for the dead-letter decoder).
    QList<RecordHeader> headers() const;
    /// An owned copy of the whole record.
    ConsumedRecord toRecord(const QString &topic) const;
    /// Takes over the librdkafka message this view shows, to forward it without copying (see
    /// OutgoingRecord::forwarded); null for views of owned records, or when already taken. Every
    /// retained message must be released before its stream is destroyed.
    std::shared_ptr<const rd_kafka_message_s> retain() const;
    /// The header name as a QString, shared between records (a small per-thread cache).
    static const QString &headerName(QByteArrayView name);

private:
    const char *m_keyData = nullptr;
    qsizetype m_keySize = 0;
    const char *m_valueData = nullptr;
    qsizetype m_valueSize = 0;
    const void *m_message = nullptr;          ///< rd_kafka_message_t, or
    void *m_owner = nullptr;                  ///< the stream's owning pointer to it (retain())
    const ConsumedRecord *m_record = nullptr; ///< an owned record
};

/// Reads offset ranges of several partitions of one topic forwards, all partitions at once.
/// Records come in arrival order (interleaved across partitions, in order within one).
class PartitionStream
{
public:
    using Visitor = std::function<void(const RecordView &)>;
    virtual ~PartitionStream() = default;
    /// Shows up to maxRecords records to visit() where they lie, without copying them; returns
    /// how many were shown (0 before the end: nothing arrived within timeoutMs).
    virtual Result<int> visit(int maxRecords, int timeoutMs, const Visitor &visitor) = 0;
    /// Up to maxRecords records as owned copies; may be empty before the end.
    Result<QList<ConsumedRecord>> next(int maxRecords, int timeoutMs);
    virtual bool atEnd() const = 0;
    const QString &topic() const { return m_topic; }

    /// Over librdkafka (one consumer handle, every range assigned at once) when api is an
    /// RdKafkaClusterApi, else over ClusterApi::read() a partition at a time (fakes).
    static std::unique_ptr<PartitionStream> open(ClusterApi &api, const QString &topic, const QList<StreamRange> &ranges);

protected:
    explicit PartitionStream(QString topic) : m_topic(std::move(topic)) {}

private:
    QString m_topic;
};

} // namespace kops
