#include "widgets/runs/runs_sort_proxy.h"

#include "widgets/runs/runs_table_model.h"

namespace cairn::widgets {

RunsSortProxy::RunsSortProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(RunsTableModel::SortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
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
