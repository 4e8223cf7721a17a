// The workbench's pipeline editors: one tab per open pipeline beside the Runs tab, the
// Pipeline and Edit menus that act on the current one, launching and stopping runs
// (PipelineRunner), engine events passed on to each canvas, and the open tabs remembered
// per project. MainWindow only creates this and the Pipelines dock.
#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QMenu;
class QTabWidget;

namespace cairn::widgets {
class PipelineEditor;
}

namespace cairn::app {

class PipelineRunner;

class PipelineTabs : public QObject {
    Q_OBJECT
public:
    // `tabs` holds the Runs page at index 0; pipeline editors go after it.
    PipelineTabs(QTabWidget* tabs, bool interactive, QObject* parent = nullptr);

    // Closes the editors of the previous project (asking to save) and reopens the tabs that
    // were open when this project was last closed.
    void setProject(const QString& root);
    QString projectRoot() const { return m_root; }

    // Opens FILE in a tab (or shows the tab it is in); nullptr with statusMessage when it fails.
    widgets::PipelineEditor* open(const QString& file);
    // pipelines/NAME.yaml: opened when it exists, else a new, empty pipeline in a tab.
    widgets::PipelineEditor* newPipeline(const QString& name);
    // Asks for a name / a file (interactive only).
    void askNewPipeline();
    void askOpenPipeline();
    widgets::PipelineEditor* current() const;
    QList<widgets::PipelineEditor*> editors() const;
    PipelineRunner* runner() const { return m_runner; }
    // Asks to save every modified pipeline; false when the user cancels.
    bool maybeCloseAll();
    bool closeTab(int index);

    // Menus rebuilt as they open, acting on the current tab.
    void fillPipelineMenu(QMenu* menu);
    void fillEditMenu(QMenu* menu);

    // An engine event: runs changed, so canvases read their progress now.
    void onEngineEvent(const QString& name);

Q_SIGNALS:
    void showRunRequested(const QString& runId);
    void statusMessage(const QString& text);
    // Files were written or runs started/ended: the Pipelines dock reads again.
    void pipelinesChanged();

private:
    void adopt(widgets::PipelineEditor* e);
    void rememberTabs();
    void run(const QString& file, const QString& mode, const QString& stage);
    widgets::PipelineEditor* editorFor(const QString& file) const;

    QTabWidget* m_tabs;
    bool m_interactive;
    QString m_root;
    PipelineRunner* m_runner;
};

} // namespace cairn::app
