#pragma once

#include "domain/LeadFilter.h"

#include <QWidget>

class QMenu;
class QToolButton;
class QActionGroup;

namespace outpost {

// The filter chips above the lead list: status, channel, tag, agent (each a
// menu of the values the cache holds) and escalated (a toggle). A chip with a
// value set says so ("Channel: SMS") and looks pressed.
class FilterChipBar : public QWidget
{
    Q_OBJECT

public:
    enum class Chip {
        Status,
        Channel,
        Tag,
        Agent,
    };

    explicit FilterChipBar(QWidget *parent = nullptr);

    // Applies the chips to `base` (search and everything else kept).
    LeadFilter applyTo(LeadFilter base) const;
    void setFromFilter(const LeadFilter &filter);
    void setValues(Chip chip, const QStringList &values);
    bool isEmpty() const;
    void clear();
    QToolButton *button(Chip chip) const;
    QToolButton *escalatedButton() const { return m_escalated; }

signals:
    void changed();

private:
    struct ChipState
    {
        QToolButton *button = nullptr;
        QMenu *menu = nullptr;
        QActionGroup *group = nullptr;
        QString value;
        QStringList values;
    };

    QToolButton *makeChip(Chip chip);
    void rebuildMenu(Chip chip);
    void select(Chip chip, const QString &value);
    void updateChip(Chip chip);
    struct ChipTexts
    {
        QString name;     // the chip's label
        QString anyValue; // its menu's first entry
        QString filterBy; // its accessible name
    };
    static ChipTexts textsOf(Chip chip);
    QString valueText(Chip chip, const QString &value) const;
    ChipState &state(Chip chip) { return m_chips[static_cast<int>(chip)]; }
    const ChipState &state(Chip chip) const { return m_chips[static_cast<int>(chip)]; }

    ChipState m_chips[4];
    QToolButton *m_escalated = nullptr;
    QToolButton *m_clear = nullptr;
};

} // namespace outpost
