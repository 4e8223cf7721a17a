// Where and by whom a run is executed.
#pragma once
#include <string>
#include <vector>
namespace cairn::exec {
std::string hostName();
std::string userName();
// A name for an unnamed run: the script's name and a short id ("train-3fa2c1").
std::string defaultRunName(const std::vector<std::string>& argv, const std::string& runId);
} // namespace cairn::exec
