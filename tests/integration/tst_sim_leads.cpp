// GET /leads and GET /lead/{id} of outpost-sim over real loopback HTTP:
// auth, filters, keyset pagination, incremental sync with deletions, detail.
#include "SimFixture.h"

#include "LeadGenerator.h"
#include "SimLeadJson.h"
#include "domain/LeadCodec.h"

#include <QJsonDocument>

#include <QSet>
#include <QTest>

using namespace outpost;
using outpost::test::SimFixture;

class TstSimLeads : public QObject
{
    Q_OBJECT

private:
    SimFixture m_sim;

    QList<qint64> ids(const QJsonObject &page)
    {
        QList<qint64> list;
        for (const QJsonValue &v : page.value(QStringLiteral("leads")).toArray())
            list.append(v.toObject().value(QStringLiteral("id")).toInteger());
        return list;
    }

    // Walks every page of a query; fails the test on a non-200.
    QList<qint64> walk(QUrlQuery query, int *pages)
    {
        QList<qint64> all;
        *pages = 0;
        for (;;) {
            const auto r = m_sim.get(QStringLiteral("/leads"), query);
            if (r.status != 200)
                return {};
            ++*pages;
            all += ids(r.json);
            const QJsonValue next = r.json.value(QStringLiteral("next_cursor"));
            if (next.isNull())
                return all;
            query.removeAllQueryItems(QStringLiteral("cursor"));
            query.addQueryItem(QStringLiteral("cursor"), next.toString());
        }
    }

private slots:
    void initTestCase() { QVERIFY2(m_sim.start(SimFixture::defaultOptions(450)), qPrintable(m_sim.errorString())); }

