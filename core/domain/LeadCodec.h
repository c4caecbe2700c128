#pragma once

#include "common/Result.h"
#include "domain/LeadDetail.h"
#include "domain/LeadsPage.h"

#include <QByteArray>
#include <QJsonObject>

namespace outpost {

// JSON codecs for the contract's lead shapes. Decoding returns errors as values
// that name the offending field; unknown fields are ignored, optional ones may be
// missing or null, and a wrong type is an error rather than a silent default.
class LeadCodec
{
public:
    // Any JSON document that must be an object: empty, HTML, truncated, invalid
    // UTF-8 or too deeply nested input all become a readable error.
    static Result<QJsonObject> parseObject(const QByteArray &bytes);

    static Result<Lead> leadFromJson(const QJsonObject &object, const QString &path = QStringLiteral("lead"));
    static QJsonObject leadToJson(const Lead &lead);

    static Result<LeadDetail> detailFromJson(const QJsonObject &object, const QString &path = QStringLiteral("lead"));
    static QJsonObject detailToJson(const LeadDetail &detail);

    static Result<Message> messageFromJson(const QJsonObject &object, const QString &path);
    static QJsonObject messageToJson(const Message &message);
    static Result<Note> noteFromJson(const QJsonObject &object, const QString &path);
    static QJsonObject noteToJson(const Note &note);
    static Result<Appointment> appointmentFromJson(const QJsonObject &object, const QString &path);
    static QJsonObject appointmentToJson(const Appointment &appointment);

    // A whole GET /leads answer.
    static Result<LeadsPage> pageFromJson(const QJsonObject &object);
    static Result<LeadsPage> pageFromBytes(const QByteArray &bytes);
    static QJsonObject pageToJson(const LeadsPage &page);
};

} // namespace outpost
