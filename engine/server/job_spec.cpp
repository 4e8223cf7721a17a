#include "engine/server/job_spec.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace cairn::server {

Json JobSpec::toJson() const
{
    return Json{{"argv", argv},          {"workdir", workdir},   {"env", env},
                {"gpus", gpuCount},      {"gpu_ids", gpuIds},    {"nproc_per_node", nprocPerNode},
                {"attached", attached},  {"assigned_gpus", assignedGpus},
                {"inputs", inputs},      {"outputs", outputs},
                {"executor", executor},  {"nnodes", nnodes}};
}

Result<JobSpec> JobSpec::fromJson(const Json& j)
{
    if (!j.is_object())
        return makeError("a job spec must be an object");
    JobSpec s;
    try {
        s.argv = j.at("argv").get<std::vector<std::string>>();
        s.workdir = j.value("workdir", std::string());
        s.env = j.value("env", std::map<std::string, std::string>());
        s.gpuCount = j.value("gpus", 0);
        s.gpuIds = j.value("gpu_ids", std::vector<int>());
        s.nprocPerNode = j.value("nproc_per_node", 1);
        s.attached = j.value("attached", false);
        s.executor = j.value("executor", std::string());
        s.nnodes = j.value("nnodes", 1);
        s.assignedGpus = j.value("assigned_gpus", std::vector<int>());
        s.inputs = j.value("inputs", std::vector<std::string>());
        s.outputs = j.value("outputs", std::vector<std::string>());
    } catch (const std::exception& e) {
        return makeError(std::string("bad job spec: ") + e.what());
    }
    if (s.argv.empty())
        return makeError("bad job spec: no command");
    if (s.nprocPerNode < 1 || s.nprocPerNode > 1024)
        return makeError("bad job spec: nproc_per_node must be between 1 and 1024");
    if (s.nnodes < 1 || s.nnodes > 4096)
        return makeError("bad job spec: nnodes must be between 1 and 4096");
    if (s.nnodes > 1 && s.executor.empty())
        return makeError("bad job spec: more than one node needs a Slurm executor (--executor NAME)");
    if (s.gpuCount < 0 || s.gpuCount > 1024)
        return makeError("bad job spec: gpus must be between 0 and 1024");
    return s;
}

std::optional<std::vector<int>> parseIdList(std::string_view text)
{
    std::vector<int> ids;
    if (text.empty())
        return ids;
    std::size_t pos = 0;
    for (;;) {
        auto comma = text.find(',', pos);
        std::string_view item = text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
        int v = -1;
        auto [p, ec] = std::from_chars(item.data(), item.data() + item.size(), v);
        if (item.empty() || ec != std::errc() || p != item.data() + item.size() || v < 0)
            return std::nullopt;
        ids.push_back(v);
        if (comma == std::string_view::npos)
            return ids;
        pos = comma + 1;
    }
}

std::string joinIds(const std::vector<int>& ids)
{
    std::string out;
    for (int id : ids)
        out += (out.empty() ? "" : ",") + std::to_string(id);
    return out;
}

Status writeJobFile(const std::filesystem::path& runDir, const JobSpec& spec)
{
    std::error_code ec;
    std::filesystem::create_directories(runDir, ec);
    std::filesystem::path tmp = runDir / "job.json.tmp";
    {
        std::ofstream out(tmp);
        out << spec.toJson().dump(2) << "\n";
        if (!out)
            return makeError("cannot write " + tmp.string());
    }
    std::filesystem::rename(tmp, runDir / "job.json", ec);
    if (ec)
        return makeError("cannot write " + (runDir / "job.json").string() + ": " + ec.message());
    return Ok{};
}

Result<JobSpec> readJobFile(const std::filesystem::path& runDir)
{
    std::ifstream in(runDir / "job.json");
    if (!in)
        return makeError("cannot read " + (runDir / "job.json").string());
    std::stringstream ss;
    ss << in.rdbuf();
    Json j = Json::parse(ss.str(), nullptr, false);
    if (j.is_discarded())
        return makeError((runDir / "job.json").string() + " is not valid JSON");
    return JobSpec::fromJson(j);
}

} // namespace cairn::server
