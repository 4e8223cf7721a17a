#include "naive_runs_model.h"

#include "engine/core/clock.h"
#include "engine/query/search_eval.h"

#include "engine/core/text.h"
#include "widgets/runs/status_icon.h"

#include <QDateTime>

#include <cmath>
#include <set>

namespace cairn::bench {
using widgets::statusIcon;
using widgets::statusText;
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

std::int64_t durationMs(const Run& run)
{
    if (run.startMs <= 0)
        return -1;
    std::int64_t end = run.endMs > 0 ? run.endMs : QDateTime::currentMSecsSinceEpoch();
    return std::max<std::int64_t>(0, end - run.startMs);
}

QString formatMetric(double v)
{
    if (std::isnan(v))
        return QStringLiteral("nan");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(v, 'g', 6);
}

} // namespace

NaiveRunsModel::NaiveRunsModel(QObject* parent) : QAbstractTableModel(parent) {}

void NaiveRunsModel::setRuns(std::vector<RunSummary> runs)
{
    std::set<std::string> params, metrics;
    for (const auto& r : runs) {
        for (const auto& [k, v] : r.run.params)
            params.insert(k);
        for (const auto& [k, v] : r.metrics)
            metrics.insert(k);
    }
    std::vector<std::string> paramKeys(params.begin(), params.end());
    std::vector<std::string> metricKeys(metrics.begin(), metrics.end());

    std::vector<bool> numericParams;
    for (const auto& key : paramKeys) {
        bool numeric = true;
        for (const auto& r : runs) {
            auto it = r.run.params.find(key);
            if (it != r.run.params.end() && numeric)
                qs(it->second).toDouble(&numeric);
        }
        numericParams.push_back(numeric);
    }

    bool sameShape = paramKeys == m_paramKeys && metricKeys == m_metricKeys && runs.size() == m_runs.size();
    for (std::size_t i = 0; sameShape && i < runs.size(); ++i)
        sameShape = runs[i].run.id == m_runs[i].run.id;

    if (sameShape && numericParams == m_numericParams) {
        m_runs = std::move(runs);
        if (!m_runs.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_runs = std::move(runs);
    m_paramKeys = std::move(paramKeys);
    m_numericParams = std::move(numericParams);
    m_metricKeys = std::move(metricKeys);
    endResetModel();
}

int NaiveRunsModel::rowOfRun(const QString& runId) const
{
    const std::string id = runId.toStdString();
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].run.id == id)
            return static_cast<int>(i);
    return -1;
}

int NaiveRunsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int NaiveRunsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FixedColumnCount + static_cast<int>(m_paramKeys.size() + m_metricKeys.size());
}

NaiveRunsModel::DynamicColumn NaiveRunsModel::dynamicColumn(int column) const
{
    if (column < FixedColumnCount)
        return {};
    auto c = static_cast<std::size_t>(column - FixedColumnCount);
    if (c < m_metricKeys.size())
        return {DynamicColumn::Metric, c};
    c -= m_metricKeys.size();
    if (c < m_paramKeys.size())
        return {DynamicColumn::Param, c};
    return {};
}

bool NaiveRunsModel::isNumericColumn(int column) const
{
    if (column == DurationColumn || column == ExitCodeColumn)
        return true;
    DynamicColumn d = dynamicColumn(column);
    return d.kind == DynamicColumn::Metric || (d.kind == DynamicColumn::Param && m_numericParams[d.index]);
}

