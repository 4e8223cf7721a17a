// The pipeline editor: the canvas (view + scene), the palette of stage templates, the
// property editor, the problems list and a banner for files that changed on disk or do not
// parse, around one PipelineModel and its undo stack. It edits the YAML file and its layout
// sidecar; running is asked of whoever embeds it (runRequested) — the canvas never runs
// anything itself.
#pragma once

#include <QWidget>

class QAction;
class QFileSystemWatcher;
class QLabel;
class QListWidget;
class QPushButton;
class QSplitter;
class QTimer;
class QUndoStack;

namespace cairn::widgets {

class PipelineModel;
class PipelineScene;
class PipelineView;
class DotLayout;
class RunWatch;
class StagePalette;
class StageProperties;

class PipelineEditor : public QWidget {
    Q_OBJECT
public:
    // `interactive`: questions (save? reload?) are asked in dialogs; off for tests.
    explicit PipelineEditor(bool interactive = true, QWidget* parent = nullptr);
    ~PipelineEditor() override;

    // Opens an existing file; false (with the reason) when it cannot be read. A file that is
    // not valid YAML opens read-only, saying where it breaks, and reloads once it is fixed.
    bool open(const QString& file, const QString& projectRoot, QString* error = nullptr);
    // A new, empty pipeline at `file` (written on the first save).
    void create(const QString& file, const QString& projectRoot);

    PipelineModel* model() const { return m_model; }
    QUndoStack* undoStack() const { return m_stack; }
    PipelineScene* scene() const { return m_scene; }
    PipelineView* view() const { return m_view; }
    StagePalette* palette() const { return m_palette; }
    StageProperties* properties() const { return m_props; }
    QListWidget* problemsList() const { return m_problems; }
    RunWatch* runWatch() const { return m_runWatch; }
    QString title() const;  // "train.yaml*" while modified

    bool save(QString* error = nullptr);
    // Asks to save unsaved edits (interactive); false when the user cancels.
    bool maybeSave();
    // Checks the file now and shows every problem; returns the error count.
    int validate();
    // Adds a stage from a palette template at a scene point (or the view's centre).
    QString addFromTemplate(const QString& templateId, QPointF scenePos = QPointF(qQNaN(), qQNaN()));
    void copySelection();
    void cutSelection();
    void paste();
    void autoLayout();
    // Saves, then asks the embedder to run: mode "all", "from" (STAGE and what depends on
    // it) or "stage" (STAGE and what it needs).
    void requestRun(const QString& mode, const QString& stage = {});
    // Double-click: the run of the stage (one of its generated stages) in the main window.
    void openStageRun(const QString& stage);
    // The file changed on disk (also called by the watcher).
    void checkDisk();

    // Actions for menus and toolbars (shortcuts set, enabled as they apply).
    QAction* action(const QString& name) const;
    QList<QAction*> editActions() const;

Q_SIGNALS:
    void titleChanged(const QString& title);
    void runRequested(const QString& file, const QString& mode, const QString& stage);
    void stopRequested(const QString& file);
    void openRunRequested(const QString& runId);
    void statusMessage(const QString& text);
    // The file changed on disk and was read again (or could not be).
    void reloadedFromDisk();

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void createActions();
    void updateActions();
    void updateStatus();
    void updateProblems();
    void onSelectionChanged();
    void showContextMenu(const QString& stage, const QPair<QString, QString>& edge, const QPoint& screen, const QPointF& scenePos);
    void watchFile();
    void showBanner(const QString& text, bool reloadButtons);
    void reloadNow();
    void say(const QString& text);

    bool m_interactive;
    PipelineModel* m_model;
    QUndoStack* m_stack;
    PipelineScene* m_scene;
    PipelineView* m_view;
    StagePalette* m_palette;
    StageProperties* m_props;
    QListWidget* m_problems;
    QLabel* m_status;
    QWidget* m_banner;
    QLabel* m_bannerText;
    QPushButton* m_reload;
    QPushButton* m_keep;
    QFileSystemWatcher* m_watcher;
    QTimer* m_diskTimer;
    QTimer* m_layoutTimer;
    RunWatch* m_runWatch;
    DotLayout* m_dot;
    QHash<QString, QAction*> m_actions;
    int m_pasteCount = 0;
    QSplitter* m_split = nullptr;
    bool m_sized = false;
};

} // namespace cairn::widgets
