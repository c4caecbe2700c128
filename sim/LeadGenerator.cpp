#include "LeadGenerator.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace outpost::sim {

namespace {

// splitmix64: a tiny, good-enough generator that is cheap to seed per lead.
class Random
{
public:
    explicit Random(quint64 seed)
        : m_state(seed)
    {}

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<quint64>(n)); }
    bool chance(double p) { return static_cast<double>(next() % 1000000) < p * 1000000.0; }
    template <typename T>
    const T &pick(const QList<T> &list)
    {
        return list.at(below(static_cast<int>(list.size())));
    }

private:
    quint64 m_state;
};

struct NamePool
{
    QStringList first;
    QStringList last;
    QString countryCode;
};

const QList<NamePool> &namePools()
{
    static const QList<NamePool> pools = {
        {{QStringLiteral("John"), QStringLiteral("Emma"), QStringLiteral("Olivia"), QStringLiteral("Liam"),
          QStringLiteral("Noah"), QStringLiteral("Ava"), QStringLiteral("Mason"), QStringLiteral("Harper")},
         {QStringLiteral("Carter"), QStringLiteral("Smith"), QStringLiteral("Johnson"), QStringLiteral("Brown"),
          QStringLiteral("O'Neil"), QStringLiteral("Walker"), QStringLiteral("Young")},
         QStringLiteral("1")},
        {{QStringLiteral("María"), QStringLiteral("José"), QStringLiteral("Lucía"), QStringLiteral("Mateo"),
          QStringLiteral("Sofía")},
         {QStringLiteral("García"), QStringLiteral("Fernández"), QStringLiteral("López"), QStringLiteral("Núñez")},
         QStringLiteral("34")},
        {{QStringLiteral("Jürgen"), QStringLiteral("Anna"), QStringLiteral("Lukas"), QStringLiteral("Greta")},
         {QStringLiteral("Müller"), QStringLiteral("Schröder"), QStringLiteral("Weiß"), QStringLiteral("Becker")},
         QStringLiteral("49")},
        {{QStringLiteral("Zoë"), QStringLiteral("Chloé"), QStringLiteral("Léo"), QStringLiteral("Amélie")},
         {QStringLiteral("Dubois"), QStringLiteral("Lefèvre"), QStringLiteral("Moreau")},
         QStringLiteral("33")},
        {{QStringLiteral("Åsa"), QStringLiteral("Björn"), QStringLiteral("Sigrid"), QStringLiteral("Øystein")},
         {QStringLiteral("Ångström"), QStringLiteral("Lindqvist"), QStringLiteral("Søndergaard")},
         QStringLiteral("46")},
        {{QStringLiteral("محمد"), QStringLiteral("فاطمة"), QStringLiteral("أحمد"), QStringLiteral("ليلى")},
         {QStringLiteral("العلي"), QStringLiteral("الحسن"), QStringLiteral("منصور")},
         QStringLiteral("971")},
        {{QStringLiteral("小龙"), QStringLiteral("伟"), QStringLiteral("芳"), QStringLiteral("静")},
         {QStringLiteral("李"), QStringLiteral("王"), QStringLiteral("张"), QStringLiteral("刘")},
         QStringLiteral("86")},
        {{QStringLiteral("花子"), QStringLiteral("健二"), QStringLiteral("陽菜")},
         {QStringLiteral("佐藤"), QStringLiteral("鈴木"), QStringLiteral("高橋")},
         QStringLiteral("81")},
        {{QStringLiteral("Иван"), QStringLiteral("Ольга"), QStringLiteral("Дмитрий"), QStringLiteral("Анна")},
         {QStringLiteral("Петров"), QStringLiteral("Смирнова"), QStringLiteral("Кузнецов")},
         QStringLiteral("7")},
        {{QStringLiteral("अर्जुन"), QStringLiteral("प्रिया"), QStringLiteral("Rahul"), QStringLiteral("Ananya")},
         {QStringLiteral("शर्मा"), QStringLiteral("Patel"), QStringLiteral("Iyer")},
         QStringLiteral("91")},
        {{QStringLiteral("Çağlar"), QStringLiteral("Ayşe"), QStringLiteral("Emre")},
         {QStringLiteral("Öztürk"), QStringLiteral("Yılmaz"), QStringLiteral("Şahin")},
         QStringLiteral("90")},
        {{QStringLiteral("An"), QStringLiteral("Linh"), QStringLiteral("Minh")},
         {QStringLiteral("Nguyễn Văn"), QStringLiteral("Trần Thị"), QStringLiteral("Lê")},
         QStringLiteral("84")},
        {{QStringLiteral("민준"), QStringLiteral("서연")},
         {QStringLiteral("김"), QStringLiteral("이")},
         QStringLiteral("82")},
        {{QStringLiteral("João"), QStringLiteral("Conceição"), QStringLiteral("Łukasz"), QStringLiteral("Zofia")},
         {QStringLiteral("Gonçalves"), QStringLiteral("Wróbel"), QStringLiteral("Szczęsny")},
         QStringLiteral("48")},
    };
    return pools;
}

