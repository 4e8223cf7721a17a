// Table model over run summaries: fixed columns, then one per param key and one per metric key.
#pragma once

#include "engine/store/types.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <string>
#include <vector>

namespace cairn::widgets {

class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, IdColumn, StatusColumn, ExperimentColumn, StartColumn, DurationColumn,
                  ExitCodeColumn, FixedColumnCount };
    enum Role {
        SortRole = Qt::UserRole,      // numbers as double, text as QString, missing as invalid
        RunIdRole = Qt::UserRole + 1, // full run id, on every column
    };

    explicit RunsTableModel(QObject* parent = nullptr);

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

} // namespace cairn::widgets
