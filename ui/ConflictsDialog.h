#pragma once

#include "LeadEdits.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace outpost {

// The conflicts of the open workspace, one at a time: each field with its
// three values (when the edit was made, the service's now, mine) and a choice
// between keeping mine and taking theirs. Opened with open(), never exec().
class ConflictsDialog : public QDialog
{
    Q_OBJECT

public:
    ConflictsDialog(LeadEdits *edits, QWidget *parent = nullptr);

    QListWidget *conflictList() const { return m_list; }
    QTableWidget *fieldTable() const { return m_fields; }
    QPushButton *keepMineButton() const { return m_keepMine; }
    QPushButton *takeTheirsButton() const { return m_takeTheirs; }

public slots:
    void reload();

private:
    void showConflict(int row);
    void resolveCurrent(LeadEdits::Resolution resolution);

    LeadEdits *m_edits;
    QList<EditConflict> m_conflicts;
    QListWidget *m_list = nullptr;
    QTableWidget *m_fields = nullptr;
    QLabel *m_state = nullptr;
    QPushButton *m_keepMine = nullptr;
    QPushButton *m_takeTheirs = nullptr;
};

} // namespace outpost
