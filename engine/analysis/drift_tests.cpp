// Chi-square, Z, Wasserstein, Jensen-Shannon, KL and PSI, plus numpy's histogram binning,
// written to give the numbers scipy 1.10 and numpy 1.24 give.
#include "engine/analysis/drift_tests.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cairn::analysis::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMachEp = 1.11022302462515654042e-16;
constexpr double kMaxLog = 7.09782712893383996843e2;
constexpr double kBig = 4.503599627370496e15;
constexpr double kBigInv = 2.22044604925031308085e-16;

// Lower regularized incomplete gamma by its power series (cephes igam, x < 1 or x < a).
double igamSeries(double a, double x)
{
    double ax = a * std::log(x) - x - std::lgamma(a);
    if (ax < -kMaxLog)
        return 0.0;
    ax = std::exp(ax);
    double r = a, c = 1.0, ans = 1.0;
    do {
        r += 1.0;
        c *= x / r;
        ans += c;
    } while (c / ans > kMachEp);
    return ans * ax / a;
}

double relEntr(double x, double y)
{
    if (std::isnan(x) || std::isnan(y))
        return kNaN;
    if (x > 0 && y > 0)
        return x * std::log(x / y);
    if (x == 0 && y >= 0)
        return 0.0;
    return kInf;
}

std::vector<double> normalised(std::span<const double> p)
{
    const double s = accurateSum(p);
    std::vector<double> out(p.begin(), p.end());
    for (double& v : out)
        v = v / s;
    return out;
}

} // namespace

double accurateSum(std::span<const double> x)
{
    NeumaierSum sum;
    for (double v : x)
        sum.add(v);
    return sum.value();
}

double igamc(double a, double x)
{
    if (std::isnan(a) || std::isnan(x) || x < 0 || a < 0)
        return kNaN;
    if (a == 0)
        return x > 0 ? 0.0 : kNaN;
    if (x == 0)
        return 1.0;
    if (std::isinf(a))
        return std::isinf(x) ? kNaN : 1.0;
    if (std::isinf(x))
        return 0.0;
    if (x < 1.0 || x < a)
        return 1.0 - igamSeries(a, x);
    double ax = a * std::log(x) - x - std::lgamma(a);
    if (ax < -kMaxLog)
        return 0.0;
    ax = std::exp(ax);
    double y = 1.0 - a, z = x + y + 1.0, c = 0.0;
    double pkm2 = 1.0, qkm2 = x, pkm1 = x + 1.0, qkm1 = z * x;
    double ans = pkm1 / qkm1, t;
    do {
        c += 1.0;
        y += 1.0;
        z += 2.0;
        const double yc = y * c;
        const double pk = pkm1 * z - pkm2 * yc, qk = qkm1 * z - qkm2 * yc;
        if (qk != 0) {
            const double r = pk / qk;
            t = std::abs((ans - r) / r);
            ans = r;
        } else {
            t = 1.0;
        }
        pkm2 = pkm1;
        pkm1 = pk;
        qkm2 = qkm1;
        qkm1 = qk;
        if (std::abs(pk) > kBig) {
            pkm2 *= kBigInv;
            pkm1 *= kBigInv;
            qkm2 *= kBigInv;
            qkm1 *= kBigInv;
        }
    } while (t > kMachEp);
    return ans * ax;
}

double chiSquarePValue(std::span<const double> observed, std::span<const double> expected)
{
    std::vector<double> terms(observed.size());
    for (std::size_t i = 0; i < observed.size(); ++i) {
        const double d = observed[i] - expected[i];
        terms[i] = d * d / expected[i];  // an unseen category (expected 0) gives inf: p = 0
    }
    const double stat = accurateSum(terms);
    const double dof = double(observed.size()) - 1.0;
    if (!(dof > 0) || std::isnan(stat))
        return kNaN;
    if (stat <= 0)
        return 1.0;
    return igamc(dof / 2.0, stat / 2.0);
}

double normalCdf(double a)
{
    const double sqrth = 0.70710678118654752440;
    const double x = a * sqrth, z = std::abs(x);
    if (z < sqrth)
        return 0.5 + 0.5 * std::erf(x);
    const double y = 0.5 * std::erfc(z);
    return x > 0 ? 1.0 - y : y;
}

