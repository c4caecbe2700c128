#pragma once

#include <QFrame>

#include <functional>

class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QTimer;

namespace outpost {

class WorkspaceCache;

// Ctrl+K: one box to jump to any lead of the cache (matched by the same search
// as the lead list, run off the GUI thread) or to run any action the window
// registered. A popup over the window, never modal: Escape or a click elsewhere
// closes it.
class CommandPalette : public QFrame
{
    Q_OBJECT

public:
    CommandPalette(WorkspaceCache *cache, QWidget *window);

    // An action offered by name; `run` is called when it is picked.
    void addAction(const QString &name, const QString &shortcut, std::function<void()> run);

    QLineEdit *input() const { return m_input; }
    QListWidget *results() const { return m_results; }

public slots:
    void popup();
    void runCurrent();

signals:
    void leadPicked(qint64 id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Action
    {
        QString name;
        QString shortcut;
        std::function<void()> run;
    };

    void onTextChanged();
    void searchLeads();
    void showActions(const QString &text);
    void showLeads(quint64 generation, const QList<QPair<qint64, QString>> &leads);
    void place();
    void run(QListWidgetItem *item);

    WorkspaceCache *m_cache;
    QLineEdit *m_input = nullptr;
    QListWidget *m_results = nullptr;
    QTimer *m_searchTimer = nullptr;
    QList<Action> m_actions;
    quint64 m_generation = 0;
};

} // namespace outpost
