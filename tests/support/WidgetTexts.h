#pragma once

#include <QLabel>
#include <QStringList>
#include <QWidget>

namespace outpost::test {

// The texts of the labels a person can see in `w`.
inline QStringList labelTexts(QWidget &w)
{
    QStringList texts;
    for (QLabel *l : w.findChildren<QLabel *>()) {
        if (l->isVisibleTo(&w))
            texts << l->text();
    }
    return texts;
}

} // namespace outpost::test
