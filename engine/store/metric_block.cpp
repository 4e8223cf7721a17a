#include "engine/store/metric_block.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

static_assert(std::endian::native == std::endian::little, "metric blocks are stored little-endian");

namespace cairn::blocks {
namespace {

constexpr std::uint8_t kFormat = 1;

void putVarint(std::string& out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

// Deltas wrap in unsigned arithmetic so any int64 sequence round-trips without overflow.
void putDelta(std::string& out, std::int64_t prev, std::int64_t x)
{
    auto d = static_cast<std::int64_t>(static_cast<std::uint64_t>(x) - static_cast<std::uint64_t>(prev));
    putVarint(out, (static_cast<std::uint64_t>(d) << 1) ^ static_cast<std::uint64_t>(d >> 63));
}

class Reader {
public:
    explicit Reader(std::string_view bytes) : m_p(bytes.data()), m_end(bytes.data() + bytes.size()) {}

    bool varint(std::uint64_t& v)
    {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p == m_end)
                return false;
            auto b = static_cast<std::uint8_t>(*m_p++);
            v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80))
                return true;
        }
        return false;
    }
    bool delta(std::int64_t prev, std::int64_t& x)
    {
        std::uint64_t z = 0;
        if (!varint(z))
            return false;
        std::uint64_t d = (z >> 1) ^ (~(z & 1) + 1);
        x = static_cast<std::int64_t>(static_cast<std::uint64_t>(prev) + d);
        return true;
    }
    std::size_t left() const { return static_cast<std::size_t>(m_end - m_p); }
    const char* take(std::size_t n)
    {
        const char* p = m_p;
        m_p += n;
        return p;
    }

private:
    const char* m_p;
    const char* m_end;
};

} // namespace

std::string encode(std::span<const Point> points)
{
    std::string out;
    out.reserve(2 + points.size() * 12);
    out.push_back(static_cast<char>(kFormat));
    putVarint(out, points.size());
    std::int64_t prev = 0;
    for (const Point& p : points) {
        putDelta(out, prev, p.step);
        prev = p.step;
    }
    prev = 0;
    for (const Point& p : points) {
        putDelta(out, prev, p.timestampMs);
        prev = p.timestampMs;
    }
    std::size_t at = out.size();
    out.resize(at + points.size() * sizeof(double));
    for (const Point& p : points) {
        std::memcpy(out.data() + at, &p.value, sizeof(double));
        at += sizeof(double);
    }
    return out;
}

BlockStats stats(std::span<const Point> points)
{
    BlockStats s;
    s.count = static_cast<std::int64_t>(points.size());
    s.minValue = s.maxValue = std::numeric_limits<double>::quiet_NaN();
    bool first = true;
    for (const Point& p : points) {
        s.minStep = first ? p.step : std::min(s.minStep, p.step);
        s.maxStep = first ? p.step : std::max(s.maxStep, p.step);
        first = false;
        if (std::isnan(p.value))
            continue;
        s.minValue = std::isnan(s.minValue) ? p.value : std::min(s.minValue, p.value);
        s.maxValue = std::isnan(s.maxValue) ? p.value : std::max(s.maxValue, p.value);
    }
    return s;
}

std::vector<Point> lodPoints(std::span<const Point> points)
{
    std::vector<Point> out;
    const std::size_t n = points.size();
    if (n <= 4 * kLodParts)
        return {points.begin(), points.end()};
    out.reserve(4 * kLodParts);
    for (std::size_t part = 0; part < kLodParts; ++part) {
        const std::size_t begin = part * n / kLodParts, end = (part + 1) * n / kLodParts;
        std::size_t lo = begin, hi = begin;
        for (std::size_t i = begin; i < end; ++i) {
            // NaN never wins: a NaN point is kept only as a part's first or last.
            if (points[i].value < points[lo].value || std::isnan(points[lo].value))
                lo = i;
            if (points[i].value > points[hi].value || std::isnan(points[hi].value))
                hi = i;
        }
        std::size_t picks[4] = {begin, std::min(lo, hi), std::max(lo, hi), end - 1};
        for (std::size_t k = 0; k < 4; ++k)
            if (k == 0 || picks[k] != picks[k - 1])
                out.push_back(points[picks[k]]);
    }
    return out;
}

void sortByStep(std::vector<Point>& points)
{
    auto byStep = [](const Point& a, const Point& b) { return a.step < b.step; };
    if (!std::is_sorted(points.begin(), points.end(), byStep))
        std::stable_sort(points.begin(), points.end(), byStep);
}

std::string encodeLod(std::span<const Point> points) { return encode(lodPoints(points)); }

Status decode(std::string_view bytes, std::vector<Point>& out)
{
    Reader r(bytes);
    if (r.left() < 1)
        return makeError("metric block is empty");
    auto format = static_cast<std::uint8_t>(*r.take(1));
    if (format != kFormat)
        return makeError("metric block has format " + std::to_string(format) + "; this Cairn reads format 1");
    std::uint64_t n = 0;
    if (!r.varint(n))
        return makeError("metric block is truncated in its point count");
    // Every point needs at least 1 + 1 + 8 bytes: reject counts the bytes cannot hold
    // before allocating anything.
    if (n > r.left() / 10)
        return makeError("metric block claims " + std::to_string(n) + " points but holds " + std::to_string(r.left())
                         + " bytes");
    const std::size_t base = out.size();
    out.resize(base + n);
    std::int64_t prev = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!r.delta(prev, out[base + i].step)) {
            out.resize(base);
            return makeError("metric block is truncated in its steps");
        }
        prev = out[base + i].step;
    }
    prev = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!r.delta(prev, out[base + i].timestampMs)) {
            out.resize(base);
            return makeError("metric block is truncated in its timestamps");
        }
        prev = out[base + i].timestampMs;
    }
    if (r.left() != n * sizeof(double)) {
        out.resize(base);
        return makeError("metric block has " + std::to_string(r.left()) + " value bytes; " + std::to_string(n)
                         + " points need " + std::to_string(n * sizeof(double)));
    }
    const char* values = r.take(n * sizeof(double));
    for (std::size_t i = 0; i < n; ++i)
        std::memcpy(&out[base + i].value, values + i * sizeof(double), sizeof(double));
    return Ok{};
}

} // namespace cairn::blocks
