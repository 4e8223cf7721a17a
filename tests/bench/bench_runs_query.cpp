// bench_runs_query: the runs table's query path on a project of 10,000 runs x 50 params x 20
// metrics, built through Store. Per query: a filter, its count and the first page of 100 runs,
// in SQL (Store::runs with where/limit + Store::countRuns) against a naive baseline measured in
// the same run (Store::runs() of every run, then the filter evaluated in C++). Ten typical
// filters, then a filter typed keystroke by keystroke as the workbench's filter box would.
// Usage: bench_runs_query [--runs N] [--params N] [--metrics N] [--reps N] [--json FILE] [--keep DIR]
#include "tests/bench/runs_bench_project.h"
#include "engine/core/clock.h"
#include "engine/query/search_eval.h"
#include "engine/query/search_parser.h"
#include "engine/store/store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace cairn;

namespace {

double msSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

struct Timing {
    double sqlMs = 0, separateMs = 0, naiveMs = 0;
    std::int64_t count = 0;
};

// Filter + count + first page in SQL: one runPage() query, or countRuns() and runs().
double sqlQuery(Store& store, const std::string& where, std::int64_t& count, bool separate = false)
{
    auto t0 = std::chrono::steady_clock::now();
    RunFilter f;
    f.where = where;
    f.limit = 100;
    std::size_t shown = 0;
    if (separate) {
        auto n = store.countRuns(f);
        auto page = store.runs(f);
        if (!n || !page) {
            std::fprintf(stderr, "query failed: %s\n", (!n ? n.message() : page.message()).c_str());
            std::exit(1);
        }
        count = *n;
        shown = page->size();
    } else {
        auto page = store.runPage(f);
        if (!page) {
            std::fprintf(stderr, "query failed: %s\n", page.message().c_str());
            std::exit(1);
        }
        count = page->total;
        shown = page->runs.size();
    }
    const double ms = msSince(t0);
    if (shown != static_cast<std::size_t>(std::min<std::int64_t>(100, count))) {
        std::fprintf(stderr, "page of %zu runs for a count of %lld\n", shown, static_cast<long long>(count));
        std::exit(1);
    }
    return ms;
}

// Every run loaded, then the filter evaluated in memory; count and first 100.
double naiveQuery(Store& store, const std::string& where, std::int64_t& count)
{
    auto t0 = std::chrono::steady_clock::now();
    auto all = store.runs();
    auto parsed = query::parseSearch(where);
    std::vector<const RunSummary*> hits;
    const std::int64_t now = nowMs();
    for (const auto& r : *all)
        if (!parsed.root || query::matches(*parsed.root, r, now))
            hits.push_back(&r);
    std::vector<RunSummary> page;
    for (std::size_t i = 0; i < hits.size() && i < 100; ++i)
        page.push_back(*hits[i]);
    count = static_cast<std::int64_t>(hits.size());
    return msSince(t0);
}

} // namespace

