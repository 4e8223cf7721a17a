// Every canvas edit is one of these on the model's undo stack (QGIS modeler / Orange style:
// a command holds the affected stages as they were and as they become, so undo restores
// the exact model). Consecutive moves of the same nodes, and consecutive edits of one field
// of one stage, merge into one step.
#pragma once

#include "widgets/canvas/pipeline_model.h"

#include <QHash>
#include <QPointF>
#include <QUndoCommand>

#include <optional>
#include <vector>

namespace cairn::widgets {

class PipelineModel;

// One stage before or after the command; a missing body means absent.
struct StageSnapshot {
    std::string name;
    std::optional<pipeline::Value> body;
    int index = -1;
    std::optional<QPointF> position;
};

// Adds, removes or changes stages (add, delete, paste, connect, disconnect, edit).
class StagesCommand : public QUndoCommand {
public:
    StagesCommand(PipelineModel* model, const QString& text, std::vector<StageSnapshot> before, std::vector<StageSnapshot> after,
                  int mergeId = -1, QString mergeKey = {});
    void redo() override;
    void undo() override;
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    void apply(const std::vector<StageSnapshot>& from, const std::vector<StageSnapshot>& to);
    PipelineModel* m_model;
    std::vector<StageSnapshot> m_before, m_after;
    int m_mergeId;
    QString m_mergeKey;
};

class RenameStageCommand : public QUndoCommand {
public:
    RenameStageCommand(PipelineModel* model, const QString& from, const QString& to);
    void redo() override;
    void undo() override;

private:
    PipelineModel* m_model;
    QString m_from, m_to;
};

class MoveNodesCommand : public QUndoCommand {
public:
    static constexpr int kId = 1;
    // `mergeable`: consecutive moves of the same nodes join this one (not for auto layout).
    MoveNodesCommand(PipelineModel* model, QHash<QString, QPointF> before, QHash<QString, QPointF> after, bool mergeable = true);
    void redo() override;
    void undo() override;
    int id() const override { return m_mergeable ? kId : -1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    PipelineModel* m_model;
    QHash<QString, QPointF> m_before, m_after;
    bool m_mergeable = true;
};

// Builders for the gestures: each returns nullptr when there is nothing to do.
namespace commands {
inline constexpr int kEditFieldId = 2;
// A new stage from a body, at `pos`.
QUndoCommand* addStage(PipelineModel* model, const std::string& name, pipeline::Value body, QPointF pos, const QString& text = {});
// Stages (and the deps that made the given edges) removed; `edges` are (from, to) names.
QUndoCommand* deleteItems(PipelineModel* model, const QStringList& stages, const QList<QPair<QString, QString>>& edges);
// Pasted stages: names made unique, positions offset.
QUndoCommand* pasteStages(PipelineModel* model, const std::vector<std::pair<std::string, pipeline::Value>>& stages,
                          const QHash<QString, QPointF>& positions, QPointF offset);
QUndoCommand* connectStages(PipelineModel* model, const QString& from, int port, const QString& to);
QUndoCommand* disconnectStages(PipelineModel* model, const QString& from, const QString& to);
// `field` of `stage` set to `value` (Null removes it); consecutive edits of it merge.
QUndoCommand* editField(PipelineModel* model, const QString& stage, const QString& field, pipeline::Value value);
// The whole body replaced (the YAML tab of the property editor).
QUndoCommand* replaceBody(PipelineModel* model, const QString& stage, pipeline::Value body);
QUndoCommand* moveNodes(PipelineModel* model, const QHash<QString, QPointF>& before, const QHash<QString, QPointF>& after);
// Auto layout: every node to its new place in one step.
QUndoCommand* layout(PipelineModel* model, const QHash<QString, QPointF>& positions);
} // namespace commands

} // namespace cairn::widgets
