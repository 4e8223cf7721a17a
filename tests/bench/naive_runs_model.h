// The runs table as it was before it became lazy (bench_runs_table's baseline): every run's
// summary held in memory by NaiveRunsModel, filtered and sorted by NaiveRunsProxy, a
// QSortFilterProxyModel (the search language evaluated in C++, plain text over every column).
#pragma once

#include "engine/store/types.h"

#include "engine/query/search_ast.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <string>
#include <optional>
#include <vector>

namespace cairn::bench {

class NaiveRunsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, IdColumn, StatusColumn, ExperimentColumn, StartColumn, DurationColumn,
                  ExitCodeColumn, FixedColumnCount };
    enum Role {
        SortRole = Qt::UserRole,      // numbers as double, text as QString, missing as invalid
        RunIdRole = Qt::UserRole + 1, // full run id, on every column
    };

    explicit NaiveRunsModel(QObject* parent = nullptr);

    // Replaces the rows. Keeps the model's shape (and views' state) when only values changed.
    void setRuns(std::vector<RunSummary> runs);
    const std::vector<RunSummary>& runs() const { return m_runs; }
    // Row of the run with this full id, or -1.
    int rowOfRun(const QString& runId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Dynamic columns follow the fixed ones: metrics first (what users compare), then params.
    struct DynamicColumn {
        enum Kind { None, Metric, Param } kind = None;
        std::size_t index = 0;
    };
    DynamicColumn dynamicColumn(int column) const;
    QVariant displayData(const RunSummary& run, int column) const;
    QVariant sortData(const RunSummary& run, int column) const;
    bool isNumericColumn(int column) const;

    std::vector<RunSummary> m_runs;
    std::vector<std::string> m_paramKeys;
    std::vector<bool> m_numericParams; // per param key: every value is a number
    std::vector<std::string> m_metricKeys;
};

class NaiveRunsProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit NaiveRunsProxy(QObject* parent = nullptr);

    // A filter in the search language (docs/search.md) replaces the plain-text match; nullopt
    // goes back to matching the filter text against every column.
    void setSearch(std::optional<query::Node> search);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    std::optional<query::Node> m_search;
    std::int64_t m_nowMs = 0;
};

} // namespace cairn::bench
