#include "engine/core/ids.h"

#include <array>
#include <random>

namespace cairn {

std::string newRunId()
{
    static thread_local std::random_device rd;
    std::array<unsigned, 4> words{rd(), rd(), rd(), rd()};
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id;
    id.reserve(32);
    for (unsigned w : words)
        for (int shift = 28; shift >= 0; shift -= 4)
            id.push_back(kHex[(w >> shift) & 0xF]);
    return id;
}

} // namespace cairn
