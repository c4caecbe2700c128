#pragma once

#include <QDir>
#include <QString>
#include <QWidget>
#include <QtTest>

namespace outpost::test {

// UI tests leave pictures of what they drove in OUTPOST_SCREENSHOT_DIR (set by
// tests/ui/CMakeLists.txt) so a person can look at them; without it, nothing is written.
inline void saveScreenshot(QWidget &w, const QString &name)
{
    const QString dir = qEnvironmentVariable("OUTPOST_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(w.grab().save(dir + QLatin1Char('/') + name));
}

} // namespace outpost::test
