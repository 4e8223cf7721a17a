#include "widgets/reports/reports_panel.h"

#include "engine/core/text.h"
#include "engine/store/store.h"
#include "widgets/reports/report_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace cairn::widgets {
namespace {

enum Col { Id, Kind, Created, Run, Result, Summary, Data, ColumnCount };

QString summaryOf(const StoredReport& r)
{
    auto v = [&](const char* k) {
        auto it = r.values.find(k);
        return it == r.values.end() ? std::nan("") : it->second;
    };
    if (r.kind == "drift")
        return QObject::tr("share %1 (%2 of %3 columns)").arg(v("share"), 0, 'f', 3).arg(v("drifted_columns")).arg(v("columns"));
    if (r.kind == "validation")
        return QObject::tr("%1 of %2 expectations failed").arg(v("failed")).arg(v("expectations"));
    return QObject::tr("DP diff %1, EO diff %2").arg(v("demographic_parity_difference"), 0, 'f', 4).arg(v("equalized_odds_difference"), 0, 'f', 4);
}

QString resultOf(const StoredReport& r)
{
    if (r.kind == "drift")
        return r.passed ? QObject::tr("no drift") : QObject::tr("DRIFTED");
    if (r.kind == "validation")
        return r.passed ? QObject::tr("passed") : QObject::tr("FAILED");
    return r.passed ? QObject::tr("ok") : QObject::tr("FAILED");
}

} // namespace

ReportsPanel::ReportsPanel(QWidget* parent)
    : QDockWidget(tr("Reports"), parent), m_kind(new QComboBox(this)), m_runLabel(new QLabel(this)),
      m_clearRun(new QPushButton(tr("All Runs"), this)), m_message(new QLabel(this)), m_list(new QTableWidget(0, ColumnCount, this)),
      m_view(new ReportView(this))
{
    setObjectName("reportsDock");
    auto* body = new QWidget(this);
    auto* bar = new QHBoxLayout;
    m_kind->addItem(tr("All kinds"), QString());
    m_kind->addItem(tr("Drift"), QString("drift"));
    m_kind->addItem(tr("Validation"), QString("validation"));
    m_kind->addItem(tr("Fairness"), QString("fairness"));
    auto* refresh = new QPushButton(tr("&Refresh"), this);
    bar->addWidget(m_kind);
    bar->addWidget(m_runLabel);
    bar->addWidget(m_clearRun);
    bar->addStretch(1);
    bar->addWidget(m_message);
    bar->addWidget(refresh);
    m_list->setHorizontalHeaderLabels({tr("Id"), tr("Kind"), tr("Created"), tr("Run"), tr("Result"), tr("Summary"), tr("Data")});
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    auto* split = new QSplitter(Qt::Vertical, body);
    split->addWidget(m_list);
    split->addWidget(m_view);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    setWidget(body);
    m_runLabel->hide();
    m_clearRun->hide();
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ReportsPanel::refresh);
    connect(refresh, &QPushButton::clicked, this, &ReportsPanel::refresh);
    connect(m_clearRun, &QPushButton::clicked, this, [this] { setRunFilter({}); });
    connect(m_list, &QTableWidget::itemSelectionChanged, this, &ReportsPanel::showSelected);
}

ReportsPanel::~ReportsPanel() = default;

void ReportsPanel::setDatabase(const std::filesystem::path& path)
{
    m_path = path;
    m_store.reset();
    m_runId.clear();
    refresh();
}

void ReportsPanel::setRunFilter(const QString& runId, const QString& label)
{
    m_runId = runId;
    m_runLabel->setText(runId.isEmpty() ? QString() : tr("Run: %1").arg(label.isEmpty() ? runId.left(8) : label));
    m_runLabel->setVisible(!runId.isEmpty());
    m_clearRun->setVisible(!runId.isEmpty());
    refresh();
}

void ReportsPanel::setKindFilter(const QString& kind)
{
    const int i = m_kind->findData(kind);
    m_kind->setCurrentIndex(i < 0 ? 0 : i);
}

int ReportsPanel::reportCount() const { return m_list->rowCount(); }

void ReportsPanel::refresh()
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
    ReportFilter f;
    f.runId = m_runId.toStdString();
    f.kind = m_kind->currentData().toString().toStdString();
    f.limit = 1000;
    auto reports = m_store->reports(f);
    if (!reports) {
        m_message->setText(QString::fromStdString(reports.message()));
        return;
    }
    const qint64 selected = m_view->report().id;
    m_list->setRowCount(static_cast<int>(reports->size()));
    for (int i = 0; i < m_list->rowCount(); ++i) {
        const StoredReport& r = (*reports)[std::size_t(i)];
        const QString run = r.runId.empty() ? QString("-") : QString::fromStdString(r.runName) + " (" + QString::fromStdString(r.runId.substr(0, 8)) + ")";
        const QStringList cells = {QString::number(r.id), QString::fromStdString(r.kind), QString::fromStdString(formatTimestamp(r.createdMs)),
                                   run, resultOf(r), summaryOf(r), QString::fromStdString(r.title)};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* it = new QTableWidgetItem(cells[c]);
            if (c == Result && !r.passed)
                it->setForeground(QColor(0xbb, 0x00, 0x00));
            m_list->setItem(i, c, it);
        }
        m_list->item(i, Id)->setData(Qt::UserRole, qint64(r.id));
    }
    m_list->resizeColumnsToContents();
    m_message->setText(reports->empty() ? tr("No reports yet: cairn drift, validate and fairness store them.")
                                        : tr("%n report(s)", nullptr, static_cast<int>(reports->size())));
    if (!selectReport(selected) && m_list->rowCount() > 0)
        m_list->selectRow(0);
    if (m_list->rowCount() == 0)
        m_view->clear();
    else
        showSelected();  // the same row index may stay selected while it now holds another report
    Q_EMIT refreshed(m_list->rowCount());
}

bool ReportsPanel::selectReport(qint64 id)
{
    for (int i = 0; i < m_list->rowCount(); ++i)
        if (m_list->item(i, Id)->data(Qt::UserRole).toLongLong() == id) {
            m_list->selectRow(i);
            return true;
        }
    return false;
}

void ReportsPanel::showSelected()
{
    const auto rows = m_list->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_store)
        return;
    const qint64 id = m_list->item(rows.first().row(), Id)->data(Qt::UserRole).toLongLong();
    if (id == m_view->report().id)
        return;
    auto r = m_store->report(id);
    if (!r) {
        m_message->setText(QString::fromStdString(r.message()));
        return;
    }
    m_view->setReport(*r);
}

} // namespace cairn::widgets
