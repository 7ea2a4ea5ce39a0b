#pragma once

#include "core/common/result.h"
#include "core/search/searchrunner.h"
#include "core/storage/experimentstore.h"
#include "ui/searchjob.h"
#include "ui/searchresults.h"
#include "ui/searchsettings.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QSet>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace Ncf::Ui {

class ChartCard;
class DataTab;
class LossChart;
class ScatterChart;
class SpaceEditor;
class TrialsCard;
class TrialsModel;

//! The Search tab: hyperparameter search with random search or ASHA on the Data tab's
//! ratings, recorded in the experiment database as it runs. Settings and the search space
//! (a form and its JSON), Start/Pause/Cancel, a live trials table, the validation RMSE of
//! every trial per epoch and a hyperparameter scatter. Any search experiment of the
//! database can be shown again, and one that was stopped or crashed can be resumed.
//! SearchRunner::run() blocks, so it runs on a worker thread, which reports back through
//! queued calls; the charts redraw at most four times a second.
class SearchTab : public QWidget
{
    Q_OBJECT

public:
    explicit SearchTab(DataTab *data, QWidget *parent = nullptr);
    //! Cancels a running search and waits for it (its trials are kept as interrupted).
    ~SearchTab() override;

    //! The experiment database; lists its searches and shows the newest.
    void setDatabasePath(const QString &path);
    QString databasePath() const { return m_dbPath; }

    // Settings, as the form shows them (see SearchSettingsPanel).
    //! Chooses the model and loads its preset search space.
    void setModel(ModelKind kind) { m_settings->setModel(kind); }
    ModelKind model() const { return m_settings->model(); }
    //! "random" or "asha".
    void setAlgorithm(const QString &algorithm) { m_settings->setAlgorithm(algorithm); }
    void setTrials(int trials) { m_settings->setTrials(trials); }
    void setWorkers(int workers) { m_settings->setWorkers(workers); }
    void setThreadsPerTrial(int threads) { m_settings->setThreadsPerTrial(threads); }
    //! Epochs per trial: the space's max_epochs and ASHA's max_t.
    void setEpochs(int epochs) { m_settings->setEpochs(epochs); }
    void setAshaSettings(const AshaSettings &asha) { m_settings->setAshaSettings(asha); }
    void setSeed(quint64 seed) { m_settings->setSeed(seed); }
    void setSearchSpace(const SearchSpace &space) { m_settings->setSearchSpace(space); }
    //! The search the form describes, or why it cannot run.
    Result<SearchSettings> settings() const { return m_settings->settings(); }
    //! Whether showing a search with trials left offers to resume it (a message box).
    void setAskToResume(bool ask) { m_askToResume = ask; }
    //! The epoch the table compares trials at; 0 for each trial's best.
    void setCompareEpoch(int epoch) { m_results->setCompareEpoch(epoch); }
    //! The hyperparameter of the scatter chart.
    void setScatterParameter(const QString &name) { m_results->setScatterParameter(name); }

    void start();
    //! Holds the running trials after their current batch and starts no new ones.
    void pause();
    //! Continues a paused search; when none runs, resumes the shown experiment's
    //! interrupted and pending trials (SearchRunner::run on the same id).
    void resumeSearch();
    //! Stops the running trials; they are stored as interrupted, to resume later.
    void cancel();
    //! Cancels and waits for the search to end.
    void stopAll();
    bool isBusy() const;
    bool isPaused() const { return m_paused; }
    //! Whether the shown experiment has interrupted or pending trials and none runs.
    bool canResume() const;
    //! The shown experiment (0 when none).
    qint64 experimentId() const { return m_experimentId; }
    //! Why the last search could not run or failed ("" when it did not).
    QString lastError() const { return m_lastError; }
    //! Lists the database's searches again (after another tab added experiments).
    void refreshExperiments();

    ChartCard *lossChart() const;
    ChartCard *scatterChart() const;
    LossChart *lossLines() const;
    ScatterChart *scatterPlot() const;
    TrialsCard *trialsCard() const;
    TrialsModel *trialsModel() const;
    SearchResults *results() const { return m_results; }
    SearchSettingsPanel *settingsPanel() const { return m_settings; }
    SpaceEditor *spaceEditor() const { return m_settings->spaceEditor(); }
    QComboBox *experimentBox() const { return m_experimentBox; }
    QComboBox *parameterBox() const;
    QPushButton *startButton() const { return m_startButton; }
    QPushButton *pauseButton() const { return m_pauseButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *resumeButton() const { return m_resumeButton; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }

    //! Writes both charts (PNG and SVG), the trials table (CSV, Markdown, LaTeX) and every
    //! epoch of every trial (CSV) into `dir`.
    Result<QStringList> exportAll(const QString &dir) const;

Q_SIGNALS:
    void statusMessage(const QString &message);
    void searchStarted(qint64 experimentId);
    //! A search ended: finished, cancelled or failed (experimentId 0 if none was created).
    void searchFinished(qint64 experimentId);
    //! A search experiment was created or ended.
    void experimentsChanged();

private:
    void buildLayout();
    QWidget *buildControls();
    Result<void> ensureStore();
    void launch(SearchJob::Request request);
    void handleFinished();
    void onCreated(qint64 id);
    void onTrialChanged(const TrialRecord &trial);
    void onEpoch(qint64 trialId, const EpochReport &epoch);
    void showExperiment(qint64 id, bool offerResume);
    void offerResume(qint64 id);
    void updateProgress();
    void updateButtons();
    void showProblem(const QString &message);

    DataTab *m_data;
    QString m_dbPath;
    bool m_pathSet = false;
    std::unique_ptr<ExperimentStore> m_store;

    SearchSettingsPanel *m_settings;

    // Run and experiment
    QPushButton *m_startButton;
    QPushButton *m_pauseButton;
    QPushButton *m_cancelButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QComboBox *m_experimentBox;
    QPushButton *m_resumeButton;
    QLabel *m_experimentState;

    SearchResults *m_results;

    // The shown experiment
    qint64 m_experimentId = 0;
    ExperimentRecord m_shown;
    int m_epochLimit = 1;
    QSet<qint64> m_offered; // experiments already offered for resuming
    bool m_askToResume = true;
    bool m_syncing = false;

    // The running search
    QFutureWatcher<SearchJob::Outcome> m_watcher;
    std::shared_ptr<SearchJob> m_job;
    bool m_paused = false;
    QString m_lastError;
    QElapsedTimer m_runClock;
    QElapsedTimer m_pauseClock;
    qint64 m_pausedMs = 0;
    double m_doneAtStart = 0.0;
};

} // namespace Ncf::Ui
