#include "OutpostCtl.h"
#include "SimFixture.h"
#include "admin/AdminError.h"
#include "secrets/SecretStore.h"
#include "workspace/WorkspaceRegistry.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace outpost;
using outpost::sim::SimOptions;
using outpost::test::OutpostCtl;
using outpost::test::SimFixture;

// outpostctl keys and webhooks as a person runs them: the real binary, a
// private profile, keys and webhook secrets in the real keychain, outpost-sim
// on loopback. Ends with the secrets-never-on-disk check over a whole session.
class TestAdminCtl : public QObject
{
    Q_OBJECT

private:
    using Run = outpost::test::CtlResult;

    QTemporaryDir m_dir;
    int m_profiles = 0;
    SimFixture m_sim;

    QString newProfile() { return m_dir.filePath(QStringLiteral("profile-%1").arg(++m_profiles)); }

    static Run ctl(const QString &profile, const QStringList &args, const QByteArray &input = {})
    {
        return OutpostCtl(profile).run(args, input);
    }

    // A workspace on the sim with a key of its own (made through the sim's admin door).
    QString addWorkspace(const QString &profile)
    {
        const QString key = m_sim
                                .admin("POST", QStringLiteral("/__sim/keys"),
                                       {{QStringLiteral("name"), QStringLiteral("workspace %1").arg(m_profiles)}})
                                .toObject()
                                .value(QStringLiteral("key"))
                                .toObject()
                                .value(QStringLiteral("secret"))
                                .toString();
        const Run run =
            OutpostCtl(profile).addWorkspace(QStringLiteral("demo"), m_sim.baseUrl(), m_sim.clientId(), key,
                                             {QStringLiteral("--rate-per-minute"), QStringLiteral("100000")});
        if (run.code != 0)
            qFatal("workspace add failed: %s", qPrintable(run.err));
        return key;
    }

    static Workspace workspaceOf(const QString &profile)
    {
        return WorkspaceRegistry(Profile(profile)).workspaces().first();
    }

