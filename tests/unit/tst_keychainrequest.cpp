#include "secrets/KeychainRequest.h"

#include <qt6keychain/keychain.h>

#include <QTest>

using namespace outpost;

Q_DECLARE_METATYPE(SecretError::Kind)

// How QtKeychain's answers become error kinds: only "no such entry" may ever
// lead to asking a person for a key again; everything else is waited for or
// explained.
class TestKeychainRequest : public QObject
{
    Q_OBJECT

private slots:
    void classification_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<SecretError::Kind>("kind");
        QTest::addColumn<bool>("retry");
        QTest::newRow("entry not found") << int(QKeychain::EntryNotFound) << SecretError::Kind::NotFound << false;
        QTest::newRow("locked") << int(QKeychain::AccessDenied) << SecretError::Kind::Locked << true;
        QTest::newRow("refused by the person")
            << int(QKeychain::AccessDeniedByUser) << SecretError::Kind::Locked << false;
        QTest::newRow("no backend") << int(QKeychain::NoBackendAvailable) << SecretError::Kind::Unavailable << true;
        QTest::newRow("d-bus failure") << int(QKeychain::OtherError) << SecretError::Kind::Unavailable << true;
        QTest::newRow("could not delete") << int(QKeychain::CouldNotDeleteEntry) << SecretError::Kind::Other << false;
        QTest::newRow("not implemented") << int(QKeychain::NotImplemented) << SecretError::Kind::Other << false;
    }

    void classification()
    {
        QFETCH(int, error);
        QFETCH(SecretError::Kind, kind);
        QFETCH(bool, retry);
        bool retrying = !retry;
        const SecretError classified =
            KeychainRequest::classify(error, QStringLiteral("detail-text"), KeychainRequest::Action::Read, &retrying);
        QCOMPARE(classified.kind, kind);
        QCOMPARE(retrying, retry);
        QVERIFY(!classified.message.isEmpty());
        if (kind != SecretError::Kind::NotFound)
            QVERIFY2(classified.message.contains(QStringLiteral("detail-text")), qPrintable(classified.message));
    }

    void unavailableSaysHowToFixItAndThatNothingWasStored()
    {
        bool retry = false;
        const SecretError write = KeychainRequest::classify(int(QKeychain::OtherError), QStringLiteral("no bus"),
                                                            KeychainRequest::Action::Write, &retry);
        QVERIFY(write.message.contains(QStringLiteral("No keychain is reachable")));
        QVERIFY(write.message.contains(QStringLiteral("Nothing was stored")));
        QVERIFY(write.message.contains(QStringLiteral("To fix it")));
        const SecretError read = KeychainRequest::classify(int(QKeychain::OtherError), QStringLiteral("no bus"),
                                                           KeychainRequest::Action::Read, &retry);
        QVERIFY(!read.message.contains(QStringLiteral("Nothing was stored")));
    }
};

QTEST_GUILESS_MAIN(TestKeychainRequest)
#include "tst_keychainrequest.moc"
