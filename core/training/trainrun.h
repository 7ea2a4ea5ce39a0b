#pragma once

#include "core/common/result.h"
#include "core/storage/experimentstore.h"
#include "core/training/training.h"

#include <functional>
#include <vector>

namespace Ncf {

// Note [Train runs]: one training run on a random holdout (the GUI's Train tab) is stored as
// an experiment of kind "train" (algorithm "holdout", settings {epochs, split, seed,
// threads}) with one trial whose config is paramsToJson(params, kind). The trial is marked
// running and the experiment "running" under lockExperiment(), each epoch (fold -1) is
// written as it arrives, and at the end the trial becomes completed (an early stop
// included), interrupted (cancelled) or failed, and the experiment finished, cancelled or
// failed. A run whose process died reads as interrupted when the store is opened again
// (markAbandoned()). The epochs table holds no beta or KL: a VAE's beta is a function of its
// schedule (Note [Beta annealing]) and is recomputed on load; the KL is not kept.

inline constexpr char kTrainExperimentKind[] = "train";

//! How to train and split.
struct TrainRunSettings
{
    TrainOptions options;
    double trainFraction = 0.9; //!< training share of holdoutSplit(rows, fraction, seed)
};

//! Trains a fresh model on holdoutSplit() of `data`, recording the run in `store` as it goes
//! (see Note [Train runs]). `started` gets the experiment id before the first epoch;
//! `dataChecksum` identifies the file in the datasets table (SHA-256 of it when empty).
//! The model's metadata gets "experiment" (the id).
Result<ModelEngine::Trained> trainRecorded(ModelEngine &engine, ExperimentStore &store,
                                           const RatingDataset &data,
                                           const TrainRunSettings &settings,
                                           const TrainCallbacks &callbacks = {},
                                           const std::function<void(qint64)> &started = {},
                                           const QString &dataChecksum = QString());

//! A stored train run.
struct StoredTrainRun
{
    ExperimentRecord experiment;
    TrialRecord trial;
    ModelKind kind = ModelKind::Mf;
    int plannedEpochs = 0;          //!< the epochs asked for
    std::vector<EpochReport> epochs; //!< VAE beta recomputed; kl NaN (not stored)
    int bestEpoch = 0;               //!< the trial's, or bestEpochOf(epochs) while unfinished
};

//! Experiment `experimentId`, which must be of kind "train", with its epochs.
Result<StoredTrainRun> loadTrainRun(const ExperimentStore &store, qint64 experimentId);
//! Every train run of `store`, newest first, without their epochs.
Result<std::vector<StoredTrainRun>> listTrainRuns(const ExperimentStore &store);

//! The first epoch with the lowest validation MSE, as the trainer picks it; 0 for none.
int bestEpochOf(const std::vector<EpochReport> &epochs);

} // namespace Ncf