    void missingOrWrongKeyIs401_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("none") << QStringLiteral("");
        QTest::newRow("unknown") << QStringLiteral("lp_00000000000000000000000000000000");
        QTest::newRow("sql") << QStringLiteral("' OR 1=1 --");
    }
    void missingOrWrongKeyIs401()
    {
        QFETCH(QString, key);
        const auto r = m_sim.api("GET", QStringLiteral("/leads"), {}, {}, key);
        QCOMPARE(r.status, 401);
        QVERIFY(!r.json.value(QStringLiteral("error")).toString().isEmpty());
    }

    void firstPageHasTheContractShape()
    {
        const auto r = m_sim.get(QStringLiteral("/leads"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(r.json.value(QStringLiteral("leads")).toArray().size(), 50); // the default limit
        QCOMPARE(r.json.value(QStringLiteral("total")).toInteger(), 450);
        QVERIFY(r.json.value(QStringLiteral("next_cursor")).isString());
        const auto page = LeadCodec::pageFromBytes(r.body);
        QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(page.error().message));
        QCOMPARE(page->leads.size(), 50);
    }

    void cursorWalkSeesEveryLeadOnce()
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
        int pages = 0;
        const QList<qint64> all = walk(q, &pages);
        QCOMPARE(pages, 3);
        QCOMPARE(all.size(), 450);
        QCOMPARE(QSet<qint64>(all.cbegin(), all.cend()).size(), 450);
    }

    void limitAboveTheMaximumIsClamped()
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
        const auto r = m_sim.get(QStringLiteral("/leads"), q);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("leads")).toArray().size(), 200);
    }

    void badParametersAre400_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("limit text") << QStringLiteral("limit") << QStringLiteral("ten");
        QTest::newRow("limit zero") << QStringLiteral("limit") << QStringLiteral("0");
        QTest::newRow("status") << QStringLiteral("status") << QStringLiteral("'; DROP TABLE leads;--");
        QTest::newRow("cursor") << QStringLiteral("cursor") << QStringLiteral("not-a-cursor!");
        QTest::newRow("updated_since") << QStringLiteral("updated_since") << QStringLiteral("yesterday");
    }
    void badParametersAre400()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QUrlQuery q;
        q.addQueryItem(name, value);
        const auto r = m_sim.get(QStringLiteral("/leads"), q);
        QCOMPARE(r.status, 400);
        QVERIFY(r.json.value(QStringLiteral("error")).toString().size() > 5);
        QCOMPARE(m_sim.get(QStringLiteral("/leads")).status, 200); // and the server keeps serving
    }

    void statusFilterReturnsOnlyThatStatus()
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("status"), QStringLiteral("qualified"));
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
        const auto r = m_sim.get(QStringLiteral("/leads"), q);
        QCOMPARE(r.status, 200);
        const QJsonArray leads = r.json.value(QStringLiteral("leads")).toArray();
        QVERIFY(!leads.isEmpty());
        for (const QJsonValue &v : leads)
            QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("qualified"));
        QCOMPARE(r.json.value(QStringLiteral("total")).toInteger(), leads.size());
    }

    void searchMatchesNamePhoneOrTag()
    {
        const auto detail = m_sim.get(QStringLiteral("/lead/3")).json.value(QStringLiteral("lead")).toObject();
        const QString phone = detail.value(QStringLiteral("phone")).toString();
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("search"), phone.mid(3, 7));
        const auto r = m_sim.get(QStringLiteral("/leads"), q);
        QCOMPARE(r.status, 200);
        QVERIFY(ids(r.json).contains(3));

        QUrlQuery wild;
        wild.addQueryItem(QStringLiteral("search"), QStringLiteral("%_%"));
        const auto none = m_sim.get(QStringLiteral("/leads"), wild);
        QCOMPARE(none.status, 200);
        QCOMPARE(none.json.value(QStringLiteral("total")).toInteger(), 0); // LIKE wildcards are literal
    }

    void updatedSinceListsChangesInOrderAndDeletions()
    {
        const QString since = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        QTest::qWait(5);
        QCOMPARE(m_sim.admin("PATCH", QStringLiteral("leads/20"), {{QStringLiteral("name"), QStringLiteral("Zed")}})
                     .toObject()
                     .value(QStringLiteral("ok"))
                     .toBool(),
                 true);
        QTest::qWait(5);
        m_sim.admin("PATCH", QStringLiteral("leads/10"), {{QStringLiteral("status"), QStringLiteral("lost")}});
        m_sim.admin("DELETE", QStringLiteral("leads/30"));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("updated_since"), since);
        const auto r = m_sim.get(QStringLiteral("/leads"), q);
        QCOMPARE(r.status, 200);
        QCOMPARE(ids(r.json), (QList<qint64>{20, 10})); // (updated_at, id) order, not id order
        QCOMPARE(r.json.value(QStringLiteral("deleted")).toArray(), QJsonArray({30}));
        QCOMPARE(m_sim.get(QStringLiteral("/lead/30")).status, 404);
    }

    void updatedSincePagesStayStableWhileRowsChange()
    {
        const QString since = QStringLiteral("2000-01-01T00:00:00Z");
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("updated_since"), since);
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
        const auto first = m_sim.get(QStringLiteral("/leads"), q);
        QCOMPARE(first.status, 200);
        QList<qint64> seen = ids(first.json);
        // Another agent edits a lead already seen and one not seen yet.
        m_sim.admin("PATCH", QStringLiteral("leads/%1").arg(seen.first()), {{QStringLiteral("score"), 1}});
        m_sim.admin("POST", QStringLiteral("activity"), {{QStringLiteral("events"), 20}});
        QString cursor = first.json.value(QStringLiteral("next_cursor")).toString();
        while (!cursor.isEmpty()) {
            QUrlQuery next = q;
            next.addQueryItem(QStringLiteral("cursor"), cursor);
            const auto r = m_sim.get(QStringLiteral("/leads"), next);
            QCOMPARE(r.status, 200);
            seen += ids(r.json);
            cursor = r.json.value(QStringLiteral("next_cursor")).toString();
        }
        // Every lead that exists now was seen at least once: edits move rows
        // to the end, never past the cursor.
        const QJsonArray exported =
            m_sim.admin("GET", QStringLiteral("export")).toObject().value(QStringLiteral("leads")).toArray();
        const QSet<qint64> seenSet(seen.cbegin(), seen.cend());
        for (const QJsonValue &v : exported)
            QVERIFY2(seenSet.contains(v.toObject().value(QStringLiteral("id")).toInteger()),
                     qPrintable(QString::number(v.toObject().value(QStringLiteral("id")).toInteger())));
    }

    void walkWhileTheWorldMovesOnItsOwnMissesNothing()
    {
        m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("activity"), 3000}}); // one every 20 ms
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("updated_since"), QStringLiteral("2000-01-01T00:00:00Z"));
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("40"));
        QSet<qint64> seen;
        QString cursor;
        int pages = 0;
        QDateTime lastPageAt;
        do {
            lastPageAt = QDateTime::currentDateTimeUtc();
            QUrlQuery page = q;
            if (!cursor.isEmpty())
                page.addQueryItem(QStringLiteral("cursor"), cursor);
            const auto r = m_sim.get(QStringLiteral("/leads"), page);
            QCOMPARE(r.status, 200);
            for (const qint64 id : ids(r.json))
                seen.insert(id);
            cursor = r.json.value(QStringLiteral("next_cursor")).toString();
            QTest::qWait(10);
        } while (!cursor.isEmpty() && ++pages < 1000);
        m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("activity"), 0}});
        QVERIFY(pages < 1000);
        // Every lead that existed when the walk ended was seen, new ones included.
        // (A lead created after the last page was read cannot be in it: the walk
        // reached the end of the (updated_at, id) order at that moment.)
        const QJsonArray exported =
            m_sim.admin("GET", QStringLiteral("export")).toObject().value(QStringLiteral("leads")).toArray();
        int missing = 0;
        for (const QJsonValue &v : exported)
            missing += seen.contains(v.toObject().value(QStringLiteral("id")).toInteger()) ? 0 : 1;
        QVERIFY2(missing <= 2, qPrintable(QString::number(missing))); // at most what moved after the last page
        QVERIFY(exported.size() > 450);                               // activity did add leads during the walk
    }

    void detailCarriesMessagesNotesAndAppointments()
    {
        int withMessages = 0, withNotes = 0, withAppointments = 0;
        for (int id = 1; id <= 40; ++id) {
            const auto r = m_sim.get(QStringLiteral("/lead/%1").arg(id));
            if (r.status == 404)
                continue;
            QCOMPARE(r.status, 200);
            const auto detail = LeadCodec::detailFromJson(r.json.value(QStringLiteral("lead")).toObject());
            QVERIFY2(detail.ok(), detail.ok() ? "" : qPrintable(detail.error().message));
            QCOMPARE(detail->lead.id, id);
            withMessages += detail->messages.isEmpty() ? 0 : 1;
            withNotes += detail->notes.isEmpty() ? 0 : 1;
            withAppointments += detail->appointments.isEmpty() ? 0 : 1;
            if (!detail->messages.isEmpty())
                QCOMPARE(detail->messages.last().sentAt, detail->lead.lastMessageAt);
        }
        QVERIFY(withMessages > 20);
        QVERIFY(withNotes > 0);
        QVERIFY(withAppointments > 0);
    }

    void fastLeadJsonWritesWhatTheCodecWrites()
    {
        const sim::LeadGenerator generator(3, 5000, QDateTime::currentDateTimeUtc());
        QList<Lead> leads;
        for (qint64 id = 1; id <= 5000; ++id)
            leads.append(generator.lead(id));
        Lead odd = leads.first();
        odd.name = QStringLiteral("Q\"uote\\ back\x01\x1f\b\f\r\n\t \u00e9 \U0001F680 \u2028 \x7f");
        odd.tags = {QStringLiteral("a\"b"), QStringLiteral("")};
        odd.rating = 0.1;
        odd.score = -3;
        odd.email = QString();
        odd.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        leads.append(odd);
        odd.rating = 1e-7;
        odd.lastMessageAt = QDateTime();
        leads.append(odd);
        for (const Lead &lead : std::as_const(leads)) {
            QByteArray fast;
            sim::SimLeadJson::append(fast, lead);
            QCOMPARE(fast, QJsonDocument(LeadCodec::leadToJson(lead)).toJson(QJsonDocument::Compact));
        }
    }

    void pagesAreCanonicalJson()
    {
        const auto r = m_sim.get(QStringLiteral("/leads?limit=200"));
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body).toJson(QJsonDocument::Compact), r.body);
    }

    void unknownLeadAndBadIds()
    {
        QCOMPARE(m_sim.get(QStringLiteral("/lead/999999")).status, 404);
        QCOMPARE(m_sim.get(QStringLiteral("/lead/abc")).status, 400);
        QCOMPARE(m_sim.get(QStringLiteral("/lead/-4")).status, 400);
        QCOMPARE(m_sim.get(QStringLiteral("/no/such/route")).status, 404);
        QCOMPARE(m_sim.api("DELETE", QStringLiteral("/leads")).status, 405);
    }
};

QTEST_GUILESS_MAIN(TstSimLeads)
#include "tst_sim_leads.moc"
