// The palette of stage templates: drag one onto the canvas (or double-click it) to add a
// stage from it.
#pragma once

#include <QListWidget>

namespace cairn::widgets {

class StagePalette : public QListWidget {
    Q_OBJECT
public:
    explicit StagePalette(QWidget* parent = nullptr);
    // The row of a template, for tests driving a drag.
    QListWidgetItem* itemFor(const QString& templateId) const;
    // What a drag of that template carries (the caller owns it).
    QMimeData* dragData(const QString& templateId) const;

Q_SIGNALS:
    void templateActivated(const QString& templateId);

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
};

} // namespace cairn::widgets
