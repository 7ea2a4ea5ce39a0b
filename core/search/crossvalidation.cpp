#include "core/search/crossvalidation.h"

#include "core/common/logging.h"
#include "core/common/tr.h"
#include "core/data/ratingdataset.h"
#include "core/data/splits.h"
#include "core/search/searchrunner.h"

#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace Ncf {

CvScoreRecord scoreFolds(const std::vector<std::vector<double>> &foldEpochRmse)
{
    CvScoreRecord score;
    score.meanRmse = std::nan("");
    score.stdRmse = std::nan("");
    if (foldEpochRmse.empty())
        return score;
    size_t epochs = foldEpochRmse.front().size();
    for (const auto &fold : foldEpochRmse)
        epochs = std::min(epochs, fold.size());
    const double k = double(foldEpochRmse.size());
    for (size_t e = 0; e < epochs; ++e) {
        double sum = 0.0;
        for (const auto &fold : foldEpochRmse)
            sum += fold[e];
        const double mean = sum / k;
        if (score.bestEpoch == 0 || mean < score.meanRmse) {
            score.meanRmse = mean;
            score.bestEpoch = int(e) + 1;
        }
    }
    if (score.bestEpoch == 0)
        return score;
    double squares = 0.0;
    for (const auto &fold : foldEpochRmse) {
        const double v = fold[size_t(score.bestEpoch - 1)];
        score.foldRmse.push_back(v);
        squares += (v - score.meanRmse) * (v - score.meanRmse);
    }
    score.stdRmse = foldEpochRmse.size() > 1 ? std::sqrt(squares / (k - 1.0)) : 0.0;
    return score;
}

QJsonObject CvSettings::toJson() const
{
    return QJsonObject{{QStringLiteral("source_experiment"), sourceExperiment},
                       {QStringLiteral("top"), top},
                       {QStringLiteral("folds"), folds},
                       {QStringLiteral("epochs"), epochs},
                       {QStringLiteral("workers"), workers},
                       {QStringLiteral("threads_per_trial"), threadsPerTrial},
                       {QStringLiteral("seed"), QString::number(seed)}};
}

CvSettings CvSettings::fromJson(const QJsonObject &json)
{
    CvSettings s;
    s.sourceExperiment = json.value(QStringLiteral("source_experiment")).toInteger();
    s.top = json.value(QStringLiteral("top")).toInt(s.top);
    s.folds = json.value(QStringLiteral("folds")).toInt(s.folds);
    s.epochs = json.value(QStringLiteral("epochs")).toInt(s.epochs);
    s.workers = std::max(1, json.value(QStringLiteral("workers")).toInt(s.workers));
    s.threadsPerTrial = std::max(1, json.value(QStringLiteral("threads_per_trial")).toInt(1));
    s.seed = json.value(QStringLiteral("seed")).toString(QStringLiteral("42")).toULongLong();
    return s;
}

CrossValidator::CrossValidator(ExperimentStore &store, const RatingDataset &data,
                               ModelEngine &engine)
    : m_store(store)
    , m_data(data)
    , m_engine(engine)
{}

Result<qint64> CrossValidator::create(const CvSettings &settings)
{
    if (settings.folds < 2 || settings.top < 1)
        return makeError(SearchTr::tr("cross-validation needs at least 2 folds and 1 "
                                      "configuration"));
    Result<ExperimentRecord> source = m_store.experiment(settings.sourceExperiment);
    if (!source)
        return makeError(source.error());
    Result<SearchSettings> search = SearchSettings::fromJson(source->settings, source->space);
    if (!search)
        return makeError(search.error());
    Result<std::vector<TrialRecord>> trials = m_store.trials(source->id);
    if (!trials)
        return makeError(trials.error());
    std::vector<TrialRecord> ranked;
    for (const TrialRecord &t : *trials)
        if ((t.status == TrialStatus::Completed || t.status == TrialStatus::Stopped)
            && !std::isnan(t.bestValRmse))
            ranked.push_back(t);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        return a.bestValRmse < b.bestValRmse;
    });
    if (ranked.empty())
        return makeError(SearchTr::tr("experiment %1 has no finished trial to validate")
                             .arg(source->id));
    ranked.resize(std::min(ranked.size(), size_t(settings.top)));

    CvSettings stored = settings;
    if (stored.epochs <= 0)
        stored.epochs = search->epochLimit();
    ExperimentRecord e;
    e.datasetId = source->datasetId;
    e.kind = QStringLiteral("cv");
    e.model = source->model;
    e.space = source->space;
    e.algorithm = QStringLiteral("kfold");
    e.settings = stored.toJson();
    Result<qint64> id = m_store.addExperiment(e);
    if (!id)
        return makeError(id.error());
    std::vector<QJsonObject> configs;
    for (const TrialRecord &t : ranked)
        configs.push_back(t.config);
    if (Result<std::vector<qint64>> added = m_store.addTrials(*id, configs); !added)
        return makeError(added.error());
    return id;
}

