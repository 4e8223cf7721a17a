#include "widgets/canvas/pipeline_editor.h"

#include "engine/pipeline/stage_edit.h"
#include "engine/pipeline/yaml_emit.h"
#include "engine/pipeline/yaml_value.h"
#include "widgets/canvas/auto_layout.h"
#include "widgets/canvas/canvas_commands.h"
#include "widgets/canvas/node_item.h"
#include "widgets/canvas/pipeline_model.h"
#include "widgets/canvas/pipeline_scene.h"
#include "widgets/canvas/pipeline_view.h"
#include "widgets/canvas/run_watch.h"
#include "widgets/canvas/stage_palette.h"
#include "widgets/canvas/stage_properties.h"
#include "widgets/canvas/stage_templates.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace cairn::widgets {

namespace pl = cairn::pipeline;

namespace {
constexpr const char* kStagesMime = "application/x-cairn-stages";
constexpr int kProblemStageRole = Qt::UserRole;
} // namespace

PipelineEditor::PipelineEditor(bool interactive, QWidget* parent)
    : QWidget(parent), m_interactive(interactive), m_model(new PipelineModel(this)), m_stack(new QUndoStack(this)),
      m_scene(new PipelineScene(m_model, m_stack, this)), m_view(new PipelineView(m_scene, this)), m_palette(new StagePalette(this)),
      m_props(new StageProperties(this)), m_problems(new QListWidget(this)), m_status(new QLabel(this)), m_banner(new QWidget(this)),
      m_bannerText(new QLabel(this)), m_reload(new QPushButton(tr("&Reload"), this)), m_keep(new QPushButton(tr("&Keep My Edits"), this)),
      m_watcher(new QFileSystemWatcher(this)), m_diskTimer(new QTimer(this)), m_layoutTimer(new QTimer(this)),
      m_runWatch(new RunWatch(m_model, this)), m_dot(new DotLayout(this))
{
    setObjectName(QStringLiteral("pipelineEditor"));
    m_problems->setObjectName(QStringLiteral("pipelineProblems"));
    m_banner->setObjectName(QStringLiteral("pipelineBanner"));
    m_banner->setAutoFillBackground(true);
    QPalette bp = m_banner->palette();
    bp.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    m_banner->setPalette(bp);
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(8, 4, 8, 4);
    m_bannerText->setWordWrap(true);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_reload);
    bannerLayout->addWidget(m_keep);
    m_banner->hide();

    auto* paletteBox = new QWidget(this);
    auto* paletteLayout = new QVBoxLayout(paletteBox);
    paletteLayout->setContentsMargins(0, 0, 0, 0);
    auto* paletteLabel = new QLabel(tr("Stage templates: drag one onto the canvas"), paletteBox);
    paletteLabel->setWordWrap(true);
    paletteLayout->addWidget(paletteLabel);
    paletteLayout->addWidget(m_palette, 1);

    auto* centre = new QSplitter(Qt::Vertical, this);
    centre->addWidget(m_view);
    centre->addWidget(m_problems);
    centre->setStretchFactor(0, 5);
    centre->setStretchFactor(1, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(paletteBox);
    split->addWidget(centre);
    split->addWidget(m_props);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 4);
    split->setStretchFactor(2, 1);
    m_split = split;
    m_palette->setMinimumWidth(120);
    m_props->setMinimumWidth(240);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    m_status->setContentsMargins(6, 2, 6, 2);

    m_diskTimer->setSingleShot(true);
    m_diskTimer->setInterval(150);  // editors write in several steps (rename, write, chmod)
    m_layoutTimer->setSingleShot(true);
    m_layoutTimer->setInterval(500);
    connect(m_diskTimer, &QTimer::timeout, this, &PipelineEditor::checkDisk);
    connect(m_layoutTimer, &QTimer::timeout, this, [this] { m_model->saveLayout(); });
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_diskTimer, qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_diskTimer, qOverload<>(&QTimer::start));
    connect(m_reload, &QPushButton::clicked, this, &PipelineEditor::reloadNow);
    connect(m_keep, &QPushButton::clicked, this, [this] {
        m_banner->hide();
        say(tr("Kept your edits; saving will overwrite the file on disk."));
    });

    createActions();
    connect(m_model, &PipelineModel::graphChanged, this, [this] {
        updateStatus();
        updateProblems();
        updateActions();
    });
    connect(m_model, &PipelineModel::modifiedChanged, this, [this] { Q_EMIT titleChanged(title()); });
    connect(m_model, &PipelineModel::positionsChanged, m_layoutTimer, qOverload<>(&QTimer::start));
    connect(m_model, &PipelineModel::runStatesChanged, this, [this] {
        updateStatus();
        updateActions();
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &PipelineEditor::onSelectionChanged);
    connect(m_scene, &PipelineScene::stageActivated, this, &PipelineEditor::openStageRun);
    connect(m_scene, &PipelineScene::contextMenuRequested, this, &PipelineEditor::showContextMenu);
    connect(m_scene, &PipelineScene::message, this, &PipelineEditor::say);
    connect(m_view, &PipelineView::templateDropped, this, [this](const QString& id, const QPointF& pos) { addFromTemplate(id, pos); });
    connect(m_palette, &StagePalette::templateActivated, this, [this](const QString& id) { addFromTemplate(id); });
    connect(m_props, &StageProperties::fieldEdited, this, [this](const QString& stage, const QString& field, const pl::Value& v) {
        if (QUndoCommand* cmd = commands::editField(m_model, stage, field, v))
            m_stack->push(cmd);
    });
    connect(m_props, &StageProperties::bodyEdited, this, [this](const QString& stage, const pl::Value& body) {
        if (QUndoCommand* cmd = commands::replaceBody(m_model, stage, body))
            m_stack->push(cmd);
    });
    connect(m_props, &StageProperties::renameRequested, this, [this](const QString& from, const QString& to) {
        m_stack->push(new RenameStageCommand(m_model, from, to));
        m_scene->selectStages({to});
    });
    connect(m_props, &StageProperties::message, this, &PipelineEditor::say);
    connect(m_problems, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const QString stage = item->data(kProblemStageRole).toString();
        if (stage.isEmpty())
            return;
        m_scene->selectStages({stage});
        if (NodeItem* n = m_scene->nodeItem(stage))
            m_view->centerOn(n);
    });
    connect(m_dot, &DotLayout::finished, this, [this](const QHash<QString, QPointF>& pos, const QString& error) {
        QHash<QString, QPointF> positions = pos;
        if (positions.isEmpty()) {
            positions = layeredLayout(m_model->graph());
            say(tr("Laid out without Graphviz (%1).").arg(error));
        }
        if (QUndoCommand* cmd = commands::layout(m_model, positions))
            m_stack->push(cmd);
        m_view->fitToView();
    });
    connect(m_stack, &QUndoStack::cleanChanged, this, [this] { Q_EMIT titleChanged(title()); });
    connect(m_stack, &QUndoStack::indexChanged, this, &PipelineEditor::updateActions);
    connect(m_runWatch, &RunWatch::runEnded, this, [this](int code) {
        say(code == 0 ? tr("The pipeline run finished.") : code < 0 ? tr("The pipeline run stopped before it ended.")
                                                                  : tr("The pipeline run failed (exit %1).").arg(code));
    });
    m_props->showStage(m_model, {});
    updateActions();
}

