#include "HostileStrings.h"
#include "TestLeads.h"
#include "domain/LeadCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace outpost;

namespace {

QJsonObject fullLeadJson()
{
    return QJsonDocument::fromJson(R"({
        "id": 1024, "name": "John Carter", "phone": "+15551234567", "email": "john@example.com",
        "status": "qualified", "channel": "whatsapp", "source": "web_form", "tags": ["vip", "spring-promo"],
        "assigned_agent": "Maria", "escalated": false, "score": 82, "rating": 4.5,
        "created_at": "2026-05-01T10:00:00Z", "updated_at": "2026-05-03T08:12:45Z",
        "last_message_at": "2026-05-03T08:12:40Z"})")
        .object();
}

QByteArray bytesOf(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray with(const char *key, const QJsonValue &value)
{
    QJsonObject o = fullLeadJson();
    o.insert(QLatin1StringView(key), value);
    return bytesOf(o);
}

QByteArray without(const char *key)
{
    QJsonObject o = fullLeadJson();
    o.remove(QLatin1StringView(key));
    return bytesOf(o);
}

Result<Lead> decode(const QByteArray &bytes)
{
    auto object = LeadCodec::parseObject(bytes);
    if (!object)
        return object.error();
    return LeadCodec::leadFromJson(*object);
}

QByteArray nested(int depth)
{
    QByteArray open, close;
    for (int i = 0; i < depth; ++i) {
        open += "{\"x\":";
        close += "}";
    }
    QByteArray doc = bytesOf(fullLeadJson());
    doc.chop(1);
    return doc + ",\"extra\":" + open + "1" + close + "}";
}

} // namespace

