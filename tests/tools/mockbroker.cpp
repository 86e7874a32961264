// Runs librdkafka's embedded mock cluster as a stand-alone process for manual checks of
// the real binaries (kafka-ops, kafka-ops-console) on loopback: prints the bootstrap
// address, creates a few topics with records, and exits after the given seconds.
// Usage: kops_mockbroker [seconds] [brokers]
#include "mockcluster.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>
#include <cstdlib>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 60;
    const int brokers = argc > 2 ? std::atoi(argv[2]) : 3;
    kops::test::MockCluster mock(brokers);
    mock.createTopic(QStringLiteral("orders"), 6, std::min(3, brokers));
    mock.createTopic(QStringLiteral("orders.dlq"), 2, 1);
    mock.createTopic(QStringLiteral("payments"), 3, std::min(2, brokers));
    for (int p = 0; p < 6; ++p)
        mock.produce(QStringLiteral("orders"), p, 50 + 10 * p);
    mock.produce(QStringLiteral("orders.dlq"), 0, 7);
    mock.commit(QStringLiteral("billing"), QStringLiteral("orders"), 0, 20);
    std::printf("%s\n", qPrintable(mock.bootstrapServers()));
    std::fflush(stdout);
    QThread::sleep(seconds);
    return 0;
}
