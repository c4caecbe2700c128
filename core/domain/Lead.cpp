#include "domain/Lead.h"

namespace outpost {

QString Lead::firstName() const
{
    const QString trimmed = name.trimmed();
    const qsizetype space = trimmed.indexOf(QLatin1Char(' '));
    return space < 0 ? trimmed : trimmed.left(space);
}

} // namespace outpost
