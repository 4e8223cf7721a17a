#include "engine/ingest/recorder.h"

#include "engine/store/store.h"

namespace cairn::ingest {
namespace {
constexpr std::size_t kMaxQueuedBatches = 8;
}

Recorder::Recorder(std::unique_ptr<Store> store, std::string runId)
    : m_store(std::move(store)), m_runId(std::move(runId)), m_writer([this] { writerLoop(); })
{
    m_pending.points.reserve(kMaxBatchPoints);
}

Recorder::~Recorder() { (void)finish(); }

void Recorder::addPoint(std::string key, double value, std::optional<std::int64_t> step, std::int64_t ts)
{
    auto [it, inserted] = m_nextStep.try_emplace(key, 0);
    std::int64_t s = step ? *step : it->second;
    it->second = s + 1;
    m_pending.points.push_back({std::move(key), s, ts, value});
    ++m_pointsQueued;
}

void Recorder::noteMalformed(std::string source, std::uint64_t lineNo, std::string error)
{
    ++m_malformedCount;
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
    if (m_pendingSinceMs < 0)
        m_pendingSinceMs = nowMs;
    switch (parseLine(line, m_parsed)) {
    case LineKind::Metric:
        for (auto& [key, value] : m_parsed.metrics)
            addPoint(std::move(key), value, m_parsed.step, nowMs);
        break;
    case LineKind::Param:
        for (auto& [k, v] : m_parsed.values)
            m_pending.params[k] = v;
        break;
    case LineKind::Tag:
        for (auto& [k, v] : m_parsed.values)
            m_pending.tags[k] = v;
        break;
    case LineKind::Malformed:
        noteMalformed("stdout", lineNo, m_parsed.error);
        break;
    case LineKind::Output:
        break;
    }
    if (m_pending.points.size() >= kMaxBatchPoints)
        flush();
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
    if (m_pendingSinceMs < 0)
        m_pendingSinceMs = nowMs;
    for (auto& p : m_record.points)
        addPoint(std::move(p.key), p.value, p.step, p.timestampMs.value_or(nowMs));
    for (auto& [k, v] : m_record.params)
        m_pending.params[k] = v;
    for (auto& [k, v] : m_record.tags)
        m_pending.tags[k] = v;
    if (m_pending.points.size() >= kMaxBatchPoints)
        flush();
}

void Recorder::maybeFlush(std::int64_t nowMs)
{
    if (!m_pending.empty() && m_pendingSinceMs >= 0 && nowMs - m_pendingSinceMs >= kMaxBatchAgeMs)
        flush();
}

void Recorder::flush()
{
    m_pendingSinceMs = -1;
    if (m_pending.empty())
        return;
    std::unique_lock lock(m_mutex);
    m_cv.wait(lock, [&] { return m_queue.size() < kMaxQueuedBatches || m_stopping; });
    m_queue.push_back(std::move(m_pending));
    lock.unlock();
    m_cv.notify_all();
    m_pending = Batch{};
    m_pending.points.reserve(kMaxBatchPoints);
}

void Recorder::writerLoop()
{
    for (;;) {
        Batch batch;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [&] { return !m_queue.empty() || m_stopping; });
            if (m_queue.empty())
                return;
            batch = std::move(m_queue.front());
            m_queue.pop_front();
        }
        m_cv.notify_all();
        // Params and tags first: a chart that shows a point can also show its run's params.
        Status s = m_store->setParams(m_runId, batch.params);
        if (s)
            s = m_store->setTags(m_runId, batch.tags);
        if (s)
            s = m_store->appendMetrics(m_runId, batch.points);
        if (!s) {
            std::lock_guard lock(m_mutex);
            if (m_writeError.empty())
                m_writeError = s.message();
        }
    }
}

Status Recorder::finish()
{
    if (!m_writer.joinable())
        return m_writeError.empty() ? Status(Ok{}) : Status(makeError(m_writeError));
    flush();
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_cv.notify_all();
    m_writer.join();
    if (!m_writeError.empty())
        return makeError(m_writeError);
    return Ok{};
}

} // namespace cairn::ingest