void PipelineEditor::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_sized && width() > 600) {  // the first time it has its real width: most of it to the canvas
        m_sized = true;
        m_split->setSizes({160, width() - 160 - 300, 300});
    }
}

void PipelineEditor::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (!m_sized && isVisible() && width() > 600) {
        m_sized = true;
        m_split->setSizes({160, width() - 160 - 300, 300});
    }
}

PipelineEditor::~PipelineEditor()
{
    // Children go in creation order (the model first): nothing may call back into a half-gone editor.
    m_stack->disconnect(this);
    m_model->disconnect(this);
    m_scene->disconnect(this);
    m_runWatch->disconnect(this);
    m_props->showStage(nullptr, {});
    delete m_view;
    delete m_scene;
}

QString PipelineEditor::title() const
{
    return QFileInfo(m_model->filePath()).fileName() + (m_model->isModified() ? QStringLiteral("*") : QString());
}

bool PipelineEditor::open(const QString& file, const QString& projectRoot, QString* error)
{
    QString why;
    const bool ok = m_model->open(file, projectRoot, &why);
    m_stack->clear();
    watchFile();
    m_runWatch->start();
    if (!ok && !QFileInfo::exists(file)) {
        if (error)
            *error = why;
        return false;
    }
    if (!m_model->isEditable())
        showBanner(m_model->loadError(), false);
    m_view->requestFit();
    Q_EMIT titleChanged(title());
    return true;
}