// One lead in a thousand carries a string from the test tables' hostile list.
const QStringList &hostileNames()
{
    static const QStringList names = {
        QStringLiteral("Robert'); DROP TABLE leads;--"),
        QStringLiteral("=HYPERLINK(\"http://x\",\"y\")"),
        QStringLiteral("+SUM(1+1)"),
        QStringLiteral("🚀🔥"),
        QStringLiteral("Line\nBreak"),
        QStringLiteral("Tab\tName"),
        QStringLiteral("%s%n"),
        QStringLiteral("<script>alert(1)</script>"),
        QStringLiteral("Ame\u0301lie Zalgo\u0336"),
    };
    return names;
}

bool eastAsianOrder(const QString &country)
{
    return country == QLatin1StringView("86") || country == QLatin1StringView("81") ||
           country == QLatin1StringView("82");
}

QString asciiLocalPart(const QString &first, const QString &last, qint64 id)
{
    QString base;
    const QString full = first + QLatin1Char('.') + last;
    for (const QChar c : full.normalized(QString::NormalizationForm_D)) {
        if (c.unicode() < 128 && (c.isLetterOrNumber() || c == QLatin1Char('.')))
            base += c.toLower();
    }
    if (base.size() < 3)
        base = QStringLiteral("lead");
    return base + QString::number(id);
}

} // namespace

LeadGenerator::LeadGenerator(quint64 seed, qint64 count, QDateTime now, int agentCount)
    : m_seed(seed)
    , m_count(std::max<qint64>(count, 1))
    , m_now(now.toUTC())
    , m_start(m_now.addDays(-90))
{
    static const QStringList allAgents = {QStringLiteral("Maria"), QStringLiteral("Ahmed"), QStringLiteral("Li Wei"),
                                          QStringLiteral("Sofia"), QStringLiteral("Jonas"), QStringLiteral("Priya"),
                                          QStringLiteral("Kenji"), QStringLiteral("Olga"),  QStringLiteral("Diego"),
                                          QStringLiteral("Amara")};
    m_agents = allAgents.mid(0, std::clamp(agentCount, 3, 10));
}

const QStringList &LeadGenerator::tagPool()
{
    static const QStringList tags = {QStringLiteral("vip"),        QStringLiteral("spring-promo"),
                                     QStringLiteral("newsletter"), QStringLiteral("returning"),
                                     QStringLiteral("b2b"),        QStringLiteral("hot"),
                                     QStringLiteral("cold"),       QStringLiteral("referral"),
                                     QStringLiteral("webinar"),    QStringLiteral("trial")};
    return tags;
}

const QStringList &LeadGenerator::channels()
{
    static const QStringList list = {QStringLiteral("whatsapp"), QStringLiteral("sms"), QStringLiteral("telegram"),
                                     QStringLiteral("email"),    QStringLiteral("web"), QStringLiteral("call")};
    return list;
}

const QStringList &LeadGenerator::sources()
{
    static const QStringList list = {QStringLiteral("web_form"),   QStringLiteral("facebook_ads"),
                                     QStringLiteral("google_ads"), QStringLiteral("referral"),
                                     QStringLiteral("instagram"),  QStringLiteral("walk_in")};
    return list;
}

