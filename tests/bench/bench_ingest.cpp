// Ingestion throughput: a child prints N metric lines through `cairn run`, against raw
// SQLite prepared inserts of the same rows into the same schema, measured in the same run.
#include "engine/store/schema.h"
#include "engine/store/store.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

static double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

static int sh(const std::string& cmd)
{
    int rc = std::system(cmd.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static double rawSqlite(const fs::path& db, long n)
{
    if (!cairn::schema::createAtVersion(db, cairn::schema::latestVersion()))
        std::exit(1);
    sqlite3* h = nullptr;
    sqlite3_open(db.c_str(), &h);
    sqlite3_exec(h, "PRAGMA synchronous=NORMAL; INSERT INTO experiments VALUES(1,'b',0);"
                    "INSERT INTO runs(seq,id,name,experiment_id,status) VALUES(1,'r','r',1,'running');"
                    "INSERT INTO metric_keys VALUES(1,'loss');", nullptr, nullptr, nullptr);
    auto t0 = Clock::now();
    sqlite3_exec(h, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, "INSERT INTO metric_points(run,key,step,ts_ms,value) VALUES(1,1,?,?,?)", -1, &st, nullptr);
    for (long i = 0; i < n; ++i) {
        sqlite3_bind_int64(st, 1, i);
        sqlite3_bind_int64(st, 2, 1700000000000 + i);
        sqlite3_bind_double(st, 3, 1.0 / static_cast<double>(i + 1));
        sqlite3_step(st);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr);
    double s = seconds(t0, Clock::now());
    sqlite3_close(h);
    return s;
}

int main(int argc, char** argv)
{
    long n = 1000000;
    std::string json;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--points" && i + 1 < argc)
            n = std::atol(argv[++i]);
        else if (a == "--json" && i + 1 < argc)
            json = argv[++i];
    }
    fs::path dir = fs::temp_directory_path() / ("cairn-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);

    double raw = rawSqlite(dir / "raw.db", n);

    auto t0 = Clock::now();
    sh(std::string(EMIT_BIN) + " " + std::to_string(n) + " > /dev/null");
    double emitOnly = seconds(t0, Clock::now());

    fs::path project = dir / "proj";
    if (sh(std::string(CAIRN_BIN) + " init " + project.string() + " > /dev/null") != 0)
        return 1;
    t0 = Clock::now();
    int rc = sh(std::string(CAIRN_BIN) + " --project " + project.string() + " run --quiet -- " + EMIT_BIN + " "
                + std::to_string(n) + " 2> /dev/null");
    double viaCairn = seconds(t0, Clock::now());

    auto store = cairn::Store::open(project / "cairn.db", cairn::Store::Mode::ReadOnly);
    long stored = -1;
    if (store) {
        auto runs = (*store)->runs();
        if (runs && !runs->empty())
            stored = static_cast<long>(*(*store)->metricCount(runs->front().run.id, "loss"));
    }
    fs::remove_all(dir);

    double rawRate = static_cast<double>(n) / raw, cairnRate = static_cast<double>(n) / viaCairn;
    std::printf("ingest: %ld metric lines from a child process\n", n);
    std::printf("  %-44s %8.3f s  %12.0f points/s\n", "baseline: raw SQLite prepared inserts", raw, rawRate);
    std::printf("  %-44s %8.3f s  %12.0f lines/s\n", "child alone, stdout to /dev/null", emitOnly, static_cast<double>(n) / emitOnly);
    std::printf("  %-44s %8.3f s  %12.0f points/s\n", "cairn run (parse, log, tee off, store)", viaCairn, cairnRate);
    std::printf("  ratio cairn run / raw SQLite: %.2f   stored %ld of %ld points, exit %d\n", cairnRate / rawRate, stored, n, rc);
    std::printf("  floors: 200000 points/s (foundation) -> %s, 500000 points/s and >= 0.5 x raw (engine) -> %s\n",
                cairnRate >= 200000 ? "met" : "NOT met", cairnRate >= 500000 && cairnRate >= 0.5 * rawRate ? "met" : "NOT met");
    if (!json.empty()) {
        std::ofstream out(json);
        out << "{\"ingest\": {\"points\": " << n << ", \"raw_sqlite_s\": " << raw << ", \"child_only_s\": " << emitOnly
            << ", \"cairn_run_s\": " << viaCairn << ", \"cairn_points_per_s\": " << cairnRate
            << ", \"raw_points_per_s\": " << rawRate << ", \"ratio\": " << cairnRate / rawRate << ", \"stored\": " << stored
            << "}}\n";
    }
    return stored == n && rc == 0 ? 0 : 1;
}
