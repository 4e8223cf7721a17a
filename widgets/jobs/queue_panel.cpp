#include "widgets/jobs/queue_panel.h"

#include "widgets/runs/status_icon.h"

#include <QColor>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace cairn::widgets {
namespace {
enum Column { NameCol, StatusCol, WhereCol, StartCol, GpusCol, ProcsCol, AfterCol, CommandCol, ColumnCount };
constexpr int kRunIdRole = Qt::UserRole;
constexpr int kStatusRole = Qt::UserRole + 1;
} // namespace

// "This machine", or the executor with what the far side says: "cluster: PENDING (Resources)",
// "box: RUNNING on gpu-box", "box: reconnecting".
QString QueuePanel::whereText(const QJsonObject& job)
{
    const QString executor = job.value(QStringLiteral("executor")).toString();
    if (executor.isEmpty())
        return tr("this machine");
    const QJsonObject remote = job.value(QStringLiteral("remote")).toObject();
    const QString phase = remote.value(QStringLiteral("phase")).toString();
    QString state = remote.value(QStringLiteral("state")).toString();
    if (phase != QLatin1String("running") || state.isEmpty())
        state = phase;
    if (state.isEmpty())
        return executor;
    QString text = executor + QStringLiteral(": ") + state;
    const QString reason = remote.value(QStringLiteral("reason")).toString();
    if (!reason.isEmpty())
        text += QStringLiteral(" (") + reason + QLatin1Char(')');
    QStringList nodes;
    for (const QJsonValue& n : remote.value(QStringLiteral("nodes")).toArray())
        nodes << n.toString();
    if (!nodes.isEmpty() && state != QLatin1String("PENDING"))
        text += tr(" on %1").arg(nodes.join(QLatin1Char(',')));
    return text;
}

QueuePanel::QueuePanel(QWidget* parent)
    : QDockWidget(tr("Queue"), parent), m_table(new QTableWidget(0, ColumnCount, this)),
      m_cancel(new QPushButton(tr("&Cancel Job..."), this)), m_message(new QLabel(this)), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("queueDock"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Status"), tr("Where"), tr("Started"), tr("GPUs"), tr("Processes"),
                                        tr("After"), tr("Command")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CommandCol, QHeaderView::Stretch);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_message->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_cancel);
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    setWidget(body);

    m_timer->setInterval(2000);
    connect(m_timer, &QTimer::timeout, this, &QueuePanel::refresh);
    connect(m_cancel, &QPushButton::clicked, this, &QueuePanel::cancelSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &QueuePanel::updateButtons);
    updateButtons();
}

void QueuePanel::showEvent(QShowEvent* event)
{
    QDockWidget::showEvent(event);
    m_timer->start();
    refresh();
}

void QueuePanel::hideEvent(QHideEvent* event)
{
    QDockWidget::hideEvent(event);
    m_timer->stop();
}

void QueuePanel::refresh()
{
    if (!m_call || m_loading)
        return;
    m_loading = true;
    QPointer<QueuePanel> self(this);
    m_call(QStringLiteral("queue"), {}, [self](const QJsonObject& result, const QString& error) {
        if (!self)
            return;
        self->m_loading = false;
        if (!error.isEmpty()) {
            self->m_table->setRowCount(0);
            self->m_message->setText(error);
            self->updateButtons();
            Q_EMIT self->refreshed(0);
            return;
        }
        self->showJobs(result);
    });
}

void QueuePanel::showJobs(const QJsonObject& result)
{
    const QString selected = m_table->currentRow() >= 0 ? m_table->item(m_table->currentRow(), NameCol)->data(kRunIdRole).toString() : QString();
    const QJsonArray jobs = result.value(QStringLiteral("jobs")).toArray();
    m_table->setRowCount(static_cast<int>(jobs.size()));
    for (int r = 0; r < jobs.size(); ++r) {
        const QJsonObject j = jobs[r].toObject();
        const QString status = j.value(QStringLiteral("status")).toString();
        const qint64 startMs = j.value(QStringLiteral("start_ms")).toInteger();
        const QString gpus = j.value(QStringLiteral("gpus")).toString();
        const QString after = j.value(QStringLiteral("after")).toString().left(8);
        const QString cells[ColumnCount] = {
            j.value(QStringLiteral("name")).toString(),
            status == QStringLiteral("running") ? statusText(RunStatus::Running) : statusText(RunStatus::Queued),
            whereText(j),
            startMs > 0 ? QDateTime::fromMSecsSinceEpoch(startMs).toString(QStringLiteral("HH:mm:ss")) : QStringLiteral("—"),
            gpus.isEmpty() ? QStringLiteral("—") : gpus,
            QString::number(j.value(QStringLiteral("nproc_per_node")).toInt(1)),
            after.isEmpty() ? QStringLiteral("—") : after,
            j.value(QStringLiteral("command")).toString()};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setData(kRunIdRole, j.value(QStringLiteral("run")).toString());
            item->setData(kStatusRole, status);
            m_table->setItem(r, c, item);
        }
        const QString problem = j.value(QStringLiteral("remote")).toObject().value(QStringLiteral("message")).toString();
        m_table->item(r, WhereCol)->setToolTip(problem.isEmpty() ? m_table->item(r, WhereCol)->text() : problem);
        if (!problem.isEmpty())
            m_table->item(r, WhereCol)->setForeground(QColor(0xb3, 0x26, 0x1e));
        m_table->item(r, StatusCol)->setIcon(statusIcon(status == QStringLiteral("running") ? RunStatus::Running : RunStatus::Queued));
    }
    m_message->setText(jobs.isEmpty() ? tr("No jobs queued or running.") : tr("%n job(s)", nullptr, static_cast<int>(jobs.size())));
    if (!selected.isEmpty())
        selectRun(selected);
    updateButtons();
    Q_EMIT refreshed(static_cast<int>(jobs.size()));
}

int QueuePanel::rowOf(const QString& runId) const
{
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, NameCol)->data(kRunIdRole).toString() == runId)
            return r;
    return -1;
}

QString QueuePanel::statusOf(const QString& runId) const
{
    const int row = rowOf(runId);
    return row < 0 ? QString() : m_table->item(row, NameCol)->data(kStatusRole).toString();
}

QString QueuePanel::whereOf(const QString& runId) const
{
    const int row = rowOf(runId);
    return row < 0 ? QString() : m_table->item(row, WhereCol)->text();
}

void QueuePanel::selectRun(const QString& runId)
{
    const int row = rowOf(runId);
    if (row >= 0)
        m_table->selectRow(row);
}

void QueuePanel::updateButtons() { m_cancel->setEnabled(m_call && m_table->currentRow() >= 0 && !m_table->selectedItems().isEmpty()); }

void QueuePanel::cancelSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_call)
        return;
    const QString runId = m_table->item(row, NameCol)->data(kRunIdRole).toString();
    const QString name = m_table->item(row, NameCol)->text();
    if (m_confirm && QMessageBox::question(this, tr("Cancel Job"),
                                           tr("Cancel job %1 (%2)? A running job is stopped.").arg(name, runId.left(8)),
                                           QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    QPointer<QueuePanel> self(this);
    m_call(QStringLiteral("cancel"), {{QStringLiteral("run"), runId}}, [self](const QJsonObject&, const QString& error) {
        if (!self)
            return;
        self->m_message->setText(error.isEmpty() ? tr("Cancel requested.") : tr("Cannot cancel: %1").arg(error));
        self->refresh();
    });
}

} // namespace cairn::widgets
