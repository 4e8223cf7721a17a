// A remote job's supervision: following the far side's files and states through `agent follow`,
// reconnecting after a dropped connection from the offsets already copied, and cancelling.
#include "engine/core/clock.h"
#include "engine/remote/remote_run.h"
#include "engine/remote/slurm.h"

#include <csignal>

namespace fs = std::filesystem;

namespace cairn::remote {
namespace {

constexpr std::int64_t kStallMs = 20000;     // no frame for this long: the connection is dead
constexpr int kMaxBackoffMs = 15000;
constexpr std::int64_t kCancelGiveUpMs = 60000;

std::string joined(const std::vector<std::string>& v)
{
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : ",") + s;
    return out;
}

bool followedName(const std::string& name)
{
    return name == "metrics.jsonl" || name == "slurm.out" || (name.starts_with("stdout") && name.ends_with(".log"))
           || (name.starts_with("stderr") && name.ends_with(".log")) || (name.starts_with("node.") && name.ends_with(".log"));
}

} // namespace

void RemoteRun::onData(const std::string& name, std::uint64_t offset, std::string_view bytes)
{
    if (!followedName(name))
        return;
    std::uint64_t& have = m_offsets[name];
    if (offset > have) {  // never expected (we ask from `have`): keep going, but say so
        event("remote.gap", name + ": the far side sent byte " + std::to_string(offset) + " where " + std::to_string(have) + " was expected");
        have = offset;
    }
    if (offset + bytes.size() <= have)
        return;  // already here
    bytes.remove_prefix(static_cast<std::size_t>(have - offset));
    exec::FileSink& sink = m_sinks[name];
    if (!sink.valid()) {
        std::string error;
        sink = exec::FileSink::openForAppend(m_dir / name, error);
    }
    sink.write(bytes);
    const std::uint64_t start = have;
    have += bytes.size();
    m_dirty = true;
    if (name == "stdout.log" || name == "metrics.jsonl") {
        (name == "stdout.log" ? m_stdout : m_jsonl).feed(bytes);
        auto nl = bytes.rfind('\n');
        if (nl != std::string_view::npos)
            (name == "stdout.log" ? m_stdoutLineEnd : m_jsonlLineEnd) = start + nl + 1;
    }
}

void RemoteRun::onState(const Json& s)
{
    const std::string state = s.value("state", std::string());
    const std::string reason = s.contains("reason") && s["reason"].is_string() ? s["reason"].get<std::string>() : std::string();
    std::vector<std::string> nodes;
    if (s.contains("nodes") && s["nodes"].is_array())
        for (const auto& n : s["nodes"])
            if (n.is_string())
                nodes.push_back(n.get<std::string>());
    const int restarts = s.value("restarts", m_restarts);
    if (restarts > m_restarts) {
        event("slurm.requeued", "Slurm requeued the job (restart " + std::to_string(restarts) + (reason.empty() || reason == "None" ? "" : ", " + reason)
                                    + "); its output continues in the same logs");
        m_restarts = restarts;
    } else if (m_state.state == "RUNNING" && state == "PENDING" && m_e.type == ExecutorType::Slurm) {
        event("slurm.requeued", "the job went back to PENDING (" + (reason.empty() ? std::string("requeued") : reason) + "), e.g. after preemption");
    }
    if (state.empty())
        return;
    const std::string key = state + "|" + reason + "|" + joined(nodes);
    if (key != m_lastStateKey) {
        std::string text = state;
        if (!reason.empty() && reason != "None")
            text += " (" + reason + ")";
        if (!nodes.empty() && state != "PENDING")
            text += " on " + joined(nodes);
        event("remote.state", text);
        m_lastStateKey = key;
    }
    m_state.state = state;
    m_state.reason = reason == "None" ? std::string() : reason;
    if (!nodes.empty())
        m_state.nodes = nodes;
    if (s.contains("job") && s["job"].is_string())
        m_state.slurmJob = s["job"].get<std::string>();
    saveState();
    if (state == "RUNNING" && !m_startedRecorded) {
        m_journal.started(s.value("pid", 0L), nowMs());
        m_startedRecorded = true;
        checkpoint(true);
    }
}

void RemoteRun::handle(const Frame& f, std::optional<Json>& end)
{
    switch (f.kind) {
    case 'D':
        onData(f.name, f.offset, f.data);
        break;
    case 'S': {
        Json j = Json::parse(f.data, nullptr, false);
        if (j.is_object())
            onState(j);
        break;
    }
    case 'E': {
        Json j = Json::parse(f.data, nullptr, false);
        end = j.is_object() ? j : Json{{"state", "UNKNOWN"}, {"exit_code", 255}, {"reason", "the agent's end record is unreadable"}};
        break;
    }
    default:
        break;  // K: keepalive
    }
}