void PipelineEditor::create(const QString& file, const QString& projectRoot)
{
    m_model->create(file, projectRoot);
    m_stack->clear();
    watchFile();
    m_runWatch->start();
    Q_EMIT titleChanged(title());
}

void PipelineEditor::createActions()
{
    auto add = [this](const QString& name, const QString& text, QKeySequence key, auto slot) {
        auto* a = new QAction(text, this);
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        }
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        m_actions.insert(name, a);
        return a;
    };
    QAction* undo = m_stack->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QAction* redo = m_stack->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    addAction(redo);
    m_actions.insert(QStringLiteral("undo"), undo);
    m_actions.insert(QStringLiteral("redo"), redo);
    add(QStringLiteral("cut"), tr("Cu&t"), QKeySequence::Cut, [this] { cutSelection(); });
    add(QStringLiteral("copy"), tr("&Copy"), QKeySequence::Copy, [this] { copySelection(); });
    add(QStringLiteral("paste"), tr("&Paste"), QKeySequence::Paste, [this] { paste(); });
    add(QStringLiteral("delete"), tr("&Delete"), QKeySequence(Qt::Key_Delete), [this] { m_scene->deleteSelection(); });
    add(QStringLiteral("selectAll"), tr("Select &All"), QKeySequence::SelectAll, [this] { m_scene->selectStages(m_model->positions().keys()); });
    add(QStringLiteral("save"), tr("&Save Pipeline"), QKeySequence::Save, [this] {
        QString error;
        if (!save(&error))
            say(error);
    });
    add(QStringLiteral("validate"), tr("&Validate"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), [this] { validate(); });
    add(QStringLiteral("zoomIn"), tr("Zoom &In"), QKeySequence::ZoomIn, [this] { m_view->zoomBy(1.25); });
    add(QStringLiteral("zoomOut"), tr("Zoom &Out"), QKeySequence::ZoomOut, [this] { m_view->zoomBy(0.8); });
    add(QStringLiteral("fit"), tr("&Fit to View"), QKeySequence(Qt::CTRL | Qt::Key_0), [this] { m_view->fitToView(); });
    add(QStringLiteral("layout"), tr("Auto &Layout"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), [this] { autoLayout(); });
    add(QStringLiteral("run"), tr("&Run Pipeline"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), [this] { requestRun(QStringLiteral("all")); });
    add(QStringLiteral("runFrom"), tr("Run from &Here"), QKeySequence(), [this] {
        const QStringList s = m_scene->selectedStages();
        if (!s.isEmpty())
            requestRun(QStringLiteral("from"), s.front());
    });
    add(QStringLiteral("runStage"), tr("Run This &Stage"), QKeySequence(), [this] {
        const QStringList s = m_scene->selectedStages();
        if (!s.isEmpty())
            requestRun(QStringLiteral("stage"), s.front());
    });
    add(QStringLiteral("stop"), tr("S&top Run"), QKeySequence(), [this] { Q_EMIT stopRequested(m_model->filePath()); });
}

