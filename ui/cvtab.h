#pragma once

#include "core/common/result.h"
#include "core/search/crossvalidation.h"
#include "core/storage/experimentstore.h"
#include "ui/cvrun.h"

#include <QFutureWatcher>
#include <QStringList>
#include <QWidget>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

class QBoxPlotSeries;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QScatterSeries;
class QSpinBox;

namespace Ncf::Ui {

class BoxPlotChart;
class ChartCard;
class DataTab;
class LineChart;
class TableCard;

//! The Cross-validation tab: k-fold cross-validation of a search's best configurations
//! (CrossValidator) on the Data tab's dataset, run off the GUI thread, with a box plot of each
//! configuration's fold RMSEs, the convergence of one fold, and a table of the scores. Every
//! figure comes from the experiment database, so a stored run shows as it was, and an
//! interrupted one can be resumed.
class CvTab : public QWidget
{
    Q_OBJECT

public:
    explicit CvTab(DataTab *data, QWidget *parent = nullptr);
    //! Cancels a running cross-validation and waits for it.
    ~CvTab() override;

    //! Opens the experiment database, lists its searches and cross-validations, and shows the
    //! newest cross-validation. Stops a running one first.
    void setDatabasePath(const QString &path);
    QString databasePath() const { return m_dbPath; }

    // Settings of the next run, for tests and the demo.
    void setSourceExperiment(qint64 id);
    qint64 sourceExperiment() const;
    void setTop(int top);
    void setFolds(int folds);
    void setEpochs(int epochs); //!< 0: the search's epoch limit
    void setWorkers(int workers);
    void setThreads(int threads);
    void setSeed(int seed);
    //! The settings the form holds now.
    CvSettings settings() const;

    //! Starts a new cross-validation of the source search with the form's settings.
    void run();
    //! Runs the unfinished configurations of the cross-validation shown.
    void resume();
    //! Asks the running cross-validation to stop; its unfinished configuration is stored as
    //! interrupted, to run again with resume().
    void cancel();
    bool isBusy() const { return m_watcher.isRunning(); }
    //! Cancels and waits.
    void stopAll();

    //! The cross-validation shown (the running one while it runs); 0 when none.
    qint64 cvExperimentId() const { return m_run.id(); }
    //! The cross-validation shown, as read from the store.
    const CvRun &cvRun() const { return m_run; }
    //! Shows stored cross-validation `id`.
    void showCvExperiment(qint64 id);
    //! Shows the convergence of `configuration` (0-based, in rank order) on `fold`.
    void showConvergence(int configuration, int fold);
    //! True when the cross-validation shown has configurations left to run.
    bool isUnfinished() const;

    ChartCard *boxPlotChart() const;
    ChartCard *convergenceChart() const;
    TableCard *configTable() const { return m_table; }
    //! The box plot's series: one box per scored configuration, outlier folds, fold means.
    QBoxPlotSeries *boxSeries() const;
    QScatterSeries *outlierSeries() const;
    QScatterSeries *meanSeries() const;

    //! Writes both charts (PNG and SVG) and the table (CSV, Markdown, LaTeX) to `dir`.
    Result<QStringList> exportAll(const QString &dir) const;

public Q_SLOTS:
    //! Lists the database's searches and cross-validations again, keeping the selections.
    void refreshExperiments();

Q_SIGNALS:
    void statusMessage(const QString &message);
    //! A run ended (finished, cancelled or failed) with CV experiment `id`.
    void cvFinished(qint64 id);
    //! A cross-validation was added to the database or changed state.
    void experimentsChanged();

private:
    //! What a run hands back.
    struct Outcome
    {
        qint64 id = 0;
        QString error;
        CvSummary summary;
    };

    void buildLayout();
    bool openStore(bool create);
    void start(qint64 resumeId);
    void onFinished();
    void onTrialChanged(const TrialRecord &trial);
    void loadCv(qint64 id);
    void pollRunning();
    void refreshView();
    void refreshBoxPlot();
    void refreshConvergence();
    void refreshProgress();
    void fillConvergenceCombos();
    void updateButtons();

    DataTab *m_data;
    QString m_dbPath;
    std::unique_ptr<ExperimentStore> m_store;

    // Settings
    QComboBox *m_source;
    QSpinBox *m_top;
    QSpinBox *m_folds;
    QSpinBox *m_epochs;
    QSpinBox *m_workers;
    QSpinBox *m_threads;
    QSpinBox *m_seed;
    QPushButton *m_runButton;
    QPushButton *m_cancelButton;
    QComboBox *m_runs;
    QPushButton *m_resumeButton;
    QProgressBar *m_progress;
    QLabel *m_status;

    // Charts and table
    std::unique_ptr<BoxPlotChart> m_boxPlot;
    std::unique_ptr<LineChart> m_convergence;
    QComboBox *m_configChoice;
    QComboBox *m_foldChoice;
    TableCard *m_table;

    CvRun m_run; // the cross-validation shown
    bool m_dirty = false;

    // The run
    QFutureWatcher<Outcome> m_watcher;
    qint64 m_runningId = 0;
    std::mutex m_validatorMutex; // guards m_validator and m_cancelRequested
    CrossValidator *m_validator = nullptr;
    std::atomic<bool> m_cancelRequested{false};
};

} // namespace Ncf::Ui
