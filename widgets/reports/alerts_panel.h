// View > Alerts: the alerts the engine fired from cairn.yaml's rules (docs/alerts.md), newest
// first, read through a read-only Store of its own; refreshed on `alert.fired` events.
#pragma once

#include <QDockWidget>

#include <filesystem>
#include <memory>

class QLabel;
class QTableWidget;

namespace cairn {
class Store;
}

namespace cairn::widgets {

class AlertsPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit AlertsPanel(QWidget* parent = nullptr);
    ~AlertsPanel() override;

    void setDatabase(const std::filesystem::path& path);
    QTableWidget* table() const { return m_table; }
    int alertCount() const;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    // Double-click on an alert about a run or a report.
    void runActivated(const QString& runId);
    void reportActivated(qint64 reportId);

private:
    std::filesystem::path m_path;
    std::unique_ptr<Store> m_store;
    QTableWidget* m_table = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace cairn::widgets