QAction* PipelineEditor::action(const QString& name) const { return m_actions.value(name); }

QList<QAction*> PipelineEditor::editActions() const
{
    QList<QAction*> out;
    for (const char* n : {"undo", "redo", "cut", "copy", "paste", "delete", "selectAll"})
        out << m_actions.value(QString::fromLatin1(n));
    return out;
}

void PipelineEditor::updateActions()
{
    const bool editable = m_model->isEditable();
    const int selected = static_cast<int>(m_scene->selectedStages().size());
    m_actions.value(QStringLiteral("cut"))->setEnabled(editable && selected > 0);
    m_actions.value(QStringLiteral("copy"))->setEnabled(selected > 0);
    m_actions.value(QStringLiteral("paste"))->setEnabled(editable);
    m_actions.value(QStringLiteral("delete"))->setEnabled(editable && (selected > 0 || !m_scene->selectedEdges().isEmpty()));
    m_actions.value(QStringLiteral("runFrom"))->setEnabled(selected == 1);
    m_actions.value(QStringLiteral("runStage"))->setEnabled(selected == 1);
    m_actions.value(QStringLiteral("stop"))->setEnabled(m_model->runLive());
    m_actions.value(QStringLiteral("run"))->setEnabled(editable && m_model->graph().nodes.size() > 0);
    m_palette->setEnabled(editable);
}

void PipelineEditor::say(const QString& text)
{
    m_status->setText(text);
    Q_EMIT statusMessage(text);
    QTimer::singleShot(6000, this, &PipelineEditor::updateStatus);
}

void PipelineEditor::updateStatus()
{
    const auto& g = m_model->graph();
    std::size_t stages = 0;
    for (const auto& n : g.nodes)
        stages += n.stages.size();
    QString text = tr("%1 · %n node(s)", nullptr, static_cast<int>(g.nodes.size())).arg(m_model->displayName())
                   + tr(", %n stage(s)", nullptr, static_cast<int>(stages)) + tr(", %n edge(s)", nullptr, static_cast<int>(g.edges.size()))
                   + QStringLiteral(" · ") + tr("%n error(s)", nullptr, m_model->errorCount()) + QStringLiteral(", ")
                   + tr("%n warning(s)", nullptr, m_model->warningCount());
    const auto& p = m_runWatch->progress();
    if (!p.id.empty()) {
        int done = 0, failed = 0, running = 0;
        for (const auto& [name, s] : p.stages) {
            done += s.state == "done" || s.state == "cached";
            failed += s.state == "failed";
            running += s.state == "running";
        }
        text += QStringLiteral(" · ") + (m_model->runLive() ? tr("running: %1 of %2 stages finished, %3 running").arg(done).arg(p.selected.size()).arg(running)
                                                           : tr("last run: %1 done or cached, %2 failed").arg(done).arg(failed));
    }
    m_status->setText(text);
}

void PipelineEditor::updateProblems()
{
    m_problems->clear();
    auto add = [this](const pl::Diagnostic& d, const QString& stage) {
        auto* item = new QListWidgetItem(QString::fromStdString(pl::formatDiagnostic(d)), m_problems);
        item->setData(kProblemStageRole, stage);
        item->setForeground(d.severity == pl::Severity::Error ? QColor(0xd1, 0x34, 0x38) : QColor(0xb8, 0x6e, 0x00));
    };
    for (const auto& d : m_model->graph().general)
        add(d, {});
    for (const auto& n : m_model->graph().nodes)
        for (const auto& d : n.problems)
            add(d, QString::fromStdString(n.name));
    if (m_problems->count() == 0)
        new QListWidgetItem(tr("No problems: the pipeline is valid."), m_problems);
}

