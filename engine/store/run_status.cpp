#include "engine/store/types.h"

namespace cairn {

std::string_view toString(RunStatus status)
{
    switch (status) {
    case RunStatus::Queued: return "queued";
    case RunStatus::Running: return "running";
    case RunStatus::Finished: return "finished";
    case RunStatus::Failed: return "failed";
    case RunStatus::Killed: return "killed";
    }
    return "unknown";
}

std::optional<RunStatus> runStatusFromString(std::string_view text)
{
    for (RunStatus s : {RunStatus::Queued, RunStatus::Running, RunStatus::Finished,
                        RunStatus::Failed, RunStatus::Killed}) {
        if (toString(s) == text)
            return s;
    }
    return std::nullopt;
}

} // namespace cairn
