#pragma once

#include <QJsonObject>

#include <cstdint>
#include <map>
#include <vector>

namespace Ncf {

struct RatingDataset;
struct Table;

//! pandas' describe() of a numeric column: count, mean, sample std (ddof = 1), min,
//! 25/50/75 % quantiles with linear interpolation between order statistics, max.
struct Describe
{
    qint64 count = 0;
    double mean = 0.0;
    double std = 0.0;
    double min = 0.0;
    double p25 = 0.0;
    double p50 = 0.0;
    double p75 = 0.0;
    double max = 0.0;
};

//! Quantile q in [0, 1] of ascending `sorted` as pandas and numpy's default ("linear")
//! compute it: position q * (n - 1), interpolated between its two neighbours.
double quantileLinear(const std::vector<double> &sorted, double q);

//! describe() of `values` (sorted in place).
Describe describe(std::vector<double> &values);

//! (rank, value) pairs of ascending `sorted` read from its largest value down, at up to
//! `maxPoints` log-spaced ranks, always including the first and the last rank.
std::vector<std::pair<double, double>> rankCurve(const std::vector<double> &sorted,
                                                 int maxPoints = 400);

//! The exploratory summary a report needs.
struct EdaSummary
{
    qint64 ratings = 0;
    qint64 users = 0;
    qint64 items = 0;
    double meanRating = 0.0;
    double densityPct = 0.0; //!< ratings / (users x items) x 100
    Describe userCounts;     //!< ratings per user
    Describe itemCounts;     //!< ratings per movie
    std::map<int, qint64> histogram; //!< half stars -> number of ratings
    //! Rank-frequency curves (rank 1 = the most active user / most rated movie), sampled at
    //! up to about 400 log-spaced ranks: (rank, ratings) pairs for a log-log chart of the skew.
    std::vector<std::pair<double, double>> userRankCurve;
    std::vector<std::pair<double, double>> itemRankCurve;
};

EdaSummary computeEda(const RatingDataset &data);

//! "4.0", "3.5": the histogram key for a rating in half stars.
QString ratingLabel(int halfStars);

//! The `ncf eda --json` object, without load timings.
QJsonObject edaToJson(const EdaSummary &summary);

//! Overview table: ratings, users, movies, mean rating, density.
Table edaOverviewTable(const EdaSummary &summary);
//! describe() of ratings per user and per movie, as in a paper: one column each.
Table edaCountsTable(const EdaSummary &summary);
//! Rating histogram: rating, count, share.
Table edaHistogramTable(const EdaSummary &summary);

} // namespace Ncf
