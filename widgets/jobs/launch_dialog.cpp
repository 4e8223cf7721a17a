#include "widgets/jobs/launch_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cairn::widgets {

LaunchDialog::LaunchDialog(EngineCall call, const QString& cairn, const QString& projectRoot, QWidget* parent)
    : QDialog(parent), m_call(std::move(call)), m_probe(new GpuProbe(this)), m_command(new QLineEdit(this)),
      m_workdir(new QLineEdit(projectRoot, this)), m_experiment(new QLineEdit(QStringLiteral("default"), this)),
      m_name(new QLineEdit(this)), m_after(new QLineEdit(this)), m_params(new QTableWidget(0, 2, this)),
      m_gpus(new QListWidget(this)), m_noGpus(new QLabel(tr("Looking for GPUs..."), this)),
      m_gpuCount(new QSpinBox(this)), m_nproc(new QSpinBox(this)), m_executor(new QComboBox(this)), m_nnodes(new QSpinBox(this)),
      m_executorNote(new QLabel(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Launch Run"));
    m_command->setPlaceholderText(tr("e.g. python train.py --lr 0.01"));
    m_command->setToolTip(tr("Arguments are split at spaces; put an argument with spaces in double quotes."));
    m_name->setPlaceholderText(tr("(generated)"));
    m_after->setPlaceholderText(tr("(none: start when resources are free)"));
    m_params->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_params->horizontalHeader()->setStretchLastSection(true);
    m_params->verticalHeader()->hide();
    m_params->setMinimumHeight(90);
    m_params->setMaximumHeight(130);
    m_gpus->setMaximumHeight(90);
    m_noGpus->setWordWrap(true);
    m_noGpus->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_gpuCount->setRange(0, 64);
    m_gpuCount->setSpecialValueText(tr("none"));
    m_nproc->setRange(1, 64);
    m_nnodes->setRange(1, 4096);
    m_nnodes->setEnabled(false);
    m_nnodes->setToolTip(tr("Nodes for a Slurm executor; srun starts the processes per node on each"));
    m_executor->addItem(tr("This machine"), QString());
    m_executor->setToolTip(tr("Where the job runs: here, or an ssh host or Slurm cluster of cairn.yaml (see 'cairn executors')"));
    m_executorNote->setWordWrap(true);
    m_executorNote->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_executorNote->hide();
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Launch"));

    auto* browse = new QPushButton(tr("Browse..."), this);
    auto* workdirRow = new QHBoxLayout;
    workdirRow->addWidget(m_workdir, 1);
    workdirRow->addWidget(browse);
    auto* addParam = new QPushButton(tr("Add"), this);
    auto* removeParam = new QPushButton(tr("Remove"), this);
    auto* paramButtons = new QHBoxLayout;
    paramButtons->addStretch(1);
    paramButtons->addWidget(addParam);
    paramButtons->addWidget(removeParam);
    auto* paramBox = new QVBoxLayout;
    paramBox->addWidget(m_params);
    paramBox->addLayout(paramButtons);
    auto* gpuField = new QWidget(this);
    gpuField->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto* gpuBox = new QVBoxLayout(gpuField);
    gpuBox->setContentsMargins(0, 0, 0, 0);
    gpuBox->addWidget(m_gpus);
    gpuBox->addWidget(m_noGpus);

    // Rows whose field is a layout get their label's buddy by hand.
    auto buddyLabel = [this](const QString& text, QWidget* buddy) {
        auto* label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };
    auto* form = new QFormLayout;
    form->addRow(tr("&Command:"), m_command);
    form->addRow(tr("R&un on:"), m_executor);
    form->addRow(QString(), m_executorNote);
    form->addRow(buddyLabel(tr("&Working directory:"), m_workdir), workdirRow);
    form->addRow(tr("&Experiment:"), m_experiment);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(buddyLabel(tr("&Parameters:"), m_params), paramBox);
    form->addRow(buddyLabel(tr("&GPUs:"), m_gpus), gpuField);
    form->addRow(tr("Any free G&PUs:"), m_gpuCount);
    form->addRow(tr("P&rocesses per node:"), m_nproc);
    form->addRow(tr("N&odes:"), m_nnodes);
    form->addRow(tr("&After run:"), m_after);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(600, 540);

    connect(browse, &QPushButton::clicked, this, [this] {
        QString dir = QFileDialog::getExistingDirectory(this, tr("Working Directory"), m_workdir->text());
        if (!dir.isEmpty())
            m_workdir->setText(dir);
    });
    connect(addParam, &QPushButton::clicked, this, [this] {
        this->addParam({}, {});
        m_params->editItem(m_params->item(m_params->rowCount() - 1, 0));
    });
    connect(removeParam, &QPushButton::clicked, this, [this] {
        if (m_params->currentRow() >= 0)
            m_params->removeRow(m_params->currentRow());
    });
    connect(m_command, &QLineEdit::textChanged, this, &LaunchDialog::updateOk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LaunchDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_probe, &GpuProbe::updated, this, &LaunchDialog::showGpus);
    connect(m_executor, &QComboBox::currentIndexChanged, this, &LaunchDialog::executorChanged);
    m_probe->setExecutable(cairn);
    m_probe->probe();
    loadExecutors();
    updateOk();
}

void LaunchDialog::loadExecutors()
{
    if (!m_call)
        return;
    QPointer<LaunchDialog> self(this);
    m_call(QStringLiteral("executors"), {}, [self](const QJsonObject& result, const QString& error) {
        if (!self)
            return;
        const QString current = self->m_executor->currentData().toString();
        while (self->m_executor->count() > 1)
            self->m_executor->removeItem(1);
        const QJsonArray list = result.value(QStringLiteral("executors")).toArray();
        for (const QJsonValue& v : list) {
            const QJsonObject e = v.toObject();
            const QString name = e.value(QStringLiteral("name")).toString();
            const QString type = e.value(QStringLiteral("type")).toString();
            QString where = type == QLatin1String("ssh") ? e.value(QStringLiteral("host")).toString()
                                                         : (e.value(QStringLiteral("via")).toString().isEmpty()
                                                                ? tr("Slurm")
                                                                : tr("Slurm via %1").arg(e.value(QStringLiteral("via")).toString()));
            self->m_executor->addItem(QStringLiteral("%1 (%2)").arg(name, where), name);
            self->m_executor->setItemData(self->m_executor->count() - 1, type, Qt::UserRole + 1);
        }
        if (!error.isEmpty() || result.contains(QStringLiteral("error"))) {
            self->m_executorNote->setText(tr("Executors unavailable: %1")
                                              .arg(error.isEmpty() ? result.value(QStringLiteral("error")).toString() : error));
            self->m_executorNote->show();
        }
        self->selectExecutor(current);
        Q_EMIT self->executorsLoaded(static_cast<int>(list.size()));
    });
}

bool LaunchDialog::selectExecutor(const QString& name)
{
    const int index = m_executor->findData(name);
    if (index < 0)
        return false;
    m_executor->setCurrentIndex(index);
    executorChanged();
    return true;
}

void LaunchDialog::executorChanged()
{
    const QString type = m_executor->currentData(Qt::UserRole + 1).toString();
    const bool remote = !m_executor->currentData().toString().isEmpty();
    m_nnodes->setEnabled(type == QLatin1String("slurm"));
    if (type != QLatin1String("slurm"))
        m_nnodes->setValue(1);
    // This machine's GPUs mean nothing over there: ask for a count, the far side picks them.
    m_gpus->setEnabled(!remote);
    if (remote)
        for (int i = 0; i < m_gpus->count(); ++i)
            m_gpus->item(i)->setCheckState(Qt::Unchecked);
    if (remote) {
        m_noGpus->setText(type == QLatin1String("slurm") ? tr("Slurm gives the GPUs: ask for a count per node below (or set gres in cairn.yaml).")
                                                         : tr("The host's own GPUs: ask for a count below; free ones are picked there."));
        m_noGpus->show();
    } else if (!m_localGpuText.isEmpty()) {
        m_noGpus->setText(m_localGpuText);
        m_noGpus->setVisible(m_gpus->count() == 0);
    }
    if (remote) {
        m_executorNote->setText(type == QLatin1String("slurm")
                                    ? tr("The working directory is sent to the cluster (only what is missing there); sbatch queues the job, "
                                         "srun starts its processes. Outputs come back into the run's folder.")
                                    : tr("The working directory is sent to the host (only what is missing there); metrics and logs arrive "
                                         "while it runs, outputs come back into the run's folder."));
        m_executorNote->show();
    } else {
        m_executorNote->hide();
    }
}

void LaunchDialog::addParam(const QString& key, const QString& value)
{
    const int row = m_params->rowCount();
    m_params->insertRow(row);
    m_params->setItem(row, 0, new QTableWidgetItem(key));
    m_params->setItem(row, 1, new QTableWidgetItem(value));
}

bool LaunchDialog::canSubmit() const
{
    return !m_busy && !QProcess::splitCommand(m_command->text()).isEmpty();
}

void LaunchDialog::updateOk() { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(canSubmit()); }

QString LaunchDialog::errorText() const { return m_error->isHidden() ? QString() : m_error->text(); }

void LaunchDialog::showGpus(const QList<GpuState>& gpus, const QString& reason)
{
    m_gpus->clear();
    for (const GpuState& g : gpus) {
        QString use = g.utilization < 0 ? tr("use unknown") : tr("%1 % busy").arg(g.utilization);
        if (g.memoryTotal > 0)
            use += tr(", %1 / %2 GiB").arg(g.memoryUsed / 1073741824.0, 0, 'f', 1).arg(g.memoryTotal / 1073741824.0, 0, 'f', 1);
        auto* item = new QListWidgetItem(tr("GPU %1: %2 (%3)").arg(g.index).arg(g.name, use), m_gpus);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setData(Qt::UserRole, g.index);
    }
    m_localGpuText = tr("No GPUs found (%1).").arg(reason);
    m_gpus->setVisible(!gpus.isEmpty());
    m_noGpus->setVisible(gpus.isEmpty());
    m_noGpus->setText(m_localGpuText);
    executorChanged();
}

QJsonObject LaunchDialog::request() const
{
    const QStringList argv = QProcess::splitCommand(m_command->text());
    QJsonArray ids;
    for (int i = 0; i < m_gpus->count(); ++i)
        if (m_gpus->item(i)->checkState() == Qt::Checked)
            ids.append(m_gpus->item(i)->data(Qt::UserRole).toInt());
    QJsonObject job{{QStringLiteral("argv"), QJsonArray::fromStringList(argv)},
                    {QStringLiteral("workdir"), m_workdir->text().trimmed()},
                    {QStringLiteral("nproc_per_node"), m_nproc->value()}};
    if (!ids.isEmpty())
        job.insert(QStringLiteral("gpu_ids"), ids);
    if (m_gpuCount->value() > 0)
        job.insert(QStringLiteral("gpus"), m_gpuCount->value());
    const QString executor = m_executor->currentData().toString();
    if (!executor.isEmpty()) {
        job.insert(QStringLiteral("executor"), executor);
        job.insert(QStringLiteral("nnodes"), m_nnodes->value());
    }
    QJsonObject params;
    for (int r = 0; r < m_params->rowCount(); ++r) {
        const QString key = m_params->item(r, 0) ? m_params->item(r, 0)->text().trimmed() : QString();
        if (!key.isEmpty())
            params.insert(key, m_params->item(r, 1) ? m_params->item(r, 1)->text() : QString());
    }
    QJsonObject req{{QStringLiteral("experiment"), m_experiment->text().trimmed()},
                    {QStringLiteral("command"), m_command->text().trimmed()},
                    {QStringLiteral("params"), params},
                    {QStringLiteral("job"), job}};
    if (!m_name->text().trimmed().isEmpty())
        req.insert(QStringLiteral("name"), m_name->text().trimmed());
    if (!m_after->text().trimmed().isEmpty())
        req.insert(QStringLiteral("after"), m_after->text().trimmed());
    return req;
}

void LaunchDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void LaunchDialog::submit()
{
    if (!canSubmit())
        return;
    showError({});
    m_busy = true;
    updateOk();
    QPointer<LaunchDialog> self(this);
    m_call(QStringLiteral("submit"), request(), [self](const QJsonObject& result, const QString& error) {
        if (!self)
            return;
        self->m_busy = false;
        self->updateOk();
        if (!error.isEmpty()) {
            self->showError(tr("The engine refused the run: %1").arg(error));
            return;
        }
        Q_EMIT self->submitted(result.value(QStringLiteral("run")).toString(), result.value(QStringLiteral("name")).toString());
        self->accept();
    });
}

} // namespace cairn::widgets
