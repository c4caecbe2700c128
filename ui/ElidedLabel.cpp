#include "ElidedLabel.h"

#include <QResizeEvent>

namespace outpost {

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    setTextFormat(Qt::PlainText);
}

void ElidedLabel::setFullText(const QString &text)
{
    m_fullText = text;
    setAccessibleName(text);
    updateElided();
}

QSize ElidedLabel::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(QStringLiteral("M…")), QLabel::minimumSizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    updateElided();
}

void ElidedLabel::updateElided()
{
    // Line breaks in a name (hostile or not) would break the one-line header.
    QString flat = m_fullText;
    flat.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\t'), QLatin1Char(' '));
    const QString shown = fontMetrics().elidedText(flat, Qt::ElideRight, std::max(0, width()));
    setText(shown);
    setToolTip(shown == flat ? QString() : m_fullText);
}

} // namespace outpost
