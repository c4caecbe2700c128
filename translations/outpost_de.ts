<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AdminError</name>
    <message>
        <source>The service refused this workspace&apos;s key (wrong, expired or revoked): %1. Set a working key first.</source>
        <translation>Der Dienst hat den Schlüssel dieses Arbeitsbereichs abgelehnt (falsch, abgelaufen oder widerrufen): %1. Hinterlegen Sie zuerst einen gültigen Schlüssel.</translation>
    </message>
    <message>
        <source>This is not in this plan: the service answered %1</source>
        <translation>Im Tarif nicht enthalten: Der Dienst antwortete %1</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Nicht gefunden: %1</translation>
    </message>
    <message>
        <source>The service refused the request: %1</source>
        <translation>Der Dienst hat die Anfrage abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The API key was refused (missing, invalid, expired or revoked).</source>
        <translation>Der API-Schlüssel wurde abgelehnt (fehlt, ungültig, abgelaufen oder widerrufen).</translation>
    </message>
    <message>
        <source>This plan does not include this feature.</source>
        <translation>Diese Funktion ist im Tarif nicht enthalten.</translation>
    </message>
    <message>
        <source>Not found on the server.</source>
        <translation>Auf dem Server nicht gefunden.</translation>
    </message>
    <message>
        <source>Too many requests; waiting as the server asked.</source>
        <translation>Zu viele Anfragen; es wird gewartet, wie vom Server verlangt.</translation>
    </message>
    <message>
        <source>The server had an error (HTTP %1).</source>
        <translation>Fehler auf dem Server (HTTP %1).</translation>
    </message>
    <message>
        <source>The server answered HTTP %1.</source>
        <translation>Der Server antwortete mit HTTP %1.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>ApiKeyFormat</name>
    <message>
        <source>the API key is empty</source>
        <translation>der API-Schlüssel ist leer</translation>
    </message>
    <message>
        <source>the API key is longer than %1 characters: that is not a key</source>
        <translation>der API-Schlüssel ist länger als %1 Zeichen: Das ist kein Schlüssel</translation>
    </message>
    <message>
        <source>the API key contains a control character</source>
        <translation>der API-Schlüssel enthält ein Steuerzeichen</translation>
    </message>
    <message>
        <source>the API key contains whitespace: check that it was pasted whole and only once</source>
        <translation>der API-Schlüssel enthält Leerzeichen: Prüfen Sie, ob er vollständig und nur einmal eingefügt wurde</translation>
    </message>
    <message>
        <source>keys starting with &quot;%1&quot; are usually &quot;%1&quot; and 32 lowercase hex digits; this one is not: check that it was copied completely</source>
        <translation>Schlüssel, die mit „%1“ beginnen, bestehen meist aus „%1“ und 32 kleinen Hexziffern; dieser nicht: Prüfen Sie, ob er vollständig kopiert wurde</translation>
    </message>
    <message>
        <source>this workspace&apos;s keys start with &quot;%1&quot;; this one does not</source>
        <translation>die Schlüssel dieses Arbeitsbereichs beginnen mit „%1“, dieser nicht</translation>
    </message>
</context>
<context>
    <name>ApiKeyVerifier</name>
    <message>
        <source>The service refused this key (wrong, expired or revoked): %1</source>
        <translation>Der Dienst hat diesen Schlüssel abgelehnt (falsch, abgelaufen oder widerrufen): %1</translation>
    </message>
    <message>
        <source>%1 does not answer like the lead API (client id &quot;%2&quot;): %3</source>
        <translation>%1 antwortet nicht wie die Lead-API (Client-ID „%2“): %3</translation>
    </message>
    <message>
        <source>The certificate of %1 could not be verified: %2. For a self-hosted service, name its CA file with --ca-file.</source>
        <translation>Das Zertifikat von %1 konnte nicht überprüft werden: %2. Geben Sie für einen selbst betriebenen Dienst dessen CA-Datei mit --ca-file an.</translation>
    </message>
    <message>
        <source>No host named %1 was found.</source>
        <translation>Kein Host namens %1 gefunden.</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
</context>
<context>
    <name>CampaignQueue</name>
    <message>
        <source>No campaign #%1 in this workspace&apos;s cache.</source>
        <translation>Keine Kampagne #%1 im Cache dieses Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>Campaign #%1 is already %2: it is never sent twice.</source>
        <translation>Kampagne #%1 ist bereits %2: Sie wird nie zweimal gesendet.</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
</context>
<context>
    <name>CampaignRules</name>
    <message>
        <source>The message is empty: write what the leads should receive.</source>
        <translation>Die Nachricht ist leer: Schreiben Sie, was die Leads erhalten sollen.</translation>
    </message>
    <message>
        <source>No cached lead matches these filters: the campaign would reach nobody.</source>
        <translation>Kein Lead im Cache passt zu diesen Filtern: Die Kampagne würde niemanden erreichen.</translation>
    </message>
    <message>
        <source>%1 leads match, but a campaign sends at most %2 messages: narrow the filters.</source>
        <translation>%1 Leads passen, aber eine Kampagne sendet höchstens %2 Nachrichten: Schränken Sie die Filter ein.</translation>
    </message>
</context>
<context>
    <name>DemoWorkspace</name>
    <message>
        <source>The demo service did not start: %1</source>
        <translation>Der Demo-Dienst ist nicht gestartet: %1</translation>
    </message>
</context>
<context>
    <name>KeyAdmin</name>
    <message>
        <source>A key needs a name.</source>
        <translation>Ein Schlüssel braucht einen Namen.</translation>
    </message>
    <message>
        <source>A key&apos;s name is at most 200 characters.</source>
        <translation>Der Name eines Schlüssels hat höchstens 200 Zeichen.</translation>
    </message>
    <message>
        <source>A key&apos;s name may not contain control characters.</source>
        <translation>Der Name eines Schlüssels darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a key id.</source>
        <translation>„%1“ ist keine Schlüssel-ID.</translation>
    </message>
    <message>
        <source>the answer has no keys list</source>
        <translation>die Antwort enthält keine Schlüsselliste</translation>
    </message>
    <message>
        <source>the new key came without its id or secret</source>
        <translation>der neue Schlüssel kam ohne ID oder Geheimnis</translation>
    </message>
</context>
<context>
    <name>LeadText</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Kontaktiert</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Qualifiziert</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T.</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
</context>
<context>
    <name>OutboxCacheWriter</name>
    <message numerus="yes">
        <source>%n lead(s) not in the cache (%1): nothing was queued.</source>
        <translation>
            <numerusform>%n Lead nicht im Cache (%1): Nichts wurde eingereiht.</numerusform>
            <numerusform>%n Leads nicht im Cache (%1): Nichts wurde eingereiht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxDecisions</name>
    <message>
        <source>Row %1 is %2: only failed or not-allowed rows can be retried.</source>
        <translation>Eintrag %1 ist %2: Nur fehlgeschlagene oder nicht erlaubte Einträge können wiederholt werden.</translation>
    </message>
    <message>
        <source>Row %1 is being sent; it can be discarded once the send has ended.</source>
        <translation>Eintrag %1 wird gerade gesendet; er kann verworfen werden, sobald das Senden beendet ist.</translation>
    </message>
    <message>
        <source>Row %1 was sent already.</source>
        <translation>Eintrag %1 wurde bereits gesendet.</translation>
    </message>
    <message>
        <source>Row %1 has left already (%2): it cannot be undone.</source>
        <translation>Eintrag %1 ist bereits unterwegs (%2): Er kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>A later change to the same lead is queued: undo that one first.</source>
        <translation>Eine spätere Änderung desselben Leads ist eingereiht: Machen Sie zuerst diese rückgängig.</translation>
    </message>
    <message>
        <source>Row %1 is not a conflict.</source>
        <translation>Eintrag %1 ist kein Konflikt.</translation>
    </message>
    <message>
        <source>Resolved: the service&apos;s version was kept.</source>
        <translation>Gelöst: Die Fassung des Dienstes wurde behalten.</translation>
    </message>
    <message>
        <source>Row %1 does not need a review.</source>
        <translation>Eintrag %1 muss nicht geprüft werden.</translation>
    </message>
    <message>
        <source>Marked as arrived by the person.</source>
        <translation>Von Hand als angekommen markiert.</translation>
    </message>
</context>
<context>
    <name>OutboxQueue</name>
    <message>
        <source>The %1 is empty: nothing was queued.</source>
        <translation>Feld „%1“ ist leer: Nichts wurde eingereiht.</translation>
    </message>
    <message>
        <source>The %1 is longer than %2 characters: nothing was queued.</source>
        <translation>Feld „%1“ ist länger als %2 Zeichen: Nichts wurde eingereiht.</translation>
    </message>
    <message>
        <source>Unknown status &quot;%1&quot; (one of: %2): nothing was queued.</source>
        <translation>Unbekannter Status „%1“ (möglich: %2): Nichts wurde eingereiht.</translation>
    </message>
    <message>
        <source>The tag is empty: nothing was queued.</source>
        <translation>Das Tag ist leer: Nichts wurde eingereiht.</translation>
    </message>
    <message>
        <source>A tag is at most %1 characters: nothing was queued.</source>
        <translation>Ein Tag hat höchstens %1 Zeichen: Nichts wurde eingereiht.</translation>
    </message>
    <message>
        <source>No leads were chosen: nothing was queued.</source>
        <translation>Keine Leads ausgewählt: Nichts wurde eingereiht.</translation>
    </message>
    <message>
        <source>At most %1 leads at once (%2 chosen): nothing was queued.</source>
        <translation>Höchstens %1 Leads auf einmal (%2 ausgewählt): Nichts wurde eingereiht.</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date and time of the form YYYY-MM-DD HH:MM: nothing was queued.</source>
        <translation>„%1“ ist kein Datum mit Uhrzeit der Form JJJJ-MM-TT HH:MM: Nichts wurde eingereiht.</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>campaign name</source>
        <translation>Kampagnenname</translation>
    </message>
    <message>
        <source>Unknown campaign filter &quot;%1&quot;: nothing was queued.</source>
        <translation>Unbekannter Kampagnenfilter „%1“: Nichts wurde eingereiht.</translation>
    </message>
    <message>
        <source>The campaign filter &quot;%1&quot; must be text: nothing was queued.</source>
        <translation>Der Kampagnenfilter „%1“ muss Text sein: Nichts wurde eingereiht.</translation>
    </message>
    <message>
        <source>Campaign %1 does not exist: nothing was queued.</source>
        <translation>Kampagne %1 existiert nicht: Nichts wurde eingereiht.</translation>
    </message>
    <message>
        <source>Outbox row %1 does not create a campaign: nothing was queued.</source>
        <translation>Postausgangseintrag %1 legt keine Kampagne an: Nichts wurde eingereiht.</translation>
    </message>
