// The lineage view (docs/lineage.md): a toolbar (find, direction, depth, fit, export) over a
// LineageCanvas. It shows what it is given; whoever owns it loads graphs and layouts (the
// workbench's LineageSession) when the user changes the direction or the depth.
#pragma once

#include "widgets/lineage/lineage_layout.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace cairn::widgets {

class LineageCanvas;

class LineageView : public QWidget {
    Q_OBJECT
public:
    explicit LineageView(QWidget* parent = nullptr);

    // A new graph (a draft layout, or the final one).
    void setGraph(LineageLayoutPtr layout, const QString& rootLabel);
    // Better positions for the graph shown (Graphviz's after the draft).
    void setLayout(LineageLayoutPtr layout);
    void setBusy(const QString& message);
    void setError(const QString& message);

    bool upstream() const;
    bool downstream() const;
    int depth() const;  // -1: no limit
    void setDepth(int depth);
    void setRootEnabled(bool hasRoot);  // direction and depth need a root

    LineageCanvas* canvas() const { return m_canvas; }
    QLineEdit* searchBox() const { return m_search; }
    QComboBox* directionBox() const { return m_direction; }
    QSpinBox* depthBox() const { return m_depth; }
    QLabel* statusLabel() const { return m_status; }

    bool exportTo(const QString& path, QString* error = nullptr);

Q_SIGNALS:
    // Direction or depth changed: load the graph again.
    void reloadRequested();
    void runActivated(const QString& runId);
    void artifactActivated(const QString& reference);  // name:version
    void artifactSelected(const QString& reference);

private:
    void showCounts();
    void exportDialog();

    LineageCanvas* m_canvas = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_matches = nullptr;
    QComboBox* m_direction = nullptr;
    QSpinBox* m_depth = nullptr;
    QToolButton* m_export = nullptr;
    QLabel* m_status = nullptr;
    QString m_root;
    QString m_busy;
};

} // namespace cairn::widgets
