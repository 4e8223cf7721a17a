// The lazy runs table over a real project of 2,000 generated runs: row counts, bounded page
// fetching, SQL sorting against an independent sort, filters against the in-memory evaluator,
// pins, saved views (and `cairn runs --view`), a bad views.json, groups and live refresh.
#include "engine/cli/commands.h"
#include "engine/core/clock.h"
#include "engine/query/search_eval.h"
#include "engine/query/search_parser.h"
#include "engine/store/project.h"
#include "engine/store/saved_views.h"
#include "engine/store/store.h"
#include "widgets/runs/runs_source.h"
#include "widgets/runs/runs_table_model.h"
#include "widgets/runs/runs_view.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

using namespace cairn;
using widgets::RunsTableModel;

namespace {

constexpr int kRuns = 2000;

std::string readFile(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs r-0 ... r-1999, oldest first: lr and opt params, a team tag on some, acc (missing on
// every tenth run) and loss metrics, four statuses.
void generate(Store& store)
{
    std::uint64_t x = 42;
    auto next = [&x] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return static_cast<double>(x % 1000003) / 1000003.0;
    };
    const char* opts[] = {"adam", "sgd", "adamw"};
    const RunStatus statuses[] = {RunStatus::Finished, RunStatus::Failed, RunStatus::Running, RunStatus::Killed};
    const std::int64_t base = 1709280000000;
    for (int i = 0; i < kRuns; ++i) {
        Run r;
        r.name = "r-" + std::to_string(i);
        r.experiment = i % 2 ? "exp-a" : "exp-b";
        r.status = i % 7 == 0 ? statuses[1 + i % 3] : RunStatus::Finished;
        r.startMs = base + i * 1000;
        if (r.status != RunStatus::Running) {
            r.endMs = r.startMs + 500;
            r.exitCode = r.status == RunStatus::Finished ? 0 : 1;
        }
        r.params = {{"lr", std::to_string(0.001 * (1 + i % 5))}, {"opt", opts[i % 3]}, {"seed", std::to_string(i)}};
        if (i % 4 == 0)
            r.tags = {{"team", i % 8 ? "cv" : "nlp"}};
        if (!store.createRun(r))
            qFatal("createRun failed");
        std::vector<MetricPoint> points;
        if (i % 10 != 3)
            points.push_back({"acc", 0, r.startMs, next()});
        points.push_back({"loss", 0, r.startMs, next()});
        if (!store.appendMetrics(r.id, points))
            qFatal("appendMetrics failed");
    }
}

std::vector<std::string> rowIds(const RunsTableModel& model)
{
    std::vector<std::string> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        if (!model.isGroupRow(r))
            ids.push_back(model.runIdAt(r).toStdString());
    return ids;
}

} // namespace

class TestRunsTable : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void countsWithoutFetching();
    void pagesAreBounded();
    void sortByMetricMatchesIndependentSort();
    void filtersMatchEvaluator_data();
    void filtersMatchEvaluator();
    void filterBoxPlainTextAndErrors();
    void columnsChooser();
    void pinsStayOnTopAndPersist();
    void savedViewsRoundTripAndCli();
    void badViewsFileIsKeptAndReported();
    void groupByParam();
    void liveRefreshKeepsSelectionAndScroll();

private:
    std::shared_ptr<widgets::StoreRunsSource> source();
    std::unique_ptr<widgets::RunsView> view();
    std::filesystem::path viewsFile() const { return viewsFilePath(m_root); }

    QTemporaryDir m_dir;
    std::filesystem::path m_root;
    std::vector<RunSummary> m_all;  // every run, read once through Store::runs()
};

void TestRunsTable::initTestCase()
{
    m_root = (m_dir.path() + "/proj").toStdString();
    auto project = Project::init(m_root, "runs-table");
    QVERIFY(project);
    auto store = Store::open(project->databasePath(), Store::Mode::ReadWrite);
    QVERIFY(store);
    generate(**store);
    auto all = (*store)->runs();
    QVERIFY(all);
    m_all = std::move(*all);
    QCOMPARE(static_cast<int>(m_all.size()), kRuns);
}

void TestRunsTable::init() { std::filesystem::remove(viewsFile()); }

