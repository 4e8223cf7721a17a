#include "widgets/canvas/pipeline_model.h"

#include "engine/pipeline/cache_key.h"
#include "engine/pipeline/loader.h"
#include "widgets/canvas/auto_layout.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <climits>
#include <cmath>

namespace cairn::widgets {

namespace pl = cairn::pipeline;

double canvas::nodeHeight(const pl::EntryNode& node)
{
    const auto rows = std::max<std::size_t>({node.inputs.size(), node.outputs.size(), 1});
    return kHeaderHeight + static_cast<double>(rows) * kPortRow + 10;
}

PipelineModel::PipelineModel(QObject* parent) : QObject(parent) {}

QString PipelineModel::pipelineName() const { return QString::fromStdString(pl::pipelineName(m_file.toStdString())); }

const pl::EntryNode* PipelineModel::node(const QString& name) const
{
    const int i = m_graph.indexOf(name.toStdString());
    return i < 0 ? nullptr : &m_graph.nodes[static_cast<std::size_t>(i)];
}

int PipelineModel::errorCount() const { return static_cast<int>(m_checked.diagnostics.errorCount()); }
int PipelineModel::warningCount() const { return static_cast<int>(m_checked.diagnostics.warningCount()); }

namespace {

QString displayFor(const QString& file, const QString& projectRoot)
{
    if (projectRoot.isEmpty())
        return QFileInfo(file).fileName();
    const QString rel = QDir(projectRoot).relativeFilePath(file);
    return rel.startsWith(QStringLiteral("..")) ? file : rel;
}

} // namespace

bool PipelineModel::open(const QString& file, const QString& projectRoot, QString* error)
{
    m_file = QFileInfo(file).absoluteFilePath();
    pl::DiskFiles disk;
    m_projectRoot = projectRoot.isEmpty() ? QString::fromStdString(pl::pipelineRoot(m_file.toStdString(), disk).string())
                                          : QDir(projectRoot).absolutePath();
    m_display = displayFor(m_file, m_projectRoot);
    m_neverSaved = false;
    m_positions.clear();
    m_runStates.clear();
    loadLayout();
    const bool ok = reload(error);
    return ok;
}

void PipelineModel::create(const QString& file, const QString& projectRoot)
{
    m_file = QFileInfo(file).absoluteFilePath();
    m_projectRoot = QDir(projectRoot).absolutePath();
    m_display = displayFor(m_file, m_projectRoot);
    m_neverSaved = true;
    m_loadError.clear();
    m_knownBytes.clear();
    m_positions.clear();
    m_runStates.clear();
    setDocument(pl::PipelineDocument());
}

bool PipelineModel::reload(QString* error)
{
    QFile f(m_file);
    if (!f.open(QIODevice::ReadOnly)) {
        m_loadError = tr("Cannot read %1: %2").arg(m_display, f.errorString());
        if (error)
            *error = m_loadError;
        setDocument(pl::PipelineDocument());
        return false;
    }
    m_knownBytes = f.readAll();
    std::string text = m_knownBytes.toStdString();
    auto doc = pl::PipelineDocument::fromText(text);
    if (!doc) {
        m_loadError = tr("%1:%2. The canvas shows the file again once it parses.")
                          .arg(m_display, QString::fromStdString(doc.message()));
        if (error)
            *error = m_loadError;
        setDocument(pl::PipelineDocument());
        // Keep the file's own diagnostics (the YAML error at its position) for the problem list.
        pl::DiskFiles disk;
        m_checked = pl::checkPipelineText(text, m_display.toStdString(), m_projectRoot.toStdString(), disk);
        m_graph.general = m_checked.diagnostics.list();
        Q_EMIT graphChanged();
        Q_EMIT reloaded();
        return false;
    }
    m_loadError.clear();
    m_neverSaved = false;
    setDocument(std::move(*doc));
    Q_EMIT reloaded();
    return true;
}

void PipelineModel::setDocument(pl::PipelineDocument doc)
{
    m_doc = std::move(doc);
    rebuild();
}

void PipelineModel::rebuild()
{
    pl::DiskFiles disk;
    const std::filesystem::path root = pl::pipelineRoot(m_file.toStdString(), disk);
    m_checked = pl::checkPipelineText(m_doc.text(), m_display.toStdString(), root, disk);
    m_graph = pl::buildEntryGraph(m_doc, m_checked);
    placeNewNodes();
    Q_EMIT graphChanged();
    if (isModified() != m_wasModified) {
        m_wasModified = isModified();
        Q_EMIT modifiedChanged(m_wasModified);
    }
}

// Nodes without a position: all of them get the layered layout; a few new ones go right of
// the stages they read from, below whatever is in that column already.
void PipelineModel::placeNewNodes()
{
    std::vector<int> missing;
    for (std::size_t i = 0; i < m_graph.nodes.size(); ++i)
        if (!m_positions.contains(QString::fromStdString(m_graph.nodes[i].name)))
            missing.push_back(static_cast<int>(i));
    if (missing.empty())
        return;
    if (missing.size() == m_graph.nodes.size()) {
        m_positions = layeredLayout(m_graph);
        return;
    }
    for (int i : missing) {
        double x = 0;
        for (const auto& e : m_graph.edges)
            if (e.to == i) {
                const QString from = QString::fromStdString(m_graph.nodes[static_cast<std::size_t>(e.from)].name);
                if (m_positions.contains(from))
                    x = std::max(x, m_positions[from].x() + canvas::kNodeWidth + canvas::kColumnGap);
            }
        double y = 0;
        bool any = false;
        for (std::size_t j = 0; j < m_graph.nodes.size(); ++j) {
            const QString other = QString::fromStdString(m_graph.nodes[j].name);
            auto it = m_positions.constFind(other);
            if (it == m_positions.constEnd() || std::abs(it->x() - x) >= canvas::kNodeWidth)
                continue;
            y = std::max(y, it->y() + canvas::nodeHeight(m_graph.nodes[j]) + canvas::kRowGap);
            any = true;
        }
        m_positions.insert(QString::fromStdString(m_graph.nodes[static_cast<std::size_t>(i)].name), QPointF(x, any ? y : 0));
    }
}

void PipelineModel::applyChanges(const std::vector<StageChange>& changes, const QHash<QString, QPointF>& positions)
{
    // Removals first, then insertions in ascending index order, so indexes mean what they said.
    for (const auto& c : changes)
        if (!c.body)
            m_doc.removeStage(c.name);
    std::vector<const StageChange*> sets;
    for (const auto& c : changes)
        if (c.body)
            sets.push_back(&c);
    std::stable_sort(sets.begin(), sets.end(), [](const StageChange* a, const StageChange* b) {
        return (a->index < 0 ? INT_MAX : a->index) < (b->index < 0 ? INT_MAX : b->index);
    });
    for (const StageChange* c : sets)
        m_doc.setStage(c->name, *c->body, c->index);
    for (const auto& c : changes)
        if (!c.body)
            m_positions.remove(QString::fromStdString(c.name));
    for (auto it = positions.begin(); it != positions.end(); ++it)
        m_positions.insert(it.key(), it.value());
    rebuild();
    if (!positions.isEmpty())
        Q_EMIT positionsChanged(positions.keys());
}

bool PipelineModel::renameStage(const QString& from, const QString& to)
{
    if (!m_doc.renameStage(from.toStdString(), to.toStdString()))
        return false;
    if (m_positions.contains(from))
        m_positions.insert(to, m_positions.take(from));
    if (m_runStates.contains(from))
        m_runStates.insert(to, m_runStates.take(from));
    rebuild();
    Q_EMIT positionsChanged({to});
    return true;
}

void PipelineModel::setPositions(const QHash<QString, QPointF>& positions)
{
    QStringList changed;
    for (auto it = positions.begin(); it != positions.end(); ++it) {
        if (m_positions.value(it.key()) == it.value() && m_positions.contains(it.key()))
            continue;
        m_positions.insert(it.key(), it.value());
        changed << it.key();
    }
    if (!changed.isEmpty())
        Q_EMIT positionsChanged(changed);
}

bool PipelineModel::save(QString* error)
{
    if (!isEditable()) {
        if (error)
            *error = tr("%1 does not parse, so it is not saved from the canvas: %2").arg(m_display, m_loadError);
        return false;
    }
    if (isModified()) {
        std::string text = m_doc.text();
        if (!m_doc.roundTrips(text)) {
            // A safety net: a splice that would not read back as the model is written whole.
            text = pl::emitDocument(m_doc.root(), m_doc.style());
        }
        QDir().mkpath(QFileInfo(m_file).path());
        QSaveFile out(m_file);
        if (!out.open(QIODevice::WriteOnly) || out.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())
            || !out.commit()) {
            if (error)
                *error = tr("Cannot write %1: %2").arg(m_display, out.errorString());
            return false;
        }
        m_knownBytes = QByteArray::fromStdString(text);
        if (auto s = m_doc.markSaved(text); !s) {
            if (error)
                *error = QString::fromStdString(s.message());
            return false;
        }
        m_neverSaved = false;
        rebuild();
    }
    return saveLayout(error);
}

