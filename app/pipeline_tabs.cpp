#include "app/pipeline_tabs.h"

#include "app/pipeline_runner.h"
#include "widgets/canvas/pipeline_editor.h"
#include "widgets/canvas/pipeline_model.h"
#include "widgets/canvas/run_watch.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QTabBar>
#include <QTabWidget>

namespace cairn::app {

using widgets::PipelineEditor;

PipelineTabs::PipelineTabs(QTabWidget* tabs, bool interactive, QObject* parent)
    : QObject(parent), m_tabs(tabs), m_interactive(interactive), m_runner(new PipelineRunner(this))
{
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    // The Runs tab stays.
    if (m_tabs->count() > 0) {
        m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
        m_tabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    }
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int i) {
        if (i > 0)
            closeTab(i);
    });
    connect(m_runner, &PipelineRunner::finished, this, [this](const QString& file, bool ok, const QString& summary) {
        Q_EMIT statusMessage(ok ? summary : tr("%1: %2").arg(QFileInfo(file).fileName(), summary));
        if (PipelineEditor* e = editorFor(file))
            e->runWatch()->poke();
        Q_EMIT pipelinesChanged();
    });
    connect(m_runner, &PipelineRunner::started, this, [this](const QString& file) {
        Q_EMIT statusMessage(tr("Running %1; its log is in %2.").arg(QFileInfo(file).fileName(),
                                                                    QDir(m_root).relativeFilePath(PipelineRunner::logPath(m_root, file))));
        Q_EMIT pipelinesChanged();
    });
}

QList<PipelineEditor*> PipelineTabs::editors() const
{
    QList<PipelineEditor*> out;
    for (int i = 1; i < m_tabs->count(); ++i)
        if (auto* e = qobject_cast<PipelineEditor*>(m_tabs->widget(i)))
            out << e;
    return out;
}

PipelineEditor* PipelineTabs::current() const { return qobject_cast<PipelineEditor*>(m_tabs->currentWidget()); }

PipelineEditor* PipelineTabs::editorFor(const QString& file) const
{
    const QString abs = QFileInfo(file).absoluteFilePath();
    for (PipelineEditor* e : editors())
        if (e->model()->filePath() == abs)
            return e;
    return nullptr;
}

void PipelineTabs::setProject(const QString& root)
{
    while (m_tabs->count() > 1)
        if (!closeTab(m_tabs->count() - 1))
            break;
    m_root = root;
    if (root.isEmpty())
        return;
    const QStringList files = QSettings().value(QStringLiteral("pipelines/open/") + QString::fromLatin1(root.toUtf8().toBase64()))
                                  .toStringList();
    for (const QString& f : files)
        if (QFileInfo::exists(f))
            open(f);
    m_tabs->setCurrentIndex(0);
}

void PipelineTabs::rememberTabs()
{
    if (m_root.isEmpty())
        return;
    QStringList files;
    for (PipelineEditor* e : editors())
        if (QFileInfo::exists(e->model()->filePath()))
            files << e->model()->filePath();
    QSettings().setValue(QStringLiteral("pipelines/open/") + QString::fromLatin1(m_root.toUtf8().toBase64()), files);
}

void PipelineTabs::adopt(PipelineEditor* e)
{
    const int index = m_tabs->addTab(e, e->title());
    m_tabs->setTabToolTip(index, e->model()->filePath());
    connect(e, &PipelineEditor::titleChanged, this, [this, e](const QString& title) {
        const int i = m_tabs->indexOf(e);
        if (i >= 0)
            m_tabs->setTabText(i, title);
        rememberTabs();
        Q_EMIT pipelinesChanged();
    });
    connect(e, &PipelineEditor::statusMessage, this, &PipelineTabs::statusMessage);
    connect(e, &PipelineEditor::openRunRequested, this, &PipelineTabs::showRunRequested);
    connect(e, &PipelineEditor::runRequested, this, &PipelineTabs::run);
    connect(e, &PipelineEditor::stopRequested, this, [this](const QString& f) {
        Q_EMIT statusMessage(m_runner->stop(m_root, f) ? tr("Stopping %1: its running stages are cancelled.").arg(QFileInfo(f).fileName())
                                                       : tr("%1 is not running.").arg(QFileInfo(f).fileName()));
    });
}

PipelineEditor* PipelineTabs::open(const QString& file)
{
    if (PipelineEditor* e = editorFor(file)) {
        m_tabs->setCurrentWidget(e);
        return e;
    }
    auto* e = new PipelineEditor(m_interactive);
    QString error;
    if (!e->open(file, m_root, &error)) {
        delete e;
        Q_EMIT statusMessage(error);
        if (m_interactive)
            QMessageBox::warning(m_tabs, tr("Cannot open pipeline"), error);
        return nullptr;
    }
    adopt(e);
    m_tabs->setCurrentWidget(e);
    rememberTabs();
    return e;
}

