// Turns a job's output lines into journal records: params, tags and metric points, with the
// next-step rule for points logged without a step. Malformed lines are counted, the first few
// kept for the end-of-run report, and each is noted in the journal as a warning.
#pragma once

#include "engine/ingest/journal.h"
#include "engine/ingest/metric_line.h"
#include "engine/ingest/metrics_jsonl.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace cairn::ingest {

struct MalformedLine {
    std::string source;  // "stdout" or "metrics.jsonl"
    std::uint64_t lineNo = 0;
    std::string error;
};

class Recorder {
public:
    explicit Recorder(JournalWriter& journal) : m_journal(journal) {}

    void stdoutLine(std::string_view line, std::uint64_t lineNo, bool overlong, std::int64_t nowMs);
    void jsonlLine(std::string_view line, std::uint64_t lineNo, std::int64_t nowMs);
    // A point from Cairn itself (system metrics): same step rule.
    void point(const std::string& key, double value, std::int64_t nowMs);

    std::uint64_t points() const { return m_points; }
    // The inputs and outputs the job declared, in order (recorded after the job ends by
    // whoever supervised it: docs/lineage.md).
    const std::vector<ArtifactDecl>& declaredArtifacts() const { return m_artifacts; }
    std::uint64_t malformedCount() const { return m_malformedCount; }
    const std::vector<MalformedLine>& malformedSamples() const { return m_malformed; }

    // The next step of each key logged without one: kept across a remote supervisor's restart.
    const std::unordered_map<std::string, std::int64_t>& nextSteps() const { return m_nextStep; }
    void restoreNextSteps(std::unordered_map<std::string, std::int64_t> steps) { m_nextStep = std::move(steps); }

    static constexpr std::size_t kMaxSamples = 20;

private:
    void addPoint(const std::string& key, double value, std::optional<std::int64_t> step, std::int64_t ts);
    void noteMalformed(std::string source, std::uint64_t lineNo, std::string error);

    JournalWriter& m_journal;
    ParsedLine m_parsed;
    JsonlRecord m_record;
    std::unordered_map<std::string, std::int64_t> m_nextStep;
    std::uint64_t m_points = 0;
    std::uint64_t m_malformedCount = 0;
    std::vector<MalformedLine> m_malformed;
    std::vector<ArtifactDecl> m_artifacts;
};

} // namespace cairn::ingest