    static std::optional<QString> keychainEntry(const QString &entry)
    {
        QProcess p;
        p.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                                SecretStore::serviceName(), QStringLiteral("user"), entry});
        if (!p.waitForFinished(30000) || p.exitCode() != 0)
            return std::nullopt;
        return QString::fromUtf8(QByteArray::fromBase64(p.readAllStandardOutput().trimmed()));
    }

    static QString storedKey(const QString &profile)
    {
        return keychainEntry(SecretStore::apiKeyName(workspaceOf(profile).id)).value_or(QString());
    }

    int statusWith(const QString &key) { return m_sim.api("GET", QStringLiteral("/overview"), {}, {}, key).status; }

    static QString secretAfter(const QString &out, const QString &marker)
    {
        const QRegularExpression re(QRegularExpression::escape(marker) + QStringLiteral(".*: (\\S+)$"),
                                    QRegularExpression::MultilineOption);
        return re.match(out).captured(1);
    }

    static QJsonObject json(const Run &run) { return QJsonDocument::fromJson(run.out.toUtf8()).object(); }

    static QString currentKeyId(const QJsonObject &listed)
    {
        for (const QJsonValue &v : listed.value(QStringLiteral("keys")).toArray()) {
            if (v.toObject().value(QStringLiteral("current")).toBool())
                return v.toObject().value(QStringLiteral("id")).toString();
        }
        return {};
    }

    static QList<QByteArray> footprints(const QString &secret)
    {
        const QByteArray utf8 = secret.toUtf8();
        const QByteArray utf16le(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
        QByteArray utf16be;
        for (QChar c : secret)
            utf16be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
        return {utf8, utf16le, utf16be, utf8.toBase64(), utf8.toBase64(QByteArray::Base64UrlEncoding),
                // The middle of the secret, in case a prefix or an encoding boundary hides the whole.
                secret.mid(4, 16).toUtf8()};
    }

    static void verifyNotPrinted(const Run &run, const QString &secret)
    {
        QVERIFY2(!run.out.contains(secret.mid(4, 16)) && !run.err.contains(secret.mid(4, 16)),
                 "outpostctl printed a secret");
    }

private slots:
    void initTestCase()
    {
        SimOptions options = SimFixture::defaultOptions(50);
        options.rateLimit = 0;
        QVERIFY2(m_sim.start(options), qPrintable(m_sim.errorString()));
    }

    void keysListsWithoutSecretsAndMarksTheCurrentKey()
    {
        const QString profile = newProfile();
        const QString key = addWorkspace(profile);
        Run run = ctl(profile, {QStringLiteral("keys"), QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(!run.out.contains(QStringLiteral("secret")));
        verifyNotPrinted(run, key);
        const QJsonArray keys = json(run).value(QStringLiteral("keys")).toArray();
        QVERIFY(keys.size() >= 2);
        const QString current = currentKeyId(json(run));
        QVERIFY(!current.isEmpty());
        run = ctl(profile, {QStringLiteral("keys")});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(QStringLiteral("* ") + current));
        verifyNotPrinted(run, key);
        QCOMPARE(ctl(profile, {QStringLiteral("keys"), QStringLiteral("frobnicate")}).code, 2);
    }

    void createWithUseSwitchesTheWorkspaceKey()
    {
        const QString profile = newProfile();
        const QString old = addWorkspace(profile);
        Run run = ctl(profile, {QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("CI 🔑"),
                                QStringLiteral("--expires"), QStringLiteral("2099-01-31"), QStringLiteral("--use")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QString secret = secretAfter(run.out, QStringLiteral("shown once"));
        QVERIFY2(secret.startsWith(QStringLiteral("lp_")), qPrintable(run.out));
        QCOMPARE(storedKey(profile), secret);
        QCOMPARE(statusWith(secret), 200);
        QCOMPARE(statusWith(old), 200);
        run = ctl(profile, {QStringLiteral("keys"), QStringLiteral("--json")});
        for (const QJsonValue &v : json(run).value(QStringLiteral("keys")).toArray()) {
            if (v.toObject().value(QStringLiteral("current")).toBool())
                QVERIFY(v.toObject().value(QStringLiteral("expires_at")).toString().startsWith(QStringLiteral("2099")));
        }
        QCOMPARE(ctl(profile, {QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("x"),
                               QStringLiteral("--expires"), QStringLiteral("2001-01-01")})
                     .code,
                 2);
        QCOMPARE(ctl(profile, {QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("bad\nname")}).code, 2);
    }

    void revokingTheOwnKeyNeedsForce()
    {
        const QString profile = newProfile();
        const QString key = addWorkspace(profile);
        const QString current = currentKeyId(json(ctl(profile, {QStringLiteral("keys"), QStringLiteral("--json")})));
        QVERIFY(!current.isEmpty());
        // Not a terminal: no confirmation possible without --yes.
        QCOMPARE(ctl(profile, {QStringLiteral("keys"), QStringLiteral("revoke"), current}).code, 2);
        Run run = ctl(profile, {QStringLiteral("keys"), QStringLiteral("revoke"), current, QStringLiteral("--yes")});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(QStringLiteral("--force")));
        QCOMPARE(statusWith(key), 200);
        QCOMPARE(ctl(profile, {QStringLiteral("keys"), QStringLiteral("revoke"), QStringLiteral("../1"),
                               QStringLiteral("--yes")})
                     .code,
                 2);
        QCOMPARE(ctl(profile, {QStringLiteral("keys"), QStringLiteral("revoke"), QStringLiteral("999999"),
                               QStringLiteral("--yes")})
                     .code,
                 1);

        run = ctl(profile, {QStringLiteral("keys"), QStringLiteral("revoke"), current, QStringLiteral("--yes"),
                            QStringLiteral("--force")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(statusWith(key), 401);
        // Authentication needed from now on.
        run = ctl(profile, {QStringLiteral("keys")});
        QCOMPARE(run.code, 3);
        verifyNotPrinted(run, key);
        QCOMPARE(ctl(profile, {QStringLiteral("webhooks")}).code, 3);
    }

    void rotatePrintsEachStepAndSwitchesKeys()
    {
        const QString profile = newProfile();
        const QString old = addWorkspace(profile);
        const Run run = ctl(profile, {QStringLiteral("keys"), QStringLiteral("rotate")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        for (const char *step : {"Create the new key", "Store the new key", "Verify a call", "Revoke the old key"})
            QVERIFY2(run.out.contains(QLatin1StringView(step)), qPrintable(run.out));
        QCOMPARE(run.out.count(QStringLiteral("ok\n")), 6);
        const QString now = storedKey(profile);
        QVERIFY(now != old && !now.isEmpty());
        QCOMPARE(statusWith(old), 401);
        QCOMPARE(statusWith(now), 200);
        verifyNotPrinted(run, old);
        verifyNotPrinted(run, now);
    }

    // Failures at each later step are injected in tst_keyrotation; here the
    // command's exit code and report when the service is down.
    void rotateWithTheServiceDownChangesNothing()
    {
        const QString profile = newProfile();
        const QString old = addWorkspace(profile);
        QProcess rotate;
        rotate.setProgram(qEnvironmentVariable("OUTPOSTCTL"));
        rotate.setArguments({QStringLiteral("--profile"), profile, QStringLiteral("keys"), QStringLiteral("rotate")});
        m_sim.admin("POST", QStringLiteral("/__sim/down"), {{QStringLiteral("mode"), QStringLiteral("503")}});
        rotate.start();
        QVERIFY(rotate.waitForFinished(120000));
        m_sim.admin("POST", QStringLiteral("/__sim/up"));
        QCOMPARE(rotate.exitCode(), 1);
        QVERIFY(QString::fromUtf8(rotate.readAllStandardOutput()).contains(QStringLiteral("failed")));
        QCOMPARE(storedKey(profile), old);
        QCOMPARE(statusWith(old), 200);
    }

    void webhooksCreateListTestDeliveriesDelete()
    {
        const QString profile = newProfile();
        const QString key = addWorkspace(profile);
        const qint64 head = m_sim.ledgerHead();
        for (const QString &url : {QStringLiteral("http://hooks.example.com/"), QStringLiteral("javascript:alert(1)"),
                                   QString(QStringLiteral("https://example.com/") + QString(3000, u'x'))}) {
            const Run refused = ctl(profile, {QStringLiteral("webhooks"), QStringLiteral("create"), QStringLiteral("n"),
                                              url, QStringLiteral("--event"), QStringLiteral("test")});
            QCOMPARE(refused.code, 2);
            QVERIFY(refused.err.size() < 1000);
        }
        QCOMPARE(ctl(profile,
                     {QStringLiteral("webhooks"), QStringLiteral("create"), QStringLiteral("n"),
                      QStringLiteral("https://hooks.example.com/"), QStringLiteral("--event"), QStringLiteral("nope")})
                     .code,
                 2);
        QCOMPARE(m_sim.ledgerHead(), head);

        Run run =
            ctl(profile, {QStringLiteral("webhooks"), QStringLiteral("create"), QStringLiteral("CRM «sync»"),
                          QStringLiteral("https://hooks.example.com/outpost"), QStringLiteral("--event"),
                          QStringLiteral("test,new_lead"), QStringLiteral("--event"), QStringLiteral("note_added")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QString secret = secretAfter(run.out, QStringLiteral("shown once"));
        QVERIFY2(secret.startsWith(QStringLiteral("whsec_")), qPrintable(run.out));
        const QString id = workspaceOf(profile).webhookSecretIds.value(0);
        QVERIFY(!id.isEmpty());
        QCOMPARE(keychainEntry(SecretStore::webhookSecretName(workspaceOf(profile).id, id)), secret);

        run = ctl(profile, {QStringLiteral("webhooks"), QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        verifyNotPrinted(run, secret);
        verifyNotPrinted(run, key);
        bool found = false;
        for (const QJsonValue &v : json(run).value(QStringLiteral("webhooks")).toArray()) {
            if (v.toObject().value(QStringLiteral("id")).toString() == id) {
                found = true;
                QCOMPARE(v.toObject().value(QStringLiteral("events")).toArray().size(), 3);
                QVERIFY(v.toObject().value(QStringLiteral("secret_stored")).toBool());
            }
        }
        QVERIFY(found);

        QCOMPARE(ctl(profile, {QStringLiteral("webhooks"), QStringLiteral("test"), id}).code, 0);
        // The delivery to an unreachable host fails; the log says so.
        QTRY_VERIFY_WITH_TIMEOUT(!json(ctl(profile, {QStringLiteral("webhooks"), QStringLiteral("deliveries"), id,
                                                     QStringLiteral("--json")}))
                                      .value(QStringLiteral("deliveries"))
                                      .toArray()
                                      .isEmpty(),
                                 30000);
        run = ctl(profile, {QStringLiteral("webhooks"), QStringLiteral("deliveries"), id});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(QStringLiteral("test")));

        run = ctl(profile, {QStringLiteral("webhooks"), QStringLiteral("delete"), id});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(!keychainEntry(SecretStore::webhookSecretName(workspaceOf(profile).id, id)).has_value());
        QVERIFY(workspaceOf(profile).webhookSecretIds.isEmpty());
        QCOMPARE(ctl(profile, {QStringLiteral("webhooks"), QStringLiteral("test"), id}).code, 1);
    }

    void forbiddenSaysNotInThisPlan()
    {
        const AdminError error =
            AdminError::fromApi(ApiError::fromHttp(403, R"({"ok":false,"error":"needs the Premium plan"})"));
        QVERIFY(error.forbidden());
        QVERIFY(error.message.contains(QStringLiteral("not in this plan")));
    }

    // The proof of the issue: a whole session with recognisable secrets, then
    // no byte sequence of any of them in any file of the profile.
    void secretsNeverOnDisk()
    {
        const QString profile = newProfile();
        const QString first = addWorkspace(profile);
        QList<QString> secrets{first};
        QList<Run> runs;

        runs << ctl(profile, {QStringLiteral("sync"), QStringLiteral("--details"), QStringLiteral("all")});
        QVERIFY2(runs.last().code == 0, qPrintable(runs.last().err));
        // Edits queued and sent with the first key...
        runs << ctl(profile, {QStringLiteral("set-status"), QStringLiteral("3"), QStringLiteral("booked"),
                              QStringLiteral("--wait")});
        QVERIFY2(runs.last().code == 0, qPrintable(runs.last().err));
        runs << ctl(profile, {QStringLiteral("note"), QStringLiteral("3"), QStringLiteral("called back"),
                              QStringLiteral("--wait")});
        QVERIFY2(runs.last().code == 0, qPrintable(runs.last().err));
        runs << ctl(profile, {QStringLiteral("keys"), QStringLiteral("rotate")});
        QVERIFY2(runs.last().code == 0, qPrintable(runs.last().err));
        secrets << storedKey(profile);
        runs << ctl(profile, {QStringLiteral("sync")});
        QCOMPARE(runs.last().code, 0);
        // ...and with the rotated one, the outbox's rows and their payloads on disk too.
        runs << ctl(profile, {QStringLiteral("reply"), QStringLiteral("4"), QStringLiteral("See you Monday"),
                              QStringLiteral("--wait")});
        QVERIFY2(runs.last().code == 0, qPrintable(runs.last().err));
        runs << ctl(profile, {QStringLiteral("tag"), QStringLiteral("4"), QStringLiteral("add"),
                              QStringLiteral("callback"), QStringLiteral("--wait")});
        QVERIFY2(runs.last().code == 0, qPrintable(runs.last().err));
        runs << ctl(profile, {QStringLiteral("outbox"), QStringLiteral("--json"), QStringLiteral("--all")});
        QCOMPARE(runs.last().code, 0);
        QVERIFY2(runs.last().out.contains(QStringLiteral("called back")), qPrintable(runs.last().out));

        const Run hook = ctl(profile, {QStringLiteral("webhooks"), QStringLiteral("create"), QStringLiteral("w"),
                                       QStringLiteral("https://hooks.example.com/"), QStringLiteral("--event"),
                                       QStringLiteral("new_lead")});
        QCOMPARE(hook.code, 0);
        secrets << secretAfter(hook.out, QStringLiteral("shown once"));
        const Run created = ctl(profile, {QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("spare")});
        QCOMPARE(created.code, 0);
        secrets << secretAfter(created.out, QStringLiteral("shown once"));

        // A forced error or two.
        runs << ctl(profile, {QStringLiteral("keys"), QStringLiteral("revoke"), QStringLiteral("999999"),
                              QStringLiteral("--yes")});
        QCOMPARE(runs.last().code, 1);
        m_sim.admin("POST", QStringLiteral("/__sim/keys/revoke"), {{QStringLiteral("secret"), secrets.at(1)}});
        runs << ctl(profile, {QStringLiteral("sync")});
        QCOMPARE(runs.last().code, 3);
        runs << ctl(profile, {QStringLiteral("keys"), QStringLiteral("rotate")});
        QCOMPARE(runs.last().code, 3);
        runs << ctl(profile, {QStringLiteral("webhooks"), QStringLiteral("--json")});
        runs << ctl(profile, {QStringLiteral("status"), QStringLiteral("--json")});

        for (const QString &secret : std::as_const(secrets))
            QVERIFY2(secret.size() >= 20, qPrintable(secret));
        for (const Run &run : std::as_const(runs)) {
            for (const QString &secret : std::as_const(secrets))
                verifyNotPrinted(run, secret);
        }

        int files = 0;
        QDirIterator it(profile, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray bytes = file.readAll();
            ++files;
            for (const QString &secret : std::as_const(secrets)) {
                for (const QByteArray &footprint : footprints(secret))
                    QVERIFY2(!bytes.contains(footprint), qPrintable(QStringLiteral("a secret is in %1").arg(path)));
            }
        }
        // Settings and the cache at least: something was checked.
        QVERIFY2(files >= 2, qPrintable(QString::number(files)));
    }
};

QTEST_GUILESS_MAIN(TestAdminCtl)
#include "tst_adminctl.moc"
