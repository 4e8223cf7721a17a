#include "widgets/compare/compare_table.h"

#include "engine/analysis/run_compare.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cairn::widgets {

CompareTable::CompareTable(QWidget* parent)
    : QWidget(parent), m_onlyDiff(new QCheckBox(tr("Only rows that differ"), this)), m_table(new QTableWidget(this))
{
    m_onlyDiff->setObjectName(QStringLiteral("compareOnlyDiff"));
    connect(m_onlyDiff, &QCheckBox::toggled, this, [this] { applyFilter(); });
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setWordWrap(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_onlyDiff);
    layout->addWidget(m_table, 1);
}

void CompareTable::setRuns(const std::vector<RunSummary>& runs)
{
    const auto rows = analysis::compareRuns(runs);
    m_table->clear();
    m_table->setColumnCount(static_cast<int>(runs.size()));
    m_table->setRowCount(static_cast<int>(rows.size()));
    QStringList headers;
    for (const RunSummary& rs : runs)
        headers << QString::fromStdString(rs.run.name);
    m_table->setHorizontalHeaderLabels(headers);
    m_differs.assign(rows.size(), false);
    const QColor highlight(0xff, 0xf1, 0xc2);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& row = rows[r];
        m_differs[r] = row.differs;
        auto* head = new QTableWidgetItem(QString::fromStdString(row.field));
        if (row.differs) {
            QFont bold = head->font();
            bold.setBold(true);
            head->setFont(bold);
        }
        m_table->setVerticalHeaderItem(static_cast<int>(r), head);
        for (std::size_t c = 0; c < row.values.size() && c < runs.size(); ++c) {
            auto* item = new QTableWidgetItem(row.values[c] ? QString::fromStdString(*row.values[c]) : QStringLiteral("—"));
            if (!row.values[c])
                item->setForeground(QColor(0x90, 0x96, 0x9e));
            if (row.differs)
                item->setBackground(highlight);
            m_table->setItem(static_cast<int>(r), static_cast<int>(c), item);
        }
    }
    m_table->resizeColumnsToContents();
    applyFilter();
}

void CompareTable::setOnlyDifferences(bool on) { m_onlyDiff->setChecked(on); }

void CompareTable::applyFilter()
{
    for (int r = 0; r < m_table->rowCount(); ++r)
        m_table->setRowHidden(r, m_onlyDiff->isChecked() && !m_differs[static_cast<std::size_t>(r)]);
}

QStringList CompareTable::shownFields() const
{
    QStringList out;
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (!m_table->isRowHidden(r))
            out << m_table->verticalHeaderItem(r)->text();
    return out;
}

} // namespace cairn::widgets
