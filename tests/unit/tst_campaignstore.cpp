#include "HostileStrings.h"
#include "campaigns/CampaignStore.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;

class TestCampaignStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    Database open()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_files)));
        if (!db)
            qFatal("cannot open a cache: %s", qPrintable(db.error().message));
        return std::move(*db);
    }

private slots:
    void draftsRoundTripHostileText()
    {
        Database db = open();
        CampaignStore store(db);
        for (const test::HostileString &h : test::hostileStrings()) {
            const QJsonObject filters{{QStringLiteral("tag"), h.text}};
            auto made = store.createDraft(h.text, filters, QStringLiteral("Hi {name} ") + h.text);
            QVERIFY(made.ok());
            auto back = store.find(made->localId);
            QVERIFY(back.ok() && back->has_value());
            QCOMPARE((*back)->name, h.text);
            QCOMPARE((*back)->filters, filters);
            QCOMPARE((*back)->message, QStringLiteral("Hi {name} ") + h.text);
            QCOMPARE((*back)->status, QStringLiteral("draft"));
            QCOMPARE((*back)->origin, Campaign::Origin::Local);
            QCOMPARE((*back)->serverId, 0);
        }
        QCOMPARE(store.list()->size(), test::hostileStrings().size());
    }

    void sendStepsAreRemembered()
    {
        Database db = open();
        CampaignStore store(db);
        auto made = store.createDraft(QStringLiteral("April"), {}, QStringLiteral("Hi"));
        QVERIFY(made.ok());
        const qint64 id = made->localId;
        QVERIFY(store.requestSend(id, QStringLiteral("k1"), QStringLiteral("k2")).ok());
        auto c = **store.find(id);
        QCOMPARE(c.status, QStringLiteral("queued"));
        QVERIFY(c.sendRequested());
        QVERIFY(store.setServerId(id, 77).ok());
        QVERIFY(store.setError(id, QStringLiteral("connection reset")).ok());
        c = **store.find(id);
        QCOMPARE(c.createKey, QStringLiteral("k1"));
        QCOMPARE(c.sendKey, QStringLiteral("k2"));
        QCOMPARE(c.lastError, QStringLiteral("connection reset"));
        QVERIFY(store.confirmSend(id, 42, QDateTime::currentDateTimeUtc()).ok());
        c = **store.find(id);
        QCOMPARE(c.status, QStringLiteral("sending"));
        QCOMPARE(c.queued.value_or(-1), 42);
        QVERIFY(c.lastError.isEmpty());
        QVERIFY(
            store.setStats(id, CampaignStats{42, 40, 20, 3, 1}, QStringLiteral("sent"), QDateTime::currentDateTimeUtc())
                .ok());
        c = **store.find(id);
        QCOMPARE(c.status, QStringLiteral("sent"));
        QCOMPARE(c.stats.value(), (CampaignStats{42, 40, 20, 3, 1}));
        QCOMPARE((**store.findByServerId(77)).localId, id);
        QVERIFY(!store.setServerId(9999, 1).ok());
    }

    void refusedSendGoesBackToDraft()
    {
        Database db = open();
        CampaignStore store(db);
        const qint64 id = store.createDraft(QStringLiteral("Big"), {}, QStringLiteral("Hi"))->localId;
        QVERIFY(store.requestSend(id, QStringLiteral("a"), QStringLiteral("b")).ok());
        QVERIFY(store.refuseSend(id, QStringLiteral("over the cap")).ok());
        const Campaign c = **store.find(id);
        QVERIFY(c.isDraft());
        QVERIFY(!c.sendRequested());
        QCOMPARE(c.lastError, QStringLiteral("over the cap"));
    }

    void serverListMergesByServerId()
    {
        Database db = open();
        CampaignStore store(db);
        const qint64 mine = store.createDraft(QStringLiteral("Mine"), {}, QStringLiteral("Hi"))->localId;
        QVERIFY(store.setServerId(mine, 5).ok());
        const QJsonArray list{
            QJsonObject{{QStringLiteral("id"), 5},
                        {QStringLiteral("name"), QStringLiteral("Mine")},
                        {QStringLiteral("status"), QStringLiteral("sent")},
                        {QStringLiteral("sent_at"), QStringLiteral("2026-05-01T10:00:00Z")}},
            QJsonObject{{QStringLiteral("id"), 6},
                        {QStringLiteral("name"), QStringLiteral("Theirs")},
                        {QStringLiteral("filters"), QJsonObject{{QStringLiteral("status"), QStringLiteral("new")}}},
                        {QStringLiteral("message"), QStringLiteral("Yo")},
                        {QStringLiteral("status"), QStringLiteral("draft")},
                        {QStringLiteral("created_at"), QStringLiteral("2026-04-01T10:00:00Z")}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("no id: ignored")}},
        };
        QCOMPARE(store.mergeServerList(list).value(), 2);
        QCOMPARE(store.mergeServerList(list).value(), 2);
        const QList<Campaign> all = *store.list();
        QCOMPARE(all.size(), 2);
        QCOMPARE((**store.find(mine)).status, QStringLiteral("sent"));
        QCOMPARE((**store.find(mine)).origin, Campaign::Origin::Local);
        const Campaign theirs = **store.findByServerId(6);
        QCOMPARE(theirs.origin, Campaign::Origin::Server);
        QCOMPARE(theirs.filters.value(QStringLiteral("status")).toString(), QStringLiteral("new"));
    }
};

QTEST_GUILESS_MAIN(TestCampaignStore)
#include "tst_campaignstore.moc"
