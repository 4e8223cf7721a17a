// Small text helpers shared by the CLI and parsers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cairn {

// Edit distance between two strings (for "did you mean").
std::size_t editDistance(std::string_view a, std::string_view b);
// The closest candidate within a small distance, or empty.
std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates);
// ASCII letters lowered, everything else (UTF-8 included) as it is: for keywords and units.
std::string asciiLower(std::string_view s);
// Quotes an argument for a POSIX shell when it needs it.
std::string shellQuote(std::string_view arg);
std::string shellJoin(const std::vector<std::string>& args);
// Formats a double the shortest way that reads back exactly; nan, inf, -inf spelled out.
std::string formatDouble(double v);
// Formats Unix epoch ms as local "YYYY-MM-DD HH:MM:SS".
std::string formatTimestamp(long long ms);
std::string formatDuration(long long ms);

} // namespace cairn
