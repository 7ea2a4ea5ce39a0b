#include "core/data/splits.h"

#include "core/common/random.h"
#include "core/common/tr.h"
#include "core/data/ratingdataset.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Ncf {

namespace {

RowList permutation(size_t n, uint64_t seed)
{
    RowList rows(n);
    std::iota(rows.begin(), rows.end(), 0u);
    Rng rng(seed);
    rng.shuffle(rows);
    return rows;
}

RowList sortedSlice(const RowList &rows, size_t from, size_t to)
{
    RowList out(rows.begin() + qsizetype(from), rows.begin() + qsizetype(to));
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

Holdout holdoutSplit(size_t n, double trainFraction, uint64_t seed)
{
    const double f = std::clamp(trainFraction, 0.0, 1.0);
    const size_t trainCount = size_t(std::llround(double(n) * f));
    const RowList rows = permutation(n, seed);
    return {sortedSlice(rows, 0, trainCount), sortedSlice(rows, trainCount, n)};
}

std::vector<RowList> kFolds(size_t n, int k, uint64_t seed)
{
    k = std::max(1, k);
    const RowList rows = permutation(n, seed);
    std::vector<RowList> folds;
    folds.reserve(size_t(k));
    for (int f = 0; f < k; ++f)
        folds.push_back(
            sortedSlice(rows, n * size_t(f) / size_t(k), n * size_t(f + 1) / size_t(k)));
    return folds;
}

RowList foldTrainingRows(const std::vector<RowList> &folds, int f)
{
    RowList out;
    size_t total = 0;
    for (const RowList &fold : folds)
        total += fold.size();
    out.reserve(total - folds[size_t(f)].size());
    for (size_t g = 0; g < folds.size(); ++g)
        if (int(g) != f)
            out.insert(out.end(), folds[g].begin(), folds[g].end());
    std::sort(out.begin(), out.end());
    return out;
}

Result<ContinualSplit> continualSplit(const RatingDataset &data, const ContinualOptions &options)
{
    const size_t n = data.size();
    if (options.initial <= 0 || size_t(options.initial) >= n)
        return makeError(DataTr::tr("the initial training sample of %1 ratings must be "
                                    "positive and smaller than the %2 ratings in %3")
                             .arg(options.initial)
                             .arg(n)
                             .arg(data.path));
    if (!(options.testFraction >= 0.0 && options.testFraction < 1.0))
        return makeError(DataTr::tr("the test fraction %1 must be in [0, 1)")
                             .arg(options.testFraction));

    const RowList rows = permutation(n, options.seed);
    const size_t initial = size_t(options.initial);
    const size_t rest = n - initial;
    const size_t test = size_t(std::llround(double(rest) * options.testFraction));

    ContinualSplit split;
    split.initial = sortedSlice(rows, 0, initial);
    split.test = sortedSlice(rows, initial, initial + test);
    split.stream = sortedSlice(rows, initial + test, n);
    if (options.order == StreamOrder::Time) {
        std::stable_sort(split.stream.begin(), split.stream.end(), [&](uint32_t a, uint32_t b) {
            return data.timestamps[a] < data.timestamps[b];
        });
    }
    return split;
}

Holdout initialHoldout(const ContinualSplit &split, double trainFraction, uint64_t seed)
{
    const Holdout inner = holdoutSplit(split.initial.size(), trainFraction, seed);
    Holdout rows;
    rows.train.reserve(inner.train.size());
    rows.test.reserve(inner.test.size());
    for (uint32_t k : inner.train)
        rows.train.push_back(split.initial[k]);
    for (uint32_t k : inner.test)
        rows.test.push_back(split.initial[k]);
    return rows;
}

} // namespace Ncf