std::shared_ptr<widgets::StoreRunsSource> TestRunsTable::source()
{
    auto s = widgets::StoreRunsSource::open(m_root / "cairn.db");
    if (!s)
        qFatal("%s", s.message().c_str());
    return *s;
}

std::unique_ptr<widgets::RunsView> TestRunsTable::view()
{
    auto v = std::make_unique<widgets::RunsView>();
    v->resize(1000, 600);
    v->setViewsFile(viewsFile());
    v->setSource(source());
    return v;
}

void TestRunsTable::countsWithoutFetching()
{
    RunsTableModel model;
    model.setSource(source());
    QCOMPARE(model.rowCount(), kRuns);
    QCOMPARE(model.runCount(), kRuns);
    QCOMPARE(model.totalRuns(), std::int64_t(kRuns));
    QCOMPARE(model.fetchCount(), 0);  // ids only: no values read yet
    QCOMPARE(model.cachedRunCount(), 0);
    // Newest first, as Store::runs() lists them.
    QCOMPARE(model.runIdAt(0).toStdString(), m_all.front().run.id);
    QCOMPARE(model.runIdAt(kRuns - 1).toStdString(), m_all.back().run.id);
    QCOMPARE(model.index(0, RunsTableModel::NameColumn).data().toString(), QString::fromStdString(m_all.front().run.name));
    QCOMPARE(model.fetchCount(), 1);
    QCOMPARE(model.cachedRunCount(), RunsTableModel::kPageSize);
}

void TestRunsTable::pagesAreBounded()
{
    RunsTableModel model;
    model.setSource(source());
    model.setExtraColumns({"metrics.acc", "params.opt"});
    const int acc = model.columnOfField("metrics.acc");
    QVERIFY(acc >= RunsTableModel::FixedColumnCount);
    int maxCached = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        const RunSummary& expected = m_all[static_cast<std::size_t>(r)];
        QCOMPARE(model.index(r, RunsTableModel::NameColumn).data().toString(), QString::fromStdString(expected.run.name));
        auto it = expected.metrics.find("acc");
        QCOMPARE(model.index(r, acc).data(RunsTableModel::SortRole).isValid(), it != expected.metrics.end());
        if (it != expected.metrics.end())
            QCOMPARE(model.index(r, acc).data(RunsTableModel::SortRole).toDouble(), it->second.last);
        maxCached = std::max(maxCached, model.cachedRunCount());
    }
    QCOMPARE(model.fetchCount(), kRuns / RunsTableModel::kPageSize);  // each page read once
    QVERIFY(maxCached <= RunsTableModel::kMaxCachedPages * RunsTableModel::kPageSize);
    QCOMPARE(model.cachedRunCount(), RunsTableModel::kMaxCachedPages * RunsTableModel::kPageSize);
    // Back at the top: the first page was dropped and is read again.
    model.index(0, 0).data();
    QCOMPARE(model.fetchCount(), kRuns / RunsTableModel::kPageSize + 1);
}

void TestRunsTable::sortByMetricMatchesIndependentSort()
{
    RunsTableModel model;
    model.setSource(source());
    model.setExtraColumns({"metrics.acc"});
    const int acc = model.columnOfField("metrics.acc");
    for (Qt::SortOrder order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
        model.sort(acc, order);
        QCOMPARE(model.query().sortKey, std::string("metrics.acc"));
        // Independently: runs with acc by value, then runs without it (both directions).
        std::vector<const RunSummary*> with, without;
        for (const auto& r : m_all)
            (r.metrics.count("acc") ? with : without).push_back(&r);
        // Ties keep creation order, turned around with the sort (m_all is newest first).
        std::sort(with.begin(), with.end(), [&](const RunSummary* a, const RunSummary* b) {
            const double x = a->metrics.at("acc").last, y = b->metrics.at("acc").last;
            if (x != y)
                return order == Qt::DescendingOrder ? x > y : x < y;
            return order == Qt::DescendingOrder ? a < b : a > b;
        });
        const std::vector<std::string> ids = rowIds(model);
        QCOMPARE(ids.size(), m_all.size());
        for (std::size_t i = 0; i < with.size(); ++i)
            QVERIFY2(ids[i] == with[i]->run.id, qPrintable(QStringLiteral("row %1: %2, expected %3")
                                                                .arg(i)
                                                                .arg(QString::fromStdString(ids[i]), QString::fromStdString(with[i]->run.name))));
        std::set<std::string> missing(ids.begin() + static_cast<std::ptrdiff_t>(with.size()), ids.end());
        QCOMPARE(missing.size(), without.size());
        for (const RunSummary* r : without)
            QVERIFY(missing.count(r->run.id));
    }
    QVERIFY(model.fetchCount() == 0);  // sorting read no values
}

