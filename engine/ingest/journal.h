// The run journal: runs/<id>/metrics.journal, append-only, one record per line. A job's
// supervisor writes it; the engine reads it from the byte offset stored with the run in the
// database and commits points and offset in one transaction, so a crash of either process
// loses nothing and doubles nothing. Text, tab-separated (values escaped), for example:
//   M  loss  3  1700000000123  0.25          metric point: key, step, wall ms, value
//   P  lr  0.001                             param
//   T  model  mlp                            tag
//   S  4242  1700000000000                   the job started: pid, wall ms
//   E  0  0  finished  1700000009999  2      ended: exit code, signal, status, wall ms, malformed
//   W  stdout line 4: not a number           a warning for the user (malformed input)
//   H  1700000000500  slurm.requeued  text   an event of the run's history (remote jobs)
//   R  killed by Slurm: time limit           why the run ended as it did (the job's message)
//   O  {"offsets":{...},"steps":{...}}       a remote supervisor's checkpoint: how much of each
//                                            remote file the records before it cover
#pragma once

#include "engine/core/result.h"
#include "engine/store/types.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::ingest {

struct RunEnd {
    int exitCode = 0;
    int signal = 0;
    RunStatus status = RunStatus::Finished;
    std::int64_t endMs = 0;
    std::uint64_t malformed = 0;
};

// What a span of journal bytes holds.
struct JournalChunk {
    std::vector<MetricPoint> points;
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<std::pair<std::string, std::string>> tags;
    std::vector<std::string> warnings;
    std::optional<std::int64_t> startedPid;
    std::optional<RunEnd> end;
    std::vector<RunEvent> events;            // H records
    std::optional<std::string> message;      // the last R record
    std::uint64_t consumed = 0;  // bytes fully parsed (complete lines only)
    std::uint64_t badRecords = 0;
    void clear();
};

// Parses every complete line of `bytes` into `out` (appending). A trailing partial line is
// left for the next call; `out.consumed` says how far parsing got.
void parseJournal(std::string_view bytes, JournalChunk& out);

// The text of the last complete O record of the journal at `path` (read from its end), if any.
std::optional<std::string> lastCheckpoint(const std::filesystem::path& path);

class JournalWriter {
public:
    JournalWriter() = default;
    ~JournalWriter();
    JournalWriter(const JournalWriter&) = delete;
    JournalWriter& operator=(const JournalWriter&) = delete;

    Status open(const std::filesystem::path& path);
    void metric(std::string_view key, std::int64_t step, std::int64_t tsMs, double value);
    void param(std::string_view key, std::string_view value);
    void tag(std::string_view key, std::string_view value);
    void started(long pid, std::int64_t tsMs);
    void warning(std::string_view text);
    void ended(const RunEnd& end);
    void event(std::int64_t tsMs, std::string_view kind, std::string_view text);
    void message(std::string_view text);
    // `text` must hold no tab or newline (compact JSON).
    void checkpoint(std::string_view text);
    // Writes buffered records to the file (write(2)); syncs to disk at most once a second.
    Status flush();
    std::size_t buffered() const { return m_buffer.size(); }

private:
    void appendEscaped(std::string_view text);
    void pair(char kind, std::string_view key, std::string_view value);  // a P or T record
    int m_fd = -1;
    std::string m_buffer;
    std::int64_t m_lastSyncMs = 0;
    std::string m_error;
};

} // namespace cairn::ingest
