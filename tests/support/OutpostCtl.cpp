#include "OutpostCtl.h"

#include <QJsonDocument>
#include <QtGlobal>

namespace outpost::test {

QJsonObject CtlResult::json() const
{
    return QJsonDocument::fromJson(out.toUtf8()).object();
}

OutpostCtl::OutpostCtl(QString profile)
    : m_profile(std::move(profile))
{}

std::unique_ptr<QProcess> OutpostCtl::start(const QStringList &args, const QByteArray &input) const
{
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(m_env);
    p->setProgram(qEnvironmentVariable("OUTPOSTCTL"));
    p->setArguments(QStringList{QStringLiteral("--profile"), m_profile} + args);
    p->start();
    p->write(input);
    p->closeWriteChannel();
    return p;
}

CtlResult OutpostCtl::finish(QProcess &process) const
{
    if (!process.waitForFinished(m_timeoutMs)) {
        process.kill();
        process.waitForFinished();
        qFatal("outpostctl %s did not finish: %s", qPrintable(process.arguments().join(u' ')),
               process.readAllStandardError().constData());
    }
    return resultOf(process);
}

CtlResult OutpostCtl::resultOf(QProcess &process)
{
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

CtlResult OutpostCtl::run(const QStringList &args, const QByteArray &input) const
{
    auto p = start(args, input);
    return finish(*p);
}

CtlResult OutpostCtl::addWorkspace(const QString &name, const QUrl &url, const QString &clientId, const QString &key,
                                   const QStringList &extra) const
{
    return run(QStringList{QStringLiteral("workspace"), QStringLiteral("add"), name, QStringLiteral("--url"),
                           url.toString(), QStringLiteral("--client-id"), clientId} +
                   extra,
               key.toUtf8() + '\n');
}

} // namespace outpost::test