void TestRunsTable::filtersMatchEvaluator_data()
{
    QTest::addColumn<QString>("filter");
    QTest::newRow("metric") << "metrics.acc > 0.5";
    QTest::newRow("param and metric") << "params.opt = 'adam' and metrics.loss < 0.3";
    QTest::newRow("status") << "status in ('failed', 'killed')";
    QTest::newRow("missing") << "metrics.acc is null or tags.team = 'nlp'";
    QTest::newRow("numeric param") << "params.lr >= 0.004";
    QTest::newRow("nothing") << "metrics.acc > 2";
}

void TestRunsTable::filtersMatchEvaluator()
{
    QFETCH(QString, filter);
    auto v = view();
    QTest::keyClicks(v->filterEdit(), filter);  // key by key: every prefix is answered
    auto parsed = query::parseSearch(filter.toStdString());
    QVERIFY(parsed.ok());
    std::vector<std::string> expected;
    for (const auto& r : m_all)
        if (query::matches(*parsed.root, r, nowMs()))
            expected.push_back(r.run.id);
    QCOMPARE(v->visibleRowCount(), static_cast<int>(expected.size()));
    QCOMPARE(rowIds(*v->model()), expected);  // and in the default order
    QVERIFY(v->filterEdit()->styleSheet().isEmpty());
}

void TestRunsTable::filterBoxPlainTextAndErrors()
{
    auto v = view();
    QTest::keyClicks(v->filterEdit(), QStringLiteral("r-12"));
    int expected = 0;
    for (const auto& r : m_all)
        expected += r.run.name.find("r-12") != std::string::npos ? 1 : 0;
    QCOMPARE(v->visibleRowCount(), expected);
    QCOMPARE(expected, 111);  // r-12, r-12x, r-12xx
    v->filterEdit()->clear();
    QCOMPARE(v->visibleRowCount(), kRuns);
    // An id prefix.
    QTest::keyClicks(v->filterEdit(), QString::fromStdString(m_all[5].run.id.substr(0, 12)));
    QCOMPARE(v->visibleRowCount(), 1);
    QCOMPARE(v->firstRunId().toStdString(), m_all[5].run.id);
    v->filterEdit()->clear();
    QTest::keyClicks(v->filterEdit(), QStringLiteral("metrics.acc >"));
    QVERIFY(!v->filterEdit()->styleSheet().isEmpty());
    QVERIFY2(v->filterEdit()->toolTip().startsWith("column 14"), qPrintable(v->filterEdit()->toolTip()));
    v->filterEdit()->clear();
    QVERIFY(v->filterEdit()->styleSheet().isEmpty());
}

void TestRunsTable::columnsChooser()
{
    auto v = view();
    // Default: every fixed column, every metric, every param.
    const QStringList defaults = RunsTableModel::fixedFields()
                                 + QStringList{"metrics.acc", "metrics.loss", "params.lr", "params.opt", "params.seed"};
    QCOMPARE(v->visibleColumns(), defaults);
    v->setVisibleColumns({"status", "metrics.loss", "tags.team"});
    QCOMPARE(v->visibleColumns(), (QStringList{"name", "status", "metrics.loss", "tags.team"}));
    QTableView* table = v->tableView();
    QVERIFY(table->isColumnHidden(RunsTableModel::IdColumn));
    QVERIFY(!table->isColumnHidden(RunsTableModel::StatusColumn));
    QCOMPARE(v->model()->columnCount(), RunsTableModel::FixedColumnCount + 2);
    // The menu ticks what is shown; unticking a column removes it.
    v->columnsMenu()->aboutToShow();
    QAction* loss = nullptr;
    int checked = 0;
    for (QAction* a : v->columnsMenu()->actions()) {
        if (a->data().toString() == QStringLiteral("metrics.loss"))
            loss = a;
        checked += a->isChecked() ? 1 : 0;
    }
    QVERIFY(loss && loss->isChecked());
    QCOMPARE(checked, 4);
    loss->setChecked(false);
    QCOMPARE(v->visibleColumns(), (QStringList{"name", "status", "tags.team"}));
    // Sorting by a shown column is SQL on its field.
    const int team = v->model()->columnOfField("tags.team");
    table->sortByColumn(team, Qt::AscendingOrder);
    QCOMPARE(v->model()->query().sortKey, std::string("tags.team"));
    QCOMPARE(v->model()->index(0, team).data().toString(), QStringLiteral("cv"));
    v->setVisibleColumns({});
    QVERIFY(v->hasDefaultColumns());
    QVERIFY(!table->isColumnHidden(RunsTableModel::IdColumn));
}

