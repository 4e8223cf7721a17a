// Kolmogorov-Smirnov distributions, ported from scipy 1.10 (stats/_stats_py.py ks_2samp and
// its exact path, stats/_stats_pythran.py, stats/_ksstats.py) so the p-values are scipy's.
#include "engine/analysis/drift_tests.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace cairn::analysis::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kPi = 3.14159265358979323846;

double clip01(double p) { return std::clamp(p, 0.0, 1.0); }

// Two-sided exact p-value for equal sample sizes n (Hodges).
double probOutsideSquare(std::int64_t n, std::int64_t h)
{
    double P = 0.0;
    for (std::int64_t k = n / h; k >= 0; --k) {
        double p1 = 1.0;
        for (std::int64_t j = 0; j < h; ++j)
            p1 = static_cast<double>(n - k * h - j) * p1 / static_cast<double>(n + k * h + j + 1);
        P = p1 * (1.0 - P);
    }
    return 2 * P;
}

// Two-sided exact p-value for m != n: the inside method computing 1 - p (Viehmann).
double outerProbInside(std::int64_t m, std::int64_t n, std::int64_t g, std::int64_t h)
{
    if (m < n)
        std::swap(m, n);
    const std::int64_t mg = m / g, ng = n / g;
    std::int64_t minj = 0;
    std::int64_t maxj = std::min<std::int64_t>(static_cast<std::int64_t>(std::ceil(double(h) / double(mg))), n + 1);
    std::int64_t curlen = maxj - minj;
    const std::int64_t lenA = std::min<std::int64_t>(2 * maxj + 2, n + 1);
    std::vector<double> A(static_cast<std::size_t>(lenA), 1.0);
    std::fill(A.begin() + minj, A.begin() + maxj, 0.0);
    for (std::int64_t i = 1; i <= m; ++i) {
        const std::int64_t lastminj = minj, lastlen = curlen;
        minj = std::max<std::int64_t>(static_cast<std::int64_t>(std::floor(double(ng * i - h) / double(mg))) + 1, 0);
        minj = std::min(minj, n);
        maxj = std::min<std::int64_t>(static_cast<std::int64_t>(std::ceil(double(ng * i + h) / double(mg))), n + 1);
        if (maxj <= minj)
            return 1.0;
        double val = minj == 0 ? 0.0 : 1.0;
        for (std::int64_t jj = 0; jj < maxj - minj; ++jj) {
            const std::int64_t j = jj + minj;
            val = (A[static_cast<std::size_t>(jj + minj - lastminj)] * double(i) + val * double(j)) / double(i + j);
            A[static_cast<std::size_t>(jj)] = val;
        }
        curlen = maxj - minj;
        if (lastlen > curlen)
            std::fill(A.begin() + (maxj - minj), A.begin() + (maxj - minj) + (lastlen - curlen), 1.0);
    }
    return A[static_cast<std::size_t>(maxj - minj - 1)];
}

double logNFactorialDivNPowN(double n)
{
    static const double c[] = {-2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
                               8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
                               -2.7777777777777777778e-3, 8.3333333333333333333e-2};
    const double rn = 1.0 / n, z = rn / n;
    double poly = 0;
    for (double ci : c)
        poly = poly * z + ci;
    return std::log(n) / 2 - n + std::log(2 * kPi) / 2 + rn * poly;
}

using Matrix = std::vector<double>;

Matrix matmul(const Matrix& a, const Matrix& b, std::size_t m)
{
    Matrix c(m * m, 0.0);
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t k = 0; k < m; ++k) {
            const double aik = a[i * m + k];
            for (std::size_t j = 0; j < m; ++j)
                c[i * m + j] += aik * b[k * m + j];
        }
    return c;
}

// Pr(D_n <= d), Durbin's matrix algorithm as Marsaglia-Tsang-Wang compute it.
double kolmognDMTW(std::int64_t n, double d)
{
    if (d >= 1.0)
        return 1.0;
    const double nd = double(n) * d;
    if (nd <= 0.5)
        return 0.0;
    const std::int64_t k = static_cast<std::int64_t>(std::ceil(nd));
    const double h = double(k) - nd;
    const std::size_t m = static_cast<std::size_t>(2 * k - 1);
    Matrix H(m * m, 0.0);
    std::vector<double> v(m), w(m);
    double fac = 1.0;
    for (std::size_t j = 1; j <= m; ++j) {
        v[j - 1] = 1.0 - std::pow(h, double(j));
        w[j - 1] = fac;
        fac /= double(j);
        v[j - 1] *= fac;
    }
    const double tt = std::pow(std::max(2 * h - 1.0, 0.0), double(m)) - 2 * std::pow(h, double(m));
    v[m - 1] = (1.0 + tt) * fac;
    for (std::size_t i = 1; i < m; ++i)
        for (std::size_t r = i - 1; r < m; ++r)
            H[r * m + i] = w[r - (i - 1)];
    for (std::size_t r = 0; r < m; ++r)
        H[r * m] = v[r];
    for (std::size_t c = 0; c < m; ++c)
        H[(m - 1) * m + c] = v[m - 1 - c];
    Matrix P(m * m, 0.0);
    for (std::size_t i = 0; i < m; ++i)
        P[i * m + i] = 1.0;
    const double ep128 = std::ldexp(1.0, 128), em128 = std::ldexp(1.0, -128);
    int expnt = 0, hexpnt = 0;
    for (std::int64_t nn = n; nn > 0; nn /= 2) {
        if (nn % 2) {
            P = matmul(P, H, m);
            expnt += hexpnt;
        }
        H = matmul(H, H, m);
        hexpnt *= 2;
        const std::size_t kk = static_cast<std::size_t>(k - 1) * m + static_cast<std::size_t>(k - 1);
        if (std::abs(H[kk]) > ep128) {
            for (double& x : H)
                x /= ep128;
            hexpnt += 128;
        }
    }
    double p = P[static_cast<std::size_t>(k - 1) * m + static_cast<std::size_t>(k - 1)];
    for (std::int64_t i = 1; i <= n; ++i) {
        p = double(i) * p / double(n);
        if (std::abs(p) < em128) {
            p *= ep128;
            expnt -= 128;
        }
    }
    if (expnt != 0)
        p = std::ldexp(p, expnt);
    return clip01(p);
}

} // namespace