Result<CvSummary> CrossValidator::run(qint64 id,
                                      const std::function<void(const TrialRecord &)> &changed)
{
    Result<ExperimentRecord> experiment = m_store.experiment(id);
    if (!experiment)
        return makeError(experiment.error());
    const CvSettings settings = CvSettings::fromJson(experiment->settings);
    Result<SearchSpace> space = SearchSpace::fromJson(experiment->space);
    if (!space)
        return makeError(space.error());
    Result<RunLock> lock = m_store.lockExperiment(id);
    if (!lock)
        return makeError(lock.error());
    (void)m_store.markInterrupted(id);
    Result<std::vector<TrialRecord>> trials = m_store.trials(id);
    if (!trials)
        return makeError(trials.error());

    const std::vector<RowList> folds = kFolds(m_data.size(), settings.folds, settings.seed);
    CvSummary summary;
    summary.experimentId = id;
    std::mutex mutex;
    QThreadPool pool;
    pool.setMaxThreadCount(settings.workers);

    for (const TrialRecord &trial : *trials) {
        if (trial.status != TrialStatus::Pending && trial.status != TrialStatus::Interrupted)
            continue;
        if (m_cancelled)
            break;
        TrialRecord record = trial;
        record.status = TrialStatus::Running;
        (void)m_store.setTrialRunning(trial.id);
        if (changed)
            changed(record);
        Result<ModelParams> params = space->paramsFor(trial.config);
        std::vector<std::vector<double>> rmse(size_t(settings.folds));
        QString failure = params ? QString() : params.error();

        // The folds of one configuration train in parallel; each reports its epochs.
        for (int f = 0; f < settings.folds && params; ++f) {
            pool.start([&, f] {
                TrainOptions options;
                options.kind = space->model;
                options.params = *params;
                options.params.patience = 0; // every fold runs every epoch: scores need them
                options.epochs = settings.epochs;
                options.seed = settings.seed + uint64_t(trial.number) * 1000 + uint64_t(f);
                options.threads = settings.threadsPerTrial;
                TrainCallbacks hooks;
                hooks.isCanceled = [this] { return m_cancelled.load(); };
                hooks.epochFinished = [&, f](const EpochReport &e) {
                    (void)m_store.addEpoch({trial.id, f, e});
                    std::lock_guard lock(mutex);
                    rmse[size_t(f)].push_back(e.valRmse);
                };
                Result<ModelEngine::Trained> trained = m_engine.train(
                    m_data, foldTrainingRows(folds, f), folds[size_t(f)], options, hooks);
                if (!trained) {
                    std::lock_guard lock(mutex);
                    failure = trained.error();
                }
            });
        }
        // waitForDone(), not QFuture::waitForFinished(), which may also run a queued fold
        // on this thread and exceed `workers`.
        pool.waitForDone();

        const CvScoreRecord score = [&] {
            CvScoreRecord s = scoreFolds(rmse);
            s.trialId = trial.id;
            return s;
        }();
        if (!failure.isEmpty()) {
            record.status = TrialStatus::Failed;
            record.error = failure;
            ++summary.failed;
        } else if (m_cancelled) {
            record.status = TrialStatus::Interrupted;
            summary.cancelled = true;
        } else {
            record.status = TrialStatus::Completed;
            (void)m_store.setCvScore(score);
            ++summary.configurations;
        }
        record.epochs = settings.epochs;
        record.bestEpoch = score.bestEpoch;
        record.bestValRmse = score.meanRmse;
        record.bestValMse = std::nan("");
        (void)m_store.finishTrial(record);
        if (changed)
            changed(record);
    }
    summary.cancelled = summary.cancelled || m_cancelled;
    (void)m_store.setExperimentStatus(id, summary.cancelled ? QStringLiteral("cancelled")
                                                            : QStringLiteral("finished"));
    return summary;
}

} // namespace Ncf