void TestRunsTable::pinsStayOnTopAndPersist()
{
    const QStringList pins = {QString::fromStdString(m_all[1500].run.id), QString::fromStdString(m_all[700].run.id)};
    {
        auto v = view();
        QVERIFY(v->setPinned(pins, true));
        QCOMPARE(v->model()->pinnedCount(), 2);
        // On top, in the sort's order (newest first): m_all[700] (r-1299) is newer than m_all[1500] (r-499).
        QCOMPARE(v->model()->runIdAt(0), pins[1]);
        QCOMPARE(v->model()->runIdAt(1), pins[0]);
        QVERIFY(v->model()->index(0, 0).data(RunsTableModel::PinnedRole).toBool());
        QVERIFY(!v->model()->index(2, 0).data(RunsTableModel::PinnedRole).toBool());
        QCOMPARE(v->visibleRowCount(), kRuns);  // shown once, not twice
        // Whatever the sort and filter.
        v->tableView()->sortByColumn(RunsTableModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(v->model()->runIdAt(0), pins[1]);  // r-1299 before r-499 by name
        v->tableView()->sortByColumn(RunsTableModel::StartColumn, Qt::AscendingOrder);
        QCOMPARE(v->model()->runIdAt(0), pins[0]);  // r-499 started first
        QTest::keyClicks(v->filterEdit(), QStringLiteral("name = 'r-3'"));
        QCOMPARE(v->visibleRowCount(), 3);
        QCOMPARE(v->model()->pinnedCount(), 2);
        QCOMPARE(v->model()->runIdAt(2).toStdString(), m_all[kRuns - 1 - 3].run.id);
    }
    QVERIFY(QString::fromStdString(readFile(viewsFile())).contains(pins[0]));
    {
        auto v = view();  // a new table on the same project
        QCOMPARE(v->pinnedRunIds(), pins);
        QCOMPARE(v->model()->runIdAt(0), pins[1]);
        QVERIFY(v->setPinned({pins[1]}, false));
        QCOMPARE(v->model()->pinnedCount(), 1);
        QCOMPARE(v->model()->runIdAt(0), pins[0]);
    }
    auto stored = loadViews(viewsFile());
    QVERIFY(stored);
    QCOMPARE(stored->pinned, std::vector<std::string>{pins[0].toStdString()});
}

void TestRunsTable::savedViewsRoundTripAndCli()
{
    {
        auto v = view();
        QTest::keyClicks(v->filterEdit(), QStringLiteral("params.opt = 'sgd' and metrics.acc > 0.9"));
        v->setVisibleColumns({"name", "metrics.acc", "params.lr"});
        v->tableView()->sortByColumn(v->model()->columnOfField("metrics.acc"), Qt::AscendingOrder);
        QVERIFY(v->saveView(QStringLiteral("good sgd")));
        v->setGroupBy(QStringLiteral("params.lr"));
        QVERIFY(v->saveView(QStringLiteral("by lr")));
        QCOMPARE(v->savedViewNames(), (QStringList{"by lr", "good sgd"}));
    }
    auto v = view();
    QCOMPARE(v->savedViewNames(), (QStringList{"by lr", "good sgd"}));
    QVERIFY(!v->applyView(QStringLiteral("nope")));
    QVERIFY(v->applyView(QStringLiteral("good sgd")));
    QCOMPARE(v->filterEdit()->text(), QStringLiteral("params.opt = 'sgd' and metrics.acc > 0.9"));
    QCOMPARE(v->visibleColumns(), (QStringList{"name", "metrics.acc", "params.lr"}));
    QCOMPARE(v->model()->query().sortKey, std::string("metrics.acc"));
    QVERIFY(!v->model()->query().descending);
    QCOMPARE(v->groupBy(), QString());
    const int acc = v->model()->columnOfField("metrics.acc");
    QCOMPARE(v->tableView()->horizontalHeader()->sortIndicatorSection(), acc);
    const std::vector<std::string> shown = rowIds(*v->model());
    QVERIFY(shown.size() > 10);

    // The CLI lists the same runs in the same order.
    std::ostringstream out, err;
    const int code = cli::runCli({"--project", m_root.string(), "runs", "--view", "good sgd", "--columns", "id", "--format", "csv"},
                                 out, err);
    QCOMPARE(code, 0);
    std::istringstream lines(out.str());
    std::string line;
    std::getline(lines, line);
    QCOMPARE(line, std::string("id"));
    std::vector<std::string> listed;
    while (std::getline(lines, line))
        listed.push_back(line);
    QCOMPARE(listed, shown);

    QVERIFY(v->applyView(QStringLiteral("by lr")));
    QCOMPARE(v->groupBy(), QStringLiteral("params.lr"));
    QCOMPARE(v->groupCombo()->currentData().toString(), QStringLiteral("params.lr"));
    QCOMPARE(v->visibleRowCount(), static_cast<int>(shown.size()));
    QVERIFY(v->deleteView(QStringLiteral("by lr")));
    QCOMPARE(v->savedViewNames(), QStringList{"good sgd"});
}

void TestRunsTable::badViewsFileIsKeptAndReported()
{
    const std::string bad = "{\"views\": [\n  {\"name\": \"x\",\n]}\n";
    std::filesystem::create_directories(viewsFile().parent_path());
    std::ofstream(viewsFile(), std::ios::binary) << bad;
    auto v = view();
    const QString error = v->viewsError();
    QVERIFY2(error.contains(QString::fromStdString(viewsFile().string()) + ":3:"), qPrintable(error));
    QVERIFY(v->findChild<QLabel*>(QStringLiteral("runsViewsError"))->isVisibleTo(v.get()));
    QCOMPARE(v->visibleRowCount(), kRuns);  // the table itself works
    QVERIFY(!v->setPinned({v->firstRunId()}, true));
    QVERIFY(!v->saveView(QStringLiteral("x")));
    QCOMPARE(readFile(viewsFile()), bad);
    QCOMPARE(v->model()->pinnedCount(), 0);
}

void TestRunsTable::groupByParam()
{
    auto v = view();
    RunsTableModel* model = v->model();
    const int fetches = model->fetchCount();
    v->setGroupBy(QStringLiteral("params.opt"));
    QCOMPARE(model->groupCount(), 3);
    QCOMPARE(model->rowCount(), kRuns + 3);
    QCOMPARE(v->visibleRowCount(), kRuns);
    QVERIFY(model->isGroupRow(0));
    QCOMPARE(model->index(0, 0).data(RunsTableModel::GroupRole).toString(), QStringLiteral("adam"));
    QVERIFY(model->index(0, 0).data().toString().contains(QStringLiteral("667")));
    QCOMPARE(model->fetchCount(), fetches);  // grouping read only ids and values of the field
    // Groups in value order, each one's runs together and in the sort's order (newest first).
    QStringList groups;
    std::vector<std::string> ids;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->isGroupRow(r)) {
            groups << model->index(r, 0).data(RunsTableModel::GroupRole).toString();
            continue;
        }
        ids.push_back(model->runIdAt(r).toStdString());
    }
    QCOMPARE(groups, (QStringList{"adam", "adamw", "sgd"}));
    std::vector<std::string> expected;
    for (const char* opt : {"adam", "adamw", "sgd"})
        for (const auto& r : m_all)
            if (r.run.params.at("opt") == opt)
                expected.push_back(r.run.id);
    QCOMPARE(ids, expected);
    // Collapsing a group takes its rows out; expanding brings them back.
    const int adamw = model->rowOfRun(QString::fromStdString(expected[667])) - 1;
    QVERIFY(model->isGroupRow(adamw));
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    model->toggleGroup(adamw);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model->rowCount(), kRuns + 3 - 666);  // adamw: i % 3 == 2
    QVERIFY(model->index(adamw, 0).data().toString().contains(QStringLiteral("▸")));
    model->toggleGroup(adamw);
    QCOMPARE(model->rowCount(), kRuns + 3);
    // Runs lacking the field make the last group.
    v->setGroupBy(QStringLiteral("tags.team"));
    QCOMPARE(model->groupCount(), 3);
    const int last = model->rowCount() - 1 - 1500;
    QVERIFY(model->isGroupRow(last));
    QVERIFY(model->index(last, 0).data().toString().contains(QStringLiteral("(none)")));
    v->setGroupBy({});
    QCOMPARE(model->rowCount(), kRuns);
}

