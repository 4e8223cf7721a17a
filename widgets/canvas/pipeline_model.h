// What the canvas shows and edits: one pipeline file as an editable document
// (engine/pipeline/document.h), the graph of its stage entries with their validation
// problems, each node's position (kept in a sidecar file, never in the spec) and, while a
// pipeline run goes on, each stage's state. Only the undo commands (canvas_commands.h) change
// it; the scene listens to its signals. It never runs anything.
#pragma once

#include "engine/pipeline/document.h"
#include "engine/pipeline/entry_graph.h"

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QString>

#include <optional>
#include <vector>

namespace cairn::widgets {

struct StageRunState {
    QString state;    // queued, running, done, cached, failed, skipped, not-run; empty: none
    QString runId;
    QString message;
};

// One stage entry as an undo command sets it: absent body = the stage is removed.
struct StageChange {
    std::string name;
    std::optional<pipeline::Value> body;
    int index = -1;  // where a new stage goes (-1: the end)
};

class PipelineModel : public QObject {
    Q_OBJECT
public:
    explicit PipelineModel(QObject* parent = nullptr);

    // Opens `file`; `projectRoot` holds .cairn/ (empty: the pipeline's own root). A file that
    // is not YAML opens read-only with loadError() saying where it breaks.
    bool open(const QString& file, const QString& projectRoot, QString* error = nullptr);
    // A new pipeline at `file`, written on the first save.
    void create(const QString& file, const QString& projectRoot);
    // Reads the file again (it changed on disk): edits are dropped, positions kept by name.
    bool reload(QString* error = nullptr);

    QString filePath() const { return m_file; }
    QString displayName() const { return m_display; }  // relative to the project: pipelines/x.yaml
    QString pipelineName() const;                      // the file's stem (`dvc` for dvc.yaml)
    QString projectRoot() const { return m_projectRoot; }
    bool isModified() const { return m_doc.modified() || m_neverSaved; }
    bool isEditable() const { return m_loadError.isEmpty(); }
    QString loadError() const { return m_loadError; }

    const pipeline::PipelineDocument& document() const { return m_doc; }
    const pipeline::EntryGraph& graph() const { return m_graph; }
    const pipeline::CheckedPipeline& checked() const { return m_checked; }
    const pipeline::EntryNode* node(const QString& name) const;
    int errorCount() const;
    int warningCount() const;

    // Node positions (top-left, scene coordinates).
    QPointF position(const QString& name) const { return m_positions.value(name); }
    bool hasPosition(const QString& name) const { return m_positions.contains(name); }
    const QHash<QString, QPointF>& positions() const { return m_positions; }

    // For the undo commands.
    void applyChanges(const std::vector<StageChange>& changes, const QHash<QString, QPointF>& positions = {});
    bool renameStage(const QString& from, const QString& to);
    void setPositions(const QHash<QString, QPointF>& positions);

    // Writes the YAML (when it changed; beside and renamed) and the layout sidecar.
    bool save(QString* error = nullptr);
    bool saveLayout(QString* error = nullptr) const;
    QString layoutPath() const;
    // The bytes this model last read or wrote: a file watcher compares with them.
    QByteArray knownBytes() const { return m_knownBytes; }

    void setRunStates(const QHash<QString, StageRunState>& states, bool live);
    StageRunState runState(const std::string& stage) const { return m_runStates.value(QString::fromStdString(stage)); }
    bool runLive() const { return m_runLive; }

Q_SIGNALS:
    void graphChanged();
    void positionsChanged(const QStringList& names);
    void modifiedChanged(bool modified);
    void runStatesChanged();
    void reloaded();

private:
    void rebuild();
    void placeNewNodes();
    void loadLayout();
    void setDocument(pipeline::PipelineDocument doc);

    QString m_file;
    QString m_display;
    QString m_projectRoot;
    QString m_loadError;
    bool m_neverSaved = false;
    bool m_wasModified = false;
    QByteArray m_knownBytes;
    pipeline::PipelineDocument m_doc;
    pipeline::CheckedPipeline m_checked;
    pipeline::EntryGraph m_graph;
    QHash<QString, QPointF> m_positions;
    QHash<QString, StageRunState> m_runStates;
    bool m_runLive = false;
};

// Node geometry shared by the model's placement, the scene and the layouts.
namespace canvas {
inline constexpr double kNodeWidth = 200;
inline constexpr double kHeaderHeight = 46;
inline constexpr double kPortRow = 18;
inline constexpr double kColumnGap = 70;
inline constexpr double kRowGap = 36;
double nodeHeight(const pipeline::EntryNode& node);
} // namespace canvas

} // namespace cairn::widgets
