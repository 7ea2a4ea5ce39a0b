#include "core/training/torchmodel_p.h"

#include "core/common/logging.h"
#include "core/common/tr.h"
#include "core/data/ratingdataset.h"

#include <ATen/Parallel.h>
#include <ATen/CPUGeneratorImpl.h>

#include <QElapsedTimer>

#include <cmath>
#include <mutex>

namespace Ncf::Torch {

namespace {

//! Columns of the training rows as tensors, built once per run.
struct Batches
{
    torch::Tensor users;   //!< int64 dense indices
    torch::Tensor items;   //!< int64 dense indices
    torch::Tensor targets; //!< float ratings on the [0, 1] scale
};

Batches tensorsFor(const TorchModel &model, const RatingDataset &data, const RowList &rows)
{
    Batches b;
    std::tie(b.users, b.items) = model.indicesFor(data, rows);
    b.targets = torch::empty({int64_t(rows.size())}, torch::kFloat);
    float *t = b.targets.data_ptr<float>();
    for (size_t k = 0; k < rows.size(); ++k)
        t[k] = float(model.scaler().transform(data.rating(rows[k])));
    return b;
}

//! MSE on the [0, 1] scale of the model over `b` (no autograd, large batches).
double evaluate(const TorchModel &model, const Batches &b)
{
    if (b.users.size(0) == 0)
        return std::nan("");
    const torch::Tensor predicted = model.predictScaled(b.users, b.items);
    return torch::mse_loss(predicted, b.targets).item<double>();
}

//! Parameters and buffers, copied: the best epoch's state, restored at the end.
std::vector<torch::Tensor> snapshot(RatingNet &net)
{
    std::vector<torch::Tensor> state;
    for (const torch::Tensor &t : net.parameters())
        state.push_back(t.detach().clone());
    for (const torch::Tensor &t : net.buffers())
        state.push_back(t.detach().clone());
    return state;
}

void restore(RatingNet &net, const std::vector<torch::Tensor> &state)
{
    torch::NoGradGuard noGrad;
    size_t k = 0;
    for (torch::Tensor &t : net.parameters())
        t.copy_(state[k++]);
    for (torch::Tensor &t : net.buffers())
        t.copy_(state[k++]);
}

double meanRating(const RatingDataset &data, const RowList &rows)
{
    double sum = 0.0;
    for (uint32_t r : rows)
        sum += data.rating(r);
    return rows.empty() ? 0.0 : sum / double(rows.size());
}

} // namespace

//! Runs epochs of Adam on MSE over `train`, validating on `validation`; the model keeps the
//! best epoch's weights. Shared by fresh training and fine-tuning.
Result<TrainReport> runEpochs(TorchModel &model, const RatingDataset &data, const RowList &train,
                              const RowList &validation, const TrainOptions &options,
                              const TrainCallbacks &callbacks)
{
    const ModelParams &params = model.params();
    // The intra-op thread count is per calling thread (OpenMP), so concurrent jobs each keep
    // their own.
    at::set_num_threads(std::max(1, options.threads));
    at::Generator generator = at::detail::createCPUGenerator(options.seed);

    const Batches trainSet = tensorsFor(model, data, train);
    const Batches valSet = tensorsFor(model, data, validation);
    const int64_t n = trainSet.users.size(0);
    const int64_t batch = std::max(1, params.batchSize);
    const double range = model.scaler().range();
    RatingNet &net = *model.net;
    const bool trainable = model.denseOptimizer || model.tableOptimizer
                           || model.layerOptimizer;

    TrainReport report;
    QElapsedTimer total;
    total.start();
    double trainingNanos = 0.0;
    int64_t trainedSamples = 0;
    double bestValMse = std::numeric_limits<double>::infinity();
    std::vector<torch::Tensor> best = snapshot(net);
    int sinceBest = 0;

    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        QElapsedTimer timer;
        timer.start();
        EpochReport e;
        e.epoch = epoch + 1;
        e.beta = model.kind() == ModelKind::Vae
                     ? annealedBeta(params.annealer, params.startBeta, params.offsetBeta, epoch,
                                    options.epochs)
                     : 0.0;

        // One pass over a pre-shuffled index tensor: no per-sample work in the loop.
        net.train();
        double lossSum = 0.0, klSum = 0.0;
        int64_t seen = 0;
        if (trainable && n > 0) {
            const torch::Tensor order = torch::randperm(n, generator, torch::kLong);
            for (int64_t start = 0; start < n; start += batch) {
                if (callbacks.isCanceled && callbacks.isCanceled()) {
                    report.cancelled = true;
                    break;
                }
                const int64_t length = std::min(batch, n - start);
                const torch::Tensor idx = order.narrow(0, start, length);
                const torch::Tensor users = trainSet.users.index_select(0, idx);
                const torch::Tensor items = trainSet.items.index_select(0, idx);
                const torch::Tensor targets = trainSet.targets.index_select(0, idx);

                model.zeroGrad();
                const NetOutput out = net.forward(users, items);
                const torch::Tensor mse = torch::mse_loss(out.prediction, targets);
                torch::Tensor loss = mse;
                if (out.kl.defined())
                    loss = loss + e.beta * out.kl;
                if (out.penalty.defined())
                    loss = loss + out.penalty;
                loss.backward();
                model.step();

                lossSum += mse.item<double>() * double(length);
                if (out.kl.defined())
                    klSum += out.kl.item<double>() * double(length);
                seen += length;
            }
            trainingNanos += double(timer.nsecsElapsed());
            trainedSamples += seen;
        } else if (n > 0) {
            // Nothing to learn (the mean model): report the training error as it is.
            seen = n;
            lossSum = evaluate(model, trainSet) * double(n);
        }
        if (report.cancelled && seen == 0)
            break;

        e.trainMse = seen ? lossSum / double(seen) : std::nan("");
        e.kl = seen ? klSum / double(seen) : 0.0;
        e.valMse = evaluate(model, valSet);
        e.valRmse = std::sqrt(e.valMse) * range;
        e.seconds = timer.nsecsElapsed() * 1e-9;
        report.epochs.push_back(e);
        qCDebug(lcTrain) << "epoch" << e.epoch << "train" << e.trainMse << "val" << e.valMse
                         << "rmse" << e.valRmse;
        qCDebug(lcTiming) << "epoch" << e.epoch << "took" << e.seconds << "s";
        if (callbacks.epochFinished)
            callbacks.epochFinished(e);

        // Without validation rows every epoch counts as the best; a NaN loss never does.
        if ((valSet.users.size(0) == 0 && !std::isnan(e.trainMse)) || e.valMse < bestValMse) {
            bestValMse = e.valMse;
            report.bestEpoch = e.epoch;
            report.bestValRmse = e.valRmse;
            best = snapshot(net);
            sinceBest = 0;
        } else if (params.patience > 0 && ++sinceBest >= params.patience) {
            report.stoppedEarly = true;
            break;
        }
        if (report.cancelled || !trainable)
            break;
    }
    if (report.bestEpoch > 0)
        restore(net, best);
    report.seconds = total.nsecsElapsed() * 1e-9;
    report.samplesPerSecond = trainingNanos > 0 ? double(trainedSamples) / (trainingNanos * 1e-9)
                                                : 0.0;
    return report;
}