int main(int argc, char** argv)
{
    int runs = 10000, params = 50, metrics = 20, reps = 5;
    std::string json, keep;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--params")) params = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--metrics")) metrics = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--reps")) reps = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--json")) json = argv[i + 1];
        else if (!std::strcmp(argv[i], "--keep")) keep = argv[i + 1];
    }
    const std::filesystem::path dir = keep.empty() ? std::filesystem::temp_directory_path() / "cairn-bench-runs-query"
                                                    : std::filesystem::path(keep);
    const std::filesystem::path db = dir / "cairn.db";
    std::filesystem::create_directories(dir);
    std::printf("bench_runs_query: %d runs x %d params x %d metrics\n", runs, params, metrics);
    {
        bool reuse = false;
        if (std::filesystem::exists(db)) {
            auto s = Store::open(db, Store::Mode::ReadWrite);
            reuse = s && (*s)->countRuns().value_or(0) == runs;
        }
        if (!reuse) {
            std::filesystem::remove(db);
            std::filesystem::remove(db.string() + "-wal");
            std::filesystem::remove(db.string() + "-shm");
            auto t0 = std::chrono::steady_clock::now();
            auto s = Store::open(db, Store::Mode::ReadWrite);
            if (!s || !bench::buildRunsProject(**s, runs, params, metrics)) {
                std::fprintf(stderr, "building the project failed\n");
                return 1;
            }
            std::printf("built in %.1f s\n", msSince(t0) / 1000);
        }
    }
    auto opened = Store::open(db, Store::Mode::ReadOnly);  // as the workbench reads
    if (!opened) {
        std::fprintf(stderr, "%s\n", opened.message().c_str());
        return 1;
    }
    Store& store = **opened;
    const std::vector<std::string> filters = {
        "metrics.acc > 0.9",
        "params.lr = 0.01",
        "status = 'failed'",
        "params.optimizer = 'adam' and metrics.val_loss < 0.5",
        "name like 'resnet%'",
        "tags.team = 'cv' and duration > 2h",
        "start >= '2024-03-05' and experiment = 'exp3'",
        "params.batch in (64, 128) and not status in ('failed', 'killed')",
        "max(metrics.val_acc) > 0.95 or metrics.loss is null",
        "params.lr > 0.001 and params.lr <= 0.1 and metrics.f1 >= 0.8",
    };
    std::printf("\n%-66s %7s %8s %11s %9s %6s\n", "filter + count + first 100 runs (ms, best of reps)", "matches",
                "runPage", "count+runs", "naive", "ratio");
    std::vector<Timing> timings;
    double sqlTotal = 0, separateTotal = 0, naiveTotal = 0, sqlWorst = 0, separateWorst = 0;
    for (const auto& f : filters) {
        Timing t;
        std::int64_t naiveCount = 0;
        std::int64_t separateCount = 0;
        t.sqlMs = t.separateMs = t.naiveMs = 1e300;
        sqlQuery(store, f, t.count);  // warm the page cache once
        for (int r = 0; r < reps; ++r) {
            t.sqlMs = std::min(t.sqlMs, sqlQuery(store, f, t.count));
            t.separateMs = std::min(t.separateMs, sqlQuery(store, f, separateCount, true));
            if (r < 2)
                t.naiveMs = std::min(t.naiveMs, naiveQuery(store, f, naiveCount));
        }
        if (naiveCount != t.count || separateCount != t.count) {
            std::fprintf(stderr, "'%s': SQL counts %lld runs, the evaluator %lld\n", f.c_str(),
                         static_cast<long long>(t.count), static_cast<long long>(naiveCount));
            return 1;
        }
        std::printf("%-66s %7lld %8.2f %11.2f %9.1f %5.0fx\n", f.c_str(), static_cast<long long>(t.count), t.sqlMs,
                    t.separateMs, t.naiveMs, t.naiveMs / t.sqlMs);
        sqlTotal += t.sqlMs;
        separateTotal += t.separateMs;
        separateWorst = std::max(separateWorst, t.separateMs);
        naiveTotal += t.naiveMs;
        sqlWorst = std::max(sqlWorst, t.sqlMs);
        timings.push_back(t);
    }
    std::printf("%-66s %7s %8.2f %11.2f %9.1f %5.0fx\n", "mean", "", sqlTotal / filters.size(),
                separateTotal / filters.size(), naiveTotal / filters.size(), naiveTotal / sqlTotal);

    // Typing a filter: at every keystroke the box checks it, and a valid one runs.
    const std::string typed = "params.optimizer = 'adam' and metrics.val_loss < 0.5 and status != 'killed'";
    double keyTotal = 0, keyWorst = 0, naiveKeyTotal = 0, memoryKeyTotal = 0;
    int valid = 0;
    auto t0 = std::chrono::steady_clock::now();
    auto all = store.runs();
    const double loadAll = msSince(t0);
    for (std::size_t n = 1; n <= typed.size(); ++n) {
        const std::string prefix = typed.substr(0, n);
        auto k0 = std::chrono::steady_clock::now();
        bool ok = !query::searchError(prefix);
        std::int64_t count = 0;
        if (ok)
            sqlQuery(store, prefix, count);
        const double ms = msSince(k0);
        keyTotal += ms;
        keyWorst = std::max(keyWorst, ms);
        if (ok) {
            ++valid;
            std::int64_t naiveCount = 0;
            naiveKeyTotal += naiveQuery(store, prefix, naiveCount);
            auto m0 = std::chrono::steady_clock::now();
            auto parsed = query::parseSearch(prefix);
            std::int64_t hits = 0;
            for (const auto& r : *all)
                hits += query::matches(*parsed.root, r, nowMs());
            memoryKeyTotal += msSince(m0);
        }
    }
    std::printf("\ntyping '%s'\n", typed.c_str());
    std::printf("  %zu keystrokes, %d valid filters run: sql %.2f ms a keystroke (worst %.2f ms), naive %.1f ms a valid "
                "keystroke (ratio %.0fx)\n",
                typed.size(), valid, keyTotal / typed.size(), keyWorst, naiveKeyTotal / std::max(1, valid),
                (naiveKeyTotal / std::max(1, valid)) / (keyTotal / typed.size()));
    std::printf("  for reference: all runs held in memory (loaded once in %.0f ms), filtered in C++: %.2f ms a valid keystroke\n",
                loadAll, memoryKeyTotal / std::max(1, valid));
    auto k0 = std::chrono::steady_clock::now();
    std::size_t keyCount = 0;
    for (KeyKind kind : {KeyKind::Param, KeyKind::Tag, KeyKind::Metric})
        keyCount += store.keys(kind).value_or(std::vector<std::string>{}).size();
    std::printf("\ncolumn chooser: %zu param, tag and metric keys listed in %.2f ms\n", keyCount, msSince(k0));
    std::printf("worst filter + count + page: %.2f ms with runPage, %.2f ms with countRuns + runs (goal: well under 100 ms)\n",
                sqlWorst, separateWorst);
    if (!json.empty()) {
        std::ofstream out(json);
        out << "{\"bench\":\"runs_query\",\"runs\":" << runs << ",\"params\":" << params << ",\"metrics\":" << metrics
            << ",\"sql_mean_ms\":" << sqlTotal / filters.size() << ",\"naive_mean_ms\":" << naiveTotal / filters.size()
            << ",\"sql_worst_ms\":" << sqlWorst << ",\"keystroke_ms\":" << keyTotal / typed.size() << "}\n";
    }
    if (keep.empty())
        std::filesystem::remove_all(dir);
    return 0;
}
