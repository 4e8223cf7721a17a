#include "widgets/runs/runs_view.h"

#include "widgets/runs/runs_table_model.h"

#include "engine/query/filter_text.h"
#include "engine/query/search_parser.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelection>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace cairn::widgets {
namespace {

constexpr int kDebounceMs = 120;        // typing pause before a slow query runs
constexpr double kSlowQueryMs = 40;     // queries slower than this wait for the pause
constexpr int kRefreshIntervalMs = 250; // live refreshes at most this often
constexpr int kMaxSpannedGroups = 500;  // group header rows span the table up to this many

QStringList toQt(const std::vector<std::string>& v)
{
    QStringList out;
    for (const auto& s : v)
        out << QString::fromStdString(s);
    return out;
}

std::vector<std::string> toStd(const QStringList& v)
{
    std::vector<std::string> out;
    for (const auto& s : v)
        out.push_back(s.toStdString());
    return out;
}

// A key as a field: plain keys after the prefix, others in backquotes (docs/search.md).
QString fieldOf(const char* prefix, const std::string& key)
{
    const bool plain = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '/' || c == '-';
    });
    QString k = QString::fromStdString(key);
    if (!plain)
        k = QLatin1Char('`') + k.replace(QLatin1Char('`'), QStringLiteral("``")) + QLatin1Char('`');
    return QString::fromLatin1(prefix) + k;
}

QStringList fieldsOf(const char* prefix, RunsSource* source, KeyKind kind)
{
    QStringList out;
    if (!source)
        return out;
    auto keys = source->keys(kind);
    if (!keys)
        return out;
    for (const auto& k : *keys)
        out << fieldOf(prefix, k);
    return out;
}

} // namespace

