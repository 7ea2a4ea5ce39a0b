#include "core/training/trainrun.h"

#include "core/common/logging.h"
#include "core/common/tr.h"
#include "core/data/ratingdataset.h"
#include "core/data/splits.h"

#include <QCryptographicHash>
#include <QFile>

#include <cmath>

namespace Ncf {

namespace {

struct OpenRun
{
    qint64 experimentId = 0;
    qint64 trialId = 0;
    RunLock lock;
};

//! The dataset row, the experiment and its trial, marked running under the run lock.
Result<OpenRun> openRun(ExperimentStore &store, const RatingDataset &data,
                        const TrainRunSettings &settings, const QString &checksum)
{
    const TrainOptions &o = settings.options;
    Result<qint64> dataset = store.addDataset(data.path, layoutName(data.layout),
                                              checksum.isEmpty() ? fileChecksum(data.path)
                                                                 : checksum,
                                              data.report.bytes, qint64(data.size()));
    if (!dataset)
        return makeError(dataset.error());
    ExperimentRecord e;
    e.datasetId = *dataset;
    e.kind = QLatin1String(kTrainExperimentKind);
    e.model = modelKindName(o.kind);
    e.algorithm = QStringLiteral("holdout");
    e.settings = QJsonObject{{QStringLiteral("epochs"), o.epochs},
                             {QStringLiteral("split"), settings.trainFraction},
                             {QStringLiteral("seed"), QString::number(o.seed)},
                             {QStringLiteral("threads"), o.threads}};
    Result<qint64> id = store.addExperiment(e);
    if (!id)
        return makeError(id.error());
    Result<std::vector<qint64>> trials = store.addTrials(*id, {paramsToJson(o.params, o.kind)});
    if (!trials)
        return makeError(trials.error());
    Result<RunLock> lock = store.lockExperiment(*id);
    if (!lock)
        return makeError(lock.error());
    if (Result<void> r = store.setExperimentStatus(*id, QStringLiteral("running")); !r)
        return makeError(r.error());
    if (Result<void> r = store.setTrialRunning(trials->front()); !r)
        return makeError(r.error());
    return OpenRun{*id, trials->front(), std::move(*lock)};
}

} // namespace

Result<ModelEngine::Trained> trainRecorded(ModelEngine &engine, ExperimentStore &store,
                                           const RatingDataset &data,
                                           const TrainRunSettings &settings,
                                           const TrainCallbacks &callbacks,
                                           const std::function<void(qint64)> &started,
                                           const QString &dataChecksum)
{
    Result<OpenRun> run = openRun(store, data, settings, dataChecksum);
    if (!run)
        return makeError(run.error());
    if (started)
        started(run->experimentId);

    const TrainOptions &options = settings.options;
    const Holdout holdout = holdoutSplit(data.size(), settings.trainFraction, options.seed);
    TrainCallbacks recording = callbacks;
    const qint64 trialId = run->trialId;
    recording.epochFinished = [&store, &callbacks, trialId](const EpochReport &e) {
        if (Result<void> r = store.addEpoch(EpochRecord{trialId, -1, e}); !r)
            qCWarning(lcTrain) << r.error();
        if (callbacks.epochFinished)
            callbacks.epochFinished(e);
    };
    Result<ModelEngine::Trained> trained
        = engine.train(data, holdout.train, holdout.test, options, recording);

    TrialRecord trial;
    trial.id = trialId;
    trial.experimentId = run->experimentId;
    QString status = QStringLiteral("finished");
    if (!trained) {
        trial.status = TrialStatus::Failed;
        trial.error = trained.error();
        status = QStringLiteral("failed");
    } else {
        const TrainReport &r = trained->report;
        trial.status = r.cancelled ? TrialStatus::Interrupted : TrialStatus::Completed;
        trial.epochs = int(r.epochs.size());
        trial.bestEpoch = r.bestEpoch;
        trial.bestValMse = r.bestEpoch > 0 ? r.epochs[size_t(r.bestEpoch - 1)].valMse : NAN;
        trial.bestValRmse = r.bestEpoch > 0 ? r.bestValRmse : NAN;
        trial.seconds = r.seconds;
        if (r.cancelled)
            status = QStringLiteral("cancelled");
        QJsonObject metadata = trained->model->metadata();
        metadata.insert(QStringLiteral("experiment"), run->experimentId);
        trained->model->setMetadata(metadata);
    }
    // The outcome matters more than the bookkeeping: a failed write is logged, not returned.
    if (Result<void> r = store.finishTrial(trial); !r)
        qCWarning(lcTrain) << r.error();
    if (Result<void> r = store.setExperimentStatus(run->experimentId, status); !r)
        qCWarning(lcTrain) << r.error();
    return trained;
}

namespace {

//! The run without its epochs.
Result<StoredTrainRun> trainRunOf(const ExperimentStore &store, const ExperimentRecord &e)
{
    if (e.kind != QLatin1String(kTrainExperimentKind))
        return makeError(StorageTr::tr("%1: experiment %2 is a %3 experiment, not a train run")
                             .arg(store.path())
                             .arg(e.id)
                             .arg(e.kind));
    Result<std::vector<TrialRecord>> trials = store.trials(e.id);
    if (!trials)
        return makeError(trials.error());
    if (trials->empty())
        return makeError(StorageTr::tr("%1: train run %2 has no trial").arg(store.path())
                             .arg(e.id));
    Result<ModelKind> kind = modelKindFromName(e.model);
    if (!kind)
        return makeError(kind.error());
    StoredTrainRun run;
    run.experiment = e;
    run.trial = trials->front();
    run.kind = *kind;
    run.plannedEpochs = e.settings.value(QStringLiteral("epochs")).toInt();
    run.bestEpoch = run.trial.bestEpoch;
    return run;
}

} // namespace

Result<StoredTrainRun> loadTrainRun(const ExperimentStore &store, qint64 experimentId)
{
    Result<ExperimentRecord> e = store.experiment(experimentId);
    if (!e)
        return makeError(e.error());
    Result<StoredTrainRun> run = trainRunOf(store, *e);
    if (!run)
        return run;
    Result<std::vector<EpochRecord>> stored = store.epochs(run->trial.id);
    if (!stored)
        return makeError(stored.error());
    // A config the store holds was valid when written; the defaults are the fallback.
    Result<ModelParams> params = paramsFromJson(run->trial.config, run->kind);
    for (const EpochRecord &r : *stored) {
        if (r.fold != -1)
            continue;
        EpochReport epoch = r.report;
        epoch.kl = NAN;
        if (run->kind == ModelKind::Vae && params)
            epoch.beta = annealedBeta(params->annealer, params->startBeta, params->offsetBeta,
                                      epoch.epoch - 1, run->plannedEpochs);
        run->epochs.push_back(epoch);
    }
    if (run->bestEpoch <= 0)
        run->bestEpoch = bestEpochOf(run->epochs);
    return run;
}

Result<std::vector<StoredTrainRun>> listTrainRuns(const ExperimentStore &store)
{
    Result<std::vector<ExperimentRecord>> experiments = store.experiments();
    if (!experiments)
        return makeError(experiments.error());
    std::vector<StoredTrainRun> runs;
    for (auto e = experiments->rbegin(); e != experiments->rend(); ++e) {
        if (e->kind != QLatin1String(kTrainExperimentKind))
            continue;
        Result<StoredTrainRun> run = trainRunOf(store, *e);
        if (!run) {
            qCWarning(lcTrain) << run.error(); // one damaged run hides no others
            continue;
        }
        runs.push_back(std::move(*run));
    }
    return runs;
}

int bestEpochOf(const std::vector<EpochReport> &epochs)
{
    int best = 0;
    double lowest = INFINITY;
    for (const EpochReport &e : epochs)
        if (e.valMse < lowest) {
            lowest = e.valMse;
            best = e.epoch;
        }
    return best;
}

} // namespace Ncf
