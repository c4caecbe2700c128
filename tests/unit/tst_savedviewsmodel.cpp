#include "HostileStrings.h"
#include "SavedViewsModel.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;

class TestSavedViewsModel : public QObject
{
    Q_OBJECT

private slots:
    void viewsSurviveARestartPerWorkspace()
    {
        QTemporaryDir dir;
        const QString settings = dir.filePath(QStringLiteral("outpost.ini"));
        const QUuid acme = QUuid::createUuid(), beta = QUuid::createUuid();
        SavedView hot{QStringLiteral("Hot WhatsApp"), {}, {LeadSort::Key::Name, Qt::AscendingOrder}};
        hot.filter.status = QStringLiteral("qualified");
        hot.filter.channel = QStringLiteral("whatsapp");
        hot.filter.escalated = true;
        hot.filter.search = QStringLiteral("jo");
        SavedView mine{QStringLiteral("Mine"), {}, {}};
        mine.filter.assignedAgent = QStringLiteral("Maria");
        {
            SavedViewsModel model(settings);
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setWorkspace(acme);
            model.save(hot);
            model.save(mine);
            model.setWorkspace(beta);
            QCOMPARE(model.rowCount(), 0);
            model.save(SavedView{QStringLiteral("Beta only"), {}, {}});
        }
        SavedViewsModel model(settings);
        model.setWorkspace(acme);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.viewAt(0), hot);
        QCOMPARE(model.viewAt(1), mine);
        QCOMPARE(model.index(0).data().toString(), hot.name);
        model.setWorkspace(beta);
        QCOMPARE(model.rowCount(), 1);
    }

    void aSameNameReplacesAndRemoveForgets()
    {
        QTemporaryDir dir;
        const QString settings = dir.filePath(QStringLiteral("outpost.ini"));
        SavedViewsModel model(settings);
        model.setWorkspace(QUuid::createUuid());
        SavedView v{QStringLiteral("Escalated"), {}, {}};
        v.filter.escalated = true;
        model.save(v);
        v.filter.escalated = false;
        model.save(v);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.viewAt(0).filter.escalated, std::optional<bool>(false));
        model.save(SavedView{QStringLiteral("   "), {}, {}}); // no name, not saved
        QCOMPARE(model.rowCount(), 1);
        model.remove(0);
        QCOMPARE(model.rowCount(), 0);
    }

    void hostileNamesAndSearchesRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        for (const auto &h : test::hostileStrings()) {
            if (!h.text.trimmed().isEmpty())
                QTest::newRow(h.label) << h.text;
        }
        QTest::newRow("ini syntax") << QStringLiteral("[General]\nkey=value;#comment\\");
    }

    void hostileNamesAndSearchesRoundTrip()
    {
        QFETCH(QString, text);
        QTemporaryDir dir;
        const QString settings = dir.filePath(QStringLiteral("outpost.ini"));
        const QUuid ws = QUuid::createUuid();
        SavedView v{text, {}, {LeadSort::Key::LastMessageAt, Qt::DescendingOrder}};
        v.filter.search = text;
        v.filter.tag = text;
        {
            SavedViewsModel model(settings);
            model.setWorkspace(ws);
            model.save(v);
        }
        SavedViewsModel model(settings);
        model.setWorkspace(ws);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.viewAt(0), v);
    }
};

QTEST_GUILESS_MAIN(TestSavedViewsModel)
#include "tst_savedviewsmodel.moc"