RunsView::RunsView(QWidget* parent)
    : QWidget(parent), m_model(new RunsTableModel(this)), m_table(new QTableView(this)), m_filter(new QLineEdit(this)),
      m_count(new QLabel(this)), m_banner(new QLabel(this)), m_group(new QComboBox(this)),
      m_columnsButton(new QToolButton(this)), m_viewsButton(new QToolButton(this)), m_columnsMenu(new QMenu(this)),
      m_viewsMenu(new QMenu(this)), m_compare(new QPushButton(this)), m_filterTimer(new QTimer(this)),
      m_refreshTimer(new QTimer(this))
{
    m_filter->setPlaceholderText(tr("Filter runs: a name or id, or a search such as  metrics.acc > 0.9 and params.lr = '0.01'"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("runsFilter"));
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(kDebounceMs);
    connect(m_filterTimer, &QTimer::timeout, this, [this] { applyFilter(m_filter->text()); });
    // Each keystroke queries at once while queries are fast; a slow one waits for a pause.
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (m_model->lastQueryMs() > kSlowQueryMs)
            m_filterTimer->start();
        else
            applyFilter(text);
    });
    m_refreshTimer->setSingleShot(true);
    connect(m_refreshTimer, &QTimer::timeout, this, &RunsView::refresh);

    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    header->setSectionsMovable(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setToolTip(tr("Click to sort (in the database); right-click to choose columns"));
    connect(header, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        rebuildColumnsMenu();
        m_columnsMenu->popup(m_table->horizontalHeader()->mapToGlobal(pos));
    });
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RunsTableModel::StartColumn, Qt::DescendingOrder);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_restoring)
            return;
        m_selectedIds = selectedRunIds();
        updateCompareButton();
    });
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (m_model->isGroupRow(index.row()))
            m_model->toggleGroup(index.row());
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, &RunsView::showTableMenu);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RunsView::restoreSelection);
    connect(m_model, &RunsTableModel::queried, this, &RunsView::afterQuery);

    m_group->setObjectName(QStringLiteral("runsGroupBy"));
    m_group->setToolTip(tr("Group the runs by a param, a tag or an attribute"));
    m_group->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_group->addItem(tr("No groups"), QString());
    connect(m_group, &QComboBox::activated, this, [this](int i) { setGroupBy(m_group->itemData(i).toString()); });

    m_columnsButton->setText(tr("Columns"));
    m_columnsButton->setObjectName(QStringLiteral("runsColumns"));
    m_columnsButton->setToolTip(tr("Choose the columns: attributes, metrics, params and tags"));
    m_columnsButton->setMenu(m_columnsMenu);
    m_columnsButton->setPopupMode(QToolButton::InstantPopup);
    connect(m_columnsMenu, &QMenu::aboutToShow, this, &RunsView::rebuildColumnsMenu);

    m_viewsButton->setText(tr("Views"));
    m_viewsButton->setObjectName(QStringLiteral("runsViews"));
    m_viewsButton->setToolTip(tr("Saved views: a filter, columns, sort and groups under a name (also: cairn runs --view NAME)"));
    m_viewsButton->setMenu(m_viewsMenu);
    m_viewsButton->setPopupMode(QToolButton::InstantPopup);
    connect(m_viewsMenu, &QMenu::aboutToShow, this, &RunsView::rebuildViewsMenu);

    m_banner->setObjectName(QStringLiteral("runsViewsError"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fbe9e7; color: #8c2a1f; border: 1px solid #d0453a; padding: 4px; }"));
    m_banner->hide();

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
    top->addWidget(m_group);
    top->addWidget(m_columnsButton);
    top->addWidget(m_viewsButton);
    top->addWidget(m_compare);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(m_table, 1);
    updateCountLabel();
}

RunsView::~RunsView() = default;

void RunsView::setSource(std::shared_ptr<RunsSource> source)
{
    m_source = std::move(source);
    m_metricKeys = fieldsOf("metrics.", m_source.get(), KeyKind::Metric);
    m_paramKeys = fieldsOf("params.", m_source.get(), KeyKind::Param);
    m_tagKeys = fieldsOf("tags.", m_source.get(), KeyKind::Tag);
    rebuildGroupCombo();
    applyColumns();
    m_model->setSource(m_source);
    sizeColumns();
}

void RunsView::setViewsFile(const std::filesystem::path& file)
{
    m_viewsFile = file;
    auto views = loadViews(file);
    if (!views) {
        m_views = {};
        setViewsError(QString::fromStdString(views.message()));
    } else {
        m_views = std::move(*views);
        setViewsError({});
    }
    m_model->setPinned(toQt(m_views.pinned));
}

void RunsView::refresh()
{
    if (!m_source)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastRefreshMs < kRefreshIntervalMs) {
        if (!m_refreshTimer->isActive())
            m_refreshTimer->start(static_cast<int>(kRefreshIntervalMs - (now - m_lastRefreshMs)));
        return;
    }
    m_lastRefreshMs = now;
    m_refreshTimer->stop();
    // New keys appear as runs log them: the default columns follow.
    const QStringList metrics = fieldsOf("metrics.", m_source.get(), KeyKind::Metric);
    const QStringList params = fieldsOf("params.", m_source.get(), KeyKind::Param);
    const QStringList tags = fieldsOf("tags.", m_source.get(), KeyKind::Tag);
    if (metrics != m_metricKeys || params != m_paramKeys || tags != m_tagKeys) {
        m_metricKeys = metrics;
        m_paramKeys = params;
        m_tagKeys = tags;
        rebuildGroupCombo();
        if (hasDefaultColumns()) {
            applyColumns();
            restoreSelection();
        }
    }
    m_model->refresh();
}

void RunsView::clear()
{
    m_currentId.clear();
    m_selectedIds.clear();
    m_sizedColumns = false;
    m_refreshTimer->stop();
    setSource(nullptr);
}

bool RunsView::selectRun(const QString& runId)
{
    QModelIndex index = indexOfRun(runId);
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

QString RunsView::firstRunId() const
{
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (!m_model->isGroupRow(r))
            return m_model->runIdAt(r);
    return {};
}

int RunsView::visibleRowCount() const { return m_model->runCount(); }

QStringList RunsView::selectedRunIds() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex& index : rows)
        if (QString id = m_model->runIdAt(index.row()); !id.isEmpty())
            ids << id;
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
    const int row = m_model->rowOfRun(runId);
    return row < 0 ? QModelIndex() : m_model->index(row, 0);
}

