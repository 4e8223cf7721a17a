#include "engine/pipeline/progress.h"

#include "engine/pipeline/cache_key.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace cairn::pipeline {
namespace {

long long nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

} // namespace

fs::path progressPathFor(const fs::path& projectRoot, const std::string& pipelineFile)
{
    return projectRoot / ".cairn" / "pipelines" / (pipelineName(pipelineFile) + ".progress.jsonl");
}

RunProgress parseProgress(std::string_view text)
{
    RunProgress p;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos)
            break;  // a line still being written
        const json j = json::parse(text.substr(start, nl - start), nullptr, false);
        start = nl + 1;
        if (!j.is_object())
            continue;
        if (j.contains("pipeline_run")) {
            p = RunProgress{};
            p.id = j.value("pipeline_run", "");
            p.file = j.value("file", "");
            p.pid = j.value("pid", 0L);
            p.startMs = j.value("start_ms", 0LL);
            p.jobs = j.value("jobs", 0);
            if (j.contains("stages") && j["stages"].is_array())
                for (const auto& s : j["stages"])
                    if (s.is_string()) {
                        p.selected.push_back(s.get<std::string>());
                        p.stages[s.get<std::string>()].state = "queued";
                    }
        } else if (j.contains("stage") && j["stage"].is_string()) {
            StageProgress& s = p.stages[j["stage"].get<std::string>()];
            s.state = j.value("state", s.state);
            if (j.contains("run") && j["run"].is_string() && !j["run"].get<std::string>().empty())
                s.run = j["run"].get<std::string>();
            s.message = j.value("message", std::string());
            s.seconds = j.value("seconds", 0.0);
        } else if (j.value("end", false)) {
            p.ended = true;
            p.exitCode = j.value("exit_code", 0);
            p.endMs = j.value("t_ms", 0LL);
        }
    }
    return p;
}

RunProgress readProgress(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return {};
    std::stringstream ss;
    ss << in.rdbuf();
    return parseProgress(ss.str());
}

bool progressLive(const RunProgress& p)
{
    if (p.id.empty() || p.ended || p.pid <= 0)
        return false;
    return ::kill(static_cast<pid_t>(p.pid), 0) == 0 || errno == EPERM;
}

ProgressWriter::~ProgressWriter()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<std::unique_ptr<ProgressWriter>> ProgressWriter::start(const fs::path& path, const std::string& runId, const std::string& file,
                                                               int jobs, const std::vector<std::string>& selected)
{
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    const fs::path tmp = path.string() + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        return makeError("cannot write " + tmp.string() + ": " + std::strerror(errno));
    std::unique_ptr<ProgressWriter> w(new ProgressWriter(fd));
    w->append(json{{"pipeline_run", runId}, {"file", file}, {"pid", static_cast<long>(::getpid())}, {"start_ms", nowMs()},
                   {"jobs", jobs}, {"stages", selected}}
                  .dump());
    if (::rename(tmp.c_str(), path.c_str()) != 0)
        return makeError("cannot write " + path.string() + ": " + std::strerror(errno));
    return w;
}

void ProgressWriter::append(const std::string& line)
{
    const std::string data = line + "\n";
    std::lock_guard lock(m_mutex);
    // One write per line on an O_APPEND descriptor: lines from several threads never mix.
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(m_fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        done += static_cast<std::size_t>(n);
    }
}

void ProgressWriter::stage(const std::string& name, const std::string& state, const std::string& run, const std::string& message,
                           double seconds)
{
    json j{{"stage", name}, {"state", state}, {"t_ms", nowMs()}};
    if (!run.empty())
        j["run"] = run;
    if (!message.empty())
        j["message"] = message;
    if (seconds > 0)
        j["seconds"] = seconds;
    append(j.dump());
}

void ProgressWriter::end(int exitCode) { append(json{{"end", true}, {"exit_code", exitCode}, {"t_ms", nowMs()}}.dump()); }

} // namespace cairn::pipeline
