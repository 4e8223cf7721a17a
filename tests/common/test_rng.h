// SplitMix64: deterministic random numbers for tests and benchmarks, identical on every
// standard library (std:: distributions are not).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace cairn::testing {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_s(seed * 0x9E3779B97F4A7C15ull + 1) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    double normal(double mu = 0, double sigma = 1)
    {
        const double u1 = 1.0 - uniform(), u2 = uniform();
        return mu + sigma * std::sqrt(-2 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    double cauchy() { return std::tan(3.141592653589793 * (uniform() - 0.5)); }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

private:
    std::uint64_t m_s;
};

} // namespace cairn::testing
