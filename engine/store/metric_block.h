// Packed blocks of metric points: how cairn.db keeps long series compactly.
//
// A block holds the points of one (run, key) in the order they were logged. Steps and
// timestamps are zigzag varint deltas (a step counter costs one byte a point), values are
// raw IEEE-754 doubles so NaN and infinities survive bit for bit. Format 1:
//   u8 format=1 | varint n | n step deltas | n timestamp deltas | n x f64 little-endian
// Pure functions: no SQL, so the codec is unit-tested and fuzzed on its own.
#pragma once

#include "engine/core/result.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::blocks {

struct Point {
    std::int64_t step = 0;
    std::int64_t timestampMs = 0;
    double value = 0.0;
};

// What the database keeps beside each block, so range and level-of-detail queries can
// skip decoding: step range and value range (over non-NaN values; NaN when all are NaN).
struct BlockStats {
    std::int64_t count = 0;
    std::int64_t minStep = 0;
    std::int64_t maxStep = 0;
    double minValue = 0.0;
    double maxValue = 0.0;
};

// The most points one block holds; longer stretches are split.
inline constexpr std::size_t kMaxPoints = 4096;
// A block's level of detail: it is cut into this many runs of consecutive points, and each
// run keeps its first, lowest, highest and last point (in logging order).
inline constexpr std::size_t kLodParts = 16;

std::string encode(std::span<const Point> points);
BlockStats stats(std::span<const Point> points);
// Orders a series read from blocks and tail by step; points logged for the same step keep
// their logging order. Costs one pass when the series is already ordered (the usual case).
void sortByStep(std::vector<Point>& points);

// The level-of-detail points of a block (at most 4 * kLodParts), encoded like a block.
std::string encodeLod(std::span<const Point> points);
std::vector<Point> lodPoints(std::span<const Point> points);
// Appends the block's points to `out`. A damaged block is an error naming what is wrong;
// `out` then holds only what was appended before the damage was found (nothing).
Status decode(std::string_view bytes, std::vector<Point>& out);

} // namespace cairn::blocks