double kolmognPomeranz(std::int64_t n, double x);
double kolmognPelzGood(std::int64_t n, double x);

double smirnovSf(std::int64_t n, double e)
{
    if (!(n > 0 && e >= 0.0 && e <= 1.0))
        return kNaN;
    if (e == 0.0)
        return 1.0;
    if (e == 1.0)
        return 0.0;
    const double dn = double(n);
    const std::int64_t nn = static_cast<std::int64_t>(std::floor(dn * (1.0 - e)));
    const double lgn1 = std::lgamma(dn + 1);
    double p = 0.0;
    for (std::int64_t v = 0; v <= nn; ++v) {
        const double evn = e + double(v) / dn, omevn = 1.0 - evn;
        if (omevn <= 0.0)
            continue;  // (1 - e - v/n)^(n - v) = 0
        const double t = lgn1 - std::lgamma(double(v) + 1) - std::lgamma(dn - double(v) + 1) +
                         double(v - 1) * std::log(evn) + (dn - double(v)) * std::log(omevn);
        p += std::exp(t);
    }
    return clip01(p * e);
}

double kolmogorovSf(std::int64_t n, double x)
{
    if (n <= 0 || std::isnan(x))
        return kNaN;
    if (x >= 1.0)
        return 0.0;
    if (x <= 0.0)
        return 1.0;
    const double dn = double(n), t = dn * x;
    if (t <= 1.0) {
        if (t <= 0.5)
            return 1.0;
        double prob;
        if (n <= 140) {
            prob = 1.0;
            for (std::int64_t i = 1; i <= n; ++i)
                prob *= double(i) * (1.0 / dn) * (2 * t - 1);
        } else {
            prob = std::exp(logNFactorialDivNPowN(dn) + dn * std::log(2 * t - 1));
        }
        return clip01(1.0 - prob);
    }
    if (t >= dn - 1)
        return clip01(2 * std::pow(1.0 - x, dn));
    if (x >= 0.5)
        return clip01(2 * smirnovSf(n, x));
    const double nxsq = t * x;
    if (n <= 140) {
        if (nxsq <= 0.754693)
            return clip01(1.0 - kolmognDMTW(n, x));
        if (nxsq <= 4)
            return clip01(1.0 - kolmognPomeranz(n, x));
        return clip01(2 * smirnovSf(n, x));
    }
    if (nxsq >= 370.0)
        return 0.0;
    if (nxsq >= 2.2)
        return clip01(2 * smirnovSf(n, x));
    double cdf;
    if (nxsq >= 18.0)
        cdf = 1.0;
    else if (n <= 100000 && dn * std::pow(x, 1.5) <= 1.4)
        cdf = kolmognDMTW(n, x);
    else
        cdf = kolmognPelzGood(n, x);
    return clip01(1.0 - cdf);
}

KsResult ks2samp(std::span<const double> a, std::span<const double> b)
{
    const std::int64_t n1 = static_cast<std::int64_t>(a.size()), n2 = static_cast<std::int64_t>(b.size());
    KsResult r;
    if (n1 == 0 || n2 == 0) {
        r.pvalue = kNaN;
        return r;
    }
    // Largest positive and negative ECDF differences over the pooled points.
    double maxS = -std::numeric_limits<double>::infinity(), minD = std::numeric_limits<double>::infinity();
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        double v = i < a.size() && (j >= b.size() || a[i] <= b[j]) ? a[i] : b[j];
        while (i < a.size() && a[i] <= v)
            ++i;
        while (j < b.size() && b[j] <= v)
            ++j;
        const double diff = double(i) / double(n1) - double(j) / double(n2);
        maxS = std::max(maxS, diff);
        minD = std::min(minD, diff);
    }
    const double minS = std::clamp(-minD, 0.0, 1.0);
    double d = minS > maxS ? minS : maxS;
    const std::int64_t g = std::gcd(n1, n2);
    if (std::max(n1, n2) <= 10000) {
        const double lcm = double(n1 / g) * double(n2);
        const std::int64_t h = static_cast<std::int64_t>(std::nearbyint(d * lcm));
        d = double(h) / lcm;
        double prob = 1.0;
        if (h != 0)
            prob = n1 == n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
        if (prob >= 0 && prob <= 1) {
            r.statistic = d;
            r.pvalue = prob;
            r.exact = true;
            return r;
        }
    }
    const double m = double(std::max(n1, n2)), n = double(std::min(n1, n2));
    const double en = m * n / (m + n);
    r.statistic = d;
    r.pvalue = clip01(kolmogorovSf(static_cast<std::int64_t>(std::nearbyint(en)), d));
    return r;
}

} // namespace cairn::analysis::stats
