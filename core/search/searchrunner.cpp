#include "core/search/searchrunner.h"

#include "core/common/logging.h"
#include "core/common/tr.h"
#include "core/data/ratingdataset.h"

#include <QElapsedTimer>
#include <QThreadPool>

#include <cmath>

namespace Ncf {

int SearchSettings::epochLimit() const
{
    return algorithm == QLatin1String("asha") ? asha.maxT : space.maxEpochs;
}

QJsonObject SearchSettings::toJson() const
{
    return QJsonObject{{QStringLiteral("algorithm"), algorithm},
                       {QStringLiteral("asha"), asha.toJson()},
                       {QStringLiteral("trials"), trials},
                       {QStringLiteral("workers"), workers},
                       {QStringLiteral("threads_per_trial"), threadsPerTrial},
                       {QStringLiteral("seed"), QString::number(seed)},
                       {QStringLiteral("split"), split}};
}

Result<SearchSettings> SearchSettings::fromJson(const QJsonObject &json, const QJsonObject &space)
{
    SearchSettings s;
    Result<SearchSpace> parsed = SearchSpace::fromJson(space);
    if (!parsed)
        return makeError(parsed.error());
    s.space = *parsed;
    s.algorithm = json.value(QStringLiteral("algorithm")).toString(s.algorithm);
    if (s.algorithm != QLatin1String("random") && s.algorithm != QLatin1String("asha"))
        return makeError(SearchTr::tr("unknown search algorithm '%1': expected random or asha")
                             .arg(s.algorithm));
    Result<AshaSettings> asha = AshaSettings::fromJson(
        json.value(QStringLiteral("asha")).toObject());
    if (!asha)
        return makeError(asha.error());
    s.asha = *asha;
    s.trials = json.value(QStringLiteral("trials")).toInt(s.trials);
    s.workers = std::max(1, json.value(QStringLiteral("workers")).toInt(s.workers));
    s.threadsPerTrial = std::max(1, json.value(QStringLiteral("threads_per_trial"))
                                        .toInt(s.threadsPerTrial));
    s.seed = json.value(QStringLiteral("seed")).toString(QStringLiteral("42")).toULongLong();
    s.split = json.value(QStringLiteral("split")).toDouble(s.split);
    if (s.trials < 1)
        return makeError(SearchTr::tr("a search needs at least one trial"));
    return s;
}

SearchRunner::SearchRunner(ExperimentStore &store, const RatingDataset &data, ModelEngine &engine)
    : m_store(store)
    , m_data(data)
    , m_engine(engine)
{}

Result<qint64> SearchRunner::create(const SearchSettings &settings, const QString &dataChecksum)
{
    if (settings.algorithm == QLatin1String("asha"))
        if (Result<void> valid = validateAsha(settings.asha); !valid)
            return makeError(valid.error());
    Result<qint64> dataset = m_store.addDataset(m_data.path, layoutName(m_data.layout),
                                                dataChecksum, m_data.report.bytes,
                                                qint64(m_data.size()));
    if (!dataset)
        return makeError(dataset.error());
    ExperimentRecord e;
    e.datasetId = *dataset;
    e.kind = QStringLiteral("search");
    e.model = modelKindName(settings.space.model);
    e.space = settings.space.toJson();
    e.algorithm = settings.algorithm;
    e.settings = settings.toJson();
    if (settings.algorithm == QLatin1String("asha"))
        e.state = AshaScheduler(settings.asha, settings.seed).toJson();
    Result<qint64> id = m_store.addExperiment(e);
    if (!id)
        return makeError(id.error());

    Rng rng(settings.seed);
    std::vector<QJsonObject> configs;
    for (int k = 0; k < settings.trials; ++k)
        configs.push_back(settings.space.sample(rng));
    if (Result<std::vector<qint64>> trials = m_store.addTrials(*id, configs); !trials)
        return makeError(trials.error());
    return id;
}

void SearchRunner::pause()
{
    m_paused = true;
}

void SearchRunner::resume()
{
    {
        std::lock_guard lock(m_pauseMutex);
        m_paused = false;
    }
    m_unpaused.notify_all();
}

void SearchRunner::cancel()
{
    m_cancelled = true;
    m_unpaused.notify_all();
}

bool SearchRunner::waitWhilePaused()
{
    std::unique_lock lock(m_pauseMutex);
    m_unpaused.wait(lock, [this] { return !m_paused || m_cancelled; });
    return !m_cancelled;
}

Result<SearchSummary> SearchRunner::run(qint64 id, const SearchCallbacks &callbacks)
{
    Result<ExperimentRecord> experiment = m_store.experiment(id);
    if (!experiment)
        return makeError(experiment.error());
    Result<SearchSettings> settings = SearchSettings::fromJson(experiment->settings,
                                                               experiment->space);
    if (!settings)
        return makeError(settings.error());
    Result<RunLock> lock = m_store.lockExperiment(id);
    if (!lock)
        return makeError(lock.error());
    Result<int> interrupted = m_store.markInterrupted(id);
    if (!interrupted)
        return makeError(interrupted.error());

    std::unique_ptr<AshaScheduler> asha;
    if (settings->algorithm == QLatin1String("asha")) {
        Result<AshaScheduler> restored = AshaScheduler::fromJson(experiment->state);
        if (!restored)
            return makeError(restored.error());
        asha = std::make_unique<AshaScheduler>(std::move(*restored));
    }
    Result<std::vector<TrialRecord>> trials = m_store.trials(id);
    if (!trials)
        return makeError(trials.error());

    SearchSummary summary;
    summary.experimentId = id;
    const Holdout holdout = holdoutSplit(m_data.size(), settings->split, settings->seed);
    (void)m_store.setExperimentStatus(id, QStringLiteral("running"));

    QThreadPool pool;
    pool.setMaxThreadCount(settings->workers);
    for (const TrialRecord &trial : *trials) {
        if (trial.status != TrialStatus::Pending && trial.status != TrialStatus::Interrupted)
            continue;
        if (trial.status == TrialStatus::Interrupted)
            ++summary.resumedInterrupted;
        pool.start([&, trial] {
            if (!waitWhilePaused())
                return;
            runTrial(trial, *settings, holdout, id, asha.get(), callbacks, summary);
        });
    }
    // Not QFuture::waitForFinished(): it may run a queued task on this thread as well, one
    // trial more at a time than `workers` allows. waitForDone() only waits.
    pool.waitForDone();

    // Trials the pool never started after a cancel stay pending; count them as left over.
    if (m_cancelled) {
        summary.cancelled = true;
        summary.interrupted = 0;
        if (const Result<std::vector<TrialRecord>> left = m_store.trials(id); left)
            for (const TrialRecord &t : *left)
                summary.interrupted += t.status == TrialStatus::Pending
                                       || t.status == TrialStatus::Interrupted;
    }
    (void)m_store.setExperimentStatus(id, m_cancelled ? QStringLiteral("cancelled")
                                                      : QStringLiteral("finished"));
    return summary;
}

void SearchRunner::runTrial(const TrialRecord &trial, const SearchSettings &settings,
                            const Holdout &holdout, qint64 experimentId, AshaScheduler *asha,
                            const SearchCallbacks &callbacks, SearchSummary &summary)
{
    if (m_cancelled)
        return;
    TrialRecord record = trial;
    record.status = TrialStatus::Running;
    (void)m_store.setTrialRunning(trial.id);
    if (callbacks.trialChanged)
        callbacks.trialChanged(record);
    const QString key = QString::number(trial.id);

    TrainOptions options;
    options.kind = settings.space.model;
    options.epochs = settings.epochLimit();
    options.seed = settings.seed + uint64_t(trial.number) + 1;
    options.threads = settings.threadsPerTrial;
    Result<ModelParams> params = settings.space.paramsFor(trial.config);
    std::atomic<bool> stopped{false};
    QString failure;
    Result<ModelEngine::Trained> trained = makeError(QString());
    if (params) {
        options.params = *params;
        if (asha)
            options.params.patience = 0; // the scheduler decides when to stop
        TrainCallbacks hooks;
        hooks.epochFinished = [&](const EpochReport &e) {
            const EpochRecord row{trial.id, -1, e};
            if (asha) {
                std::lock_guard lock(m_mutex);
                if (asha->onResult(key, e.epoch, e.valMse) == SchedulerDecision::Stop
                    && e.epoch < options.epochs)
                    stopped = true;
                const QJsonObject state = asha->toJson();
                if (Result<void> r = m_store.addEpoch(row, experimentId, &state); !r)
                    qCWarning(lcSearch).noquote() << r.error();
            } else if (Result<void> r = m_store.addEpoch(row); !r) {
                qCWarning(lcSearch).noquote() << r.error();
            }
            if (callbacks.epochFinished)
                callbacks.epochFinished(trial.id, e);
        };
        hooks.isCanceled = [&] {
            if (m_paused && !waitWhilePaused())
                return true;
            return stopped.load() || m_cancelled.load();
        };
        trained = m_engine.train(m_data, holdout.train, holdout.test, options, hooks);
    }

    // Record how the trial ended.
    if (!params || !trained) {
        record.status = TrialStatus::Failed;
        record.error = !params ? params.error() : trained.error();
        qCWarning(lcSearch).noquote() << "trial" << trial.number << "failed:" << record.error;
    } else {
        const TrainReport &report = trained->report;
        record.epochs = int(report.epochs.size());
        record.bestEpoch = report.bestEpoch;
        record.bestValRmse = report.bestValRmse;
        record.bestValMse = std::nan("");
        for (const EpochReport &e : report.epochs)
            if (e.epoch == report.bestEpoch)
                record.bestValMse = e.valMse;
        record.seconds = report.seconds;
        if (stopped)
            record.status = TrialStatus::Stopped;
        else if (m_cancelled)
            record.status = TrialStatus::Interrupted;
        else
            record.status = TrialStatus::Completed;
        if (asha && record.status == TrialStatus::Completed && !report.epochs.empty()) {
            std::lock_guard lock(m_mutex);
            asha->onComplete(key, report.epochs.back().epoch, report.epochs.back().valMse);
        }
    }
    if (Result<void> r = m_store.finishTrial(record); !r)
        qCWarning(lcSearch).noquote() << r.error();
    {
        std::lock_guard lock(m_mutex);
        summary.completed += record.status == TrialStatus::Completed;
        summary.stopped += record.status == TrialStatus::Stopped;
        summary.failed += record.status == TrialStatus::Failed;
        summary.interrupted += record.status == TrialStatus::Interrupted;
    }
    if (callbacks.trialChanged)
        callbacks.trialChanged(record);
}

} // namespace Ncf
