#pragma once

#include "core/common/result.h"
#include "core/storage/experimentstore.h"
#include "core/training/training.h"

#include <atomic>
#include <functional>

namespace Ncf {

struct RatingDataset;

//! A configuration's score from per-fold, per-epoch validation RMSE: the minimum over epochs
//! of the RMSE averaged across folds, the epoch that gives it, and the folds' spread there.
//! Epochs count only where every fold has a value. `foldEpochRmse[f][e]` is fold f's RMSE
//! after epoch e + 1.
CvScoreRecord scoreFolds(const std::vector<std::vector<double>> &foldEpochRmse);

//! Cross-validation of a search's best configurations.
struct CvSettings
{
    qint64 sourceExperiment = 0; //!< the search whose top configurations are validated
    int top = 5;
    int folds = 10;
    int epochs = 0;          //!< 0: the search's epoch limit
    int workers = 1;         //!< folds trained at once
    int threadsPerTrial = 1;
    uint64_t seed = 42;

    QJsonObject toJson() const;
    static CvSettings fromJson(const QJsonObject &json);
};

struct CvSummary
{
    qint64 experimentId = 0;
    int configurations = 0;
    int failed = 0;
    bool cancelled = false;
};

//! Runs k-fold cross-validation of the top configurations of a search, storing every fold's
//! epochs (fold 0..k-1) and each configuration's score as they arrive.
class CrossValidator
{
public:
    CrossValidator(ExperimentStore &store, const RatingDataset &data, ModelEngine &engine);

    //! Records a CV experiment for the `top` best completed or stopped trials of the source
    //! search, ranked by best validation RMSE.
    Result<qint64> create(const CvSettings &settings);
    //! Runs (or resumes: unfinished configurations run again) CV experiment `id`.
    Result<CvSummary> run(qint64 id,
                          const std::function<void(const TrialRecord &)> &trialChanged = {});
    void cancel() { m_cancelled = true; }

private:
    ExperimentStore &m_store;
    const RatingDataset &m_data;
    ModelEngine &m_engine;
    std::atomic<bool> m_cancelled{false};
};

} // namespace Ncf
