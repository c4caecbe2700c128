#include "FilterChipBar.h"

#include "LeadText.h"
#include "domain/LeadStatus.h"

#include <QActionGroup>
#include <QHBoxLayout>
#include <QMenu>
#include <QToolButton>

namespace outpost {

namespace {

constexpr FilterChipBar::Chip kChips[] = {FilterChipBar::Chip::Status, FilterChipBar::Chip::Channel,
                                          FilterChipBar::Chip::Tag, FilterChipBar::Chip::Agent};

const char kChipStyle[] = R"(
QToolButton#filterChip {
    border: 1px solid palette(mid);
    border-radius: 11px;
    padding: 2px 10px;
    background: palette(base);
}
QToolButton#filterChip:hover { border-color: palette(highlight); }
QToolButton#filterChip:checked {
    background: palette(highlight);
    color: palette(highlighted-text);
    border-color: palette(highlight);
}
QToolButton#filterChip::menu-indicator { image: none; width: 0; }
)";

} // namespace

FilterChipBar::FilterChipBar(QWidget *parent)
    : QWidget(parent)
{
    setStyleSheet(QString::fromLatin1(kChipStyle));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    for (Chip chip : kChips)
        layout->addWidget(makeChip(chip));

    m_escalated = new QToolButton(this);
    m_escalated->setObjectName(QStringLiteral("filterChip"));
    m_escalated->setText(tr("Escalated"));
    m_escalated->setAccessibleName(tr("Only escalated leads"));
    m_escalated->setCheckable(true);
    connect(m_escalated, &QToolButton::toggled, this, [this] {
        m_clear->setVisible(!isEmpty());
        emit changed();
    });
    layout->addWidget(m_escalated);

    m_clear = new QToolButton(this);
    m_clear->setText(tr("Clear filters"));
    m_clear->setAutoRaise(true);
    m_clear->setVisible(false);
    connect(m_clear, &QToolButton::clicked, this, &FilterChipBar::clear);
    layout->addWidget(m_clear);
    layout->addStretch();

    QStringList statuses;
    for (const LeadStatus &s : LeadStatus::pipeline())
        statuses << s.toString();
    setValues(Chip::Status, statuses);
}

QToolButton *FilterChipBar::makeChip(Chip chip)
{
    ChipState &s = state(chip);
    s.button = new QToolButton(this);
    s.button->setObjectName(QStringLiteral("filterChip"));
    s.button->setPopupMode(QToolButton::InstantPopup);
    s.button->setCheckable(true);
    s.menu = new QMenu(s.button);
    s.button->setMenu(s.menu);
    s.group = new QActionGroup(s.menu);
    updateChip(chip);
    return s.button;
}

QToolButton *FilterChipBar::button(Chip chip) const
{
    return state(chip).button;
}

// Whole phrases, not "Any " + a lower-cased name: languages decline and
// capitalise differently.
FilterChipBar::ChipTexts FilterChipBar::textsOf(Chip chip)
{
    switch (chip) {
    case Chip::Status:
        return {tr("Status"), tr("Any status"), tr("Filter by status")};
    case Chip::Channel:
        return {tr("Channel"), tr("Any channel"), tr("Filter by channel")};
    case Chip::Tag:
        return {tr("Tag"), tr("Any tag"), tr("Filter by tag")};
    case Chip::Agent:
        return {tr("Agent"), tr("Any agent"), tr("Filter by agent")};
    }
    return {};
}

QString FilterChipBar::valueText(Chip chip, const QString &value) const
{
    if (chip == Chip::Status)
        return LeadText::status(LeadStatus::fromString(value));
    if (chip == Chip::Channel)
        return LeadText::channel(value);
    return value;
}

void FilterChipBar::setValues(Chip chip, const QStringList &values)
{
    ChipState &s = state(chip);
    s.values = values;
    rebuildMenu(chip);
}

void FilterChipBar::rebuildMenu(Chip chip)
{
    ChipState &s = state(chip);
    s.menu->clear();
    const auto add = [&](const QString &text, const QString &value) {
        QAction *a = s.menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(value == s.value);
        s.group->addAction(a);
        connect(a, &QAction::triggered, this, [this, chip, value] { select(chip, value); });
    };
    add(textsOf(chip).anyValue, QString());
    s.menu->addSeparator();
    QStringList values = s.values;
    if (!s.value.isEmpty() && !values.contains(s.value))
        values.prepend(s.value); // a saved view may name a value the cache no longer holds
    for (const QString &v : std::as_const(values)) {
        QString text = valueText(chip, v);
        text.replace(QLatin1Char('&'), QStringLiteral("&&")).replace(QLatin1Char('\n'), QLatin1Char(' '));
        add(text, v);
    }
    if (values.isEmpty())
        s.menu->addAction(tr("No values in the cache"))->setEnabled(false);
}

void FilterChipBar::select(Chip chip, const QString &value)
{
    ChipState &s = state(chip);
    if (s.value == value) {
        updateChip(chip);
        return;
    }
    s.value = value;
    updateChip(chip);
    rebuildMenu(chip);
    emit changed();
}

void FilterChipBar::updateChip(Chip chip)
{
    ChipState &s = state(chip);
    const QString shown = valueText(chip, s.value);
    const ChipTexts texts = textsOf(chip);
    QString text = s.value.isEmpty() ? texts.name + QStringLiteral(" ▾")
                                     : tr("%1: %2").arg(texts.name, shown.left(40)) + QStringLiteral(" ▾");
    s.button->setText(
        text.replace(QLatin1Char('&'), QStringLiteral("&&")).replace(QLatin1Char('\n'), QLatin1Char(' ')));
    s.button->setChecked(!s.value.isEmpty());
    s.button->setAccessibleName(texts.filterBy);
    if (m_clear)
        m_clear->setVisible(!isEmpty());
}

LeadFilter FilterChipBar::applyTo(LeadFilter base) const
{
    base.status = state(Chip::Status).value;
    base.channel = state(Chip::Channel).value;
    base.tag = state(Chip::Tag).value;
    base.assignedAgent = state(Chip::Agent).value;
    base.escalated = m_escalated->isChecked() ? std::optional<bool>(true) : std::nullopt;
    return base;
}

void FilterChipBar::setFromFilter(const LeadFilter &filter)
{
    const QSignalBlocker blocker(this);
    state(Chip::Status).value = filter.status;
    state(Chip::Channel).value = filter.channel;
    state(Chip::Tag).value = filter.tag;
    state(Chip::Agent).value = filter.assignedAgent;
    {
        const QSignalBlocker escalatedBlocker(m_escalated);
        m_escalated->setChecked(filter.escalated.value_or(false));
    }
    for (Chip chip : kChips) {
        updateChip(chip);
        rebuildMenu(chip);
    }
}

bool FilterChipBar::isEmpty() const
{
    for (Chip chip : kChips) {
        if (!state(chip).value.isEmpty())
            return false;
    }
    return !m_escalated->isChecked();
}

void FilterChipBar::clear()
{
    if (isEmpty())
        return;
    setFromFilter(LeadFilter{});
    emit changed();
}

} // namespace outpost