class TestLeadCodec : public QObject
{
    Q_OBJECT

private slots:
    void decodesEveryField()
    {
        auto lead = decode(bytesOf(fullLeadJson()));
        QVERIFY2(lead.ok(), qPrintable(lead.ok() ? QString() : lead.error().message));
        QCOMPARE(lead->id, 1024);
        QCOMPARE(lead->name, QStringLiteral("John Carter"));
        QCOMPARE(lead->phone, QStringLiteral("+15551234567"));
        QCOMPARE(lead->email, QStringLiteral("john@example.com"));
        QCOMPARE(lead->status.stage(), LeadStatus::Qualified);
        QCOMPARE(lead->channel, QStringLiteral("whatsapp"));
        QCOMPARE(lead->source, QStringLiteral("web_form"));
        QCOMPARE(lead->tags, (QStringList{QStringLiteral("vip"), QStringLiteral("spring-promo")}));
        QCOMPARE(lead->assignedAgent, QStringLiteral("Maria"));
        QCOMPARE(lead->escalated, false);
        QCOMPARE(lead->score, std::optional<int>(82));
        QCOMPARE(lead->rating, std::optional<double>(4.5));
        QCOMPARE(lead->createdAt, QDateTime(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(lead->updatedAt, QDateTime(QDate(2026, 5, 3), QTime(8, 12, 45), Qt::UTC));
        QCOMPARE(lead->lastMessageAt, QDateTime(QDate(2026, 5, 3), QTime(8, 12, 40), Qt::UTC));
    }

    void nullAndMissingOptionalFields_data()
    {
        QTest::addColumn<QByteArray>("json");
        for (const char *key : {"email", "source", "assigned_agent", "score", "rating", "last_message_at", "tags"}) {
            QTest::addRow("%s null", key) << with(key, QJsonValue::Null);
            QTest::addRow("%s missing", key) << without(key);
        }
    }

    void nullAndMissingOptionalFields()
    {
        QFETCH(QByteArray, json);
        auto lead = decode(json);
        QVERIFY2(lead.ok(), qPrintable(lead.ok() ? QString() : lead.error().message));
        QCOMPARE(lead->id, 1024);
    }

    void nullsBecomeAbsentValues()
    {
        QJsonObject o = fullLeadJson();
        for (const char *key : {"email", "source", "assigned_agent", "score", "rating", "last_message_at", "tags"})
            o.insert(QLatin1StringView(key), QJsonValue::Null);
        auto lead = decode(bytesOf(o));
        QVERIFY(lead.ok());
        QVERIFY(lead->email.isNull());
        QVERIFY(lead->source.isNull());
        QVERIFY(lead->assignedAgent.isNull());
        QVERIFY(!lead->score.has_value());
        QVERIFY(!lead->rating.has_value());
        QVERIFY(!lead->lastMessageAt.isValid());
        QVERIFY(lead->tags.isEmpty());
    }

    void rejectsBadInputNamingTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        for (const char *key : {"id", "name", "status", "created_at", "updated_at"})
            QTest::addRow("missing %s", key)
                << without(key) << QStringLiteral("lead.%1: missing").arg(QLatin1StringView(key));
        QTest::newRow("id as string") << with("id", QStringLiteral("1024"))
                                      << QStringLiteral("lead.id: expected an integer, got a string");
        QTest::newRow("id fractional") << with("id", 1.5) << QStringLiteral("lead.id: expected a positive integer");
        QTest::newRow("id negative") << with("id", -3) << QStringLiteral("lead.id: expected a positive integer");
        QTest::newRow("id too large") << with("id", 1e300) << QStringLiteral("lead.id: expected a positive integer");
        QTest::newRow("name as number") << with("name", 5)
                                        << QStringLiteral("lead.name: expected a string, got a number");
        QTest::newRow("status as bool") << with("status", true)
                                        << QStringLiteral("lead.status: expected a string, got a boolean");
        QTest::newRow("email as object") << with("email", QJsonObject{})
                                         << QStringLiteral("lead.email: expected a string, got an object");
        QTest::newRow("tags as string") << with("tags", QStringLiteral("vip"))
                                        << QStringLiteral("lead.tags: expected an array of strings, got a string");
        QTest::newRow("tag as number") << with("tags", QJsonArray{QStringLiteral("vip"), 3})
                                       << QStringLiteral("lead.tags: item 1: expected a string, got a number");
        QTest::newRow("score as string") << with("score", QStringLiteral("82"))
                                         << QStringLiteral("lead.score: expected an integer, got a string");
        QTest::newRow("score fractional")
            << with("score", 82.5) << QStringLiteral("lead.score: expected an integer, got 82.5");
        QTest::newRow("rating as string")
            << with("rating", QStringLiteral("4.5")) << QStringLiteral("lead.rating: expected a number, got a string");
        QTest::newRow("escalated as string") << with("escalated", QStringLiteral("false"))
                                             << QStringLiteral("lead.escalated: expected a boolean, got a string");
        QTest::newRow("created_at as number")
            << with("created_at", 1746093600)
            << QStringLiteral("lead.created_at: expected an ISO 8601 time, got a number");
        QTest::newRow("created_at garbage") << with("created_at", QStringLiteral("yesterday"))
                                            << QStringLiteral("lead.created_at: not an ISO 8601 time");
        QTest::newRow("updated_at month 13") << with("updated_at", QStringLiteral("2026-13-01T00:00:00Z"))
                                             << QStringLiteral("lead.updated_at: not an ISO 8601 time");
        QTest::newRow("last_message_at date only") << with("last_message_at", QStringLiteral("2026-05-01"))
                                                   << QStringLiteral("lead.last_message_at: not an ISO 8601 time");
    }

    void rejectsBadInputNamingTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        auto lead = decode(json);
        QVERIFY(!lead.ok());
        QVERIFY2(lead.error().message.startsWith(expected), qPrintable(lead.error().message));
    }

