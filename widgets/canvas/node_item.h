// One stage entry on the canvas: a card with its name, what it runs, its state while a
// pipeline runs (one dot per generated stage of a foreach/matrix entry), a marker for its
// validation problems, deps as input ports on the left and outputs as ports on the right.
// Painting is plain QPainter work with level of detail (no effects, no child items): at
// 1,000 nodes a frame stays cheap (tests/bench/bench_canvas.cpp).
#pragma once

#include "widgets/canvas/pipeline_model.h"

#include <QGraphicsItem>
#include <QGlyphRun>
#include <QList>
#include <QStringList>

namespace cairn::widgets {

class EdgeItem;

// A line of text laid out once; drawing it is drawing its glyphs.
struct CachedText {
    CachedText() = default;
    CachedText(const QString& text, const QFont& font);
    void draw(QPainter* p, QPointF topLeft) const;
    QList<QGlyphRun> runs;
    QSizeF size;
};

QColor stageStateColor(const QString& state);
QString stageStateText(const QString& state);

class NodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    explicit NodeItem(const QString& name);

    int type() const override { return Type; }
    QString name() const { return m_name; }
    void setNode(const pipeline::EntryNode& node);
    // States of the generated stages, in order; the card shows the most telling one.
    void setRunStates(const QStringList& states, const QString& summary);
    QString runState() const { return m_state; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    int inputCount() const { return static_cast<int>(m_inputs.size()); }
    int outputCount() const { return static_cast<int>(m_outputs.size()); }
    // Port centres, in item coordinates.
    QPointF inputPort(int i) const;
    QPointF outputPort(int i) const;
    // The port under `itemPos` (within a few pixels), else -1.
    int outputPortAt(QPointF itemPos) const;
    int inputPortAt(QPointF itemPos) const;
    void setDropTarget(bool on);

    void addEdge(EdgeItem* e) { m_edges.push_back(e); }
    void clearEdges() { m_edges.clear(); }
    int errorCount() const { return m_errors; }
    int warningCount() const { return m_warnings; }

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    void updateToolTip();
    void layoutTexts();
    QString m_name;
    QString m_subtitle;
    QStringList m_inputs, m_outputs;
    QList<int> m_outputKinds;
    QStringList m_problems;
    int m_errors = 0, m_warnings = 0;
    QStringList m_states;
    QString m_state, m_stateSummary;
    double m_height = 0;
    bool m_dropTarget = false;
    std::vector<EdgeItem*> m_edges;
    CachedText m_titleText, m_subText, m_pillText, m_farName;
    double m_farWidth = -100;  // the screen width m_farName was elided to
    std::vector<CachedText> m_inTexts, m_outTexts;
    double m_pillWidth = 0;
};

} // namespace cairn::widgets
