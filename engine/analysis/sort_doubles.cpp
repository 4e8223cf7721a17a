#include "engine/analysis/sort_doubles.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <utility>

namespace cairn::analysis {
namespace {

constexpr int kTopBits = 11;           // the first pass: sign and most of the exponent
constexpr std::size_t kTopBuckets = std::size_t(1) << kTopBits;
constexpr int kTopShift = 64 - kTopBits;
constexpr int kBits = 11;               // then bits 0..54 within each top bucket
constexpr std::size_t kBuckets = std::size_t(1) << kBits;
constexpr std::uint64_t kMask = kBuckets - 1;
constexpr int kLowPasses = (kTopShift + kBits) / kBits;

// Unsigned keys in the doubles' order: flip the sign bit of positives, every bit of negatives.
std::uint64_t key(double v)
{
    const auto b = std::bit_cast<std::uint64_t>(v);
    return b ^ ((b >> 63) ? ~std::uint64_t(0) : std::uint64_t(1) << 63);
}

double value(std::uint64_t k)
{
    return std::bit_cast<double>(k ^ ((k >> 63) ? std::uint64_t(1) << 63 : ~std::uint64_t(0)));
}

// LSD radix sort of keys that share their top bits; `from` and `to` are the same size.
// Returns the buffer that holds the result.
std::uint64_t* sortLow(std::uint64_t* from, std::uint64_t* to, std::size_t n)
{
    if (n < 256) {
        std::sort(from, from + n);
        return from;
    }
    std::array<std::array<std::size_t, kBuckets>, kLowPasses> counts{};
    for (std::size_t i = 0; i < n; ++i)
        for (int p = 0; p < kLowPasses; ++p)
            ++counts[std::size_t(p)][(from[i] >> (p * kBits)) & kMask];
    for (int p = 0; p < kLowPasses; ++p) {
        auto& c = counts[std::size_t(p)];
        const int shift = p * kBits;
        if (c[(from[0] >> shift) & kMask] == n)
            continue;  // one digit value here: nothing moves
        std::size_t sum = 0;
        for (auto& x : c)
            sum += std::exchange(x, sum);
        for (std::size_t i = 0; i < n; ++i)
            to[c[(from[i] >> shift) & kMask]++] = from[i];
        std::swap(from, to);
    }
    return from;
}

} // namespace

void sortDoubles(std::vector<double>& values)
{
    const std::size_t n = values.size();
    if (n < 512) {  // below this std::sort wins
        std::sort(values.begin(), values.end());
        return;
    }
    // One pass on the top bits spreads the keys into buckets small enough to sort in cache.
    std::vector<std::uint64_t> a(n), b(n);
    std::array<std::size_t, kTopBuckets + 1> start{};
    for (std::size_t i = 0; i < n; ++i) {
        a[i] = key(values[i]);
        ++start[(a[i] >> kTopShift) + 1];
    }
    for (std::size_t k = 1; k <= kTopBuckets; ++k)
        start[k] += start[k - 1];
    std::array<std::size_t, kTopBuckets> next;
    std::copy(start.begin(), start.end() - 1, next.begin());
    for (std::size_t i = 0; i < n; ++i)
        b[next[a[i] >> kTopShift]++] = a[i];
    for (std::size_t k = 0; k < kTopBuckets; ++k) {
        const std::size_t lo = start[k], m = start[k + 1] - lo;
        if (m == 0)
            continue;
        const std::uint64_t* sorted = sortLow(b.data() + lo, a.data() + lo, m);
        for (std::size_t i = 0; i < m; ++i)
            values[lo + i] = value(sorted[i]);
    }
}

} // namespace cairn::analysis
