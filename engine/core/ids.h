#pragma once
#include <string>
namespace cairn {
// A new run id: 32 lowercase hex digits from the OS's random source (like MLflow's run ids).
std::string newRunId();
} // namespace cairn
