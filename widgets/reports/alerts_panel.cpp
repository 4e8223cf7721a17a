#include "widgets/reports/alerts_panel.h"

#include "engine/core/text.h"
#include "engine/store/store.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cairn::widgets {
namespace {

enum Col { Fired, Rule, Run, Message, ColumnCount };

} // namespace

AlertsPanel::AlertsPanel(QWidget* parent)
    : QDockWidget(tr("Alerts"), parent), m_table(new QTableWidget(0, ColumnCount, this)), m_message(new QLabel(this))
{
    setObjectName("alertsDock");
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    m_table->setHorizontalHeaderLabels({tr("Fired"), tr("Rule"), tr("Run"), tr("Message")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    setWidget(body);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        const qint64 report = m_table->item(row, Rule)->data(Qt::UserRole).toLongLong();
        const QString run = m_table->item(row, Run)->data(Qt::UserRole).toString();
        if (report > 0)
            Q_EMIT reportActivated(report);
        else if (!run.isEmpty())
            Q_EMIT runActivated(run);
    });
}

AlertsPanel::~AlertsPanel() = default;

void AlertsPanel::setDatabase(const std::filesystem::path& path)
{
    m_path = path;
    m_store.reset();
    refresh();
}

int AlertsPanel::alertCount() const { return m_table->rowCount(); }

void AlertsPanel::refresh()
{
    if (m_path.empty())
        return;
    if (!m_store) {
        auto s = Store::open(m_path, Store::Mode::ReadOnly);
        if (!s) {
            m_message->setText(QString::fromStdString(s.message()));
            return;
        }
        m_store = std::move(*s);
    }
    auto alerts = m_store->alerts(500);
    if (!alerts) {
        m_message->setText(QString::fromStdString(alerts.message()));
        return;
    }
    m_table->setRowCount(static_cast<int>(alerts->size()));
    for (int i = 0; i < m_table->rowCount(); ++i) {
        const FiredAlert& a = (*alerts)[std::size_t(i)];
        const QString run = a.runId.empty() ? QString("-") : QString::fromStdString(a.runName) + " (" + QString::fromStdString(a.runId.substr(0, 8)) + ")";
        m_table->setItem(i, Fired, new QTableWidgetItem(QString::fromStdString(formatTimestamp(a.firedMs))));
        m_table->setItem(i, Rule, new QTableWidgetItem(QString::fromStdString(a.rule)));
        m_table->setItem(i, Run, new QTableWidgetItem(run));
        m_table->setItem(i, Message, new QTableWidgetItem(QString::fromStdString(a.message)));
        m_table->item(i, Rule)->setData(Qt::UserRole, qint64(a.reportId));
        m_table->item(i, Run)->setData(Qt::UserRole, QString::fromStdString(a.runId));
    }
    m_table->resizeColumnsToContents();
    m_message->setText(alerts->empty() ? tr("No alerts fired. Rules go under 'alerts:' in cairn.yaml (docs/alerts.md).")
                                       : tr("%n alert(s)", nullptr, static_cast<int>(alerts->size())));
}

} // namespace cairn::widgets