</context>
<context>
    <name>OutboxRow</name>
    <message>
        <source>status → %1</source>
        <translation>Status → %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>reply: %1</source>
        <translation>Antwort: %1</translation>
    </message>
    <message>
        <source>appointment %1, %2</source>
        <translation>Termin %1, %2</translation>
    </message>
    <message>
        <source>tag +%1</source>
        <translation>Tag +%1</translation>
    </message>
    <message>
        <source>tag −%1</source>
        <translation>Tag −%1</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) → %1</source>
        <translation>
            <numerusform>%n Lead → %1</numerusform>
            <numerusform>%n Leads → %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s): tag +%1</source>
        <translation>
            <numerusform>%n Lead: Tag +%1</numerusform>
            <numerusform>%n Leads: Tag +%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s): tag −%1</source>
        <translation>
            <numerusform>%n Lead: Tag −%1</numerusform>
            <numerusform>%n Leads: Tag −%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>message to %n lead(s): %1</source>
        <translation>
            <numerusform>Nachricht an %n Lead: %1</numerusform>
            <numerusform>Nachricht an %n Leads: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>new campaign: %1</source>
        <translation>neue Kampagne: %1</translation>
    </message>
    <message>
        <source>send campaign</source>
        <translation>Kampagne senden</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>wartet auf Versand</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>needs review: it may or may not have reached the service</source>
        <translation>prüfen: Hat den Dienst vielleicht erreicht, vielleicht nicht</translation>
    </message>
    <message>
        <source>conflict: changed on the service too</source>
        <translation>Konflikt: auch beim Dienst geändert</translation>
    </message>
    <message>
        <source>refused by the service</source>
        <translation>vom Dienst abgelehnt</translation>
    </message>
    <message>
        <source>not allowed on this plan</source>
        <translation>im Tarif nicht erlaubt</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
</context>
<context>
    <name>OutboxTable</name>
    <message>
        <source>There is no outbox row %1.</source>
        <translation>Es gibt keinen Postausgangseintrag %1.</translation>
    </message>
</context>
<context>
    <name>WebhookAdmin</name>
    <message>
        <source>A webhook URL is at most 2048 characters.</source>
        <translation>Eine Webhook-URL hat höchstens 2048 Zeichen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URL with a host.</source>
        <translation>„%1“ ist keine URL mit Host.</translation>
    </message>
    <message>
        <source>A webhook URL must be HTTPS (plain HTTP only to 127.0.0.1, ::1 or localhost, for local testing).</source>
        <translation>Eine Webhook-URL muss HTTPS verwenden (einfaches HTTP nur zu 127.0.0.1, ::1 oder localhost, für lokale Tests).</translation>
    </message>
    <message>
        <source>Choose at least one event: %1.</source>
        <translation>Wählen Sie mindestens ein Ereignis: %1.</translation>
    </message>
    <message>
        <source>Unknown event &quot;%1&quot;; known: %2.</source>
        <translation>Unbekanntes Ereignis „%1“; bekannt: %2.</translation>
    </message>
    <message>
        <source>the answer has no webhooks list</source>
        <translation>die Antwort enthält keine Webhook-Liste</translation>
    </message>
    <message>
        <source>the new webhook came without its id or secret</source>
        <translation>der neue Webhook kam ohne ID oder Geheimnis</translation>
    </message>
    <message>
        <source>The keychain went away.</source>
        <translation>Der Schlüsselbund ist nicht mehr erreichbar.</translation>
    </message>
    <message>
        <source>The webhook&apos;s secret could not be stored in the keychain (%1), so the webhook was deleted again.</source>
        <translation>Das Geheimnis des Webhooks konnte nicht im Schlüsselbund gespeichert werden (%1), daher wurde der Webhook wieder gelöscht.</translation>
    </message>
    <message>
        <source>The workspace is gone.</source>
        <translation>Der Arbeitsbereich existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>WebhooksDialog</name>
    <message>
        <source>New lead</source>
        <translation>Neuer Lead</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status geändert</translation>
    </message>
    <message>
        <source>Message received</source>
        <translation>Nachricht erhalten</translation>
    </message>
    <message>
        <source>Appointment booked</source>
        <translation>Termin gebucht</translation>
    </message>
    <message>
        <source>Lead escalated</source>
        <translation>Lead eskaliert</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>Notiz hinzugefügt</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Outpost, the offline-first CRM client.</source>
        <translation>Outpost, der CRM-Client, der auch offline funktioniert.</translation>
    </message>
    <message>
        <source>Keep settings and caches in DIR.</source>
        <translation>Einstellungen und Caches in DIR ablegen.</translation>
    </message>
    <message>
        <source>Save the window to FILE once shown, then quit.</source>
        <translation>Das Fenster nach dem Anzeigen in DATEI speichern, dann beenden.</translation>
    </message>
    <message>
        <source>Run the built-in demo service on loopback and show its &quot;Demo&quot; workspace.</source>
        <translation>Den eingebauten Demo-Dienst lokal starten und seinen Arbeitsbereich „Demo“ zeigen.</translation>
    </message>
    <message>
        <source>Leads in a new demo world (default 5000).</source>
        <translation>Leads in einer neuen Demo-Welt (Standard 5000).</translation>
    </message>
    <message>
        <source>The demo could not store its key in the keychain: %1</source>
        <translation>Die Demo konnte ihren Schlüssel nicht im Schlüsselbund speichern: %1</translation>
    </message>
</context>
<context>
    <name>outpost::ApiClient</name>
    <message>
        <source>The server&apos;s answer could not be read: %1</source>
        <translation>Die Antwort des Servers ist nicht lesbar: %1</translation>
    </message>
</context>
<context>
    <name>outpost::ApiKeysDialog</name>
    <message>
        <source>API keys of %1</source>
        <translation>API-Schlüssel von %1</translation>
    </message>
    <message>
        <source>Keys of this account at %1. A key&apos;s secret is shown once, when it is created; rotation replaces this workspace&apos;s key without a moment offline.</source>
        <translation>Schlüssel dieses Kontos bei %1. Das Geheimnis eines Schlüssels wird nur einmal gezeigt, beim Anlegen; das Rotieren ersetzt den Schlüssel dieses Arbeitsbereichs ohne Unterbrechung.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Create…</source>
        <translation>A&amp;nlegen…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>&amp;Rotate this workspace&apos;s key</source>
        <translation>Schlüssel dieses Arbeitsbereichs &amp;rotieren</translation>
    </message>
    <message>
        <source>The new key&apos;s secret. It is shown only now: copy it or use it for this workspace before you close this panel.</source>
        <translation>Das Geheimnis des neuen Schlüssels. Es wird nur jetzt gezeigt: Kopieren Sie es oder verwenden Sie es für diesen Arbeitsbereich, bevor Sie diese Ansicht schließen.</translation>
    </message>
    <message>
        <source>Co&amp;py</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Use for this workspace</source>
        <translation>Für diesen Arbeitsbereich &amp;verwenden</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Fertig</translation>
    </message>
    <message>
        <source>Reading this workspace&apos;s key from the system keychain…</source>
        <translation>Der Schlüssel dieses Arbeitsbereichs wird aus dem Systemschlüsselbund gelesen…</translation>
    </message>
    <message>
        <source>Loading the keys…</source>
        <translation>Schlüssel werden geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln key(s).</source>
        <translation>
            <numerusform>%Ln Schlüssel.</numerusform>
            <numerusform>%Ln Schlüssel.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (this workspace)</source>
        <translation>%1 (dieser Arbeitsbereich)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Create API key</source>
        <translation>API-Schlüssel anlegen</translation>
    </message>
    <message>
        <source>Name of the new key (e.g. the computer or script that will use it):</source>
        <translation>Name des neuen Schlüssels (z. B. der Rechner oder das Skript, das ihn benutzt):</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Schlüsselname</translation>
    </message>
    <message>
        <source>&amp;Expires on</source>
        <translation>&amp;Läuft ab am</translation>
    </message>
    <message>
        <source>Expiry date and time</source>
        <translation>Ablaufdatum und -uhrzeit</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Creating the key…</source>
        <translation>Schlüssel wird angelegt…</translation>
    </message>
    <message>
        <source>The expiry must be in the future.</source>
        <translation>Das Ablaufdatum muss in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>Created the key &quot;%1&quot;.</source>
        <translation>Schlüssel „%1“ angelegt.</translation>
    </message>
    <message>
        <source>Storing the new key in the system keychain…</source>
        <translation>Der neue Schlüssel wird im Systemschlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>The key could not be stored in the system keychain: %1. This workspace keeps its old key.</source>
        <translation>Der Schlüssel konnte nicht im Systemschlüsselbund gespeichert werden: %1. Dieser Arbeitsbereich behält seinen alten Schlüssel.</translation>
    </message>
    <message>
        <source>This workspace now uses the new key. Revoke the old one when nothing else uses it.</source>
        <translation>Dieser Arbeitsbereich verwendet jetzt den neuen Schlüssel. Widerrufen Sie den alten, sobald ihn nichts anderes mehr benutzt.</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>API-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Revoke the key &quot;%1&quot;?</source>
        <translation>Schlüssel „%1“ widerrufen?</translation>
    </message>
    <message>
        <source>This is the key this workspace uses: sync and admin stop working until a new key is set. To replace it safely, use Rotate instead.</source>
        <translation>Diesen Schlüssel verwendet dieser Arbeitsbereich: Synchronisieren und Verwaltung funktionieren erst wieder mit einem neuen Schlüssel. Zum sicheren Ersetzen verwenden Sie stattdessen „Rotieren“.</translation>
    </message>
    <message>
        <source>Whatever uses this key is refused from now on. This cannot be undone.</source>
        <translation>Alles, was diesen Schlüssel benutzt, wird ab jetzt abgewiesen. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Revoking…</source>
        <translation>Wird widerrufen…</translation>
    </message>
    <message>
        <source>Revoked.</source>
        <translation>Widerrufen.</translation>
    </message>
    <message>
        <source>Outpost %1</source>
        <translation>Outpost %1</translation>
    </message>
    <message>
        <source>Rotating this workspace&apos;s key…</source>
        <translation>Der Schlüssel dieses Arbeitsbereichs wird rotiert…</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Rotation stopped at &quot;%1&quot;. %2</source>
        <translation>Rotation bei „%1“ angehalten. %2</translation>
    </message>
</context>
<context>
    <name>outpost::AudienceModel</name>
    <message>
        <source>No value for %1 for this lead: it is sent empty</source>
        <translation>Kein Wert für %1 bei diesem Lead: Er wird leer gesendet</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Message as sent</source>
        <translation>Nachricht wie gesendet</translation>
    </message>
