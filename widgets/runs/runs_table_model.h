// The runs table's model, lazy over a RunsSource (docs/runs-table.md). Filtering, sorting and
// grouping are SQL: a query returns the ordered ids of the matching runs (and their group
// values) and nothing else; the values of a run (attributes, params, metrics) are fetched a
// page of rows at a time when a view first asks for them, and at most kMaxCachedPages pages
// are kept. Pinned runs come first whatever the filter and sort; with a group field, each
// group starts with a header row that can be collapsed.
#pragma once

#include "engine/query/search_ast.h"
#include "engine/store/types.h"
#include "widgets/runs/runs_source.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace cairn::widgets {

class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, IdColumn, StatusColumn, ExperimentColumn, StartColumn, DurationColumn,
                  ExitCodeColumn, FixedColumnCount };
    enum Role {
        SortRole = Qt::UserRole,          // numbers as double, text as QString, missing as invalid
        RunIdRole = Qt::UserRole + 1,     // full run id, on every column; empty on group rows
        GroupRole = Qt::UserRole + 2,     // on group rows: the group's value as text ("" when missing)
        PinnedRole = Qt::UserRole + 3,    // bool
        StatusRole = Qt::UserRole + 4,    // the RunStatus as int
    };
    static constexpr int kPageSize = 200;
    static constexpr int kMaxCachedPages = 8;

    // What the rows are: the search (docs/search.md; a filter box's text goes through
    // query::filterTextSearch first), the sort field and the group field.
    struct Query {
        std::string where;
        std::string sortKey;  // empty: start
        bool descending = true;
        std::string groupBy;  // empty: no groups

        bool operator==(const Query&) const = default;
    };

    explicit RunsTableModel(QObject* parent = nullptr);
    ~RunsTableModel() override;

    // A new source (or none): resets and queries it.
    void setSource(std::shared_ptr<RunsSource> source);
    RunsSource* source() const { return m_source.get(); }

    // Each of these queries again and resets the rows (views restore selection by run id).
    void setQuery(const Query& query);
    const Query& query() const { return m_query; }
    void setPinned(const QStringList& runIds);
    QStringList pinned() const { return m_pinned; }
    bool isPinned(const QString& runId) const { return m_pinned.contains(runId); }

    // Re-reads the rows for the same query after the database changed, without a reset: rows
    // keep their selection and the view its scroll position. Only values changed: dataChanged.
    void refresh();

    // The dynamic columns after the fixed ones: fields such as "metrics.acc", "params.lr",
    // "tags.team", "min(metrics.loss)". The fixed columns are always there (views hide them).
    void setExtraColumns(const QStringList& fields);
    QStringList extraColumns() const { return m_extraColumns; }
    // The field a column shows ("name", "start", "metrics.acc"...) and back (-1 when absent).
    QString columnField(int column) const;
    int columnOfField(const QString& field) const;
    static QStringList fixedFields();

    // Sorts in SQL by the column's field (header clicks).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The last query's error (a bad sort key, a database error), or empty.
    QString error() const { return m_error; }
    // Rows that are runs (pinned runs included, group headers not); total runs in the project.
    int runCount() const { return m_runCount; }
    int pinnedCount() const { return m_pinnedShown; }
    std::int64_t totalRuns() const { return m_totalRuns; }
    int groupCount() const { return m_groupCount; }
    // Milliseconds the last query (ids, counts) took; what the filter box uses to debounce.
    double lastQueryMs() const { return m_lastQueryMs; }

    int rowOfRun(const QString& runId) const;
    QString runIdAt(int row) const;
    bool isGroupRow(int row) const;
    // Collapses or expands the group whose header is at `row` (kept across queries).
    void toggleGroup(int row);

    // For tests and benches: runs whose values are held, and how many fetches were made.
    int cachedRunCount() const { return static_cast<int>(m_cache.size()); }
    int fetchCount() const { return m_fetches; }
    // The run's values, fetching its page when needed; null for group rows or on error.
    const RunSummary* runAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // After every query or refresh (counts, error).
    void queried();

private:
    struct Row {
        std::string id;                   // empty on group rows
        std::optional<std::string> group; // a group row's value (nullopt: runs lacking the field)
        int count = 0;                    // a group row's run count
        bool header = false;
        bool pinned = false;
        bool collapsed = false;

        std::string identity() const;
    };
    std::vector<Row> buildRows();
    void requery();
    void applyRows(std::vector<Row> rows);
    void indexRows();
    void fetchPage(int page) const;
    QVariant displayData(const RunSummary& run, int column) const;
    QVariant sortData(const RunSummary& run, int column) const;
    QVariant groupData(const Row& row, int column, int role) const;
    bool isNumericColumn(int column) const;
    static std::string groupKey(const std::optional<std::string>& value);

    std::shared_ptr<RunsSource> m_source;
    Query m_query;
    QStringList m_pinned;
    QStringList m_extraColumns;
    std::vector<int> m_extraKinds;  // per extra column: 0 other, 1 metric, 2 param/tag
    std::vector<std::optional<query::Field>> m_extraFields;
    std::vector<Row> m_rows;
    std::unordered_map<std::string, int> m_rowOfId;
    std::set<std::string> m_collapsed;  // groupKey() of collapsed groups
    QString m_error;
    int m_runCount = 0;
    int m_pinnedShown = 0;
    int m_groupCount = 0;
    std::int64_t m_totalRuns = 0;
    double m_lastQueryMs = 0;

    // Values by run id, filled a page of rows at a time; the oldest page goes first.
    mutable std::unordered_map<std::string, RunSummary> m_cache;
    mutable std::deque<std::vector<std::string>> m_cachedPages;
    mutable std::set<int> m_failedPages;
    mutable int m_fetches = 0;
    mutable std::int64_t m_nowMs = 0;
};

} // namespace cairn::widgets
