// A generated 10,000-stage pipeline: parse + validate + plan against two same-run baselines:
// yaml-cpp's parse alone (the parser the loader used before libyaml, yaml_events.cpp), and
// naive quadratic out -> dep matching (every dep against every output, as a first
// implementation would). Target: parse + validate + plan <= 1 s.
// --status DIR then writes the pipeline and every dep and out into DIR (a scratch folder),
// records all stages as run in a lock, and times the all-cached status check: every stage's
// deps hashed, its outs hashed and compared with the lock, read from disk. Baseline in the same
// run: the same check hashing every file in full (no hash cache; Cairn before it had one).
// Target: all-cached status <= 1 s.
//   bench_pipeline [--stages 10000] [--write FILE.yaml] [--json FILE] [--status DIR]
#include "engine/pipeline/cache_key.h"
#include "engine/pipeline/validate.h"

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

using namespace cairn::pipeline;
using Clock = std::chrono::steady_clock;

static double ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

// shards: one foreach of S stages; chains: C chains of L stages, each link also reading one
// shard; aggregates: fan-in stages reading 8 chain outputs and one chain folder.
static std::string generate(int stages, int& expected)
{
    const int shards = stages / 10;
    const int aggregates = stages / 10;
    const int chainLen = 80;
    const int chains = (stages - shards - aggregates) / chainLen;
    expected = shards + chains * chainLen + aggregates;
    std::string y = "vars:\n  - shards: [";
    for (int i = 0; i < shards; ++i)
        y += (i ? ", " : "") + std::string("s") + std::to_string(i);
    y += "]\n    tool: python tools/run.py\nstages:\n";
    y += "  shard:\n    foreach: ${shards}\n    do:\n      cmd: ${tool} split ${item} --lr ${train.lr}\n"
         "      deps: [\"raw/${item}.csv\"]\n      outs: [\"shards/${item}.csv\"]\n      params: [train.lr]\n";
    for (int c = 0; c < chains; ++c) {
        for (int k = 0; k < chainLen; ++k) {
            const std::string name = "c" + std::to_string(c) + "_" + std::to_string(k);
            y += "  " + name + ":\n    cmd: ${tool} step " + name + " --epochs ${train.epochs}\n    deps:\n";
            if (k > 0)
                y += "      - chains/c" + std::to_string(c) + "/" + std::to_string(k - 1) + ".bin\n";
            y += "      - shards/s" + std::to_string((c * chainLen + k) % shards) + ".csv\n";
            y += "    outs:\n      - chains/c" + std::to_string(c) + "/" + std::to_string(k) + ".bin\n";
            y += "    params: [train.epochs]\n";
        }
    }
    for (int a = 0; a < aggregates; ++a) {
        y += "  agg" + std::to_string(a) + ":\n    cmd: ${tool} agg " + std::to_string(a) + "\n    deps:\n";
        for (int j = 0; j < 8; ++j)
            y += "      - chains/c" + std::to_string((a + j * 7) % chains) + "/" + std::to_string((a * 13 + j) % chainLen) + ".bin\n";
        y += "      - chains/c" + std::to_string(a % chains) + "\n";
        y += "    metrics:\n      - reports/agg" + std::to_string(a) + ".json:\n          cache: false\n";
    }
    return y;
}

// The first implementation anyone writes: every dep against every output.
static std::size_t naiveEdges(const PipelineSpec& spec)
{
    std::vector<std::pair<std::string, int>> outs;
    for (int s = 0; s < static_cast<int>(spec.stages.size()); ++s)
        for (const auto& o : spec.stages[static_cast<std::size_t>(s)].outs)
            outs.emplace_back(stagePath(spec.stages[static_cast<std::size_t>(s)], o.path), s);
    std::size_t edges = 0;
    for (int v = 0; v < static_cast<int>(spec.stages.size()); ++v) {
        std::vector<int> from;
        for (const auto& d : spec.stages[static_cast<std::size_t>(v)].deps) {
            const std::string p = stagePath(spec.stages[static_cast<std::size_t>(v)], d.path);
            for (const auto& [out, s] : outs) {
                const bool linked = out == p || (p.size() > out.size() && p.compare(0, out.size(), out) == 0 && p[out.size()] == '/')
                                    || (out.size() > p.size() && out.compare(0, p.size(), p) == 0 && out[p.size()] == '/');
                if (linked && std::find(from.begin(), from.end(), s) == from.end())
                    from.push_back(s);
            }
        }
        edges += from.size();
    }
    return edges;
}