QVariant NaiveRunsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const RunSummary& run = m_runs[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayData(run, index.column());
    case SortRole:
        return sortData(run, index.column());
    case RunIdRole:
        return qs(run.run.id);
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return statusIcon(run.run.status);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == IdColumn)
            return qs(run.run.id);
        if (index.column() == NameColumn && !run.run.command.empty())
            return qs(run.run.command);
        return {};
    case Qt::TextAlignmentRole:
        if (isNumericColumn(index.column()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant NaiveRunsModel::displayData(const RunSummary& s, int column) const
{
    const Run& run = s.run;
    switch (column) {
    case NameColumn: return run.name.empty() ? tr("(unnamed)") : qs(run.name);
    case IdColumn: return qs(run.id.substr(0, 8));
    case StatusColumn: return statusText(run.status);
    case ExperimentColumn: return qs(run.experiment);
    case StartColumn: return run.startMs > 0 ? qs(formatTimestamp(run.startMs)) : QString();
    case DurationColumn: {
        auto ms = durationMs(run);
        return ms < 0 ? QString() : qs(formatDuration(ms));
    }
    case ExitCodeColumn: return run.exitCode ? QString::number(*run.exitCode) : QString();
    default: break;
    }
    DynamicColumn d = dynamicColumn(column);
    if (d.kind == DynamicColumn::Param) {
        auto it = run.params.find(m_paramKeys[d.index]);
        return it == run.params.end() ? QString() : qs(it->second);
    }
    if (d.kind == DynamicColumn::Metric) {
        auto it = s.metrics.find(m_metricKeys[d.index]);
        return it == s.metrics.end() ? QString() : formatMetric(it->second.last);
    }
    return {};
}

QVariant NaiveRunsModel::sortData(const RunSummary& s, int column) const
{
    const Run& run = s.run;
    switch (column) {
    case NameColumn: return qs(run.name);
    case IdColumn: return qs(run.id);
    case StatusColumn: return static_cast<double>(static_cast<int>(run.status));
    case ExperimentColumn: return qs(run.experiment);
    case StartColumn: return run.startMs > 0 ? QVariant(static_cast<double>(run.startMs)) : QVariant();
    case DurationColumn: {
        auto ms = durationMs(run);
        return ms < 0 ? QVariant() : QVariant(static_cast<double>(ms));
    }
    case ExitCodeColumn: return run.exitCode ? QVariant(static_cast<double>(*run.exitCode)) : QVariant();
    default: break;
    }
    DynamicColumn d = dynamicColumn(column);
    if (d.kind == DynamicColumn::Param) {
        auto it = run.params.find(m_paramKeys[d.index]);
        if (it == run.params.end())
            return {};
        bool ok = false;
        double v = qs(it->second).toDouble(&ok);
        return ok ? QVariant(v) : QVariant(qs(it->second));
    }
    if (d.kind == DynamicColumn::Metric) {
        auto it = s.metrics.find(m_metricKeys[d.index]);
        if (it == s.metrics.end() || std::isnan(it->second.last))
            return {};
        return it->second.last;
    }
    return {};
}

QVariant NaiveRunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return QVariant::fromValue((isNumericColumn(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case IdColumn: return tr("Id");
    case StatusColumn: return tr("Status");
    case ExperimentColumn: return tr("Experiment");
    case StartColumn: return tr("Start");
    case DurationColumn: return tr("Duration");
    case ExitCodeColumn: return tr("Exit code");
    default: break;
    }
    DynamicColumn d = dynamicColumn(section);
    if (d.kind == DynamicColumn::Param)
        return QStringLiteral("params.") + qs(m_paramKeys[d.index]);
    if (d.kind == DynamicColumn::Metric)
        return QStringLiteral("metrics.") + qs(m_metricKeys[d.index]);
    return {};
}

NaiveRunsProxy::NaiveRunsProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(NaiveRunsModel::SortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void NaiveRunsProxy::setSearch(std::optional<query::Node> search)
{
    m_search = std::move(search);
    m_nowMs = nowMs();
    invalidateFilter();
}

bool NaiveRunsProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_search)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    const auto* model = static_cast<const NaiveRunsModel*>(sourceModel());
    const auto& runs = model->runs();
    return sourceRow >= 0 && static_cast<std::size_t>(sourceRow) < runs.size()
           && query::matches(*m_search, runs[static_cast<std::size_t>(sourceRow)], m_nowMs);
}

bool NaiveRunsProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
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

} // namespace cairn::bench
