#include "widgets/canvas/stage_palette.h"

#include "widgets/canvas/stage_templates.h"

#include <QMimeData>

namespace cairn::widgets {

StagePalette::StagePalette(QWidget* parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("stagePalette"));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
    setSpacing(1);
    for (const StageTemplate& t : stageTemplates()) {
        auto* item = new QListWidgetItem(t.label, this);
        item->setData(Qt::UserRole, t.id);
        item->setToolTip(t.description + QStringLiteral("\n\n") + QString::fromStdString(t.yaml).trimmed());
    }
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT templateActivated(item->data(Qt::UserRole).toString());
    });
}

QListWidgetItem* StagePalette::itemFor(const QString& templateId) const
{
    for (int i = 0; i < count(); ++i)
        if (item(i)->data(Qt::UserRole).toString() == templateId)
            return item(i);
    return nullptr;
}

QMimeData* StagePalette::dragData(const QString& templateId) const
{
    QListWidgetItem* item = itemFor(templateId);
    return item ? mimeData({item}) : nullptr;
}

QStringList StagePalette::mimeTypes() const { return {QString::fromLatin1(kStageTemplateMime)}; }

QMimeData* StagePalette::mimeData(const QList<QListWidgetItem*>& items) const
{
    if (items.isEmpty())
        return nullptr;
    auto* data = new QMimeData;
    data->setData(QString::fromLatin1(kStageTemplateMime), items.front()->data(Qt::UserRole).toString().toUtf8());
    return data;
}

} // namespace cairn::widgets
