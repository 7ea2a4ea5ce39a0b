#pragma once

#include "core/common/result.h"
#include "core/data/movielensreader.h"
#include "core/data/ratingdataset.h"

namespace Ncf {

// Note [Synthetic MovieLens]: the generator behind the demo, the tests and the benchmarks.
// It reproduces a release's size, file layout and shape from a documented model:
//  1. Activity. User u rates n_u = 20 + e_u movies, e_u ~ Gamma(k) with k below 1 (most
//     users stop soon after the 20-rating minimum, a few rate thousands), scaled so the counts
//     sum exactly to the release's rating count and capped at 55 % of the catalogue (the
//     largest real profiles reach about that).
//  2. Popularity. Movie i has weight w_i = exp(sigma_i * z), z ~ N(0, 1) clipped at +-4: a
//     heavy-tailed catalogue where a few titles collect most ratings. Every movie first gets
//     one rater (drawn in proportion to n_u), so the release's movie count is met exactly and
//     the tail has movies with a single rating; each user then fills the rest of n_u by
//     drawing movies in proportion to w_i without replacement.
//  3. Ratings. r = mu + b_u + b_i + p_u . q_i + eps with b_u ~ N(0, 0.45),
//     b_i ~ N(0, 0.30) + 0.20 * standardised log w_i (popular movies are liked more),
//     p_u, q_i ~ N(0, 0.44^2 I) in 8 dimensions, eps ~ N(0, 0.80); r is rounded to the
//     release's grid (whole stars; in 25M-style files 45 % of users also use half stars) and
//     clamped to its scale. The latent part has a standard deviation near 0.55, so a model
//     that learns biases and factors beats the global mean by a clear margin.
//  4. Time. User u is active over a window of log-normal length (median 30 days) placed
//     uniformly in the release's period; each rating gets a uniform time inside it.
//  5. Layout. Files are written as the release does: u.data in random order, ratings.dat
//     grouped by user in time order, ratings.csv with its header, sorted by user then movie,
//     movie ids sparse over the release's id range.

enum class SynthShape { Ml100k, Ml1m, Ml25m };

//! The size and shape parameters of one synthetic release.
struct SynthSpec
{
    QString name;     //!< "100k", "1m", "25m"
    Layout layout = Layout::Csv;
    qint64 users = 0;
    qint64 items = 0;
    qint64 ratings = 0;
    uint32_t itemIdSpace = 0; //!< raw movie ids are drawn from 1..itemIdSpace
    bool halfStars = false;
    uint32_t firstTimestamp = 0;
    uint32_t lastTimestamp = 0;
    double userShape = 0.6;   //!< gamma shape of activity beyond the minimum
    double itemSigma = 1.3;   //!< spread of log popularity
    double meanRating = 3.6;  //!< mu before rounding
};

Result<SynthShape> synthShapeFromName(const QString &name);
SynthSpec synthSpec(SynthShape shape);

//! Generates the ratings of `spec` deterministically from `seed`, in the file order of the
//! release. `progress` sees users done out of users; returning false cancels.
Result<RatingDataset> generateSynthetic(const SynthSpec &spec, uint64_t seed,
                                        const ProgressFn &progress = {});

//! The file name a layout's ratings go in ("u.data", "ratings.dat", "ratings.csv").
QString ratingsFileName(Layout layout);

//! Writes `data` to `path` in `layout`, exactly as MovieLens writes it (atomic replace).
Result<void> writeRatingsFile(const RatingDataset &data, Layout layout, const QString &path);

//! Generates `spec` into folder `outDir` (created if needed); returns the ratings file path.
Result<QString> writeSynthetic(const SynthSpec &spec, uint64_t seed, const QString &outDir,
                               const ProgressFn &progress = {});

} // namespace Ncf
