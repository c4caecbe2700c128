#include "TestLeads.h"

namespace outpost::test {

Lead makeLead(qint64 id, const QString &name)
{
    Lead l;
    l.id = id;
    l.name = name.isNull() ? QStringLiteral("Lead %1").arg(id) : name;
    l.phone = QStringLiteral("+1555%1").arg(id, 7, 10, QLatin1Char('0'));
    l.email = QStringLiteral("lead%1@example.com").arg(id);
    l.status = LeadStatus::pipeline().at(static_cast<int>(id % 6));
    l.channel = QStringList{QStringLiteral("whatsapp"), QStringLiteral("sms"), QStringLiteral("email")}.at(id % 3);
    l.source = QStringLiteral("web_form");
    l.tags = id % 2 ? QStringList{QStringLiteral("vip")} : QStringList{QStringLiteral("spring-promo")};
    l.assignedAgent = id % 4 ? QStringLiteral("Maria") : QString();
    l.escalated = id % 5 == 0;
    l.score = static_cast<int>(id % 100);
    l.rating = 4.5;
    l.createdAt = QDateTime(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC).addSecs(id * 60);
    l.updatedAt = l.createdAt.addSecs(3600);
    l.lastMessageAt = id % 3 ? l.updatedAt.addSecs(-5) : QDateTime();
    return l;
}

QList<Lead> makeLeads(qint64 firstId, int count)
{
    QList<Lead> leads;
    leads.reserve(count);
    for (int i = 0; i < count; ++i)
        leads.append(makeLead(firstId + i));
    return leads;
}

} // namespace outpost::test
