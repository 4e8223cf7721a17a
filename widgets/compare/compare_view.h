// The comparison of several runs: a legend that toggles runs, smoothing and log-scale
// controls, and one CompareChart per metric key with every run overlaid. Data comes in from
// the owner (setRuns, setKeySeries); finer data for a zoomed range is asked for with
// rangeRequested(). No database, no threads.
#pragma once

#include "engine/store/types.h"
#include "widgets/charts/compare_series.h"

#include <QWidget>

#include <map>
#include <vector>

class QCheckBox;
class QGridLayout;
class QLabel;
class QListWidget;
class QSlider;
class QTabWidget;

namespace cairn::widgets {

class CompareChart;
class CompareTable;

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
    void setSmoothing(double weight);
    void setLogScale(bool on);
    // Writes NAME.png, NAME.svg and NAME.csv for every chart into `dir`; returns files written.
    int exportAll(const QString& dir) const;

Q_SIGNALS:
    void rangeRequested(const QString& key, double lo, double hi, bool whole, int columns);

private:
    void applyHidden();
    void relayout();
    void exportChart(CompareChart* chart);

    std::vector<RunSummary> m_runs;
    QListWidget* m_legend = nullptr;
    QSlider* m_smoothing = nullptr;
    QLabel* m_smoothingLabel = nullptr;
    QCheckBox* m_log = nullptr;
    QLabel* m_message = nullptr;
    QTabWidget* m_tabs = nullptr;
    QWidget* m_chartsPage = nullptr;
    QGridLayout* m_grid = nullptr;
    CompareTable* m_table = nullptr;
    std::map<QString, CompareChart*> m_charts;
};

} // namespace cairn::widgets
