#pragma once
#include <chrono>
#include <cstdint>
namespace cairn {
// Wall-clock time in Unix epoch milliseconds.
inline std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}
} // namespace cairn
