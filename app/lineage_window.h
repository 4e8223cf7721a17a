// A window with the lineage graph around a run or an artifact (or of the whole project) and,
// docked beside it, the artifact panel of the dataset or model picked in the graph. Several
// can be open at once; each has its own LineageSession. Opening a run asks the main window.
#pragma once

#include <QMainWindow>

namespace cairn::widgets {
class ArtifactPanel;
class LineageView;
}

namespace cairn::app {

class LineageSession;

class LineageWindow : public QMainWindow {
    Q_OBJECT
public:
    // `root`: a run id or an artifact reference; empty: the whole project.
    LineageWindow(const QString& projectRoot, const QString& root, QWidget* parent = nullptr);

    widgets::LineageView* view() const { return m_view; }
    widgets::ArtifactPanel* artifactPanel() const { return m_panel; }
    LineageSession* session() const { return m_session; }
    void setRoot(const QString& root);
    QString root() const { return m_root; }

Q_SIGNALS:
    void runRequested(const QString& runId);
    // The graph is on screen: draft (`final` false) or Graphviz's (`final` true).
    void graphShown(bool final);

private:
    void reload();

    widgets::LineageView* m_view = nullptr;
    widgets::ArtifactPanel* m_panel = nullptr;
    LineageSession* m_session = nullptr;
    QString m_root;
    bool m_graphviz = false;
};

} // namespace cairn::app
