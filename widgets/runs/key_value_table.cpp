#include "widgets/runs/key_value_table.h"

#include <QHeaderView>

namespace cairn::widgets {

KeyValueTable::KeyValueTable(QWidget* parent) : QTableWidget(0, 2, parent)
{
    setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setHighlightSections(false);
    setSortingEnabled(false);
}

void KeyValueTable::setPairs(const std::map<std::string, std::string>& pairs)
{
    setRowCount(static_cast<int>(pairs.size()));
    int row = 0;
    for (const auto& [key, value] : pairs) {
        setItem(row, 0, new QTableWidgetItem(QString::fromStdString(key)));
        auto* v = new QTableWidgetItem(QString::fromStdString(value));
        v->setToolTip(v->text());
        setItem(row, 1, v);
        ++row;
    }
    resizeColumnToContents(0);
    setColumnWidth(0, std::min(columnWidth(0) + 16, 320));
}

} // namespace cairn::widgets
