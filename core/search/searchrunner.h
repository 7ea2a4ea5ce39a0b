#pragma once

#include "core/common/result.h"
#include "core/search/asha.h"
#include "core/search/searchspace.h"
#include "core/storage/experimentstore.h"
#include "core/training/training.h"

#include <QJsonObject>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace Ncf {

struct RatingDataset;

//! How a search runs. Example: `SearchSettings s; s.space = presetSpace(ModelKind::Mf);`
struct SearchSettings
{
    SearchSpace space;
    QString algorithm = QStringLiteral("random"); //!< "random" or "asha"
    AshaSettings asha;
    int trials = 10;
    int workers = 1;         //!< trials trained at once
    int threadsPerTrial = 1; //!< intra-op threads of each trial
    uint64_t seed = 42;
    double split = 0.9;      //!< training share of the holdout

    //! Epochs a trial may run: ASHA's max_t, or the space's max_epochs for random search.
    int epochLimit() const;

    QJsonObject toJson() const; //!< everything but the space
    static Result<SearchSettings> fromJson(const QJsonObject &settings, const QJsonObject &space);
};

//! Hooks into a running search, called on worker threads.
struct SearchCallbacks
{
    std::function<void(const TrialRecord &)> trialChanged;
    std::function<void(qint64 trialId, const EpochReport &)> epochFinished;
};

//! What run() did.
struct SearchSummary
{
    qint64 experimentId = 0;
    int completed = 0;
    int stopped = 0;
    int failed = 0;
    int interrupted = 0; //!< left for a later resume (cancelled, or found interrupted)
    int resumedInterrupted = 0; //!< trials found interrupted and run again
    bool cancelled = false;
};

// Note [Search runs]: create() samples every trial's configuration up front from the seed and
// stores them as pending rows, so the queue survives a crash and the configurations do not
// depend on the number of workers. run() takes the pending and interrupted trials in order
// onto a thread pool of `workers` threads; each epoch's row and the scheduler state that
// judged it are written in one transaction, so a resumed search restores ASHA's rungs as
// they were. With one worker a search is reproducible run for run; with more, ASHA's
// decisions depend on which trial reaches a rung first, as in Ray Tune.

//! Runs hyperparameter searches against an experiment store.
class SearchRunner
{
public:
    SearchRunner(ExperimentStore &store, const RatingDataset &data, ModelEngine &engine);

    //! Records a new search experiment (dataset, settings, sampled trials); returns its id.
    Result<qint64> create(const SearchSettings &settings, const QString &dataChecksum);
    //! Runs (or resumes) experiment `id` until every trial has ended or cancel() is called.
    //! Blocks; trials train on worker threads.
    Result<SearchSummary> run(qint64 id, const SearchCallbacks &callbacks = {});

    //! Thread-safe controls: pause holds running trials between batches and starts no new
    //! ones; cancel stops them (they are stored as interrupted, to run again on resume).
    void pause();
    void resume();
    void cancel();
    bool isPaused() const { return m_paused; }

private:
    void runTrial(const TrialRecord &trial, const SearchSettings &settings,
                  const Holdout &holdout, qint64 experimentId, AshaScheduler *asha,
                  const SearchCallbacks &callbacks, SearchSummary &summary);
    bool waitWhilePaused();

    ExperimentStore &m_store;
    const RatingDataset &m_data;
    ModelEngine &m_engine;
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_paused{false};
    std::mutex m_mutex; // guards the scheduler and the summary
    std::mutex m_pauseMutex;
    std::condition_variable m_unpaused;
};

} // namespace Ncf
