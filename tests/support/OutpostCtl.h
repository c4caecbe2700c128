#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace outpost::test {

// What one run of outpostctl returned and printed.
struct CtlResult
{
    int code = -1; // -1: it crashed or was killed
    QString out;
    QString err;
    QJsonObject json() const;
};

// The real outpostctl binary ($OUTPOSTCTL, set by CTest) on a private profile,
// as a person or a script runs it.
class OutpostCtl
{
public:
    static constexpr int kDefaultTimeoutMs = 180000;

    explicit OutpostCtl(QString profile = {});

    void setProfile(const QString &profile) { m_profile = profile; }
    const QString &profile() const { return m_profile; }
    void setEnvironment(const QProcessEnvironment &env) { m_env = env; }
    void setTimeout(int ms) { m_timeoutMs = ms; }

    // Runs to the end; a run that outlives the timeout fails the whole test.
    CtlResult run(const QStringList &args, const QByteArray &input = {}) const;
    // Started with `input` on stdin, not waited for (runs that get killed, parallel runs).
    std::unique_ptr<QProcess> start(const QStringList &args, const QByteArray &input = {}) const;
    CtlResult finish(QProcess &process) const;
    // `workspace add NAME --url --client-id EXTRA...` with the key on stdin.
    CtlResult addWorkspace(const QString &name, const QUrl &url, const QString &clientId, const QString &key,
                           const QStringList &extra = {}) const;

    // What a process that already ended returned and printed.
    static CtlResult resultOf(QProcess &process);

private:
    QString m_profile;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    int m_timeoutMs = kDefaultTimeoutMs;
};

} // namespace outpost::test
