#pragma once

#include <QLabel>

namespace outpost {

// A one-line label that ends in "…" when its text does not fit, and shows the
// whole text in its tooltip. QLabel alone either clips or widens the layout.
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setFullText(const QString &text);
    QString fullText() const { return m_fullText; }
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateElided();

    QString m_fullText;
};

} // namespace outpost