void PipelineEditor::onSelectionChanged()
{
    const QStringList s = m_scene->selectedStages();
    m_props->showStage(m_model, s.size() == 1 ? s.front() : QString());
    updateActions();
}

bool PipelineEditor::save(QString* error)
{
    m_props->commitAll();
    QString why;
    if (!m_model->save(&why)) {
        if (error)
            *error = why;
        return false;
    }
    m_stack->setClean();
    watchFile();
    say(tr("Saved %1.").arg(m_model->displayName()));
    Q_EMIT titleChanged(title());
    return true;
}

bool PipelineEditor::maybeSave()
{
    m_props->commitAll();
    if (!m_model->isModified() || !m_interactive)
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved pipeline"), tr("Save the changes to %1?").arg(m_model->displayName()),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save) {
        QString error;
        if (!save(&error)) {
            QMessageBox::warning(this, tr("Cannot save"), error);
            return false;
        }
    }
    return true;
}

int PipelineEditor::validate()
{
    m_props->commitAll();
    updateProblems();
    const int errors = m_model->errorCount();
    say(errors == 0 ? tr("%1 is valid (%n warning(s)).", nullptr, m_model->warningCount()).arg(m_model->displayName())
                    : tr("%1 has %n error(s); they are marked on the stages and listed below.", nullptr, errors).arg(m_model->displayName()));
    // Show the first stage with an error.
    for (const auto& n : m_model->graph().nodes)
        for (const auto& d : n.problems)
            if (d.severity == pl::Severity::Error) {
                const QString name = QString::fromStdString(n.name);
                m_scene->selectStages({name});
                if (NodeItem* item = m_scene->nodeItem(name))
                    m_view->centerOn(item);
                return errors;
            }
    return errors;
}

QString PipelineEditor::addFromTemplate(const QString& templateId, QPointF scenePos)
{
    const StageTemplate* t = findStageTemplate(templateId);
    if (!t || !m_model->isEditable())
        return {};
    if (qIsNaN(scenePos.x()))
        scenePos = m_view->centerScenePos() + QPointF(m_pasteCount % 5 * 24, m_pasteCount % 5 * 24);
    ++m_pasteCount;
    const std::string name = pl::uniqueStageName(m_model->document(), t->name);
    const QPointF topLeft = scenePos - QPointF(canvas::kNodeWidth / 2, canvas::kHeaderHeight / 2);
    m_stack->push(commands::addStage(m_model, name, templateBody(*t), topLeft));
    m_scene->selectStages({QString::fromStdString(name)});
    return QString::fromStdString(name);
}

void PipelineEditor::copySelection()
{
    const QStringList stages = m_scene->selectedStages();
    if (stages.isEmpty())
        return;
    pl::Value map = pl::Value::map();
    QJsonObject positions;
    for (const QString& s : stages) {
        if (const pl::Value* body = m_model->document().stage(s.toStdString()))
            map.insert(pl::Value::string(s.toStdString()), *body);
        positions.insert(s, QJsonArray{m_model->position(s).x(), m_model->position(s).y()});
    }
    pl::Value root = pl::Value::map();
    root.insert(pl::Value::string("stages"), map);
    const QString yaml = QString::fromStdString(pl::emitDocument(root, m_model->document().style()));
    auto* data = new QMimeData;
    data->setText(yaml);
    data->setData(QString::fromLatin1(kStagesMime), QJsonDocument(QJsonObject{{QStringLiteral("yaml"), yaml},
                                                                                {QStringLiteral("positions"), positions}})
                                                        .toJson(QJsonDocument::Compact));
    QApplication::clipboard()->setMimeData(data);
    say(tr("Copied %n stage(s).", nullptr, static_cast<int>(stages.size())));
}

void PipelineEditor::cutSelection()
{
    copySelection();
    m_scene->deleteSelection();
}

