// bench_drift: Cairn's drift over 356,000 rows x 100 columns (reference vs current), the size of
// the public Evidently report (~23 minutes). Prints compute time (columns in memory, threads
// across columns) and end-to-end time (CSV files read and parsed, then drift).
// Unless --evidently-rows 0, it also times Evidently (the reference venv of tests/reference) in
// the same run, on the same files: all rows by default (about a minute), or the first N rows of
// both files with --evidently-rows N, with Cairn timed on that slice too.
// Usage: bench_drift [--rows N] [--cols N] [--threads N] [--json FILE] [--keep DIR] [--evidently-rows N]
#include "tests/common/test_rng.h"
#include "engine/analysis/drift.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <cstdlib>
#include <fstream>
#include <string>

using namespace cairn::analysis;

namespace {

using cairn::testing::Rng;

Table makeTable(std::size_t rows, std::size_t cols, bool current, std::uint64_t seed)
{
    Table t;
    t.rows = rows;
    Rng rng{seed};
    for (std::size_t c = 0; c < cols; ++c) {
        Column col;
        col.name = "f" + std::to_string(c);
        col.num.resize(rows);
        const double shift = current && c % 3 == 0 ? 0.2 : 0.0;  // a third of the columns drift
        for (auto& v : col.num)
            v = c % 10 == 9 ? std::floor(rng.uniform() * 4) : rng.normal() + shift;  // every tenth: 4 values
        t.columns.push_back(std::move(col));
    }
    return t;
}

void writeCsv(const Table& t, const std::string& path)
{
    std::FILE* f = std::fopen(path.c_str(), "wb");
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        std::fprintf(f, "%s%s", c ? "," : "", t.columns[c].name.c_str());
    std::fputc('\n', f);
    for (std::size_t r = 0; r < t.rows; ++r) {
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            std::fprintf(f, "%s%.6g", c ? "," : "", t.columns[c].num[r]);
        std::fputc('\n', f);
    }
    std::fclose(f);
}

double seconds(std::chrono::steady_clock::time_point a) { return std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count(); }

} // namespace

