#include "widgets/compare/summary_table.h"

#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QTableWidget>
#include <QTextStream>
#include <QVBoxLayout>

#include <cmath>

namespace cairn::widgets {
namespace {

constexpr int kRunIdRole = Qt::UserRole;
constexpr int kNumberRole = Qt::UserRole + 1;
constexpr int kRunIndexRole = Qt::UserRole + 2;

// Sorts by the stored number; missing values (and NaN) sort after every number both ways up.
class NumberItem : public QTableWidgetItem {
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem& other) const override
    {
        const QVariant a = data(kNumberRole), b = other.data(kNumberRole);
        const bool aOk = a.isValid() && !std::isnan(a.toDouble()), bOk = b.isValid() && !std::isnan(b.toDouble());
        if (aOk != bOk) {
            const bool ascending = !tableWidget() || tableWidget()->horizontalHeader()->sortIndicatorOrder() == Qt::AscendingOrder;
            return ascending ? aOk : bOk;
        }
        return aOk && a.toDouble() < b.toDouble();
    }
};

QIcon swatch(const QColor& color)
{
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(color);
    p.setPen(color.darker(130));
    p.drawRoundedRect(QRectF(1, 1, 10, 10), 2, 2);
    return QIcon(pm);
}

} // namespace

SummaryTable::SummaryTable(QWidget* parent) : QWidget(parent), m_table(new QTableWidget(this))
{
    m_table->setObjectName(QStringLiteral("compareSummary"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this] {
        QMenu menu(this);
        QAction* csv = menu.addAction(tr("Export as CSV..."));
        if (menu.exec(QCursor::pos()) != csv)
            return;
        const QString path = QFileDialog::getSaveFileName(this, csv->text(), QStringLiteral("summary.csv"));
        if (!path.isEmpty() && !exportCsv(path))
            Q_EMIT message(tr("Could not write %1: check that the folder exists and is writable.").arg(path));
    });
    auto* hint = new QLabel(tr("Each metric's lowest, highest and last value per run. Click a header to sort."), this);
    hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(hint);
    layout->addWidget(m_table, 1);
}

void SummaryTable::setTable(const PlotTable& table)
{
    m_keys.clear();
    struct Column {
        const PlotField* field;
        QString header;
    };
    std::vector<Column> columns;
    const QString prefix = QStringLiteral("metrics.");
    for (const PlotField& f : table.fields) {
        if (!f.name.startsWith(prefix))
            continue;
        QString key = f.name.mid(prefix.size());
        if (key.startsWith(QLatin1Char('`')) && key.endsWith(QLatin1Char('`')) && key.size() >= 2)
            key = key.mid(1, key.size() - 2).replace(QLatin1String("``"), QLatin1String("`"));
        m_keys << key;
        const PlotField* mn = table.field(QStringLiteral("min(%1)").arg(f.name));
        const PlotField* mx = table.field(QStringLiteral("max(%1)").arg(f.name));
        if (mn)
            columns.push_back({mn, tr("%1\nmin").arg(key)});
        if (mx)
            columns.push_back({mx, tr("%1\nmax").arg(key)});
        columns.push_back({&f, tr("%1\nlast").arg(key)});
    }
    m_table->setSortingEnabled(false);
    m_table->clear();
    m_table->setColumnCount(static_cast<int>(columns.size()) + 1);
    m_table->setRowCount(static_cast<int>(table.runs.size()));
    QStringList headers{tr("Run")};
    for (const Column& c : columns)
        headers << c.header;
    m_table->setHorizontalHeaderLabels(headers);
    for (std::size_t r = 0; r < table.runs.size(); ++r) {
        const int row = static_cast<int>(r);
        auto* name = new QTableWidgetItem(swatch(table.runs[r].color), table.runs[r].label);
        name->setData(kRunIdRole, table.runs[r].id);
        name->setData(kRunIndexRole, row);
        name->setToolTip(table.runs[r].id);
        m_table->setItem(row, 0, name);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const PlotField& f = *columns[c].field;
            const bool number = r < f.numbers.size() && f.numbers[r].has_value();
            // Six significant digits keep the columns narrow; the tooltip has the stored value.
            auto* item = new NumberItem(number ? QString::number(*f.numbers[r], 'g', 6) : f.text(r));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (number) {
                item->setData(kNumberRole, *f.numbers[r]);
                item->setToolTip(plotValueText(f, r));
            } else
                item->setForeground(QColor(0x90, 0x96, 0x9e));
            m_table->setItem(row, static_cast<int>(c) + 1, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->setSortingEnabled(true);
    applyHidden();
}

void SummaryTable::setColors(const std::vector<QColor>& colors)
{
    // Rows may be sorted: each remembers its run's index in the comparison.
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem* item = m_table->item(row, 0);
        const int index = item ? item->data(kRunIndexRole).toInt() : -1;
        if (index >= 0 && static_cast<std::size_t>(index) < colors.size())
            item->setIcon(swatch(colors[static_cast<std::size_t>(index)]));
    }
}

void SummaryTable::setHiddenRuns(const QSet<QString>& runIds)
{
    m_hidden = runIds;
    applyHidden();
}

void SummaryTable::applyHidden()
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (QTableWidgetItem* item = m_table->item(row, 0))
            m_table->setRowHidden(row, m_hidden.contains(item->data(kRunIdRole).toString()));
}

bool SummaryTable::exportCsv(const QString& path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    QTextStream out(&file);
    out << "run,name";
    for (int c = 1; c < m_table->columnCount(); ++c)
        out << ',' << csvQuote(m_table->horizontalHeaderItem(c)->text().replace(QLatin1Char('\n'), QLatin1Char(' ')));
    out << '\n';
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->isRowHidden(row))
            continue;
        const QTableWidgetItem* name = m_table->item(row, 0);
        out << name->data(kRunIdRole).toString() << ',' << csvQuote(name->text());
        for (int c = 1; c < m_table->columnCount(); ++c) {
            const QTableWidgetItem* item = m_table->item(row, c);
            const QVariant v = item ? item->data(kNumberRole) : QVariant();
            out << ',' << (v.isValid() ? QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest) : QString());
        }
        out << '\n';
    }
    out.flush();
    return file.error() == QFile::NoError;
}

} // namespace cairn::widgets
