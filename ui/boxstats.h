#pragma once

#include <vector>

namespace Ncf::Ui {

//! The figures of one box in a Tukey box plot. Every figure is NaN when there are no values.
struct BoxStats
{
    int count = 0;
    double lowerWhisker = 0.0; //!< the smallest value at or above q1 - 1.5 IQR
    double q1 = 0.0;
    double median = 0.0;
    double q3 = 0.0;
    double upperWhisker = 0.0; //!< the largest value at or below q3 + 1.5 IQR
    double mean = 0.0;
    std::vector<double> outliers; //!< values beyond the whiskers, ascending
};

//! The `p` quantile (0..1) of ascending `sorted` values, interpolated linearly between the
//! closest ranks as numpy.quantile and pandas.Series.quantile do by default: position
//! p * (n - 1), 0-based. NaN for no values.
double linearQuantile(const std::vector<double> &sorted, double p);

//! Tukey box statistics of `values` (NaNs are left out): quartiles by linearQuantile(),
//! whiskers at the most extreme values within 1.5 IQR of the quartiles, the rest outliers.
//! Example: {1, 2, 3, 4, 100} gives q1 2, median 3, q3 4, whiskers 1 and 4, outlier 100.
BoxStats boxStats(std::vector<double> values);

} // namespace Ncf::Ui
