#include "engine/ingest/recorder.h"

namespace cairn::ingest {

void Recorder::addPoint(const std::string& key, double value, std::optional<std::int64_t> step, std::int64_t ts)
{
    auto [it, inserted] = m_nextStep.try_emplace(key, 0);
    std::int64_t s = step ? *step : it->second;
    it->second = s + 1;
    m_journal.metric(key, s, ts, value);
    ++m_points;
}

void Recorder::point(const std::string& key, double value, std::int64_t nowMs) { addPoint(key, value, std::nullopt, nowMs); }

void Recorder::noteMalformed(std::string source, std::uint64_t lineNo, std::string error)
{
    ++m_malformedCount;
    m_journal.warning(source + " line " + std::to_string(lineNo) + ": " + error);
    if (m_malformed.size() < kMaxSamples)
        m_malformed.push_back({std::move(source), lineNo, std::move(error)});
}

void Recorder::stdoutLine(std::string_view line, std::uint64_t lineNo, bool overlong, std::int64_t nowMs)
{
    if (!line.starts_with(kPrefix))
        return;
    if (overlong) {
        noteMalformed("stdout", lineNo, "line longer than the limit; not parsed");
        return;
    }
    switch (parseLine(line, m_parsed)) {
    case LineKind::Metric:
        for (const auto& [key, value] : m_parsed.metrics)
            addPoint(key, value, m_parsed.step, nowMs);
        break;
    case LineKind::Param:
        for (const auto& [k, v] : m_parsed.values)
            m_journal.param(k, v);
        break;
    case LineKind::Tag:
        for (const auto& [k, v] : m_parsed.values)
            m_journal.tag(k, v);
        break;
    case LineKind::Input:
    case LineKind::OutputArtifact: {
        ArtifactDecl d;
        d.direction = m_parsed.kind == LineKind::Input ? "input" : "output";
        for (const auto& [k, v] : m_parsed.values)
            (k == "path" ? d.path : k == "name" ? d.name : d.type) = v;
        m_artifacts.push_back(std::move(d));
        break;
    }
    case LineKind::Malformed:
        noteMalformed("stdout", lineNo, m_parsed.error);
        break;
    case LineKind::Output:
        break;
    }
}

void Recorder::jsonlLine(std::string_view line, std::uint64_t lineNo, std::int64_t nowMs)
{
    if (line.find_first_not_of(" \t\r") == std::string_view::npos)
        return;  // blank lines are allowed
    std::string error;
    if (!parseJsonlLine(line, m_record, error)) {
        noteMalformed("metrics.jsonl", lineNo, error);
        return;
    }
    for (const auto& p : m_record.points)
        addPoint(p.key, p.value, p.step, p.timestampMs.value_or(nowMs));
    for (const auto& [k, v] : m_record.params)
        m_journal.param(k, v);
    for (const auto& [k, v] : m_record.tags)
        m_journal.tag(k, v);
    for (auto& a : m_record.artifacts)
        m_artifacts.push_back(std::move(a));
}

} // namespace cairn::ingest
