#include "widgets/runs/runs_view.h"

#include "widgets/runs/runs_sort_proxy.h"
#include "widgets/runs/runs_table_model.h"

#include "engine/query/search_parser.h"

#include <QHBoxLayout>
#include <QItemSelection>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cairn::widgets {

RunsView::RunsView(QWidget* parent)
    : QWidget(parent), m_model(new RunsTableModel(this)), m_proxy(new RunsSortProxy(this)),
      m_table(new QTableView(this)), m_filter(new QLineEdit(this)), m_count(new QLabel(this)),
      m_compare(new QPushButton(this))
{
    m_proxy->setSourceModel(m_model);

    m_filter->setPlaceholderText(tr("Filter runs: any text, or a search such as  metrics.acc > 0.9 and params.lr = '0.01'"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("runsFilter"));
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) { applyFilter(text); });

    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->sortByColumn(RunsTableModel::StartColumn, Qt::DescendingOrder);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_restoring)
            return;
        m_selectedIds = selectedRunIds();
        updateCompareButton();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RunsView::restoreSelection);

    m_compare->setObjectName(QStringLiteral("compareRuns"));
    m_compare->setToolTip(tr("Compare the selected runs side by side (Ctrl+D). Ctrl- or Shift-click rows to select several."));
    connect(m_compare, &QPushButton::clicked, this, [this] {
        QStringList ids = selectedRunIds();
        if (ids.size() >= 2)
            Q_EMIT compareRequested(ids);
    });
    updateCompareButton();

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    top->addWidget(m_compare);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    updateCountLabel();
}

void RunsView::setRuns(std::vector<RunSummary> runs)
{
    m_model->setRuns(std::move(runs));
    if (!m_sizedColumns && m_model->rowCount() > 0) {
        m_table->resizeColumnsToContents();
        for (int c = 0; c < m_model->columnCount(); ++c)
            m_table->setColumnWidth(c, std::min(m_table->columnWidth(c) + 12, 260));
        m_sizedColumns = true;
    }
    restoreSelection();
    updateCountLabel();
}

void RunsView::clear()
{
    m_currentId.clear();
    m_sizedColumns = false;
    setRuns({});
}

bool RunsView::selectRun(const QString& runId)
{
    QModelIndex index = indexOfRun(runId);
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

QString RunsView::firstRunId() const
{
    if (m_proxy->rowCount() == 0)
        return {};
    return m_proxy->index(0, 0).data(RunsTableModel::RunIdRole).toString();
}

int RunsView::visibleRowCount() const { return m_proxy->rowCount(); }

QStringList RunsView::selectedRunIds() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex& index : rows)
        ids << index.data(RunsTableModel::RunIdRole).toString();
    return ids;
}

void RunsView::selectRuns(const QStringList& runIds)
{
    if (runIds.isEmpty())
        return;
    selectRun(runIds.front());
    m_table->selectionModel()->select(selectionOf(runIds), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QModelIndex RunsView::indexOfRun(const QString& runId) const
{
    const int sourceRow = m_model->rowOfRun(runId);
    return sourceRow < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(sourceRow, 0));
}

QItemSelection RunsView::selectionOf(const QStringList& runIds) const
{
    QItemSelection selection;
    for (const QString& id : runIds)
        if (QModelIndex index = indexOfRun(id); index.isValid())
            selection.select(index, index);
    return selection;
}

void RunsView::updateCompareButton()
{
    const int n = static_cast<int>(m_selectedIds.size());
    m_compare->setText(n >= 2 ? tr("Compare %n run(s)", nullptr, n) : tr("Compare"));
    m_compare->setEnabled(n >= 2);
}

void RunsView::onCurrentChanged(const QModelIndex& current)
{
    if (m_restoring || !current.isValid())
        return; // a refresh or a filter hid the row: keep showing the run we had
    QString id = current.data(RunsTableModel::RunIdRole).toString();
    if (id == m_currentId)
        return;
    m_currentId = id;
    Q_EMIT currentRunChanged(id);
}

void RunsView::restoreSelection()
{
    if (m_currentId.isEmpty())
        return;
    QModelIndex index = indexOfRun(m_currentId);
    if (!index.isValid())
        return;
    m_restoring = true;
    if (m_table->selectionModel()->currentIndex().row() != index.row())
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    // A refresh rebuilds the rows: select again what the user had selected.
    m_table->selectionModel()->select(selectionOf(m_selectedIds.isEmpty() ? QStringList{m_currentId} : m_selectedIds),
                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_restoring = false;
}

// Text that parses in the search language filters with it (plain words never parse: a search
// needs a condition); anything else matches the text against every column. Text that looks
// like a search but does not parse says where it is wrong (tooltip and a red frame) and
// matches as plain text meanwhile.
void RunsView::applyFilter(const QString& text)
{
    const std::string filter = text.toStdString();
    query::SearchParse parsed = query::parseSearch(filter);
    if (parsed.ok() && parsed.root) {
        m_proxy->setFilterFixedString(QString());
        m_proxy->setSearch(std::move(parsed.root));
        m_filter->setStyleSheet(QString());
        m_filter->setToolTip(tr("Search language filter (docs/search.md)"));
        updateCountLabel();
        return;
    }
    m_proxy->setSearch(std::nullopt);
    m_proxy->setFilterFixedString(text);
    const bool looksLikeSearch = text.contains(QLatin1Char('=')) || text.contains(QLatin1Char('<'))
                                 || text.contains(QLatin1Char('>')) || text.contains(QLatin1String("metrics."))
                                 || text.contains(QLatin1String("params.")) || text.contains(QLatin1String("tags."));
    if (parsed.error && looksLikeSearch) {
        m_filter->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #d0453a; }"));
        m_filter->setToolTip(QString::fromStdString(parsed.error->text()));
    } else {
        m_filter->setStyleSheet(QString());
        m_filter->setToolTip(QString());
    }
    updateCountLabel();
}

void RunsView::updateCountLabel()
{
    int shown = m_proxy->rowCount();
    int total = m_model->rowCount();
    m_count->setText(shown == total ? tr("%n run(s)", nullptr, total)
                                    : tr("%1 of %n run(s)", nullptr, total).arg(shown));
}

} // namespace cairn::widgets
