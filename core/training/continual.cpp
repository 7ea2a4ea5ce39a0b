#include "core/training/continual.h"

#include "core/data/ratingdataset.h"

#include <cmath>

namespace Ncf {

Result<ContinualTrained> trainContinual(ModelEngine &engine, const RatingDataset &data,
                                        const ContinualOptions &split, double trainFraction,
                                        const TrainOptions &options,
                                        const TrainCallbacks &callbacks)
{
    Result<ContinualSplit> parts = continualSplit(data, split);
    if (!parts)
        return makeError(parts.error());
    const Holdout holdout = initialHoldout(*parts, trainFraction, options.seed);
    Result<ModelEngine::Trained> trained
        = engine.train(data, holdout.train, holdout.test, options, callbacks);
    if (!trained)
        return makeError(trained.error());

    ContinualTrained out;
    out.trainRatings = qint64(holdout.train.size());
    out.validationRatings = qint64(holdout.test.size());
    out.testRatings = qint64(parts->test.size());
    out.testRmse = parts->test.empty() ? std::nan("") : trained->model->rmse(data, parts->test);
    QJsonObject metadata = trained->model->metadata();
    metadata.insert(QStringLiteral("protocol"),
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("continual")},
                                {QStringLiteral("initial"), split.initial},
                                {QStringLiteral("test_fraction"), split.testFraction},
                                {QStringLiteral("order"), split.order == StreamOrder::Time
                                                              ? QStringLiteral("time")
                                                              : QStringLiteral("file")},
                                {QStringLiteral("seed"), QString::number(split.seed)},
                                {QStringLiteral("train_fraction"), trainFraction},
                                {QStringLiteral("test_ratings"), out.testRatings},
                                {QStringLiteral("test_rmse"), out.testRmse}});
    trained->model->setMetadata(metadata);
    out.trained = std::move(*trained);
    return out;
}

} // namespace Ncf
