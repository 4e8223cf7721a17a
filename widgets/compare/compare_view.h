// The comparison of several runs: a legend that toggles runs, smoothing and log-scale
// controls, and one CompareChart per metric key with every run overlaid. Data comes in from
// the owner (setRuns, setKeySeries); finer data for a zoomed range is asked for with
// rangeRequested(). No database, no threads.
#pragma once

#include "engine/store/types.h"
#include "widgets/charts/compare_chart.h"
#include "widgets/charts/compare_series.h"
#include "widgets/charts/run_colors.h"

#include <QWidget>

#include <map>
#include <vector>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QListWidget;
class QSlider;
class QTabWidget;

namespace cairn::widgets {

class CompareChart;
class CompareTable;
class ParallelView;
class ScatterView;
class SummaryTable;

class CompareView : public QWidget {
    Q_OBJECT
public:
    explicit CompareView(QWidget* parent = nullptr);

    // The runs compared, in legend order; colours follow this order.
    void setRuns(const std::vector<RunSummary>& runs);
    // Curves of one key (series carry their run ids; colours and labels are filled in here).
    void setKeySeries(const QString& key, std::vector<CompareSeries> series);
    void setMessage(const QString& text);

    QStringList keys() const;
    CompareChart* chart(const QString& key) const;
    CompareTable* table() const { return m_table; }
    QListWidget* legend() const { return m_legend; }
    QTabWidget* tabs() const { return m_tabs; }
    ScatterView* scatter() const { return m_scatter; }
    ParallelView* parallel() const { return m_parallel; }
    SummaryTable* summary() const { return m_summary; }
    // What the scatter and parallel plots draw: the diff table's rows as values per run.
    const PlotTable& plotTable() const { return m_plotTable; }
    // "Colour by": empty colours by run (the default); otherwise a field of plotTable(). The
    // colours reach the line charts, the legend, the summary and both plots.
    void setColorBy(const QString& field);
    QString colorBy() const;
    QComboBox* colorByCombo() const { return m_colorBy; }
    const RunColoring& coloring() const { return m_coloring; }
    void setSmoothing(double weight);
    void setLogScale(bool on);
    XAxis xAxis() const;
    void setXAxis(XAxis axis);
    // Writes NAME.png, NAME.svg and NAME.csv for every chart into `dir`; returns files written.
    int exportAll(const QString& dir) const;

Q_SIGNALS:
    void rangeRequested(const QString& key, double lo, double hi, bool whole, int columns);

private:
    void applyHidden();
    void relayout();
    void exportChart(CompareChart* chart);
    void fillColorBy();
    void recolor();

    std::vector<RunSummary> m_runs;
    QListWidget* m_legend = nullptr;
    QSlider* m_smoothing = nullptr;
    QLabel* m_smoothingLabel = nullptr;
    QCheckBox* m_log = nullptr;
    QComboBox* m_xAxis = nullptr;
    QLabel* m_message = nullptr;
    QTabWidget* m_tabs = nullptr;
    QWidget* m_chartsPage = nullptr;
    QGridLayout* m_grid = nullptr;
    CompareTable* m_table = nullptr;
    std::map<QString, CompareChart*> m_charts;
    QComboBox* m_colorBy = nullptr;
    ColorKey* m_colorKey = nullptr;
    SummaryTable* m_summary = nullptr;
    ScatterView* m_scatter = nullptr;
    ParallelView* m_parallel = nullptr;
    PlotTable m_plotTable;
    RunColoring m_coloring;
};

} // namespace cairn::widgets
