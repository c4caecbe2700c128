#include "campaigns/AudienceQuery.h"

#include "storage/LeadQuery.h"
#include "storage/LeadStore.h"

namespace outpost {

AudienceQuery::AudienceQuery(LeadStore &store)
    : m_store(store)
{}

LeadFilter AudienceQuery::campaignFilter(LeadFilter filter)
{
    filter.search.clear();
    filter.escalated.reset();
    return filter;
}

Result<Audience> AudienceQuery::preview(const LeadFilter &filter, int sampleSize, qint64 countCap)
{
    const LeadFilter f = campaignFilter(filter);
    Audience audience;
    if (sampleSize > 0) {
        LeadQuery query;
        query.filter = f;
        query.sort = {LeadSort::Key::Newest, Qt::AscendingOrder};
        query.limit = sampleSize;
        auto sample = m_store.window(query);
        if (!sample)
            return sample.error();
        audience.sample = std::move(*sample);
        // A short sample is the whole audience: no count needed.
        if (audience.sample.size() < sampleSize) {
            audience.count = audience.sample.size();
            return audience;
        }
    }
    // One more than the cap tells "more than the cap" from "exactly the cap".
    auto n = m_store.count(f, countCap >= 0 ? countCap + 1 : -1);
    if (!n)
        return n.error();
    audience.exact = countCap < 0 || *n <= countCap;
    audience.count = audience.exact ? *n : countCap;
    return audience;
}

} // namespace outpost
