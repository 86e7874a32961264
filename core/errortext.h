#pragma once

#include <QString>

namespace kops {

/// A sentence a person understands for a Kafka/librdkafka error name
/// ("GROUP_ID_NOT_FOUND", "_TRANSPORT", ...). Falls back to librdkafka's own text.
QString explainKafkaError(const QString &codeName, const QString &fallback = {});

} // namespace kops
