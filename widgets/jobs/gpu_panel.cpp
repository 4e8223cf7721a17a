#include "widgets/jobs/gpu_panel.h"

#include <QHeaderView>
#include <algorithm>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace cairn::widgets {
namespace {

enum Column { IndexCol, NameCol, UtilCol, MemoryCol, TempCol, HistoryCol, ColumnCount };

// Utilisation history as a filled line, newest sample at the right.
class Sparkline : public QWidget {
public:
    Sparkline(QList<int> samples, QWidget* parent) : QWidget(parent), m_samples(std::move(samples)) {}
    QSize sizeHint() const override { return {140, 24}; }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF r = QRectF(rect()).adjusted(2, 3, -2, -3);
        p.setPen(QPen(palette().color(QPalette::Mid), 1));
        p.drawLine(r.bottomLeft(), r.bottomRight());
        if (m_samples.size() < 2)
            return;
        const double dx = r.width() / (GpuPanel::kHistory - 1);
        const double x0 = r.right() - dx * (m_samples.size() - 1);
        QPainterPath line;
        for (int i = 0; i < m_samples.size(); ++i) {
            QPointF pt(x0 + dx * i, r.bottom() - r.height() * std::clamp(m_samples[i], 0, 100) / 100.0);
            i == 0 ? line.moveTo(pt) : line.lineTo(pt);
        }
        QPainterPath fill = line;
        fill.lineTo(r.right(), r.bottom());
        fill.lineTo(x0, r.bottom());
        const QColor accent(0x2a, 0x7a, 0xd8);
        p.fillPath(fill, QColor(accent.red(), accent.green(), accent.blue(), 50));
        p.setPen(QPen(accent, 1.5));
        p.drawPath(line);
    }

private:
    QList<int> m_samples;
};

QString gib(qint64 bytes) { return QString::number(bytes / 1073741824.0, 'f', 1); }

} // namespace

GpuPanel::GpuPanel(QWidget* parent)
    : QDockWidget(tr("GPUs"), parent), m_probe(new GpuProbe(this)), m_table(new QTableWidget(0, ColumnCount, this)),
      m_message(new QLabel(this)), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("gpuDock"));
    m_table->setHorizontalHeaderLabels({tr("GPU"), tr("Name"), tr("Utilisation"), tr("Memory"), tr("Temp."), tr("History")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setShowGrid(false);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_message->setContentsMargins(6, 6, 6, 6);
    m_message->setMinimumWidth(240);
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message, 1);
    setWidget(body);
    m_table->hide();
    m_message->setText(tr("Looking for GPUs..."));

    m_timer->setInterval(2000);
    connect(m_timer, &QTimer::timeout, this, &GpuPanel::refresh);
    connect(m_probe, &GpuProbe::updated, this, &GpuPanel::showGpus);
}

QString GpuPanel::messageText() const { return m_message->isHidden() ? QString() : m_message->text(); }

void GpuPanel::showEvent(QShowEvent* event)
{
    QDockWidget::showEvent(event);
    m_timer->start();
    refresh();
}

void GpuPanel::hideEvent(QHideEvent* event)
{
    QDockWidget::hideEvent(event);
    m_timer->stop();
}

void GpuPanel::showGpus(const QList<GpuState>& gpus, const QString& reason)
{
    m_table->setVisible(!gpus.isEmpty());
    m_message->setVisible(gpus.isEmpty());
    m_message->setText(tr("No NVIDIA GPU found (%1).").arg(reason));
    m_table->setRowCount(static_cast<int>(gpus.size()));
    for (int r = 0; r < gpus.size(); ++r) {
        const GpuState& g = gpus[r];
        QList<int>& history = m_history[g.index];
        history.append(std::max(g.utilization, 0));
        while (history.size() > kHistory)
            history.removeFirst();
        const QString cells[HistoryCol] = {
            QString::number(g.index), g.name,
            g.utilization < 0 ? QStringLiteral("—") : tr("%1 %").arg(g.utilization),
            g.memoryTotal > 0 ? tr("%1 / %2 GiB").arg(gib(g.memoryUsed), gib(g.memoryTotal)) : QStringLiteral("—"),
            g.temperature < 0 ? QStringLiteral("—") : tr("%1 °C").arg(g.temperature)};
        for (int c = 0; c < HistoryCol; ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells[c]));
        m_table->setCellWidget(r, HistoryCol, new Sparkline(history, m_table));
    }
    m_table->resizeColumnsToContents();
    Q_EMIT refreshed(static_cast<int>(gpus.size()));
}

} // namespace cairn::widgets