QItemSelection RunsView::selectionOf(const QStringList& runIds) const
{
    std::vector<int> rows;
    for (const QString& id : runIds)
        if (int row = m_model->rowOfRun(id); row >= 0)
            rows.push_back(row);
    std::sort(rows.begin(), rows.end());
    QItemSelection selection;
    const int lastColumn = std::max(0, m_model->columnCount() - 1);
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] <= rows[j] + 1)
            ++j;
        selection.select(m_model->index(rows[i], 0), m_model->index(rows[j], lastColumn));
        i = j + 1;
    }
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
    QString id = m_model->runIdAt(current.row());
    if (id.isEmpty() || id == m_currentId)
        return; // a group header row
    m_currentId = id;
    Q_EMIT currentRunChanged(id);
}

void RunsView::restoreSelection()
{
    if (m_currentId.isEmpty() && m_selectedIds.isEmpty())
        return;
    m_restoring = true;
    QModelIndex index = indexOfRun(m_currentId);
    if (index.isValid() && m_table->selectionModel()->currentIndex().row() != index.row())
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    // A query rebuilds the rows: select again what the user had selected.
    m_table->selectionModel()->select(selectionOf(m_selectedIds.isEmpty() ? QStringList{m_currentId} : m_selectedIds),
                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_restoring = false;
}

void RunsView::afterQuery()
{
    // Group headers span the row (a few hundred at most: spans cost the view per paint).
    m_table->clearSpans();
    if (m_model->groupCount() > 0 && m_model->groupCount() <= kMaxSpannedGroups)
        for (int r = 0; r < m_model->rowCount(); ++r)
            if (m_model->isGroupRow(r))
                m_table->setSpan(r, 0, 1, m_model->columnCount());
    if (!m_model->error().isEmpty())
        m_count->setToolTip(m_model->error());
    if (!m_sizedColumns)
        sizeColumns();
    updateCountLabel();
}

// Widths from the header and the first rows (already fetched for the screen), not from every
// row as QTableView::resizeColumnsToContents() would read them.
void RunsView::sizeColumns()
{
    if (m_sizedColumns || m_model->runCount() == 0)
        return;
    constexpr int kSampleRows = 60, kMaxWidth = 260, kPadding = 18;
    const QFontMetrics text = m_table->fontMetrics();
    const QFontMetrics head = m_table->horizontalHeader()->fontMetrics();
    const int rows = std::min(m_model->rowCount(), kSampleRows);
    const int icon = m_table->iconSize().isValid() ? m_table->iconSize().width() : 16;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        int width = head.horizontalAdvance(m_model->headerData(c, Qt::Horizontal).toString()) + kPadding + 8;
        for (int r = 0; r < rows; ++r) {
            if (m_model->isGroupRow(r))
                continue;
            const QModelIndex index = m_model->index(r, c);
            int w = text.horizontalAdvance(index.data().toString()) + kPadding;
            if (!index.data(Qt::DecorationRole).isNull())
                w += icon + 4;
            width = std::max(width, w);
        }
        m_table->setColumnWidth(c, std::min(width, kMaxWidth));
    }
    m_sizedColumns = true;
}

// Text that parses in the search language filters with it (plain words never parse: a search
// needs a condition); any other text matches runs whose name, id or experiment contains it.
// Text that looks like a search but does not parse says where it is wrong (tooltip and a red
// frame) and matches as plain text meanwhile.
void RunsView::applyFilter(const QString& text)
{
    m_filterTimer->stop();
    const std::string filter = text.toStdString();
    query::SearchParse parsed = query::parseSearch(filter);
    const bool isSearch = parsed.ok() && parsed.root;
    const bool looksLikeSearch = text.contains(QLatin1Char('=')) || text.contains(QLatin1Char('<'))
                                 || text.contains(QLatin1Char('>')) || text.contains(QLatin1String("metrics."))
                                 || text.contains(QLatin1String("params.")) || text.contains(QLatin1String("tags."));
    if (isSearch) {
        m_filter->setStyleSheet(QString());
        m_filter->setToolTip(tr("Search language filter (docs/search.md)"));
    } else if (parsed.error && looksLikeSearch) {
        m_filter->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #d0453a; }"));
        m_filter->setToolTip(QString::fromStdString(parsed.error->text()));
    } else {
        m_filter->setStyleSheet(QString());
        m_filter->setToolTip(QString());
    }
    m_where = query::filterTextSearch(filter);
    runQuery();
}