    void rejectsDocumentsThatAreNotALead_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("whitespace") << QByteArray(" \n ") << QStringLiteral("empty");
        QTest::newRow("html error page") << QByteArray("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>")
                                         << QStringLiteral("HTML");
        QTest::newRow("truncated") << bytesOf(fullLeadJson()).left(40) << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("array, not an object");
        QTest::newRow("string") << QByteArray("\"lead\"") << QStringLiteral("not valid JSON");
        QTest::newRow("invalid utf-8") << QByteArray("{\"id\":1,\"name\":\"\xff\xfe\"}")
                                       << QStringLiteral("not valid JSON");
        QTest::newRow("raw NUL byte") << QByteArray("{\"id\":1,\"name\":\"a\0b\"}", 20)
                                      << QStringLiteral("not valid JSON");
        QTest::newRow("2000 levels deep") << nested(2000) << QStringLiteral("not valid JSON");
    }

    void rejectsDocumentsThatAreNotALead()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        auto lead = decode(bytes);
        QVERIFY(!lead.ok());
        QVERIFY2(lead.error().message.contains(expected), qPrintable(lead.error().message));
    }

    void acceptsModerateNestingInUnknownFields()
    {
        auto lead = decode(nested(200));
        QVERIFY2(lead.ok(), qPrintable(lead.ok() ? QString() : lead.error().message));
    }

    void keepsUnknownStatusVerbatim()
    {
        auto lead = decode(with("status", QStringLiteral("Archived-2024")));
        QVERIFY(lead.ok());
        QVERIFY(!lead->status.isKnown());
        QCOMPARE(lead->status.toString(), QStringLiteral("Archived-2024"));
        QCOMPARE(LeadCodec::leadToJson(*lead).value(QLatin1StringView("status")).toString(),
                 QStringLiteral("Archived-2024"));
    }

    void ignoresUnknownFields()
    {
        QJsonObject o = fullLeadJson();
        o.insert(QLatin1StringView("crm_internal"), QJsonObject{{QLatin1StringView("a"), QJsonArray{1, 2}}});
        o.insert(QLatin1StringView("x_score_v2"), QStringLiteral("high"));
        auto lead = decode(bytesOf(o));
        QVERIFY(lead.ok());
        QCOMPARE(lead->id, 1024);
    }

    void keepsOneMegabyteStrings()
    {
        const QString big(1024 * 1024, QLatin1Char('x'));
        auto lead = decode(with("name", big));
        QVERIFY(lead.ok());
        QCOMPARE(lead->name.size(), big.size());
    }

    void keepsEscapedNulCharacters()
    {
        auto lead = decode(with("name", QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"))));
        QVERIFY(lead.ok());
        QCOMPARE(lead->name.size(), 3);
        QCOMPARE(lead->name.at(1), QChar(0));
    }

    void acceptsTimesWithOffsetsAndFractions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime t(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC);
        QTest::newRow("Z") << QStringLiteral("2026-05-01T10:00:00Z") << t;
        QTest::newRow("offset") << QStringLiteral("2026-05-01T12:00:00+02:00") << t;
        QTest::newRow("no zone means UTC") << QStringLiteral("2026-05-01T10:00:00") << t;
        QTest::newRow("milliseconds") << QStringLiteral("2026-05-01T10:00:00.250Z") << t.addMSecs(250);
        QTest::newRow("space separator") << QStringLiteral("2026-05-01 10:00:00Z") << t;
    }

    void acceptsTimesWithOffsetsAndFractions()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        auto lead = decode(with("created_at", text));
        QVERIFY2(lead.ok(), qPrintable(lead.ok() ? QString() : lead.error().message));
        QCOMPARE(lead->createdAt, expected);
    }

    void roundTripsHostileStrings_data()
    {
        QTest::addColumn<QString>("text");
        for (const auto &h : test::hostileStrings())
            QTest::newRow(h.label) << h.text;
    }

    void roundTripsHostileStrings()
    {
        QFETCH(QString, text);
        Lead lead = test::makeLead(7, text);
        lead.tags = {text, QStringLiteral("vip")};
        lead.assignedAgent = text;
        const QByteArray bytes = bytesOf(LeadCodec::leadToJson(lead));
        auto back = decode(bytes);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back->name, text);
        QCOMPARE(back->tags.first(), text);
        QCOMPARE(*back, lead);
    }

    void roundTripsAFullDetail()
    {
        LeadDetail d;
        d.lead = test::makeLead(42);
        d.messages = {Message{QStringLiteral("m1"), Message::Direction::In, QStringLiteral("John"),
                              QStringLiteral("Hi"), QStringLiteral("whatsapp"),
                              QDateTime(QDate(2026, 5, 2), QTime(9, 0), Qt::UTC)},
                      Message{QStringLiteral("m2"), Message::Direction::Out, QStringLiteral("Maria"),
                              QStringLiteral("Hello!"), QString(), QDateTime(QDate(2026, 5, 2), QTime(9, 1), Qt::UTC)}};
        d.notes = {Note{QStringLiteral("7"), QStringLiteral("Maria"), QStringLiteral("Call back"),
                        QDateTime(QDate(2026, 5, 2), QTime(10, 0), Qt::UTC)}};
        d.appointments = {Appointment{QStringLiteral("3"), QStringLiteral("2026-05-15 14:00"),
                                      QStringLiteral("Consultation"), QStringLiteral("scheduled")}};
        auto back = LeadCodec::detailFromJson(LeadCodec::detailToJson(d));
        QVERIFY(back.ok());
        QCOMPARE(*back, d);
    }

    void detailErrorsNameTheNestedField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        auto withDetail = [](const char *key, const QJsonValue &value) {
            QJsonObject o = fullLeadJson();
            o.insert(QLatin1StringView(key), value);
            return o;
        };
        const QJsonObject goodMessage{{QLatin1StringView("id"), 1},
                                      {QLatin1StringView("direction"), QStringLiteral("in")},
                                      {QLatin1StringView("text"), QStringLiteral("hi")},
                                      {QLatin1StringView("sent_at"), QStringLiteral("2026-05-02T09:00:00Z")}};
        QJsonObject badDirection = goodMessage;
        badDirection.insert(QLatin1StringView("direction"), QStringLiteral("sideways"));
        QJsonObject noText = goodMessage;
        noText.remove(QLatin1StringView("text"));
        QTest::newRow("messages not an array")
            << bytesOf(withDetail("messages", 3)) << QStringLiteral("lead.messages: expected an array");
        QTest::newRow("message not an object") << bytesOf(withDetail("messages", QJsonArray{goodMessage, 5}))
                                               << QStringLiteral("lead.messages[1]: expected an object");
        QTest::newRow("bad direction") << bytesOf(withDetail("messages", QJsonArray{badDirection}))
                                       << QStringLiteral("lead.messages[0].direction: expected \"in\" or \"out\"");
        QTest::newRow("message without text") << bytesOf(withDetail("messages", QJsonArray{goodMessage, noText}))
                                              << QStringLiteral("lead.messages[1].text: missing");
        QTest::newRow("note without created_at")
            << bytesOf(withDetail("notes", QJsonArray{QJsonObject{{QLatin1StringView("id"), 1},
                                                                  {QLatin1StringView("text"), QStringLiteral("x")}}}))
            << QStringLiteral("lead.notes[0].created_at: missing");
        QTest::newRow("appointment id bool")
            << bytesOf(withDetail("appointments", QJsonArray{QJsonObject{{QLatin1StringView("id"), true},
                                                                         {QLatin1StringView("datetime"),
                                                                          QStringLiteral("2026-05-15 14:00")}}}))
            << QStringLiteral("lead.appointments[0].id: expected an integer or a non-empty string");
    }

    void detailErrorsNameTheNestedField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        auto detail = LeadCodec::detailFromJson(LeadCodec::parseObject(json).value());
        QVERIFY(!detail.ok());
        QVERIFY2(detail.error().message.startsWith(expected), qPrintable(detail.error().message));
    }

    void decodesPagesWithAndWithoutOptionalParts()
    {
        const QJsonObject lead = fullLeadJson();
        auto full =
            LeadCodec::pageFromBytes(bytesOf(QJsonObject{{QLatin1StringView("ok"), true},
                                                         {QLatin1StringView("leads"), QJsonArray{lead}},
                                                         {QLatin1StringView("total"), 1234},
                                                         {QLatin1StringView("next_cursor"), QStringLiteral("abc")},
                                                         {QLatin1StringView("deleted"), QJsonArray{5, 6}}}));
        QVERIFY(full.ok());
        QCOMPARE(full->leads.size(), 1);
        QCOMPARE(full->total, std::optional<qint64>(1234));
        QCOMPARE(full->nextCursor, QStringLiteral("abc"));
        QCOMPARE(full->deleted, (QList<qint64>{5, 6}));

        auto minimal = LeadCodec::pageFromBytes(bytesOf(QJsonObject{
            {QLatin1StringView("leads"), QJsonArray{lead}}, {QLatin1StringView("next_cursor"), QJsonValue::Null}}));
        QVERIFY(minimal.ok());
        QVERIFY(!minimal->total.has_value());
        QVERIFY(minimal->nextCursor.isNull());
        QVERIFY(minimal->deleted.isEmpty());
    }

    void pageErrorsNameTheLead()
    {
        QJsonObject bad = fullLeadJson();
        bad.insert(QLatin1StringView("score"), QStringLiteral("high"));
        auto page = LeadCodec::pageFromBytes(
            bytesOf(QJsonObject{{QLatin1StringView("leads"), QJsonArray{fullLeadJson(), fullLeadJson(), bad}}}));
        QVERIFY(!page.ok());
        QVERIFY2(page.error().message.startsWith(QStringLiteral("leads[2].score:")), qPrintable(page.error().message));

        auto noLeads = LeadCodec::pageFromBytes(QByteArray(R"({"ok": true})"));
        QVERIFY(!noLeads.ok());
        QVERIFY(noLeads.error().message.startsWith(QStringLiteral("leads: expected an array")));
    }
};

QTEST_GUILESS_MAIN(TestLeadCodec)
#include "tst_leadcodec.moc"