</context>
<context>
    <name>outpost::BulkActionBar</name>
    <message>
        <source>Change stage…</source>
        <translation>Phase ändern…</translation>
    </message>
    <message>
        <source>Add tag…</source>
        <translation>Tag hinzufügen…</translation>
    </message>
    <message>
        <source>Remove tag…</source>
        <translation>Tag entfernen…</translation>
    </message>
    <message>
        <source>Send message…</source>
        <translation>Nachricht senden…</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>Neue Phase</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Take the change back while it has not been sent</source>
        <translation>Die Änderung zurücknehmen, solange sie nicht gesendet wurde</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>All %1 matching leads selected</source>
        <translation>Alle %1 passenden Leads ausgewählt</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>%1 ausgewählt</translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln ausgewählt</numerusform>
            <numerusform>%Ln ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>A bulk action over a whole list takes at most %1 leads: narrow the list with the search or the filters first.</source>
        <translation>Eine Sammelaktion über eine ganze Liste umfasst höchstens %1 Leads: Schränken Sie die Liste zuerst mit der Suche oder den Filtern ein.</translation>
    </message>
    <message>
        <source>A bulk action takes at most %1 leads: narrow the list with the search or the filters first.</source>
        <translation>Eine Sammelaktion umfasst höchstens %1 Leads: Schränken Sie die Liste zuerst mit der Suche oder den Filtern ein.</translation>
    </message>
    <message>
        <source>A message goes to at most %1 leads at once: narrow the list, or use a campaign.</source>
        <translation>Eine Nachricht geht an höchstens %1 Leads auf einmal: Schränken Sie die Liste ein oder verwenden Sie eine Kampagne.</translation>
    </message>
    <message>
        <source>1 lead</source>
        <translation>1 Lead</translation>
    </message>
    <message>
        <source>%1 leads</source>
        <translation>%1 Leads</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Verschieben nach</translation>
    </message>
    <message>
        <source>Add the tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message>
        <source>Remove the tag</source>
        <translation>Tag entfernen</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Hi {name}! … ({name} becomes each lead&apos;s name)</source>
        <translation>Hallo {name}! … ({name} wird zum Namen des jeweiligen Leads)</translation>
    </message>
    <message>
        <source>all %1 matching leads</source>
        <translation>alle %1 passenden Leads</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <source>Tag %1</source>
        <translation>%1 taggen</translation>
    </message>
    <message>
        <source>Untag %1</source>
        <translation>Tag von %1 entfernen</translation>
    </message>
    <message>
        <source>Send to %1</source>
        <translation>An %1 senden</translation>
    </message>
    <message>
        <source>Queueing the change for %1…</source>
        <translation>Änderung für %1 wird eingereiht…</translation>
    </message>
    <message>
        <source>Nothing was queued: %1</source>
        <translation>Nichts wurde eingereiht: %1</translation>
    </message>
    <message>
        <source>Queued for %1; sent when online.</source>
        <translation>Für %1 eingereiht; wird online gesendet.</translation>
    </message>
    <message>
        <source>Finding the %1 matching leads…</source>
        <translation>Die %1 passenden Leads werden gesucht…</translation>
    </message>
    <message>
        <source>Could not read the matching leads: %1</source>
        <translation>Die passenden Leads konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>More than %1 leads match now: narrow the list first.</source>
        <translation>Jetzt passen mehr als %1 Leads: Schränken Sie zuerst die Liste ein.</translation>
    </message>
    <message>
        <source>No lead matches any more: nothing to change.</source>
        <translation>Kein Lead passt mehr: Nichts zu ändern.</translation>
    </message>
    <message>
        <source>Could not undo: %1</source>
        <translation>Rückgängigmachen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Too late to undo: the change has already been sent.</source>
        <translation>Zu spät zum Rückgängigmachen: Die Änderung wurde bereits gesendet.</translation>
    </message>
    <message>
        <source>Undone: nothing will be sent.</source>
        <translation>Rückgängig gemacht: Nichts wird gesendet.</translation>
    </message>