QString PipelineModel::layoutPath() const
{
    return QDir(m_projectRoot).filePath(QStringLiteral(".cairn/pipelines/%1.layout.json").arg(pipelineName()));
}

bool PipelineModel::saveLayout(QString* error) const
{
    QJsonObject nodes;
    for (auto it = m_positions.begin(); it != m_positions.end(); ++it)
        nodes.insert(it.key(), QJsonObject{{QStringLiteral("x"), it->x()}, {QStringLiteral("y"), it->y()}});
    const QJsonObject doc{{QStringLiteral("format"), QStringLiteral("cairn-canvas-layout/1")},
                          {QStringLiteral("file"), m_display},
                          {QStringLiteral("nodes"), nodes}};
    QDir().mkpath(QFileInfo(layoutPath()).path());
    QSaveFile out(layoutPath());
    const QByteArray bytes = QJsonDocument(doc).toJson(QJsonDocument::Indented);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        if (error)
            *error = tr("Cannot write the layout %1: %2").arg(layoutPath(), out.errorString());
        return false;
    }
    return true;
}

void PipelineModel::loadLayout()
{
    QFile f(layoutPath());
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QJsonObject nodes = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("nodes")).toObject();
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        const QJsonObject p = it.value().toObject();
        if (p.contains(QStringLiteral("x")) && p.contains(QStringLiteral("y")))
            m_positions.insert(it.key(), QPointF(p.value(QStringLiteral("x")).toDouble(), p.value(QStringLiteral("y")).toDouble()));
    }
}

void PipelineModel::setRunStates(const QHash<QString, StageRunState>& states, bool live)
{
    bool same = live == m_runLive && states.size() == m_runStates.size();
    for (auto it = states.begin(); same && it != states.end(); ++it) {
        const StageRunState o = m_runStates.value(it.key());
        same = o.state == it->state && o.runId == it->runId && o.message == it->message;
    }
    if (same)
        return;
    m_runStates = states;
    m_runLive = live;
    Q_EMIT runStatesChanged();
}

} // namespace cairn::widgets
