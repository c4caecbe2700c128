// Webhook events from outpost-sim applied to a real cache file: what the
// service reports reaches the cached leads, their details and an open model;
// forged, stale, replayed (also after a restart of the receiver), oversized
// and malformed deliveries are refused, counted, and change nothing.
#include "LeadTableModel.h"
#include "SimFixture.h"
#include "WorkspaceCache.h"
#include "api/ApiClient.h"
#include "domain/LeadCodec.h"
#include "storage/Database.h"
#include "storage/LeadStore.h"
#include "storage/WebhookEventLog.h"
#include "webhooks/WebhookEventApplier.h"
#include "webhooks/WebhookReceiver.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace outpost;
using outpost::test::SimFixture;
using webhook::Outcome;

class TestWebhookEvents : public QObject
{
    Q_OBJECT

private:
    SimFixture m_sim;
    QTemporaryDir m_dir;
    QString m_path;
    std::optional<Database> m_db;
    std::unique_ptr<WebhookEventLog> m_log;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<WebhookEventApplier> m_applier;
    std::unique_ptr<WebhookReceiver> m_receiver;
    WorkspaceCache m_cache;
    qint64 m_hookId = 0;
    QByteArray m_secret;

    // A receiver on the cache, as `outpostctl listen` and the app build it.
    void startReceiver(quint16 port = 0)
    {
        m_receiver = std::make_unique<WebhookReceiver>(
            WebhookSignature({m_secret.isEmpty() ? QByteArrayLiteral("placeholder") : m_secret}));
        m_receiver->setEventLog(m_log.get());
        connect(m_receiver.get(), &WebhookReceiver::eventReceived, m_applier.get(), &WebhookEventApplier::apply);
        QVERIFY(m_receiver->listen(QHostAddress::LocalHost, port).ok());
    }

    QUrl receiverUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/hooks").arg(m_receiver->port())); }

    std::optional<Lead> cached(qint64 id)
    {
        auto lead = LeadStore(*m_db).lead(id);
        return lead ? *lead : std::nullopt;
    }

    std::optional<LeadDetail> cachedDetail(qint64 id)
    {
        auto detail = LeadStore(*m_db).detail(id);
        return detail ? *detail : std::nullopt;
    }

    QString simStatus(qint64 id)
    {
        return m_sim.get(QStringLiteral("/lead/%1").arg(id))
            .json.value(QStringLiteral("lead"))
            .toObject()
            .value(QStringLiteral("status"))
            .toString();
    }

    QByteArray eventBody(const QString &id, const QDateTime &when, const QJsonObject &data,
                         const QString &name = QStringLiteral("lead_escalated"))
    {
        return QJsonDocument(QJsonObject{{QStringLiteral("id"), id},
                                         {QStringLiteral("event"), name},
                                         {QStringLiteral("timestamp"), when.toString(Qt::ISODate)},
                                         {QStringLiteral("data"), data}})
            .toJson(QJsonDocument::Compact);
    }

    SimFixture::Reply post(const QByteArray &body, const QByteArray &signature)
    {
        SimFixture::Headers headers;
        if (!signature.isEmpty())
            headers.append({QByteArrayLiteral("X-Signature"), signature});
        return m_sim.request("POST", receiverUrl(), body, headers, 15000);
    }

    SimFixture::Reply postSigned(const QByteArray &body) { return post(body, WebhookSignature::sign(m_secret, body)); }

private slots:
    void initTestCase()
    {
        sim::SimOptions options = SimFixture::defaultOptions(30);
        options.rateLimit = 0;
        QVERIFY2(m_sim.start(options), qPrintable(m_sim.errorString()));
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("cache.sqlite"));
        auto db = Database::open(m_path);
        QVERIFY(db);
        m_db.emplace(std::move(db).value());
        // The cache holds what a sync brought: the first page of leads.
        auto page =
            LeadCodec::pageFromJson(m_sim.get(QStringLiteral("/leads"), QUrlQuery(QStringLiteral("limit=200"))).json);
        QVERIFY(page);
        QVERIFY(LeadStore(*m_db).upsert(page->leads));
        QVERIFY(m_cache.open(m_path));

