#include "engine/remote/slurm.h"

#include <set>

namespace cairn::remote {
namespace {

std::string joinNodes(const std::vector<std::string>& nodes)
{
    std::string out;
    for (const auto& n : nodes)
        out += (out.empty() ? "" : ",") + n;
    return out.empty() ? std::string("its nodes") : out;
}

} // namespace

std::vector<std::string> sbatchDirectives(const ExecutorConfig& e, const SlurmRequest& r)
{
    std::vector<std::string> d;
    if (!r.jobName.empty())
        d.push_back("--job-name=" + r.jobName);
    if (!e.slurm.partition.empty())
        d.push_back("--partition=" + e.slurm.partition);
    d.push_back("--nodes=" + std::to_string(std::max(1, r.nnodes)));
    d.push_back("--ntasks-per-node=" + std::to_string(std::max(1, r.tasksPerNode)));
    if (r.gpusPerNode > 0)
        d.push_back("--gres=gpu:" + std::to_string(r.gpusPerNode));
    else if (!e.slurm.gres.empty())
        d.push_back("--gres=" + e.slurm.gres);
    if (!e.slurm.account.empty())
        d.push_back("--account=" + e.slurm.account);
    if (!e.slurm.time.empty())
        d.push_back("--time=" + e.slurm.time);
    if (!e.slurm.qos.empty())
        d.push_back("--qos=" + e.slurm.qos);
    for (std::string line : e.slurm.extra) {
        if (line.starts_with("#SBATCH"))
            line = line.substr(7);
        auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos)
            continue;
        d.push_back(line.substr(first));
    }
    return d;
}

bool slurmStateActive(const std::string& state)
{
    static const std::set<std::string> active = {"PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "REQUEUED", "REQUEUE_HOLD",
                                                 "REQUEUE_FED", "RESIZING", "SUSPENDED", "STOPPED", "SIGNALING", "STAGE_OUT",
                                                 "RESV_DEL_HOLD"};
    return active.count(state) > 0;
}

SlurmEnd slurmEnd(const ExecutorConfig& e, const std::string& state, int exitCode, const std::string& reason,
                  const std::vector<std::string>& nodes, bool cancelledByUs)
{
    const std::string edit = "executor '" + e.name + "' in cairn.yaml";
    if (state == "COMPLETED")
        return {exitCode == 0 ? RunStatus::Finished : RunStatus::Failed, {}};
    if (state == "TIMEOUT" || state == "DEADLINE")
        return {RunStatus::Failed, "killed by Slurm: the job reached its time limit" + (e.slurm.time.empty() ? std::string(" (the partition's default)") : " (--time=" + e.slurm.time + ")")
                                       + "; ask for more with 'time:' of " + edit + ", or save checkpoints and resume"};
    if (state == "OUT_OF_MEMORY")
        return {RunStatus::Failed, "killed by Slurm: out of memory on " + joinNodes(nodes) + "; ask for more with extra: [\"--mem=64G\"] in "
                                       + edit + ", or use less (a smaller batch)"};
    if (state == "NODE_FAIL")
        return {RunStatus::Failed, "node failure: Slurm lost " + joinNodes(nodes) + " while the job ran (" + (reason.empty() ? "NODE_FAIL" : reason)
                                       + "); resubmit the job, and tell the cluster's admins if it happens again"};
    if (state == "BOOT_FAIL")
        return {RunStatus::Failed, "Slurm could not boot the job's nodes (" + joinNodes(nodes) + "); resubmit, or pick another partition"};
    if (state == "PREEMPTED")
        return {RunStatus::Failed, "preempted by a higher-priority job and not requeued; resubmit, or use a partition or qos without preemption"};
    if (state == "CANCELLED")
        return {RunStatus::Killed, cancelledByUs ? std::string() : "cancelled outside Cairn (scancel, or an administrator)"};
    if (state == "FAILED")
        return {RunStatus::Failed, exitCode == 0 ? "Slurm marked the job failed (" + reason + ")" : std::string()};
    if (state == "UNKNOWN" || state.empty())
        return {exitCode == 0 ? RunStatus::Finished : RunStatus::Failed, reason};
    return {RunStatus::Failed, "Slurm ended the job as " + state + (reason.empty() || reason == "None" ? "" : " (" + reason + ")")};
}

} // namespace cairn::remote
