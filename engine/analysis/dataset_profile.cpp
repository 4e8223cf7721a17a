#include "engine/analysis/dataset_profile.h"

#include "engine/analysis/csv_table.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <set>
#include <unordered_map>

namespace cairn::analysis {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool digits(std::string_view s, std::size_t at, std::size_t n)
{
    if (at + n > s.size())
        return false;
    for (std::size_t i = at; i < at + n; ++i)
        if (!isDigit(s[i]))
            return false;
    return true;
}

// YYYY-MM-DD, optionally [T ]HH:MM[:SS[.fff]] and Z or +HH:MM.
bool isDateTime(std::string_view s)
{
    if (s.size() < 10 || !digits(s, 0, 4) || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' || !digits(s, 8, 2))
        return false;
    std::size_t i = 10;
    if (i == s.size())
        return true;
    if ((s[i] != 'T' && s[i] != ' ') || !digits(s, i + 1, 2) || i + 3 >= s.size() || s[i + 3] != ':' || !digits(s, i + 4, 2))
        return false;
    i += 6;
    if (i < s.size() && s[i] == ':') {
        if (!digits(s, i + 1, 2))
            return false;
        i += 3;
        if (i < s.size() && s[i] == '.') {
            ++i;
            const std::size_t start = i;
            while (i < s.size() && isDigit(s[i]))
                ++i;
            if (i == start)
                return false;
        }
    }
    if (i == s.size())
        return true;
    if ((s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size())
        return true;
    return (s[i] == '+' || s[i] == '-') && s.size() - i == 6 && digits(s, i + 1, 2) && s[i + 3] == ':' && digits(s, i + 4, 2);
}

bool isBool(std::string_view s)
{
    return s == "true" || s == "false" || s == "True" || s == "False" || s == "TRUE" || s == "FALSE";
}

bool looksIntegral(std::string_view s, double v)
{
    if (!std::isfinite(v) || v != std::floor(v) || std::fabs(v) > 9.007199254740992e15)
        return false;
    return s.find_first_of(".eE") == std::string_view::npos;
}

struct Accumulator {
    std::uint64_t count = 0, nulls = 0, finite = 0, infinite = 0;
    bool allInt = true, allFloat = true, allBool = true, allDateTime = true;
    double min = std::numeric_limits<double>::infinity(), max = -std::numeric_limits<double>::infinity();
    double mean = 0, m2 = 0;  // Welford
    std::vector<double> sample;
    std::mt19937_64 rng;
    std::unordered_map<std::string, std::uint64_t, StringHash, std::equal_to<>> counts;
    bool distinctCapped = false;

    void add(std::string_view field, std::size_t maxDistinct, std::size_t sampleSize)
    {
        if (isMissingToken(field)) {
            ++nulls;
            return;
        }
        ++count;
        if (auto it = counts.find(field); it != counts.end())
            ++it->second;
        else if (counts.size() < maxDistinct)
            counts.emplace(std::string(field), 1);
        else
            distinctCapped = true;
        if (allFloat) {
            double v = 0;
            if (!parseDouble(field, v)) {
                allFloat = allInt = false;
                sample = {};
            } else {
                if (allInt && !looksIntegral(field, v))
                    allInt = false;
                if (!std::isfinite(v)) {
                    ++infinite;
                } else {
                    ++finite;
                    min = std::min(min, v);
                    max = std::max(max, v);
                    const double d = v - mean;
                    mean += d / static_cast<double>(finite);
                    m2 += d * (v - mean);
                    // Reservoir sampling (algorithm R): a uniform sample of the finite values.
                    if (sample.size() < sampleSize) {
                        sample.push_back(v);
                    } else {
                        const std::uint64_t j = rng() % finite;
                        if (j < sampleSize)
                            sample[j] = v;
                    }
                }
            }
        }
        if (allBool && !isBool(field))
            allBool = false;
        if (allDateTime && !isDateTime(field))
            allDateTime = false;
    }
};

Histogram histogram(const Accumulator& a, std::size_t bins)
{
    Histogram h;
    if (a.finite == 0)
        return h;
    h.sampled = a.sample.size() < a.finite;
    if (a.min == a.max) {
        h.edges = {a.min, a.max};
        h.counts = {static_cast<std::uint64_t>(a.sample.size())};
        return h;
    }
    const double width = (a.max - a.min) / static_cast<double>(bins);
    for (std::size_t i = 0; i <= bins; ++i)
        h.edges.push_back(i == bins ? a.max : a.min + width * static_cast<double>(i));
    h.counts.assign(bins, 0);
    for (double v : a.sample) {
        auto b = static_cast<std::size_t>((v - a.min) / width);
        ++h.counts[std::min(b, bins - 1)];
    }
    return h;
}

} // namespace

bool isProfilable(const std::filesystem::path& path)
{
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".csv";
}

Result<DatasetProfile> profileCsv(const std::string& path, const ProfileOptions& o)
{
    auto reader = CsvReader::open(path);
    if (!reader)
        return reader.error();
    std::vector<std::string_view> fields;
    if (auto st = reader->header(fields); !st)
        return st.error();
    DatasetProfile profile;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        ColumnProfile c;
        c.name = fields[i].empty() ? "Unnamed: " + std::to_string(i) : std::string(fields[i]);
        if (!seen.insert(c.name).second)
            return makeError(path + ":" + std::to_string(reader->rowLine()) + ": column '" + c.name + "' appears twice in the header");
        profile.columns.push_back(std::move(c));
    }
    const std::size_t n = profile.columns.size();
    // Bounded memory: about 64 MB of samples and tracked values whatever the column count.
    const std::size_t sampleSize = std::max<std::size_t>(1024, std::min(o.sampleSize, (std::size_t(8) << 20) / n));
    const std::size_t maxDistinct = std::max<std::size_t>(100, std::min(o.maxDistinct, (std::size_t(1) << 20) / n));
    std::vector<Accumulator> acc(n);
    for (std::size_t i = 0; i < n; ++i)
        acc[i].rng.seed(0x5eed + i);
    std::uint64_t bytes = 0;
    for (;;) {
        auto more = reader->nextRow(fields, n);
        if (!more)
            return more.error();
        if (!*more)
            break;
        for (std::size_t i = 0; i < n; ++i) {
            acc[i].add(fields[i], maxDistinct, sampleSize);
            bytes += fields[i].size() + 1;
        }
        ++profile.rows;
        if (bytes >= o.maxBytes) {
            std::vector<std::string_view> peek;
            auto rest = reader->next(peek);
            profile.truncated = rest && *rest;
            break;
        }
    }
    profile.bytes = bytes;
    for (std::size_t i = 0; i < n; ++i) {
        Accumulator& a = acc[i];
        ColumnProfile& c = profile.columns[i];
        c.count = a.count;
        c.nulls = a.nulls;
        c.distinct = a.counts.size();
        c.distinctExact = !a.distinctCapped;
        if (a.count == 0)
            c.type = "string";
        else if (a.allFloat)
            c.type = a.allInt ? "int" : "float";
        else if (a.allBool)
            c.type = "bool";
        else if (a.allDateTime)
            c.type = "datetime";
        else
            c.type = "string";
        if (c.numericType()) {
            NumericSummary s;
            const bool any = a.finite > 0;
            const double nan = std::numeric_limits<double>::quiet_NaN();
            s.min = any ? a.min : nan;
            s.max = any ? a.max : nan;
            s.mean = any ? a.mean : nan;
            s.stddev = a.finite > 1 ? std::sqrt(a.m2 / static_cast<double>(a.finite - 1)) : (any ? 0.0 : nan);
            s.infinite = a.infinite;
            s.histogram = histogram(a, o.bins);
            c.numeric = s;
            continue;
        }
        std::vector<std::pair<std::string, std::uint64_t>> values(a.counts.begin(), a.counts.end());
        const std::size_t k = std::min(o.topValues, values.size());
        std::partial_sort(values.begin(), values.begin() + static_cast<long>(k), values.end(),
                          [](const auto& x, const auto& y) { return x.second != y.second ? x.second > y.second : x.first < y.first; });
        std::uint64_t shown = 0;
        for (std::size_t j = 0; j < k; ++j) {
            c.top.push_back({values[j].first, values[j].second});
            shown += values[j].second;
        }
        c.otherCount = c.count - shown;
    }
    return profile;
}

} // namespace cairn::analysis
