#pragma once

#include "core/common/result.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <cstdint>
#include <vector>

namespace Ncf {

// Note [Seeding]: every random choice in core/ (splits, the synthetic generator, later the
// search) draws from Rng below, never from <random>'s distributions. The standard leaves
// std::normal_distribution and std::uniform_int_distribution implementation-defined, so the
// same seed would give different splits under libstdc++ and libc++. Rng is xoshiro256**,
// seeded through splitmix64, with our own bounded-integer and normal draws: a seed means the
// same numbers on every platform and compiler.

//! splitmix64 step; used to expand one 64-bit seed into a full generator state.
inline uint64_t splitMix64(uint64_t &state)
{
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

//! Deterministic, portable pseudo-random generator (xoshiro256**).
class Rng
{
public:
    explicit Rng(uint64_t seed = 0)
    {
        uint64_t s = seed;
        for (uint64_t &word : m_state)
            word = splitMix64(s);
    }

    //! Derives an independent generator for a sub-task, e.g. `rng.fork(userIndex)`.
    Rng fork(uint64_t stream) const
    {
        uint64_t s = m_state[0] ^ (stream * 0xd1342543de82ef95ULL + 0x632be59bd9b4e019ULL);
        return Rng(splitMix64(s));
    }

    uint64_t next()
    {
        const uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    //! Uniform double in [0, 1) with 53 random bits.
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }

    //! Uniform integer in [0, bound), unbiased (Lemire's multiply-and-reject).
    uint64_t below(uint64_t bound)
    {
        if (bound <= 1)
            return 0;
        unsigned __int128 m = (unsigned __int128)next() * bound;
        uint64_t low = uint64_t(m);
        if (low < bound) {
            const uint64_t threshold = -bound % bound;
            while (low < threshold) {
                m = (unsigned __int128)next() * bound;
                low = uint64_t(m);
            }
        }
        return uint64_t(m >> 64);
    }

    //! Standard normal draw (Marsaglia's polar method, one value cached).
    double normal()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        double u, v, s;
        do {
            u = 2.0 * uniform() - 1.0;
            v = 2.0 * uniform() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        const double f = std::sqrt(-2.0 * std::log(s) / s);
        m_spare = v * f;
        m_hasSpare = true;
        return u * f;
    }

    //! Gamma(shape, 1) draw (Marsaglia and Tsang; shapes below 1 by the usual boost).
    double gamma(double shape)
    {
        if (shape < 1.0)
            return gamma(shape + 1.0) * std::pow(uniform(), 1.0 / shape);
        const double d = shape - 1.0 / 3.0;
        const double c = 1.0 / std::sqrt(9.0 * d);
        while (true) {
            const double x = normal();
            double v = 1.0 + c * x;
            if (v <= 0.0)
                continue;
            v = v * v * v;
            const double u = uniform();
            if (u < 1.0 - 0.0331 * x * x * x * x
                || std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v)))
                return d * v;
        }
    }

    //! Fisher-Yates shuffle of any random-access container.
    template<typename Container>
    void shuffle(Container &c)
    {
        for (size_t i = c.size(); i > 1; --i) {
            const size_t j = size_t(below(i));
            std::swap(c[i - 1], c[j]);
        }
    }

    //! The full state, so a resumed search draws the numbers it would have drawn.
    QJsonObject toJson() const
    {
        QJsonArray words;
        for (uint64_t word : m_state)
            words.append(QString::number(word, 16));
        return QJsonObject{{QStringLiteral("xoshiro256ss"), words},
                           {QStringLiteral("spare"), m_hasSpare ? QJsonValue(m_spare)
                                                                : QJsonValue()}};
    }

    static Result<Rng> fromJson(const QJsonObject &json)
    {
        const QJsonArray words = json.value(QStringLiteral("xoshiro256ss")).toArray();
        if (words.size() != 4)
            return makeError(QStringLiteral("random generator state: expected 4 words"));
        Rng rng;
        for (int k = 0; k < 4; ++k) {
            bool ok = false;
            rng.m_state[k] = words[k].toString().toULongLong(&ok, 16);
            if (!ok)
                return makeError(QStringLiteral("random generator state: bad word %1").arg(k));
        }
        const QJsonValue spare = json.value(QStringLiteral("spare"));
        rng.m_hasSpare = spare.isDouble();
        rng.m_spare = spare.toDouble();
        return rng;
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    uint64_t m_state[4];
    double m_spare = 0.0;
    bool m_hasSpare = false;
};

} // namespace Ncf