void TestRunsTable::liveRefreshKeepsSelectionAndScroll()
{
    // A copy of the project, so that adding runs leaves the other tests' data alone.
    QTemporaryDir copy;
    const std::filesystem::path root = copy.path().toStdString();
    std::filesystem::copy(m_root, root, std::filesystem::copy_options::recursive);
    auto src = widgets::StoreRunsSource::open(root / "cairn.db");
    QVERIFY(src);
    widgets::RunsView v;
    v.resize(1000, 600);
    v.show();
    v.setViewsFile(viewsFilePath(root));
    v.setSource(*src);
    QTableView* table = v.tableView();
    const QStringList chosen = {v.model()->runIdAt(1000), v.model()->runIdAt(1001), v.model()->runIdAt(1003)};
    v.selectRuns(chosen);
    QCOMPARE(v.currentRunId(), chosen[0]);
    table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum() / 2);
    const int scroll = table->verticalScrollBar()->value();
    QVERIFY(scroll > 0);

    auto writer = Store::open(root / "cairn.db", Store::Mode::ReadWrite);
    QVERIFY(writer);
    // Only values change: no reset, no layout change, same rows.
    QSignalSpy resets(v.model(), &QAbstractItemModel::modelReset);
    QSignalSpy layouts(v.model(), &QAbstractItemModel::layoutChanged);
    QSignalSpy changed(v.model(), &QAbstractItemModel::dataChanged);
    const std::string target = chosen[0].toStdString();
    QVERIFY((*writer)->appendMetrics(target, std::vector<MetricPoint>{{"acc", 1, 0, 0.123456}}));
    QTest::qWait(300);  // refreshes closer together are joined
    v.refresh();
    QCOMPARE(resets.size(), 0);
    QCOMPARE(layouts.size(), 0);
    QCOMPARE(changed.size(), 1);
    v.setVisibleColumns({"name", "metrics.acc"});
    const int accColumn = v.model()->columnOfField("metrics.acc");
    QCOMPARE(v.model()->index(v.model()->rowOfRun(chosen[0]), accColumn).data().toString(), QStringLiteral("0.123456"));
    resets.clear();

    // A new run appears on top: inserted, the selection and the current run stay.
    Run fresh;
    fresh.name = "fresh";
    fresh.status = RunStatus::Running;
    fresh.startMs = 1709280000000 + 10'000'000;
    QVERIFY((*writer)->createRun(fresh));
    QSignalSpy inserted(v.model(), &QAbstractItemModel::rowsInserted);
    QTest::qWait(300);
    v.refresh();
    QCOMPARE(resets.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(v.visibleRowCount(), kRuns + 1);
    QCOMPARE(v.firstRunId().toStdString(), fresh.id);
    QCOMPARE(v.selectedRunIds(), chosen);
    QCOMPARE(v.currentRunId(), chosen[0]);
    QCOMPARE(table->selectionModel()->currentIndex().row(), v.model()->rowOfRun(chosen[0]));
    QCOMPARE(table->verticalScrollBar()->value(), scroll);

    // Sorted by a metric that changes, rows move: the selection moves with its runs.
    table->sortByColumn(accColumn, Qt::DescendingOrder);
    v.selectRuns(chosen);
    QVERIFY((*writer)->appendMetrics(target, std::vector<MetricPoint>{{"acc", 2, 0, 5.0}}));
    QTest::qWait(300);
    v.refresh();
    QCOMPARE(v.model()->runIdAt(0), chosen[0]);
    const QStringList selected = v.selectedRunIds();
    QCOMPARE(selected.size(), 3);
    QCOMPARE(QSet<QString>(selected.begin(), selected.end()), QSet<QString>(chosen.begin(), chosen.end()));
    QCOMPARE(v.currentRunId(), chosen[0]);
}

QTEST_MAIN(TestRunsTable)
#include "tst_runs_table.moc"