Lead LeadGenerator::lead(qint64 id) const
{
    Random r(m_seed * 0x100000001B3ULL ^ static_cast<quint64>(id));
    Lead l;
    l.id = id;

    const NamePool &pool = r.pick(namePools());
    const QString first = r.pick(pool.first);
    const QString last = r.pick(pool.last);
    if (r.chance(0.001))
        l.name = r.pick(hostileNames());
    else
        l.name = eastAsianOrder(pool.countryCode) ? QString(last + first) : QString(first + QLatin1Char(' ') + last);

    QString digits;
    for (int i = 0; i < 12 - pool.countryCode.size(); ++i)
        digits += QChar(QLatin1Char('0' + (i == 0 ? 2 + r.below(8) : r.below(10))));
    l.phone = QLatin1Char('+') + pool.countryCode + digits;
    if (!r.chance(0.2))
        l.email = asciiLocalPart(first, last, id) + QStringLiteral("@example.com");

    // A funnel: most leads are early in the pipeline.
    static const std::array<int, 6> weights = {30, 22, 18, 12, 10, 8};
    int roll = r.below(100);
    int stage = 0;
    while (roll >= weights.at(static_cast<size_t>(stage))) {
        roll -= weights.at(static_cast<size_t>(stage));
        ++stage;
    }
    l.status = LeadStatus(static_cast<LeadStatus::Stage>(stage));
    l.channel = r.pick(channels());
    if (!r.chance(0.1))
        l.source = r.pick(sources());
    const int tagCount = r.below(4);
    for (int i = 0; i < tagCount; ++i) {
        const QString tag = r.pick(tagPool());
        if (!l.tags.contains(tag))
            l.tags.append(tag);
    }
    if (!r.chance(0.15))
        l.assignedAgent = r.pick(m_agents);
    l.escalated = r.chance(0.07);
    if (!r.chance(0.15))
        l.score = r.below(101);
    if (!r.chance(0.4))
        l.rating = 1.0 + r.below(9) * 0.5;

    // Ids grow with creation time: lead `id` of `count` is created at that share of the 90 days.
    const qint64 spanMs = m_start.msecsTo(m_now);
    const qint64 createdMs = spanMs * (id - 1) / m_count;
    l.createdAt = m_start.addMSecs(createdMs - createdMs % 1000);
    const qint64 remaining = std::max<qint64>(1, (spanMs - createdMs) / 1000);
    const qint64 activeSecs = static_cast<qint64>(std::pow(r.below(1000) / 1000.0, 3) * remaining);
    l.updatedAt = l.createdAt.addSecs(activeSecs);
    if (!r.chance(0.1))
        l.lastMessageAt = l.createdAt.addSecs(activeSecs > 0 ? static_cast<qint64>(r.next() % activeSecs) : 0);
    return l;
}

} // namespace outpost::sim

