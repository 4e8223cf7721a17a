// The Pipelines dock: the project's pipelines/*.yaml and dvc.yaml with their stage count,
// problems and last run, kept up to date as files and runs change. Double-click opens one
// on the canvas; New and Open buttons do what the Pipeline menu does.
#pragma once

#include <QDateTime>
#include <QDockWidget>
#include <QHash>

class QFileSystemWatcher;
class QLabel;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace cairn::app {

class PipelinesDock : public QDockWidget {
    Q_OBJECT
public:
    explicit PipelinesDock(QWidget* parent = nullptr);

    void setProject(const QString& root);
    // Reads the folder again (also done when it changes).
    void refresh();
    // Absolute paths, in the order shown.
    QStringList files() const;
    QTreeWidget* tree() const { return m_tree; }

Q_SIGNALS:
    void openRequested(const QString& file);
    void newRequested();
    void openFileRequested();

private:
    void watch();
    struct Summary {
        QDateTime modified;
        qint64 size = -1;
        int stages = 0;
        int errors = 0;
    };
    QString m_root;
    QHash<QString, Summary> m_summaries;
    QTreeWidget* m_tree;
    QLabel* m_empty;
    QFileSystemWatcher* m_watcher;
    QTimer* m_delay;
};

} // namespace cairn::app