// One status pass over every stage, as `cairn pipeline status` makes it; the number outdated.
static std::size_t statusPass(const CheckedPipeline& c, const LockFile& lock, FileHashCache* cache)
{
    HashMemo memo;
    memo.files = cache;
    std::size_t outdated = 0;
    for (int s : c.dag.order()) {
        const Stage& st = c.spec.stages[static_cast<std::size_t>(s)];
        const StageState now = computeStageState(c.spec, st, &memo);
        auto it = lock.stages.find(st.name);
        outdated += !outdatedReasons(st, now, hashOutputs(c.spec, st, &memo), it == lock.stages.end() ? nullptr : &it->second).empty();
    }
    return outdated;
}

static int benchStatus(const std::string& text, const std::filesystem::path& dir)
{
    namespace fs = std::filesystem;
    fs::create_directories(dir);
    std::ofstream(dir / "bench.yaml") << text;
    std::ofstream(dir / "params.yaml") << "train: {lr: 0.01, epochs: 10}\n";
    DiskFiles disk;
    auto tl0 = Clock::now();
    CheckedPipeline c = checkPipeline((dir / "bench.yaml").string(), disk);
    auto tl1 = Clock::now();
    // Every dep and out on disk (a few hundred bytes each), then all of them a minute old.
    std::size_t files = 0;
    auto put = [&](const fs::path& p) {
        if (fs::exists(p))
            return;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << std::string(200 + files % 300, static_cast<char>('a' + files % 26));
        fs::last_write_time(p, fs::file_time_type::clock::now() - std::chrono::seconds(60));
        ++files;
    };
    for (const Stage& st : c.spec.stages) {
        for (const auto& o : st.outs)
            put(dir / stagePath(st, o.path));
    }
    for (const Stage& st : c.spec.stages)
        for (const auto& d : st.deps)
            if (!fs::is_directory(dir / stagePath(st, d.path)))
                put(dir / stagePath(st, d.path));
    LockFile lock;
    {
        HashMemo memo;
        for (const Stage& st : c.spec.stages) {
            StageState s = computeStageState(c.spec, st, &memo);
            s.outs = hashOutputs(c.spec, st, &memo);
            lock.stages[st.name] = std::move(s);
        }
    }
    // The lock where `cairn pipeline status DIR/bench.yaml` reads it, so the CLI can be timed too.
    if (auto st = writeLock(lockPathFor(dir, (dir / "bench.yaml").string()), lock); !st) {
        std::fprintf(stderr, "%s\n", st.message().c_str());
        return 1;
    }
    const fs::path cacheFile = FileHashCache::pathFor(dir);
    fs::remove(cacheFile);
    // Baseline: hashing every file in full.
    auto t0 = Clock::now();
    const std::size_t outdatedFull = statusPass(c, lock, nullptr);
    auto t1 = Clock::now();
    // First status with the cache: hashes everything and remembers it.
    {
        FileHashCache cache(cacheFile);
        statusPass(c, lock, &cache);
        (void)cache.save(cacheFile);
    }
    // The all-cached check as `pipeline status` runs it: load the cache, stat, compare, save.
    auto t2 = Clock::now();
    FileHashCache cache(cacheFile);
    auto t3 = Clock::now();
    const std::size_t outdatedCached = statusPass(c, lock, &cache);
    (void)cache.save(cacheFile);
    auto t5 = Clock::now();
    const double load = ms(tl0, tl1), full = ms(t0, t1), cached = ms(t2, t5);
    std::printf("status: %zu stages, %zu files on disk, outdated %zu (full) / %zu (cached), %zu cache hits\n", c.spec.stages.size(),
                files, outdatedFull, outdatedCached, cache.hits());
    std::printf("%-44s %10.1f\n", "load + validate from disk", load);
    std::printf("%-44s %10.1f\n", "status check, every file hashed (baseline)", full);
    std::printf("%-44s %10.1f  (%.1fx faster; cache load %.1f ms)\n", "status check with the hash cache", cached,
                full / std::max(0.001, cached), ms(t2, t3));
    std::printf("%-44s %10.1f  (target <= 1000)\n", "all-cached status: load + validate + check", load + cached);
    std::printf("the same by the CLI: cd %s && time cairn pipeline status bench.yaml\n", dir.string().c_str());
    return outdatedFull == 0 && outdatedCached == 0 ? 0 : 1;
}

