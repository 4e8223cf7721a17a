// Sorting and filtering of the runs table: numbers sort numerically, missing values sort last,
// and the filter text matches any column.
#pragma once

#include <QSortFilterProxyModel>

namespace cairn::widgets {

class RunsSortProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RunsSortProxy(QObject* parent = nullptr);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

} // namespace cairn::widgets
