// The comparison's plots of one value per run: a scatter plot with a field picker per axis and
// a parallel-coordinates plot with a list of fields to show as axes. Both take the comparison's
// PlotTable (widgets/charts/plot_table.h); the drawing lives in widgets/charts.
#pragma once

#include "widgets/charts/plot_table.h"

#include <QSet>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QListWidget;
class QPushButton;

namespace cairn::widgets {

class ParallelChart;
class PlotWidget;
class ScatterChart;

// Right-click menu of a plot: PNG, SVG and CSV export under a file name from `baseName`.
// Returns an error message for the owner to show, empty when it went well or was cancelled.
QString exportPlotFromMenu(PlotWidget* plot, QWidget* owner, const QString& baseName);

class ScatterView : public QWidget {
    Q_OBJECT
public:
    explicit ScatterView(QWidget* parent = nullptr);

    // Refills the field pickers; fields still present stay chosen, otherwise a differing param
    // goes on x and the first metric on y.
    void setTable(const PlotTable& table);
    void setColors(const std::vector<QColor>& colors);
    void setHiddenRuns(const QSet<QString>& runIds);
    void setAxes(const QString& xField, const QString& yField);

    ScatterChart* chart() const { return m_chart; }
    QComboBox* xCombo() const { return m_x; }
    QComboBox* yCombo() const { return m_y; }

Q_SIGNALS:
    void message(const QString& text);

private:
    void apply();
    void suggestLog(QComboBox* combo);

    QComboBox* m_x = nullptr;
    QComboBox* m_y = nullptr;
    QCheckBox* m_logX = nullptr;
    QCheckBox* m_logY = nullptr;
    ScatterChart* m_chart = nullptr;
};

class ParallelView : public QWidget {
    Q_OBJECT
public:
    explicit ParallelView(QWidget* parent = nullptr);

    // Refills the field list; fields ticked before stay ticked, the first time the params that
    // differ and each metric's last value are.
    void setTable(const PlotTable& table);
    void setColors(const std::vector<QColor>& colors);
    void setHiddenRuns(const QSet<QString>& runIds);
    // Ticks exactly these fields (in the list's order).
    void setFields(const QStringList& fields);

    ParallelChart* chart() const { return m_chart; }
    QListWidget* fieldList() const { return m_list; }

Q_SIGNALS:
    void message(const QString& text);

private:
    void apply();
    void fieldMenu(const QPoint& pos);

    QListWidget* m_list = nullptr;
    QPushButton* m_clear = nullptr;
    ParallelChart* m_chart = nullptr;
    bool m_filled = false;
};

} // namespace cairn::widgets
