#pragma once

#include "common/Result.h"

#include <QCoreApplication>

class QTextStream;

namespace outpost::ctl {

// Where an API key comes from on the command line: standard input, never an
// argument (arguments show in `ps` and shell history). On a terminal the
// person is prompted and nothing is echoed.
class KeyInput
{
    Q_DECLARE_TR_FUNCTIONS(KeyInput)

public:
    static Result<QString> read(QTextStream &prompt, const QString &workspaceName);

    static bool stdinIsTerminal();
    // A yes/no question on the terminal; false unless the person types y or yes.
    static bool confirm(QTextStream &prompt, const QString &question);

private:
    static Result<QString> readPiped();
    static Result<QString> readFromTerminal(QTextStream &prompt, const QString &workspaceName);
};

} // namespace outpost::ctl