bool RemoteRun::tryCancel()
{
    if (m_cancelSent)
        return true;
    if (m_cancelRequestedMs == 0) {
        m_cancelRequestedMs = nowMs();
        event("remote.cancel", "cancel requested; stopping the job on " + m_state.where);
    }
    AgentFailure f;
    if (m_agent->call("cancel", {m_state.rundir}, f, {}, 30000)) {
        m_cancelSent = true;
        checkpoint(true);
        return true;
    }
    m_cancelProblem = f.message;
    return false;
}

std::optional<Json> RemoteRun::follow()
{
    int backoffMs = 500;
    std::int64_t lostAtMs = 0;
    std::int64_t lastCancelTryMs = 0;
    int agentFailures = 0;
    m_state.phase = "running";
    saveState();
    for (;;) {
        Json offsets = Json::object();
        for (const auto& [name, off] : m_offsets)
            offsets[name] = off;
        StreamingCommand cmd;
        std::string startError;
        if (!cmd.start(m_agent->followArgv(m_state.rundir, offsets.dump()), startError)) {
            m_state.message = startError;
            return std::nullopt;
        }
        FrameParser parser;
        std::optional<Json> end;
        std::string head;  // the first bytes, in case they are an error reply rather than frames
        bool framed = false;
        std::int64_t lastFrameMs = nowMs();
        std::string buf;
        for (;;) {
            buf.clear();
            const bool open = cmd.read(buf, 200);
            if (!buf.empty()) {
                if (!framed && head.size() < 4096)
                    head += buf.substr(0, 4096 - head.size());
                parser.feed(buf);
            }
            Frame frame;
            while (!end && parser.next(frame)) {
                framed = true;
                lastFrameMs = nowMs();
                if (lostAtMs) {
                    event("remote.reconnected", "reconnected to " + m_state.where + " after "
                                                    + std::to_string((nowMs() - lostAtMs + 500) / 1000) + " s; resuming stdout.log at byte "
                                                    + std::to_string(m_offsets["stdout.log"]));
                    lostAtMs = 0;
                    backoffMs = 500;
                    m_state.message.clear();
                    m_state.phase = "running";
                    saveState();
                }
                handle(frame, end);
            }
            checkpoint();
            if (end) {
                cmd.stop(500);
                checkpoint(true);
                return end;
            }
            if (stopRequested() && !m_cancelSent && nowMs() - lastCancelTryMs >= 2000) {
                lastCancelTryMs = nowMs();
                tryCancel();
            }
            if (!parser.error().empty() || !open)
                break;
            if (nowMs() - lastFrameMs > kStallMs) {
                cmd.stop(500);
                break;
            }
        }
        const int code = cmd.running() ? cmd.stop(500) : cmd.wait();
        checkpoint(true);
        CommandResult r;
        r.exitCode = code;
        r.err = cmd.stderrText();
        r.out = framed ? std::string() : head;
        std::string problem = m_agent->transport().explainFailure(r);
        bool connection = !problem.empty();
        if (!connection && code == 2 && r.err.find("can't open file") != std::string::npos) {
            AgentFailure f;  // the agent is gone (a new Cairn, a cleaned workdir): send it again
            if (!m_agent->install(f))
                problem = f.message, connection = f.connection;
            else
                continue;
        }
        if (!connection && problem.empty()) {
            Json reply = Json::parse(head.substr(0, head.find('\n')), nullptr, false);
            if (reply.is_object() && reply.contains("error")) {
                m_state.message = "the agent on " + m_state.where + " cannot follow the job: " + reply.value("message", std::string());
                return std::nullopt;
            }
            problem = !parser.error().empty() ? "the stream from the agent broke: " + parser.error()
                      : framed                ? "the connection to " + m_state.where + " ended (exit " + std::to_string(code) + ")"
                                              : "the agent on " + m_state.where + " failed (exit " + std::to_string(code) + "): " + r.err;
            connection = framed;
            if (!framed && ++agentFailures >= 5) {
                m_state.message = problem;
                return std::nullopt;
            }
        }
        if (framed)
            agentFailures = 0;
        if (lostAtMs == 0) {
            lostAtMs = nowMs();
            event("remote.disconnected", problem + "; reconnecting (the job keeps running there)");
        }
        m_state.phase = "reconnecting";
        m_state.message = problem;
        saveState();
        if (stopRequested() && !m_cancelSent) {
            if (nowMs() - lastCancelTryMs >= 2000) {
                lastCancelTryMs = nowMs();
                tryCancel();
            }
            if (!m_cancelSent && nowMs() - m_cancelRequestedMs > kCancelGiveUpMs)
                return std::nullopt;
        }
        sleepFor(backoffMs);
        backoffMs = std::min(backoffMs * 2, kMaxBackoffMs);
    }
}

} // namespace cairn::remote