void RunsView::runQuery()
{
    RunsTableModel::Query q = m_model->query();
    q.where = m_where;
    m_model->setQuery(q);
}

void RunsView::updateCountLabel()
{
    const int shown = m_model->runCount();
    const auto total = static_cast<int>(m_model->totalRuns());
    QString text = shown == total ? tr("%n run(s)", nullptr, total) : tr("%1 of %n run(s)", nullptr, total).arg(shown);
    if (m_model->pinnedCount() > 0)
        text += tr(", %n pinned", nullptr, m_model->pinnedCount());
    if (m_model->groupCount() > 0)
        text += tr(", %n group(s)", nullptr, m_model->groupCount());
    m_count->setText(text);
    if (m_model->error().isEmpty())
        m_count->setToolTip(QString());
}

// --- columns -----------------------------------------------------------------------------

QStringList RunsView::defaultColumns() const
{
    return RunsTableModel::fixedFields() + m_metricKeys + m_paramKeys;
}

QStringList RunsView::visibleColumns() const { return m_columns.isEmpty() ? defaultColumns() : m_columns; }

void RunsView::setVisibleColumns(const QStringList& fields)
{
    QStringList chosen = fields;
    chosen.removeDuplicates();
    if (!chosen.isEmpty() && !chosen.contains(QStringLiteral("name")))
        chosen.prepend(QStringLiteral("name"));  // a row needs something to recognise it by
    m_columns = chosen == defaultColumns() ? QStringList() : chosen;
    applyColumns();
    restoreSelection();
}

void RunsView::applyColumns()
{
    const QStringList fields = visibleColumns();
    const QStringList fixed = RunsTableModel::fixedFields();
    QStringList extra;
    for (const QString& f : fields)
        if (!fixed.contains(f))
            extra << f;
    const int before = m_model->columnCount();
    m_model->setExtraColumns(extra);
    for (int c = 0; c < RunsTableModel::FixedColumnCount; ++c)
        m_table->setColumnHidden(c, !fields.contains(fixed[c]));
    for (int c = RunsTableModel::FixedColumnCount; c < m_model->columnCount(); ++c)
        m_table->setColumnHidden(c, false);
    if (m_model->columnCount() != before)
        m_sizedColumns = false;
    sizeColumns();
    afterQuery();
}

void RunsView::rebuildColumnsMenu()
{
    m_columnsMenu->clear();
    m_columnsMenu->setToolTipsVisible(true);
    const QStringList shown = visibleColumns();
    QAction* reset = m_columnsMenu->addAction(tr("Default Columns"), this, [this] { setVisibleColumns({}); });
    reset->setEnabled(!hasDefaultColumns());
    auto section = [&](const QString& title, const QStringList& fields, const QStringList& labels) {
        if (fields.isEmpty())
            return;
        m_columnsMenu->addSection(title);
        for (qsizetype i = 0; i < fields.size(); ++i) {
            const QString field = fields[i];
            QAction* a = m_columnsMenu->addAction(labels[i]);
            a->setCheckable(true);
            a->setChecked(shown.contains(field));
            a->setEnabled(field != QStringLiteral("name"));
            a->setData(field);
            connect(a, &QAction::toggled, this, [this, field](bool on) {
                QStringList now = visibleColumns();
                if (on)
                    now << field;
                else
                    now.removeAll(field);
                setVisibleColumns(now);
            });
        }
    };
    QStringList fixedLabels;
    for (int c = 0; c < RunsTableModel::FixedColumnCount; ++c)
        fixedLabels << m_model->headerData(c, Qt::Horizontal).toString();
    section(tr("Run"), RunsTableModel::fixedFields(), fixedLabels);
    section(tr("Metrics"), m_metricKeys, m_metricKeys);
    section(tr("Params"), m_paramKeys, m_paramKeys);
    section(tr("Tags"), m_tagKeys, m_tagKeys);
}