void PipelineEditor::paste()
{
    const QMimeData* data = QApplication::clipboard()->mimeData();
    if (!data || !m_model->isEditable())
        return;
    QString yaml = data->text();
    QHash<QString, QPointF> positions;
    if (data->hasFormat(QString::fromLatin1(kStagesMime))) {
        const QJsonObject o = QJsonDocument::fromJson(data->data(QString::fromLatin1(kStagesMime))).object();
        yaml = o.value(QStringLiteral("yaml")).toString();
        const QJsonObject p = o.value(QStringLiteral("positions")).toObject();
        for (auto it = p.begin(); it != p.end(); ++it)
            positions.insert(it.key(), QPointF(it->toArray().at(0).toDouble(), it->toArray().at(1).toDouble()));
    }
    pl::YamlDocument doc = pl::parseYaml(yaml.toStdString());
    if (doc.error || !doc.root.isMap()) {
        say(tr("The clipboard holds no stages (YAML `stages:` with stage entries, or one stage's fields)."));
        return;
    }
    std::vector<std::pair<std::string, pl::Value>> stages;
    const pl::Value* map = doc.root.find("stages");
    if (map && map->isMap()) {
        for (const auto& [k, v] : map->entries())
            if (v.isMap())
                stages.emplace_back(pl::scalarText(k), v);
    } else if (doc.root.find("cmd") || doc.root.find("foreach")) {
        stages.emplace_back("stage", doc.root);
    } else {
        for (const auto& [k, v] : doc.root.entries())
            if (v.isMap() && (v.find("cmd") || v.find("foreach")))
                stages.emplace_back(pl::scalarText(k), v);
    }
    if (stages.empty()) {
        say(tr("The clipboard holds no stages."));
        return;
    }
    ++m_pasteCount;
    QPointF offset(30.0 * m_pasteCount, 30.0 * m_pasteCount);
    if (positions.isEmpty())
        offset = m_view->centerScenePos();
    const int before = m_model->document().stageCount();
    if (QUndoCommand* cmd = commands::pasteStages(m_model, stages, positions, offset))
        m_stack->push(cmd);
    QStringList fresh;
    const auto names = m_model->document().stageNames();
    for (std::size_t i = static_cast<std::size_t>(before); i < names.size(); ++i)
        fresh << QString::fromStdString(names[i]);
    m_scene->selectStages(fresh);
}

void PipelineEditor::autoLayout()
{
    if (m_model->graph().nodes.empty())
        return;
    m_dot->start(m_model->graph());
}

void PipelineEditor::requestRun(const QString& mode, const QString& stage)
{
    m_props->commitAll();
    if (!m_model->isEditable()) {
        say(m_model->loadError());
        return;
    }
    if (m_model->errorCount() > 0) {
        validate();
        return;
    }
    if (m_model->isModified()) {
        QString error;
        if (!save(&error)) {
            say(error);
            return;
        }
    }
    Q_EMIT runRequested(m_model->filePath(), mode, stage);
}

void PipelineEditor::openStageRun(const QString& stage)
{
    const pl::EntryNode* node = m_model->node(stage);
    if (!node)
        return;
    QList<QPair<QString, QString>> runs;  // (stage, run)
    for (const auto& s : node->stages) {
        const QString run = m_runWatch->runOf(QString::fromStdString(s));
        if (!run.isEmpty())
            runs.push_back({QString::fromStdString(s), run});
    }
    if (runs.isEmpty()) {
        say(tr("'%1' has no run yet: run the pipeline (Ctrl+Shift+R) or this stage from its context menu.").arg(stage));
        return;
    }
    if (runs.size() == 1 || !m_interactive) {
        Q_EMIT openRunRequested(runs.front().second);
        return;
    }
    QMenu menu(this);
    for (const auto& [name, run] : runs) {
        const StageRunState st = m_model->runState(name.toStdString());
        QAction* a = menu.addAction(QStringLiteral("%1 — %2 (%3)").arg(name, st.state.isEmpty() ? tr("last run") : stageStateText(st.state), run.left(8)));
        connect(a, &QAction::triggered, this, [this, run] { Q_EMIT openRunRequested(run); });
    }
    menu.exec(QCursor::pos());
}

