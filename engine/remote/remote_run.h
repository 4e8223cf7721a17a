// Internal to engine/remote: one remote job's supervision (remote_supervisor.cpp: setting up,
// starting, the end; remote_follow.cpp: following the far side's files and states).
#pragma once

#include "engine/exec/file_sink.h"
#include "engine/exec/supervisor.h"
#include "engine/ingest/journal.h"
#include "engine/ingest/line_splitter.h"
#include "engine/ingest/recorder.h"
#include "engine/remote/agent_client.h"
#include "engine/remote/follow_frames.h"
#include "engine/remote/remote_state.h"

#include <map>
#include <memory>

namespace cairn::remote {

class RemoteRun {
public:
    RemoteRun(const Project& project, std::string runId, server::JobSpec job);
    exec::SupervisorReport run(const std::function<void(const exec::SupervisorReport&)>& beforeEnd);

private:
    // remote_supervisor.cpp
    bool setUp(std::string& error);                      // connect, send the files, start; false: the run failed to start
    bool resume();                                       // re-attach: offsets from the journal's last checkpoint
    bool withRetries(const std::string& what, const std::function<bool(AgentFailure&)>& step, std::string& error);
    std::string agentSpec() const;
    void finish(const Json& end, exec::SupervisorReport& report, const std::function<void(const exec::SupervisorReport&)>& beforeEnd);
    void fetchOutputs();
    void failBeforeStart(const std::string& message, exec::SupervisorReport& report, RunStatus status = RunStatus::Failed);

    // remote_follow.cpp
    std::optional<Json> follow();                        // until the end frame, or nullopt when given up
    void handle(const Frame& frame, std::optional<Json>& end);
    void onData(const std::string& name, std::uint64_t offset, std::string_view bytes);
    void onState(const Json& state);
    bool tryCancel();

    // both
    void event(const std::string& kind, const std::string& text);
    void saveState();
    void checkpoint(bool force = false);                 // journal flush + O record
    bool stopRequested() const;
    void sleepFor(int ms) const;                         // returns early on a stop request
    void log(const std::string& text) const;

    const Project& m_project;
    std::string m_runId;
    server::JobSpec m_job;
    std::filesystem::path m_dir;
    ExecutorConfig m_e;
    std::unique_ptr<AgentClient> m_agent;
    RemoteState m_state;

    ingest::JournalWriter m_journal;
    ingest::Recorder m_recorder{m_journal};
    ingest::LineSplitter m_stdout;
    ingest::LineSplitter m_jsonl;
    std::map<std::string, exec::FileSink> m_sinks;
    std::map<std::string, std::uint64_t> m_offsets;     // bytes of each far-side file copied here
    std::uint64_t m_stdoutLineEnd = 0;                   // after the last newline fed to the parsers
    std::uint64_t m_jsonlLineEnd = 0;
    bool m_startedRecorded = false;
    bool m_dirty = false;
    std::int64_t m_lastCheckpointMs = 0;
    bool m_cancelSent = false;
    std::int64_t m_cancelRequestedMs = 0;
    std::string m_cancelProblem;
    int m_restarts = 0;
    std::string m_lastStateKey;
};

} // namespace cairn::remote
