#include "widgets/compare/compare_view.h"

#include "widgets/charts/compare_chart.h"
#include "widgets/charts/parallel_chart.h"
#include "widgets/charts/scatter_chart.h"
#include "widgets/compare/compare_plots.h"
#include "widgets/compare/compare_table.h"
#include "widgets/compare/summary_table.h"

#include "engine/analysis/run_compare.h"

#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QScrollArea>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cairn::widgets {
namespace {

QIcon swatch(const QColor& color)
{
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(color);
    p.setPen(color.darker(130));
    p.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
    return QIcon(pm);
}

QString fileSafe(QString key)
{
    for (QChar& c : key)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_') && c != QLatin1Char('.'))
            c = QLatin1Char('_');
    return key;
}

} // namespace

CompareView::CompareView(QWidget* parent)
    : QWidget(parent), m_legend(new QListWidget(this)), m_smoothing(new QSlider(Qt::Horizontal, this)),
      m_smoothingLabel(new QLabel(this)), m_log(new QCheckBox(tr("Log scale"), this)), m_message(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_chartsPage(new QWidget), m_grid(new QGridLayout(m_chartsPage)),
      m_table(new CompareTable(this))
{
    m_legend->setObjectName(QStringLiteral("compareLegend"));
    m_legend->setToolTip(tr("Untick a run to hide it in every chart"));
    connect(m_legend, &QListWidget::itemChanged, this, [this] { applyHidden(); });

    m_smoothing->setRange(0, 99);
    m_smoothing->setObjectName(QStringLiteral("compareSmoothing"));
    m_smoothing->setToolTip(tr("Exponential moving average; the raw curve stays faint underneath"));
    connect(m_smoothing, &QSlider::valueChanged, this, [this](int v) {
        m_smoothingLabel->setText(tr("Smoothing %1").arg(v / 100.0, 0, 'f', 2));
        for (auto& [key, chart] : m_charts)
            chart->setSmoothing(v / 100.0);
    });
    m_smoothingLabel->setText(tr("Smoothing %1").arg(0.0, 0, 'f', 2));
    connect(m_log, &QCheckBox::toggled, this, [this](bool on) {
        for (auto& [key, chart] : m_charts)
            chart->setLogScale(on);
    });

    m_xAxis = new QComboBox(this);
    m_xAxis->setObjectName(QStringLiteral("compareXAxis"));
    m_xAxis->addItem(tr("Step"), static_cast<int>(XAxis::Step));
    m_xAxis->addItem(tr("Wall time"), static_cast<int>(XAxis::WallTime));
    m_xAxis->addItem(tr("Relative time"), static_cast<int>(XAxis::RelativeTime));
    m_xAxis->setToolTip(tr("What the x axis measures: the logged step, the clock, or time since each run started"));
    connect(m_xAxis, &QComboBox::currentIndexChanged, this, [this] {
        for (auto& [key, chart] : m_charts)
            chart->setXAxis(xAxis());
    });

    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(new QLabel(tr("Runs"), side));
    sideLayout->addWidget(m_legend, 1);
    sideLayout->addWidget(m_smoothingLabel);
    sideLayout->addWidget(m_smoothing);
    sideLayout->addWidget(m_log);
    auto* xRow = new QHBoxLayout;
    xRow->addWidget(new QLabel(tr("X axis"), side));
    xRow->addWidget(m_xAxis, 1);
    sideLayout->addLayout(xRow);
    m_colorBy = new QComboBox(side);
    m_colorBy->setObjectName(QStringLiteral("compareColorBy"));
    m_colorBy->setToolTip(tr("Colour runs by their index, or by a param's value (a gradient for numbers, "
                             "a colour per value otherwise) in every chart, plot and the legend"));
    m_colorBy->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_colorBy->setMinimumContentsLength(8);
    connect(m_colorBy, &QComboBox::currentIndexChanged, this, [this] { recolor(); });
    m_colorKey = new ColorKey(side);
    auto* colorRow = new QHBoxLayout;
    colorRow->addWidget(new QLabel(tr("Colour by"), side));
    colorRow->addWidget(m_colorBy, 1);
    sideLayout->addLayout(colorRow);
    sideLayout->addWidget(m_colorKey);
    auto* hint = new QLabel(tr("Wheel: zoom · drag: pan · double-click: fit · right-click: export"), side);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    sideLayout->addWidget(hint);

    m_grid->setContentsMargins(4, 4, 4, 4);
    m_grid->setSpacing(8);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_chartsPage);
    m_tabs->addTab(scroll, tr("Charts"));
    m_tabs->addTab(m_table, tr("Parameters and metrics"));
    m_summary = new SummaryTable(this);
    m_scatter = new ScatterView(this);
    m_parallel = new ParallelView(this);
    m_tabs->addTab(m_summary, tr("Summary"));
    m_tabs->addTab(m_scatter, tr("Scatter"));
    m_tabs->addTab(m_parallel, tr("Parallel coordinates"));
    connect(m_summary, &SummaryTable::message, this, &CompareView::setMessage);
    connect(m_scatter, &ScatterView::message, this, &CompareView::setMessage);
    connect(m_parallel, &ParallelView::message, this, &CompareView::setMessage);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(side);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({240, 1000});
    m_message->setWordWrap(true);
    m_message->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
}

