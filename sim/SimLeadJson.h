#pragma once

#include "domain/Lead.h"

#include <QByteArray>

namespace outpost::sim {

// Writes a Lead straight to compact JSON bytes, exactly as
// QJsonDocument(LeadCodec::leadToJson(lead)).toJson(Compact) would (same keys,
// order, numbers and escapes; a test holds the two together), several times
// faster: GET /leads must not be the bottleneck of a client's full sync.
class SimLeadJson
{
public:
    static void append(QByteArray &out, const Lead &lead);
    static void appendString(QByteArray &out, const QString &text);
    static void appendTime(QByteArray &out, const QDateTime &time);
    static void appendNumber(QByteArray &out, double value);
};

} // namespace outpost::sim