namespace {

class TorchEngine : public ModelEngine
{
public:
    Result<Trained> train(const RatingDataset &data, const RowList &train,
                          const RowList &validation, const TrainOptions &options,
                          const TrainCallbacks &callbacks) override
    {
        if (train.empty())
            return makeError(ModelsTr::tr("no training ratings"));
        try {
            // Note [Seeding] in LibTorch: initialisation draws from LibTorch's process-wide
            // generator, so building a model seeds it and draws every initial weight (and
            // the seeds of the model's own dropout and sampling generators) under one lock.
            // Concurrent trials then start exactly as they would alone, and the training loop
            // itself uses only the model's generators and the run's shuffling generator.
            std::unique_ptr<TorchModel> model;
            {
                static std::mutex seeding;
                std::lock_guard lock(seeding);
                torch::manual_seed(options.seed);
                model = std::make_unique<TorchModel>(options.kind, options.params, data.userIds,
                                                     data.itemIds, MinMaxScaler::fit(data),
                                                     meanRating(data, train),
                                                     options.sparseEmbeddings);
            }
            Result<TrainReport> report = runEpochs(*model, data, train, validation, options,
                                                   callbacks);
            if (!report)
                return makeError(report.error());
            model->setMetadata(QJsonObject{
                {QStringLiteral("data"), data.path},
                {QStringLiteral("train_ratings"), qint64(train.size())},
                {QStringLiteral("validation_ratings"), qint64(validation.size())},
                {QStringLiteral("epochs"), int(report->epochs.size())},
                {QStringLiteral("best_epoch"), report->bestEpoch},
                {QStringLiteral("best_val_rmse"), report->bestValRmse},
                {QStringLiteral("seed"), qint64(options.seed)}});
            return Trained{std::move(model), std::move(*report)};
        } catch (const std::exception &e) {
            // c10::Error included: no exception may leave a training job.
            return makeError(ModelsTr::tr("training failed: %1")
                                 .arg(QString::fromLocal8Bit(e.what()).section(QLatin1Char('\n'),
                                                                               0, 0)));
        }
    }

    Result<TrainReport> fineTune(TrainedModel &model, const RatingDataset &data,
                                 const RowList &train, const RowList &validation,
                                 const TrainOptions &options,
                                 const TrainCallbacks &callbacks) override
    {
        auto *torchModel = dynamic_cast<TorchModel *>(&model);
        if (!torchModel)
            return makeError(ModelsTr::tr("this model was not made by the LibTorch engine"));
        if (train.empty())
            return makeError(ModelsTr::tr("no training ratings"));
        try {
            return runEpochs(*torchModel, data, train, validation, options, callbacks);
        } catch (const std::exception &e) {
            return makeError(ModelsTr::tr("fine-tuning failed: %1")
                                 .arg(QString::fromLocal8Bit(e.what()).section(QLatin1Char('\n'),
                                                                               0, 0)));
        }
    }

    Result<std::unique_ptr<TrainedModel>> load(const QString &dir) override
    {
        Result<std::unique_ptr<TorchModel>> model = TorchModel::load(dir);
        if (!model)
            return makeError(model.error());
        return std::unique_ptr<TrainedModel>(std::move(*model));
    }
};

} // namespace

} // namespace Ncf::Torch

extern "C" Q_DECL_EXPORT Ncf::ModelEngine *ncfModelEngine()
{
    static Ncf::Torch::TorchEngine engine;
    return &engine;
}
