#pragma once

#include "core/common/result.h"
#include "core/data/ratingdataset.h"

#include <functional>

namespace Ncf {

//! Called now and then while loading with the bytes parsed so far and the total; return false
//! to cancel (the load then fails with a "cancelled" error).
using ProgressFn = std::function<bool(qint64 done, qint64 total)>;

struct LoadOptions
{
    //! Skip bad lines (counted, the first few reported) instead of failing on the first one.
    bool lenient = false;
    //! How many skipped-line messages a lenient load keeps.
    int maxReportedProblems = 5;
};

//! Resolves a file or a dataset folder to the ratings file inside it (ratings.csv,
//! ratings.dat or u.data, in that order).
Result<QString> resolveRatingsFile(const QString &path);

//! Reads any published MovieLens ratings layout, detected from the file's first line.
//! The file is memory-mapped and parsed in one pass without per-line allocation. Errors read
//! "FILE:LINE:COLUMN: what was wrong and what was expected".
Result<RatingDataset> loadRatings(const QString &path, const LoadOptions &options = {},
                                  const ProgressFn &progress = {});

//! Parses ratings already in memory; `name` stands for the file in messages.
Result<RatingDataset> parseRatings(const char *data, qint64 size, const QString &name,
                                   const LoadOptions &options = {},
                                   const ProgressFn &progress = {});

} // namespace Ncf
