// The search index a first fill defers, as a person sees it: the status bar
// says "Building the search index… N %" with the sync's bar and cancel button
// while a sync builds it, and a search in the lead list says its results may
// miss leads while the index is incomplete (being built, or left half built by
// a cancelled or killed sync), then searches again once the index is whole.
// Against outpost-sim, a real cache file and the real sync thread.
#include "AppFixture.h"
#include "LeadListPage.h"
#include "LeadTableModel.h"
#include "MainWindow.h"
#include "SessionSyncStatus.h"
#include "SimFixture.h"
#include "SyncStatusBar.h"
#include "WorkspaceCache.h"
#include "storage/Database.h"
#include "storage/LeadIndexWriter.h"
#include "sync/SyncSession.h"
#include "sync/SyncStore.h"
#include "workspace/WorkspaceRegistry.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace outpost;
using namespace outpost::test;

namespace {

constexpr qint64 kLeads = 1500; // enough for a first fill to defer the index (see SyncStore)

template <typename T>
T *child(QWidget *w, const char *name)
{
    T *found = w->findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

} // namespace

class TestSearchIndexStatus : public QObject
{
    Q_OBJECT

private:
    AppFixture m_app;

    QLabel *indexLabel() const { return child<QLabel>(m_app.window()->syncStatusBar(), "searchIndexProgress"); }
    QLabel *listHint() const { return child<QLabel>(m_app.window()->leadList(), "searchIndexHint"); }

    void search(const QString &text)
    {
        LeadListPage *list = m_app.window()->leadList();
        list->clearSearch();
        QTest::keyClicks(list->searchBox(), text);
        QTRY_COMPARE(list->model()->filter().search, text);
    }

private slots:
    void initTestCase()
    {
        sim::SimOptions options = SimFixture::defaultOptions(kLeads);
        options.rateLimit = 0;
        options.activityPerMinute = 0;
        AppFixture::Options app;
        app.workspaceName = QStringLiteral("Index");
        app.windowSize = QSize(1280, 800);
        QVERIFY2(m_app.start(options, app), qPrintable(m_app.errorString()));
    }

    void theStatusBarShowsTheBuildOfAFirstFill()
    {
        // What the status bar says at every change of the status, as a person would have read it.
        QStringList said;
        bool barShownWithIt = false;
        bool cancelShownWithIt = false;
        connect(m_app.status(), &SyncStatusSource::changed, this, [&] {
            if (indexLabel()->isHidden())
                return;
            said << indexLabel()->text();
            barShownWithIt =
                barShownWithIt || !m_app.window()->syncStatusBar()->findChild<QProgressBar *>()->isHidden();
            cancelShownWithIt =
                cancelShownWithIt || !child<QToolButton>(m_app.window()->syncStatusBar(), "cancelSync")->isHidden();
        });
        QSignalSpy building(m_app.session(), &SyncSession::searchIndexProgress);
        QSignalSpy finished(m_app.session(), &SyncSession::finished);
        m_app.status()->syncNow();
        QVERIFY(finished.wait(120000));
        disconnect(m_app.status(), &SyncStatusSource::changed, this, nullptr);
        QCOMPARE(finished.first().at(0).value<SyncEngine::Outcome>(), SyncEngine::Outcome::Completed);
        QVERIFY(!building.isEmpty());
        QCOMPARE(building.last().at(0).toLongLong(), kLeads);
        QVERIFY2(!said.isEmpty(), "the build was never shown");
        for (const QString &text : said)
            QVERIFY2(text.startsWith(QStringLiteral("Building the search index… ")) &&
                         text.endsWith(QLatin1String(" %")),
                     qPrintable(text));
        QVERIFY(barShownWithIt);
        QVERIFY(cancelShownWithIt);
        // Whole: nothing more to say, in the status bar or over a search.
        QVERIFY(indexLabel()->isHidden());
        QTRY_COMPARE(m_app.window()->leadList()->model()->rowCount(), int(kLeads));
        search(m_app.window()->leadList()->model()->leadAt(0)->phone);
        QVERIFY(m_app.window()->leadList()->model()->rowCount() > 0);
        QVERIFY(listHint()->isHidden());
    }

    void aSearchOverAHalfBuiltIndexSaysResultsMayMiss()
    {
        // As a sync cancelled (or killed) during the build leaves it: 600 of the leads indexed, in id order.
        {
            auto db = Database::open(m_app.cachePath());
            QVERIFY(db.ok());
            LeadIndexWriter index(*db);
            QVERIFY(index.deferSearch().ok());
            QVERIFY(LeadIndexWriter::indexSearchChunk(*db, 600).ok());
            auto build = SyncStore::searchBuild(*db);
            QVERIFY(build.ok());
            QVERIFY(build->building);
            QCOMPARE(build->done, 600);
        }
        // The newest lead is past the indexed ones: the search misses it, and says it may.
        qint64 missingId = 0;
        QString missingPhone;
        {
            auto db = Database::open(m_app.cachePath());
            QVERIFY(db.ok());
            QSqlQuery q(db->connection());
            QVERIFY(q.exec(QStringLiteral("SELECT id, phone FROM leads ORDER BY id DESC LIMIT 1")) && q.next());
            missingId = q.value(0).toLongLong();
            missingPhone = q.value(1).toString();
        }
        QVERIFY(!missingPhone.isEmpty());
        search(missingPhone);
        QVERIFY(!listHint()->isHidden());
        QVERIFY2(listHint()->text().contains(QStringLiteral("(40 %)")), qPrintable(listHint()->text()));
        QVERIFY2(listHint()->text().contains(QStringLiteral("next sync")), qPrintable(listHint()->text()));
        QCOMPARE(m_app.window()->leadList()->model()->rowCount(), 0);

        // The next sync completes the index: the hint goes and the search runs again, finding the lead.
        QSignalSpy finished(m_app.session(), &SyncSession::finished);
        m_app.status()->syncNow();
        QVERIFY(finished.wait(120000));
        QTRY_VERIFY(listHint()->isHidden());
        QTRY_VERIFY(m_app.window()->leadList()->model()->rowCount() >= 1);
        QList<qint64> found;
        for (int row = 0; row < m_app.window()->leadList()->model()->rowCount(); ++row)
            found << m_app.window()->leadList()->model()->idAt(row);
        QVERIFY(found.contains(missingId));
    }
};

QTEST_MAIN(TestSearchIndexStatus)
#include "tst_searchindexstatus.moc"
