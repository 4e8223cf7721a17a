// Sorting and filtering of the runs table: numbers sort numerically, missing values sort last,
// and the filter text matches any column.
#pragma once

#include "engine/query/search_ast.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace cairn::widgets {

class RunsSortProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RunsSortProxy(QObject* parent = nullptr);

    // A filter in the search language (docs/search.md) replaces the plain-text match; nullopt
    // goes back to matching the filter text against every column.
    void setSearch(std::optional<query::Node> search);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    std::optional<query::Node> m_search;
    std::int64_t m_nowMs = 0;
};

} // namespace cairn::widgets
