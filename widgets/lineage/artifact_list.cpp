#include "widgets/lineage/artifact_list.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cairn::widgets {

ArtifactList::ArtifactList(QWidget* parent) : QWidget(parent), m_filter(new QLineEdit(this)), m_tree(new QTreeWidget(this))
{
    m_filter->setPlaceholderText(tr("Filter artifacts"));
    m_filter->setClearButtonEnabled(true);
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Artifact"), tr("Type"), tr("Versions"), tr("Size")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(0, Qt::AscendingOrder);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    connect(m_filter, &QLineEdit::textChanged, this, &ArtifactList::applyFilter);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        Q_EMIT artifactActivated(item->data(0, Qt::UserRole).toString());
    });
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QTreeWidgetItem* item = m_tree->itemAt(pos);
        if (!item)
            return;
        const QString ref = item->data(0, Qt::UserRole).toString();
        QMenu menu(this);
        menu.addAction(tr("Open"), this, [this, ref] { Q_EMIT artifactActivated(ref); });
        menu.addAction(tr("Lineage"), this, [this, ref] { Q_EMIT lineageRequested(ref); });
        menu.exec(m_tree->viewport()->mapToGlobal(pos));
    });
}

int ArtifactList::count() const { return m_tree->topLevelItemCount(); }

void ArtifactList::setArtifacts(const ArtifactListPtr& list)
{
    const QString current = m_tree->currentItem() ? m_tree->currentItem()->text(0) : QString();
    m_tree->setSortingEnabled(false);
    m_tree->clear();
    if (!list)
        return;
    QList<QTreeWidgetItem*> rows;
    for (const ArtifactSummary& a : *list) {
        auto* item = new QTreeWidgetItem;
        item->setText(0, QString::fromStdString(a.name));
        item->setText(1, QString::fromStdString(a.type) + (a.newest.external ? tr(" (external)") : QString()));
        item->setData(2, Qt::DisplayRole, static_cast<qlonglong>(a.versions));
        item->setText(3, a.newest.external ? QString() : QLocale().formattedDataSize(a.newest.size));
        item->setData(0, Qt::UserRole, QString::fromStdString(a.name + ":" + std::to_string(a.newest.version)));
        item->setToolTip(0, QString::fromStdString(a.newest.source));
        rows.append(item);
    }
    m_tree->addTopLevelItems(rows);
    m_tree->setSortingEnabled(true);
    for (int i = 0; i < 4; ++i)
        m_tree->resizeColumnToContents(i);
    for (QTreeWidgetItem* item : rows)
        if (item->text(0) == current)
            m_tree->setCurrentItem(item);
    applyFilter();
}

void ArtifactList::applyFilter()
{
    const QString t = m_filter->text().trimmed();
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_tree->topLevelItem(i);
        item->setHidden(!t.isEmpty() && !item->text(0).contains(t, Qt::CaseInsensitive));
    }
}

} // namespace cairn::widgets
