#include "core/data/synth.h"

#include "core/common/logging.h"
#include "core/common/random.h"
#include "core/common/tr.h"

#include <QDir>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <cmath>
#include <numeric>

namespace Ncf {

namespace {

constexpr int kFactors = 8;
constexpr int kMinPerUser = 20;
constexpr double kMaxShareOfCatalogue = 0.55;

//! Vose's alias table: O(1) draws from a fixed discrete distribution.
class AliasTable
{
public:
    explicit AliasTable(const std::vector<double> &weights)
    {
        const size_t n = weights.size();
        m_prob.resize(n);
        m_alias.resize(n);
        const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
        std::vector<double> scaled(n);
        std::vector<uint32_t> small, large;
        for (size_t i = 0; i < n; ++i) {
            scaled[i] = weights[i] * double(n) / total;
            (scaled[i] < 1.0 ? small : large).push_back(uint32_t(i));
        }
        while (!small.empty() && !large.empty()) {
            const uint32_t s = small.back(), l = large.back();
            small.pop_back();
            m_prob[s] = scaled[s];
            m_alias[s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1.0;
            if (scaled[l] < 1.0) {
                large.pop_back();
                small.push_back(l);
            }
        }
        for (uint32_t i : large)
            m_prob[i] = 1.0;
        for (uint32_t i : small)
            m_prob[i] = 1.0;
    }

    uint32_t draw(Rng &rng) const
    {
        const uint32_t i = uint32_t(rng.below(m_prob.size()));
        return rng.uniform() < m_prob[i] ? i : m_alias[i];
    }

private:
    std::vector<double> m_prob;
    std::vector<uint32_t> m_alias;
};

//! Integer counts >= minimum, proportional to `weights`, summing exactly to `total`, none
//! above `cap` (largest-remainder rounding after proportional capping).
std::vector<int64_t> apportion(const std::vector<double> &weights, int64_t total,
                               int64_t minimum, int64_t cap)
{
    const size_t n = weights.size();
    std::vector<double> share(n);
    std::vector<bool> capped(n, false);
    const double spare = double(total - minimum * int64_t(n));
    // Re-spread what capping removes until no uncapped count exceeds the cap.
    for (int round = 0; round < 50; ++round) {
        double freeWeight = 0.0, fixed = 0.0;
        for (size_t i = 0; i < n; ++i) {
            if (capped[i])
                fixed += double(cap - minimum);
            else
                freeWeight += weights[i];
        }
        bool changed = false;
        for (size_t i = 0; i < n; ++i) {
            if (capped[i]) {
                share[i] = double(cap - minimum);
                continue;
            }
            share[i] = (spare - fixed) * weights[i] / freeWeight;
            if (share[i] > double(cap - minimum)) {
                capped[i] = true;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    std::vector<int64_t> counts(n);
    std::vector<std::pair<double, uint32_t>> remainders(n);
    int64_t assigned = 0;
    for (size_t i = 0; i < n; ++i) {
        const double whole = std::floor(share[i]);
        counts[i] = minimum + int64_t(whole);
        assigned += counts[i];
        remainders[i] = {share[i] - whole, uint32_t(i)};
    }
    std::sort(remainders.begin(), remainders.end(),
              [](const auto &a, const auto &b) { return a.first > b.first; });
    for (size_t k = 0; assigned < total && k < n; ++k) {
        const uint32_t i = remainders[k].second;
        if (counts[i] < cap) {
            ++counts[i];
            ++assigned;
        }
    }
    return counts;
}

double clippedNormal(Rng &rng, double limit)
{
    return std::clamp(rng.normal(), -limit, limit);
}

//! Rounds a continuous rating to the release's grid and clamps it to its scale.
uint8_t toHalfStars(double r, bool halfStarUser, const SynthSpec &spec)
{
    const int step = halfStarUser ? 1 : 2;
    const int lo = spec.halfStars ? (halfStarUser ? 1 : 2) : 2;
    int h = int(std::lround(r * 2.0 / step)) * step;
    h = std::clamp(h, lo, 10);
    return uint8_t(h);
}

} // namespace

Result<SynthShape> synthShapeFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("100k"))
        return SynthShape::Ml100k;
    if (n == QLatin1String("1m"))
        return SynthShape::Ml1m;
    if (n == QLatin1String("25m"))
        return SynthShape::Ml25m;
    return makeError(DataTr::tr("unknown shape '%1': expected 100k, 1m or 25m").arg(name));
}

SynthSpec synthSpec(SynthShape shape)
{
    SynthSpec s;
    switch (shape) {
    case SynthShape::Ml100k:
        s.name = QStringLiteral("100k");
        s.layout = Layout::UData;
        s.users = 943;
        s.items = 1682;
        s.ratings = 100'000;
        s.itemIdSpace = 1682;
        s.firstTimestamp = 874724710; // 1997-09-20
        s.lastTimestamp = 893286638;  // 1998-04-22
        s.userShape = 0.6;
        s.itemSigma = 1.35;
        s.meanRating = 3.40;
        break;
    case SynthShape::Ml1m:
        s.name = QStringLiteral("1m");
        s.layout = Layout::Dat;
        s.users = 6040;
        s.items = 3706;
        s.ratings = 1'000'209;
        s.itemIdSpace = 3952;
        s.firstTimestamp = 956703932; // 2000-04-25
        s.lastTimestamp = 1046454590; // 2003-02-28
        s.userShape = 0.6;
        s.itemSigma = 1.45;
        s.meanRating = 3.42;
        break;
    case SynthShape::Ml25m:
        s.name = QStringLiteral("25m");
        s.layout = Layout::Csv;
        s.users = 162'541;
        s.items = 59'047;
        s.ratings = 25'000'095;
        s.itemIdSpace = 209'171;
        s.halfStars = true;
        s.firstTimestamp = 789652009;  // 1995-01-09
        s.lastTimestamp = 1574327703;  // 2019-11-21
        s.userShape = 0.45;
        s.itemSigma = 2.4;
        s.meanRating = 3.20;
        break;
    }
    return s;
}

QString ratingsFileName(Layout layout)
{
    return layoutName(layout);
}

Result<RatingDataset> generateSynthetic(const SynthSpec &spec, uint64_t seed,
                                        const ProgressFn &progress)
{
    const size_t users = size_t(spec.users);
    const size_t items = size_t(spec.items);
    const int64_t cap = std::max<int64_t>(kMinPerUser,
                                          int64_t(double(items) * kMaxShareOfCatalogue));
    if (users == 0 || items == 0 || spec.ratings < int64_t(users) * kMinPerUser
        || spec.ratings > int64_t(users) * cap || spec.ratings < int64_t(items)
        || spec.itemIdSpace < items)
        return makeError(DataTr::tr("synthetic shape %1: %2 ratings cannot be spread over %3 "
                                    "users (at least %4 each) and %5 movies")
                             .arg(spec.name)
                             .arg(spec.ratings)
                             .arg(users)
                             .arg(kMinPerUser)
                             .arg(items));

    Rng rng(seed);

    // 1. Activity per user.
    std::vector<double> activity(users);
    for (double &a : activity)
        a = rng.gamma(spec.userShape);
    const std::vector<int64_t> perUser = apportion(activity, spec.ratings, kMinPerUser, cap);

    // 2. Popularity per movie, and latent parameters.
    std::vector<double> popularity(items);
    std::vector<double> logPop(items);
    for (size_t i = 0; i < items; ++i) {
        logPop[i] = spec.itemSigma * clippedNormal(rng, 4.0);
        popularity[i] = std::exp(logPop[i]);
    }
    const double lpMean = std::accumulate(logPop.begin(), logPop.end(), 0.0) / double(items);
    double lpVar = 0.0;
    for (double v : logPop)
        lpVar += (v - lpMean) * (v - lpMean);
    const double lpStd = std::sqrt(lpVar / double(items)) + 1e-12;

    std::vector<float> itemBias(items);
    std::vector<std::array<float, kFactors>> itemFactors(items);
    for (size_t i = 0; i < items; ++i) {
        itemBias[i] = float(0.30 * rng.normal() + 0.20 * (logPop[i] - lpMean) / lpStd);
        for (float &f : itemFactors[i])
            f = float(0.44 * rng.normal());
    }

    // Raw movie ids: a sorted random subset of 1..itemIdSpace, handed to movies at random.
    std::vector<uint32_t> rawItem;
    {
        std::vector<uint32_t> space(spec.itemIdSpace);
        std::iota(space.begin(), space.end(), 1u);
        for (size_t i = 0; i < items; ++i)
            std::swap(space[i], space[i + size_t(rng.below(space.size() - i))]);
        rawItem.assign(space.begin(), space.begin() + qsizetype(items));
    }

    // Every movie gets one rater first, drawn in proportion to activity.
    std::vector<std::vector<uint32_t>> seeded(users);
    {
        std::vector<double> userWeights(perUser.begin(), perUser.end());
        const AliasTable byActivity(userWeights);
        for (uint32_t i = 0; i < items; ++i) {
            uint32_t u;
            do {
                u = byActivity.draw(rng);
            } while (int64_t(seeded[u].size()) >= perUser[u]);
            seeded[u].push_back(i);
        }
    }

    // 3-4. Each user's movies, ratings and times.
    const AliasTable byPopularity(popularity);
    std::vector<uint32_t> stamp(items, 0);
    RatingDataset out;
    out.layout = spec.layout;
    out.path = spec.name;
    out.users.reserve(size_t(spec.ratings));
    out.items.reserve(size_t(spec.ratings));
    out.halfStars.reserve(size_t(spec.ratings));
    out.timestamps.reserve(size_t(spec.ratings));

    struct Row
    {
        uint32_t item;
        uint8_t halfStars;
        uint32_t timestamp;
    };
    std::vector<Row> rows;
    std::vector<uint32_t> chosen;
    std::vector<std::pair<double, uint32_t>> keys;
    const double period = double(spec.lastTimestamp - spec.firstTimestamp);
    for (uint32_t u = 0; u < users; ++u) {
        Rng ur = rng.fork(u);
        const size_t want = size_t(perUser[u]);
        chosen = seeded[u];
        for (uint32_t i : chosen)
            stamp[i] = u + 1;
        if (want > items / 6) {
            // Heavy user: weighted sampling without replacement by exponential keys.
            keys.clear();
            for (uint32_t i = 0; i < items; ++i)
                if (stamp[i] != u + 1)
                    keys.emplace_back(std::log(ur.uniform() + 1e-300) / popularity[i], i);
            const size_t more = want - chosen.size();
            std::nth_element(keys.begin(), keys.begin() + qsizetype(more), keys.end(),
                             [](const auto &a, const auto &b) { return a.first > b.first; });
            for (size_t k = 0; k < more; ++k)
                chosen.push_back(keys[k].second);
        } else {
            while (chosen.size() < want) {
                const uint32_t i = byPopularity.draw(ur);
                if (stamp[i] != u + 1) {
                    stamp[i] = u + 1;
                    chosen.push_back(i);
                }
            }
        }

        const double userBias = 0.45 * ur.normal();
        std::array<float, kFactors> userFactors;
        for (float &f : userFactors)
            f = float(0.44 * ur.normal());
        const bool halfStarUser = spec.halfStars && ur.uniform() < 0.45;
        const double window = std::min(period, 30.0 * 86400.0 * std::exp(1.5 * ur.normal()));
        const double start = double(spec.firstTimestamp) + ur.uniform() * (period - window);

        rows.clear();
        for (uint32_t i : chosen) {
            double dot = 0.0;
            for (int k = 0; k < kFactors; ++k)
                dot += double(userFactors[size_t(k)]) * itemFactors[i][size_t(k)];
            const double r = spec.meanRating + userBias + itemBias[i] + dot + 0.80 * ur.normal();
            rows.push_back({i, toHalfStars(r, halfStarUser, spec),
                            uint32_t(start + ur.uniform() * window)});
        }
        if (spec.layout == Layout::Csv)
            std::sort(rows.begin(), rows.end(), [&](const Row &a, const Row &b) {
                return rawItem[a.item] < rawItem[b.item];
            });
        else
            std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
                return a.timestamp < b.timestamp;
            });
        for (const Row &row : rows)
            out.append(u + 1, rawItem[row.item], row.halfStars, row.timestamp);

