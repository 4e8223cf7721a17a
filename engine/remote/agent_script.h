// The agent Cairn sends to the far side (engine/remote/cairn_agent.py, compiled in).
#pragma once

#include <string>
#include <string_view>

namespace cairn::remote {

std::string_view agentScript();
// The first 16 hex digits of the script's SHA-256: its cached name is agent-<hash>.py.
const std::string& agentHash();

} // namespace cairn::remote