void PipelineEditor::showContextMenu(const QString& stage, const QPair<QString, QString>& edge, const QPoint& screen, const QPointF& scenePos)
{
    QMenu menu(this);
    if (!stage.isEmpty()) {
        menu.addAction(m_actions.value(QStringLiteral("runFrom")));
        menu.addAction(m_actions.value(QStringLiteral("runStage")));
        menu.addAction(tr("Open Its &Run"), this, [this, stage] { openStageRun(stage); });
        menu.addSeparator();
        menu.addAction(m_actions.value(QStringLiteral("copy")));
        menu.addAction(m_actions.value(QStringLiteral("cut")));
        menu.addAction(m_actions.value(QStringLiteral("delete")));
    } else if (!edge.first.isEmpty()) {
        menu.addAction(tr("&Disconnect"), this, [this, edge] {
            if (QUndoCommand* cmd = commands::disconnectStages(m_model, edge.first, edge.second))
                m_stack->push(cmd);
        });
    } else {
        QMenu* add = menu.addMenu(tr("&Add Stage"));
        for (const auto& t : stageTemplates()) {
            const QString id = t.id;
            add->addAction(t.label, this, [this, id, scenePos] { addFromTemplate(id, scenePos); });
        }
        menu.addAction(m_actions.value(QStringLiteral("paste")));
        menu.addSeparator();
        menu.addAction(m_actions.value(QStringLiteral("layout")));
        menu.addAction(m_actions.value(QStringLiteral("fit")));
        menu.addSeparator();
        menu.addAction(m_actions.value(QStringLiteral("run")));
    }
    if (m_interactive)
        menu.exec(screen);
}

// Watch the file and its folder: editors that save by writing a new file and renaming it
// over the old one (vim, many IDEs) replace the watched inode, which the file watch loses.
void PipelineEditor::watchFile()
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    const QString file = m_model->filePath();
    if (QFileInfo::exists(file))
        m_watcher->addPath(file);
    if (QFileInfo::exists(QFileInfo(file).path()))
        m_watcher->addPath(QFileInfo(file).path());
}

void PipelineEditor::checkDisk()
{
    const QString file = m_model->filePath();
    if (QFileInfo::exists(file) && !m_watcher->files().contains(file))
        m_watcher->addPath(file);  // it came back after a rename-save
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        if (!m_model->knownBytes().isEmpty())
            showBanner(tr("%1 was deleted or moved on disk. Save to write it again.").arg(m_model->displayName()), false);
        return;
    }
    const QByteArray bytes = f.readAll();
    if (bytes == m_model->knownBytes())
        return;  // our own save, or a touch
    if (m_model->isModified() && m_model->isEditable()) {
        showBanner(tr("%1 changed on disk while you have unsaved edits.").arg(m_model->displayName()), true);
        return;
    }
    reloadNow();
}

void PipelineEditor::reloadNow()
{
    m_banner->hide();
    QString error;
    const bool ok = m_model->reload(&error);
    m_stack->clear();
    watchFile();
    if (!ok)
        showBanner(error, false);
    else
        say(tr("Reloaded %1: it changed on disk.").arg(m_model->displayName()));
    m_props->refresh();
    Q_EMIT titleChanged(title());
    Q_EMIT reloadedFromDisk();
}

void PipelineEditor::showBanner(const QString& text, bool reloadButtons)
{
    m_bannerText->setText(text);
    m_reload->setVisible(reloadButtons);
    m_keep->setVisible(reloadButtons);
    m_banner->show();
}

} // namespace cairn::widgets
