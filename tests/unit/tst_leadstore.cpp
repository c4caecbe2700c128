#include "HostileStrings.h"
#include "TestLeads.h"
#include "storage/Database.h"
#include "storage/LeadIndexWriter.h"
#include "storage/LeadSql.h"
#include "storage/LeadStore.h"
#include "storage/SlaBuckets.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <random>

using namespace outpost;

namespace {

QList<qint64> idsOf(const QList<Lead> &leads)
{
    QList<qint64> ids;
    for (const Lead &l : leads)
        ids << l.id;
    return ids;
}

// What SQLite's NOCASE does: ASCII letters folded, nothing else.
QString asciiFolded(const QString &s)
{
    QString out = s;
    for (QChar &c : out) {
        if (c.unicode() < 128)
            c = c.toLower();
    }
    return out;
}

int compareKeys(const Lead &a, const Lead &b, LeadSort::Key key)
{
    const QVariant va = LeadSql::sortValue(a, key);
    const QVariant vb = LeadSql::sortValue(b, key);
    if (key == LeadSort::Key::Name) {
        // SQLite compares UTF-8 bytes, which orders like code points.
        const QByteArray x = asciiFolded(va.toString()).toUtf8(), y = asciiFolded(vb.toString()).toUtf8();
        return x < y ? -1 : (y < x ? 1 : 0);
    }
    if (key == LeadSort::Key::Status)
        return va.toString() < vb.toString() ? -1 : (vb.toString() < va.toString() ? 1 : 0);
    return va.toLongLong() < vb.toLongLong() ? -1 : (vb.toLongLong() < va.toLongLong() ? 1 : 0);
}

} // namespace

class TestLeadStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::optional<Database> m_db;

    LeadStore freshStore()
    {
        m_db.reset();
        auto db = Database::open(m_dir.filePath(QStringLiteral("store-%1.sqlite").arg(++m_counter)));
        if (!db)
            qFatal("cannot open a test database: %s", qPrintable(db.error().message));
        m_db.emplace(std::move(db).value());
        return LeadStore(*m_db);
    }

    // A varied set: every status, channel and tag, some nulls, names in many scripts.
    static QList<Lead> variedLeads(int n)
    {
        QList<Lead> leads = test::makeLeads(1, n);
        const auto hostile = test::hostileStrings();
        const QStringList names = {QStringLiteral("John Carter"),  QStringLiteral("johanna smith"),
                                   QStringLiteral("Zoë Ångström"), QStringLiteral("李小龙"),
                                   QStringLiteral("محمد العلي"),   QStringLiteral("Ólafur Arnalds")};
        for (int i = 0; i < leads.size(); ++i) {
            Lead &l = leads[i];
            l.name = i % 7 == 0 ? hostile.at(i % hostile.size()).text : names.at(i % names.size()) + QString::number(i);
            l.updatedAt = l.createdAt.addSecs((i * 7919) % 5000);
            l.tags = i % 3 == 0 ? QStringList{QStringLiteral("vip"), QStringLiteral("50%_off")}
                                : QStringList{QStringLiteral("cold")};
            if (i % 11 == 0)
                l.status = LeadStatus::fromString(QStringLiteral("archived"));
        }
        return leads;
    }

    // Rows of `sql` as text, sorted: derived tables compared as sets.
    QStringList rowsOf(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        if (!q.exec(sql))
            return {q.lastError().text()};
        QStringList rows;
        while (q.next()) {
            QStringList row;
            for (int c = 0; c < q.record().count(); ++c)
                row << q.value(c).toString();
            rows << row.join(QLatin1Char('|'));
        }
        rows.sort();
        return rows;
    }

    // Tag rows, counts and dashboard buckets as kept, against the same taken
    // afresh from the rows by the set-based statements.
    void compareDerivedTablesWithTheRows()
    {
        QCOMPARE(rowsOf(QStringLiteral("SELECT tag, lead_id FROM lead_tags")),
                 rowsOf(QStringLiteral("SELECT DISTINCT j.value, l.id FROM leads l, json_each(l.tags) j "
                                       "WHERE j.type = 'text'")));
        QCOMPARE(rowsOf(QStringLiteral("SELECT status, n FROM lead_counts WHERE n != 0")),
                 rowsOf(QStringLiteral("SELECT status, count(*) FROM leads GROUP BY status")));
        const QString kept = QStringLiteral("SELECT %1 FROM sla_buckets").arg(QLatin1StringView(SlaBuckets::kColumns));
        const QStringList before = rowsOf(kept);
        QVERIFY(!before.isEmpty());
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM sla_buckets")));
        QVERIFY(q.exec(QString::fromLatin1(SlaBuckets::kFill)));
        QCOMPARE(before, rowsOf(kept));
    }

