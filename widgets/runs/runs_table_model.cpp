#include "widgets/runs/runs_table_model.h"

#include "engine/core/clock.h"
#include "engine/core/text.h"
#include "engine/query/search_parser.h"
#include "engine/query/search_values.h"
#include "widgets/runs/status_icon.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFont>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace cairn::widgets {
namespace {

constexpr std::size_t kMaxPinnedInQuery = 500;  // a search holds at most 1000 values

QString qs(const std::string& s) { return QString::fromStdString(s); }

std::int64_t durationMs(const Run& run, std::int64_t now)
{
    if (run.startMs <= 0)
        return -1;
    std::int64_t end = run.endMs > 0 ? run.endMs : now;
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

// `id in ('a', 'b')` over at most kMaxPinnedInQuery ids, quotes doubled.
std::string idList(const QStringList& ids)
{
    std::string out = "id in (";
    for (qsizetype i = 0; i < ids.size() && static_cast<std::size_t>(i) < kMaxPinnedInQuery; ++i) {
        out += i ? ", '" : "'";
        for (char c : ids[i].toStdString()) {
            out += c;
            if (c == '\'')
                out += c;
        }
        out += "'";
    }
    return out + ")";
}

const std::array<const char*, RunsTableModel::FixedColumnCount> kFixedFields = {
    "name", "id", "status", "experiment", "start", "duration", "exit_code"};

// A small pin, drawn (crisp at any DPI, no icon theme needed).
QIcon pinIcon()
{
    static const QIcon icon = [] {
        QIcon result;
        for (int size : {16, 32}) {
            QPixmap pm(size, size);
            pm.fill(Qt::transparent);
            QPainter p(&pm);
            p.setRenderHint(QPainter::Antialiasing);
            const qreal s = size;
            const QColor color(0xc0, 0x39, 0x2b);
            p.setPen(QPen(QColor(0x55, 0x55, 0x55), s * 0.09, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(s * 0.5, s * 0.55), QPointF(s * 0.5, s * 0.95));
            p.setPen(Qt::NoPen);
            p.setBrush(color);
            p.drawEllipse(QRectF(s * 0.22, s * 0.05, s * 0.56, s * 0.56));
            p.setBrush(QColor(255, 255, 255, 150));
            p.drawEllipse(QRectF(s * 0.34, s * 0.15, s * 0.16, s * 0.16));
            p.end();
            result.addPixmap(pm);
        }
        return result;
    }();
    return icon;
}

// A faint wash of the status colour behind a row: failures and live runs stand out without
// drowning the text. Finished runs keep the table's own background.
QVariant statusTint(RunStatus status)
{
    if (status == RunStatus::Finished)
        return {};
    QColor c = statusColor(status);
    c.setAlpha(status == RunStatus::Queued ? 22 : 38);
    return QBrush(c);
}

// Group order: numbers by value, then other text, then runs lacking the field.
struct GroupLess {
    bool operator()(const std::optional<std::string>& a, const std::optional<std::string>& b) const
    {
        if (!a || !b)
            return a.has_value() && !b.has_value();
        const auto na = query::parseNumber(*a), nb = query::parseNumber(*b);
        if (na && nb && *na != *nb)
            return *na < *nb;
        if (na.has_value() != nb.has_value())
            return na.has_value();
        return *a < *b;
    }
};

} // namespace

std::string RunsTableModel::Row::identity() const
{
    return header ? "\x01" + groupKey(group) : id;
}

std::string RunsTableModel::groupKey(const std::optional<std::string>& value)
{
    return value ? "v" + *value : std::string("-");
}

RunsTableModel::RunsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

RunsTableModel::~RunsTableModel() = default;

QStringList RunsTableModel::fixedFields()
{
    QStringList out;
    for (const char* f : kFixedFields)
        out << QString::fromLatin1(f);
    return out;
}

void RunsTableModel::setSource(std::shared_ptr<RunsSource> source)
{
    m_source = std::move(source);
    m_cache.clear();
    m_cachedPages.clear();
    requery();
}

void RunsTableModel::setQuery(const Query& query)
{
    m_query = query;
    requery();
}

void RunsTableModel::setPinned(const QStringList& runIds)
{
    if (runIds == m_pinned)
        return;
    m_pinned = runIds;
    requery();
}

void RunsTableModel::setExtraColumns(const QStringList& fields)
{
    if (fields == m_extraColumns)
        return;
    beginResetModel();
    m_extraColumns = fields;
    m_extraKinds.clear();
    m_extraFields.clear();
    for (const QString& f : fields) {
        auto parsed = query::parseField(f.toStdString());
        const auto kind = parsed.ok() ? parsed.field.kind : query::FieldKind::Attribute;
        m_extraKinds.push_back(kind == query::FieldKind::Metric ? 1 : kind == query::FieldKind::Attribute ? 0 : 2);
        m_extraFields.push_back(parsed.ok() ? std::optional<query::Field>(parsed.field) : std::nullopt);
    }
    endResetModel();
}

QString RunsTableModel::columnField(int column) const
{
    if (column >= 0 && column < FixedColumnCount)
        return QString::fromLatin1(kFixedFields[static_cast<std::size_t>(column)]);
    const int extra = column - FixedColumnCount;
    return extra >= 0 && extra < m_extraColumns.size() ? m_extraColumns[extra] : QString();
}

int RunsTableModel::columnOfField(const QString& field) const
{
    for (int c = 0; c < columnCount(); ++c)
        if (columnField(c) == field)
            return c;
    return -1;
}

void RunsTableModel::sort(int column, Qt::SortOrder order)
{
    const QString field = columnField(column);
    if (field.isEmpty())
        return;
    Query q = m_query;
    q.sortKey = field == QStringLiteral("start") ? std::string() : field.toStdString();
    q.descending = order == Qt::DescendingOrder;
    if (q == m_query)
        return;
    m_query = q;
    requery();
}

// Pinned runs first (in the query's order), then the others, each group behind its header.
std::vector<RunsTableModel::Row> RunsTableModel::buildRows()
{
    std::vector<Row> rows;
    m_runCount = 0;
    m_pinnedShown = 0;
    m_groupCount = 0;
    m_error.clear();
    if (!m_source)
        return rows;
    QElapsedTimer timer;
    timer.start();
    RunFilter filter;
    filter.sortKey = m_query.sortKey;
    filter.descending = m_query.descending;
    std::vector<RunKey> pinned, others;
    if (!m_pinned.isEmpty()) {
        filter.where = idList(m_pinned);
        auto keys = m_source->runKeys(filter, {});
        if (!keys) {
            m_error = qs(keys.message());
            return rows;
        }
        pinned = std::move(*keys);
    }
    filter.where = m_query.where;
    if (!m_pinned.isEmpty())
        filter.where = (m_query.where.empty() ? std::string() : "(" + m_query.where + ") and ") + "not " + idList(m_pinned);
    auto keys = m_source->runKeys(filter, m_query.groupBy);
    if (!keys) {
        m_error = qs(keys.message());
        return rows;
    }
    others = std::move(*keys);
    m_totalRuns = m_source->totalRuns().value_or(0);
    m_lastQueryMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;

    rows.reserve(pinned.size() + others.size());
    for (auto& k : pinned)
        rows.push_back({std::move(k.id), {}, 0, false, true, false});
    m_pinnedShown = static_cast<int>(rows.size());
    m_runCount = static_cast<int>(pinned.size() + others.size());
    if (m_query.groupBy.empty()) {
        for (auto& k : others)
            rows.push_back({std::move(k.id), {}, 0, false, false, false});
        return rows;
    }
    // Groups in value order; within a group the runs keep the query's order.
    std::map<std::optional<std::string>, std::vector<std::size_t>, GroupLess> groups;
    for (std::size_t i = 0; i < others.size(); ++i)
        groups[others[i].group].push_back(i);
    m_groupCount = static_cast<int>(groups.size());
    for (auto& [value, members] : groups) {
        const bool collapsed = m_collapsed.count(groupKey(value)) > 0;
        rows.push_back({{}, value, static_cast<int>(members.size()), true, false, collapsed});
        if (collapsed)
            continue;
        for (std::size_t i : members)
            rows.push_back({std::move(others[i].id), value, 0, false, false, false});
    }
    return rows;
}

void RunsTableModel::indexRows()
{
    m_rowOfId.clear();
    m_rowOfId.reserve(m_rows.size());
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (!m_rows[i].header)
            m_rowOfId.emplace(m_rows[i].id, static_cast<int>(i));
}

void RunsTableModel::requery()
{
    std::vector<Row> rows = buildRows();
    beginResetModel();
    m_rows = std::move(rows);
    m_failedPages.clear();
    indexRows();
    endResetModel();
    Q_EMIT queried();
}

void RunsTableModel::refresh()
{
    // Values may have changed for any run: forget them all; the view fetches what it shows.
    m_cache.clear();
    m_cachedPages.clear();
    m_failedPages.clear();
    applyRows(buildRows());
    Q_EMIT queried();
}

void RunsTableModel::toggleGroup(int row)
{
    if (!isGroupRow(row))
        return;
    const std::string key = groupKey(m_rows[static_cast<std::size_t>(row)].group);
    if (!m_collapsed.erase(key))
        m_collapsed.insert(key);
    applyRows(buildRows());
    Q_EMIT queried();
}

// Moves from the current rows to `rows` with the least disturbance: nothing but dataChanged
// when the same runs are in the same order, row insertions or removals when one list is the
// other with runs added or taken out (a new run, a collapsed group), else a layout change
// that carries every persistent index (selection, current row) to its run's new row.
void RunsTableModel::applyRows(std::vector<Row> rows)
{
    auto sameRows = [](const std::vector<Row>& a, const std::vector<Row>& b) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i].identity() != b[i].identity() || a[i].count != b[i].count || a[i].pinned != b[i].pinned
                || a[i].collapsed != b[i].collapsed)
                return false;
        return true;
    };
    if (sameRows(m_rows, rows)) {
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    // Is the shorter list the longer one with some rows taken out, in the same order?
    const bool growing = rows.size() > m_rows.size();
    const std::vector<Row>& longer = growing ? rows : m_rows;
    const std::vector<Row>& shorter = growing ? m_rows : rows;
    std::vector<std::pair<int, int>> blocks;  // [first, last] rows of `longer` absent from `shorter`
    std::size_t j = 0;
    for (std::size_t i = 0; i < longer.size(); ++i) {
        if (j < shorter.size() && longer[i].identity() == shorter[j].identity()) {
            ++j;
            continue;
        }
        if (!blocks.empty() && blocks.back().second == static_cast<int>(i) - 1)
            blocks.back().second = static_cast<int>(i);
        else
            blocks.emplace_back(static_cast<int>(i), static_cast<int>(i));
    }
    constexpr std::size_t kMaxBlocks = 32;
    if (j == shorter.size() && blocks.size() <= kMaxBlocks) {
        if (growing) {
            for (const auto& [first, last] : blocks) {  // ascending: each lands at its final row
                beginInsertRows({}, first, last);
                m_rows.insert(m_rows.begin() + first, rows.begin() + first, rows.begin() + last + 1);
                endInsertRows();
            }
        } else {
            for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {  // from the bottom up
                beginRemoveRows({}, it->first, it->second);
                m_rows.erase(m_rows.begin() + it->first, m_rows.begin() + it->second + 1);
                endRemoveRows();
            }
        }
        // Same runs now; group counts and the like may differ.
        m_rows = std::move(rows);
        indexRows();
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    std::vector<std::string> identities;
    identities.reserve(before.size());
    for (const QModelIndex& i : before)
        identities.push_back(i.row() < rowCount() ? m_rows[static_cast<std::size_t>(i.row())].identity() : std::string());
    m_rows = std::move(rows);
    indexRows();
    std::unordered_map<std::string, int> headerRows;
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].header)
            headerRows.emplace(m_rows[i].identity(), static_cast<int>(i));
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype k = 0; k < before.size(); ++k) {
        const std::string& id = identities[static_cast<std::size_t>(k)];
        int row = -1;
        if (auto it = m_rowOfId.find(id); it != m_rowOfId.end())
            row = it->second;
        else if (auto h = headerRows.find(id); h != headerRows.end())
            row = h->second;
        after << (row < 0 ? QModelIndex() : index(row, before[k].column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged();
}

int RunsTableModel::rowOfRun(const QString& runId) const
{
    auto it = m_rowOfId.find(runId.toStdString());
    return it == m_rowOfId.end() ? -1 : it->second;
}

QString RunsTableModel::runIdAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return qs(m_rows[static_cast<std::size_t>(row)].id);
}

bool RunsTableModel::isGroupRow(int row) const
{
    return row >= 0 && row < rowCount() && m_rows[static_cast<std::size_t>(row)].header;
}

void RunsTableModel::fetchPage(int page) const
{
    if (!m_source || m_failedPages.count(page))
        return;
    std::vector<std::string> ids;
    const int first = page * kPageSize;
    const int last = std::min(rowCount(), first + kPageSize);
    for (int r = first; r < last; ++r) {
        const Row& row = m_rows[static_cast<std::size_t>(r)];
        if (!row.header && !m_cache.count(row.id))
            ids.push_back(row.id);
    }
    if (ids.empty())
        return;
    ++m_fetches;
    auto runs = m_source->runsById(ids);
    if (!runs) {
        m_failedPages.insert(page);
        const_cast<RunsTableModel*>(this)->m_error = qs(runs.message());
        return;
    }
    for (auto& r : *runs) {
        std::string id = r.run.id;
        m_cache.insert_or_assign(std::move(id), std::move(r));
    }
    m_cachedPages.push_back(std::move(ids));
    while (m_cachedPages.size() > static_cast<std::size_t>(kMaxCachedPages)) {
        for (const std::string& id : m_cachedPages.front())
            m_cache.erase(id);
        m_cachedPages.pop_front();
    }
}

const RunSummary* RunsTableModel::runAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    const Row& r = m_rows[static_cast<std::size_t>(row)];
    if (r.header)
        return nullptr;
    auto it = m_cache.find(r.id);
    if (it == m_cache.end()) {
        m_nowMs = nowMs();
        fetchPage(row / kPageSize);
        it = m_cache.find(r.id);
    }
    return it == m_cache.end() ? nullptr : &it->second;
}

int RunsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RunsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FixedColumnCount + static_cast<int>(m_extraColumns.size());
}

bool RunsTableModel::isNumericColumn(int column) const
{
    if (column == DurationColumn || column == ExitCodeColumn)
        return true;
    const int extra = column - FixedColumnCount;
    return extra >= 0 && static_cast<std::size_t>(extra) < m_extraKinds.size() && m_extraKinds[static_cast<std::size_t>(extra)] == 1;
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    if (row.header)
        return groupData(row, index.column(), role);
    switch (role) {
    case RunIdRole: return qs(row.id);
    case PinnedRole: return row.pinned;
    case Qt::DisplayRole:
    case SortRole:
    case StatusRole:
    case Qt::DecorationRole:
    case Qt::ToolTipRole:
    case Qt::BackgroundRole:
    case Qt::TextAlignmentRole:
        break;
    default:
        return {};
    }
    const RunSummary* run = runAt(index.row());
    if (!run)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*run, index.column());
    case SortRole:
        return sortData(*run, index.column());
    case StatusRole:
        return static_cast<int>(run->run.status);
    case Qt::BackgroundRole:
        return statusTint(run->run.status);
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return statusIcon(run->run.status);
        if (index.column() == NameColumn && row.pinned)
            return pinIcon();
        return {};
    case Qt::ToolTipRole:
        if (index.column() == IdColumn)
            return qs(run->run.id);
        if (index.column() == NameColumn && !run->run.command.empty())
            return qs(run->run.command);
        return {};
    case Qt::TextAlignmentRole: {
        bool numeric = isNumericColumn(index.column());
        if (!numeric && index.column() >= FixedColumnCount && m_extraKinds[static_cast<std::size_t>(index.column() - FixedColumnCount)] == 2)
            numeric = sortData(*run, index.column()).typeId() == QMetaType::Double;
        return QVariant::fromValue((numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    default:
        return {};
    }
}

QVariant RunsTableModel::groupData(const Row& row, int column, int role) const
{
    switch (role) {
    case GroupRole: return row.group ? qs(*row.group) : QString();
    case Qt::DisplayRole:
        if (column != NameColumn)
            return {};
        return tr("%1 %2 %3 — %n run(s)", nullptr, row.count)
            .arg(row.collapsed ? QStringLiteral("▸") : QStringLiteral("▾"), QString::fromStdString(m_query.groupBy),
                 row.group ? QStringLiteral("= ") + qs(*row.group) : tr("(none)"));
    case Qt::FontRole: {
        QFont f = QApplication::font();
        f.setBold(true);
        return f;
    }
    case Qt::BackgroundRole: return QApplication::palette().brush(QPalette::Midlight);
    case Qt::ToolTipRole: return tr("Click to collapse or expand this group");
    default: return {};
    }
}

// One extra column's value of a run: the field as the search language reads it.
namespace {
struct Cell {
    bool present = false;
    bool numeric = false;
    double number = 0;
    std::string text;
};

Cell extraCell(const RunSummary& s, const std::optional<query::Field>& field, std::int64_t now)
{
    Cell c;
    if (!field)
        return c;
    const query::Field& f = *field;
    const Run& r = s.run;
    switch (f.kind) {
    case query::FieldKind::Metric: {
        auto it = s.metrics.find(f.key);
        if (it == s.metrics.end())
            return c;
        const MetricSummary& m = it->second;
        c.present = c.numeric = true;
        c.number = f.stat == query::MetricStat::Min   ? m.min
                 : f.stat == query::MetricStat::Max   ? m.max
                 : f.stat == query::MetricStat::Count ? static_cast<double>(m.count)
                                                      : m.last;
        return c;
    }
    case query::FieldKind::Param:
    case query::FieldKind::Tag: {
        const auto& map = f.kind == query::FieldKind::Param ? r.params : r.tags;
        auto it = map.find(f.key);
        if (it == map.end())
            return c;
        c.present = true;
        c.text = it->second;
        if (auto n = query::parseNumber(c.text)) {
            c.numeric = true;
            c.number = *n;
        }
        return c;
    }
    case query::FieldKind::Source: return c;  // gates only, never a runs table column
    case query::FieldKind::Attribute: break;
    }
    c.present = true;
    switch (f.attribute) {
    case query::Attribute::User: c.text = r.user; break;
    case query::Attribute::Host: c.text = r.host; break;
    case query::Attribute::Command: c.text = r.command; break;
    case query::Attribute::Id: c.text = r.id; break;
    case query::Attribute::Name: c.text = r.name; break;
    case query::Attribute::Experiment: c.text = r.experiment; break;
    case query::Attribute::Status: c.text = std::string(toString(r.status)); break;
    case query::Attribute::ExitCode:
        c.present = r.exitCode.has_value();
        c.numeric = true;
        c.number = r.exitCode.value_or(0);
        c.text = c.present ? std::to_string(*r.exitCode) : std::string();
        break;
    case query::Attribute::Start:
        c.present = r.startMs > 0;
        c.numeric = true;
        c.number = static_cast<double>(r.startMs);
        c.text = c.present ? formatTimestamp(r.startMs) : std::string();
        break;
    case query::Attribute::Duration: {
        const auto ms = durationMs(r, now);
        c.present = ms >= 0;
        c.numeric = true;
        c.number = static_cast<double>(ms);
        c.text = c.present ? formatDuration(ms) : std::string();
        break;
    }
    }
    return c;
}
} // namespace

QVariant RunsTableModel::displayData(const RunSummary& s, int column) const
{
    const Run& run = s.run;
    switch (column) {
    case NameColumn: return run.name.empty() ? tr("(unnamed)") : qs(run.name);
    case IdColumn: return qs(run.id.substr(0, 8));
    case StatusColumn: return statusText(run.status);
    case ExperimentColumn: return qs(run.experiment);
    case StartColumn: return run.startMs > 0 ? qs(formatTimestamp(run.startMs)) : QString();
    case DurationColumn: {
        auto ms = durationMs(run, m_nowMs);
        return ms < 0 ? QString() : qs(formatDuration(ms));
    }
    case ExitCodeColumn: return run.exitCode ? QString::number(*run.exitCode) : QString();
    default: break;
    }
    const int extra = column - FixedColumnCount;
    if (extra < 0 || extra >= m_extraColumns.size())
        return {};
    Cell c = extraCell(s, m_extraFields[static_cast<std::size_t>(extra)], m_nowMs);
    if (!c.present)
        return QString();
    if (m_extraKinds[static_cast<std::size_t>(extra)] == 1)
        return formatMetric(c.number);
    return qs(c.text);
}

QVariant RunsTableModel::sortData(const RunSummary& s, int column) const
{
    const Run& run = s.run;
    switch (column) {
    case NameColumn: return qs(run.name);
    case IdColumn: return qs(run.id);
    case StatusColumn: return static_cast<double>(static_cast<int>(run.status));
    case ExperimentColumn: return qs(run.experiment);
    case StartColumn: return run.startMs > 0 ? QVariant(static_cast<double>(run.startMs)) : QVariant();
    case DurationColumn: {
        auto ms = durationMs(run, m_nowMs);
        return ms < 0 ? QVariant() : QVariant(static_cast<double>(ms));
    }
    case ExitCodeColumn: return run.exitCode ? QVariant(static_cast<double>(*run.exitCode)) : QVariant();
    default: break;
    }
    const int extra = column - FixedColumnCount;
    if (extra < 0 || extra >= m_extraColumns.size())
        return {};
    Cell c = extraCell(s, m_extraFields[static_cast<std::size_t>(extra)], m_nowMs);
    if (!c.present || (c.numeric && std::isnan(c.number)))
        return {};
    return c.numeric ? QVariant(c.number) : QVariant(qs(c.text));
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    return columnField(section);
}

} // namespace cairn::widgets
