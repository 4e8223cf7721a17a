#include "widgets/runs/run_page.h"

#include "widgets/charts/metric_grid.h"
#include "widgets/runs/key_value_table.h"
#include "widgets/runs/log_view.h"
#include "widgets/runs/run_header.h"

#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cairn::widgets {
namespace {

QWidget* titled(const QString& title, QWidget* content, QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* label = new QLabel(title, box);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

} // namespace

RunPage::RunPage(QWidget* parent)
    : QWidget(parent), m_header(new RunHeader(this)), m_tabs(new QTabWidget(this)),
      m_metrics(new MetricGrid(this)), m_params(new KeyValueTable(this)), m_tags(new KeyValueTable(this)),
      m_logs(new LogView(this)), m_reportsButton(new QPushButton(tr("&Reports..."), this))
{
    auto* paramsSplit = new QSplitter(Qt::Horizontal, this);
    paramsSplit->addWidget(titled(tr("Parameters"), m_params, paramsSplit));
    paramsSplit->addWidget(titled(tr("Tags"), m_tags, paramsSplit));
    paramsSplit->setChildrenCollapsible(false);

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_metrics, tr("Metrics"));
    m_tabs->addTab(paramsSplit, tr("Parameters && Tags"));
    m_tabs->addTab(m_logs, tr("Logs"));
    m_reportsButton->setToolTip(tr("Drift, validation and fairness reports attached to this run"));
    m_reportsButton->setFlat(true);
    m_tabs->setCornerWidget(m_reportsButton, Qt::TopRightCorner);
    connect(m_reportsButton, &QPushButton::clicked, this, [this] {
        if (m_detail)
            Q_EMIT reportsRequested(QString::fromStdString(m_detail->run.id), QString::fromStdString(m_detail->run.name));
    });

    auto* line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);

    m_lineageButton = new QPushButton(tr("Lineage"), this);
    m_lineageButton->setToolTip(tr("The artifacts this run read and wrote, where they came from and what came from them"));
    m_reproduceButton = new QPushButton(tr("Reproduce..."), this);
    m_reproduceButton->setToolTip(tr("Restore this run's inputs from the store, run it again and compare the two runs"));
    connect(m_lineageButton, &QPushButton::clicked, this, [this] {
        if (m_detail)
            Q_EMIT lineageRequested(runId());
    });
    connect(m_reproduceButton, &QPushButton::clicked, this, [this] {
        if (m_detail)
            Q_EMIT reproduceRequested(runId());
    });
    auto* actions = new QVBoxLayout;
    actions->setContentsMargins(4, 6, 8, 4);
    actions->addWidget(m_lineageButton);
    actions->addWidget(m_reproduceButton);
    actions->addStretch(1);
    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_header, 1);
    top->addLayout(actions);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(line);
    layout->addWidget(m_tabs, 1);
    clear();
}

void RunPage::setDetail(const RunDetailPtr& detail)
{
    if (!detail) {
        clear();
        return;
    }
    const bool sameMetrics = m_detail && m_detail->run.id == detail->run.id && m_detail->metrics == detail->metrics;
    m_detail = detail;
    m_reportsButton->setEnabled(true);
    m_header->setRun(detail->run);
    if (!sameMetrics) {
        std::map<std::string, std::int64_t> stored;
        for (const MetricSummary& m : detail->summaries)
            stored[m.key] = m.count;
        m_metrics->setMetrics(detail->metrics ? *detail->metrics : MetricSeriesMap{}, stored);
    }
    m_params->setPairs(detail->run.params);
    m_tags->setPairs(detail->run.tags);
    m_logs->setLogs(detail->stdoutTail, detail->stdoutTruncated, detail->stderrTail, detail->stderrTruncated);
    m_lineageButton->setEnabled(true);
    // Queued and running runs have not ended; imported runs (OpenLineage) have no command.
    const bool ended = detail->run.status != RunStatus::Queued && detail->run.status != RunStatus::Running;
    m_reproduceButton->setEnabled(ended && !detail->run.command.empty());
    m_logs->setExtra(detail->extraLogs, detail->history, detail->message);
    Q_EMIT detailShown(QString::fromStdString(detail->run.id));
}

void RunPage::clear()
{
    m_detail.reset();
    m_header->clear();
    m_metrics->clear();
    m_params->setPairs({});
    m_tags->setPairs({});
    m_logs->clear();
    m_lineageButton->setEnabled(false);
    m_reproduceButton->setEnabled(false);
    m_reportsButton->setEnabled(false);
}

QString RunPage::runId() const
{
    return m_detail ? QString::fromStdString(m_detail->run.id) : QString();
}

} // namespace cairn::widgets
