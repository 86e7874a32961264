#include "kafkaerror.h"

namespace kops {

QString KafkaError::toString() const
{
    QString line = message;
    if (!code.isEmpty())
        line += QStringLiteral(" (%1)").arg(code);
    return line;
}

} // namespace kops
