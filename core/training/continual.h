#pragma once

#include "core/common/result.h"
#include "core/data/splits.h"
#include "core/training/training.h"

namespace Ncf {

//! An initial model of the continual-learning protocol, with its figures.
struct ContinualTrained
{
    ModelEngine::Trained trained;
    qint64 trainRatings = 0;
    qint64 validationRatings = 0;
    qint64 testRatings = 0;
    double testRmse = 0.0; //!< on the split's static test set, true scale
};

//! Trains the stream's starting model (`ncf train --protocol continual`, the Stream tab's
//! "Train initial model"): on `trainFraction` of the continual split's initial sample,
//! validating on the rest, then scores the static test set and records the split in the
//! model's metadata ("protocol"), so `ncf stream` finds the same test set and old holdout.
Result<ContinualTrained> trainContinual(ModelEngine &engine, const RatingDataset &data,
                                        const ContinualOptions &split, double trainFraction,
                                        const TrainOptions &options,
                                        const TrainCallbacks &callbacks = {});

} // namespace Ncf
