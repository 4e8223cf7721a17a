// The stage graph: an edge u -> v when v depends on something u writes (the same path, a
// path inside u's output folder, or a folder holding u's output), as DVC links stages.
// Outputs are indexed by path and folder lookups walk a path's parents or a sorted range,
// so 10,000 stages link in milliseconds. Cycles, duplicate and overlapping outputs are
// recorded for validate.h to report; order, levels and plans are for the scheduler.
#pragma once

#include "engine/pipeline/spec.h"

#include <string>
#include <vector>

namespace cairn::pipeline {

struct Edge {
    int from = -1;   // the producing stage
    int to = -1;     // the consuming stage
    int dep = -1;    // index into stages[to].deps
    int out = -1;    // index into stages[from].outs
};

struct OutputRef {
    int stage = -1;
    int out = -1;  // index into stages[stage].outs
};

struct OutputConflict {
    enum class Kind { Duplicate, Overlap };
    Kind kind = Kind::Duplicate;
    OutputRef first;   // Overlap: the enclosing folder
    OutputRef second;  // Overlap: the output inside it
};

class Dag {
public:
    static Dag build(const PipelineSpec& spec);

    int size() const { return m_size; }
    const std::vector<Edge>& edges() const { return m_edges; }
    // The stages in an order that runs producers first (file order within a level);
    // stages on or after a cycle are left out.
    const std::vector<int>& order() const { return m_order; }
    // Stages that can run at the same time: level 0 needs nothing, level n needs level < n.
    const std::vector<std::vector<int>>& levels() const { return m_levels; }
    int level(int stage) const { return m_level[static_cast<std::size_t>(stage)]; }
    bool acyclic() const { return m_order.size() == static_cast<std::size_t>(m_size); }
    // One cycle per strongly connected group, each as [s0, s1, ..., sk] where s_i feeds s_i+1
    // and sk feeds s0; s0 is the group's first stage in the file.
    const std::vector<std::vector<int>>& cycles() const { return m_cycles; }

    // Edge indexes out of / into a stage.
    std::vector<int> successors(int stage) const;
    std::vector<int> predecessors(int stage) const;
    const Edge& edge(int i) const { return m_edges[static_cast<std::size_t>(i)]; }

    // The stage whose output is `path` or holds it (a folder output), else -1.
    OutputRef producerOf(const std::string& normalizedPath) const;
    const std::vector<OutputConflict>& conflicts() const { return m_conflicts; }
    // (stage, dep index) of deps no stage writes: source data, or missing.
    const std::vector<std::pair<int, int>>& externalDeps() const { return m_external; }

    // Plans, in run order: `from` and every stage that depends on them (a resume, or
    // "run from here"); `targets` and every stage they need ("run this stage").
    std::vector<int> downstream(const std::vector<int>& from) const;
    std::vector<int> upstream(const std::vector<int>& targets) const;

private:
    std::vector<int> inRunOrder(const std::vector<char>& marked) const;

    int m_size = 0;
    std::vector<Edge> m_edges;               // sorted by (from, to)
    std::vector<int> m_outStart, m_outEdges;  // CSR: edges leaving each stage
    std::vector<int> m_inStart, m_inEdges;    // CSR: edges entering each stage
    std::vector<int> m_order;
    std::vector<int> m_rank;                  // position in m_order, -1 if absent
    std::vector<int> m_level;
    std::vector<std::vector<int>> m_levels;
    std::vector<std::vector<int>> m_cycles;
    std::vector<OutputConflict> m_conflicts;
    std::vector<std::pair<int, int>> m_external;
    std::vector<std::pair<std::string, OutputRef>> m_outputs;  // sorted by path
};

} // namespace cairn::pipeline
