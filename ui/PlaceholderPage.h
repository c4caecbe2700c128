#pragma once

#include <QWidget>

namespace outpost {

// A page whose feature arrives with a later issue: says what it will hold, so
// the sidebar never leads to a blank screen.
class PlaceholderPage : public QWidget
{
    Q_OBJECT

public:
    PlaceholderPage(const QString &title, const QString &text, QWidget *parent = nullptr);
};

} // namespace outpost
