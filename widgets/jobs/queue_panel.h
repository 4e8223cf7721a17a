// View > Queue: the engine's queued and running jobs (from `queue`), refreshed on engine events
// and every 2 s while visible, with a Cancel button (after a confirmation) that sends `cancel`.
// Jobs of ssh and Slurm executors show where they are and what the far side says (PENDING with
// Slurm's reason, RUNNING on its nodes, reconnecting with the problem as the tooltip).
#pragma once

#include "widgets/jobs/engine_call.h"

#include <QDockWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace cairn::widgets {

class QueuePanel : public QDockWidget {
    Q_OBJECT
public:
    explicit QueuePanel(QWidget* parent = nullptr);

    void setEngineCall(EngineCall call) { m_call = std::move(call); }
    // Testing hook: cancel without asking.
    void setConfirmCancel(bool confirm) { m_confirm = confirm; }

    QTableWidget* table() const { return m_table; }
    QPushButton* cancelButton() const { return m_cancel; }
    int rowOf(const QString& runId) const;
    QString statusOf(const QString& runId) const;  // "queued", "running" or empty
    QString whereOf(const QString& runId) const;   // the Where column: "this machine", "box: RUNNING on gpu-box"
    // The Where text of one row of the engine's `queue` reply.
    static QString whereText(const QJsonObject& job);
    void selectRun(const QString& runId);

public Q_SLOTS:
    void refresh();
    void cancelSelected();

Q_SIGNALS:
    void refreshed(int jobs);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void showJobs(const QJsonObject& result);
    void updateButtons();

    EngineCall m_call;
    QTableWidget* m_table = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_message = nullptr;
    QTimer* m_timer = nullptr;
    bool m_confirm = true;
    bool m_loading = false;
};

} // namespace cairn::widgets