int main(int argc, char** argv)
{
    std::size_t rows = 356000, cols = 100;
    unsigned threads = 0;
    std::string json, keep;
    std::size_t evidentlyRows = std::size_t(-1);  // all rows
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--rows")) rows = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--cols")) cols = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--threads")) threads = static_cast<unsigned>(std::stoul(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--json")) json = argv[i + 1];
        else if (!std::strcmp(argv[i], "--keep")) keep = argv[i + 1];
        else if (!std::strcmp(argv[i], "--evidently-rows")) evidentlyRows = std::stoul(argv[i + 1]);
    }
    std::printf("bench_drift: %zu rows x %zu columns, reference vs current\n", rows, cols);
    Table ref = makeTable(rows, cols, false, 1), cur = makeTable(rows, cols, true, 2);
    std::vector<std::string> names = ref.names();
    DriftOptions opt;
    opt.threads = threads;
    auto t0 = std::chrono::steady_clock::now();
    auto report = computeDrift(ref, cur, names, opt);
    const double compute = seconds(t0);
    if (!report) {
        std::fprintf(stderr, "%s\n", report.message().c_str());
        return 1;
    }
    const std::string dir = keep.empty() ? (std::filesystem::temp_directory_path() / "cairn-bench-drift").string() : keep;
    std::filesystem::create_directories(dir);
    writeCsv(ref, dir + "/ref.csv");
    writeCsv(cur, dir + "/cur.csv");
    ref = {};
    cur = {};
    t0 = std::chrono::steady_clock::now();
    auto inputs = loadDriftInputs(dir + "/ref.csv", dir + "/cur.csv", {}, opt);
    const double load = seconds(t0);
    if (!inputs) {
        std::fprintf(stderr, "%s\n", inputs.message().c_str());
        return 1;
    }
    auto t1 = std::chrono::steady_clock::now();
    auto again = computeDrift(inputs->ref, inputs->cur, inputs->columns, opt);
    const double compute2 = seconds(t1);
    const double endToEnd = seconds(t0);
    // Evidently in the same run: on the whole files, or on a slice of both (and Cairn on it too).
    evidentlyRows = std::min(evidentlyRows, rows);
    double evidentlyTotal = -1, evidentlyRead = -1, cairnOnSlice = endToEnd;
    std::string refFile = dir + "/ref.csv", curFile = dir + "/cur.csv";
    if (evidentlyRows > 0 && evidentlyRows < rows) {
        for (const char* name : {"ref", "cur"}) {
            std::ifstream in(dir + "/" + name + ".csv");
            std::ofstream out(dir + "/" + name + "-slice.csv");
            std::string line;
            for (std::size_t r = 0; r <= evidentlyRows && std::getline(in, line); ++r)
                out << line << "\n";
        }
        refFile = dir + "/ref-slice.csv";
        curFile = dir + "/cur-slice.csv";
        const auto c0 = std::chrono::steady_clock::now();
        auto sl = loadDriftInputs(refFile, curFile, {}, opt);
        if (sl)
            (void)computeDrift(sl->ref, sl->cur, sl->columns, opt);
        cairnOnSlice = seconds(c0);
    }
    if (evidentlyRows > 0) {
        const std::string cmd = "py=$(bash " CAIRN_REFERENCE_DIR "/reference_venv.sh | tail -n 1) && \"$py\" " CAIRN_REFERENCE_DIR
                                "/evidently_time.py " + refFile + " " + curFile;
        if (std::FILE* p = ::popen(cmd.c_str(), "r")) {
            char buf[256] = {0};
            if (std::fgets(buf, sizeof buf, p) && std::sscanf(buf, "%lf %lf", &evidentlyTotal, &evidentlyRead) != 2)
                evidentlyTotal = -1;
            ::pclose(p);
        }
    }
    if (keep.empty())
        std::filesystem::remove_all(dir);
    std::printf("%-34s %10s\n", "step", "seconds");
    std::printf("%-34s %10.3f\n", "drift, columns in memory", compute);
    std::printf("%-34s %10.3f\n", "read + parse both CSV files", load);
    std::printf("%-34s %10.3f\n", "drift after loading", compute2);
    std::printf("%-34s %10.3f\n", "end to end (CSV -> report)", endToEnd);
    std::printf("drifted columns: %zu of %zu (dataset drift: %s)\n", report->driftedColumns, report->columns.size(),
                report->datasetDrift ? "yes" : "no");
    if (rows == 356000 && cols == 100)
        std::printf("public report: Evidently ~1380 s on this size; Cairn end to end is %.0fx faster\n", 1380.0 / endToEnd);
    if (evidentlyTotal > 0) {
        const bool slice = evidentlyRows < rows;
        std::printf("same run, same files (%zu rows%s):\n", evidentlyRows, slice ? ", a slice of both" : "");
        std::printf("  %-30s %10s %10s %8s\n", "", "Evidently", "Cairn", "ratio");
        std::printf("  %-30s %10.2f %10.3f %7.1fx\n", "end to end (CSV -> report)", evidentlyTotal, cairnOnSlice,
                    evidentlyTotal / cairnOnSlice);
        if (!slice) {
            std::printf("  %-30s %10.2f %10.3f %7.1fx\n", "read both CSV files", evidentlyRead, load, evidentlyRead / load);
            std::printf("  %-30s %10.2f %10.3f %7.1fx\n", "drift on loaded columns", evidentlyTotal - evidentlyRead, compute2,
                        (evidentlyTotal - evidentlyRead) / compute2);
        } else {
            const double scaled = evidentlyTotal * double(rows) / double(evidentlyRows);
            std::printf("Evidently scaled linearly to %zu rows: %.0f s; Cairn end to end %.2f s: %.0fx faster\n", rows, scaled,
                        endToEnd, scaled / endToEnd);
        }
    } else if (evidentlyRows > 0) {
        std::printf("Evidently could not be run (no reference venv: see tests/reference/reference_venv.sh)\n");
    }
    if (!json.empty())
        std::ofstream(json) << "{\"bench\":\"drift\",\"rows\":" << rows << ",\"cols\":" << cols << ",\"compute_s\":" << compute
                            << ",\"load_s\":" << load << ",\"end_to_end_s\":" << endToEnd << ",\"evidently_rows\":" << evidentlyRows
                            << ",\"evidently_s\":" << evidentlyTotal << "}\n";
    return 0;
}
