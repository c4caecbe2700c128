#include "CampaignBuilderPage.h"
#include "CampaignListPage.h"
#include "CampaignsPage.h"
#include "DashboardPage.h"
#include "LeadGenerator.h"
#include "Screenshot.h"
#include "SimFixture.h"
#include "WorkspaceCache.h"
#include "api/ApiClient.h"
#include "campaigns/CampaignStore.h"
#include "outbox/OutboxReplayer.h"
#include "storage/Database.h"
#include "storage/LeadStore.h"
#include "sync/SyncStore.h"

#include <QApplication>
#include <QChartView>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;
using outpost::sim::LeadGenerator;
using outpost::test::saveScreenshot;
using outpost::test::SimFixture;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Highlight, QColor(0x2e, 0x86, 0xde));
    p.setColor(QPalette::PlaceholderText, QColor(0x99, 0x99, 0x99));
    p.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
    p.setColor(QPalette::Midlight, QColor(0x44, 0x44, 0x44));
    return p;
}

// Mostly one colour: a chart that did not paint its bars or labels.
bool looksBlank(const QImage &image)
{
    QHash<QRgb, int> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            ++colours[image.pixel(x, y)];
    return colours.size() < 8;
}

} // namespace

// The dashboard and the campaign pages over a real cache file, offscreen; the
// campaign send against outpost-sim on loopback.
class TestCampaignPages : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    const QDateTime m_now = QDateTime::currentDateTimeUtc();

