// The runs table with its filter box. Keeps the selected run selected across refreshes.
#pragma once

#include "engine/store/types.h"

#include <QWidget>

#include <vector>

class QLabel;
class QItemSelection;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cairn::widgets {

class RunsSortProxy;
class RunsTableModel;

class RunsView : public QWidget {
    Q_OBJECT
public:
    explicit RunsView(QWidget* parent = nullptr);

    void setRuns(std::vector<RunSummary> runs);
    // Empties the table and forgets the selected run (another project is being opened).
    void clear();
    // Selects the run with this full id; false when it is not shown.
    bool selectRun(const QString& runId);
    QString currentRunId() const { return m_currentId; }
    // Full id of the run shown in the first row (the newest with the default sort), or empty.
    QString firstRunId() const;
    int visibleRowCount() const;
    // Full ids of the selected rows, in table order (Ctrl/Shift-click selects several).
    QStringList selectedRunIds() const;
    // Selects exactly these runs (the first becomes current).
    void selectRuns(const QStringList& runIds);

    QTableView* tableView() const { return m_table; }
    QLineEdit* filterEdit() const { return m_filter; }
    RunsTableModel* model() const { return m_model; }

Q_SIGNALS:
    // A different run was selected by the user or by selectRun().
    void currentRunChanged(const QString& runId);
    // The user asked to compare the selected runs (2 or more).
    void compareRequested(const QStringList& runIds);

private:
    void onCurrentChanged(const QModelIndex& current);
    void restoreSelection();
    void updateCountLabel();
    void applyFilter(const QString& text);
    // The row showing this run in the table (invalid when absent or filtered out).
    QModelIndex indexOfRun(const QString& runId) const;
    QItemSelection selectionOf(const QStringList& runIds) const;
    void updateCompareButton();

    RunsTableModel* m_model = nullptr;
    RunsSortProxy* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_count = nullptr;
    QPushButton* m_compare = nullptr;
    QStringList m_selectedIds;
    QString m_currentId;
    bool m_restoring = false;
    bool m_sizedColumns = false;
};

} // namespace cairn::widgets
