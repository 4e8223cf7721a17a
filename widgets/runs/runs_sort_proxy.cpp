#include "widgets/runs/runs_sort_proxy.h"

#include "widgets/runs/runs_table_model.h"

#include "engine/core/clock.h"
#include "engine/query/search_eval.h"

namespace cairn::widgets {

RunsSortProxy::RunsSortProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(RunsTableModel::SortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void RunsSortProxy::setSearch(std::optional<query::Node> search)
{
    m_search = std::move(search);
    m_nowMs = nowMs();
    invalidateFilter();
}

bool RunsSortProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_search)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    const auto* model = static_cast<const RunsTableModel*>(sourceModel());
    const auto& runs = model->runs();
    return sourceRow >= 0 && static_cast<std::size_t>(sourceRow) < runs.size()
           && query::matches(*m_search, runs[static_cast<std::size_t>(sourceRow)], m_nowMs);
}

bool RunsSortProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    // Missing values after present ones in ascending order.
    if (!l.isValid() || !r.isValid())
        return l.isValid() && !r.isValid();
    const bool lNum = l.typeId() == QMetaType::Double;
    const bool rNum = r.typeId() == QMetaType::Double;
    if (lNum && rNum)
        return l.toDouble() < r.toDouble();
    if (lNum != rNum)
        return lNum; // numbers before text
    return QString::localeAwareCompare(l.toString(), r.toString()) < 0;
}

} // namespace cairn::widgets
