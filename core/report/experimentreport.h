#pragma once

#include "core/common/result.h"
#include "core/report/table.h"

#include <vector>

namespace Ncf {

class ExperimentStore;

//! A published RMSE quoted next to measured ones, always marked as such with its source.
struct PublishedResult
{
    QString dataset;  //!< "MovieLens 100K", "MovieLens 1M"
    QString model;
    QString protocol; //!< how it was measured
    double rmse = 0.0;
    QString source;
};

//! The published figures the results table quotes: the Surprise library's benchmark
//! (5-fold cross-validation, default parameters) on MovieLens 100K and 1M.
const std::vector<PublishedResult> &publishedBaselines();

//! The comparison table of a database: for every search its best trial (holdout RMSE), for
//! every training run its best epoch, for every cross-validation each configuration's mean
//! RMSE and spread over folds, then the
//! published rows, marked "published" with their source in the note.
Result<Table> resultsTable(const ExperimentStore &store);
//! Every stored epoch of every trial and fold, one row each.
Result<Table> epochsTable(const ExperimentStore &store);

//! Writes results.<suffix> in `format` and epochs.csv into `dir`; returns the paths.
Result<QStringList> exportResults(const ExperimentStore &store, const QString &dir,
                                  TableFormat format);

} // namespace Ncf
