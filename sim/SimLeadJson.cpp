#include "SimLeadJson.h"

#include <QLocale>

#include <cmath>

namespace outpost::sim {

namespace {

void appendKey(QByteArray &out, const char *key)
{
    out += '"';
    out += key;
    out += "\":";
}

void appendNullableString(QByteArray &out, const QString &text)
{
    if (text.isNull())
        out += "null";
    else
        SimLeadJson::appendString(out, text);
}

void appendNullableTime(QByteArray &out, const QDateTime &time)
{
    if (time.isValid())
        SimLeadJson::appendTime(out, time);
    else
        out += "null";
}

void appendTwo(QByteArray &out, int value)
{
    out += static_cast<char>('0' + value / 10);
    out += static_cast<char>('0' + value % 10);
}

} // namespace

void SimLeadJson::appendString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20) {
                out += "\\u00";
                out += hex[u >> 4];
                out += hex[u & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void SimLeadJson::appendTime(QByteArray &out, const QDateTime &time)
{
    // JsonReader::formatTime: ISO 8601 UTC, milliseconds only when not zero.
    const QDateTime utc = time.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    out += '"';
    out += QByteArray::number(d.year()).rightJustified(4, '0');
    out += '-';
    appendTwo(out, d.month());
    out += '-';
    appendTwo(out, d.day());
    out += 'T';
    appendTwo(out, t.hour());
    out += ':';
    appendTwo(out, t.minute());
    out += ':';
    appendTwo(out, t.second());
    if (t.msec()) {
        out += '.';
        out += QByteArray::number(t.msec()).rightJustified(3, '0');
    }
    out += "Z\"";
}

void SimLeadJson::appendNumber(QByteArray &out, double value)
{
    out += QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

void SimLeadJson::append(QByteArray &out, const Lead &l)
{
    // Keys in the order QJsonObject keeps them: sorted.
    out += '{';
    appendKey(out, "assigned_agent");
    appendNullableString(out, l.assignedAgent);
    out += ',';
    appendKey(out, "channel");
    appendString(out, l.channel);
    out += ',';
    appendKey(out, "created_at");
    appendNullableTime(out, l.createdAt);
    out += ',';
    appendKey(out, "email");
    appendNullableString(out, l.email);
    out += ',';
    appendKey(out, "escalated");
    out += l.escalated ? "true" : "false";
    out += ',';
    appendKey(out, "id");
    out += QByteArray::number(l.id);
    out += ',';
    appendKey(out, "last_message_at");
    appendNullableTime(out, l.lastMessageAt);
    out += ',';
    appendKey(out, "name");
    appendString(out, l.name);
    out += ',';
    appendKey(out, "phone");
    appendString(out, l.phone);
    out += ',';
    appendKey(out, "rating");
    if (l.rating)
        appendNumber(out, *l.rating);
    else
        out += "null";
    out += ',';
    appendKey(out, "score");
    if (l.score)
        out += QByteArray::number(*l.score);
    else
        out += "null";
    out += ',';
    appendKey(out, "source");
    appendNullableString(out, l.source);
    out += ',';
    appendKey(out, "status");
    appendString(out, l.status.toString());
    out += ',';
    appendKey(out, "tags");
    out += '[';
    for (qsizetype i = 0; i < l.tags.size(); ++i) {
        if (i)
            out += ',';
        appendString(out, l.tags.at(i));
    }
    out += "],";
    appendKey(out, "updated_at");
    appendNullableTime(out, l.updatedAt);
    out += '}';
}

} // namespace outpost::sim
