#include "HostileStrings.h"
#include "workspace/WorkspaceRegistry.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;

class TestWorkspaceRegistry : public QObject
{
    Q_OBJECT

private slots:
    void addsFindsAndRemoves()
    {
        QTemporaryDir dir;
        WorkspaceRegistry registry{Profile(dir.path())};
        QVERIFY(registry.workspaces().isEmpty());
        QVERIFY(!registry.resolve(QString()).ok());

        Workspace w{QUuid(), QStringLiteral("Acme"), QUrl(QStringLiteral("https://api.example.com")),
                    QStringLiteral("acme-1")};
        auto added = registry.add(w);
        QVERIFY(added.ok());
        QVERIFY(!added->id.isNull());
        QVERIFY(QFile::exists(registry.profile().workspaceDirectory(added->id)));

        // A fresh registry on the same profile reads the same thing back.
        WorkspaceRegistry again{Profile(dir.path())};
        QCOMPARE(again.workspaces().size(), 1);
        QCOMPARE(again.find(QStringLiteral("acme")).value(), added.value());
        // One workspace is the default without being told.
        QCOMPARE(again.resolve(QString()).value().name, QStringLiteral("Acme"));

        QVERIFY(!registry.add(Workspace{QUuid(), QStringLiteral("ACME"), QUrl(), QString()}).ok());
        auto second = registry.add(Workspace{QUuid(), QStringLiteral("Beta"), QUrl(), QString()});
        QVERIFY(second.ok());
        QVERIFY(!registry.resolve(QString()).ok()); // two and no default
        QVERIFY(registry.setDefault(second->id).ok());
        QCOMPARE(registry.resolve(QString()).value().name, QStringLiteral("Beta"));
        QCOMPARE(registry.resolve(QStringLiteral("Acme")).value().name, QStringLiteral("Acme"));

        QVERIFY(registry.remove(added->id).ok());
        QVERIFY(!registry.remove(added->id).ok());
        QCOMPARE(registry.workspaces().size(), 1);
    }

    void namesAreValidated_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        for (const auto &h : test::hostileStrings()) {
            const bool hasControl = h.text.contains(QLatin1Char('\n')) || h.text.contains(QLatin1Char('\t'));
            QTest::newRow(h.label) << h.text << (!h.text.isEmpty() && !hasControl);
        }
        QTest::newRow("leading space") << QStringLiteral(" Acme") << false;
        QTest::newRow("too long") << QString(101, QLatin1Char('a')) << false;
    }

    void namesAreValidated()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QTemporaryDir dir;
        WorkspaceRegistry registry{Profile(dir.path())};
        auto added = registry.add(Workspace{QUuid(), name, QUrl(), QString()});
        QCOMPARE(added.ok(), valid);
        if (valid)
            QCOMPARE(WorkspaceRegistry{Profile(dir.path())}.find(name).value().name, name);
    }

    void serviceProfileRoundTrips()
    {
        QTemporaryDir dir;
        WorkspaceRegistry registry{Profile(dir.path())};
        Workspace w;
        w.name = QStringLiteral("Hourly");
        w.baseUrl = QUrl(QStringLiteral("https://crm.example.net"));
        w.clientId = QStringLiteral("c-9");
        w.service.signatureHeader = QStringLiteral("X-Acme-Signature");
        w.service.rateLimit = 1000;
        w.service.rateWindowSeconds = 3600;
        w.service.keyPrefix = QStringLiteral("lp_");
        w.service.caFile = dir.filePath(QStringLiteral("ca.pem"));
        w.plan = QStringLiteral("basic");
        w.webhookSecretIds = {QStringLiteral("12"), QStringLiteral("wh_a b")};
        auto added = registry.add(w);
        QVERIFY(added.ok());
        const Workspace back = WorkspaceRegistry{Profile(dir.path())}.find(added->id).value();
        QCOMPARE(back, added.value());
        QCOMPARE(back.service.signatureHeader, QStringLiteral("X-Acme-Signature"));
        QCOMPARE(back.service.rateWindowSeconds, 3600);

        // A workspace written before the service profile existed reads as the contract's defaults.
        auto plain = registry.add(Workspace{QUuid(), QStringLiteral("Plain"), QUrl(), QString()});
        QVERIFY(plain.ok());
        const Workspace defaults = WorkspaceRegistry{Profile(dir.path())}.find(plain->id).value();
        QCOMPARE(defaults.service, ServiceProfile{});
        QCOMPARE(defaults.service.rateLimit, 100);
        QCOMPARE(defaults.service.rateWindowSeconds, 60);
    }

    void profileDirectoryIsPrivate()
    {
        QTemporaryDir dir;
        Profile profile(dir.filePath(QStringLiteral("nested/profile")));
        QVERIFY(profile.ensureExists().ok());
        const auto perms = QFile::permissions(profile.directory());
        QVERIFY(perms & QFile::ReadOwner);
        QVERIFY(!(perms & QFile::ReadOther));
        QVERIFY(!(perms & QFile::ReadGroup));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceRegistry)
#include "tst_workspaceregistry.moc"
