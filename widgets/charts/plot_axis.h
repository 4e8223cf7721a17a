// One axis of a scatter or parallel-coordinates plot over a PlotField: numeric (linear or log10)
// or categorical (evenly spaced categories), with its ticks. Positions are "display" values:
// the number, its log10, or the category's index.
#pragma once

#include "widgets/charts/chart_ticks.h"
#include "widgets/charts/plot_table.h"

#include <QImage>
#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

class QPainter;

namespace cairn::widgets {

struct PlotAxis {
    const PlotField* field = nullptr;
    bool categorical = false;
    bool log = false;
    double lo = 0, hi = 1;  // display range shown
    Ticks ticks;
    std::vector<std::pair<double, QString>> tickLabels;  // display position, label

    // Display position of a run's value; nullopt when it has none or cannot be drawn here
    // (NaN, infinities, or <= 0 on a log axis).
    std::optional<double> position(std::size_t run) const;
    // Fraction along the axis (0 = lo end) of a display position.
    double fraction(double position) const { return hi > lo ? (position - lo) / (hi - lo) : 0.5; }
    double positionAt(double fraction) const { return lo + fraction * (hi - lo); }
    // Display position <-> the field's own value (numbers; category index).
    double toValue(double position) const;
    double fromValue(double value) const;
};

// An axis fitted to the runs in `runs` (indices into the field's runs), aiming at `ticks` ticks.
// A field without drawable values gets a 0..1 axis. Log falls back to linear for categories.
PlotAxis makeAxis(const PlotField& field, const std::vector<std::size_t>& runs, bool log, int ticks);

// Base of Cairn's own plots (scatter, parallel coordinates): paints with render() and exports
// what it paints as PNG and SVG; CSV is each plot's own.
class PlotWidget : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual void render(QPainter& painter, QSizeF size) const = 0;
    virtual QString title() const = 0;
    virtual bool exportCsv(const QString& path) const = 0;

    QImage renderImage(QSize size) const;
    bool exportPng(const QString& path) const;
    bool exportSvg(const QString& path) const;

protected:
    void paintEvent(QPaintEvent* event) override;
    // Drawn over the plot on screen only (hover marks, a brush being dragged).
    virtual void paintOverlay(QPainter&) const {}
};

// Shared look of the plots.
namespace plotstyle {
QColor grid();
QColor label();
QColor frame();
QColor text();
QColor faded();
} // namespace plotstyle

} // namespace cairn::widgets
