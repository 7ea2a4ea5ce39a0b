#pragma once

#include "core/common/result.h"
#include "core/data/idmap.h"
#include "core/data/scaler.h"
#include "core/data/splits.h"
#include "core/models/modelspec.h"

#include <QJsonObject>

#include <functional>
#include <memory>

namespace Ncf {

struct RatingDataset;

//! One epoch's figures, as the GUI, the search and the store consume them.
struct EpochReport
{
    int epoch = 0;          //!< 1-based
    double trainMse = 0.0;  //!< mean training loss (MSE on the [0, 1] scale, before KL)
    double valMse = 0.0;    //!< validation MSE on the [0, 1] scale
    double valRmse = 0.0;   //!< validation RMSE on the true rating scale (stars)
    double seconds = 0.0;   //!< wall time of the epoch, evaluation included
    double beta = 0.0;      //!< VAE: the KL weight used this epoch
    double kl = 0.0;        //!< VAE: mean KL divergence per sample
};

//! What a training run did.
struct TrainReport
{
    std::vector<EpochReport> epochs;
    int bestEpoch = 0;              //!< 1-based; 0 when no epoch finished
    double bestValRmse = 0.0;
    double samplesPerSecond = 0.0;  //!< training samples through forward+backward+step per s
    double seconds = 0.0;
    bool cancelled = false;
    bool stoppedEarly = false;

    QJsonObject toJson() const;
};

//! How to train. Example: `TrainOptions o; o.kind = ModelKind::Vae; o.epochs = 20;`
struct TrainOptions
{
    ModelKind kind = ModelKind::NonLinear;
    ModelParams params = defaultParams(ModelKind::NonLinear);
    int epochs = 20;
    uint64_t seed = 42;
    int threads = 1; //!< intra-op threads of this job
    //! Row-wise (lazy) Adam on sparse embedding gradients; false uses dense Adam everywhere,
    //! which is slower and only kept to show that accuracy is the same.
    bool sparseEmbeddings = true;
};

//! Hooks into a run. Both are called on the training thread.
struct TrainCallbacks
{
    std::function<void(const EpochReport &)> epochFinished;
    //! Polled between batches; returning true stops the run after that batch.
    std::function<bool()> isCanceled;
};

//! A prediction on the original rating scale.
struct Prediction
{
    double rating = 0.0;
    bool coldStart = false; //!< the user or the movie was never seen: a fallback value
};

//! How many ids a growth step added.
struct AdmitReport
{
    qint64 newUsers = 0;
    qint64 newItems = 0;
};

//! A trained model with its id maps and scaler: what a checkpoint holds.
class TrainedModel
{
public:
    virtual ~TrainedModel() = default;

    virtual ModelKind kind() const = 0;
    virtual const ModelParams &params() const = 0;
    virtual const IdMap &userIds() const = 0;
    virtual const IdMap &itemIds() const = 0;
    virtual const MinMaxScaler &scaler() const = 0;
    //! The training metadata saved with the model (data file, epochs, best RMSE, ...).
    virtual QJsonObject metadata() const = 0;
    virtual void setMetadata(const QJsonObject &metadata) = 0;

    //! One rating for raw MovieLens ids; unseen ids get the fallback flagged coldStart.
    virtual Prediction predict(uint32_t rawUser, uint32_t rawItem) const = 0;
    //! Ratings (true scale) for rows of `data`, whose ids are looked up by raw value, in
    //! large batches without autograd.
    virtual std::vector<double> predictRows(const RatingDataset &data,
                                            const RowList &rows) const = 0;
    //! RMSE on the true scale over rows of `data`.
    double rmse(const RatingDataset &data, const RowList &rows) const;

    //! Admits unseen users and movies: embedding tables grow, existing rows (and so existing
    //! predictions) stay as they are, new rows start at the mean of the existing ones, and
    //! the optimiser state grows with zero moments.
    virtual AdmitReport admit(const std::vector<uint32_t> &rawUsers,
                              const std::vector<uint32_t> &rawItems) = 0;

    //! Writes the checkpoint folder `dir` (created if needed); see Note [Checkpoints].
    virtual Result<void> save(const QString &dir) const = 0;
};

//! The LibTorch side of the workbench, loaded on first use so that data-only work never pays
//! for loading LibTorch (see modelEngine()).
class ModelEngine
{
public:
    virtual ~ModelEngine() = default;

    struct Trained
    {
        std::unique_ptr<TrainedModel> model;
        TrainReport report;
    };

    //! Trains a fresh model on rows `train` of `data`, validating on `validation` each epoch.
    virtual Result<Trained> train(const RatingDataset &data, const RowList &train,
                                  const RowList &validation, const TrainOptions &options,
                                  const TrainCallbacks &callbacks = {}) = 0;

    //! Continues training `model` (a model this engine made or loaded) from its current
    //! state, optimiser moments included, on rows `train` of `data`, validating on
    //! `validation`; ids of `data` must have been admitted first (see TrainedModel::admit()).
    //! Uses the epochs, seed and threads of `options`; the model keeps its own kind and
    //! hyperparameters.
    virtual Result<TrainReport> fineTune(TrainedModel &model, const RatingDataset &data,
                                         const RowList &train, const RowList &validation,
                                         const TrainOptions &options,
                                         const TrainCallbacks &callbacks = {}) = 0;

    //! Loads a checkpoint folder written by TrainedModel::save().
    virtual Result<std::unique_ptr<TrainedModel>> load(const QString &dir) = 0;
};

//! The engine, loading libncf_models (and with it LibTorch) the first time it is asked for.
//! Looks in $NCF_MODELS_LIBRARY, then next to the executable's ../lib and the executable.
Result<ModelEngine *> modelEngine();

} // namespace Ncf

//! The plugin's entry point, resolved by modelEngine().
extern "C" Ncf::ModelEngine *ncfModelEngine();
