// The keychain wrapper against a real Secret Service: ctest runs this test inside its own
// D-Bus session with an unlocked gnome-keyring (tests/with-secret-service.sh), so the round
// trip is exercised everywhere, CI included. Without a keychain the console asks for the
// password at each connection instead; that path is the GUI's, not this unit's.
#include "passwordstore.h"

#include <QCoreApplication>
#include <QTest>
#include <QUuid>

using namespace kops;

class TestPasswordStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTripThroughTheSecretService()
    {
        const QString name = QStringLiteral("kops-test-") + QUuid::createUuid().toString(QUuid::Id128);
        const auto missing = PasswordStore::read(name);
        QVERIFY2(missing.outcome == PasswordStore::Outcome::NotFound,
                 qPrintable(QStringLiteral("no Secret Service answered (run through ctest, which starts one): ") +
                            missing.error));

        QString error;
        QCOMPARE(PasswordStore::write(name, QStringLiteral("s3cret"), &error), PasswordStore::Outcome::Ok);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto back = PasswordStore::read(name);
        QCOMPARE(back.outcome, PasswordStore::Outcome::Ok);
        QCOMPARE(back.password, QStringLiteral("s3cret"));

        // Saving again replaces the password, never adds a second entry.
        QCOMPARE(PasswordStore::write(name, QStringLiteral("n3w"), &error), PasswordStore::Outcome::Ok);
        QCOMPARE(PasswordStore::read(name).password, QStringLiteral("n3w"));

        QCOMPARE(PasswordStore::remove(name), PasswordStore::Outcome::Ok);
        QCOMPARE(PasswordStore::read(name).outcome, PasswordStore::Outcome::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestPasswordStore)
#include "tst_passwordstore.moc"
