// The keychain wrapper answers within its bound whether or not a secret service runs
// (CI has none: then passwords are asked for each time, never written to a file).
#include "passwordstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>
#include <QUuid>

using namespace kops;

class TestPasswordStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTripOrCleanlyUnavailable()
    {
        const QString name = QStringLiteral("kops-test-") + QUuid::createUuid().toString(QUuid::Id128);
        QElapsedTimer timer;
        timer.start();
        const auto missing = PasswordStore::read(name);
        QVERIFY(timer.elapsed() < 6000);
        QVERIFY(missing.outcome != PasswordStore::Outcome::Ok);
        if (missing.outcome == PasswordStore::Outcome::Unavailable)
            QVERIFY(!missing.error.isEmpty());

        QString error;
        const auto written = PasswordStore::write(name, QStringLiteral("s3cret"), &error);
        if (written != PasswordStore::Outcome::Ok) {
            QVERIFY(!error.isEmpty());
            QCOMPARE(PasswordStore::read(name).outcome, PasswordStore::Outcome::Unavailable);
            return; // no keychain here: the console asks for the password instead
        }
        const auto back = PasswordStore::read(name);
        QCOMPARE(back.outcome, PasswordStore::Outcome::Ok);
        QCOMPARE(back.password, QStringLiteral("s3cret"));
        QCOMPARE(PasswordStore::remove(name), PasswordStore::Outcome::Ok);
        QCOMPARE(PasswordStore::read(name).outcome, PasswordStore::Outcome::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestPasswordStore)
#include "tst_passwordstore.moc"
