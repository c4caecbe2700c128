#include "KeyInput.h"

#include <QFile>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace outpost::ctl {

namespace {

// Far beyond any key: a larger input is the wrong file piped in.
constexpr qint64 kMaxKeyInput = 64 * 1024;

// Restores the terminal's echo however the read ends.
class EchoOff
{
public:
    EchoOff()
    {
        m_active = ::tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (!m_active)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    ~EchoOff()
    {
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};

QByteArray readLine()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return in.readLine(kMaxKeyInput);
}

} // namespace

bool KeyInput::stdinIsTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

Result<QString> KeyInput::read(QTextStream &prompt, const QString &workspaceName)
{
    return stdinIsTerminal() ? readFromTerminal(prompt, workspaceName) : readPiped();
}

Result<QString> KeyInput::readPiped()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return makeError(tr("cannot read the API key from standard input"));
    QByteArray bytes = in.read(kMaxKeyInput + 1);
    if (bytes.size() > kMaxKeyInput)
        return makeError(tr("standard input holds more than %1 KiB: that is not an API key").arg(kMaxKeyInput / 1024));
    if (bytes.trimmed().isEmpty())
        return makeError(tr("no API key on standard input: pipe it in, e.g. `outpostctl workspace add ... < key.txt`"));
    QString key = QString::fromUtf8(bytes);
    bytes.fill('\0');
    return key;
}

Result<QString> KeyInput::readFromTerminal(QTextStream &prompt, const QString &workspaceName)
{
    prompt << tr("API key for \"%1\" (not shown): ").arg(workspaceName);
    prompt.flush();
    QByteArray line;
    {
        EchoOff quiet;
        line = readLine();
    }
    QString key = QString::fromUtf8(line);
    line.fill('\0');
    if (key.trimmed().isEmpty())
        return makeError(tr("no API key was entered"));
    return key;
}

bool KeyInput::confirm(QTextStream &prompt, const QString &question)
{
    prompt << question << QStringLiteral(" [y/N] ");
    prompt.flush();
    const QString answer = QString::fromUtf8(readLine()).trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

} // namespace outpost::ctl
