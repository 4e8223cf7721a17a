// View > Reports: the project's drift, validation and fairness reports, newest first, filtered
// by kind and (from a run page's Reports button) by run, with the selected report below
// (widgets/reports/report_view.h). Reads the database through a read-only Store of its own;
// refreshed on the engine's `report.added` events.
#pragma once

#include <QDockWidget>

#include <filesystem>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace cairn {
class Store;
}

namespace cairn::widgets {

class ReportView;

class ReportsPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit ReportsPanel(QWidget* parent = nullptr);
    ~ReportsPanel() override;

    void setDatabase(const std::filesystem::path& path);
    // Only this run's reports (a full id; empty: every report). `label` names it on screen.
    void setRunFilter(const QString& runId, const QString& label = {});
    QString runFilter() const { return m_runId; }
    // "", "drift", "validation" or "fairness".
    void setKindFilter(const QString& kind);

    QTableWidget* list() const { return m_list; }
    ReportView* view() const { return m_view; }
    int reportCount() const;
    // Selects a report by id; false when the list does not show it.
    bool selectReport(qint64 id);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void refreshed(int reports);

private:
    void showSelected();
    std::filesystem::path m_path;
    std::unique_ptr<Store> m_store;
    QString m_runId;
    QComboBox* m_kind = nullptr;
    QLabel* m_runLabel = nullptr;
    QPushButton* m_clearRun = nullptr;
    QLabel* m_message = nullptr;
    QTableWidget* m_list = nullptr;
    ReportView* m_view = nullptr;
};

} // namespace cairn::widgets
