#include "storage/NewLeadEntries.h"

#include "storage/RawStatement.h"
#include "storage/SlaBuckets.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

namespace outpost {

namespace {

bool isResolved(const QString &status)
{
    return status == QLatin1StringView("closed") || status == QLatin1StringView("lost");
}

bool isConverted(const QString &status)
{
    return status == QLatin1StringView("booked") || status == QLatin1StringView("closed");
}

// A bucket's key as SlaBuckets writes it: the hour of creation, whether an
// agent is assigned (NULL and '' are different agents) and the agent.
using BucketKey = std::tuple<qint64, bool, QString>;

// The figures of SlaBuckets for leads without response facts: nothing
// responded, nobody waiting for a human, every resolution the bot's unless
// escalated.
struct BucketSums
{
    qint64 leads = 0;
    qint64 resolved = 0;
    qint64 resolutionMs = 0;
    qint64 resolutionOk = 0;
    qint64 open = 0;
    qint64 escalatedOpen = 0;
    qint64 converted = 0;
    qint64 escalated = 0;
    qint64 botResolved = 0;
    qint64 rated = 0;
    double ratingSum = 0;

    void add(const Lead &lead)
    {
        constexpr qint64 kResolutionTargetMs = 86400000;
        const QString status = lead.status.toString();
        const bool resolvedNow = isResolved(status);
        const qint64 span = lead.updatedAt.toMSecsSinceEpoch() - lead.createdAt.toMSecsSinceEpoch();
        ++leads;
        resolved += resolvedNow;
        resolutionMs += resolvedNow ? span : 0;
        resolutionOk += resolvedNow && span <= kResolutionTargetMs;
        open += !resolvedNow;
        escalatedOpen += !resolvedNow && lead.escalated;
        converted += isConverted(status);
        escalated += lead.escalated;
        botResolved += resolvedNow && !lead.escalated;
        // SQLite stores NaN as NULL: not rated.
        if (lead.rating && !std::isnan(*lead.rating)) {
            ++rated;
            ratingSum += *lead.rating;
        }
    }

    void bind(RawStatement &upsert) const
    {
        // After the key (columns 1-3), in the order of OUTPOST_SLA_FIGURES.
        const qint64 figures[] = {leads, resolved, resolutionMs,  resolutionOk, 0,         0,           0,
                                  open,  0,        escalatedOpen, converted,    escalated, botResolved, rated};
        int column = 4;
        for (const qint64 figure : figures)
            sqlite3_bind_int64(upsert.get(), column++, figure);
        sqlite3_bind_double(upsert.get(), column, ratingSum);
    }
};

} // namespace

Result<void> NewLeadEntries::write(sqlite3 *handle, const QList<const Lead *> &leads)
{
    if (leads.isEmpty())
        return {};
    auto r = writeTags(handle, leads);
    if (r)
        r = writeCounts(handle, leads);
    if (r)
        r = writeBuckets(handle, leads);
    return r;
}

Result<void> NewLeadEntries::writeTags(sqlite3 *handle, const QList<const Lead *> &leads)
{
    // In the order of the table's key (tag bytes, then lead), so each insert
    // lands next to the one before it instead of seeking across the tree.
    std::vector<std::pair<QByteArray, qint64>> entries;
    entries.reserve(static_cast<size_t>(leads.size()) * 3);
    for (const Lead *lead : leads) {
        for (const QString &tag : lead->tags) {
            // As the set-based path reads them back from the JSON text: SQLite's
            // JSON functions end a string at an escaped NUL, and a null one is "".
            entries.emplace_back(QStringView(tag).left(tag.indexOf(QChar(0))).toUtf8(), lead->id);
        }
    }
    std::sort(entries.begin(), entries.end());
    auto insert = RawStatement::prepare(handle, "INSERT OR IGNORE INTO lead_tags (tag, lead_id) VALUES (?1, ?2)");
    if (!insert)
        return insert.error();
    for (auto &[tag, id] : entries) {
        insert->bindUtf8(1, std::move(tag));
        sqlite3_bind_int64(insert->get(), 2, id);
        if (auto r = insert->step("store a lead's tags"); !r)
            return r;
    }
    return {};
}

Result<void> NewLeadEntries::writeCounts(sqlite3 *handle, const QList<const Lead *> &leads)
{
    std::map<QString, qint64> counts;
    for (const Lead *lead : leads)
        ++counts[lead->status.toString()];
    auto upsert = RawStatement::prepare(handle, "INSERT INTO lead_counts (status, n) VALUES (?1, ?2) "
                                                "ON CONFLICT (status) DO UPDATE SET n = n + excluded.n");
    if (!upsert)
        return upsert.error();
    for (const auto &[status, n] : counts) {
        upsert->bindText(1, status);
        sqlite3_bind_int64(upsert->get(), 2, n);
        if (auto r = upsert->step("count the leads per status"); !r)
            return r;
    }
    return {};
}

Result<void> NewLeadEntries::writeBuckets(sqlite3 *handle, const QList<const Lead *> &leads)
{
    std::map<BucketKey, BucketSums> buckets;
    for (const Lead *lead : leads) {
        const qint64 hour = lead->createdAt.toMSecsSinceEpoch() / SlaBuckets::bucketMs;
        const bool hasAgent = !lead->assignedAgent.isNull();
        buckets[BucketKey{hour, hasAgent, hasAgent ? lead->assignedAgent : QStringLiteral("")}].add(*lead);
    }
    auto upsert = RawStatement::prepare(handle, SlaBuckets::kAddRow);
    if (!upsert)
        return upsert.error();
    for (const auto &[key, sums] : buckets) {
        sqlite3_bind_int64(upsert->get(), 1, std::get<0>(key));
        sqlite3_bind_int(upsert->get(), 2, std::get<1>(key) ? 1 : 0);
        upsert->bindText(3, std::get<2>(key));
        sums.bind(*upsert);
        if (auto r = upsert->step("sum the dashboard's figures"); !r)
            return r;
    }
    return {};
}

} // namespace outpost
