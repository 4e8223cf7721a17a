#include "widgets/canvas/canvas_commands.h"

#include "engine/pipeline/stage_edit.h"
#include "engine/pipeline/yaml_emit.h"

#include <QCoreApplication>
#include <QSet>

#include <map>

namespace cairn::widgets {

namespace pl = cairn::pipeline;

namespace {
// lupdate files the tr() calls of the free functions below under the namespace, so the texts live in the context
// "cairn::widgets::commands"; the command classes' constructors name that context explicitly (they have no tr()).
QString tr(const char* s, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("cairn::widgets::commands", s, disambiguation, n);
}
QString q(const std::string& s) { return QString::fromStdString(s); }
} // namespace

StagesCommand::StagesCommand(PipelineModel* model, const QString& text, std::vector<StageSnapshot> before,
                             std::vector<StageSnapshot> after, int mergeId, QString mergeKey)
    : QUndoCommand(text), m_model(model), m_before(std::move(before)), m_after(std::move(after)), m_mergeId(mergeId),
      m_mergeKey(std::move(mergeKey))
{
}

void StagesCommand::apply(const std::vector<StageSnapshot>& from, const std::vector<StageSnapshot>& to)
{
    std::vector<StageChange> changes;
    QHash<QString, QPointF> positions;
    for (const auto& s : from) {
        const bool kept = std::any_of(to.begin(), to.end(), [&](const StageSnapshot& t) { return t.name == s.name && t.body; });
        if (!kept && s.body)
            changes.push_back({s.name, std::nullopt, -1});
    }
    for (const auto& t : to) {
        changes.push_back({t.name, t.body, t.index});
        if (t.position)
            positions.insert(q(t.name), *t.position);
    }
    m_model->applyChanges(changes, positions);
}

void StagesCommand::redo() { apply(m_before, m_after); }
void StagesCommand::undo() { apply(m_after, m_before); }

bool StagesCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = dynamic_cast<const StagesCommand*>(other);
    if (!o || m_mergeId < 0 || o->m_mergeKey != m_mergeKey)
        return false;
    m_after = o->m_after;
    return true;
}

RenameStageCommand::RenameStageCommand(PipelineModel* model, const QString& from, const QString& to)
    : QUndoCommand(QCoreApplication::translate("cairn::widgets::commands", "Rename stage '%1' to '%2'").arg(from, to)),
      m_model(model), m_from(from), m_to(to)
{
}

void RenameStageCommand::redo() { m_model->renameStage(m_from, m_to); }
void RenameStageCommand::undo() { m_model->renameStage(m_to, m_from); }

MoveNodesCommand::MoveNodesCommand(PipelineModel* model, QHash<QString, QPointF> before, QHash<QString, QPointF> after,
                                   bool mergeable)
    : QUndoCommand(after.size() == 1
                       ? QCoreApplication::translate("cairn::widgets::commands", "Move stage '%1'").arg(after.begin().key())
                       : QCoreApplication::translate("cairn::widgets::commands", "Move %n stage(s)", nullptr, int(after.size()))),
      m_model(model), m_before(std::move(before)), m_after(std::move(after)), m_mergeable(mergeable)
{
}

void MoveNodesCommand::redo() { m_model->setPositions(m_after); }
void MoveNodesCommand::undo() { m_model->setPositions(m_before); }

bool MoveNodesCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = static_cast<const MoveNodesCommand*>(other);
    if (!m_mergeable || !o->m_mergeable
        || QSet<QString>(o->m_after.keyBegin(), o->m_after.keyEnd()) != QSet<QString>(m_after.keyBegin(), m_after.keyEnd()))
        return false;
    m_after = o->m_after;
    if (m_after == m_before)
        setObsolete(true);
    return true;
}

