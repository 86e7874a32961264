#pragma once
// Shared by the dead-letter tests: header values as Spring and Connect write numbers (big-endian binary).

#include <QByteArray>
#include <QtEndian>

namespace kops::test {

inline QByteArray be32(qint32 v)
{
    QByteArray b(4, '\0');
    qToBigEndian(v, b.data());
    return b;
}

inline QByteArray be64(qint64 v)
{
    QByteArray b(8, '\0');
    qToBigEndian(v, b.data());
    return b;
}

} // namespace kops::test
