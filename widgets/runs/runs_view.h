// The runs table (docs/runs-table.md): a filter box, saved views, a column chooser, group by,
// pinned runs and the Compare button over a lazy RunsTableModel. Keeps the selected runs
// selected across refreshes and queries.
#pragma once

#include "engine/store/saved_views.h"
#include "widgets/runs/runs_source.h"

#include <QWidget>

#include <filesystem>
#include <memory>

class QComboBox;
class QItemSelection;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTableView;
class QTimer;
class QToolButton;

namespace cairn::widgets {

class RunsTableModel;

class RunsView : public QWidget {
    Q_OBJECT
public:
    explicit RunsView(QWidget* parent = nullptr);
    ~RunsView() override;

    // Shows the runs of this source (null: none); queries it at once.
    void setSource(std::shared_ptr<RunsSource> source);
    // Where pins and saved views are kept (<project>/.cairn/views.json); read at once.
    void setViewsFile(const std::filesystem::path& file);
    // The database changed: re-read the rows without losing scroll position or selection.
    // Calls closer together than a quarter second are joined into one.
    void refresh();
    // Empties the table and forgets the selected run (another project is being opened).
    void clear();

    // Selects the run with this full id; false when it is not shown.
    bool selectRun(const QString& runId);
    QString currentRunId() const { return m_currentId; }
    // Full id of the run shown in the first row (the newest with the default sort), or empty.
    QString firstRunId() const;
    // Runs shown (pinned runs included, group header rows not).
    int visibleRowCount() const;
    // Full ids of the selected runs, in table order (Ctrl/Shift-click selects several).
    QStringList selectedRunIds() const;
    // Selects exactly these runs (the first becomes current).
    void selectRuns(const QStringList& runIds);

    // Columns: the fields shown, in order ("name", "status", "metrics.acc"...). Empty: the
    // default (every fixed column, every metric, every param).
    QStringList visibleColumns() const;
    void setVisibleColumns(const QStringList& fields);
    bool hasDefaultColumns() const { return m_columns.isEmpty(); }
    // Group by a field ("params.optimizer", "status"...); empty: no groups.
    void setGroupBy(const QString& field);
    QString groupBy() const;

    // Pins or unpins runs (kept in the views file). False, with viewsError(), when the file
    // cannot be written.
    bool setPinned(const QStringList& runIds, bool pinned);
    QStringList pinnedRunIds() const;

    // Saved views: the filter text, columns, sort and group by under a name.
    QStringList savedViewNames() const;
    bool saveView(const QString& name);
    bool applyView(const QString& name);
    bool deleteView(const QString& name);
    SavedView currentView(const QString& name = {}) const;
    // Why the views file could not be read or written, or empty.
    QString viewsError() const { return m_viewsError; }

    QTableView* tableView() const { return m_table; }
    QLineEdit* filterEdit() const { return m_filter; }
    QComboBox* groupCombo() const { return m_group; }
    QMenu* columnsMenu() const { return m_columnsMenu; }
    QMenu* viewsMenu() const { return m_viewsMenu; }
    RunsTableModel* model() const { return m_model; }

Q_SIGNALS:
    // A different run was selected by the user or by selectRun().
    void currentRunChanged(const QString& runId);
    // The user asked to compare the selected runs (2 or more).
    void compareRequested(const QStringList& runIds);

private:
    void onCurrentChanged(const QModelIndex& current);
    void restoreSelection();
    void afterQuery();
    void updateCountLabel();
    void applyFilter(const QString& text);
    void runQuery();
    // The row showing this run in the table (invalid when absent or filtered out).
    QModelIndex indexOfRun(const QString& runId) const;
    QItemSelection selectionOf(const QStringList& runIds) const;
    void updateCompareButton();
    void applyColumns();
    QStringList defaultColumns() const;
    void rebuildColumnsMenu();
    void rebuildViewsMenu();
    void rebuildGroupCombo();
    void showTableMenu(const QPoint& pos);
    void setViewsError(const QString& message);
    bool updateViewsFile(const std::function<void(ViewsFile&)>& change);
    void sizeColumns();

    RunsTableModel* m_model = nullptr;
    std::shared_ptr<RunsSource> m_source;
    QTableView* m_table = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_banner = nullptr;
    QComboBox* m_group = nullptr;
    QToolButton* m_columnsButton = nullptr;
    QToolButton* m_viewsButton = nullptr;
    QMenu* m_columnsMenu = nullptr;
    QMenu* m_viewsMenu = nullptr;
    QPushButton* m_compare = nullptr;
    QTimer* m_filterTimer = nullptr;
    QTimer* m_refreshTimer = nullptr;
    qint64 m_lastRefreshMs = 0;
    std::string m_where;                // the filter box's text as a search
    QStringList m_columns;              // chosen columns; empty: default
    QStringList m_metricKeys, m_paramKeys, m_tagKeys;
    std::filesystem::path m_viewsFile;
    ViewsFile m_views;
    QString m_viewsError;
    QStringList m_selectedIds;
    QString m_currentId;
    bool m_restoring = false;
    bool m_sizedColumns = false;
};

} // namespace cairn::widgets