void CompareView::setRuns(const std::vector<RunSummary>& runs)
{
    m_runs = runs;
    QSignalBlocker block(m_legend);
    m_legend->clear();
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const Run& r = runs[i].run;
        auto* item = new QListWidgetItem(swatch(seriesColor(static_cast<int>(i))), QString::fromStdString(r.name), m_legend);
        item->setData(Qt::UserRole, QString::fromStdString(r.id));
        item->setToolTip(QString::fromStdString(r.id.substr(0, 8) + "  " + r.command));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_table->setRuns(runs);
    m_plotTable = plotTableFrom(runs, analysis::compareRuns(runs));
    m_summary->setTable(m_plotTable);
    m_scatter->setTable(m_plotTable);
    m_parallel->setTable(m_plotTable);
    fillColorBy();
    recolor();
    applyHidden();
}

void CompareView::setKeySeries(const QString& key, std::vector<CompareSeries> series)
{
    for (CompareSeries& s : series) {
        for (std::size_t i = 0; i < m_runs.size(); ++i) {
            if (QString::fromStdString(m_runs[i].run.id) == s.runId) {
                s.color = i < m_coloring.colors.size() ? m_coloring.colors[i] : seriesColor(static_cast<int>(i));
                s.label = QString::fromStdString(m_runs[i].run.name);
                s.startMs = m_runs[i].run.startMs;
            }
        }
    }
    CompareChart*& chart = m_charts[key];
    if (!chart) {
        chart = new CompareChart(key, m_chartsPage);
        chart->setMinimumHeight(260);
        chart->setSmoothing(m_smoothing->value() / 100.0);
        chart->setLogScale(m_log->isChecked());
        chart->setXAxis(xAxis());
        chart->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(chart, &QWidget::customContextMenuRequested, this, [this, chart] { exportChart(chart); });
        connect(chart, &CompareChart::rangeChanged, this, &CompareView::rangeRequested);
        relayout();
    }
    chart->setSeries(std::move(series));
    applyHidden();
}

