// Store: the lineage graph. run_artifacts holds one row per (run, version, direction); the walk
// is a breadth-first search with a visited set, one indexed lookup per node (the primary key
// for a run's versions, run_artifacts_by_version for a version's runs), so it stays linear in
// the nodes it reaches and ends on cycles (a run that reads and writes the same content).
#include "engine/store/store.h"

#include "engine/store/database.h"

#include <deque>
#include <set>
#include <unordered_map>

namespace cairn {

Status Store::linkRunArtifact(const std::string& runId, std::int64_t versionId, const std::string& direction)
{
    if (direction != "input" && direction != "output")
        return makeError("direction must be input or output, not '" + direction + "'");
    auto seq = runRowId(runId);
    if (!seq)
        return seq.error();
    auto st = m_db->prepare("INSERT OR IGNORE INTO run_artifacts(run, version, direction) VALUES(?, ?, ?)");
    if (!st)
        return st.error();
    st->bind(1, *seq).bind(2, versionId).bind(3, direction);
    return st->run();
}

Result<LineageGraph> Store::lineage(const std::string& startRunId, std::int64_t startVersionId, bool upstream, bool downstream,
                                    int maxDepth)
{
    auto runsOfVersion = m_db->prepare("SELECT run FROM run_artifacts WHERE version = ? AND direction = ?");
    auto versionsOfRun = m_db->prepare("SELECT version FROM run_artifacts WHERE run = ? AND direction = ?");
    auto runRow = m_db->prepare("SELECT id, name, status FROM runs WHERE seq = ?");
    auto versionRow = m_db->prepare("SELECT a.name, a.type, v.version, v.hash FROM artifact_versions v "
                                    "JOIN artifacts a ON a.id = v.artifact WHERE v.id = ?");
    for (auto* st : {&runsOfVersion, &versionsOfRun, &runRow, &versionRow})
        if (!*st)
            return st->error();

    LineageGraph graph;
    // Node keys: (isRun, rowId) -> index in graph.nodes.
    std::map<std::pair<bool, std::int64_t>, std::size_t> index;
    auto node = [&](bool isRun, std::int64_t rowId, int depth) -> Result<std::size_t> {
        if (auto it = index.find({isRun, rowId}); it != index.end())
            return it->second;
        LineageNode n;
        n.isRun = isRun;
        n.rowId = rowId;
        n.depth = depth;
        Statement& st = isRun ? *runRow : *versionRow;
        st.reset();
        st.bind(1, rowId);
        if (auto s = firstRow(st, isRun ? "run vanished" : "artifact version vanished"); !s)
            return s.error();
        if (isRun) {
            n.id = st.text(0);
            n.name = st.text(1);
            n.detail = st.text(2);
        } else {
            n.name = st.text(0);
            n.detail = st.text(1);
            n.version = st.int64(2);
            n.hash = st.text(3);
            n.id = n.name + ":" + std::to_string(n.version);
        }
        st.reset();
        graph.nodes.push_back(std::move(n));
        return index[{isRun, rowId}] = graph.nodes.size() - 1;
    };

    std::pair<bool, std::int64_t> start;
    if (!startRunId.empty()) {
        auto seq = runRowId(startRunId);
        if (!seq)
            return seq.error();
        start = {true, *seq};
    } else {
        start = {false, startVersionId};
    }
    if (auto s = node(start.first, start.second, 0); !s)
        return s.error();

    std::set<std::tuple<std::size_t, std::size_t>> edgeSeen;
    for (int pass = 0; pass < 2; ++pass) {
        const bool up = pass == 0;
        if ((up && !upstream) || (!up && !downstream))
            continue;
        std::set<std::pair<bool, std::int64_t>> visited{start};
        std::deque<std::pair<std::pair<bool, std::int64_t>, int>> queue{{start, 0}};
        while (!queue.empty()) {
            auto [at, depth] = queue.front();
            queue.pop_front();
            if (maxDepth >= 0 && depth >= maxDepth)
                continue;
            const bool isRun = at.first;
            // Upstream: a version's producing runs, a run's inputs. Downstream: a version's
            // readers, a run's outputs.
            const char* direction = isRun ? (up ? "input" : "output") : (up ? "output" : "input");
            Statement& st = isRun ? *versionsOfRun : *runsOfVersion;
            st.reset();
            st.bind(1, at.second).bind(2, std::string_view(direction));
            std::vector<std::int64_t> next;
            if (auto s = forEachRow(st, [&](const Statement& r) { next.push_back(r.int64(0)); }); !s)
                return s.error();
            st.reset();
            const std::size_t from = index.at(at);
            for (std::int64_t id : next) {
                const std::pair<bool, std::int64_t> key{!isRun, id};
                auto to = node(key.first, key.second, depth + 1);
                if (!to)
                    return to.error();
                // Edges point the way data flows: version -> run (input), run -> version (output).
                const bool versionToRun = std::string_view(direction) == "input";
                std::size_t a = from, b = *to;
                if (versionToRun == isRun)
                    std::swap(a, b);
                if (edgeSeen.insert({a, b}).second)
                    graph.edges.push_back({graph.nodes[a].id, graph.nodes[b].id, direction});
                if (visited.insert(key).second)
                    queue.push_back({key, depth + 1});
            }
        }
    }
    return graph;
}

Result<LineageGraph> Store::lineageAll()
{
    auto links = m_db->prepare("SELECT ra.run, ra.version, ra.direction, r.id, r.name, r.status, a.name, a.type, v.version, v.hash "
                               "FROM run_artifacts ra JOIN runs r ON r.seq = ra.run JOIN artifact_versions v ON v.id = ra.version "
                               "JOIN artifacts a ON a.id = v.artifact ORDER BY ra.run, ra.version");
    if (!links)
        return links.error();
    LineageGraph graph;
    std::unordered_map<std::int64_t, std::size_t> runs, versions;
    std::set<std::pair<std::string, std::string>> edges;
    auto s = forEachRow(*links, [&](const Statement& r) {
        const std::int64_t runSeq = r.int64(0), versionId = r.int64(1);
        if (!runs.count(runSeq)) {
            LineageNode n;
            n.isRun = true;
            n.rowId = runSeq;
            n.id = r.text(3);
            n.name = r.text(4);
            n.detail = r.text(5);
            runs[runSeq] = graph.nodes.size();
            graph.nodes.push_back(std::move(n));
        }
        if (!versions.count(versionId)) {
            LineageNode n;
            n.rowId = versionId;
            n.name = r.text(6);
            n.detail = r.text(7);
            n.version = r.int64(8);
            n.hash = r.text(9);
            n.id = n.name + ":" + std::to_string(n.version);
            versions[versionId] = graph.nodes.size();
            graph.nodes.push_back(std::move(n));
        }
        const std::string direction = r.text(2);
        const std::string& run = graph.nodes[runs[runSeq]].id;
        const std::string& version = graph.nodes[versions[versionId]].id;
        const bool input = direction == "input";
        if (edges.insert(input ? std::pair{version, run} : std::pair{run, version}).second)
            graph.edges.push_back({input ? version : run, input ? run : version, direction});
    });
    if (!s)
        return s.error();
    return graph;
}

} // namespace cairn
