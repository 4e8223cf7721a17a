// File > Launch Run...: a job for the engine's queue. OK sends `submit`; the engine's refusal (a
// GPU it cannot give, an unknown --after run) is shown in the dialog, which then stays open.
// "Run on" picks this machine or an executor of cairn.yaml (asked from the engine's
// `executors`); a Slurm executor also takes a node count (docs/executors.md).
#pragma once

#include "widgets/jobs/engine_call.h"
#include "widgets/jobs/gpu_probe.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTableWidget;

namespace cairn::widgets {

class LaunchDialog : public QDialog {
    Q_OBJECT
public:
    // `cairn`: the cairn executable, for the GPU list. `projectRoot`: the default working directory.
    LaunchDialog(EngineCall call, const QString& cairn, const QString& projectRoot, QWidget* parent = nullptr);

    // Programmatic access, for tests and callers that pre-fill the dialog.
    QLineEdit* commandEdit() const { return m_command; }
    QLineEdit* workdirEdit() const { return m_workdir; }
    QLineEdit* experimentEdit() const { return m_experiment; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* afterEdit() const { return m_after; }
    QSpinBox* gpuCountBox() const { return m_gpuCount; }
    QSpinBox* processesBox() const { return m_nproc; }
    QListWidget* gpuList() const { return m_gpus; }
    QComboBox* executorBox() const { return m_executor; }
    QSpinBox* nodesBox() const { return m_nnodes; }
    // Picks an executor by name ("" = this machine); false when there is none of that name.
    bool selectExecutor(const QString& name);
    QLabel* noGpusLabel() const { return m_noGpus; }
    void addParam(const QString& key, const QString& value);
    QString errorText() const;
    bool canSubmit() const;
    // The request `submit` sends for the current fields.
    QJsonObject request() const;

public Q_SLOTS:
    void submit();  // what OK does

Q_SIGNALS:
    void submitted(const QString& runId, const QString& name);
    // The executors arrived from the engine (for tests and callers that pre-select one).
    void executorsLoaded(int count);

private:
    void updateOk();
    void showGpus(const QList<GpuState>& gpus, const QString& reason);
    void showError(const QString& message);
    void loadExecutors();
    void executorChanged();

    EngineCall m_call;
    GpuProbe* m_probe = nullptr;
    QLineEdit* m_command = nullptr;
    QLineEdit* m_workdir = nullptr;
    QLineEdit* m_experiment = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_after = nullptr;
    QTableWidget* m_params = nullptr;
    QListWidget* m_gpus = nullptr;
    QLabel* m_noGpus = nullptr;
    QSpinBox* m_gpuCount = nullptr;
    QSpinBox* m_nproc = nullptr;
    QComboBox* m_executor = nullptr;
    QSpinBox* m_nnodes = nullptr;
    QLabel* m_executorNote = nullptr;
    QString m_localGpuText;  // what the GPU row says about this machine
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    bool m_busy = false;
};

} // namespace cairn::widgets
