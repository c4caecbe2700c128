#pragma once

#include "api/ApiClient.h"
#include "common/Result.h"
#include "domain/Lead.h"
#include "storage/LeadActivityWriter.h"
#include "sync/SyncStore.h"

#include <QJsonObject>
#include <QObject>

#include <optional>

namespace outpost {

class Database;

// Applies accepted webhook events to a workspace's cache. The lead carried by
// an event is stored (a copy older than the cached one changes nothing); a
// message, note or appointment joins the cached details; a new lead, or an
// event without a readable lead, has its details fetched through the
// workspace's ApiClient, so the rate budget governs it like any other request.
// Every change is announced with leadsChanged() (open models refresh) and a
// short notice a desktop turns into a notification.
class WebhookEventApplier : public QObject
{
    Q_OBJECT

public:
    // `db` and `api` are not owned and must live on this object's thread.
    // Without `api`, events that need a fetch keep what they carry and the
    // next sync brings the rest.
    WebhookEventApplier(Database &db, ApiClient *api, QObject *parent = nullptr);
    ~WebhookEventApplier() override;

    int appliedCount() const { return m_applied; }

public slots:
    void apply(const QJsonObject &event);

signals:
    void leadsChanged(const QList<qint64> &ids);
    // A one-line title and a short text for a desktop notification; plain text.
    void notice(const QString &title, const QString &text, qint64 leadId);
    void warning(const QString &message);
    // The event is fully dealt with: written, and its details fetched when it
    // needed them (`ok` false: something could not be stored or fetched).
    void eventApplied(const QString &eventId, qint64 leadId, bool ok);

private:
    struct Event
    {
        QString id;
        QString name;
        qint64 leadId = 0;
        std::optional<Lead> lead;
        QJsonObject data;
    };

    static Event parse(const QJsonObject &object);
    // Writes what the event carries in one transaction; answers whether the
    // lead's details must be fetched.
    Result<bool> write(const Event &event);
    Result<bool> writeItem(const Event &event);
    void fetchDetail(const Event &event);
    void onDetail(const Event &event, const ApiResult &result);
    void announce(const Event &event);
    QString leadName(const Event &event);
    void finish(const Event &event, bool ok);

    Database &m_db;
    ApiClient *m_api;
    SyncStore m_store;
    LeadActivityWriter m_activity;
    int m_applied = 0;
};

} // namespace outpost
