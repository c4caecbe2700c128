// The window over a workspace that syncs with outpost-sim on loopback: details
// load when a lead is opened, and "Work offline" stops all traffic.
#include "AppFixture.h"
#include "LeadDetailPane.h"
#include "LeadListPage.h"
#include "LeadTableModel.h"
#include "MainWindow.h"
#include "Screenshot.h"
#include "SessionSyncStatus.h"
#include "SimFixture.h"
#include "SyncStatusBar.h"
#include "TimelineModel.h"
#include "WorkspaceCache.h"
#include "sync/SyncSession.h"
#include "workspace/WorkspaceRegistry.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace outpost;
using namespace outpost::test;

class TestAppSync : public QObject
{
    Q_OBJECT

private:
    AppFixture m_app;

    // The row of the timeline entry with this text, -1 when none.
    static int timelineRow(const TimelineModel *timeline, const QString &text)
    {
        for (int row = 0; row < timeline->rowCount(); ++row) {
            if (timeline->entryAt(row).text == text)
                return row;
        }
        return -1;
    }

    static TimelineModel::Delivery deliveryOf(const TimelineModel *timeline, const QString &text)
    {
        const int row = timelineRow(timeline, text);
        return row < 0 ? TimelineModel::Delivery::Confirmed : timeline->entryAt(row).delivery;
    }

    bool detailsCached(qint64 id)
    {
        auto at = m_app.window()->cache()->store().detailsFetchedAt(id);
        return at && at->isValid();
    }

private slots:
    void initTestCase()
    {
        sim::SimOptions options = SimFixture::defaultOptions(40);
        options.rateLimit = 0;
        options.activityPerMinute = 0;
        QVERIFY2(m_app.start(options, {}), qPrintable(m_app.errorString()));
        QSignalSpy finished(m_app.session(), &SyncSession::finished);
        m_app.status()->syncNow();
        QVERIFY(m_app.status()->isSyncing());
        QVERIFY(finished.wait(60000));
        QTRY_COMPARE(m_app.window()->leadList()->model()->rowCount(), 40);
        QVERIFY(m_app.status()->isOnline());
    }

    void openingALeadLoadsItsConversationWithAVisibleState()
    {
        LeadTableModel *model = m_app.window()->leadList()->model();
        const qint64 id = model->idAt(0);
        QVERIFY(id != 0);
        QVERIFY(!detailsCached(id));
        LeadDetailPane *pane = m_app.window()->leadList()->detailPane();
        m_app.window()->openLead(id);
        QCOMPARE(pane->leadId(), id);
        QLabel *state = pane->conversationState();
        QVERIFY(state->isVisibleTo(pane));
        QCOMPARE(state->text(), QStringLiteral("Loading the conversation…"));

        QTRY_VERIFY_WITH_TIMEOUT(detailsCached(id), 30000);
        QTRY_VERIFY(!state->text().startsWith(QStringLiteral("Loading")));
        const bool any = pane->timeline()->rowCount() > 0;
        QVERIFY2(any ? !state->isVisibleTo(pane) : state->text().contains(QStringLiteral("No messages")),
                 qPrintable(state->text()));
        bool asked = false;
        for (const QJsonValue &e : m_app.sim().ledger()) {
            asked = asked ||
                    e.toObject().value(QStringLiteral("path")).toString().endsWith(QStringLiteral("/lead/%1").arg(id));
        }
        QVERIFY(asked);
    }

    void aQueuedReplyIsPendingThenConfirmedByTheService()
    {
        LeadEdits *edits = m_app.status()->edits();
        QVERIFY(edits);
        const qint64 id = m_app.window()->leadList()->model()->idAt(2);
        const qint64 head = m_app.sim().ledgerHead();
        const auto row = edits->reply(id, QStringLiteral("See you at ten"));
        QVERIFY(row.ok());
        QVERIFY(edits->isPending(id));
        QVERIFY(m_app.status()->pendingOutboxCount() >= 1);

        // Sent at once (no sync needed), confirmed, and no longer pending.
        QTRY_VERIFY_WITH_TIMEOUT(!edits->isPending(id), 30000);
        QCOMPARE(m_app.status()->pendingOutboxCount(), 0);
        int posts = 0;
        for (const QJsonValue &e : m_app.sim().ledger()) {
            const QJsonObject entry = e.toObject();
            posts += entry.value(QStringLiteral("seq")).toInteger() > head &&
                     entry.value(QStringLiteral("method")).toString() == QStringLiteral("POST") &&
                     entry.value(QStringLiteral("path")).toString().contains(QString::number(id));
        }
        QCOMPARE(posts, 1);
    }

