// The canvas view: wheel zoom under the mouse, pan (middle button, or Space + drag, or the
// scroll bars), rubber-band selection, fit to view, arrow keys nudge the selection, Delete
// removes it; stage templates dropped from the palette become stages where they land.
#pragma once

#include <QGraphicsView>

namespace cairn::widgets {

class PipelineScene;

class PipelineView : public QGraphicsView {
    Q_OBJECT
public:
    explicit PipelineView(PipelineScene* scene, QWidget* parent = nullptr);

    PipelineScene* pipelineScene() const { return m_scene; }
    double zoom() const;
    void setZoom(double factor);  // 1.0 = 100 %, kept within [0.05, 4]
    void zoomBy(double factor, QPointF viewAnchor = QPointF(-1, -1));
    void fitToView();
    // Fits now and again whenever the view is resized, until the user zooms or pans (a view
    // that opens before its window has its final size).
    void requestFit();
    // The scene point at the centre of the view.
    QPointF centerScenePos() const;

Q_SIGNALS:
    void templateDropped(const QString& templateId, const QPointF& scenePos);
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void growSceneRect();
    PipelineScene* m_scene;
    bool m_panning = false;
    bool m_fitPending = false;
    bool m_space = false;
    QPoint m_panFrom;
};

} // namespace cairn::widgets
