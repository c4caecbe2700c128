#include "PlaceholderPage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace outpost {

PlaceholderPage::PlaceholderPage(const QString &title, const QString &text, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    auto *heading = new QLabel(title, this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    heading->setFont(font);
    heading->setAlignment(Qt::AlignCenter);
    auto *body = new QLabel(text, this);
    body->setAlignment(Qt::AlignCenter);
    body->setWordWrap(true);
    body->setEnabled(false);
    layout->addWidget(heading);
    layout->addWidget(body);
    layout->addStretch();
}

} // namespace outpost