// --- groups ------------------------------------------------------------------------------

void RunsView::rebuildGroupCombo()
{
    const QString current = groupBy();
    m_group->clear();
    m_group->addItem(tr("No groups"), QString());
    for (const char* f : {"status", "experiment", "user", "host"})
        m_group->addItem(tr("Group by %1").arg(QLatin1String(f)), QString::fromLatin1(f));
    for (const QString& f : m_paramKeys + m_tagKeys)
        m_group->addItem(tr("Group by %1").arg(f), f);
    if (!current.isEmpty() && m_group->findData(current) < 0)
        m_group->addItem(tr("Group by %1").arg(current), current);
    m_group->setCurrentIndex(std::max(0, m_group->findData(current)));
}

void RunsView::setGroupBy(const QString& field)
{
    if (m_group->findData(field) < 0)
        m_group->addItem(tr("Group by %1").arg(field), field);
    m_group->setCurrentIndex(m_group->findData(field));
    RunsTableModel::Query q = m_model->query();
    q.groupBy = field.toStdString();
    m_model->setQuery(q);
}

QString RunsView::groupBy() const { return QString::fromStdString(m_model->query().groupBy); }

// --- pins --------------------------------------------------------------------------------

QStringList RunsView::pinnedRunIds() const { return m_model->pinned(); }

bool RunsView::setPinned(const QStringList& runIds, bool pinned)
{
    const bool ok = updateViewsFile([&](ViewsFile& f) {
        for (const QString& id : runIds) {
            const std::string s = id.toStdString();
            auto it = std::find(f.pinned.begin(), f.pinned.end(), s);
            if (pinned && it == f.pinned.end())
                f.pinned.push_back(s);
            else if (!pinned && it != f.pinned.end())
                f.pinned.erase(it);
        }
    });
    if (ok)
        m_model->setPinned(toQt(m_views.pinned));
    return ok;
}

