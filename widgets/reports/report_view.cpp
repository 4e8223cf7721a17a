#include "widgets/reports/report_view.h"

#include "engine/analysis/drift_json.h"
#include "engine/analysis/fairness_json.h"
#include "engine/analysis/report_html.h"
#include "engine/analysis/validation_json.h"
#include "widgets/reports/drift_histogram.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>
#include <fstream>
#include <sstream>

namespace cairn::widgets {
namespace {

QString number(double v, int digits = 6)
{
    if (std::isnan(v))
        return QStringLiteral("nan");
    return QString::number(v, 'g', digits);
}

QTableWidgetItem* item(const QString& text, bool bad = false)
{
    auto* it = new QTableWidgetItem(text);
    it->setFlags(it->flags() & ~Qt::ItemIsEditable);
    if (bad) {
        it->setForeground(QColor(0xbb, 0x00, 0x00));
        QFont f = it->font();
        f.setBold(true);
        it->setFont(f);
    }
    return it;
}

// Numbers sort as numbers (the display role holds the double); NaN shows as "nan".
QTableWidgetItem* numberItem(double v, int digits = 6)
{
    auto* it = item(number(v, digits));
    if (std::isfinite(v))
        it->setData(Qt::DisplayRole, QString::number(v, 'g', digits).toDouble());
    it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return it;
}

} // namespace

ReportView::ReportView(QWidget* parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_export(new QPushButton(tr("Export &HTML..."), this)),
      m_table(new QTableWidget(this)), m_histogram(new DriftHistogram(this))
{
    auto* top = new QHBoxLayout;
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(m_summary, 1);
    top->addWidget(m_export);
    auto* split = m_split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_histogram);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { showColumn(row); });
    connect(m_export, &QPushButton::clicked, this, &ReportView::exportHtmlInteractive);
    clear();
}

void ReportView::clear()
{
    m_report = {};
    m_columns.clear();
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    m_histogram->clear();
    m_histogram->hide();
    m_summary->setText(tr("Select a report."));
    m_export->setEnabled(false);
}