private slots:
    void newLeadsKeepTheDerivedTablesExact()
    {
        // Leads new to the cache take a path of their own (NewLeadEntries):
        // what it writes must be what the rows give, for every kind of value.
        LeadStore store = freshStore();
        QList<Lead> leads = variedLeads(300);
        const auto hostile = test::hostileStrings();
        for (int i = 0; i < leads.size(); ++i) {
            Lead &l = leads[i];
            l.assignedAgent = i % 5 == 0   ? QString()
                              : i % 5 == 1 ? QStringLiteral("")
                                           : hostile.at(i % hostile.size()).text;
            l.escalated = i % 4 == 0;
            l.rating = i % 6 == 0 ? std::nullopt : std::optional<double>(0.5 * (i % 11));
            l.status = i % 13 == 0 ? LeadStatus::fromString(QStringLiteral("lost")) : l.status;
            // Resolved in more and in less than a day, across hour boundaries.
            l.updatedAt = l.createdAt.addSecs(i % 2 ? 86400 + i : 3599 - i);
            if (i % 9 == 0)
                l.tags << hostile.at(i % hostile.size()).text << l.tags.value(0);
            if (i % 17 == 0)
                l.tags << QStringLiteral("cut") + QChar(0) + QStringLiteral("here");
        }
        // A page with a lead twice: the second copy is an update of the first.
        Lead twice = leads.at(7);
        twice.updatedAt = twice.updatedAt.addSecs(60);
        twice.status = LeadStatus::fromString(QStringLiteral("closed"));
        leads << twice;
        QVERIFY(store.upsert(leads.mid(0, 150)).ok());
        QVERIFY(store.upsert(leads.mid(150)).ok());
        compareDerivedTablesWithTheRows();
        // Updates of leads that came in by either path keep them exact too.
        QList<Lead> changed;
        for (int i = 0; i < 300; i += 7) {
            Lead l = leads.at(i);
            l.updatedAt = l.updatedAt.addSecs(7200);
            l.status = LeadStatus::fromString(QStringLiteral("booked"));
            l.tags = {QStringLiteral("changed")};
            changed << l;
        }
        QVERIFY(store.upsert(changed).ok());
        compareDerivedTablesWithTheRows();
    }

    void storesAndReadsBackEveryField()
    {
        LeadStore store = freshStore();
        Lead full = test::makeLead(10);
        Lead sparse = test::makeLead(11);
        sparse.email = QString();
        sparse.source = QString();
        sparse.assignedAgent = QString();
        sparse.score.reset();
        sparse.rating.reset();
        sparse.lastMessageAt = QDateTime();
        sparse.tags.clear();
        sparse.name = QStringLiteral("");
        QVERIFY(store.upsert({full, sparse}).ok());
        QCOMPARE(store.lead(10).value(), std::optional<Lead>(full));
        QCOMPARE(store.lead(11).value(), std::optional<Lead>(sparse));
        QVERIFY(!store.lead(12).value().has_value());
    }

    void keepsHostileStringsAndFindsThemLiterally_data()
    {
        QTest::addColumn<QString>("text");
        for (const auto &h : test::hostileStrings())
            QTest::newRow(h.label) << h.text;
        QTest::newRow("NUL inside") << (QStringLiteral("nul") + QChar(0) + QStringLiteral("byte"));
        QTest::newRow("like wildcards") << QStringLiteral("100%_sure");
    }

    void keepsHostileStringsAndFindsThemLiterally()
    {
        QFETCH(QString, text);
        LeadStore store = freshStore();
        QVERIFY(store.upsert(test::makeLeads(1, 20)).ok());
        Lead l = test::makeLead(99, text);
        l.tags = {text};
        l.assignedAgent = text;
        QVERIFY(store.upsert({l}).ok());
        QCOMPARE(store.lead(99).value(), std::optional<Lead>(l));
        QCOMPARE(store.totalCount().value(), 21);

        if (text.trimmed().isEmpty())
            return;
        LeadFilter f;
        f.search = text;
        auto found = store.window({f, {}, 50, 0, {}});
        QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().message));
        QVERIFY2(idsOf(*found).contains(99), qPrintable(text));
        // SQLite's JSON functions end a string at an escaped NUL, so the tag table
        // holds such a tag up to its NUL (the lead keeps all of it).
        LeadFilter byTag;
        byTag.tag = text.section(QChar(0), 0, 0);
        QCOMPARE(idsOf(store.window({byTag, {}, 50, 0, {}}).value()), QList<qint64>{99});
        LeadFilter byAgent;
        byAgent.assignedAgent = text;
        QCOMPARE(store.count(byAgent).value(), 1);
    }

    void aPageIsStoredWhollyOrNotAtAll()
    {
        LeadStore store = freshStore();
        QList<Lead> page = test::makeLeads(1, 50);
        page[37].createdAt = QDateTime(); // NOT NULL: SQLite refuses this row
        auto r = store.upsert(page);
        QVERIFY(!r.ok());
        QCOMPARE(store.totalCount().value(), 0);
        LeadFilter f;
        f.search = QStringLiteral("Lead 1");
        QCOMPARE(store.count(f).value(), 0);

#ifdef OUTPOST_TEST_HOOKS
        QVERIFY(store.upsert(test::makeLeads(1, 5)).ok());
        Database::failNthWrite(3);
        r = store.upsert(test::makeLeads(100, 5));
        Database::failNthWrite(0);
        QVERIFY(!r.ok());
        QCOMPARE(store.totalCount().value(), 5);
        QVERIFY(!store.lead(100).value().has_value());
#endif
    }

    void anOlderCopyNeverOverwritesANewerOne()
    {
        LeadStore store = freshStore();
        Lead now = test::makeLead(5);
        now.name = QStringLiteral("Newer");
        QVERIFY(store.upsert({now}).ok());
        Lead old = now;
        old.name = QStringLiteral("Older");
        old.updatedAt = now.updatedAt.addSecs(-60);
        QVERIFY(store.upsert({old}).ok());
        QCOMPARE(store.lead(5).value()->name, QStringLiteral("Newer"));
        Lead same = now;
        same.name = QStringLiteral("Same time, later in the page");
        QVERIFY(store.upsert({same}).ok());
        QCOMPARE(store.lead(5).value()->name, same.name);
    }

    void countsFollowInsertsUpdatesAndDeletes()
    {
        LeadStore store = freshStore();
        QVERIFY(store.upsert(test::makeLeads(1, 60)).ok());
        QCOMPARE(store.totalCount().value(), 60);
        QCOMPARE(store.countsByStatus().value().value(QStringLiteral("new")), 10);

        Lead moved = store.lead(6).value().value(); // id 6 is "new"
        QCOMPARE(moved.status.toString(), QStringLiteral("new"));
        moved.status = LeadStatus(LeadStatus::Booked);
        moved.updatedAt = moved.updatedAt.addSecs(1);
        QVERIFY(store.upsert({moved}).ok());
        auto counts = store.countsByStatus().value();
        QCOMPARE(counts.value(QStringLiteral("new")), 9);
        QCOMPARE(counts.value(QStringLiteral("booked")), 11);

        QVERIFY(store.remove({1, 2, 3}).ok());
        QCOMPARE(store.totalCount().value(), 57);
        LeadFilter f;
        f.status = QStringLiteral("booked");
        QCOMPARE(store.count(f).value(), 11 - 1); // id 3 was booked

        // The kept count agrees with counting the rows.
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM leads WHERE status = 'booked'")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), store.count(f).value());
    }

    void searchAndTagsFollowUpdates()
    {
        LeadStore store = freshStore();
        Lead l = test::makeLead(1, QStringLiteral("Original Name"));
        l.tags = {QStringLiteral("alpha")};
        QVERIFY(store.upsert({l}).ok());
        l.name = QStringLiteral("Renamed Person");
        l.tags = {QStringLiteral("beta")};
        l.updatedAt = l.updatedAt.addSecs(1);
        QVERIFY(store.upsert({l}).ok());

        LeadFilter f;
        f.search = QStringLiteral("original");
        QCOMPARE(store.count(f).value(), 0);
        f.search = QStringLiteral("renamed");
        QCOMPARE(store.count(f).value(), 1);
        f.search = QStringLiteral("re");
        QCOMPARE(store.count(f).value(), 1);
        f.search = QStringLiteral("or"); // word prefix of the old name only
        QCOMPARE(store.count(f).value(), 0);
        LeadFilter tag;
        tag.tag = QStringLiteral("alpha");
        QCOMPARE(store.count(tag).value(), 0);
        tag.tag = QStringLiteral("beta");
        QCOMPARE(store.count(tag).value(), 1);

        QVERIFY(store.remove({1}).ok());
        f.search = QStringLiteral("renamed");
        QCOMPARE(store.count(f).value(), 0);
        QCOMPARE(store.count(tag).value(), 0);
    }

    void searchMatches_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("substring, any case") << QStringLiteral("CART") << QList<qint64>{3, 1};
        QTest::newRow("substring inside a word") << QStringLiteral("arte") << QList<qint64>{1};
        QTest::newRow("non-ascii case-insensitive") << QStringLiteral("ÅNGST") << QList<qint64>{2};
        QTest::newRow("word prefix, 2 letters") << QStringLiteral("jo") << QList<qint64>{3, 1};
        QTest::newRow("word prefix, 1 letter") << QStringLiteral("z") << QList<qint64>{2};
        QTest::newRow("prefix without diacritics") << QStringLiteral("an") << QList<qint64>{2};
        QTest::newRow("phone digits") << QStringLiteral("5550000002") << QList<qint64>{2};
        QTest::newRow("phone with plus") << QStringLiteral("+1555") << QList<qint64>{4, 3, 2, 1};
        QTest::newRow("email") << QStringLiteral("zoe@exa") << QList<qint64>{2};
        QTest::newRow("tag") << QStringLiteral("spring") << QList<qint64>{3};
        QTest::newRow("two terms AND-ed") << QStringLiteral("john vip") << QList<qint64>{1};
        QTest::newRow("long and short terms") << QStringLiteral("carter jo") << QList<qint64>{1};
        QTest::newRow("cjk") << QStringLiteral("李小龙") << QList<qint64>{4};
        QTest::newRow("cjk two characters") << QStringLiteral("李小") << QList<qint64>{4};
        QTest::newRow("emoji pair, literal") << QStringLiteral("🚀🔥") << QList<qint64>{4};
        QTest::newRow("percent is literal") << QStringLiteral("%") << QList<qint64>{3};
        QTest::newRow("underscore is literal") << QStringLiteral("_o") << QList<qint64>{3};
        QTest::newRow("fts operators are literal") << QStringLiteral("john OR zoe") << QList<qint64>{};
        QTest::newRow("quote") << QStringLiteral("\"") << QList<qint64>{};
        QTest::newRow("no match") << QStringLiteral("xyzzy") << QList<qint64>{};
    }

    void searchMatches()
    {
        QFETCH(QString, query);
        QFETCH(QList<qint64>, expected);
        LeadStore store = freshStore();
        QList<Lead> leads = test::makeLeads(1, 4);
        leads[0].name = QStringLiteral("John Carter");
        leads[0].tags = {QStringLiteral("vip")};
        leads[1].name = QStringLiteral("Zoë Ångström");
        leads[1].email = QStringLiteral("zoe@example.com");
        leads[1].tags = {};
        leads[2].name = QStringLiteral("Jonah Cartwright");
        leads[2].tags = {QStringLiteral("spring"), QStringLiteral("50%_off")};
        leads[3].name = QStringLiteral("李小龙 🚀🔥");
        leads[3].tags = {};
        QVERIFY(store.upsert(leads).ok());

        LeadFilter f;
        f.search = query;
        auto found = store.window({f, {}, 100, 0, {}});
        QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().message));
        QCOMPARE(idsOf(*found), expected);
        QCOMPARE(store.count(f).value(), expected.size());
    }

    void windowsFollowEverySortBothWays_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("order");
        const std::pair<const char *, LeadSort::Key> keys[] = {
            {"newest", LeadSort::Key::Newest},
            {"updated", LeadSort::Key::UpdatedAt},
            {"created", LeadSort::Key::CreatedAt},
            {"name", LeadSort::Key::Name},
            {"last message", LeadSort::Key::LastMessageAt},
            {"status", LeadSort::Key::Status},
        };
        for (const auto &[label, key] : keys) {
            QTest::addRow("%s ascending", label) << int(key) << int(Qt::AscendingOrder);
            QTest::addRow("%s descending", label) << int(key) << int(Qt::DescendingOrder);
        }
    }

    void windowsFollowEverySortBothWays()
    {
        QFETCH(int, key);
        QFETCH(int, order);
        LeadStore store = freshStore();
        QList<Lead> leads = variedLeads(230);
        // Long runs of one key (a common name, no message yet, one update time):
        // windows after a cursor inside such a run must not skip or repeat a lead.
        for (qsizetype i = 0; i < leads.size(); i += 3) {
            leads[i].name = QStringLiteral("Same Name");
            leads[i].lastMessageAt = QDateTime();
            leads[i].updatedAt = leads[0].createdAt;
        }
        QVERIFY(store.upsert(leads).ok());

        const LeadSort sort{LeadSort::Key(key), Qt::SortOrder(order)};
        QList<Lead> expected = leads;
        std::sort(expected.begin(), expected.end(), [&](const Lead &a, const Lead &b) {
            int c = compareKeys(a, b, sort.key);
            if (c == 0)
                c = a.id < b.id ? -1 : 1;
            return sort.order == Qt::AscendingOrder ? c < 0 : c > 0;
        });

        // Keyset: each window continues after the last row of the previous one.
        QList<qint64> viaKeyset;
        std::optional<LeadCursor> after;
        for (;;) {
            auto window = store.window({{}, sort, 40, 0, after});
            QVERIFY(window.ok());
            if (window->isEmpty())
                break;
            viaKeyset += idsOf(*window);
            const Lead &last = window->last();
            after = LeadCursor{LeadSql::sortValue(last, sort.key), last.id};
        }
        QCOMPARE(viaKeyset, idsOf(expected));

        // A cursor and rows skipped after it, as the list model reads a block
        // beyond the last one it holds.
        for (const qsizetype at : {qsizetype(0), qsizetype(5), qsizetype(77), qsizetype(150)}) {
            const Lead &cursorLead = expected.at(at);
            const LeadCursor cursor{LeadSql::sortValue(cursorLead, sort.key), cursorLead.id};
            auto skipped = store.window({{}, sort, 30, 12, cursor});
            QVERIFY(skipped.ok());
            QCOMPARE(idsOf(*skipped), idsOf(expected.mid(at + 1 + 12, 30)));
        }

        // Offset: a jump straight to the last rows lands on the same rows.
        auto tail = store.window({{}, sort, 40, 200, {}});
        QVERIFY(tail.ok());
        QCOMPARE(idsOf(*tail), idsOf(expected.mid(200)));
    }

    void filtersMatchTheirDefinition_data()
    {
        QTest::addColumn<QString>("assignment");
        for (const char *a :
             {"status=qualified", "status=archived", "channel=sms", "tag=vip", "tag=50%_off", "source=web_form",
              "assigned_agent=Maria", "created_after=2026-05-01T12:00:00Z", "created_before=2026-05-01T13:00:00Z",
              "last_message_before=2026-05-01T14:00:00Z", "escalated=true", "escalated=false", "search=jo"})
            QTest::newRow(a) << QString::fromLatin1(a);
    }

    void filtersMatchTheirDefinition()
    {
        QFETCH(QString, assignment);
        LeadStore store = freshStore();
        const QList<Lead> leads = variedLeads(230);
        QVERIFY(store.upsert(leads).ok());
        LeadFilter f;
        QVERIFY(f.set(assignment).ok());

        const std::function<bool(const Lead &)> predicate = [&f](const Lead &l) {
            if (!f.status.isEmpty() && l.status.toString() != f.status)
                return false;
            if (!f.channel.isEmpty() && l.channel != f.channel)
                return false;
            if (!f.tag.isEmpty() && !l.tags.contains(f.tag))
                return false;
            if (!f.source.isEmpty() && l.source != f.source)
                return false;
            if (!f.assignedAgent.isEmpty() && l.assignedAgent != f.assignedAgent)
                return false;
            if (f.createdAfter.isValid() && !(l.createdAt >= f.createdAfter))
                return false;
            if (f.createdBefore.isValid() && !(l.createdAt < f.createdBefore))
                return false;
            if (f.lastMessageBefore.isValid() && !(l.lastMessageAt.isValid() && l.lastMessageAt < f.lastMessageBefore))
                return false;
            if (f.escalated && l.escalated != *f.escalated)
                return false;
            if (!f.search.isEmpty()) {
                // "jo": a word of the name starts with it.
                const QStringList words = l.name.toLower().split(QRegularExpression(QStringLiteral("\\W+")));
                if (std::none_of(words.begin(), words.end(),
                                 [](const QString &w) { return w.startsWith(QStringLiteral("jo")); }))
                    return false;
            }
            return true;
        };
        QList<qint64> expected;
        for (auto it = leads.crbegin(); it != leads.crend(); ++it) {
            if (predicate(*it))
                expected << it->id;
        }
        QVERIFY2(!expected.isEmpty(), "the data set exercises this filter");
        auto all = store.window({f, {}, 1000, 0, {}});
        QVERIFY(all.ok());
        QCOMPARE(idsOf(*all), expected);
        QCOMPARE(store.count(f).value(), expected.size());
        QCOMPARE(store.count(f, 3).value(), std::min<qint64>(3, expected.size()));
    }

    void detailsAreReplacedAndRemovedWithTheirLead()
    {
        LeadStore store = freshStore();
        LeadDetail d;
        d.lead = test::makeLead(7);
        const QDateTime t(QDate(2026, 5, 2), QTime(9, 0), Qt::UTC);
        d.messages = {
            Message{QStringLiteral("2"), Message::Direction::Out, QStringLiteral("Maria"), QStringLiteral("second"),
                    QStringLiteral("sms"), t.addSecs(60)},
            Message{QStringLiteral("1"), Message::Direction::In, QString(), QStringLiteral("first"), QString(), t}};
        d.notes = {Note{QStringLiteral("n1"), QStringLiteral("Maria"), QStringLiteral("call back"), t}};
        d.appointments = {Appointment{QStringLiteral("a1"), QStringLiteral("2026-05-15 14:00"),
                                      QStringLiteral("Consultation"), QStringLiteral("scheduled")}};
        QVERIFY(!store.detailsFetchedAt(7).value().isValid());
        QVERIFY(store.saveDetail(d).ok());
        QVERIFY(store.detailsFetchedAt(7).value().isValid());

        auto back = store.detail(7).value();
        QVERIFY(back.has_value());
        QCOMPARE(back->messages.size(), 2);
        QCOMPARE(back->messages.at(0).text, QStringLiteral("first")); // time order
        QVERIFY(back->messages.at(0).author.isNull());
        QCOMPARE(back->notes, d.notes);
        QCOMPARE(back->appointments, d.appointments);

        d.messages = {d.messages.at(1)};
        d.notes.clear();
        QVERIFY(store.saveDetail(d).ok());
        back = store.detail(7).value();
        QCOMPARE(back->messages.size(), 1);
        QVERIFY(back->notes.isEmpty());

        QVERIFY(store.remove({7}).ok());
        QVERIFY(!store.detail(7).value().has_value());
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT (SELECT count(*) FROM messages) + (SELECT count(*) FROM appointments)")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void derivedTablesMatchARebuildAfterRandomWrites()
    {
        LeadStore store = freshStore();
        QList<Lead> leads = variedLeads(120);
        QVERIFY(store.upsert(leads).ok());
        std::mt19937 rng(7);
        for (int round = 0; round < 300; ++round) {
            Lead l = leads.at(static_cast<int>(rng() % leads.size()));
            l.updatedAt = l.updatedAt.addSecs(round + 1);
            switch (rng() % 5) {
            case 0:
                l.name = QStringLiteral("Renamed %1").arg(round);
                break;
            case 1:
                l.tags = {QStringLiteral("t%1").arg(rng() % 4)};
                break;
            case 2:
                l.status = LeadStatus::pipeline().at(static_cast<int>(rng() % 6));
                break;
            case 3:
                QVERIFY(store.remove({l.id}).ok());
                continue;
            default:
                l.updatedAt = l.updatedAt.addDays(-30); // stale: must change nothing
                l.name = QStringLiteral("Stale %1").arg(round);
                break;
            }
            QVERIFY(store.upsert({l}).ok());
            leads[static_cast<int>(l.id - 1)] = l;
        }

        auto snapshot = [&] {
            QStringList out;
            QSqlQuery q(m_db->connection());
            q.exec(QStringLiteral("SELECT tag || '/' || lead_id FROM lead_tags ORDER BY 1"));
            while (q.next())
                out << q.value(0).toString();
            q.exec(QStringLiteral("SELECT status || '=' || n FROM lead_counts WHERE n != 0 ORDER BY 1"));
            while (q.next())
                out << q.value(0).toString();
            for (const char *term : {"ren", "med", "jo", "r", "stale", "vip", "t1", "cold", "555"}) {
                LeadFilter f;
                f.search = QString::fromLatin1(term);
                out << QStringLiteral("%1:%2").arg(QLatin1StringView(term)).arg(store.count(f).value());
            }
            return out;
        };
        const QStringList incremental = snapshot();
        QVERIFY(m_db->begin().ok());
        QVERIFY(LeadIndexWriter::rebuildAll(*m_db).ok());
        QVERIFY(m_db->commit().ok());
        QCOMPARE(incremental, snapshot());
    }

    void distinctValuesListWhatTheFilterMenusOffer()
    {
        LeadStore store = freshStore();
        QList<Lead> leads = variedLeads(90);
        leads[5].tags = {QStringLiteral("zeta"), QString()};
        leads[6].assignedAgent = QStringLiteral("Robert'); DROP TABLE leads;--");
        QVERIFY(store.upsert(leads).ok());
        QStringList tags, channels, agents;
        for (const Lead &l : std::as_const(leads)) {
            for (const QString &t : l.tags) {
                if (!t.isEmpty() && !tags.contains(t))
                    tags << t;
            }
            if (!l.channel.isEmpty() && !channels.contains(l.channel))
                channels << l.channel;
            if (!l.assignedAgent.isEmpty() && !agents.contains(l.assignedAgent))
                agents << l.assignedAgent;
        }
        // SQLite orders by UTF-8 bytes; these values are ASCII.
        tags.sort();
        channels.sort();
        agents.sort();
        QCOMPARE(store.distinctValues(LeadStore::Field::Tag).value(), tags);
        QCOMPARE(store.distinctValues(LeadStore::Field::Channel).value(), channels);
        QCOMPARE(store.distinctValues(LeadStore::Field::Agent).value(), agents);
        QCOMPARE(store.distinctValues(LeadStore::Field::Tag, 2).value(), tags.mid(0, 2));
    }

    void searchIndexAgreesWithAScan()
    {
        // The index and a plain scan of the same rows must agree for every 3-letter query.
        LeadStore store = freshStore();
        const QList<Lead> leads = variedLeads(230);
        QVERIFY(store.upsert(leads).ok());
        for (const char *q : {"joh", "ohn", "art", "ngs", "ström", "555", "com", "vip", "off", "drop", "<sc"}) {
            LeadFilter f;
            f.search = QString::fromUtf8(q);
            qint64 expected = 0;
            for (const Lead &l : leads) {
                const QString hay = (l.name + QLatin1Char('\n') + l.phone + QLatin1Char('\n') + l.email +
                                     QLatin1Char('\n') + l.tags.join(QLatin1Char('\n')))
                                        .toLower();
                expected += hay.contains(f.search.toLower()) ? 1 : 0;
            }
            QCOMPARE(store.count(f).value(), expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestLeadStore)
#include "tst_leadstore.moc"