namespace outpost::sim {

namespace {

const QStringList &incomingTexts()
{
    static const QStringList texts = {
        QStringLiteral("Hi, I saw your ad. How much does it cost?"),
        QStringLiteral("Can I book a visit next week?"),
        QStringLiteral("Do you have anything available on Saturday?"),
        QStringLiteral("Thanks! One more question about the price."),
        QStringLiteral("¿Tienen cita para mañana?"),
        QStringLiteral("Ich hätte gern einen Termin."),
        QStringLiteral("Bonjour, c'est toujours disponible ?"),
        QStringLiteral("是否还有空位？"),
        QStringLiteral("Can someone call me back? 🙏"),
        QStringLiteral("I'd like to speak to a human, please."),
    };
    return texts;
}

const QStringList &outgoingTexts()
{
    static const QStringList texts = {
        QStringLiteral("Hi! Thanks for reaching out. How can we help?"),
        QStringLiteral("Our consultation starts at $49. Would you like to book one?"),
        QStringLiteral("Sure, we have slots on Tuesday and Thursday."),
        QStringLiteral("You're booked! See you soon."),
        QStringLiteral("An agent will get back to you shortly."),
        QStringLiteral("Here is the link to our price list."),
    };
    return texts;
}

const QStringList &noteTexts()
{
    static const QStringList texts = {
        QStringLiteral("Called, no answer. Try again tomorrow."), QStringLiteral("Interested in the premium package."),
        QStringLiteral("Prefers WhatsApp over calls."),           QStringLiteral("Asked for a discount; offered 10 %."),
        QStringLiteral("Budget approved by their manager."),
    };
    return texts;
}

// The reply delay of the first outgoing message: usually the bot within a
// minute, sometimes a human after minutes to hours (what the SLA measures).
qint64 firstResponseDelaySecs(Random &r)
{
    if (r.chance(0.8))
        return 2 + r.below(58);
    return 300 + r.below(6 * 3600);
}

QList<QDateTime> messageTimes(Random &r, const Lead &lead, int count)
{
    QList<QDateTime> times;
    const QDateTime first = lead.createdAt;
    const QDateTime last = std::max(lead.lastMessageAt, first);
    const qint64 span = first.secsTo(last);
    for (int i = 0; i < count; ++i)
        times.append(count == 1 ? last : first.addSecs(span * i / (count - 1)));
    if (count > 2)
        times[1] = std::min(times.at(1), first.addSecs(firstResponseDelaySecs(r)));
    return times;
}

QList<Message> conversation(Random &r, const Lead &lead)
{
    QList<Message> messages;
    if (!lead.lastMessageAt.isValid())
        return messages;
    const int count = 1 + r.below(6);
    const QList<QDateTime> times = messageTimes(r, lead, count);
    for (int i = 0; i < count; ++i) {
        Message m;
        m.direction = i % 2 == 0 ? Message::Direction::In : Message::Direction::Out;
        if (m.direction == Message::Direction::In) {
            m.author = lead.name;
            m.text = r.pick(incomingTexts());
        } else {
            const bool human = !lead.assignedAgent.isEmpty() && (lead.escalated || r.chance(0.3));
            m.author = human ? lead.assignedAgent : LeadGenerator::botName();
            m.text = r.pick(outgoingTexts());
        }
        m.channel = lead.channel;
        m.sentAt = times.at(i);
        messages.append(m);
    }
    return messages;
}

QList<Note> notes(Random &r, const Lead &lead)
{
    QList<Note> list;
    const int count = r.chance(0.3) ? 1 + r.below(2) : 0;
    const qint64 span = std::max<qint64>(1, lead.createdAt.secsTo(lead.updatedAt));
    for (int i = 0; i < count; ++i) {
        Note n;
        n.author = lead.assignedAgent.isEmpty() ? QStringLiteral("Maria") : lead.assignedAgent;
        n.text = r.pick(noteTexts());
        n.createdAt = lead.createdAt.addSecs(static_cast<qint64>(r.next() % static_cast<quint64>(span)));
        list.append(n);
    }
    std::sort(list.begin(), list.end(), [](const Note &a, const Note &b) { return a.createdAt < b.createdAt; });
    return list;
}

QList<Appointment> appointments(Random &r, const Lead &lead)
{
    QList<Appointment> list;
    const auto stage = lead.status.stage();
    const bool has =
        stage == LeadStatus::Booked || stage == LeadStatus::Closed || (stage == LeadStatus::Lost && r.chance(0.2));
    if (!has)
        return list;
    Appointment a;
    const QDateTime when = lead.createdAt.addDays(1 + r.below(14));
    a.dateTime =
        when.toString(QStringLiteral("yyyy-MM-dd")) + QStringLiteral(" %1:%2")
                                                          .arg(9 + r.below(9), 2, 10, QLatin1Char('0'))
                                                          .arg(r.chance(0.5) ? 0 : 30, 2, 10, QLatin1Char('0'));
    a.service = r.pick(LeadGenerator::services());
    a.status = stage == LeadStatus::Closed ? QStringLiteral("completed")
               : stage == LeadStatus::Lost ? QStringLiteral("cancelled")
                                           : QStringLiteral("scheduled");
    list.append(a);
    return list;
}

} // namespace

const QStringList &LeadGenerator::services()
{
    static const QStringList list = {QStringLiteral("Consultation"), QStringLiteral("Demo"),
                                     QStringLiteral("Follow-up call"), QStringLiteral("Site visit"),
                                     QStringLiteral("Onboarding")};
    return list;
}

LeadDetail LeadGenerator::detail(qint64 id) const
{
    LeadDetail d;
    d.lead = lead(id);
    Random r((m_seed + 0x51ED270B27D4A5ULL) * 0x100000001B3ULL ^ static_cast<quint64>(id));
    d.messages = conversation(r, d.lead);
    d.notes = notes(r, d.lead);
    d.appointments = appointments(r, d.lead);
    return d;
}

} // namespace outpost::sim