namespace commands {
namespace {

StageSnapshot snapshot(PipelineModel* model, const std::string& name, bool withPosition)
{
    StageSnapshot s{name, std::nullopt, model->document().stageIndex(name), std::nullopt};
    if (const pl::Value* body = model->document().stage(name))
        s.body = *body;
    if (withPosition && model->hasPosition(q(name)))
        s.position = model->position(q(name));
    return s;
}

} // namespace

QUndoCommand* addStage(PipelineModel* model, const std::string& name, pl::Value body, QPointF pos, const QString& text)
{
    StageSnapshot after{name, std::move(body), model->document().stageCount(), pos};
    return new StagesCommand(model, text.isEmpty() ? tr("Add stage '%1'").arg(q(name)) : text, {}, {after});
}

QUndoCommand* deleteItems(PipelineModel* model, const QStringList& stages, const QList<QPair<QString, QString>>& edges)
{
    std::vector<StageSnapshot> before, after;
    for (const QString& s : stages) {
        if (!model->document().stage(s.toStdString()))
            continue;
        before.push_back(snapshot(model, s.toStdString(), true));
    }
    // Edges between stages that stay: the reader loses the deps that made the edge.
    std::map<QString, std::vector<std::string>> sources;
    for (const auto& [from, to] : edges)
        if (!stages.contains(from) && !stages.contains(to))
            sources[to].push_back(from.toStdString());
    for (const auto& [to, from] : sources) {
        auto body = pl::disconnectedBody(model->document(), model->graph(), from, to.toStdString());
        if (!body)
            continue;
        before.push_back(snapshot(model, to.toStdString(), false));
        after.push_back({to.toStdString(), std::move(*body), -1, std::nullopt});
    }
    if (before.empty())
        return nullptr;
    QString text;
    if (stages.size() == 1 && edges.isEmpty())
        text = tr("Delete stage '%1'").arg(stages.front());
    else if (stages.isEmpty())
        text = tr("Disconnect %n edge(s)", nullptr, static_cast<int>(edges.size()));
    else
        text = tr("Delete %n stage(s)", nullptr, static_cast<int>(stages.size()));
    return new StagesCommand(model, text, std::move(before), std::move(after));
}

QUndoCommand* pasteStages(PipelineModel* model, const std::vector<std::pair<std::string, pl::Value>>& stages,
                          const QHash<QString, QPointF>& positions, QPointF offset)
{
    if (stages.empty())
        return nullptr;
    pl::PipelineDocument doc = model->document();
    std::vector<StageSnapshot> after;
    for (const auto& [name, body] : stages) {
        const std::string fresh = pl::uniqueStageName(doc, name);
        doc.setStage(fresh, body);
        const QPointF p = positions.contains(q(name)) ? positions.value(q(name)) + offset : offset;
        after.push_back({fresh, body, doc.stageIndex(fresh), p});
    }
    return new StagesCommand(model, tr("Paste %n stage(s)", nullptr, static_cast<int>(stages.size())), {}, std::move(after));
}

QUndoCommand* connectStages(PipelineModel* model, const QString& from, int port, const QString& to)
{
    auto body = pl::connectedBody(model->document(), model->checked(), from.toStdString(), port, to.toStdString());
    if (!body)
        return nullptr;
    return new StagesCommand(model, tr("Connect '%1' to '%2'").arg(from, to), {snapshot(model, to.toStdString(), false)},
                             {{to.toStdString(), *body, -1, std::nullopt}});
}

QUndoCommand* disconnectStages(PipelineModel* model, const QString& from, const QString& to)
{
    auto body = pl::disconnectedBody(model->document(), model->graph(), from.toStdString(), to.toStdString());
    if (!body)
        return nullptr;
    return new StagesCommand(model, tr("Disconnect '%1' from '%2'").arg(to, from), {snapshot(model, to.toStdString(), false)},
                             {{to.toStdString(), *body, -1, std::nullopt}});
}

QUndoCommand* editField(PipelineModel* model, const QString& stage, const QString& field, pl::Value value)
{
    const pl::Value* body = model->document().stage(stage.toStdString());
    if (!body)
        return nullptr;
    pl::Value next = pl::withField(*body, field.toStdString(), std::move(value));
    if (pl::sameValue(next, *body))
        return nullptr;
    return new StagesCommand(model, tr("Edit %1 of '%2'").arg(field, stage), {snapshot(model, stage.toStdString(), false)},
                             {{stage.toStdString(), std::move(next), -1, std::nullopt}}, kEditFieldId, stage + QLatin1Char('\n') + field);
}

QUndoCommand* replaceBody(PipelineModel* model, const QString& stage, pl::Value body)
{
    const pl::Value* old = model->document().stage(stage.toStdString());
    if (!old || pl::sameValue(*old, body))
        return nullptr;
    return new StagesCommand(model, tr("Edit the YAML of '%1'").arg(stage), {snapshot(model, stage.toStdString(), false)},
                             {{stage.toStdString(), std::move(body), -1, std::nullopt}});
}

QUndoCommand* moveNodes(PipelineModel* model, const QHash<QString, QPointF>& before, const QHash<QString, QPointF>& after)
{
    if (before == after || after.isEmpty())
        return nullptr;
    return new MoveNodesCommand(model, before, after);
}

QUndoCommand* layout(PipelineModel* model, const QHash<QString, QPointF>& positions)
{
    QHash<QString, QPointF> before;
    for (auto it = positions.begin(); it != positions.end(); ++it)
        before.insert(it.key(), model->position(it.key()));
    if (before == positions)
        return nullptr;
    auto* move = new MoveNodesCommand(model, before, positions, false);
    move->setText(tr("Auto layout"));
    return move;
}

} // namespace commands
} // namespace cairn::widgets
