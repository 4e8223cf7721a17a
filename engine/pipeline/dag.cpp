#include "engine/pipeline/dag.h"

#include <algorithm>
#include <unordered_map>

namespace cairn::pipeline {
namespace {

// "a/b/c" -> "a/b"; "" when there is no parent left.
std::string_view parentOf(std::string_view p)
{
    const auto slash = p.rfind('/');
    if (slash == std::string_view::npos || slash == 0)
        return {};
    return p.substr(0, slash);
}

void buildCsr(int n, const std::vector<Edge>& edges, bool byFrom, std::vector<int>& start, std::vector<int>& list)
{
    start.assign(static_cast<std::size_t>(n) + 1, 0);
    for (const auto& e : edges)
        ++start[static_cast<std::size_t>(byFrom ? e.from : e.to) + 1];
    for (int i = 0; i < n; ++i)
        start[static_cast<std::size_t>(i) + 1] += start[static_cast<std::size_t>(i)];
    list.assign(edges.size(), 0);
    std::vector<int> fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < edges.size(); ++i)
        list[static_cast<std::size_t>(fill[static_cast<std::size_t>(byFrom ? edges[i].from : edges[i].to)]++)] = static_cast<int>(i);
}

} // namespace

Dag Dag::build(const PipelineSpec& spec)
{
    Dag d;
    const int n = static_cast<int>(spec.stages.size());
    d.m_size = n;

    // Every output by its path relative to the pipeline root.
    std::unordered_map<std::string, OutputRef> byPath;
    byPath.reserve(spec.stages.size() * 2);
    for (int s = 0; s < n; ++s) {
        const Stage& stage = spec.stages[static_cast<std::size_t>(s)];
        for (int o = 0; o < static_cast<int>(stage.outs.size()); ++o) {
            std::string p = stagePath(stage, stage.outs[static_cast<std::size_t>(o)].path);
            auto [it, fresh] = byPath.emplace(p, OutputRef{s, o});
            if (!fresh) {
                if (it->second.stage != s)  // twice in one stage is a field error already
                    d.m_conflicts.push_back({OutputConflict::Kind::Duplicate, it->second, {s, o}});
                continue;
            }
            d.m_outputs.emplace_back(std::move(p), OutputRef{s, o});
        }
    }
    std::sort(d.m_outputs.begin(), d.m_outputs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    // An output inside another output's folder: walk each path's parents.
    for (const auto& [path, ref] : d.m_outputs) {
        for (std::string_view up = parentOf(path); !up.empty(); up = parentOf(up)) {
            auto it = byPath.find(std::string(up));
            if (it != byPath.end()) {
                d.m_conflicts.push_back({OutputConflict::Kind::Overlap, it->second, ref});
                break;
            }
        }
    }

    // Edges: producers of each dep, exact, by a parent folder, or inside a dep folder.
    for (int v = 0; v < n; ++v) {
        const Stage& stage = spec.stages[static_cast<std::size_t>(v)];
        const std::size_t firstEdge = d.m_edges.size();
        for (int j = 0; j < static_cast<int>(stage.deps.size()); ++j) {
            const std::string p = stagePath(stage, stage.deps[static_cast<std::size_t>(j)].path);
            bool produced = false;
            auto link = [&](const OutputRef& ref) {
                d.m_edges.push_back({ref.stage, v, j, ref.out});
                produced = true;
            };
            if (auto it = byPath.find(p); it != byPath.end())
                link(it->second);
            for (std::string_view up = parentOf(p); !up.empty(); up = parentOf(up))
                if (auto it = byPath.find(std::string(up)); it != byPath.end())
                    link(it->second);
            const std::string prefix = p == "." ? std::string() : p + "/";
            auto it = std::lower_bound(d.m_outputs.begin(), d.m_outputs.end(), prefix,
                                       [](const auto& e, const std::string& key) { return e.first < key; });
            for (; it != d.m_outputs.end() && it->first.starts_with(prefix); ++it)
                link(it->second);
            if (!produced)
                d.m_external.emplace_back(v, j);
        }
        // One edge per producer for this stage: the first dep that links them.
        std::stable_sort(d.m_edges.begin() + static_cast<long>(firstEdge), d.m_edges.end(),
                         [](const Edge& a, const Edge& b) { return a.from < b.from; });
        d.m_edges.erase(std::unique(d.m_edges.begin() + static_cast<long>(firstEdge), d.m_edges.end(),
                                    [](const Edge& a, const Edge& b) { return a.from == b.from; }),
                        d.m_edges.end());
    }
    buildCsr(n, d.m_edges, true, d.m_outStart, d.m_outEdges);
    buildCsr(n, d.m_edges, false, d.m_inStart, d.m_inEdges);

    // Kahn's algorithm, one level at a time: a stage's level is its longest path from a source.
    std::vector<int> indegree(static_cast<std::size_t>(n), 0);
    for (const auto& e : d.m_edges)
        ++indegree[static_cast<std::size_t>(e.to)];
    d.m_level.assign(static_cast<std::size_t>(n), -1);
    std::vector<int> frontier;
    for (int s = 0; s < n; ++s)
        if (indegree[static_cast<std::size_t>(s)] == 0)
            frontier.push_back(s);
    while (!frontier.empty()) {
        std::sort(frontier.begin(), frontier.end());
        const int lvl = static_cast<int>(d.m_levels.size());
        std::vector<int> next;
        for (int s : frontier) {
            d.m_level[static_cast<std::size_t>(s)] = lvl;
            d.m_order.push_back(s);
            for (int e : d.successors(s)) {
                const int t = d.m_edges[static_cast<std::size_t>(e)].to;
                if (--indegree[static_cast<std::size_t>(t)] == 0)
                    next.push_back(t);
            }
        }
        d.m_levels.push_back(std::move(frontier));
        frontier = std::move(next);
    }
    d.m_rank.assign(static_cast<std::size_t>(n), -1);
    for (std::size_t i = 0; i < d.m_order.size(); ++i)
        d.m_rank[static_cast<std::size_t>(d.m_order[i])] = static_cast<int>(i);

    if (!d.acyclic()) {
        // Tarjan's strongly connected components over the stages Kahn could not order,
        // iteratively (a 10,000-stage chain would overflow a recursive one).
        std::vector<int> index(static_cast<std::size_t>(n), -1), low(static_cast<std::size_t>(n), 0), comp(static_cast<std::size_t>(n), -1);
        std::vector<char> onStack(static_cast<std::size_t>(n), 0);
        std::vector<int> stack;
        std::vector<std::vector<int>> groups;
        int counter = 0;
        struct Frame { int node; std::size_t next; };
        for (int root = 0; root < n; ++root) {
            if (d.m_rank[static_cast<std::size_t>(root)] >= 0 || index[static_cast<std::size_t>(root)] >= 0)
                continue;
            std::vector<Frame> call{{root, 0}};
            index[static_cast<std::size_t>(root)] = low[static_cast<std::size_t>(root)] = counter++;
            stack.push_back(root);
            onStack[static_cast<std::size_t>(root)] = 1;
            while (!call.empty()) {
                Frame& f = call.back();
                const std::vector<int> succ = d.successors(f.node);
                if (f.next < succ.size()) {
                    const int w = d.m_edges[static_cast<std::size_t>(succ[f.next++])].to;
                    if (d.m_rank[static_cast<std::size_t>(w)] >= 0)
                        continue;
                    if (index[static_cast<std::size_t>(w)] < 0) {
                        index[static_cast<std::size_t>(w)] = low[static_cast<std::size_t>(w)] = counter++;
                        stack.push_back(w);
                        onStack[static_cast<std::size_t>(w)] = 1;
                        call.push_back({w, 0});
                    } else if (onStack[static_cast<std::size_t>(w)]) {
                        low[static_cast<std::size_t>(f.node)] = std::min(low[static_cast<std::size_t>(f.node)], index[static_cast<std::size_t>(w)]);
                    }
                    continue;
                }
                const int v = f.node;
                call.pop_back();
                if (!call.empty())
                    low[static_cast<std::size_t>(call.back().node)] = std::min(low[static_cast<std::size_t>(call.back().node)], low[static_cast<std::size_t>(v)]);
                if (low[static_cast<std::size_t>(v)] == index[static_cast<std::size_t>(v)]) {
                    std::vector<int> group;
                    int w;
                    do {
                        w = stack.back();
                        stack.pop_back();
                        onStack[static_cast<std::size_t>(w)] = 0;
                        comp[static_cast<std::size_t>(w)] = static_cast<int>(groups.size());
                        group.push_back(w);
                    } while (w != v);
                    groups.push_back(std::move(group));
                }
            }
        }
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const int start = *std::min_element(groups[g].begin(), groups[g].end());
            bool selfLoop = false;
            for (int e : d.successors(start))
                selfLoop = selfLoop || d.m_edges[static_cast<std::size_t>(e)].to == start;
            if (groups[g].size() == 1 && !selfLoop)
                continue;  // downstream of a cycle, not on one
            if (selfLoop) {
                d.m_cycles.push_back({start});
                continue;
            }
            // The shortest way round from `start`, by breadth-first search inside the group.
            std::unordered_map<int, int> parent{{start, -1}};
            std::vector<int> queue{start};
            int last = -1;
            for (std::size_t qi = 0; qi < queue.size() && last < 0; ++qi) {
                for (int e : d.successors(queue[qi])) {
                    const int w = d.m_edges[static_cast<std::size_t>(e)].to;
                    if (comp[static_cast<std::size_t>(w)] != static_cast<int>(g))
                        continue;
                    if (w == start) {
                        last = queue[qi];
                        break;
                    }
                    if (parent.emplace(w, queue[qi]).second)
                        queue.push_back(w);
                }
            }
            std::vector<int> cycle;
            for (int s = last; s >= 0; s = parent[s])
                cycle.push_back(s);
            std::reverse(cycle.begin(), cycle.end());
            d.m_cycles.push_back(std::move(cycle));
        }
        std::sort(d.m_cycles.begin(), d.m_cycles.end());
    }
    return d;
}

