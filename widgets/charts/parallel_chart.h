// Parallel coordinates: one vertical axis per chosen field, one polyline per run in its colour.
// Numeric axes carry ticks (linear or log), categorical ones their values; a run lacking a value
// passes through a marked spot under the axis. Drag along an axis to brush a range: only runs
// inside every brush stay bright. Hover highlights one run. Exports PNG, SVG and CSV.
#pragma once

#include "widgets/charts/plot_axis.h"
#include "widgets/charts/plot_table.h"

#include <QSet>

#include <map>
#include <optional>
#include <utility>

namespace cairn::widgets {

class ParallelChart : public PlotWidget {
    Q_OBJECT
public:
    explicit ParallelChart(QWidget* parent = nullptr);

    void setTable(PlotTable table);
    const PlotTable& table() const { return m_table; }
    void setColors(const std::vector<QColor>& colors);
    // Axes left to right; unknown names are skipped. Brushes on dropped fields go.
    void setFields(const QStringList& fields);
    QStringList fields() const { return m_fields; }
    void setLogFields(const QSet<QString>& fields);
    QSet<QString> logFields() const { return m_logFields; }
    void setHiddenRuns(const QSet<QString>& runIds);

    // A brush keeps runs whose value on `field` lies in [lo, hi] (numbers in the field's own
    // units; categories by index in PlotField::categories).
    void setBrush(const QString& field, double lo, double hi);
    void clearBrush(const QString& field);
    void clearBrushes();
    const std::map<QString, std::pair<double, double>>& brushes() const { return m_brushes; }
    // Visible runs inside every brush (all visible runs when there is none).
    bool isSelected(const QString& runId) const;
    QStringList selectedRuns() const;

    // A run's polyline at `size` (the widget's when empty): one vertex per axis. Empty when the
    // run is hidden or unknown.
    QPolygonF polyline(const QString& runId, QSizeF size = {}) const;
    // x of each axis at `size`, left to right.
    std::vector<double> axisPositions(QSizeF size = {}) const;
    // Pixel y of `value` on the axis of `field` (for tests and brushing by hand).
    std::optional<double> pixelY(const QString& field, double value, QSizeF size = {}) const;
    int lastPolylineCount() const { return m_lastPolylines; }
    QString runAt(QPointF pos) const;
    QString readout(const QString& runId) const;

    void render(QPainter& painter, QSizeF size) const override;
    QString title() const override;
    // run,name,<each field>,selected for every visible run.
    bool exportCsv(const QString& path) const override;

Q_SIGNALS:
    void brushesChanged();

protected:
    void paintOverlay(QPainter& painter) const override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct Frame {
        QRectF plot;
        double missingY = 0;
        std::vector<PlotAxis> axes;
        std::vector<double> xs;
    };
    Frame frameFor(QSizeF size) const;
    std::vector<std::size_t> visibleRuns() const;
    bool inBrushes(std::size_t run) const;
    QPolygonF polylineOf(const Frame& f, std::size_t run) const;

    PlotTable m_table;
    QStringList m_fields;
    QSet<QString> m_logFields;
    QSet<QString> m_hidden;
    std::map<QString, std::pair<double, double>> m_brushes;
    QString m_hover;
    int m_dragAxis = -1;
    double m_dragFrom = 0;
    mutable int m_lastPolylines = 0;
};

} // namespace cairn::widgets
