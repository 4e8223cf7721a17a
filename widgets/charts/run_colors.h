// "Colour by": each run's colour from its index (the default), a numeric field (a perceptual
// gradient from the field's lowest to highest value) or a categorical one (a palette colour per
// distinct value). Shared by the line charts, the legend, the scatter and the parallel plot.
#pragma once

#include "widgets/charts/plot_table.h"

#include <QWidget>

#include <vector>

namespace cairn::widgets {

// Viridis at t in [0, 1], stopping short of its palest yellow so the high end stays visible on
// white: gradientColor(0) is the low end (dark purple), gradientColor(1) the high end.
QColor gradientColor(double t);
// Runs that lack the field a colouring is by.
QColor missingValueColor();

struct RunColoring {
    enum class Kind { ByRun, Numeric, Categorical };
    Kind kind = Kind::ByRun;
    QString field;
    std::vector<QColor> colors;  // one per run
    // Numeric: the value range the gradient spans (log10 spacing when `log`).
    double lo = 0, hi = 0;
    bool log = false;
    // Categorical: the distinct values and their colours, in display order.
    std::vector<std::pair<QString, QColor>> categories;
    bool anyMissing = false;
};

// Colours for every run of `table`. An empty or unknown field colours by run. A numeric field
// whose values are all positive and span 100x or more is spread on a log scale.
RunColoring colorRuns(const PlotTable& table, const QString& field);

// A small key for a colouring: a gradient bar with the ends' values, or swatches per category.
// Empty (hidden) when colouring by run.
class ColorKey : public QWidget {
    Q_OBJECT
public:
    explicit ColorKey(QWidget* parent = nullptr);
    void setColoring(const RunColoring& coloring);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    RunColoring m_coloring;
};

} // namespace cairn::widgets
