// Rows = attributes, params and metrics (last, min, max); columns = runs. Rows whose values
// differ between runs are highlighted; identical rows can be hidden.
#pragma once

#include "engine/store/types.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QTableWidget;

namespace cairn::widgets {

class CompareTable : public QWidget {
    Q_OBJECT
public:
    explicit CompareTable(QWidget* parent = nullptr);

    void setRuns(const std::vector<RunSummary>& runs);
    void setOnlyDifferences(bool on);
    QTableWidget* table() const { return m_table; }
    // Row labels shown now (hidden rows excluded), top to bottom.
    QStringList shownFields() const;

private:
    void applyFilter();

    QCheckBox* m_onlyDiff = nullptr;
    QTableWidget* m_table = nullptr;
    std::vector<bool> m_differs;
};

} // namespace cairn::widgets