int main(int argc, char** argv)
{
    int stages = 10000;
    std::string writeTo, jsonTo, statusDir;
    for (int i = 1; i + 1 < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--stages")
            stages = std::atoi(argv[++i]);
        else if (a == "--write")
            writeTo = argv[++i];
        else if (a == "--json")
            jsonTo = argv[++i];
        else if (a == "--status")
            statusDir = argv[++i];
    }
    int expected = 0;
    const std::string text = generate(stages, expected);
    if (!writeTo.empty()) {
        std::ofstream(writeTo) << text;
        std::ofstream(std::filesystem::path(writeTo).parent_path() / "params.yaml") << "train: {lr: 0.01, epochs: 10}\n";
    }
    MemoryFiles files;
    files.add("/bench/params.yaml", "train: {lr: 0.01, epochs: 10}\n");
    files.add("/bench/tools/run.py", "");

    auto t0 = Clock::now();
    YAML::Node floor = YAML::Load(text);
    auto t1 = Clock::now();
    LoadResult loaded = loadPipelineText(text, "bench.yaml", "/bench", files);
    auto t2 = Clock::now();
    Dag dag = Dag::build(loaded.spec);
    Diagnostics diags = loaded.diagnostics;
    validate(loaded.spec, dag, files, diags);
    auto t3 = Clock::now();
    const auto fromFirst = dag.downstream({0});
    const auto toLast = dag.upstream({static_cast<int>(loaded.spec.stages.size()) - 1});
    auto t4 = Clock::now();
    const std::size_t naive = naiveEdges(loaded.spec);
    auto t5 = Clock::now();

    const bool ok = static_cast<int>(loaded.spec.stages.size()) == expected && !diags.hasErrors() && dag.acyclic()
                    && naive == dag.edges().size() && floor.IsMap();
    const double total = ms(t1, t4);
    std::printf("bench_pipeline: %zu stages (%d expected), %zu edges, %zu levels, %zu bytes of YAML, %zu errors, %zu warnings\n",
                loaded.spec.stages.size(), expected, dag.edges().size(), dag.levels().size(), text.size(), diags.errorCount(),
                diags.warningCount());
    std::printf("%-44s %10s\n", "step", "ms");
    std::printf("%-44s %10.1f\n", "yaml-cpp parse alone (the parser before)", ms(t0, t1));
    std::printf("%-44s %10.1f\n", "load: parse + vars + foreach + fields", ms(t1, t2));
    std::printf("%-44s %10.1f\n", "validate: DAG (indexed) + params + deps", ms(t2, t3));
    std::printf("%-44s %10.1f\n", "plan: downstream(first) + upstream(last)", ms(t3, t4));
    std::printf("%-44s %10.1f  (target <= 1000)\n", "parse + validate + plan", total);
    std::printf("%-44s %10.1f  (%.0fx the indexed DAG)\n", "naive quadratic out->dep matching (baseline)", ms(t4, t5),
                ms(t4, t5) / std::max(0.001, ms(t2, t3)));
    std::printf("plans: %zu stages from the first, %zu needed by the last; edges agree with the naive matcher: %s\n",
                fromFirst.size(), toLast.size(), naive == dag.edges().size() ? "yes" : "NO");
    if (!jsonTo.empty())
        std::ofstream(jsonTo) << "{\"bench\":\"pipeline\",\"stages\":" << loaded.spec.stages.size() << ",\"yaml_parse_ms\":" << ms(t0, t1)
                              << ",\"load_ms\":" << ms(t1, t2) << ",\"validate_ms\":" << ms(t2, t3) << ",\"plan_ms\":" << ms(t3, t4)
                              << ",\"total_ms\":" << total << ",\"naive_match_ms\":" << ms(t4, t5) << "}\n";
    if (!ok) {
        for (std::size_t i = 0; i < diags.list().size() && i < 10; ++i)
            std::printf("%s\n", formatDiagnostic(diags.list()[i]).c_str());
        return 1;
    }
    return statusDir.empty() ? 0 : benchStatus(text, statusDir);
}