    void workingOfflineStopsAllTrafficUntilSwitchedBack()
    {
        auto *offline = m_app.window()->syncStatusBar()->findChild<QCheckBox *>(QStringLiteral("workOffline"));
        QVERIFY(offline);
        offline->click();
        QVERIFY(m_app.status()->isWorkingOffline());
        auto *onlineState = m_app.window()->syncStatusBar()->findChild<QLabel *>(QStringLiteral("onlineState"));
        QVERIFY(onlineState->text().contains(QStringLiteral("Working offline")));
        const qint64 before = m_app.sim().ledgerHead();

        // Neither a sync nor opening a lead without details reaches the network.
        m_app.status()->syncNow();
        QVERIFY(!m_app.status()->isSyncing());
        const qint64 id = m_app.window()->leadList()->model()->idAt(1);
        QVERIFY(!detailsCached(id));
        m_app.window()->openLead(id);
        LeadDetailPane *pane = m_app.window()->leadList()->detailPane();
        QVERIFY(pane->conversationState()->text().contains(QStringLiteral("not in the cache yet")));
        QTest::qWait(800);
        QCOMPARE(m_app.sim().ledgerHead(), before);

        // Back online: a sync starts at once.
        QSignalSpy finished(m_app.session(), &SyncSession::finished);
        offline->click();
        QVERIFY(!m_app.status()->isWorkingOffline());
        QVERIFY(m_app.status()->isSyncing());
        QVERIFY(finished.wait(60000));
        QVERIFY(m_app.sim().ledgerHead() > before);
    }

    void timelineItemsShowAsQueuedThenConfirmed()
    {
        m_app.status()->setWorkingOffline(true);
        const qint64 id = m_app.window()->leadList()->model()->idAt(3);
        m_app.window()->openLead(id);
        LeadDetailPane *pane = m_app.window()->leadList()->detailPane();
        const TimelineModel *timeline = pane->timeline();
        auto *box = pane->findChild<QPlainTextEdit *>(QStringLiteral("replyBox"));
        QVERIFY(box);
        box->setPlainText(QStringLiteral("Your quote is ready"));
        QTest::keyClick(box, Qt::Key_Return, Qt::ControlModifier);
        box->setPlainText(QStringLiteral("Prefers mornings"));
        pane->findChild<QPushButton *>(QStringLiteral("addNote"))->click();

        // Both are in the conversation at once, marked as queued (and said so to assistive tools).
        for (const QString &text : {QStringLiteral("Your quote is ready"), QStringLiteral("Prefers mornings")}) {
            const int row = timelineRow(timeline, text);
            QVERIFY2(row >= 0, qPrintable(text));
            const QModelIndex i = timeline->index(row);
            QCOMPARE(i.data(TimelineModel::DeliveryRole).value<TimelineModel::Delivery>(),
                     TimelineModel::Delivery::Queued);
            QCOMPARE(i.data(TimelineModel::DeliveryTextRole).toString(), QStringLiteral("Queued"));
            QVERIFY(i.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("Queued")));
            QVERIFY(i.data(TimelineModel::IdRole).toString().startsWith(QStringLiteral("outbox:")));
        }
        QTest::qWait(300);
        QCOMPARE(deliveryOf(timeline, QStringLiteral("Prefers mornings")), TimelineModel::Delivery::Queued);
        saveScreenshot(*pane, QStringLiteral("timeline-queued.png"));

        // Online: sent, and the service's copies replace them without a mark.
        m_app.status()->setWorkingOffline(false);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app.status()->edits()->isPending(id), 30000);
        QTRY_COMPARE(deliveryOf(timeline, QStringLiteral("Your quote is ready")), TimelineModel::Delivery::Confirmed);
        QTRY_COMPARE(deliveryOf(timeline, QStringLiteral("Prefers mornings")), TimelineModel::Delivery::Confirmed);
        for (const QString &text : {QStringLiteral("Your quote is ready"), QStringLiteral("Prefers mornings")}) {
            const int row = timelineRow(timeline, text);
            QVERIFY2(row >= 0, qPrintable(text));
            QVERIFY(!timeline->entryAt(row).id.startsWith(QStringLiteral("outbox:")));
            QVERIFY(timeline->index(row).data(TimelineModel::DeliveryTextRole).toString().isEmpty());
        }
    }

    void aRefusedAppointmentShowsWhyItWasNotSent()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_app.status()->isSyncing(), 60000);
        const qint64 id = m_app.window()->leadList()->model()->idAt(4);
        m_app.window()->openLead(id);
        LeadDetailPane *pane = m_app.window()->leadList()->detailPane();
        // Longer than the service takes (200 characters), which only the service knows.
        const QString service = QStringLiteral("Consultation and a very long description ").repeated(6).trimmed();
        QVERIFY(m_app.status()->edits()->bookAppointment(id, QDateTime::currentDateTime().addDays(2), service).ok());
        const TimelineModel *timeline = pane->timeline();
        QVERIFY(timelineRow(timeline, service) >= 0);
        // The conversation that loads meanwhile (the lead was just opened) keeps it.
        QTRY_VERIFY_WITH_TIMEOUT(detailsCached(id), 30000);
        QVERIFY(timelineRow(timeline, service) >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(deliveryOf(timeline, service), TimelineModel::Delivery::Failed, 30000);
        const QModelIndex i = timeline->index(timelineRow(timeline, service));
        const QString text = i.data(TimelineModel::DeliveryTextRole).toString();
        QVERIFY2(text.startsWith(QStringLiteral("Not sent: ")) && text.contains(QStringLiteral("200")),
                 qPrintable(text));
        QCOMPARE(i.data(Qt::ToolTipRole).toString(), text);
        QVERIFY(i.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("Not sent")));
        saveScreenshot(*pane, QStringLiteral("timeline-failed.png"));
    }
};

QTEST_MAIN(TestAppSync)
#include "tst_appsync.moc"
