// `cairn pipeline status`: which stages are outdated and why, like `dvc status`: the
// workspace (deps hashed, params read) against the lock file `pipeline run` writes.
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/pipeline_cli.h"
#include "engine/pipeline/cache_key.h"
#include "engine/pipeline/validate.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>

using nlohmann::ordered_json;

namespace cairn::cli {

namespace pl = cairn::pipeline;
using pipeline_cli::plural;
using pipeline_cli::projectRootFor;
using pipeline_cli::readable;

int pipelineStatusCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("pipeline status");
    args.positional("FILE", "pipelines/NAME.yaml or a dvc.yaml")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "pipeline status", s.message());
    if (args.helpRequested()) {
        ctx.out << "Show which stages are outdated and why (like dvc status).\n" << args.usage();
        return kExitOk;
    }
    const std::string file = args.positionalValue("FILE");
    if (!readable(file, ctx, "status"))
        return kExitUsage;
    pl::DiskFiles disk;
    pl::CheckedPipeline c = pl::checkPipeline(file, disk);
    if (c.diagnostics.hasErrors()) {
        for (const auto& d : c.diagnostics.list())
            if (d.severity == pl::Severity::Error)
                ctx.err << pl::formatDiagnostic(d) << "\n";
        ctx.err << "cairn pipeline status: " << file << " has " << plural(c.diagnostics.errorCount(), "error") << "\n";
        return kExitFailure;
    }
    auto lockRead = pl::readLock(pl::lockPathFor(projectRootFor(c.spec, ctx), file));
    if (!lockRead) {
        ctx.err << "cairn pipeline status: " << lockRead.message() << "\n";
        return kExitFailure;
    }
    const auto& stages = c.spec.stages;
    std::vector<std::vector<std::string>> reasons(stages.size());
    std::vector<char> outdated(stages.size(), 0);
    const std::filesystem::path cacheFile = pl::FileHashCache::pathFor(projectRootFor(c.spec, ctx));
    pl::FileHashCache hashCache(cacheFile);
    pl::HashMemo memo;
    memo.files = &hashCache;
    for (int s : c.dag.order()) {
        const auto& st = stages[static_cast<std::size_t>(s)];
        const pl::StageState now = pl::computeStageState(c.spec, st, &memo);
        auto it = lockRead->stages.find(st.name);
        auto& why = reasons[static_cast<std::size_t>(s)];
        why = pl::outdatedReasons(st, now, pl::hashOutputs(c.spec, st, &memo), it == lockRead->stages.end() ? nullptr : &it->second);
        if (!st.frozen) {
            for (int e : c.dag.predecessors(s)) {
                const int p = c.dag.edge(e).from;
                const std::string up = "upstream '" + stages[static_cast<std::size_t>(p)].name + "' outdated";
                if (outdated[static_cast<std::size_t>(p)] && std::find(why.begin(), why.end(), up) == why.end())
                    why.push_back(up);
            }
        }
        outdated[static_cast<std::size_t>(s)] = !why.empty();
    }
    (void)hashCache.save(cacheFile);  // only a cache: a read-only project just hashes again next time
    const std::size_t n = static_cast<std::size_t>(std::count(outdated.begin(), outdated.end(), 1));
    if (args.get("format", "text") == "json") {
        ordered_json out{{"file", file}, {"outdated", n}, {"stages", ordered_json::array()}};
        for (int s : c.dag.order())
            out["stages"].push_back({{"stage", stages[static_cast<std::size_t>(s)].name},
                                     {"state", outdated[static_cast<std::size_t>(s)] ? "changed" : "up-to-date"},
                                     {"reasons", reasons[static_cast<std::size_t>(s)]}});
        ctx.out << out.dump(2) << "\n";
        return kExitOk;
    }
    TextTable table({"stage", "state", "why"});
    for (int s : c.dag.order()) {
        std::string why;
        for (const auto& r : reasons[static_cast<std::size_t>(s)])
            why += (why.empty() ? "" : "; ") + r;
        table.add({stages[static_cast<std::size_t>(s)].name, outdated[static_cast<std::size_t>(s)] ? "changed" : "up-to-date",
                   why.empty() ? "-" : why});
    }
    table.print(ctx.out);
    ctx.out << (n == 0 ? std::string("pipeline is up to date") : plural(n, "stage") + " of " + std::to_string(stages.size()) + " outdated")
            << "\n";
    return kExitOk;
}

} // namespace cairn::cli