</context>
<context>
    <name>outpost::CampaignBuilderPage</name>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>YYYY-MM-DD or an ISO 8601 time</source>
        <translation>JJJJ-MM-TT oder eine ISO-8601-Zeit</translation>
    </message>
    <message>
        <source>For example: April promotion</source>
        <translation>Zum Beispiel: Aprilaktion</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Kanal</translation>
    </message>
    <message>
        <source>&amp;Tag</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <source>S&amp;ource</source>
        <translation>&amp;Quelle</translation>
    </message>
    <message>
        <source>&amp;Agent</source>
        <translation>&amp;Agent</translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>Angelegt ab</translation>
    </message>
    <message>
        <source>Created before</source>
        <translation>Angelegt vor</translation>
    </message>
    <message>
        <source>Last message before</source>
        <translation>Letzte Nachricht vor</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Hi {first_name}! …</source>
        <translation>Hallo {first_name}! …</translation>
    </message>
    <message>
        <source>Insert %1 at the cursor</source>
        <translation>%1 an der Schreibmarke einfügen</translation>
    </message>
    <message>
        <source>Check with server</source>
        <translation>Beim Server prüfen</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Senden…</translation>
    </message>
    <message>
        <source>This workspace has no connection to its service: drafts only.</source>
        <translation>Dieser Arbeitsbereich hat keine Verbindung zu seinem Dienst: nur Entwürfe.</translation>
    </message>
    <message>
        <source>Ask the service how many leads these filters reach now</source>
        <translation>Den Dienst fragen, wie viele Leads diese Filter jetzt erreichen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (YYYY-MM-DD) or an ISO 8601 time.</source>
        <translation>„%1“ ist kein Datum (JJJJ-MM-TT) und keine ISO-8601-Zeit.</translation>
    </message>
    <message>
        <source>Cannot read the cache: %1</source>
        <translation>Der Cache ist nicht lesbar: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln lead(s) in the cache</source>
        <translation>
            <numerusform>%Ln Lead im Cache</numerusform>
            <numerusform>%Ln Leads im Cache</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 leads in the cache</source>
        <translation>%1 Leads im Cache</translation>
    </message>
    <message>
        <source>%1+ leads in the cache</source>
        <translation>%1+ Leads im Cache</translation>
    </message>
    <message>
        <source>Unknown placeholders are sent as written: %1. Known ones: %2.</source>
        <translation>Unbekannte Platzhalter werden unverändert gesendet: %1. Bekannt sind: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln lead(s) of the sample have no value for a placeholder: it is sent empty.</source>
        <translation>
            <numerusform>%Ln Lead der Stichprobe hat keinen Wert für einen Platzhalter: Er wird leer gesendet.</numerusform>
            <numerusform>%Ln Leads der Stichprobe haben keinen Wert für einen Platzhalter: Er wird leer gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>More than %1 leads match: narrow the audience (a campaign sends at most %1 messages).</source>
        <translation>Mehr als %1 Leads passen: Schränken Sie die Zielgruppe ein (eine Kampagne sendet höchstens %1 Nachrichten).</translation>
    </message>
    <message>
        <source>Give the campaign a name to save or send it.</source>
        <translation>Geben Sie der Kampagne einen Namen, um sie zu speichern oder zu senden.</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %Ln message(s) would be sent (at most %1 per campaign).</source>
        <translation>
            <numerusform>Bereit: %Ln Nachricht würde gesendet (höchstens %1 pro Kampagne).</numerusform>
            <numerusform>Bereit: %Ln Nachrichten würden gesendet (höchstens %1 pro Kampagne).</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Der Dienst wird gefragt…</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>mehr als %1</translation>
    </message>
    <message>
        <source>The service did not answer: %1</source>
        <translation>Der Dienst hat nicht geantwortet: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message numerus="yes">
        <source>Service: %Ln lead(s); cache: %1 (synced %2).</source>
        <translation>
            <numerusform>Dienst: %Ln Lead; Cache: %1 (synchronisiert %2).</numerusform>
            <numerusform>Dienst: %Ln Leads; Cache: %1 (synchronisiert %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>The difference is what changed on the service since that sync.</source>
        <translation>Der Unterschied ist, was sich seit dieser Synchronisierung beim Dienst geändert hat.</translation>
    </message>
    <message>
        <source>Cannot save the draft: %1</source>
        <translation>Der Entwurf kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Draft #%1 saved.</source>
        <translation>Entwurf #%1 gespeichert.</translation>
    </message>
    <message>
        <source>Send the campaign?</source>
        <translation>Kampagne senden?</translation>
    </message>
    <message numerus="yes">
        <source>Send &quot;%1&quot; to %Ln lead(s)?</source>
        <translation>
            <numerusform>„%1“ an %Ln Lead senden?</numerusform>
            <numerusform>„%1“ an %Ln Leads senden?</numerusform>
        </translation>
    </message>
    <message>
        <source>The first message, to %1:

%2</source>
        <translation>Die erste Nachricht, an %1:

%2</translation>
    </message>
    <message numerus="yes">
        <source>Send %Ln message(s)</source>
        <translation>
            <numerusform>%Ln Nachricht senden</numerusform>
            <numerusform>%Ln Nachrichten senden</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign #%1 was not queued: %2</source>
        <translation>Kampagne #%1 wurde nicht eingereiht: %2</translation>
    </message>
    <message>
        <source>Campaign #%1 is queued: it goes to the service now, and is never sent twice.</source>
        <translation>Kampagne #%1 ist eingereiht: Sie geht jetzt an den Dienst und wird nie zweimal gesendet.</translation>
    </message>
    <message>
        <source>Campaign #%1 is queued: it goes to the service with the next sync.</source>
        <translation>Kampagne #%1 ist eingereiht: Sie geht mit der nächsten Synchronisierung an den Dienst.</translation>
    </message>
</context>
<context>
    <name>outpost::CampaignListPage</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Not allowed by the plan</source>
        <translation>Im Tarif nicht erlaubt</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Puts the send back in the outbox; it asks the service with the same key</source>
        <translation>Legt den Versand zurück in den Postausgang; er fragt den Dienst mit demselben Schlüssel</translation>
    </message>
    <message>
        <source>It was sent</source>
        <translation>Wurde gesendet</translation>
    </message>
    <message>
        <source>The service did send it (check its stats): mark it done without sending again</source>
        <translation>Der Dienst hat sie gesendet (siehe seine Statistik): als erledigt markieren, ohne erneut zu senden</translation>
    </message>
    <message>
        <source>Refresh from service</source>
        <translation>Vom Dienst aktualisieren</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Zielgruppe</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>This workspace has no connection to its service.</source>
        <translation>Dieser Arbeitsbereich hat keine Verbindung zu seinem Dienst.</translation>
    </message>
    <message>
        <source>Cannot read the campaigns: %1</source>
        <translation>Die Kampagnen sind nicht lesbar: %1</translation>
    </message>
    <message>
        <source>The service&apos;s campaigns, as of %1.</source>
        <translation>Die Kampagnen des Dienstes, Stand %1.</translation>
    </message>
    <message>
        <source>The service lists campaigns on the Premium plan only: these are the campaigns created in this app.</source>
        <translation>Der Dienst listet Kampagnen nur im Premium-Tarif: Dies sind die in dieser App angelegten Kampagnen.</translation>
    </message>
    <message>
        <source>The service did not answer (%1): the cached list is shown.</source>
        <translation>Der Dienst hat nicht geantwortet (%1): Die Liste aus dem Cache wird gezeigt.</translation>
    </message>
    <message>
        <source>No campaign yet: compose one in the builder.</source>
        <translation>Noch keine Kampagne: Erstellen Sie eine im Editor.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>Outbox: %1</source>
        <translation>Postausgang: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>Figures as of %1.</source>
        <translation>Zahlen, Stand %1.</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>outpost::CampaignsPage</name>
    <message>
        <source>New campaign</source>
        <translation>Neue Kampagne</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
</context>
<context>
    <name>outpost::CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Go to a lead or run an action</source>
        <translation>Zu einem Lead springen oder eine Aktion ausführen</translation>
    </message>
    <message>
        <source>Type a lead&apos;s name, phone, email or tag, or an action…</source>
        <translation>Name, Telefon, E-Mail oder Tag eines Leads oder eine Aktion eingeben…</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>%1    %2</source>
        <translation>%1    %2</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>Open this lead</source>
        <translation>Diesen Lead öffnen</translation>
    </message>
</context>
<context>
    <name>outpost::ConflictsDialog</name>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Leads changed on both sides</source>
        <translation>Auf beiden Seiten geänderte Leads</translation>
    </message>
    <message>
        <source>Fields in conflict</source>
        <translation>Felder im Konflikt</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Service now</source>
        <translation>Dienst jetzt</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <source>Send my values again over the service&apos;s</source>
        <translation>Meine Werte erneut senden und die des Dienstes überschreiben</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Ihre übernehmen</translation>
    </message>
    <message>
        <source>Drop my change and keep the service&apos;s values</source>
        <translation>Meine Änderung verwerfen und die Werte des Dienstes behalten</translation>
    </message>
    <message>
        <source>Lead %1</source>
        <translation>Lead %1</translation>
    </message>
    <message>
        <source>The conflicts cannot be read: %1</source>
        <translation>Die Konflikte sind nicht lesbar: %1</translation>
    </message>
    <message>
        <source>No conflicts: every change was accepted by the service.</source>
        <translation>Keine Konflikte: Der Dienst hat jede Änderung angenommen.</translation>
    </message>
    <message>
        <source>1 lead was changed here and on the service. Pick which values to keep.</source>
        <translation>1 Lead wurde hier und beim Dienst geändert. Wählen Sie, welche Werte bleiben.</translation>
    </message>
    <message>
        <source>%1 leads were changed here and on the service. Pick which values to keep.</source>
        <translation>%1 Leads wurden hier und beim Dienst geändert. Wählen Sie, welche Werte bleiben.</translation>
    </message>
    <message>
        <source>Could not resolve this conflict: %1</source>
        <translation>Dieser Konflikt konnte nicht gelöst werden: %1</translation>
    </message>
</context>
<context>
    <name>outpost::DashboardLoader</name>
    <message>
        <source>Not in this workspace&apos;s plan: %1</source>
        <translation>Nicht im Tarif dieses Arbeitsbereichs: %1</translation>
    </message>
    <message>
        <source>The service did not answer: %1</source>
        <translation>Der Dienst hat nicht geantwortet: %1</translation>
    </message>
</context>
<context>
    <name>outpost::DashboardPage</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Last %1 days</source>
        <translation>Letzte %1 Tage</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Save charts as PNG…</source>
        <translation>Diagramme als PNG speichern…</translation>
    </message>
    <message>
        <source>Total leads</source>
        <translation>Leads gesamt</translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation>Konversionsrate</translation>
    </message>
    <message>
        <source>Escalation rate</source>
        <translation>Eskalationsrate</translation>
    </message>
    <message>
        <source>Bot resolution</source>
        <translation>Vom Bot gelöst</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>Durchschnittliche Bewertung</translation>
    </message>
    <message>
        <source>Conversion funnel</source>
        <translation>Konversionstrichter</translation>
    </message>
    <message>
        <source>SLA compliance</source>
        <translation>SLA-Einhaltung</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Servicelevel</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>Erste Antwort</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Lösung</translation>
    </message>
    <message>
        <source>Open leads</source>
        <translation>Offene Leads</translation>
    </message>
    <message>
        <source>Waiting for a human</source>
        <translation>Warten auf einen Menschen</translation>
    </message>
    <message>
        <source>Escalated, open</source>
        <translation>Eskaliert, offen</translation>
    </message>
    <message>
        <source>Queue now</source>
        <translation>Warteschlange jetzt</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Resolution rate (%)</source>
        <translation>Lösungsquote (%)</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Cannot compute the dashboard: %1</source>
        <translation>Das Dashboard kann nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>from the service, fetched %1</source>
        <translation>vom Dienst abgerufen (%1)</translation>
    </message>
    <message>
        <source>computed from cached data as of %1</source>
        <translation>aus dem Cache berechnet, Stand %1</translation>
    </message>
    <message>
        <source>computed from cached data (never synced)</source>
        <translation>aus dem Cache berechnet (nie synchronisiert)</translation>
    </message>
    <message>
        <source>Overview and funnel: %1.</source>
        <translation>Überblick und Trichter: %1.</translation>
    </message>
    <message>
        <source>Service level, last %1 days: %2.</source>
        <translation>Servicelevel, letzte %1 Tage: %2.</translation>
    </message>
    <message>
        <source>The service&apos;s SLA figures: %1</source>
        <translation>SLA-Zahlen des Dienstes: %1</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message numerus="yes">
        <source>average %1 against a target of %2; %3 within target (%Ln lead(s))</source>
        <translation>
            <numerusform>Durchschnitt %1 bei einem Ziel von %2; %3 im Ziel (%Ln Lead)</numerusform>
            <numerusform>Durchschnitt %1 bei einem Ziel von %2; %3 im Ziel (%Ln Leads)</numerusform>
        </translation>
    </message>
    <message>
        <source>Within target (%)</source>
        <translation>Im Ziel (%)</translation>
    </message>
    <message>
        <source>Export the dashboard as CSV</source>
        <translation>Dashboard als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Save the charts as PNG into a folder</source>
        <translation>Diagramme als PNG in einen Ordner speichern</translation>
    </message>
    <message>
        <source>Cannot write the charts into %1</source>
        <translation>Die Diagramme können nicht in %1 geschrieben werden</translation>
    </message>
</context>
<context>
    <name>outpost::DesktopNotifier</name>
    <message numerus="yes">
        <source>%Ln updates</source>
        <translation>
            <numerusform>%Ln Neuigkeit</numerusform>
            <numerusform>%Ln Neuigkeiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Latest: %1: %2</source>
        <translation>Zuletzt: %1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>outpost::FilterChipBar</name>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Only escalated leads</source>
        <translation>Nur eskalierte Leads</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>No values in the cache</source>
        <translation>Keine Werte im Cache</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Any channel</source>
        <translation>Alle Kanäle</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Alle Tags</translation>
    </message>
    <message>
        <source>Any agent</source>
        <translation>Alle Agenten</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>Filter by channel</source>
        <translation>Nach Kanal filtern</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>Nach Tag filtern</translation>
    </message>
    <message>
        <source>Filter by agent</source>
        <translation>Nach Agent filtern</translation>
    </message>
</context>
<context>
    <name>outpost::KeyRotation</name>
    <message>
        <source>Read the current key from the keychain</source>
        <translation>Aktuellen Schlüssel aus dem Schlüsselbund lesen</translation>
    </message>
    <message>
        <source>Find the current key on the service</source>
        <translation>Aktuellen Schlüssel beim Dienst finden</translation>
    </message>
    <message>
        <source>Create the new key</source>
        <translation>Neuen Schlüssel anlegen</translation>
    </message>
    <message>
        <source>Store the new key in the keychain</source>
        <translation>Neuen Schlüssel im Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>Verify a call succeeds with the new key</source>
        <translation>Prüfen, ob ein Aufruf mit dem neuen Schlüssel gelingt</translation>
    </message>
    <message>
        <source>Revoke the old key</source>
        <translation>Alten Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Roll back to the old key</source>
        <translation>Zum alten Schlüssel zurückkehren</translation>
    </message>
    <message>
        <source>The keychain went away.</source>
        <translation>Der Schlüsselbund ist nicht mehr erreichbar.</translation>
    </message>
    <message>
        <source>no keychain</source>
        <translation>kein Schlüsselbund</translation>
    </message>
    <message>
        <source>The current key could not be read from the keychain; nothing was changed.</source>
        <translation>Der aktuelle Schlüssel konnte nicht aus dem Schlüsselbund gelesen werden; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The service&apos;s keys could not be listed; nothing was changed.</source>
        <translation>Die Schlüssel des Dienstes konnten nicht aufgelistet werden; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>None of the service&apos;s keys matches this workspace&apos;s key, so it could not be revoked afterwards</source>
        <translation>Keiner der Schlüssel des Dienstes passt zum Schlüssel dieses Arbeitsbereichs, er könnte danach also nicht widerrufen werden</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>No new key was made; the workspace keeps its current key.</source>
        <translation>Es wurde kein neuer Schlüssel angelegt; der Arbeitsbereich behält seinen aktuellen Schlüssel.</translation>
    </message>
    <message>
        <source>The workspace now uses the new key %1, but the old key %2 could not be revoked and still works: revoke it by hand (outpostctl keys revoke %3).</source>
        <translation>Der Arbeitsbereich verwendet jetzt den neuen Schlüssel %1, aber der alte Schlüssel %2 konnte nicht widerrufen werden und funktioniert noch: Widerrufen Sie ihn von Hand (outpostctl keys revoke %3).</translation>
    </message>
    <message>
        <source>The workspace now uses the new key %1; the old key %2 is revoked.</source>
        <translation>Der Arbeitsbereich verwendet jetzt den neuen Schlüssel %1; der alte Schlüssel %2 ist widerrufen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; failed and the old key could not be put back into the keychain (%2): the keychain keeps the new key %3 and no key was revoked.</source>
        <translation>„%1“ ist fehlgeschlagen, und der alte Schlüssel konnte nicht zurück in den Schlüsselbund gelegt werden (%2): Der Schlüsselbund behält den neuen Schlüssel %3, und kein Schlüssel wurde widerrufen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; failed (%2). The workspace keeps its old key, but the new key %3 could not be revoked: revoke it by hand (outpostctl keys revoke %4).</source>
        <translation>„%1“ ist fehlgeschlagen (%2). Der Arbeitsbereich behält seinen alten Schlüssel, aber der neue Schlüssel %3 konnte nicht widerrufen werden: Widerrufen Sie ihn von Hand (outpostctl keys revoke %4).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; failed (%2). The workspace keeps its old key; the new key %3 is revoked.</source>
        <translation>„%1“ ist fehlgeschlagen (%2). Der Arbeitsbereich behält seinen alten Schlüssel; der neue Schlüssel %3 ist widerrufen.</translation>
    </message>
</context>
<context>
    <name>outpost::KeychainRequest</name>
    <message>
        <source>No keychain is reachable: no Secret Service answered on the session bus (%1).</source>
        <translation>Kein Schlüsselbund erreichbar: Auf dem Sitzungsbus hat kein Secret Service geantwortet (%1).</translation>
    </message>
    <message>
        <source>Nothing was stored: Outpost keeps API keys only in the system keychain, never in a file.</source>
        <translation>Nichts wurde gespeichert: Outpost bewahrt API-Schlüssel nur im Systemschlüsselbund auf, nie in einer Datei.</translation>
    </message>
    <message>
        <source>To fix it, start a Secret Service provider in your desktop session (GNOME Keyring, KWallet or KeePassXC with Secret Service integration), make sure libsecret is installed and DBUS_SESSION_BUS_ADDRESS names your session bus, then try again.</source>
        <translation>Starten Sie zur Abhilfe einen Secret-Service-Anbieter in Ihrer Desktop-Sitzung (GNOME Keyring, KWallet oder KeePassXC mit Secret-Service-Integration), stellen Sie sicher, dass libsecret installiert ist und DBUS_SESSION_BUS_ADDRESS Ihren Sitzungsbus nennt, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain is locked (%1). Unlock it (GNOME: the &quot;Login&quot; keyring in &quot;Passwords and Keys&quot;; KDE: KWallet) and try again; a key already stored is not asked for again.</source>
        <translation>Der Schlüsselbund ist gesperrt (%1). Entsperren Sie ihn (GNOME: der Schlüsselbund „Anmeldung“ in „Passwörter und Verschlüsselung“; KDE: KWallet) und versuchen Sie es erneut; ein bereits gespeicherter Schlüssel wird nicht erneut abgefragt.</translation>
    </message>
    <message>
        <source>Access to the keychain was refused (%1). Allow Outpost to use the keychain, or unlock it, and try again.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert (%1). Erlauben Sie Outpost den Zugriff oder entsperren Sie ihn, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 seconds. It may be locked and waiting for its password in a prompt you cannot see, or still starting. Unlock it and try again; a key already stored is not asked for again.</source>
        <translation>Der Schlüsselbund hat nicht innerhalb von %1 Sekunden geantwortet. Vielleicht ist er gesperrt und wartet in einem verdeckten Dialog auf sein Passwort, oder er startet noch. Entsperren Sie ihn und versuchen Sie es erneut; ein bereits gespeicherter Schlüssel wird nicht erneut abgefragt.</translation>
    </message>
    <message>
        <source>Waiting for the system keychain to answer (it may be starting or locked)…</source>
        <translation>Warten auf den Systemschlüsselbund (er startet vielleicht noch oder ist gesperrt)…</translation>
    </message>
    <message>
        <source>No key is stored in the keychain for this entry.</source>
        <translation>Für diesen Eintrag ist kein Schlüssel im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>Fehler im Schlüsselbund: %1</translation>
    </message>
</context>
<context>
    <name>outpost::LeadCardDelegate</name>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>outpost::LeadDetailPane</name>
    <message>
        <source>Select a lead to see its details and conversation.</source>
        <translation>Wählen Sie einen Lead, um Details und Unterhaltung zu sehen.</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Changes to this lead wait in the outbox until the service confirms them</source>
        <translation>Änderungen an diesem Lead warten im Postausgang, bis der Dienst sie bestätigt</translation>
    </message>
    <message>
        <source>No tags (comma separated)</source>
        <translation>Keine Tags (durch Kommas getrennt)</translation>
    </message>
    <message>
        <source>Comma separated; Enter saves</source>
        <translation>Durch Kommas getrennt; Eingabetaste speichert</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>Antwort schreiben… (Strg+Eingabe sendet)</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Book appointment…</source>
        <translation>Termin buchen…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Keep the text above as a note for your team; the lead does not see it</source>
        <translation>Den Text oben als Notiz für Ihr Team behalten; der Lead sieht ihn nicht</translation>
    </message>
    <message>
        <source>Appointment date and time</source>
        <translation>Datum und Uhrzeit des Termins</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Service, e.g. Consultation</source>
        <translation>Leistung, z. B. Beratung</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Buchen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Not queued: %1</source>
        <translation>Nicht eingereiht: %1</translation>
    </message>
    <message>
        <source>Status change queued.</source>
        <translation>Statusänderung eingereiht.</translation>
    </message>
    <message>
        <source>Tag changes queued.</source>
        <translation>Tag-Änderungen eingereiht.</translation>
    </message>
    <message>
        <source>Reply queued: it is sent when online.</source>
        <translation>Antwort eingereiht: Sie wird online gesendet.</translation>
    </message>
    <message>
        <source>Write the note in the box above, then press Add note.</source>
        <translation>Schreiben Sie die Notiz in das Feld oben und klicken Sie dann auf „Notiz hinzufügen“.</translation>
    </message>
    <message>
        <source>Note queued.</source>
        <translation>Notiz eingereiht.</translation>
    </message>
    <message>
        <source>Name the service to book.</source>
        <translation>Nennen Sie die zu buchende Leistung.</translation>
    </message>
    <message>
        <source>Appointment queued.</source>
        <translation>Termin eingereiht.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>The conversation could not be loaded: %1</source>
        <translation>Die Unterhaltung konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>Unterhaltung wird geladen…</translation>
    </message>
    <message>
        <source>The conversation of this lead is not in the cache yet. It is downloaded when you are online.</source>
        <translation>Die Unterhaltung dieses Leads ist noch nicht im Cache. Sie wird heruntergeladen, sobald Sie online sind.</translation>
    </message>
    <message>
        <source>No messages, notes or appointments yet.</source>
        <translation>Noch keine Nachrichten, Notizen oder Termine.</translation>
    </message>
</context>
<context>
    <name>outpost::LeadListPage</name>
    <message>
        <source>Search leads</source>
        <translation>Leads suchen</translation>
    </message>
    <message>
        <source>Search name, phone, email or tag  (Ctrl+F)</source>
        <translation>Name, Telefon, E-Mail oder Tag suchen  (Strg+F)</translation>
    </message>
    <message>
        <source>Matching leads</source>
        <translation>Passende Leads</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>Ansicht speichern…</translation>
    </message>
    <message>
        <source>Save this search, filter and sort in the sidebar</source>
        <translation>Diese Suche, Filter und Sortierung in der Seitenleiste speichern</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>⚠ The search index is being built (%1 %): leads not indexed yet are missing from these results.</source>
        <translation>⚠ Der Suchindex wird aufgebaut (%1 %): Noch nicht indizierte Leads fehlen in diesen Ergebnissen.</translation>
    </message>
    <message>
        <source>⚠ The search index is incomplete (%1 %): leads not indexed yet are missing from these results. The next sync completes it.</source>
        <translation>⚠ Der Suchindex ist unvollständig (%1 %): Noch nicht indizierte Leads fehlen in diesen Ergebnissen. Die nächste Synchronisierung vervollständigt ihn.</translation>
    </message>
    <message>
        <source>1 lead</source>
        <translation>1 Lead</translation>
    </message>
    <message>
        <source>%1 leads</source>
        <translation>%1 Leads</translation>
    </message>
    <message>
        <source>No leads match</source>
        <translation>Keine passenden Leads</translation>
    </message>
    <message>
        <source>Try fewer or shorter words, or clear the filters. Esc clears the search.</source>
        <translation>Versuchen Sie weniger oder kürzere Wörter, oder setzen Sie die Filter zurück. Esc leert die Suche.</translation>
    </message>
    <message>
        <source>No leads cached yet</source>
        <translation>Noch keine Leads im Cache</translation>
    </message>
    <message>
        <source>Leads appear here once this workspace has synced, online or not afterwards.</source>
        <translation>Leads erscheinen hier, sobald dieser Arbeitsbereich synchronisiert wurde – danach online wie offline.</translation>
    </message>
</context>
<context>
    <name>outpost::LeadTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>Letzte Nachr.</translation>
    </message>
</context>
<context>
    <name>outpost::MainWindow</name>
    <message>
        <source>Outpost</source>
        <translation>Outpost</translation>
    </message>
    <message>
        <source>Welcome to Outpost</source>
        <translation>Willkommen bei Outpost</translation>
    </message>
    <message>
        <source>Your leads, messages and pipeline, with or without a network.
This profile has no workspace yet: add one to start.</source>
        <translation>Ihre Leads, Nachrichten und Pipeline – mit oder ohne Netz.
Dieses Profil hat noch keinen Arbeitsbereich: Fügen Sie einen hinzu, um zu beginnen.</translation>
    </message>
    <message>
        <source>Add a workspace…</source>
        <translation>Arbeitsbereich hinzufügen…</translation>
    </message>
    <message>
        <source>Connect to your service: its address, your client id and an API key</source>
        <translation>Mit Ihrem Dienst verbinden: seine Adresse, Ihre Client-ID und ein API-Schlüssel</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Demo öffnen</translation>
    </message>
    <message>
        <source>A built-in service on this computer with made-up leads to try everything</source>
        <translation>Ein eingebauter Dienst auf diesem Rechner mit erfundenen Leads zum Ausprobieren</translation>
    </message>
    <message>
        <source>Add a workspace from a terminal: outpostctl workspace add NAME --url URL --client-id ID</source>
        <translation>Arbeitsbereich im Terminal hinzufügen: outpostctl workspace add NAME --url URL --client-id ID</translation>
    </message>
    <message>
        <source>Start the demo with: outpost --demo</source>
        <translation>Demo starten mit: outpost --demo</translation>
    </message>
    <message>
        <source>Go to Leads</source>
        <translation>Zu den Leads</translation>
    </message>
    <message>
        <source>Go to Pipeline</source>
        <translation>Zur Pipeline</translation>
    </message>
    <message>
        <source>Go to Dashboard</source>
        <translation>Zum Dashboard</translation>
    </message>
    <message>
        <source>Go to Campaigns</source>
        <translation>Zu den Kampagnen</translation>
    </message>
    <message>
        <source>Go to Settings</source>
        <translation>Zu den Einstellungen</translation>
    </message>
    <message>
        <source>Search leads</source>
        <translation>Leads suchen</translation>
    </message>
    <message>
        <source>Save the current view…</source>
        <translation>Aktuelle Ansicht speichern…</translation>
    </message>
    <message>
        <source>Work offline / go online</source>
        <translation>Offline arbeiten / online gehen</translation>
    </message>
    <message>
        <source>Resolve conflicts…</source>
        <translation>Konflikte lösen…</translation>
    </message>
    <message>
        <source>Basic plan</source>
        <translation>Basic-Tarif</translation>
    </message>
    <message>
        <source>Premium plan</source>
        <translation>Premium-Tarif</translation>
    </message>
    <message>
        <source>Bulk actions, the service&apos;s campaign list and its SLA figures need the Premium plan of the service. The dashboard computes its figures from the cache, and campaigns made here are listed.</source>
        <translation>Sammelaktionen, die Kampagnenliste des Dienstes und seine SLA-Zahlen erfordern den Premium-Tarif des Dienstes. Das Dashboard berechnet seine Zahlen aus dem Cache, und hier angelegte Kampagnen werden aufgeführt.</translation>
    </message>
    <message>
        <source>The service said: %1
%2</source>
        <translation>Der Dienst meldete: %1
%2</translation>
    </message>
    <message>
        <source>Every feature of the service is available</source>
        <translation>Alle Funktionen des Dienstes sind verfügbar</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>Kein Arbeitsbereich</translation>
    </message>
    <message>
        <source>Cannot open the cache of %1: %2</source>
        <translation>Der Cache von %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 — Outpost</source>
        <translation>%1 — Outpost</translation>
    </message>
    <message>
        <source>Leads cached: %1</source>
        <translation>Leads im Cache: %1</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <source>Name of this view (its search, filters and sort):</source>
        <translation>Name dieser Ansicht (Suche, Filter und Sortierung):</translation>
    </message>
    <message>
        <source>Saved the view “%1”</source>
        <translation>Ansicht „%1“ gespeichert</translation>
    </message>
</context>
<context>
    <name>outpost::OutboxLeadEdits</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>%1 (lead %2)</source>
        <translation>%1 (Lead %2)</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <source>Unknown bulk action.</source>
        <translation>Unbekannte Sammelaktion.</translation>
    </message>
    <message>
        <source>Nothing was queued.</source>
        <translation>Nichts wurde eingereiht.</translation>
    </message>
</context>
<context>
    <name>outpost::OutboxReplayer</name>
    <message>
        <source>Another Outpost is working on this workspace; the outbox waits for it.</source>
        <translation>Ein anderes Outpost arbeitet an diesem Arbeitsbereich; der Postausgang wartet darauf.</translation>
    </message>
    <message>
        <source>Sending the outbox was cancelled.</source>
        <translation>Das Senden des Postausgangs wurde abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>The service did not take %n change(s); they stay queued.</source>
        <translation>
            <numerusform>Der Dienst hat %n Änderung nicht angenommen; sie bleibt eingereiht.</numerusform>
            <numerusform>Der Dienst hat %n Änderungen nicht angenommen; sie bleiben eingereiht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued change(s) wait for a decision (conflicts, reviews or refusals).</source>
        <translation>
            <numerusform>%n eingereihte Änderung wartet auf eine Entscheidung (Konflikte, Prüfungen oder Ablehnungen).</numerusform>
            <numerusform>%n eingereihte Änderungen warten auf eine Entscheidung (Konflikte, Prüfungen oder Ablehnungen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Every queued change has reached the service.</source>
        <translation>Jede eingereihte Änderung hat den Dienst erreicht.</translation>
    </message>
    <message>
        <source>The status was changed on the service too (%1 → %2).</source>
        <translation>Der Status wurde auch beim Dienst geändert (%1 → %2).</translation>
    </message>
    <message>
        <source>The tags were changed on the service too.</source>
        <translation>Die Tags wurden auch beim Dienst geändert.</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) were changed on the service too.</source>
        <translation>
            <numerusform>%n Lead wurde auch beim Dienst geändert.</numerusform>
            <numerusform>%n Leads wurden auch beim Dienst geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The service&apos;s answer could not be read.</source>
        <translation>Die Antwort des Dienstes ist nicht lesbar.</translation>
    </message>
    <message>
        <source>The send may have reached the service and this plan cannot tell.</source>
        <translation>Der Versand hat den Dienst vielleicht erreicht; in diesem Tarif lässt sich das nicht feststellen.</translation>
    </message>
    <message>
        <source>The campaign is not listed by the service.</source>
        <translation>Der Dienst führt die Kampagne nicht.</translation>
    </message>
    <message>
        <source>It may have reached the service, and the service&apos;s answer cannot tell: send again, or mark it as arrived.</source>
        <translation>Sie hat den Dienst vielleicht erreicht, und seine Antwort sagt es nicht: Erneut senden oder als angekommen markieren.</translation>
    </message>
    <message>
        <source>The lead changed on the service since the first send: send again, or mark it as arrived.</source>
        <translation>Der Lead hat sich seit dem ersten Senden beim Dienst geändert: Erneut senden oder als angekommen markieren.</translation>
    </message>
    <message>
        <source>The campaign to send was never created.</source>
        <translation>Die zu sendende Kampagne wurde nie angelegt.</translation>
    </message>
</context>
<context>
    <name>outpost::PipelineBoard</name>
    <message>
        <source>Leads in this stage</source>
        <translation>Leads in dieser Phase</translation>
    </message>
    <message>
        <source>Drag cards to another stage, or select them and press Ctrl+Left or Ctrl+Right</source>
        <translation>Karten in eine andere Phase ziehen oder auswählen und Strg+Links bzw. Strg+Rechts drücken</translation>
    </message>
    <message>
        <source>No leads</source>
        <translation>Keine Leads</translation>
    </message>
    <message>
        <source>%1 leads</source>
        <translation>%1 Leads</translation>
    </message>
    <message>
        <source>Changes cannot be queued.</source>
        <translation>Änderungen können nicht eingereiht werden.</translation>
    </message>
    <message>
        <source>Cards cannot be moved to a status this version does not know.</source>
        <translation>Karten können nicht in einen Status verschoben werden, den diese Version nicht kennt.</translation>
    </message>
    <message>
        <source>Could not move the card: %1</source>
        <translation>Die Karte konnte nicht verschoben werden: %1</translation>
    </message>
</context>
<context>
    <name>outpost::PipelineModel</name>
    <message>
        <source>Other statuses</source>
        <translation>Andere Status</translation>
    </message>
    <message>
        <source>Statuses this version does not know, as the service sent them: %1</source>
        <translation>Status, die diese Version nicht kennt, wie der Dienst sie sendete: %1</translation>
    </message>
</context>
<context>
    <name>outpost::SettingsPage</name>
    <message>
        <source>%1 / hour</source>
        <translation>%1 / Stunde</translation>
    </message>
    <message>
        <source>%1 / minute</source>
        <translation>%1 / Minute</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Arbeitsbereiche</translation>
    </message>
    <message>
        <source>Each workspace is one account at one service, with its own cache on this computer. API keys and webhook secrets live in the system keychain only.</source>
        <translation>Jeder Arbeitsbereich ist ein Konto bei einem Dienst, mit eigenem Cache auf diesem Rechner. API-Schlüssel und Webhook-Geheimnisse liegen nur im Systemschlüsselbund.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>&amp;Switch to</source>
        <translation>&amp;Wechseln</translation>
    </message>
    <message>
        <source>API &amp;keys…</source>
        <translation>API-&amp;Schlüssel…</translation>
    </message>
    <message>
        <source>&amp;Webhooks…</source>
        <translation>Web&amp;hooks…</translation>
    </message>
    <message>
        <source>Live updates</source>
        <translation>Live-Aktualisierungen</translation>
    </message>
    <message>
        <source>Receive the selected workspace&apos;s webhooks on this computer: each verified event updates the cache at once and shows a notification. The webhook&apos;s URL must point here (e.g. http://127.0.0.1:PORT/ for a service on this computer, or a TLS proxy).</source>
        <translation>Die Webhooks des gewählten Arbeitsbereichs auf diesem Rechner empfangen: Jedes geprüfte Ereignis aktualisiert sofort den Cache und zeigt eine Benachrichtigung. Die URL des Webhooks muss hierher zeigen (z. B. http://127.0.0.1:PORT/ für einen Dienst auf diesem Rechner oder einen TLS-Proxy).</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>S&amp;top receiving</source>
        <translation>Empfang &amp;beenden</translation>
    </message>
    <message>
        <source>Start &amp;receiving</source>
        <translation>Empfang &amp;starten</translation>
    </message>
    <message>
        <source>Create a webhook for &quot;%1&quot; first: its secret verifies what arrives.</source>
        <translation>Legen Sie zuerst einen Webhook für „%1“ an: Sein Geheimnis prüft, was ankommt.</translation>
    </message>
    <message>
        <source>Receiving the webhooks of &quot;%1&quot; on port %2.</source>
        <translation>Webhooks von „%1“ werden auf Port %2 empfangen.</translation>
    </message>
    <message>
        <source>Reading the webhook secrets from the system keychain…</source>
        <translation>Die Webhook-Geheimnisse werden aus dem Systemschlüsselbund gelesen…</translation>
    </message>
    <message>
        <source>Not receiving webhooks.</source>
        <translation>Keine Webhooks empfangen.</translation>
    </message>
    <message>
        <source>offline only</source>
        <translation>nur offline</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Workspace added; its key is in the system keychain.</source>
        <translation>Arbeitsbereich hinzugefügt; sein Schlüssel liegt im Systemschlüsselbund.</translation>
    </message>
    <message>
        <source>Workspace saved.</source>
        <translation>Arbeitsbereich gespeichert.</translation>
    </message>
    <message>
        <source>%1
Enter a new API key for &quot;%2&quot;. Your unsent changes are kept and sent once the key works.</source>
        <translation>%1
Geben Sie einen neuen API-Schlüssel für „%2“ ein. Ihre ungesendeten Änderungen bleiben erhalten und werden gesendet, sobald der Schlüssel funktioniert.</translation>
    </message>
    <message>
        <source>Remove workspace</source>
        <translation>Arbeitsbereich entfernen</translation>
    </message>
    <message>
        <source>Remove the workspace &quot;%1&quot; from this computer?</source>
        <translation>Arbeitsbereich „%1“ von diesem Rechner entfernen?</translation>
    </message>
    <message>
        <source>Its API key and webhook secrets are deleted from the system keychain. The account at the service is not touched.</source>
        <translation>Sein API-Schlüssel und seine Webhook-Geheimnisse werden aus dem Systemschlüsselbund gelöscht. Das Konto beim Dienst bleibt unberührt.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Also delete its cached leads from this computer</source>
        <translation>Auch seine Leads im Cache von diesem Rechner löschen</translation>
    </message>
    <message>
        <source>Deleting the keychain entries of &quot;%1&quot;…</source>
        <translation>Die Schlüsselbundeinträge von „%1“ werden gelöscht…</translation>
    </message>
    <message>
        <source>The workspace was kept: its secrets could not be deleted from the system keychain (%1). Unlock the keychain and try again.</source>
        <translation>Der Arbeitsbereich wurde behalten: Seine Geheimnisse konnten nicht aus dem Systemschlüsselbund gelöscht werden (%1). Entsperren Sie den Schlüsselbund und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The workspace could not be removed: %1</source>
        <translation>Der Arbeitsbereich konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot; and its keychain entries.</source>
        <translation>„%1“ und seine Schlüsselbundeinträge entfernt.</translation>
    </message>
    <message>
        <source>Its cache was deleted.</source>
        <translation>Sein Cache wurde gelöscht.</translation>
    </message>
    <message>
        <source>Its cache could not be deleted entirely: %1</source>
        <translation>Sein Cache konnte nicht vollständig gelöscht werden: %1</translation>
    </message>
</context>
<context>
    <name>outpost::Sidebar</name>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>Remove view</source>
        <translation>Ansicht entfernen</translation>
    </message>
    <message>
        <source>Search or filter the lead list, then “Save view…” to keep it here.</source>
        <translation>Durchsuchen oder filtern Sie die Lead-Liste und behalten Sie sie mit „Ansicht speichern…“ hier.</translation>
    </message>
</context>
<context>
    <name>outpost::SyncEngine</name>
    <message>
        <source>%1 (process %2 on %3)</source>
        <translation>%1 (Prozess %2 auf %3)</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>ein anderes Programm</translation>
    </message>
    <message>
        <source>Another Outpost is syncing this workspace: %1. This one shows the cache as it is.</source>
        <translation>Ein anderes Outpost synchronisiert diesen Arbeitsbereich: %1. Dieses zeigt den Cache, wie er ist.</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n request(s), as asked; the next sync resumes here.</source>
        <translation>
            <numerusform>Wie gewünscht nach %n Anfrage angehalten; die nächste Synchronisierung setzt hier fort.</numerusform>
            <numerusform>Wie gewünscht nach %n Anfragen angehalten; die nächste Synchronisierung setzt hier fort.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused the saved page cursor (%1); the next sync starts over.</source>
        <translation>Der Server hat den gespeicherten Seitencursor abgelehnt (%1); die nächste Synchronisierung beginnt von vorn.</translation>
    </message>
    <message>
        <source>Listing leads failed</source>
        <translation>Auflisten der Leads fehlgeschlagen</translation>
    </message>
    <message>
        <source>The server&apos;s list of leads could not be read: %1</source>
        <translation>Die Lead-Liste des Servers ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>The server sent the same page twice (cursor repeated); listing stopped.</source>
        <translation>Der Server hat dieselbe Seite zweimal gesendet (Cursor wiederholt); das Auflisten wurde beendet.</translation>
    </message>
    <message>
        <source>The cache could not store a page of leads: %1</source>
        <translation>Der Cache konnte eine Seite Leads nicht speichern: %1</translation>
    </message>
    <message>
        <source>The search index could not be built: %1</source>
        <translation>Der Suchindex konnte nicht aufgebaut werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>The server lists only %n lead(s) and offers no paging; leads beyond those are not synced and none is removed.</source>
        <translation>
            <numerusform>Der Server listet nur %n Lead und bietet kein Blättern; weitere Leads werden nicht synchronisiert, und keiner wird entfernt.</numerusform>
            <numerusform>Der Server listet nur %n Leads und bietet kein Blättern; weitere Leads werden nicht synchronisiert, und keiner wird entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refreshing %1 failed</source>
        <translation>Aktualisieren von %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Refreshing %1 failed: %2</source>
        <translation>Aktualisieren von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The details of lead %1 could not be read: %2</source>
        <translation>Die Details von Lead %1 sind nicht lesbar: %2</translation>
    </message>
    <message>
        <source>no lead in the answer</source>
        <translation>kein Lead in der Antwort</translation>
    </message>
    <message>
        <source>The server answered with lead %1 when asked for lead %2.</source>
        <translation>Der Server antwortete mit Lead %1 auf die Frage nach Lead %2.</translation>
    </message>
    <message>
        <source>Fetching details failed</source>
        <translation>Abrufen der Details fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Synced: %n lead(s) listed</source>
        <translation>
            <numerusform>Synchronisiert: %n Lead gelistet</numerusform>
            <numerusform>Synchronisiert: %n Leads gelistet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n changed</source>
        <translation>
            <numerusform>, %n geändert</numerusform>
            <numerusform>, %n geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n removed</source>
        <translation>
            <numerusform>, %n entfernt</numerusform>
            <numerusform>, %n entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n with details</source>
        <translation>
            <numerusform>, %n mit Details</numerusform>
            <numerusform>, %n mit Details</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n warning(s): </source>
        <translation>
            <numerusform>; %n Warnung: </numerusform>
            <numerusform>; %n Warnungen: </numerusform>
        </translation>
    </message>
    <message>
        <source>The service refused this workspace&apos;s API key: %1 Syncing stopped; edits wait in the outbox until a new key is set.</source>
        <translation>Der Dienst hat den API-Schlüssel dieses Arbeitsbereichs abgelehnt: %1 Die Synchronisierung wurde beendet; Änderungen warten im Postausgang, bis ein neuer Schlüssel hinterlegt ist.</translation>
    </message>
    <message>
        <source>Sync cancelled.</source>
        <translation>Synchronisierung abgebrochen.</translation>
    </message>
    <message>
        <source>%1: %2. The cache stays usable; sync resumes from here.</source>
        <translation>%1: %2. Der Cache bleibt nutzbar; die Synchronisierung setzt hier fort.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Sync cancelled; the next sync resumes where this one stopped.</source>
        <translation>Synchronisierung abgebrochen; die nächste setzt dort fort, wo diese aufhörte.</translation>
    </message>
</context>
<context>
    <name>outpost::SyncStatusBar</name>
    <message>
        <source>Never synced</source>
        <translation>Nie synchronisiert</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>Gerade synchronisiert</translation>
    </message>
    <message>
        <source>Synced %1 ago</source>
        <translation>Vor %1 synchronisiert</translation>
    </message>
    <message>
        <source>Synced on %1</source>
        <translation>Synchronisiert am %1</translation>
    </message>
    <message>
        <source>Search finds only the leads indexed so far. Cancelling stops the sync; the next sync continues the index where it stopped.</source>
        <translation>Die Suche findet nur die bisher indizierten Leads. Abbrechen beendet die Synchronisierung; die nächste setzt den Index dort fort, wo er aufhörte.</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Synchronisierungsfortschritt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this sync; what it fetched is kept</source>
        <translation>Diese Synchronisierung beenden; bereits Abgerufenes bleibt erhalten</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Offline arbeiten</translation>
    </message>
    <message>
        <source>Stop all network traffic until switched back</source>
        <translation>Sämtlichen Netzverkehr anhalten, bis zurückgeschaltet wird</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>%1 ausstehend</translation>
    </message>
    <message>
        <source>Changes waiting in the outbox</source>
        <translation>Änderungen im Postausgang</translation>
    </message>
    <message>
        <source>1 conflict</source>
        <translation>1 Konflikt</translation>
    </message>
    <message>
        <source>%1 conflicts</source>
        <translation>%1 Konflikte</translation>
    </message>
    <message>
        <source>Resolve changes made on both sides</source>
        <translation>Auf beiden Seiten gemachte Änderungen auflösen</translation>
    </message>
    <message>
        <source>Search index progress</source>
        <translation>Fortschritt des Suchindex</translation>
    </message>
    <message>
        <source>Building the search index… %1 %</source>
        <translation>Suchindex wird aufgebaut… %1 %</translation>
    </message>
</context>
<context>
    <name>outpost::SyncStatusSource</name>
    <message>
        <source>Open a workspace to change its leads: changes go to its outbox and are sent when online.</source>
        <translation>Öffnen Sie einen Arbeitsbereich, um seine Leads zu ändern: Änderungen gehen in seinen Postausgang und werden online gesendet.</translation>
    </message>
</context>
<context>
    <name>outpost::TimelineDelegate</name>
    <message>
        <source>Note · %1</source>
        <translation>Notiz · %1</translation>
    </message>
    <message>
        <source>Note by %1 · %2</source>
        <translation>Notiz von %1 · %2</translation>
    </message>
    <message>
        <source>time unknown</source>
        <translation>Zeit unbekannt</translation>
    </message>
    <message>
        <source>Appointment · %1</source>
        <translation>Termin · %1</translation>
    </message>
    <message>
        <source>Appointment · %1 · %2</source>
        <translation>Termin · %1 · %2</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>outpost::TimelineModel</name>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Needs review: %1</source>
        <translation>Zu prüfen: %1</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>outpost::WebhookEventApplier</name>
    <message>
        <source>A &quot;%1&quot; event arrived without a lead id; nothing was changed.</source>
        <translation>Ein Ereignis „%1“ kam ohne Lead-ID an; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Event %1 could not be stored in the cache: %2</source>
        <translation>Ereignis %1 konnte nicht im Cache gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The details of lead %1 could not be fetched: %2; the next sync brings them.</source>
        <translation>Die Details von Lead %1 konnten nicht abgerufen werden: %2; die nächste Synchronisierung bringt sie.</translation>
    </message>
    <message>
        <source>The service answered with unreadable details for lead %1; the next sync tries again.</source>
        <translation>Der Dienst lieferte unlesbare Details für Lead %1; die nächste Synchronisierung versucht es erneut.</translation>
    </message>
    <message>
        <source>The details of lead %1 could not be stored: %2</source>
        <translation>Die Details von Lead %1 konnten nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Lead %1</source>
        <translation>Lead %1</translation>
    </message>
    <message>
        <source>Webhook test</source>
        <translation>Webhook-Test</translation>
    </message>
    <message>
        <source>The service&apos;s test delivery arrived and was verified.</source>
        <translation>Die Testzustellung des Dienstes ist angekommen und wurde geprüft.</translation>
    </message>
    <message>
        <source>Webhook event</source>
        <translation>Webhook-Ereignis</translation>
    </message>
    <message>
        <source>&quot;%1&quot; arrived; Outpost does not act on it.</source>
        <translation>„%1“ ist angekommen; Outpost reagiert nicht darauf.</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>Neuer Lead</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status geändert</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Message from %1</source>
        <translation>Nachricht von %1</translation>
    </message>
    <message>
        <source>Note on %1</source>
        <translation>Notiz zu %1</translation>
    </message>
    <message>
        <source>Appointment booked</source>
        <translation>Termin gebucht</translation>
    </message>
    <message>
        <source>%1, %2 %3</source>
        <translation>%1, %2 %3</translation>
    </message>
    <message>
        <source>Lead escalated</source>
        <translation>Lead eskaliert</translation>
    </message>
</context>
<context>
    <name>outpost::WebhookListener</name>
    <message>
        <source>workspace &quot;%1&quot; has no webhook secret in the keychain: create a webhook for it first (its secret is stored when it is created)</source>
        <translation>Arbeitsbereich „%1“ hat kein Webhook-Geheimnis im Schlüsselbund: Legen Sie zuerst einen Webhook dafür an (sein Geheimnis wird beim Anlegen gespeichert)</translation>
    </message>
    <message>
        <source>No API key could be read (%1): new leads arrive without their details until the next sync.</source>
        <translation>Es konnte kein API-Schlüssel gelesen werden (%1): Neue Leads kommen bis zur nächsten Synchronisierung ohne Details an.</translation>
    </message>
    <message>
        <source>The secret of webhook %1 is not in the keychain.</source>
        <translation>Das Geheimnis von Webhook %1 ist nicht im Schlüsselbund.</translation>
    </message>
    <message>
        <source>The webhook secrets could not be read from the system keychain: %1</source>
        <translation>Die Webhook-Geheimnisse konnten nicht aus dem Systemschlüsselbund gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>outpost::WebhookReceiver</name>
    <message>
        <source>no webhook secret: every delivery would be refused</source>
        <translation>kein Webhook-Geheimnis: Jede Zustellung würde abgewiesen</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>kann nicht auf %1:%2 lauschen: %3</translation>
    </message>
</context>
<context>
    <name>outpost::WebhooksDialog</name>
    <message>
        <source>Reading this workspace&apos;s key from the system keychain…</source>
        <translation>Der Schlüssel dieses Arbeitsbereichs wird aus dem Systemschlüsselbund gelesen…</translation>
    </message>
    <message>
        <source>Webhooks of %1</source>
        <translation>Webhooks von %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Send &amp;test</source>
        <translation>&amp;Test senden</translation>
    </message>
    <message>
        <source>De&amp;liveries</source>
        <translation>&amp;Zustellungen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Deliveries of the selected webhook:</source>
        <translation>Zustellungen des gewählten Webhooks:</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>New webhook</source>
        <translation>Neuer Webhook</translation>
    </message>
    <message>
        <source>e.g. Office CRM bridge</source>
        <translation>z. B. Büro-CRM-Brücke</translation>
    </message>
    <message>
        <source>HTTPS only; http://127.0.0.1 or http://localhost for testing on this computer.</source>
        <translation>Nur HTTPS; http://127.0.0.1 oder http://localhost zum Testen auf diesem Rechner.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Ereignisse:</translation>
    </message>
    <message>
        <source>C&amp;reate webhook</source>
        <translation>Webhook &amp;anlegen</translation>
    </message>
    <message>
        <source>Its signing secret, shown once and already kept in the system keychain:</source>
        <translation>Sein Signaturgeheimnis, nur einmal gezeigt und bereits im Systemschlüsselbund abgelegt:</translation>
    </message>
    <message>
        <source>Loading the webhooks…</source>
        <translation>Webhooks werden geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln webhook(s).</source>
        <translation>
            <numerusform>%Ln Webhook.</numerusform>
            <numerusform>%Ln Webhooks.</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Creating the webhook and storing its secret in the system keychain…</source>
        <translation>Webhook wird angelegt und sein Geheimnis im Systemschlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>Created &quot;%1&quot;. Its secret is in the system keychain; the receiver uses it from there.</source>
        <translation>„%1“ angelegt. Sein Geheimnis liegt im Systemschlüsselbund; der Empfänger nutzt es von dort.</translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation>Webhook löschen</translation>
    </message>
    <message>
        <source>Delete the webhook &quot;%1&quot;?</source>
        <translation>Webhook „%1“ löschen?</translation>
    </message>
    <message>
        <source>The service stops sending to %1, and its secret is deleted from the system keychain.</source>
        <translation>Der Dienst sendet nicht mehr an %1, und sein Geheimnis wird aus dem Systemschlüsselbund gelöscht.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <source>Deleted the webhook and forgot its secret.</source>
        <translation>Webhook gelöscht und sein Geheimnis vergessen.</translation>
    </message>
    <message>
        <source>Asking the service to send a test event…</source>
        <translation>Der Dienst wird gebeten, ein Testereignis zu senden…</translation>
    </message>
    <message>
        <source>The service sent a test event; its delivery appears below.</source>
        <translation>Der Dienst hat ein Testereignis gesendet; seine Zustellung erscheint unten.</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>outpost::WorkspaceClient</name>
    <message>
        <source>Workspace &quot;%1&quot; has no service address.</source>
        <translation>Arbeitsbereich „%1“ hat keine Dienstadresse.</translation>
    </message>
    <message>
        <source>No API key is stored for &quot;%1&quot;: edit the workspace to enter one.</source>
        <translation>Für „%1“ ist kein API-Schlüssel gespeichert: Bearbeiten Sie den Arbeitsbereich, um einen einzugeben.</translation>
    </message>
    <message>
        <source>The key of &quot;%1&quot; could not be read from the system keychain: %2</source>
        <translation>Der Schlüssel von „%1“ konnte nicht aus dem Systemschlüsselbund gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>outpost::WorkspaceDialog</name>
    <message>
        <source>Add workspace</source>
        <translation>Arbeitsbereich hinzufügen</translation>
    </message>
    <message>
        <source>Edit workspace %1</source>
        <translation>Arbeitsbereich %1 bearbeiten</translation>
    </message>
    <message>
        <source>e.g. Spring campaign</source>
        <translation>z. B. Frühjahrsaktion</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored key</source>
        <translation>Leer lassen, um den gespeicherten Schlüssel zu behalten</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>API-Schlüssel einfügen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Service &amp;address:</source>
        <translation>Dienst&amp;adresse:</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Service profile</source>
        <translation>Dienstprofil</translation>
    </message>
    <message>
        <source>requests per minute</source>
        <translation>Anfragen pro Minute</translation>
    </message>
    <message>
        <source>requests per hour</source>
        <translation>Anfragen pro Stunde</translation>
    </message>
    <message>
        <source>e.g. lp_ (optional)</source>
        <translation>z. B. lp_ (optional)</translation>
    </message>
    <message>
        <source>Webhook signature &amp;header:</source>
        <translation>Webhook-Signatur-&amp;Header:</translation>
    </message>
    <message>
        <source>Rate limit:</source>
        <translation>Ratenlimit:</translation>
    </message>
    <message>
        <source>Key &amp;prefix:</source>
        <translation>Schlüssel&amp;präfix:</translation>
    </message>
    <message>
        <source>Save without checking</source>
        <translation>Ohne Prüfung speichern</translation>
    </message>
    <message>
        <source>A workspace named &quot;%1&quot; exists already.</source>
        <translation>Ein Arbeitsbereich namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>Enter the workspace&apos;s API key: Outpost checks it once, then keeps it in the system keychain.</source>
        <translation>Geben Sie den API-Schlüssel des Arbeitsbereichs ein: Outpost prüft ihn einmal und bewahrt ihn dann im Systemschlüsselbund auf.</translation>
    </message>
    <message>
        <source>Checking the key with one call to %1…</source>
        <translation>Schlüssel wird mit einem Aufruf an %1 geprüft…</translation>
    </message>
    <message>
        <source>%1 Nothing was saved.</source>
        <translation>%1 Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Check the address and the client id: %1</source>
        <translation>Prüfen Sie Adresse und Client-ID: %1</translation>
    </message>
    <message>
        <source>The connection is not safe: %1 Nothing was sent with the key.</source>
        <translation>Die Verbindung ist nicht sicher: %1 Der Schlüssel wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The key could not be checked: %1 You can save it unchecked and work offline; sync tells you later if the service refuses it.</source>
        <translation>Der Schlüssel konnte nicht geprüft werden: %1 Sie können ihn ungeprüft speichern und offline arbeiten; die Synchronisierung meldet später, falls der Dienst ihn ablehnt.</translation>
    </message>
    <message>
        <source>The key could not be checked: %1</source>
        <translation>Der Schlüssel konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>Storing the key in the system keychain…</source>
        <translation>Schlüssel wird im Systemschlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>No system keychain is reachable, and Outpost keeps API keys nowhere else. Start your desktop&apos;s keyring (GNOME Keyring, KeePassXC or KWallet with the Secret Service enabled) and save again. Nothing was saved.
%1</source>
        <translation>Kein Systemschlüsselbund erreichbar, und Outpost bewahrt API-Schlüssel nirgendwo sonst auf. Starten Sie den Schlüsselbund Ihres Desktops (GNOME Keyring, KeePassXC oder KWallet mit aktiviertem Secret Service) und speichern Sie erneut. Nichts wurde gespeichert.
%1</translation>
    </message>
    <message>
        <source>The system keychain is locked or refused access. Unlock it and save again. Nothing was saved.
%1</source>
        <translation>Der Systemschlüsselbund ist gesperrt oder verweigert den Zugriff. Entsperren Sie ihn und speichern Sie erneut. Nichts wurde gespeichert.
%1</translation>
    </message>
    <message>
        <source>The key could not be stored in the system keychain: %1. Nothing was saved.</source>
        <translation>Der Schlüssel konnte nicht im Systemschlüsselbund gespeichert werden: %1. Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>The workspace could not be saved: %1</source>
        <translation>Der Arbeitsbereich konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Workspace added.</source>
        <translation>Arbeitsbereich hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>outpost::WorkspaceListModel</name>
    <message>
        <source>%1 (local cache only)</source>
        <translation>%1 (nur lokaler Cache)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
</context>
<context>
    <name>outpost::WorkspaceSync</name>
    <message>
        <source>No API key for &quot;%1&quot; in the keychain.</source>
        <translation>Kein API-Schlüssel für „%1“ im Schlüsselbund.</translation>
    </message>
    <message>
        <source>The keychain has no API key for this workspace: enter one to sync it.</source>
        <translation>Der Schlüsselbund hat keinen API-Schlüssel für diesen Arbeitsbereich: Geben Sie einen ein, um ihn zu synchronisieren.</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the keychain to sync &quot;%1&quot; (it answered: %2). Trying again in %n second(s).</source>
        <translation>
            <numerusform>Warten auf den Schlüsselbund, um „%1“ zu synchronisieren (Antwort: %2). Neuer Versuch in %n Sekunde.</numerusform>
            <numerusform>Warten auf den Schlüsselbund, um „%1“ zu synchronisieren (Antwort: %2). Neuer Versuch in %n Sekunden.</numerusform>
        </translation>
    </message>
</context>
</TS>
