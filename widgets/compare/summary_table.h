// The comparison's summary: one row per run, and per metric key its min, max and last value.
// Sortable by any column (click a header: which run reached the lowest loss?); hidden runs
// leave the table; right-click exports it as CSV.
#pragma once

#include "widgets/charts/plot_table.h"

#include <QSet>
#include <QWidget>

class QTableWidget;

namespace cairn::widgets {

class SummaryTable : public QWidget {
    Q_OBJECT
public:
    explicit SummaryTable(QWidget* parent = nullptr);

    void setTable(const PlotTable& table);
    void setColors(const std::vector<QColor>& colors);
    void setHiddenRuns(const QSet<QString>& runIds);
    QTableWidget* table() const { return m_table; }
    // Metric keys as the columns group them ("loss", "acc", ...).
    QStringList metricKeys() const { return m_keys; }
    // Run id,name and every metric's min,max,last of the rows shown, in their current order.
    bool exportCsv(const QString& path) const;

Q_SIGNALS:
    void message(const QString& text);

private:
    void applyHidden();

    QTableWidget* m_table = nullptr;
    QStringList m_keys;
    QSet<QString> m_hidden;
};

} // namespace cairn::widgets
