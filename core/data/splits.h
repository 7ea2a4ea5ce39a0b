#pragma once

#include "core/common/result.h"

#include <cstdint>
#include <vector>

namespace Ncf {

struct RatingDataset;

// Note [Split policy]: every split is a function of (row count, sizes, seed) only, drawn from
// Ncf::Rng (see Note [Seeding]), so the CLI, the GUI, the producer and the consumer derive the
// same rows from the same file and seed without passing index lists around. Row lists come
// back sorted ascending, which keeps column reads sequential; trainers shuffle per epoch.

using RowList = std::vector<uint32_t>;

//! A random train/test holdout.
struct Holdout
{
    RowList train;
    RowList test;
};

//! Splits rows 0..n-1 at random: round(n x trainFraction) train rows, the rest test rows.
Holdout holdoutSplit(size_t n, double trainFraction = 0.9, uint64_t seed = 42);

//! k folds of rows 0..n-1, as equal as possible (sizes differ by at most one), disjoint,
//! covering every row. Fold f's list is its validation part.
std::vector<RowList> kFolds(size_t n, int k = 10, uint64_t seed = 42);

//! Every row not in fold `f`: the training part of that fold.
RowList foldTrainingRows(const std::vector<RowList> &folds, int f);

enum class StreamOrder { Time, File };

//! The continual-learning protocol: an initial training sample, a static test set drawn from
//! the rest, and the remaining ratings replayed as a stream.
//! Example: `continualSplit(data, {.initial = 1'000'000, .testFraction = 0.04})`.
struct ContinualOptions
{
    qint64 initial = 1'000'000;       //!< ratings in the initial training sample
    double testFraction = 0.04;       //!< share of the remainder held out as static test set
    StreamOrder order = StreamOrder::Time; //!< stream by timestamp (ties by row) or file order
    uint64_t seed = 42;
};

struct ContinualSplit
{
    RowList initial; //!< ascending
    RowList test;    //!< ascending
    RowList stream;  //!< in stream order
};

Result<ContinualSplit> continualSplit(const RatingDataset &data, const ContinualOptions &options);

//! The initial sample's own holdout: `trainFraction` of it trains the initial model, the rest
//! validates it, and stays the "old distribution" the stream's fine-tuning must not forget.
//! Row numbers of the data, as holdoutSplit() draws them over the initial sample.
Holdout initialHoldout(const ContinualSplit &split, double trainFraction, uint64_t seed);

} // namespace Ncf
