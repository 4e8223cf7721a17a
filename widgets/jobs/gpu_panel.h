// View > GPUs: utilisation and memory of each GPU (from `cairn gpus --format json` every 2 s while
// visible) with a small utilisation history per GPU, or why there is none.
#pragma once

#include "widgets/jobs/gpu_probe.h"

#include <QDockWidget>
#include <QHash>
#include <QList>

class QLabel;
class QTableWidget;
class QTimer;

namespace cairn::widgets {

class GpuPanel : public QDockWidget {
    Q_OBJECT
public:
    static constexpr int kHistory = 60;

    explicit GpuPanel(QWidget* parent = nullptr);
    void setExecutable(const QString& cairn) { m_probe->setExecutable(cairn); }

    QTableWidget* table() const { return m_table; }
    QString messageText() const;

public Q_SLOTS:
    void refresh() { m_probe->probe(); }

Q_SIGNALS:
    void refreshed(int gpus);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void showGpus(const QList<GpuState>& gpus, const QString& reason);

    GpuProbe* m_probe = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_message = nullptr;
    QTimer* m_timer = nullptr;
    QHash<int, QList<int>> m_history;  // per GPU index, the last kHistory utilisation samples
};

} // namespace cairn::widgets