        ApiConfig config;
        config.baseUrl = m_sim.baseUrl();
        config.clientId = m_sim.clientId();
        config.apiKey = m_sim.apiKey();
        m_api = std::make_unique<ApiClient>(
            config, RateBudget::forWorkspace(QStringLiteral("webhook-events"), {100000, 60000}));
        m_log = std::make_unique<WebhookEventLog>(*m_db);
        m_applier = std::make_unique<WebhookEventApplier>(*m_db, m_api.get());
        connect(m_applier.get(), &WebhookEventApplier::leadsChanged, &m_cache, &WorkspaceCache::notifyLeadsChanged);
        startReceiver();

        const QJsonObject hook =
            m_sim
                .api("POST", QStringLiteral("/webhooks"),
                     {{QStringLiteral("name"), QStringLiteral("cache")},
                      {QStringLiteral("url"), receiverUrl().toString()},
                      {QStringLiteral("events"),
                       QJsonArray{QStringLiteral("new_lead"), QStringLiteral("lead_status_changed"),
                                  QStringLiteral("message_received"), QStringLiteral("appointment_booked"),
                                  QStringLiteral("lead_escalated"), QStringLiteral("note_added"),
                                  QStringLiteral("test")}}})
                .json.value(QStringLiteral("webhook"))
                .toObject();
        m_hookId = hook.value(QStringLiteral("id")).toInteger();
        m_secret = hook.value(QStringLiteral("secret")).toString().toUtf8();
        QVERIFY(!m_secret.isEmpty());
        m_receiver->setSignature(WebhookSignature({m_secret}));
    }

    void cleanupTestCase()
    {
        m_receiver.reset();
        m_applier.reset();
        m_log.reset();
        m_cache.close();
        m_db.reset();
    }

    void statusChangeReachesTheCacheAndAnOpenModel()
    {
        LeadTableModel model(&m_cache);
        QTRY_VERIFY(model.rowCount() > 0);
        const QString next = simStatus(7) == QLatin1StringView("lost") ? QStringLiteral("new") : QStringLiteral("lost");
        QSignalSpy notices(m_applier.get(), &WebhookEventApplier::notice);
        QSignalSpy applied(m_applier.get(), &WebhookEventApplier::eventApplied);
        QCOMPARE(m_sim.api("POST", QStringLiteral("/lead/7/status"), {{QStringLiteral("status"), next}}).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 20000);
        QCOMPARE(applied.first().at(1).toLongLong(), 7);
        QVERIFY(applied.first().at(2).toBool());
        QCOMPARE(cached(7)->status.toString(), next);
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices.first().at(0).toString(), QStringLiteral("Status changed"));
        QVERIFY(notices.first().at(1).toString().endsWith(next));
        // The model over the GUI's own connection shows it without a reload by hand.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = 0; row < model.rowCount(); ++row) {
                    if (model.idAt(row) == 7)
                        return model.leadAt(row)->status.toString() == next;
                }
                return false;
            }(),
            10000);
    }

    void noteAndAppointmentJoinTheCachedDetails()
    {
        // The details are cached first, as after opening the lead.
        const auto detail = LeadCodec::detailFromJson(
            m_sim.get(QStringLiteral("/lead/9")).json.value(QStringLiteral("lead")).toObject());
        QVERIFY(detail);
        QVERIFY(LeadStore(*m_db).saveDetail(*detail));
        QSignalSpy applied(m_applier.get(), &WebhookEventApplier::eventApplied);
        QCOMPARE(m_sim
                     .api("POST", QStringLiteral("/lead/9/note"),
                          {{QStringLiteral("text"), QStringLiteral("Call back on Monday")}})
                     .status,
                 200);
        QCOMPARE(m_sim
                     .api("POST", QStringLiteral("/lead/9/appointment"),
                          {{QStringLiteral("datetime"), QStringLiteral("2026-12-01 10:30")},
                           {QStringLiteral("service"), QStringLiteral("Demo")}})
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 2, 20000);
        const auto after = cachedDetail(9);
        QVERIFY(after);
        QCOMPARE(after->notes.size(), detail->notes.size() + 1);
        QCOMPARE(after->notes.last().text, QStringLiteral("Call back on Monday"));
        QCOMPARE(after->appointments.size(), detail->appointments.size() + 1);
        bool booked = false;
        for (const Appointment &a : after->appointments)
            booked = booked ||
                     (a.dateTime == QLatin1StringView("2026-12-01 10:30") && a.service == QLatin1StringView("Demo"));
        QVERIFY(booked);
    }

    void activityReachesTheCacheAndNewLeadsComeWithTheirDetails()
    {
        const qint64 before = *LeadStore(*m_db).totalCount();
        QSignalSpy applied(m_applier.get(), &WebhookEventApplier::eventApplied);
        QSignalSpy notices(m_applier.get(), &WebhookEventApplier::notice);
        const QJsonArray steps = m_sim.admin("POST", QStringLiteral("activity"), {{QStringLiteral("events"), 12}})
                                     .toObject()
                                     .value(QStringLiteral("applied"))
                                     .toArray();
        QCOMPARE(steps.size(), 12);
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 12, 30000);
        int newLeads = 0;
        for (const QJsonValue &step : steps) {
            const QStringList words = step.toString().split(u' ');
            const qint64 id = words.value(1).toLongLong();
            const auto lead = cached(id);
            QVERIFY2(lead, qPrintable(step.toString()));
            const Lead onServer = *LeadCodec::leadFromJson(
                m_sim.get(QStringLiteral("/lead/%1").arg(id)).json.value(QStringLiteral("lead")).toObject());
            if (words.first() == QLatin1StringView("new_lead")) {
                ++newLeads;
                // Fetched through the client: its conversation is cached too.
                const auto detail = cachedDetail(id);
                QVERIFY(detail);
                QVERIFY(!detail->messages.isEmpty());
            }
            // Later events may have moved the lead on: the cache holds the newest copy.
            QVERIFY2(lead->updatedAt <= onServer.updatedAt, qPrintable(step.toString()));
        }
        for (const QList<QVariant> &a : applied)
            QVERIFY(a.at(2).toBool());
        QCOMPARE(*LeadStore(*m_db).totalCount(), before + newLeads);
        QCOMPARE(notices.size(), 12);
        QCOMPARE(m_receiver->rejectedCount(), 0);
    }

    void hostileDeliveriesAreRefusedAndCounted()
    {
        const auto before = cached(3);
        QVERIFY(before);
        QJsonObject lead = LeadCodec::leadToJson(*before);
        lead.insert(QStringLiteral("escalated"), true);
        lead.insert(QStringLiteral("updated_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        const QJsonObject data{{QStringLiteral("lead_id"), 3}, {QStringLiteral("lead"), lead}};
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QSignalSpy received(m_receiver.get(), &WebhookReceiver::eventReceived);

        const QByteArray forged = eventBody(QStringLiteral("evt_forged"), now, data);
        QCOMPARE(post(forged, WebhookSignature::sign("not-the-secret", forged)).status, 401);
        QCOMPARE(post(forged, QByteArray()).status, 401);
        // Well past the 300 s tolerance: the body's timestamp drops the
        // milliseconds and the posts before take time on a loaded machine.
        QCOMPARE(postSigned(eventBody(QStringLiteral("evt_stale"), now.addSecs(-330), data)).status, 400);
        QCOMPARE(postSigned(eventBody(QStringLiteral("evt_future"), now.addSecs(330), data)).status, 400);
        QCOMPARE(postSigned(QByteArrayLiteral("{\"id\":\"evt_cut\",\"event\":\"lead_esc")).status, 400);
        QByteArray huge = eventBody(QStringLiteral("evt_huge"), now, data);
        huge.insert(1, "\"padding\":\"" + QByteArray(1024 * 1024, 'x') + "\",");
        const SimFixture::Reply tooLarge = postSigned(huge);
        QVERIFY(tooLarge.status == 413 || tooLarge.status == 0);

        QCOMPARE(m_receiver->count(Outcome::BadSignature), 1);
        QCOMPARE(m_receiver->count(Outcome::MissingSignature), 1);
        QCOMPARE(m_receiver->count(Outcome::Stale), 2);
        QCOMPARE(m_receiver->count(Outcome::Malformed), 1);
        QCOMPARE(m_receiver->count(Outcome::TooLarge), 1);
        QCOMPARE(received.size(), 0);
        QCOMPARE(cached(3)->escalated, before->escalated);
    }

    void aReplayIsRefusedAlsoAfterTheReceiverRestarted()
    {
        QSignalSpy applied(m_applier.get(), &WebhookEventApplier::eventApplied);
        // A genuine delivery from the sim, its id remembered in the cache.
        QSignalSpy received(m_receiver.get(), &WebhookReceiver::eventReceived);
        QCOMPARE(m_sim.api("POST", QStringLiteral("/webhooks/%1/test").arg(m_hookId)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 20000);
        const QJsonObject genuine = received.first().first().toJsonObject();
        const QString id = genuine.value(QStringLiteral("id")).toString();
        QVERIFY(*m_log->contains(id));

        // Someone who saw that delivery sends it again, to a receiver started afresh.
        const quint16 port = m_receiver->port();
        m_receiver.reset();
        startReceiver(port);
        QSignalSpy again(m_receiver.get(), &WebhookReceiver::eventReceived);
        const QByteArray replay = QJsonDocument(genuine).toJson(QJsonDocument::Compact);
        const SimFixture::Reply reply = postSigned(replay);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value(QStringLiteral("duplicate")).toBool(), true);
        QCOMPARE(m_receiver->count(Outcome::Duplicate), 1);
        QCOMPARE(again.size(), 0);

        // A lead event replayed after the restart changes nothing either.
        const auto before = cached(4);
        QJsonObject lead = LeadCodec::leadToJson(*before);
        lead.insert(QStringLiteral("escalated"), !before->escalated);
        lead.insert(QStringLiteral("updated_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        const QByteArray first = eventBody(QStringLiteral("evt_once"), QDateTime::currentDateTimeUtc(),
                                           {{QStringLiteral("lead_id"), 4}, {QStringLiteral("lead"), lead}});
        QCOMPARE(postSigned(first).status, 200);
        QTRY_COMPARE(again.size(), 1);
        QCOMPARE(cached(4)->escalated, !before->escalated);
        // The service changes it back; the old event comes again and must not undo that.
        auto restored = *before;
        restored.updatedAt = QDateTime::currentDateTimeUtc().addSecs(1);
        QVERIFY(LeadStore(*m_db).upsert({restored}));
        m_receiver.reset();
        startReceiver(port);
        QCOMPARE(postSigned(first).status, 200);
        QCOMPARE(m_receiver->count(Outcome::Duplicate), 1);
        QCOMPARE(cached(4)->escalated, before->escalated);
    }

    void oldIdsArePrunedAfterTheRetention()
    {
        QVERIFY(m_log->add(QStringLiteral("evt_old"), QDateTime::currentDateTimeUtc().addSecs(-20 * 60)));
        QVERIFY(m_log->add(QStringLiteral("evt_recent"), QDateTime::currentDateTimeUtc().addSecs(-60)));
        QVERIFY(m_log->add(QStringLiteral("evt_now"), QDateTime::currentDateTimeUtc()));
        QVERIFY(!*m_log->contains(QStringLiteral("evt_old")));
        QVERIFY(*m_log->contains(QStringLiteral("evt_recent")));
        QVERIFY(*m_log->contains(QStringLiteral("evt_now")));
    }

    void eventsWithoutUsableLeadDataChangeNothingButAreTold()
    {
        QSignalSpy warnings(m_applier.get(), &WebhookEventApplier::warning);
        QSignalSpy applied(m_applier.get(), &WebhookEventApplier::eventApplied);
        const qint64 before = *LeadStore(*m_db).totalCount();
        m_applier->apply(
            QJsonObject{{QStringLiteral("id"), QStringLiteral("evt_nolead")},
                        {QStringLiteral("event"), QStringLiteral("lead_escalated")},
                        {QStringLiteral("data"), QJsonObject{{QStringLiteral("lead"), QStringLiteral("<html>")}}}});
        QCOMPARE(applied.size(), 1);
        QVERIFY(!applied.first().at(2).toBool());
        QCOMPARE(warnings.size(), 1);
        // A lead that is gone on the service: the fetch answers 404 and nothing is added.
        m_applier->apply(QJsonObject{{QStringLiteral("id"), QStringLiteral("evt_gone")},
                                     {QStringLiteral("event"), QStringLiteral("new_lead")},
                                     {QStringLiteral("data"), QJsonObject{{QStringLiteral("lead_id"), 987654}}}});
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 2, 20000);
        QCOMPARE(*LeadStore(*m_db).totalCount(), before);
        QVERIFY(!cached(987654));
    }
};

QTEST_MAIN(TestWebhookEvents)
#include "tst_webhookevents.moc"
