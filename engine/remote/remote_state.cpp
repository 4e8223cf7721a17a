#include "engine/remote/remote_state.h"

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace cairn::remote {

nlohmann::json RemoteState::toJson() const
{
    return {{"executor", executor}, {"type", type},       {"where", where},       {"phase", phase},     {"state", state},
            {"reason", reason},     {"nodes", nodes},     {"slurm_job", slurmJob}, {"rundir", rundir}, {"message", message},
            {"started", started},   {"attaches", attaches}, {"updated_ms", updatedMs}};
}

RemoteState RemoteState::fromJson(const nlohmann::json& j)
{
    RemoteState s;
    if (!j.is_object())
        return s;
    auto str = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
    s.executor = str("executor");
    s.type = str("type");
    s.where = str("where");
    s.phase = str("phase");
    s.state = str("state");
    s.reason = str("reason");
    s.slurmJob = str("slurm_job");
    s.rundir = str("rundir");
    s.message = str("message");
    if (j.contains("nodes") && j["nodes"].is_array())
        for (const auto& n : j["nodes"])
            if (n.is_string())
                s.nodes.push_back(n.get<std::string>());
    s.started = j.value("started", false);
    s.attaches = j.value("attaches", 0);
    s.updatedMs = j.value("updated_ms", std::int64_t(0));
    return s;
}

fs::path remoteStatePath(const fs::path& runDir) { return runDir / "remote.json"; }

bool readRemoteState(const fs::path& runDir, RemoteState& out)
{
    std::ifstream in(remoteStatePath(runDir));
    if (!in)
        return false;
    std::stringstream ss;
    ss << in.rdbuf();
    auto j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (!j.is_object())
        return false;
    out = RemoteState::fromJson(j);
    return true;
}

bool writeRemoteState(const fs::path& runDir, const RemoteState& state)
{
    const fs::path tmp = runDir / "remote.json.tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << state.toJson().dump() << "\n";
        if (!out)
            return false;
    }
    std::error_code ec;
    fs::rename(tmp, remoteStatePath(runDir), ec);
    return !ec;
}

} // namespace cairn::remote
