// bench_runs_table: the workbench's runs table on 10,000 runs x 50 params x 20 metrics (the
// project bench_runs_query builds). For every keystroke of a filter typed into the box, the
// time until the model has its new row count and the values of the first screen of rows
// (what the view paints next), then the same with the paint itself. The same for opening,
// scrolling to the bottom, sorting by a metric and a live refresh. Measured for the lazy
// SQL-backed RunsTableModel and, in the same run, for the table as it was before (every run
// loaded, an in-memory model behind a QSortFilterProxyModel: naive_runs_model.h).
// Usage: bench_runs_table [--runs N] [--params N] [--metrics N] [--reps N (1)] [--keep DIR]
// (the in-memory baseline takes about a second a keystroke: one rep is a few minutes)
#include "naive_runs_model.h"
#include "tests/bench/runs_bench_project.h"

#include "engine/query/filter_text.h"
#include "engine/query/search_parser.h"
#include "engine/store/store.h"
#include "widgets/runs/runs_source.h"
#include "widgets/runs/runs_table_model.h"

#include <QApplication>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace cairn;

namespace {

double msSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

struct Stats {
    double total = 0, worst = 0;
    int n = 0;
    void add(double ms)
    {
        total += ms;
        worst = std::max(worst, ms);
        ++n;
    }
    double mean() const { return n ? total / n : 0; }
};

// Reads what a paint of the first screen would read: every visible cell's text, decoration
// and background, from the view's first visible row.
void readScreen(QTableView& view)
{
    QAbstractItemModel* model = view.model();
    const int top = std::max(0, view.rowAt(0));
    const int rows = view.viewport()->height() / std::max(1, view.verticalHeader()->defaultSectionSize()) + 1;
    const int left = std::max(0, view.columnAt(0));
    int right = view.columnAt(view.viewport()->width() - 1);
    if (right < 0)
        right = model->columnCount() - 1;
    for (int r = top; r < std::min(model->rowCount(), top + rows); ++r)
        for (int c = left; c <= right; ++c) {
            const QModelIndex i = model->index(r, c);
            (void)i.data(Qt::DisplayRole);
            (void)i.data(Qt::DecorationRole);
            (void)i.data(Qt::BackgroundRole);
        }
}

// One table under test: how it applies a filter, a sort, a refresh.
struct Table {
    const char* name;
    QTableView* view;
    std::function<void(const std::string&)> filter;
    std::function<void(int column)> sortDescending;
    std::function<void()> refresh;
};

struct Row {
    explicit Row(std::string w) : what(std::move(w)) {}
    std::string what;
    Stats lazy, naive, lazyPaint, naivePaint;
    long long lazyRows = -1, naiveRows = -1;
};

void timeStep(Table& t, Stats& data, Stats& painted, const std::function<void()>& step)
{
    auto t0 = std::chrono::steady_clock::now();
    step();
    readScreen(*t.view);
    data.add(msSince(t0));
    t.view->viewport()->repaint();  // synchronous: the paint the user waits for
    painted.add(msSince(t0));
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int runs = 10000, params = 50, metrics = 20, reps = 1;
    std::string keep;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--params")) params = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--metrics")) metrics = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--reps")) reps = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--keep")) keep = argv[i + 1];
    }
    int qtArgc = 1;
    QApplication app(qtArgc, argv);
    const std::filesystem::path dir = keep.empty() ? std::filesystem::temp_directory_path() / "cairn-bench-runs-table"
                                                    : std::filesystem::path(keep);
    const std::filesystem::path db = dir / "cairn.db";
    std::filesystem::create_directories(dir);
    {
        bool reuse = false;
        if (std::filesystem::exists(db)) {
            auto s = Store::open(db, Store::Mode::ReadWrite);
            reuse = s && (*s)->countRuns().value_or(0) == runs;
        }
        if (!reuse) {
            for (const char* suffix : {"", "-wal", "-shm"})
                std::filesystem::remove(db.string() + suffix);
            auto t0 = std::chrono::steady_clock::now();
            auto s = Store::open(db, Store::Mode::ReadWrite);
            if (!s || !bench::buildRunsProject(**s, runs, params, metrics)) {
                std::fprintf(stderr, "building the project failed\n");
                return 1;
            }
            std::printf("built %d runs in %.1f s\n", runs, msSince(t0) / 1000);
        }
    }

    // The lazy table, as the workbench builds it: its own read-only connection.
    auto source = widgets::StoreRunsSource::open(db);
    if (!source) {
        std::fprintf(stderr, "%s\n", source.message().c_str());
        return 1;
    }
    widgets::RunsTableModel lazyModel;
    QTableView lazyView;
    lazyView.resize(1400, 900);
    lazyView.verticalHeader()->setDefaultSectionSize(lazyView.fontMetrics().height() + 8);
    lazyView.verticalHeader()->hide();

    // The table before: every run in memory, a proxy filtering and sorting in C++.
    auto naiveStore = Store::open(db, Store::Mode::ReadOnly);
    if (!naiveStore) {
        std::fprintf(stderr, "%s\n", naiveStore.message().c_str());
        return 1;
    }
    bench::NaiveRunsModel naiveModel;
    bench::NaiveRunsProxy naiveProxy;
    naiveProxy.setSourceModel(&naiveModel);
    QTableView naiveView;
    naiveView.resize(1400, 900);
    naiveView.verticalHeader()->setDefaultSectionSize(naiveView.fontMetrics().height() + 8);
    naiveView.verticalHeader()->hide();
    naiveView.setModel(&naiveProxy);
    naiveView.setSortingEnabled(true);

    std::vector<Row> rows;
    auto record = [&](Row& row, Table& lazy, Table& naive, const std::function<void(Table&)>& step) {
        timeStep(lazy, row.lazy, row.lazyPaint, [&] { step(lazy); });
        timeStep(naive, row.naive, row.naivePaint, [&] { step(naive); });
        row.lazyRows = lazyModel.runCount();
        row.naiveRows = naiveProxy.rowCount();
    };

    Table lazy{"lazy", &lazyView,
               [&](const std::string& text) {
                   widgets::RunsTableModel::Query q = lazyModel.query();
                   q.where = query::filterTextSearch(text);  // what RunsView::applyFilter does
                   lazyModel.setQuery(q);
               },
               [&](int column) { lazyModel.sort(column, Qt::DescendingOrder); }, [&] { lazyModel.refresh(); }};
    Table naive{"naive", &naiveView,
                [&](const std::string& text) {  // what the old RunsView::applyFilter did
                    query::SearchParse parsed = query::parseSearch(text);
                    if (parsed.ok() && parsed.root) {
                        naiveProxy.setFilterFixedString(QString());
                        naiveProxy.setSearch(std::move(parsed.root));
                    } else {
                        naiveProxy.setSearch(std::nullopt);
                        naiveProxy.setFilterFixedString(QString::fromStdString(text));
                    }
                },
                [&](int column) { naiveView.sortByColumn(column, Qt::DescendingOrder); },
                [&] {  // the old session reloaded every run on each database change
                    auto all = (*naiveStore)->runs();
                    naiveModel.setRuns(std::move(*all));
                }};

    // Opening: the first screen of the default columns (fixed, every metric, every param).
    Row open{"open the project (first screen)"};
    for (int r = 0; r < reps; ++r) {
        timeStep(lazy, open.lazy, open.lazyPaint, [&] {
            lazyModel.setSource(nullptr);
            QStringList columns;
            for (KeyKind kind : {KeyKind::Metric, KeyKind::Param})
                for (const auto& k : source.value()->keys(kind).value_or(std::vector<std::string>{}))
                    columns << QString::fromLatin1(kind == KeyKind::Metric ? "metrics." : "params.") + QString::fromStdString(k);
            lazyModel.setExtraColumns(columns);
            lazyModel.setSource(*source);
            if (!lazyView.model())
                lazyView.setModel(&lazyModel);
        });
        timeStep(naive, open.naive, open.naivePaint, [&] {
            naiveModel.setRuns({});
            auto all = (*naiveStore)->runs();
            naiveModel.setRuns(std::move(*all));
        });
    }
    lazyView.show();
    naiveView.show();
    QApplication::processEvents();
    open.lazyRows = lazyModel.runCount();
    open.naiveRows = naiveProxy.rowCount();
    rows.push_back(open);
    std::printf("bench_runs_table: %d runs x %d params x %d metrics, %d columns, %d reps\n", runs, params, metrics,
                lazyModel.columnCount(), reps);

    const std::vector<std::pair<std::string, std::string>> typed = {
        {"typing plain text", "resnet50-12"},
        {"typing a search", "metrics.acc > 0.9 and params.optimizer = 'adam'"},
        {"typing a search", "params.lr = 0.01 or status = 'failed'"},
        {"typing a search", "tags.team = 'cv' and duration > 2h"},
    };
    for (const auto& [what, text] : typed) {
        Row row{what + " '" + text + "'"};
        for (int r = 0; r < reps; ++r) {
            for (std::size_t n = 1; n <= text.size(); ++n)
                record(row, lazy, naive, [&](Table& t) { t.filter(text.substr(0, n)); });
            if (r + 1 < reps)
                for (Table* t : {&lazy, &naive})
                    t->filter({});
        }
        if (row.lazyRows != row.naiveRows) {
            std::fprintf(stderr, "'%s': the lazy table shows %lld runs, the in-memory one %lld\n", text.c_str(),
                         row.lazyRows, row.naiveRows);
            return 1;
        }
        rows.push_back(row);
        for (Table* t : {&lazy, &naive})
            t->filter({});
    }

    const int sortColumn = lazyModel.columnOfField(QStringLiteral("metrics.val_acc"));
    int naiveSortColumn = -1;
    for (int c = 0; c < naiveModel.columnCount(); ++c)
        if (naiveModel.headerData(c, Qt::Horizontal).toString() == QStringLiteral("metrics.val_acc"))
            naiveSortColumn = c;
    Row sort{"sort by metrics.val_acc"};
    Row scroll{"scroll to the bottom"};
    Row refresh{"live refresh (values changed)"};
    for (int r = 0; r < reps; ++r) {
        timeStep(lazy, sort.lazy, sort.lazyPaint, [&] { lazy.sortDescending(sortColumn); });
        timeStep(naive, sort.naive, sort.naivePaint, [&] { naive.sortDescending(naiveSortColumn); });
        for (Table* t : {&lazy, &naive}) {
            Row& row = scroll;
            timeStep(*t, t == &lazy ? row.lazy : row.naive, t == &lazy ? row.lazyPaint : row.naivePaint,
                     [&] { t->view->scrollToBottom(); });
            t->view->scrollToTop();
        }
        timeStep(lazy, refresh.lazy, refresh.lazyPaint, [&] { lazy.refresh(); });
        timeStep(naive, refresh.naive, refresh.naivePaint, [&] { naive.refresh(); });
        lazy.sortDescending(widgets::RunsTableModel::StartColumn);
        naive.sortDescending(bench::NaiveRunsModel::StartColumn);
    }
    // The same first run after the sort, in both tables.
    lazy.sortDescending(sortColumn);
    naive.sortDescending(naiveSortColumn);
    if (lazyModel.runIdAt(0) != naiveProxy.index(0, 0).data(bench::NaiveRunsModel::RunIdRole).toString()) {
        std::fprintf(stderr, "sorted by metrics.val_acc, the tables start with different runs\n");
        return 1;
    }
    sort.lazyRows = scroll.lazyRows = refresh.lazyRows = lazyModel.runCount();
    sort.naiveRows = scroll.naiveRows = refresh.naiveRows = naiveProxy.rowCount();
    rows.push_back(sort);
    rows.push_back(scroll);
    rows.push_back(refresh);

    std::printf("\nms until the new row count and the first screen's values are in the model ('+paint': and painted)\n");
    std::printf("%-64s %5s %6s | %8s %8s %8s | %8s %8s %8s\n", "", "steps", "runs", "lazy", "worst", "+paint",
                "naive", "worst", "+paint");
    Stats keyLazy, keyNaive;
    for (const Row& r : rows) {
        std::printf("%-64s %5d %6lld | %8.2f %8.2f %8.2f | %8.1f %8.1f %8.1f\n", r.what.c_str(), r.lazy.n / reps,
                    r.lazyRows, r.lazy.mean(), r.lazy.worst, r.lazyPaint.mean(), r.naive.mean(), r.naive.worst,
                    r.naivePaint.mean());
        if (r.what.rfind("typing", 0) == 0) {
            keyLazy.total += r.lazy.total;
            keyLazy.n += r.lazy.n;
            keyLazy.worst = std::max(keyLazy.worst, r.lazy.worst);
            keyNaive.total += r.naive.total;
            keyNaive.n += r.naive.n;
            keyNaive.worst = std::max(keyNaive.worst, r.naive.worst);
        }
    }
    std::printf("\nper keystroke over %d keystrokes: lazy %.2f ms mean, %.2f ms worst; naive %.1f ms mean, %.1f ms worst "
                "(goal: <= 100 ms)\n",
                keyLazy.n, keyLazy.mean(), keyLazy.worst, keyNaive.mean(), keyNaive.worst);
    std::printf("values held by the lazy model: %d runs (at most %d); %d page fetches in all\n", lazyModel.cachedRunCount(),
                widgets::RunsTableModel::kMaxCachedPages * widgets::RunsTableModel::kPageSize, lazyModel.fetchCount());
    if (keep.empty())
        std::filesystem::remove_all(dir);
    return 0;
}
