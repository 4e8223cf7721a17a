// One artifact version in detail (docs/artifacts.md): its versions, hash, size, type, source,
// the files of a directory's manifest, the runs that read and wrote it, and the dataset
// profile of its CSV files with a histogram per column.
#pragma once

#include "widgets/lineage/artifact_detail.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QTreeWidget;

namespace cairn::widgets {

class HistogramWidget;

class ArtifactPanel : public QWidget {
    Q_OBJECT
public:
    explicit ArtifactPanel(QWidget* parent = nullptr);

    void setDetail(const ArtifactDetailPtr& detail);
    void clear();
    ArtifactDetailPtr detail() const { return m_detail; }
    QString reference() const;  // name:version shown, or empty

    QTableWidget* versionsTable() const { return m_versions; }
    QTreeWidget* filesTree() const { return m_files; }
    QTreeWidget* runsList() const { return m_runs; }
    QTableWidget* profileTable() const { return m_profile; }
    QComboBox* profileFileBox() const { return m_profileFile; }
    HistogramWidget* histogram() const { return m_histogram; }
    QTabWidget* tabs() const { return m_tabs; }

Q_SIGNALS:
    void versionRequested(const QString& reference);
    void runActivated(const QString& runId);
    void lineageRequested(const QString& reference);

private:
    void showProfile(int index);

    ArtifactDetailPtr m_detail;
    QLabel* m_title = nullptr;
    QLabel* m_facts = nullptr;
    QPushButton* m_lineage = nullptr;
    QTableWidget* m_versions = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTreeWidget* m_files = nullptr;
    QTreeWidget* m_runs = nullptr;
    QComboBox* m_profileFile = nullptr;
    QLabel* m_profileNote = nullptr;
    QTableWidget* m_profile = nullptr;
    HistogramWidget* m_histogram = nullptr;
};

} // namespace cairn::widgets
