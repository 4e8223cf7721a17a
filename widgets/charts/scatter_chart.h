// One dot per run: any numeric or categorical field of the comparison on each axis (params,
// metrics' last/min/max, duration...). Drawn by Cairn itself, like CompareChart; hover shows
// the run and its exact values; exports PNG, SVG and CSV.
#pragma once

#include "widgets/charts/plot_axis.h"
#include "widgets/charts/plot_table.h"

#include <QSet>

#include <optional>

namespace cairn::widgets {

class ScatterChart : public PlotWidget {
    Q_OBJECT
public:
    explicit ScatterChart(QWidget* parent = nullptr);

    void setTable(PlotTable table);
    const PlotTable& table() const { return m_table; }
    // Colours by run index (see colorRuns); missing entries keep the table's.
    void setColors(const std::vector<QColor>& colors);
    void setAxes(const QString& xField, const QString& yField);
    QString xField() const { return m_xField; }
    QString yField() const { return m_yField; }
    void setLogX(bool on);
    void setLogY(bool on);
    void setHiddenRuns(const QSet<QString>& runIds);

    // Centre of a run's dot at `size` (the widget's size when empty); nullopt when it is not
    // drawn (hidden, lacking a value, or not drawable on a log axis).
    std::optional<QPointF> dotPosition(const QString& runId, QSizeF size = {}) const;
    // Run ids drawn, in drawing order.
    QStringList plottedRuns() const;
    // The run whose dot is nearest to `pos` within a few pixels; empty when none.
    QString runAt(QPointF pos) const;
    // "name\nx: value\ny: value": what hovering a dot shows.
    QString readout(const QString& runId) const;

    void render(QPainter& painter, QSizeF size) const override;
    QString title() const override;
    // run,name,X,Y of every drawn dot (X and Y headed by the fields' names).
    bool exportCsv(const QString& path) const override;

protected:
    void paintOverlay(QPainter& painter) const override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct Frame {
        QRectF plot;
        PlotAxis x, y;
        bool valid = false;
    };
    Frame frameFor(QSizeF size) const;
    std::vector<std::size_t> visibleRuns() const;
    static std::optional<QPointF> toPixel(const Frame& f, std::size_t run);

    PlotTable m_table;
    QString m_xField, m_yField;
    bool m_logX = false, m_logY = false;
    QSet<QString> m_hidden;
    QString m_hover;
};

} // namespace cairn::widgets
