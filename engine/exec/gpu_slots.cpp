#include "engine/exec/gpu_slots.h"

#include "gpu/gpu_inventory.h"

#include <algorithm>

namespace cairn::exec {
namespace {

std::string plural(std::size_t n) { return std::to_string(n) + (n == 1 ? " GPU" : " GPUs"); }

} // namespace

GpuSlots::GpuSlots(std::vector<int> usable) : m_usable(std::move(usable))
{
    std::sort(m_usable.begin(), m_usable.end());
    m_usable.erase(std::unique(m_usable.begin(), m_usable.end()), m_usable.end());
}

std::vector<int> GpuSlots::usableIds(const std::vector<gpu::GpuInfo>& devices,
                                     const std::optional<std::vector<int>>& allowList)
{
    std::vector<int> ids;
    for (const auto& d : devices)
        if (!allowList || std::find(allowList->begin(), allowList->end(), d.index) != allowList->end())
            ids.push_back(d.index);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

std::string GpuSlots::usableText() const
{
    if (m_usable.empty())
        return "none";
    std::string list;
    for (int id : m_usable)
        list += (list.empty() ? "" : ",") + std::to_string(id);
    return std::to_string(m_usable.size()) + " (" + list + ")";
}

Status GpuSlots::validate(const GpuRequest& r) const
{
    const std::string where = " on this machine; see 'gpus:' in cairn.yaml";
    if (r.count < 0)
        return makeError("the GPU count must be 0 or more, not " + std::to_string(r.count));
    if (!r.ids.empty() && r.count != 0 && static_cast<std::size_t>(r.count) != r.ids.size())
        return makeError("the job asks for " + plural(static_cast<std::size_t>(r.count)) + " but names " +
                         std::to_string(r.ids.size()) + " GPU ids; give a count or ids, not both");
    std::set<int> seen;
    for (int id : r.ids) {
        if (!seen.insert(id).second)
            return makeError("GPU " + std::to_string(id) + " is named twice in the job's GPU ids");
        if (!std::binary_search(m_usable.begin(), m_usable.end(), id))
            return makeError("the job asks for GPU " + std::to_string(id) + " but Cairn may use " + usableText() + where);
    }
    const std::size_t wanted = r.ids.empty() ? static_cast<std::size_t>(r.count) : r.ids.size();
    if (wanted > m_usable.size())
        return makeError("the job asks for " + plural(wanted) + " but Cairn may use " + usableText() + where);
    return Ok{};
}

std::optional<std::vector<int>> GpuSlots::tryAcquire(const GpuRequest& r)
{
    if (!validate(r))
        return std::nullopt;
    std::lock_guard lock(m_mutex);
    std::vector<int> got;
    if (!r.ids.empty()) {
        for (int id : r.ids)
            if (m_busy.count(id))
                return std::nullopt;
        got = r.ids;
    } else {
        for (int id : m_usable) {
            if (got.size() == static_cast<std::size_t>(r.count))
                break;
            if (!m_busy.count(id))
                got.push_back(id);
        }
        if (got.size() < static_cast<std::size_t>(r.count))
            return std::nullopt;
    }
    m_busy.insert(got.begin(), got.end());
    return got;
}

void GpuSlots::release(const std::vector<int>& ids)
{
    std::lock_guard lock(m_mutex);
    for (int id : ids)
        m_busy.erase(id);
}

std::vector<int> GpuSlots::busy() const
{
    std::lock_guard lock(m_mutex);
    return {m_busy.begin(), m_busy.end()};
}

int GpuSlots::freeCount() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_usable.size() - m_busy.size());
}

} // namespace cairn::exec