void RunsView::showTableMenu(const QPoint& pos)
{
    const QModelIndex at = m_table->indexAt(pos);
    QStringList ids = selectedRunIds();
    const QString clicked = at.isValid() ? m_model->runIdAt(at.row()) : QString();
    if (!clicked.isEmpty() && !ids.contains(clicked)) {
        selectRun(clicked);
        ids = {clicked};
    }
    QMenu menu(this);
    if (!ids.isEmpty()) {
        int pinnedCount = 0;
        for (const QString& id : ids)
            pinnedCount += m_model->isPinned(id) ? 1 : 0;
        if (pinnedCount < ids.size())
            menu.addAction(tr("Pin %n run(s) to the Top", nullptr, static_cast<int>(ids.size() - pinnedCount)), this,
                           [this, ids] { setPinned(ids, true); });
        if (pinnedCount > 0)
            menu.addAction(tr("Unpin %n run(s)", nullptr, pinnedCount), this, [this, ids] { setPinned(ids, false); });
        if (ids.size() >= 2)
            menu.addAction(tr("Compare %n run(s)", nullptr, static_cast<int>(ids.size())), this,
                           [this, ids] { Q_EMIT compareRequested(ids); });
        menu.addSeparator();
    }
    QMenu* columns = menu.addMenu(tr("Columns"));
    rebuildColumnsMenu();
    for (QAction* a : m_columnsMenu->actions())
        columns->addAction(a);
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

// --- saved views -------------------------------------------------------------------------

void RunsView::setViewsError(const QString& message)
{
    m_viewsError = message;
    m_banner->setText(message.isEmpty() ? QString()
                                        : tr("Saved views and pins are off: %1").arg(message));
    m_banner->setVisible(!message.isEmpty());
}

bool RunsView::updateViewsFile(const std::function<void(ViewsFile&)>& change)
{
    if (m_viewsFile.empty()) {
        setViewsError(tr("no project is open"));
        return false;
    }
    auto updated = updateViews(m_viewsFile, change);
    if (!updated) {
        setViewsError(QString::fromStdString(updated.message()));
        return false;
    }
    m_views = std::move(*updated);
    setViewsError({});
    return true;
}

QStringList RunsView::savedViewNames() const { return toQt(viewNames(m_views)); }

SavedView RunsView::currentView(const QString& name) const
{
    SavedView v;
    v.name = name.toStdString();
    v.filter = m_filter->text().toStdString();
    v.columns = hasDefaultColumns() ? std::vector<std::string>{} : toStd(m_columns);
    v.sort = m_model->query().sortKey;
    v.ascending = !m_model->query().descending;
    v.groupBy = m_model->query().groupBy;
    return v;
}

bool RunsView::saveView(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return false;
    SavedView view = currentView(trimmed);
    return updateViewsFile([&](ViewsFile& f) { putView(f, view); });
}

bool RunsView::deleteView(const QString& name)
{
    return updateViewsFile([&](ViewsFile& f) { removeView(f, name.toStdString()); });
}

bool RunsView::applyView(const QString& name)
{
    const SavedView* found = findView(m_views, name.toStdString());
    if (!found)
        return false;
    const SavedView view = *found;
    setVisibleColumns(toQt(view.columns));
    RunsTableModel::Query q = m_model->query();
    q.sortKey = view.sort == "start" ? std::string() : view.sort;
    q.descending = !view.ascending;
    q.groupBy = view.groupBy;
    m_group->blockSignals(true);
    if (!view.groupBy.empty() && m_group->findData(QString::fromStdString(view.groupBy)) < 0)
        m_group->addItem(tr("Group by %1").arg(QString::fromStdString(view.groupBy)), QString::fromStdString(view.groupBy));
    m_group->setCurrentIndex(std::max(0, m_group->findData(QString::fromStdString(view.groupBy))));
    m_group->blockSignals(false);
    // The sort indicator follows the view (none when its sort column is not shown).
    const int column = m_model->columnOfField(QString::fromStdString(view.sort.empty() ? "start" : view.sort));
    QHeaderView* header = m_table->horizontalHeader();
    header->blockSignals(true);
    header->setSortIndicator(column, view.ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
    header->blockSignals(false);
    m_filter->blockSignals(true);
    m_filter->setText(QString::fromStdString(view.filter));
    m_filter->blockSignals(false);
    m_model->setQuery(q);
    applyFilter(m_filter->text());
    return true;
}

void RunsView::rebuildViewsMenu()
{
    m_viewsMenu->clear();
    const QStringList names = savedViewNames();
    for (const QString& name : names)
        m_viewsMenu->addAction(name, this, [this, name] { applyView(name); });
    if (names.isEmpty())
        m_viewsMenu->addAction(tr("(no saved views)"))->setEnabled(false);
    m_viewsMenu->addSeparator();
    QAction* save = m_viewsMenu->addAction(tr("Save View As..."), this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save View"),
                                                   tr("Name for the current filter, columns, sort and groups:"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (ok && !name.trimmed().isEmpty()) {
            if (savedViewNames().contains(name.trimmed())
                && QMessageBox::question(this, tr("Save View"), tr("Replace the view '%1'?").arg(name.trimmed()))
                       != QMessageBox::Yes)
                return;
            saveView(name);
        }
    });
    save->setEnabled(m_viewsError.isEmpty() || !m_viewsFile.empty());
    QMenu* remove = m_viewsMenu->addMenu(tr("Delete View"));
    remove->setEnabled(!names.isEmpty());
    for (const QString& name : names)
        remove->addAction(name, this, [this, name] { deleteView(name); });
}

} // namespace cairn::widgets