void ReportView::setReport(const StoredReport& report)
{
    clear();
    m_report = report;
    auto body = nlohmann::json::parse(report.body, nullptr, false);
    if (body.is_discarded()) {
        m_summary->setText(tr("Report %1 is damaged: its JSON does not parse.").arg(report.id));
        return;
    }
    m_export->setEnabled(true);
    m_table->setSortingEnabled(false);
    const QString run = report.runId.empty() ? QString() : tr(", run %1").arg(QString::fromStdString(report.runName));
    if (report.kind == "drift") {
        auto r = analysis::driftFromBody(body);
        if (!r) {
            m_summary->setText(QString::fromStdString(r.message()));
            return;
        }
        m_summary->setText(tr("<b>Drift report %1</b>%2: %3<br>%4 of %5 columns drifted (%6%): dataset <b>%7</b>")
                               .arg(report.id)
                               .arg(run.toHtmlEscaped(), QString::fromStdString(report.title).toHtmlEscaped())
                               .arg(r->driftedColumns)
                               .arg(r->columns.size())
                               .arg(r->share * 100, 0, 'f', 1)
                               .arg(r->datasetDrift ? tr("DRIFTED") : tr("not drifted")));
        m_table->setColumnCount(8);
        m_table->setHorizontalHeaderLabels({tr("Column"), tr("Type"), tr("Test"), tr("Score"), tr("Threshold"), tr("Drifted"),
                                            tr("Ref rows"), tr("Cur rows")});
        m_table->setRowCount(static_cast<int>(r->columns.size()));
        for (int i = 0; i < m_table->rowCount(); ++i) {
            const auto& c = r->columns[std::size_t(i)];
            m_table->setItem(i, 0, item(QString::fromStdString(c.name)));
            m_table->setItem(i, 1, item(analysis::toString(c.type)));
            m_table->setItem(i, 2, item(analysis::testName(c.test)));
            m_table->setItem(i, 3, numberItem(c.score));
            m_table->setItem(i, 4, numberItem(c.threshold));
            m_table->setItem(i, 5, item(c.drifted ? tr("drift") : tr("no"), c.drifted));
            m_table->setItem(i, 6, numberItem(double(c.refRows), 12));
            m_table->setItem(i, 7, numberItem(double(c.curRows), 12));
            m_table->item(i, 0)->setData(Qt::UserRole, i);
            if (!c.warnings.empty())
                m_table->item(i, 0)->setToolTip(QString::fromStdString(c.warnings.front()));
            m_columns.push_back({c.name, c.binLabels, c.refShares, c.curShares});
        }
        m_histogram->show();
        if (m_split->sizes().value(1) < m_histogram->minimumSizeHint().width()) {
            const int w = std::max(m_split->width(), 800);
            m_split->setSizes({w * 3 / 5, w * 2 / 5});  // a splitter hands a re-shown widget no room
        }
        m_table->setSortingEnabled(true);
        if (m_table->rowCount() > 0)
            m_table->setCurrentCell(0, 0);
    } else if (report.kind == "validation") {
        auto r = analysis::validationFromBody(body);
        if (!r) {
            m_summary->setText(QString::fromStdString(r.message()));
            return;
        }
        m_summary->setText(tr("<b>Validation report %1</b>%2: %3<br>%4 of %5 expectations failed (%6 rows)")
                               .arg(report.id)
                               .arg(run.toHtmlEscaped(), QString::fromStdString(report.title).toHtmlEscaped())
                               .arg(r->failed)
                               .arg(r->results.size())
                               .arg(r->rows));
        m_table->setColumnCount(6);
        m_table->setHorizontalHeaderLabels({tr("Column"), tr("Expectation"), tr("Expected"), tr("Result"), tr("Observed"),
                                            tr("Offending rows (line: value)")});
        m_table->setRowCount(static_cast<int>(r->results.size()));
        for (int i = 0; i < m_table->rowCount(); ++i) {
            const auto& x = r->results[std::size_t(i)];
            QStringList examples;
            for (const auto& e : x.examples)
                examples << QString("%1: %2").arg(e.line).arg(e.value.empty() ? tr("(missing)") : "'" + QString::fromStdString(e.value) + "'");
            m_table->setItem(i, 0, item(x.column.empty() ? tr("(file)") : QString::fromStdString(x.column)));
            m_table->setItem(i, 1, item(QString::fromStdString(x.expectation)));
            m_table->setItem(i, 2, item(QString::fromStdString(x.expected)));
            m_table->setItem(i, 3, item(x.passed ? tr("ok") : tr("FAIL"), !x.passed));
            m_table->setItem(i, 4, item(QString::fromStdString(x.observed)));
            m_table->setItem(i, 5, item(examples.join(", ")));
        }
    } else if (report.kind == "fairness") {
        auto r = analysis::fairnessFromBody(body);
        if (!r) {
            m_summary->setText(QString::fromStdString(r.message()));
            return;
        }
        m_summary->setText(tr("<b>Fairness report %1</b>%2: %3<br>demographic parity difference %4, ratio %5; "
                              "equalized odds difference %6, ratio %7")
                               .arg(report.id)
                               .arg(run.toHtmlEscaped(), QString::fromStdString(report.title).toHtmlEscaped())
                               .arg(number(r->demographicParityDifference, 4), number(r->demographicParityRatio, 4),
                                    number(r->equalizedOddsDifference, 4), number(r->equalizedOddsRatio, 4)));
        m_table->setColumnCount(6);
        m_table->setHorizontalHeaderLabels({QString::fromStdString(r->sensitive), tr("Count"), tr("Selection rate"), tr("Accuracy"),
                                            tr("TPR"), tr("FPR")});
        std::vector<analysis::GroupMetrics> rows = r->groups;
        rows.push_back(r->overall);
        m_table->setRowCount(static_cast<int>(rows.size()));
        for (int i = 0; i < m_table->rowCount(); ++i) {
            const auto& g = rows[std::size_t(i)];
            m_table->setItem(i, 0, item(i + 1 == m_table->rowCount() ? tr("(overall)") : QString::fromStdString(g.group)));
            m_table->setItem(i, 1, numberItem(double(g.count), 12));
            m_table->setItem(i, 2, numberItem(g.selectionRate, 4));
            m_table->setItem(i, 3, numberItem(g.accuracy, 4));
            m_table->setItem(i, 4, numberItem(g.tpr, 4));
            m_table->setItem(i, 5, numberItem(g.fpr, 4));
        }
    }
    m_table->resizeColumnsToContents();
}

void ReportView::showColumn(int row)
{
    if (row < 0 || m_columns.empty() || !m_table->item(row, 0)) {
        m_histogram->clear();
        return;
    }
    const auto& c = m_columns[std::size_t(m_table->item(row, 0)->data(Qt::UserRole).toInt())];
    m_histogram->setData(tr("%1: reference vs current").arg(QString::fromStdString(c.name)), c.labels, c.ref, c.cur);
}

bool ReportView::exportHtml(const QString& path, QString& error) const
{
    auto body = nlohmann::json::parse(m_report.body, nullptr, false);
    if (m_report.kind.empty() || body.is_discarded()) {
        error = tr("No report to export.");
        return false;
    }
    std::ostringstream html;
    if (auto s = analysis::writeReportHtml(html, m_report.kind, body); !s) {
        error = QString::fromStdString(s.message());
        return false;
    }
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << html.str();
    out.close();
    if (!out) {
        error = tr("Cannot write %1.").arg(path);
        return false;
    }
    return true;
}

void ReportView::exportHtmlInteractive()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Report as HTML"),
                                                      QString("%1-report-%2.html").arg(QString::fromStdString(m_report.kind)).arg(m_report.id),
                                                      tr("HTML pages (*.html)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportHtml(path, error)) {
        QMessageBox::warning(this, tr("Export failed"), error);
        return;
    }
    Q_EMIT exported(path);
}

} // namespace cairn::widgets
