// The project's artifacts, one row each (its newest version): what the workbench's Artifacts
// dock lists. Double-click or Enter opens one; the filter box narrows the list by name.
#pragma once

#include "widgets/lineage/artifact_detail.h"

#include <QWidget>

class QLineEdit;
class QTreeWidget;

namespace cairn::widgets {

class ArtifactList : public QWidget {
    Q_OBJECT
public:
    explicit ArtifactList(QWidget* parent = nullptr);
    void setArtifacts(const ArtifactListPtr& list);
    QTreeWidget* tree() const { return m_tree; }
    QLineEdit* filterBox() const { return m_filter; }
    int count() const;

Q_SIGNALS:
    void artifactActivated(const QString& reference);  // name:version of the newest version
    void lineageRequested(const QString& reference);

private:
    void applyFilter();
    QLineEdit* m_filter = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace cairn::widgets
