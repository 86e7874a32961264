#pragma once

#include "fakeclusterapi.h"

#include <QEventLoop>
#include <QString>
#include <QTimer>

namespace kops::test {

/// Whether the GUI thread keeps processing events while the fake holds cluster calls hanging:
/// a 5 ms timer must fire 20 times while at least one call hangs, and no cluster call may
/// have been made on the GUI thread. Gives up after 20 s (then `why` says what was missing).
inline bool eventLoopRunsWhileCallsHang(FakeClusterApi &fake, QString *why)
{
    QEventLoop loop;
    int ticks = 0;
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (fake.blockedCalls() > 0 && ++ticks >= 20)
            loop.quit();
    });
    QTimer giveUp;
    giveUp.setSingleShot(true);
    QObject::connect(&giveUp, &QTimer::timeout, &loop, &QEventLoop::quit);
    tick.start();
    giveUp.start(20000);
    loop.exec();
    if (fake.guiThreadCallsWhileBlocking() > 0) {
        *why = QStringLiteral("%1 cluster call(s) made on the GUI thread").arg(fake.guiThreadCallsWhileBlocking());
        return false;
    }
    if (ticks < 20) {
        *why = fake.blockedCalls() == 0 ? QStringLiteral("no cluster call was hanging")
                                        : QStringLiteral("the timer fired only %1 times while a call hung").arg(ticks);
        return false;
    }
    return fake.blockedCalls() > 0;
}

} // namespace kops::test
