#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <type_traits>

namespace kops {

/// Runs `work` on `pool` (never the GUI thread) and hands its result to `done` on the GUI
/// thread, as long as `owner` lives. Results cross threads as shared immutable values.
template<typename Work, typename Done>
void runToolJob(QObject *owner, QThreadPool *pool, Work work, Done done)
{
    using T = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<std::shared_ptr<const T>>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, done] {
        watcher->deleteLater();
        done(*watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(pool, [work] { return std::shared_ptr<const T>(std::make_shared<const T>(work())); }));
}

} // namespace kops