std::vector<int> Dag::successors(int stage) const
{
    return {m_outEdges.begin() + m_outStart[static_cast<std::size_t>(stage)],
            m_outEdges.begin() + m_outStart[static_cast<std::size_t>(stage) + 1]};
}

std::vector<int> Dag::predecessors(int stage) const
{
    return {m_inEdges.begin() + m_inStart[static_cast<std::size_t>(stage)],
            m_inEdges.begin() + m_inStart[static_cast<std::size_t>(stage) + 1]};
}

OutputRef Dag::producerOf(const std::string& path) const
{
    auto find = [&](std::string_view p) -> const OutputRef* {
        auto it = std::lower_bound(m_outputs.begin(), m_outputs.end(), p,
                                   [](const auto& e, std::string_view key) { return e.first < key; });
        return it != m_outputs.end() && it->first == p ? &it->second : nullptr;
    };
    for (std::string_view p = path; !p.empty(); p = parentOf(p))
        if (const OutputRef* ref = find(p))
            return *ref;
    return {};
}

std::vector<int> Dag::inRunOrder(const std::vector<char>& marked) const
{
    std::vector<int> out;
    for (int s : m_order)
        if (marked[static_cast<std::size_t>(s)])
            out.push_back(s);
    return out;
}

std::vector<int> Dag::downstream(const std::vector<int>& from) const
{
    std::vector<char> marked(static_cast<std::size_t>(m_size), 0);
    std::vector<int> stack;
    for (int s : from)
        if (s >= 0 && s < m_size && !marked[static_cast<std::size_t>(s)]) {
            marked[static_cast<std::size_t>(s)] = 1;
            stack.push_back(s);
        }
    while (!stack.empty()) {
        const int s = stack.back();
        stack.pop_back();
        for (int i = m_outStart[static_cast<std::size_t>(s)]; i < m_outStart[static_cast<std::size_t>(s) + 1]; ++i) {
            const int t = m_edges[static_cast<std::size_t>(m_outEdges[static_cast<std::size_t>(i)])].to;
            if (!marked[static_cast<std::size_t>(t)]) {
                marked[static_cast<std::size_t>(t)] = 1;
                stack.push_back(t);
            }
        }
    }
    return inRunOrder(marked);
}

std::vector<int> Dag::upstream(const std::vector<int>& targets) const
{
    std::vector<char> marked(static_cast<std::size_t>(m_size), 0);
    std::vector<int> stack;
    for (int s : targets)
        if (s >= 0 && s < m_size && !marked[static_cast<std::size_t>(s)]) {
            marked[static_cast<std::size_t>(s)] = 1;
            stack.push_back(s);
        }
    while (!stack.empty()) {
        const int s = stack.back();
        stack.pop_back();
        for (int i = m_inStart[static_cast<std::size_t>(s)]; i < m_inStart[static_cast<std::size_t>(s) + 1]; ++i) {
            const int f = m_edges[static_cast<std::size_t>(m_inEdges[static_cast<std::size_t>(i)])].from;
            if (!marked[static_cast<std::size_t>(f)]) {
                marked[static_cast<std::size_t>(f)] = 1;
                stack.push_back(f);
            }
        }
    }
    return inRunOrder(marked);
}

} // namespace cairn::pipeline