        if (progress && (u % 1024 == 0) && !progress(qint64(u), qint64(users)))
            return makeError(DataTr::tr("generating %1: cancelled").arg(spec.name));
    }

    // 5. The 100K release lists ratings in no particular order.
    if (spec.layout == Layout::UData) {
        std::vector<uint32_t> order(out.size());
        std::iota(order.begin(), order.end(), 0u);
        rng.shuffle(order);
        RatingDataset shuffled;
        shuffled.layout = out.layout;
        shuffled.path = out.path;
        for (uint32_t row : order)
            shuffled.append(out.userIds.rawId(out.users[row]), out.itemIds.rawId(out.items[row]),
                            out.halfStars[row], out.timestamps[row]);
        out = std::move(shuffled);
    }
    if (progress)
        progress(qint64(users), qint64(users));
    qCDebug(lcSynth) << "generated" << out.size() << "ratings of shape" << spec.name;
    return out;
}

Result<void> writeRatingsFile(const RatingDataset &data, Layout layout, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(DataTr::tr("%1: cannot write: %2").arg(path, file.errorString()));

    const char *delim = layout == Layout::UData ? "\t" : layout == Layout::Dat ? "::" : ",";
    const size_t delimLen = std::strlen(delim);
    std::vector<char> buffer(1 << 20);
    size_t used = 0;
    auto flush = [&] {
        file.write(buffer.data(), qint64(used));
        used = 0;
    };
    auto put = [&](const char *s, size_t n) {
        std::memcpy(buffer.data() + used, s, n);
        used += n;
    };
    auto putNumber = [&](uint32_t v) {
        const auto r = std::to_chars(buffer.data() + used, buffer.data() + buffer.size(), v);
        used = size_t(r.ptr - buffer.data());
    };
    if (layout == Layout::Csv) {
        const char header[] = "userId,movieId,rating,timestamp\n";
        put(header, sizeof(header) - 1);
    }
    for (size_t row = 0; row < data.size(); ++row) {
        if (buffer.size() - used < 64)
            flush();
        putNumber(data.userIds.rawId(data.users[row]));
        put(delim, delimLen);
        putNumber(data.itemIds.rawId(data.items[row]));
        put(delim, delimLen);
        const uint8_t h = data.halfStars[row];
        putNumber(h / 2);
        if (layout == Layout::Csv)
            put(h % 2 ? ".5" : ".0", 2);
        else if (h % 2)
            put(".5", 2);
        put(delim, delimLen);
        putNumber(data.timestamps[row]);
        put("\n", 1);
    }
    flush();
    if (!file.commit())
        return makeError(DataTr::tr("%1: cannot write: %2").arg(path, file.errorString()));
    return {};
}

Result<QString> writeSynthetic(const SynthSpec &spec, uint64_t seed, const QString &outDir,
                               const ProgressFn &progress)
{
    if (!QDir().mkpath(outDir))
        return makeError(DataTr::tr("%1: cannot create the folder").arg(outDir));
    Result<RatingDataset> data = generateSynthetic(spec, seed, progress);
    if (!data)
        return makeError(data.error());
    const QString path = QDir(outDir).filePath(ratingsFileName(spec.layout));
    if (Result<void> written = writeRatingsFile(*data, spec.layout, path); !written)
        return makeError(written.error());
    return path;
}

} // namespace Ncf
