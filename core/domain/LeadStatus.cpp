#include "domain/LeadStatus.h"

#include <array>

namespace outpost {

namespace {

constexpr std::array<const char16_t *, 6> kStageNames = {u"new",    u"contacted", u"qualified",
                                                         u"booked", u"lost",      u"closed"};

} // namespace

LeadStatus::LeadStatus(Stage stage)
    : m_stage(stage)
    , m_text(stage == Unknown ? QString() : QString::fromUtf16(kStageNames.at(static_cast<size_t>(stage))))
{}

LeadStatus LeadStatus::fromString(const QString &text)
{
    for (size_t i = 0; i < kStageNames.size(); ++i) {
        if (text == QStringView(kStageNames[i]))
            return LeadStatus(static_cast<Stage>(i));
    }
    LeadStatus unknown;
    unknown.m_stage = Unknown;
    unknown.m_text = text;
    return unknown;
}

const QList<LeadStatus> &LeadStatus::pipeline()
{
    static const QList<LeadStatus> stages = [] {
        QList<LeadStatus> list;
        for (int i = New; i <= Closed; ++i)
            list.append(LeadStatus(static_cast<Stage>(i)));
        return list;
    }();
    return stages;
}

bool LeadStatus::isKnownName(const QString &text)
{
    return fromString(text).isKnown();
}

} // namespace outpost
