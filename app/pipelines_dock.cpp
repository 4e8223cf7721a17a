#include "app/pipelines_dock.h"

#include "engine/pipeline/pipeline_files.h"
#include "engine/pipeline/progress.h"
#include "engine/pipeline/validate.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cairn::app {

namespace pl = cairn::pipeline;

namespace {
constexpr int kFileRole = Qt::UserRole;
}

PipelinesDock::PipelinesDock(QWidget* parent)
    : QDockWidget(tr("Pipelines"), parent), m_tree(new QTreeWidget(this)), m_empty(new QLabel(this)),
      m_watcher(new QFileSystemWatcher(this)), m_delay(new QTimer(this))
{
    setObjectName(QStringLiteral("pipelinesDock"));
    m_tree->setObjectName(QStringLiteral("pipelinesTree"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Pipeline"), tr("Stages"), tr("Last run")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setTextElideMode(Qt::ElideLeft);  // "...digits.yaml": the file's name is what tells them apart
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("No pipelines yet. New Pipeline creates pipelines/NAME.yaml; a dvc.yaml at the project root shows here too."));
    m_empty->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto* create = new QPushButton(tr("&New..."), this);
    auto* open = new QPushButton(tr("&Open..."), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(create);
    buttons->addWidget(open);
    buttons->addStretch(1);
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_empty);
    layout->addLayout(buttons);
    setWidget(body);

    m_delay->setSingleShot(true);
    m_delay->setInterval(300);
    connect(m_delay, &QTimer::timeout, this, &PipelinesDock::refresh);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_delay, qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_delay, qOverload<>(&QTimer::start));
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        Q_EMIT openRequested(item->data(0, kFileRole).toString());
    });
    connect(create, &QPushButton::clicked, this, &PipelinesDock::newRequested);
    connect(open, &QPushButton::clicked, this, &PipelinesDock::openFileRequested);
}

void PipelinesDock::setProject(const QString& root)
{
    m_root = root;
    m_summaries.clear();
    refresh();
}

void PipelinesDock::watch()
{
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (m_root.isEmpty())
        return;
    QStringList dirs{m_root};
    for (const char* sub : {"pipelines", ".cairn/pipelines"})
        if (QFileInfo(QDir(m_root).filePath(QString::fromLatin1(sub))).isDir())
            dirs << QDir(m_root).filePath(QString::fromLatin1(sub));
    m_watcher->addPaths(dirs);
    const QStringList f = files();
    if (!f.isEmpty())
        m_watcher->addPaths(f);
}

QStringList PipelinesDock::files() const
{
    QStringList out;
    if (m_root.isEmpty())
        return out;
    for (const auto& f : pl::projectPipelineFiles(m_root.toStdString()))
        out << QDir(m_root).filePath(QString::fromStdString(f));
    return out;
}

void PipelinesDock::refresh()
{
    const QString current = m_tree->currentItem() ? m_tree->currentItem()->data(0, kFileRole).toString() : QString();
    m_tree->clear();
    pl::DiskFiles disk;
    bool anyLive = false;
    for (const QString& file : files()) {
        // A file is checked again only when it changed (moves on a canvas rewrite the layout
        // sidecar beside the progress files this dock watches).
        const QFileInfo info(file);
        Summary& sum = m_summaries[file];
        if (sum.modified != info.lastModified() || sum.size != info.size()) {
            const pl::CheckedPipeline c = pl::checkPipeline(file.toStdString(), disk);
            sum = {info.lastModified(), info.size(), static_cast<int>(c.spec.stages.size()), static_cast<int>(c.diagnostics.errorCount())};
        }
        const QString rel = QDir(m_root).relativeFilePath(file);
        auto* item = new QTreeWidgetItem(m_tree);
        item->setText(0, rel);
        item->setData(0, kFileRole, file);
        item->setText(1, QString::number(sum.stages));
        QString tip = rel;
        if (sum.errors > 0) {
            item->setForeground(0, QColor(0xd1, 0x34, 0x38));
            tip += tr("\n%n error(s): open it to see them on its stages.", nullptr, sum.errors);
        }
        const auto progress = pl::readProgress(pl::progressPathFor(m_root.toStdString(), file.toStdString()));
        QString last = tr("never run");
        if (!progress.id.empty()) {
            int done = 0, failed = 0;
            for (const auto& [name, s] : progress.stages) {
                done += s.state == "done" || s.state == "cached";
                failed += s.state == "failed";
            }
            if (pl::progressLive(progress)) {
                last = tr("running (%1/%2)").arg(done).arg(progress.selected.size());
                anyLive = true;
            }
            else if (!progress.ended)
                last = tr("stopped");
            else
                last = progress.exitCode == 0 ? tr("done") : tr("failed (%n stage(s))", nullptr, failed);
        }
        item->setText(2, last);
        item->setToolTip(0, tip);
        if (file == current)
            m_tree->setCurrentItem(item);
    }
    m_empty->setVisible(m_tree->topLevelItemCount() == 0 && !m_root.isEmpty());
    watch();
    if (anyLive)  // progress lines are appended, which the folder watch does not see
        m_delay->start(2000);
}

} // namespace cairn::app