PipelineEditor* PipelineTabs::newPipeline(const QString& name)
{
    QString base = name.trimmed();
    if (base.endsWith(QStringLiteral(".yaml")))
        base.chop(5);
    if (m_root.isEmpty() || base.isEmpty() || base.contains(QRegularExpression(QStringLiteral("[/\\\\\\s]")))) {
        Q_EMIT statusMessage(tr("A pipeline name is one word, such as 'train': it becomes pipelines/train.yaml."));
        return nullptr;
    }
    const QString file = QDir(m_root).filePath(QStringLiteral("pipelines/%1.yaml").arg(base));
    if (QFileInfo::exists(file))
        return open(file);
    if (PipelineEditor* e = editorFor(file)) {
        m_tabs->setCurrentWidget(e);
        return e;
    }
    auto* e = new PipelineEditor(m_interactive);
    e->create(file, m_root);
    adopt(e);
    m_tabs->setCurrentWidget(e);
    Q_EMIT statusMessage(tr("New pipeline %1: drag stage templates onto the canvas, then save (Ctrl+S).")
                             .arg(QDir(m_root).relativeFilePath(file)));
    return e;
}

void PipelineTabs::askNewPipeline()
{
    if (m_root.isEmpty()) {
        Q_EMIT statusMessage(tr("Open a project first."));
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getText(m_tabs, tr("New Pipeline"), tr("Name (the file is pipelines/NAME.yaml):"), QLineEdit::Normal,
                                               QStringLiteral("train"), &ok);
    if (ok)
        newPipeline(name);
}

void PipelineTabs::askOpenPipeline()
{
    const QString file = QFileDialog::getOpenFileName(m_tabs, tr("Open Pipeline"), m_root.isEmpty() ? QString() : QDir(m_root).filePath(QStringLiteral("pipelines")),
                                                      tr("Pipelines (*.yaml *.yml)"));
    if (!file.isEmpty())
        open(file);
}

bool PipelineTabs::closeTab(int index)
{
    auto* e = qobject_cast<PipelineEditor*>(m_tabs->widget(index));
    if (!e)
        return false;
    if (!e->maybeSave())
        return false;
    m_tabs->removeTab(index);
    e->deleteLater();
    rememberTabs();
    return true;
}

bool PipelineTabs::maybeCloseAll()
{
    for (PipelineEditor* e : editors()) {
        m_tabs->setCurrentWidget(e);
        if (!e->maybeSave())
            return false;
    }
    rememberTabs();
    return true;
}

void PipelineTabs::run(const QString& file, const QString& mode, const QString& stage)
{
    QString error;
    if (!m_runner->start(m_root, file, mode, stage, &error)) {
        Q_EMIT statusMessage(error);
        if (m_interactive)
            QMessageBox::warning(m_tabs, tr("Cannot run the pipeline"), error);
    }
}

void PipelineTabs::onEngineEvent(const QString& name)
{
    if (!name.startsWith(QStringLiteral("run.")))
        return;
    for (PipelineEditor* e : editors())
        e->runWatch()->poke();
}

void PipelineTabs::fillPipelineMenu(QMenu* menu)
{
    menu->clear();
    menu->addAction(tr("&New Pipeline..."), this, &PipelineTabs::askNewPipeline);
    menu->addAction(tr("&Open Pipeline..."), this, &PipelineTabs::askOpenPipeline);
    PipelineEditor* e = current();
    menu->addSeparator();
    if (!e) {
        menu->addAction(tr("(open a pipeline to edit or run it)"))->setEnabled(false);
        return;
    }
    for (const char* name : std::initializer_list<const char*>{"save", "validate", nullptr, "run", "runFrom", "runStage", "stop", nullptr, "layout", "fit", "zoomIn", "zoomOut"}) {
        if (!name)
            menu->addSeparator();
        else
            menu->addAction(e->action(QString::fromLatin1(name)));
    }
    menu->addSeparator();
    menu->addAction(tr("&Close Pipeline"), this, [this] { closeTab(m_tabs->currentIndex()); });
}

void PipelineTabs::fillEditMenu(QMenu* menu)
{
    menu->clear();
    PipelineEditor* e = current();
    if (!e) {
        menu->addAction(tr("(undo and redo act on an open pipeline)"))->setEnabled(false);
        return;
    }
    const QList<QAction*> actions = e->editActions();
    for (int i = 0; i < actions.size(); ++i) {
        if (i == 2 || i == 6)
            menu->addSeparator();
        menu->addAction(actions[i]);
    }
}

} // namespace cairn::app