void CompareView::setMessage(const QString& text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QStringList CompareView::keys() const
{
    QStringList out;
    for (const auto& [key, chart] : m_charts)
        out << key;
    return out;
}

CompareChart* CompareView::chart(const QString& key) const
{
    auto it = m_charts.find(key);
    return it == m_charts.end() ? nullptr : it->second;
}

void CompareView::setSmoothing(double weight) { m_smoothing->setValue(static_cast<int>(weight * 100 + 0.5)); }
void CompareView::setLogScale(bool on) { m_log->setChecked(on); }

void CompareView::applyHidden()
{
    QSet<QString> hidden;
    for (int i = 0; i < m_legend->count(); ++i)
        if (m_legend->item(i)->checkState() != Qt::Checked)
            hidden.insert(m_legend->item(i)->data(Qt::UserRole).toString());
    for (auto& [key, chart] : m_charts)
        chart->setHiddenRuns(hidden);
    m_summary->setHiddenRuns(hidden);
    m_scatter->setHiddenRuns(hidden);
    m_parallel->setHiddenRuns(hidden);
}

void CompareView::relayout()
{
    int i = 0;
    for (auto& [key, chart] : m_charts) {
        m_grid->removeWidget(chart);
        m_grid->addWidget(chart, i / 2, i % 2);
        ++i;
    }
}

void CompareView::exportChart(CompareChart* chart)
{
    QMenu menu(this);
    QAction* png = menu.addAction(tr("Export as PNG..."));
    QAction* svg = menu.addAction(tr("Export as SVG..."));
    menu.addAction(tr("Export data as CSV..."));
    menu.addSeparator();
    QAction* fit = menu.addAction(tr("Fit all steps"));
    QAction* chosen = menu.exec(QCursor::pos());
    if (!chosen)
        return;
    if (chosen == fit) {
        chart->setStepRange(std::nullopt);
        Q_EMIT rangeRequested(chart->key(), 0, 0, true, chart->width());
        return;
    }
    const QString ext = chosen == png ? QStringLiteral("png") : chosen == svg ? QStringLiteral("svg") : QStringLiteral("csv");
    QString path = QFileDialog::getSaveFileName(this, chosen->text(), fileSafe(chart->key()) + QLatin1Char('.') + ext);
    if (path.isEmpty())
        return;
    bool ok = chosen == png ? chart->exportPng(path) : chosen == svg ? chart->exportSvg(path) : chart->exportCsv(path);
    setMessage(ok ? QString() : tr("Could not write %1: check that the folder exists and is writable.").arg(path));
}

int CompareView::exportAll(const QString& dir) const
{
    int written = 0;
    for (const auto& [key, chart] : m_charts) {
        const QString base = QDir(dir).filePath(fileSafe(key));
        written += chart->exportPng(base + QStringLiteral(".png"));
        written += chart->exportSvg(base + QStringLiteral(".svg"));
        written += chart->exportCsv(base + QStringLiteral(".csv"));
    }
    for (PlotWidget* plot : {static_cast<PlotWidget*>(m_scatter->chart()), static_cast<PlotWidget*>(m_parallel->chart())}) {
        const QString base = QDir(dir).filePath(plot == m_scatter->chart() ? QStringLiteral("scatter")
                                                                            : QStringLiteral("parallel-coordinates"));
        written += plot->exportPng(base + QStringLiteral(".png"));
        written += plot->exportSvg(base + QStringLiteral(".svg"));
        written += plot->exportCsv(base + QStringLiteral(".csv"));
    }
    written += m_summary->exportCsv(QDir(dir).filePath(QStringLiteral("summary.csv")));
    return written;
}

XAxis CompareView::xAxis() const { return static_cast<XAxis>(m_xAxis->currentData().toInt()); }

void CompareView::setXAxis(XAxis axis) { m_xAxis->setCurrentIndex(m_xAxis->findData(static_cast<int>(axis))); }

void CompareView::fillColorBy()
{
    const QString current = colorBy();
    QSignalBlocker block(m_colorBy);
    m_colorBy->clear();
    m_colorBy->addItem(tr("Run"), QString());
    // Params first (what a sweep varies), then each metric's last value.
    for (const char* prefix : {"params.", "metrics."})
        for (const PlotField& f : m_plotTable.fields)
            if (f.name.startsWith(QLatin1String(prefix)))
                m_colorBy->addItem(f.name, f.name);
    m_colorBy->setCurrentIndex(std::max(0, m_colorBy->findData(current)));
}

void CompareView::setColorBy(const QString& field) { m_colorBy->setCurrentIndex(std::max(0, m_colorBy->findData(field))); }

QString CompareView::colorBy() const { return m_colorBy->currentData().toString(); }

void CompareView::recolor()
{
    m_coloring = colorRuns(m_plotTable, colorBy());
    const std::vector<QColor>& colors = m_coloring.colors;
    {
        QSignalBlocker block(m_legend);
        for (int i = 0; i < m_legend->count() && static_cast<std::size_t>(i) < colors.size(); ++i)
            m_legend->item(i)->setIcon(swatch(colors[static_cast<std::size_t>(i)]));
    }
    for (auto& [key, chart] : m_charts) {
        std::vector<CompareSeries> series = chart->series();
        bool changed = false;
        for (CompareSeries& s : series) {
            const int i = m_plotTable.runIndex(s.runId);
            if (i >= 0 && s.color != colors[static_cast<std::size_t>(i)]) {
                s.color = colors[static_cast<std::size_t>(i)];
                changed = true;
            }
        }
        if (changed)
            chart->setSeries(std::move(series));
    }
    m_summary->setColors(colors);
    m_scatter->setColors(colors);
    m_parallel->setColors(colors);
    m_colorKey->setColoring(m_coloring);
}

} // namespace cairn::widgets
