#pragma once

#include "deadletterheaders.h"
#include "kafkaerror.h"

#include <QJsonObject>

namespace kops {

/// True when the bytes are valid UTF-8 (so they can be shown and exported as text).
bool isValidUtf8(const QByteArray &bytes);

/// One record as the JSON object of `kafka-ops dlq browse --json` and of exported JSON Lines:
/// {"topic","partition","offset","timestamp","key"|"keyBase64","value"|"valueBase64",
///  "headers":[{"key","value"|"valueBase64"}],"original":{...}|null,"error":{...}|null,"format"}.
QJsonObject deadLetterToJson(const ConsumedRecord &record, const DeadLetterInfo &info);
/// The same object as one compact JSON line (with '\n') appended to out, written directly:
/// the export path, several times faster than building a QJsonObject per record.
void appendDeadLetterJsonLine(QByteArray &out, const ConsumedRecord &record, const DeadLetterInfo &info);

/// The record an exported line describes, ready to produce to `topic` (partition left
/// to the partitioner, timestamp kept). An error names what is wrong with the line.
Result<OutgoingRecord> outgoingFromJson(const QJsonObject &line, const QString &topic);

} // namespace kops