private slots:
    void initTestCase()
    {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("cache.sqlite"));
        auto db = Database::open(m_path);
        QVERIFY(db.ok());
        LeadStore store(*db);
        const LeadGenerator generator(21, 900, m_now);
        QList<Lead> leads;
        for (qint64 id = 1; id <= 900; ++id)
            leads << generator.lead(id);
        QVERIFY(store.upsert(leads).ok());
        for (qint64 id = 1; id <= 900; ++id) {
            LeadDetail d = generator.detail(id);
            for (int i = 0; i < d.messages.size(); ++i)
                d.messages[i].id = QString::number(i + 1);
            d.notes.clear();
            d.appointments.clear();
            QVERIFY(store.saveDetail(d).ok());
        }
        SyncStore sync(*db);
        QVERIFY(sync.setValue(QStringLiteral("sync.last_sync_at"), m_now.addSecs(-300).toString(Qt::ISODate)).ok());
    }

    void dashboardShowsLocalFiguresLabelled()
    {
        WorkspaceCache cache;
        QVERIFY(cache.open(m_path).ok());
        DashboardPage page(&cache);
        page.resize(1100, 1000);
        QSignalSpy refreshed(&page, &DashboardPage::refreshed);
        page.refresh();
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(page.figures().overview.body.value(QStringLiteral("total_leads")).toInteger(), 900);
        QCOMPARE(page.figures().sla.source, DashboardFigures::Source::Local);
        auto *source = page.findChild<QLabel *>(QStringLiteral("dashboardSource"));
        QVERIFY(source->text().contains(QStringLiteral("computed from cached data as of")));
        auto *agents = page.findChild<QTableWidget *>(QStringLiteral("agentTable"));
        QCOMPARE(agents->rowCount(), 6);
        // Sortable by the numbers, not their text.
        agents->sortItems(1, Qt::DescendingOrder);
        QVERIFY(agents->item(0, 1)->data(Qt::DisplayRole).toDouble() >=
                agents->item(5, 1)->data(Qt::DisplayRole).toDouble());
        QVERIFY(!looksBlank(page.funnelImage()));
        QVERIFY(!looksBlank(page.complianceImage()));

        page.setDays(7);
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(page.figures().days, 7);
        QVERIFY(page.figures().sla.body.value(QStringLiteral("first_response"))[QStringLiteral("count")].toInteger() <
                100);
        QVERIFY(page.figures().toCsv().contains(QStringLiteral("sla_7d,first_response.avg_seconds,")));
        page.setDays(30);
        QVERIFY(refreshed.wait(20000));
        saveScreenshot(page, QStringLiteral("dashboard-page-light.png"));
        page.setPalette(darkPalette());
        QCoreApplication::processEvents();
        QVERIFY(!looksBlank(page.funnelImage()));
        saveScreenshot(page, QStringLiteral("dashboard-page-dark.png"));
    }

    void dashboardPrefersTheServicesSnapshotsForTheirPeriod()
    {
        {
            auto db = Database::open(m_path);
            SyncStore sync(*db);
            QVERIFY(sync.saveSnapshot(QStringLiteral("overview"),
                                      {{QStringLiteral("ok"), true},
                                       {QStringLiteral("total_leads"), 901},
                                       {QStringLiteral("conversion_rate"), 41.5}},
                                      m_now)
                        .ok());
            QVERIFY(sync.setValue(QStringLiteral("feature.sla"), QStringLiteral("needs the Premium plan")).ok());
        }
        WorkspaceCache cache;
        QVERIFY(cache.open(m_path).ok());
        DashboardPage page(&cache);
        QSignalSpy refreshed(&page, &DashboardPage::refreshed);
        page.refresh();
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(page.figures().overview.source, DashboardFigures::Source::Server);
        QCOMPARE(page.figures().overview.body.value(QStringLiteral("total_leads")).toInteger(), 901);
        QCOMPARE(page.figures().sla.source, DashboardFigures::Source::Local);
        auto *source = page.findChild<QLabel *>(QStringLiteral("dashboardSource"));
        QVERIFY2(source->text().contains(QStringLiteral("Premium")), qPrintable(source->text()));
        {
            auto db = Database::open(m_path);
            SyncStore sync(*db);
            QVERIFY(sync.setValue(QStringLiteral("feature.sla"), QString()).ok());
            QVERIFY(db->execute(QStringLiteral("DELETE FROM snapshots"), "reset").ok());
        }
    }

    void builderPreviewsTheAudienceAsFiltersChange()
    {
        WorkspaceCache cache;
        QVERIFY(cache.open(m_path).ok());
        CampaignsPage campaigns(&cache);
        campaigns.resize(1200, 760);
        CampaignBuilderPage *builder = campaigns.builder();
        QSignalSpy updated(builder, &CampaignBuilderPage::audienceUpdated);
        QVERIFY(updated.wait(20000));
        // Everyone (900) is over the cap: the preview counts one past it and
        // says so, then the exact count follows.
        QCOMPARE(builder->audience().count, 500);
        QVERIFY(!builder->audience().exact);
        QCOMPARE(builder->audience().sample.size(), 50);
        auto *count = builder->findChild<QLabel *>(QStringLiteral("audienceCount"));
        QTRY_VERIFY2_WITH_TIMEOUT(count->text().contains(QLocale().toString(900)), qPrintable(count->text()), 20000);
        auto *send = builder->findChild<QPushButton *>(QStringLiteral("sendCampaign"));
        auto *verdict = builder->findChild<QLabel *>(QStringLiteral("audienceVerdict"));
        builder->setCampaignName(QStringLiteral("Everyone"));
        builder->setMessage(QStringLiteral("Hi {first_name}, {agent} here: {coupon}"));
        QVERIFY2(verdict->text().contains(QStringLiteral("More than 500")) &&
                     verdict->text().contains(QStringLiteral("narrow the audience")),
                 qPrintable(verdict->text()));
        QVERIFY(!send->isEnabled());
        auto *warning = builder->findChild<QLabel *>(QStringLiteral("placeholderWarning"));
        QVERIFY(warning->isVisibleTo(builder));
        QVERIFY(warning->text().contains(QStringLiteral("{coupon}")));

        builder->setFilterText(QStringLiteral("status"), QStringLiteral("qualified"));
        builder->setFilterText(QStringLiteral("channel"), QStringLiteral("whatsapp"));
        QVERIFY(updated.wait(20000));
        LeadStore store(cache.database());
        LeadFilter f;
        f.status = QStringLiteral("qualified");
        f.channel = QStringLiteral("whatsapp");
        const qint64 expected = store.count(f, -1).value();
        QTRY_COMPARE_WITH_TIMEOUT(builder->audience().count, expected, 20000);
        QVERIFY(expected > 0 && expected < 500);
        auto *sample = builder->findChild<QTableView *>(QStringLiteral("audienceSample"));
        const QString rendered = sample->model()->index(0, 3).data().toString();
        QVERIFY2(rendered.startsWith(QStringLiteral("Hi ")) && rendered.endsWith(QStringLiteral(" here: {coupon}")),
                 qPrintable(rendered));
        QVERIFY(!send->isEnabled()); // no service to send through
        QVERIFY(!verdict->text().contains(QStringLiteral("500 messages")));

        builder->setFilterText(QStringLiteral("tag"), QStringLiteral("x' OR 1=1 --%_🚀"));
        QTRY_COMPARE_WITH_TIMEOUT(builder->audience().count, 0, 20000);
        QVERIFY(verdict->text().contains(QStringLiteral("nobody")));
        builder->setFilterText(QStringLiteral("tag"), QString());
        builder->setFilterText(QStringLiteral("created_after"), QStringLiteral("yesterday-ish"));
        QTRY_VERIFY(verdict->text().contains(QStringLiteral("not a date")));
        builder->setFilterText(QStringLiteral("created_after"), QString());
        QTRY_COMPARE_WITH_TIMEOUT(builder->audience().count, expected, 20000);
        builder->setMessage(QStringLiteral("Hi {first_name}! Your {agent} has a spring offer for you."));
        QCoreApplication::processEvents();
        saveScreenshot(campaigns, QStringLiteral("campaign-builder-page-light.png"));
        campaigns.setPalette(darkPalette());
        saveScreenshot(campaigns, QStringLiteral("campaign-builder-page-dark.png"));
    }

    void builderSendsThroughTheServiceOnce()
    {
        SimFixture sim;
        sim::SimOptions options;
        options.leads = 300;
        options.rateLimit = 0;
        QVERIFY(sim.start(options));
        ApiConfig config;
        config.baseUrl = sim.baseUrl();
        config.clientId = sim.clientId();
        config.apiKey = sim.apiKey();
        config.backoffBaseMs = 50;
        config.maxAttempts = 4;
        ApiClient client(config, std::make_shared<RateBudget>(RateBudget::Limit{100000, 60000}, Clock::system()));

        WorkspaceCache cache;
        QVERIFY(cache.open(m_path).ok());
        CampaignsPage campaigns(&cache);
        campaigns.resize(1200, 760);
        campaigns.setApiClient(&client);
        CampaignBuilderPage *builder = campaigns.builder();
        QSignalSpy updated(builder, &CampaignBuilderPage::audienceUpdated);
        builder->setCampaignName(QStringLiteral("Spring"));
        builder->setMessage(QStringLiteral("Hi {name}"));
        builder->setFilterText(QStringLiteral("status"), QStringLiteral("booked"));
        builder->setFilterText(QStringLiteral("channel"), QStringLiteral("sms"));
        QTRY_VERIFY_WITH_TIMEOUT(builder->canSend(), 20000);

        QSignalSpy checked(builder, &CampaignBuilderPage::serverChecked);
        builder->checkWithServer();
        QVERIFY(checked.wait(20000));
        QVERIFY2(builder->serverText().contains(QStringLiteral("Service:")), qPrintable(builder->serverText()));

        QSignalSpy finished(builder, &CampaignBuilderPage::sendFinished);
        builder->askToSend();
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = builder->findChild<QMessageBox *>(QStringLiteral("sendConfirmation"))) != nullptr);
        QVERIFY(confirm->text().contains(QString::number(builder->audience().count)));
        QVERIFY(confirm->informativeText().contains(QStringLiteral("Hi ")));
        saveScreenshot(*confirm, QStringLiteral("campaign-send-confirmation.png"));
        QAbstractButton *sendButton = nullptr;
        for (QAbstractButton *b : confirm->buttons())
            if (confirm->buttonRole(b) == QMessageBox::AcceptRole)
                sendButton = b;
        QVERIFY(sendButton);
        sendButton->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.first().at(0).toBool(), true);
        // Queued in the outbox, shown as such until the sync carries it.
        CampaignListPage *list = campaigns.list();
        QTRY_VERIFY(list->selected() && list->selected()->displayStatus() == QLatin1StringView("queued"));
        QVERIFY(!builder->canSend() || builder->audience().count > 0);

        // What the app's sync thread does: the outbox goes to the service.
        OutboxReplayer replayer(m_path, QString(), &client);
        QSignalSpy replayed(&replayer, &OutboxReplayer::finished);
        replayer.start();
        QVERIFY(replayed.count() > 0 || replayed.wait(30000));
        QCOMPARE(replayed.first().at(0).value<OutboxReplayer::Outcome>(), OutboxReplayer::Outcome::Drained);
        int sends = 0;
        for (const QJsonValue &v : sim.ledger(0)) {
            const QJsonObject e = v.toObject();
            sends += e.value(QStringLiteral("path")).toString().endsWith(QStringLiteral("/send")) &&
                     !e.value(QStringLiteral("mutation")).isNull() && !e.value(QStringLiteral("replayed")).toBool();
        }
        QCOMPARE(sends, 1);

        QVERIFY(list->rowCount() >= 1);
        QSignalSpy stats(list, &CampaignListPage::statsShown);
        QTRY_VERIFY_WITH_TIMEOUT(list->selected() && list->selected()->stats && list->selected()->stats->sent > 0,
                                 30000);
        auto *chart = list->findChild<QChartView *>(QStringLiteral("campaignStatsChart"));
        QVERIFY(!looksBlank(chart->grab().toImage()));
        saveScreenshot(campaigns, QStringLiteral("campaign-list-light.png"));
        campaigns.setPalette(darkPalette());
        list->reload();
        saveScreenshot(campaigns, QStringLiteral("campaign-list-dark.png"));
    }
};

QTEST_MAIN(TestCampaignPages)
#include "tst_campaignpages.moc"
