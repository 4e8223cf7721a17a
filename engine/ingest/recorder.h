// Turns a job's output lines into stored params, tags and metric points. Lines are parsed on
// the caller's thread; a writer thread commits batches to the store so parsing and SQLite
// proceed together. Backpressure: when the writer falls behind, the caller blocks (and so the
// job blocks on its full pipe) rather than memory growing without bound.
#pragma once

#include "engine/core/result.h"
#include "engine/ingest/metric_line.h"
#include "engine/ingest/metrics_jsonl.h"
#include "engine/store/types.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

namespace cairn {
class Store;
}

namespace cairn::ingest {

struct MalformedLine {
    std::string source;  // "stdout" or the JSONL file name
    std::uint64_t lineNo = 0;
    std::string error;
};

class Recorder {
public:
    Recorder(std::unique_ptr<Store> store, std::string runId);
    ~Recorder();
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    void stdoutLine(std::string_view line, std::uint64_t lineNo, bool overlong, std::int64_t nowMs);
    void jsonlLine(std::string_view line, std::uint64_t lineNo, std::int64_t nowMs);
    // Hands the pending batch to the writer when it is large or old enough.
    void maybeFlush(std::int64_t nowMs);
    // Flushes everything, stops the writer and reports the first store error, if any.
    Status finish();

    std::uint64_t pointsQueued() const { return m_pointsQueued; }
    std::uint64_t malformedCount() const { return m_malformedCount; }
    const std::vector<MalformedLine>& malformedSamples() const { return m_malformed; }

    static constexpr std::size_t kMaxBatchPoints = 32768;
    static constexpr std::int64_t kMaxBatchAgeMs = 100;
    static constexpr std::size_t kMaxSamples = 20;

private:
    struct Batch {
        std::vector<MetricPoint> points;
        std::map<std::string, std::string> params;
        std::map<std::string, std::string> tags;
        bool empty() const { return points.empty() && params.empty() && tags.empty(); }
    };
    void addPoint(std::string key, double value, std::optional<std::int64_t> step, std::int64_t ts);
    void noteMalformed(std::string source, std::uint64_t lineNo, std::string error);
    void flush();
    void writerLoop();

    std::unique_ptr<Store> m_store;  // used by the writer thread only
    std::string m_runId;
    Batch m_pending;
    std::int64_t m_pendingSinceMs = -1;
    ParsedLine m_parsed;
    JsonlRecord m_record;
    std::unordered_map<std::string, std::int64_t> m_nextStep;
    std::uint64_t m_pointsQueued = 0;
    std::uint64_t m_malformedCount = 0;
    std::vector<MalformedLine> m_malformed;

    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<Batch> m_queue;
    bool m_stopping = false;
    std::string m_writeError;
    std::thread m_writer;
};

} // namespace cairn::ingest
