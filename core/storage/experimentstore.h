#pragma once

#include "core/common/result.h"
#include "core/streaming/streamstep.h"
#include "core/training/training.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <mutex>
#include <utility>
#include <vector>

struct sqlite3;

namespace Ncf {

//! A trial's life: pending -> running -> completed, stopped (by the scheduler) or failed;
//! a trial that was running when the process died reads as interrupted when reopened.
enum class TrialStatus { Pending, Running, Completed, Stopped, Failed, Interrupted };

QString trialStatusName(TrialStatus status);
Result<TrialStatus> trialStatusFromName(const QString &name);

//! One row of the trials table.
struct TrialRecord
{
    qint64 id = 0;
    qint64 experimentId = 0;
    int number = 0; //!< 0-based order within its experiment
    QJsonObject config;
    TrialStatus status = TrialStatus::Pending;
    int epochs = 0;
    int bestEpoch = 0;
    double bestValMse = 0.0;
    double bestValRmse = 0.0;
    double seconds = 0.0;
    QString error;
};

//! One row of the experiments table.
struct ExperimentRecord
{
    qint64 id = 0;
    qint64 datasetId = 0;
    QString kind;      //!< "search", "cv" or "train" (Note [Train runs])
    QString model;
    QJsonObject space;
    QString algorithm; //!< "random", "asha", or for CV the source experiment
    QJsonObject settings;
    QJsonObject state; //!< the scheduler's saved state
    QString status;    //!< "running", "paused", "finished", "cancelled"
};

//! A stored epoch of a trial (fold -1 for a holdout run).
struct EpochRecord
{
    qint64 trialId = 0;
    int fold = -1;
    EpochReport report;
};

//! A configuration's cross-validation score (see scoreFolds()).
struct CvScoreRecord
{
    qint64 trialId = 0;
    int bestEpoch = 0;
    double meanRmse = 0.0; //!< RMSE at bestEpoch, averaged over folds
    double stdRmse = 0.0;  //!< spread over folds at bestEpoch (sample standard deviation)
    std::vector<double> foldRmse; //!< each fold's RMSE at bestEpoch
};

// Note [Experiment store]: one SQLite file per project, in WAL mode with synchronous=NORMAL,
// so a write survives the process being killed at any point (SIGKILL included) and readers
// never block the writer. Every call that changes state runs in one transaction, and the
// calls that must agree (an epoch row and the scheduler state that judged it) take both in
// the same one. The schema carries its version in PRAGMA user_version; open() migrates older
// files forward and refuses newer ones. Calls are serialised by an internal mutex, so worker
// threads may report directly.

//! Proof that this process runs an experiment: an exclusive lock on a file beside the
//! database, which the kernel drops when the process ends, however it ends.
class RunLock
{
public:
    RunLock() = default;
    explicit RunLock(int fd) : m_fd(fd) {}
    RunLock(RunLock &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    RunLock &operator=(RunLock &&other) noexcept;
    ~RunLock();

    //! Takes the lock on `path` (created if needed) without waiting; not held() when another
    //! process holds it or the file cannot be opened.
    static RunLock tryAcquire(const QString &path);
    bool held() const { return m_fd >= 0; }

private:
    int m_fd = -1;
};

//! The SHA-256 of a file, in hex: what the datasets table records to recognise a ratings file
//! (a search resumes and a cross-validation runs only on the same bytes).
QString fileChecksum(const QString &path);

//! The SQLite experiment store.
class ExperimentStore
{
public:
    static constexpr int kSchemaVersion = 4;

    ~ExperimentStore();

    //! Opens (creating or migrating) the database at `path`.
    static Result<std::unique_ptr<ExperimentStore>> open(const QString &path);

    QString path() const { return m_path; }
    int schemaVersion() const;

    //! Adds a dataset row (or returns the existing one with the same path and checksum).
    Result<qint64> addDataset(const QString &path, const QString &layout, const QString &checksum,
                              qint64 bytes, qint64 ratings);
    Result<qint64> addExperiment(const ExperimentRecord &experiment);
    //! Adds trials in one transaction; returns their ids in order.
    Result<std::vector<qint64>> addTrials(qint64 experimentId,
                                          const std::vector<QJsonObject> &configs);

    Result<void> setExperimentStatus(qint64 experimentId, const QString &status);
    Result<void> setTrialRunning(qint64 trialId);
    //! Final state of a trial with its summary figures.
    Result<void> finishTrial(const TrialRecord &trial);
    //! One epoch, and optionally the scheduler state after judging it, atomically. Writing
    //! an epoch again (a rerun of an interrupted trial) replaces it.
    Result<void> addEpoch(const EpochRecord &epoch, qint64 experimentId = 0,
                          const QJsonObject *schedulerState = nullptr);
    //! Running trials of `experimentId` become interrupted; returns how many.
    Result<int> markInterrupted(qint64 experimentId);
    //! Locks experiment `id` for this process, or fails if another process runs it.
    Result<RunLock> lockExperiment(qint64 id);
    //! Experiments left "running" by a process that has died (no one holds their lock): their
    //! running trials become interrupted and the experiment too. open() calls it; returns how
    //! many experiments it found.
    Result<int> markAbandoned();

    Result<ExperimentRecord> experiment(qint64 id) const;
    Result<std::vector<ExperimentRecord>> experiments() const;
    Result<std::vector<TrialRecord>> trials(qint64 experimentId) const;
    Result<std::vector<EpochRecord>> epochs(qint64 trialId) const;
    Result<void> setCvScore(const CvScoreRecord &score);
    Result<std::vector<CvScoreRecord>> cvScores(qint64 experimentId) const;
    //! A fine-tuning stream (`ncf stream`), identified by its checkpoint folder.
    struct StreamRunRecord
    {
        qint64 id = 0;
        QString stateDir;
        QString modelDir;
        QString brokers;
        QString topic;
        QString group;
        QJsonObject settings;
        QString status; //!< "running", "stopped", "finished", "failed"
        QString created;
        QString updated;
    };
    //! A new run for `run.stateDir` when `fresh` (the stream starts from its initial model),
    //! else the latest run of that folder with its settings updated (a restart); returns
    //! its id.
    Result<qint64> addStreamRun(const StreamRunRecord &run, bool fresh = false);
    //! The latest run of a checkpoint folder; 0 when there is none.
    Result<qint64> latestStreamRun(const QString &stateDir) const;
    Result<void> setStreamRunStatus(qint64 runId, const QString &status);
    //! Records a step; a step already recorded (replayed from a checkpoint) is left as it is.
    Result<void> addStreamStep(qint64 runId, const StreamStep &step);
    Result<std::vector<StreamRunRecord>> streamRuns() const;
    Result<std::vector<StreamStep>> streamSteps(qint64 runId) const;

    //! Path and checksum of a dataset row.
    Result<std::pair<QString, QString>> dataset(qint64 datasetId) const;

private:
    ExperimentStore() = default;
    Result<void> exec(const char *sql) const;
    //! Every experiment, or only `onlyId` when it is not 0.
    Result<std::vector<ExperimentRecord>> selectExperiments(qint64 onlyId) const;
    Result<void> migrate();
    QString lastError() const;

    QString m_path;
    sqlite3 *m_db = nullptr;
    mutable std::recursive_mutex m_mutex;
};

} // namespace Ncf
