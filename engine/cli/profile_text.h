// Dataset profiles as text for `cairn artifact show` (docs/artifacts.md): one row per column
// with its type, counts, range and mean or most frequent value, and its histogram drawn with
// block characters.
#pragma once

#include "engine/store/profile_rows.h"

#include <iosfwd>
#include <string>

namespace cairn::cli {

// "▁▃▇█▅▂" for a histogram's counts (one character a bin), empty without bins.
std::string sparkline(const Histogram& h);
void printProfile(std::ostream& out, const DatasetProfile& p, const std::string& title);

} // namespace cairn::cli
