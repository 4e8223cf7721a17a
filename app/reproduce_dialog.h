// Run page > Reproduce: runs `cairn reproduce RUN --format json` as a child process (so the
// work is the CLI's, tested there), shows its output live, then the differences between the
// original run and its reproduction (widgets/runs/reproduce_report). Cancel stops the new run.
#pragma once

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProcess;
class QPushButton;

namespace cairn::widgets {
class ReproduceReport;
}

namespace cairn::app {

class ReproduceDialog : public QDialog {
    Q_OBJECT
public:
    ReproduceDialog(const QString& projectRoot, const QString& runId, const QString& runName, QWidget* parent = nullptr);
    ~ReproduceDialog() override;

    void start();
    bool isRunning() const;
    widgets::ReproduceReport* report() const { return m_report; }
    QLabel* statusLabel() const { return m_status; }
    QCheckBox* forceBox() const { return m_force; }
    QLineEdit* workdirEdit() const { return m_workdir; }
    QString reproductionId() const { return m_reproId; }

Q_SIGNALS:
    // The reproduction has ended and its report is shown (exitCode is cairn reproduce's).
    void reproduced(int exitCode);
    void showRunRequested(const QString& runId);

protected:
    void reject() override;

private:
    void onFinished(int exitCode);

    QString m_root;
    QString m_runId;
    QProcess* m_process = nullptr;
    QCheckBox* m_force = nullptr;
    QLineEdit* m_workdir = nullptr;
    QPlainTextEdit* m_log = nullptr;
    widgets::ReproduceReport* m_report = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_showButton = nullptr;
    QString m_reproId;
};

} // namespace cairn::app