double zTestPValue(std::size_t n1, std::size_t k1, std::size_t n2, std::size_t k2)
{
    const double dn1 = double(n1), dn2 = double(n2);
    const double p1 = double(k1) / dn1, p2 = double(k2) / dn2;
    const double P = (p1 * dn1 + p2 * dn2) / (dn1 + dn2);
    const double z = (p1 - p2) / std::sqrt(P * (1 - P) * (1.0 / dn1 + 1.0 / dn2));
    return 2 * (1 - normalCdf(std::abs(z)));
}

double wassersteinDistance(std::span<const double> a, std::span<const double> b)
{
    const double na = double(a.size()), nb = double(b.size());
    NeumaierSum sum;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        const double x = i < a.size() && (j >= b.size() || a[i] <= b[j]) ? a[i] : b[j];
        while (i < a.size() && a[i] <= x)
            ++i;
        while (j < b.size() && b[j] <= x)
            ++j;
        if (i == a.size() && j == b.size())
            break;
        const double y = i < a.size() && (j >= b.size() || a[i] <= b[j]) ? a[i] : b[j];
        sum.add(std::abs(double(i) / na - double(j) / nb) * (y - x));
    }
    return sum.value();
}

double populationStd(std::span<const double> x)
{
    if (x.empty())
        return kNaN;
    const double mean = accurateSum(x) / double(x.size());
    NeumaierSum sq;
    for (double v : x)
        sq.add((v - mean) * (v - mean));
    return std::sqrt(sq.value() / double(x.size()));
}

std::vector<double> sturgesEdges(std::size_t count, double min, double max, bool integer)
{
    if (count == 0 || !std::isfinite(min) || !std::isfinite(max))
        return {};
    double first = min, last = max;
    if (first == last) {
        first -= 0.5;
        last += 0.5;
    }
    double width = (max - min) / (std::log2(double(count)) + 1.0);
    if (integer && width != 0 && width < 1)  // numpy >= 2.1: integer data gets bins at least 1 wide
        width = 1;
    const std::size_t bins = width != 0 ? static_cast<std::size_t>(std::ceil((last - first) / width)) : 1;
    std::vector<double> edges(bins + 1);
    const double delta = last - first, step = delta / double(bins);
    for (std::size_t i = 0; i <= bins; ++i)
        edges[i] = (step == 0 ? double(i) / double(bins) * delta : double(i) * step) + first;
    edges[bins] = last;
    return edges;
}

std::vector<double> histogramCounts(std::span<const double> sorted, std::span<const double> edges)
{
    std::vector<double> counts;
    if (edges.size() < 2)
        return counts;
    std::size_t prev = std::lower_bound(sorted.begin(), sorted.end(), edges[0]) - sorted.begin();
    for (std::size_t e = 1; e < edges.size(); ++e) {
        const bool last = e + 1 == edges.size();
        const std::size_t cur = last ? std::upper_bound(sorted.begin(), sorted.end(), edges[e]) - sorted.begin()
                                     : std::lower_bound(sorted.begin(), sorted.end(), edges[e]) - sorted.begin();
        counts.push_back(double(cur) - double(prev));
        prev = cur;
    }
    return counts;
}

void fillZeroes(std::vector<double>& shares)
{
    double mn = kInf;
    for (double v : shares)
        if (v != 0)
            mn = std::min(mn, v);
    if (std::isinf(mn))
        return;
    const double eps = mn <= 0.0001 ? mn / 1e6 : 0.0001;
    for (double& v : shares)
        if (v == 0)
            v = eps;
}

double jensenShannon(std::span<const double> pIn, std::span<const double> qIn)
{
    const auto p = normalised(pIn), q = normalised(qIn);
    std::vector<double> left(p.size()), right(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
        const double m = (p[i] + q[i]) / 2.0;
        left[i] = relEntr(p[i], m);
        right[i] = relEntr(q[i], m);
    }
    const double js = accurateSum(left) + accurateSum(right);
    return std::sqrt(js / 2.0);
}

double klDivergence(std::span<const double> pIn, std::span<const double> qIn)
{
    const auto p = normalised(pIn), q = normalised(qIn);
    std::vector<double> terms(p.size());
    for (std::size_t i = 0; i < p.size(); ++i)
        terms[i] = relEntr(p[i], q[i]);
    return accurateSum(terms);
}

double psi(std::span<const double> p, std::span<const double> q)
{
    std::vector<double> terms(p.size());
    for (std::size_t i = 0; i < p.size(); ++i)
        terms[i] = (p[i] - q[i]) * std::log(p[i] / q[i]);
    return accurateSum(terms);
}

} // namespace cairn::analysis::stats
