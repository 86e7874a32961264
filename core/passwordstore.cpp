#include "passwordstore.h"

#include <QCoreApplication>

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

#include <spdlog/spdlog.h>

namespace kops {

namespace {

const QString kService = QStringLiteral("kafka-ops-console");

// Keychain jobs are asynchronous; run one to completion with a bounded wait so a
// hung secret service cannot freeze the caller.
bool runJob(QKeychain::Job *job)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    job->setAutoDelete(false);
    timer.start(5000);
    job->start();
    loop.exec();
    return timer.isActive();
}

} // namespace

PasswordStore::Lookup PasswordStore::read(const QString &connectionName)
{
    Lookup result;
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(connectionName);
    if (!runJob(&job)) {
        result.error = QCoreApplication::translate("kops::Cluster", "The system keychain did not answer.");
        return result;
    }
    if (job.error() == QKeychain::NoError) {
        result.outcome = Outcome::Ok;
        result.password = job.textData();
    } else if (job.error() == QKeychain::EntryNotFound) {
        result.outcome = Outcome::NotFound;
    } else {
        result.error = job.errorString();
        spdlog::info("keychain unavailable: {}", job.errorString().toStdString());
    }
    return result;
}

PasswordStore::Outcome PasswordStore::write(const QString &connectionName, const QString &password, QString *error)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(connectionName);
    job.setTextData(password);
    if (!runJob(&job)) {
        if (error)
            *error = QCoreApplication::translate("kops::Cluster", "The system keychain did not answer.");
        return Outcome::Unavailable;
    }
    if (job.error() != QKeychain::NoError) {
        if (error)
            *error = job.errorString();
        return Outcome::Unavailable;
    }
    return Outcome::Ok;
}

PasswordStore::Outcome PasswordStore::remove(const QString &connectionName, QString *error)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(connectionName);
    if (!runJob(&job)) {
        if (error)
            *error = QCoreApplication::translate("kops::Cluster", "The system keychain did not answer.");
        return Outcome::Unavailable;
    }
    if (job.error() == QKeychain::EntryNotFound)
        return Outcome::NotFound;
    if (job.error() != QKeychain::NoError) {
        if (error)
            *error = job.errorString();
        return Outcome::Unavailable;
    }
    return Outcome::Ok;
}

} // namespace kops
