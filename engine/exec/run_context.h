// Where and by whom a run is executed.
#pragma once
#include <string>
namespace cairn::exec {
std::string hostName();
std::string userName();
} // namespace cairn::exec
