#pragma once

#include "core/common/result.h"
#include "core/training/training.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace Ncf {
class ExperimentStore;
} // namespace Ncf

namespace Ncf::Ui {

class ChartCard;
class DataTab;
class LineChart;
class ParamForm;
class TableCard;

//! What a training job hands back to the GUI thread.
struct TrainOutcome
{
    std::shared_ptr<TrainedModel> model;
    TrainReport report;
    qint64 experimentId = 0;
    QString error; //!< empty unless the run failed
};

//! The Train tab: one model trained on a random holdout of the Data tab's dataset, with live
//! loss curves. Every run is an experiment of kind "train" in the experiment database (one
//! trial holding the hyperparameters, each epoch stored as it arrives), so a run survives the
//! window and the charts of any earlier run can be shown again.
class TrainTab : public QWidget
{
    Q_OBJECT

public:
    explicit TrainTab(DataTab *data, QWidget *parent = nullptr);
    //! Cancels a running training and waits for it.
    ~TrainTab() override;

    //! The experiment database the runs go to; shows the newest train run stored there.
    void setDatabasePath(const QString &path);
    QString databasePath() const { return m_dbPath; }

    // Settings the tests and the demo set without clicking.
    void setModelKind(ModelKind kind);
    ModelKind modelKind() const;
    void setEpochs(int epochs);
    //! Puts `assignment` ("name=value") into that parameter's field, where it is validated
    //! like a typed value; fails only when the model has no such parameter.
    Result<void> setParamAssignment(const QString &assignment);
    //! The error shown next to parameter `name` ("" when its value is valid).
    QString paramError(const QString &name) const;
    void setTrainFraction(double fraction);
    void setSeed(quint64 seed);
    void setThreads(int threads);
    //! Whether Train is enabled: a dataset is loaded, every parameter is valid, nothing runs.
    bool canTrain() const;

    //! Starts training with the current settings (ignored, with a status message, when it
    //! cannot start).
    void train();
    //! Asks the running training to stop after its current batch.
    void cancel();
    bool isBusy() const;
    //! Cancels the training and waits for it.
    void stopAll();

    //! Writes the model of the last run of this session to folder `dir`.
    Result<void> saveModel(const QString &dir);

    ChartCard *lossChart() const;
    ChartCard *rmseChart() const;
    //! The VAE's KL weight per epoch; hidden for the other models.
    ChartCard *betaChart() const;
    TableCard *epochTable() const { return m_epochTable; }

    //! The epochs shown: the running or last run's, or a run restored from the database.
    const std::vector<EpochReport> &epochs() const { return m_epochs; }
    //! Best epoch of the run shown (1-based; 0 when none).
    int bestEpoch() const { return m_bestEpoch; }
    //! Experiment id of the run shown (0 when none).
    qint64 shownExperiment() const { return m_shownExperiment; }
    //! Shows stored train run `experimentId`, as picking it in the list of runs does
    //! (ignored while a training runs).
    void showRun(qint64 experimentId);
    //! The experiment ids of the stored train runs, newest first, as the list shows them.
    QList<qint64> storedRuns() const;

    //! Writes the charts (PNG and SVG; the beta chart only for a VAE run) and the epoch table
    //! (CSV, Markdown, LaTeX) into `dir`.
    Result<QStringList> exportAll(const QString &dir) const;

Q_SIGNALS:
    void statusMessage(const QString &message);
    //! A run ended; `ok` is false when it failed. A cancelled run is ok with its epochs so far.
    void trainingFinished(bool ok);
    //! A train experiment was added to the database or finished.
    void experimentsChanged();

private:
    void buildLayout();
    void onRunCreated(qint64 experimentId);
    void onEpoch(const EpochReport &epoch);
    void onFinished();
    void reloadRuns(qint64 select);
    void showProgress(int planned);
    void refreshCharts();
    void refreshTable();
    void updateButtons();

    DataTab *m_data;
    QString m_dbPath;
    std::shared_ptr<ExperimentStore> m_store;

    // Settings
    QWidget *m_settings;
    QComboBox *m_kind;
    ParamForm *m_params;
    QSpinBox *m_epochCount;
    QDoubleSpinBox *m_trainFraction;
    QSpinBox *m_seed;
    QSpinBox *m_threads;

    // Actions and state
    QPushButton *m_trainButton;
    QPushButton *m_saveButton;
    QComboBox *m_runs;
    QProgressBar *m_progress;
    QLabel *m_statusText;

    // Charts and table
    LineChart *m_loss;
    LineChart *m_rmse;
    LineChart *m_beta;
    TableCard *m_epochTable;
    std::vector<std::unique_ptr<LineChart>> m_charts;

    // The run shown
    std::vector<EpochReport> m_epochs;
    int m_bestEpoch = 0;
    int m_plannedEpochs = 0;
    ModelKind m_shownKind = ModelKind::Mf;
    qint64 m_shownExperiment = 0;
    bool m_dirty = false;

    // The worker and the model of the last run of this session
    QFutureWatcher<TrainOutcome> m_watcher;
    std::atomic<bool> m_cancel{false};
    std::shared_ptr<TrainedModel> m_model;
    qint64 m_modelExperiment = 0;
};

} // namespace Ncf::Ui
