#include "ui/traintab.h"

#include "core/common/logging.h"
#include "core/data/ratingdataset.h"
#include "core/report/table.h"
#include "core/storage/experimentstore.h"
#include "core/training/trainrun.h"
#include "ui/chartcard.h"
#include "ui/datatab.h"
#include "ui/linechart.h"
#include "ui/paramform.h"
#include "ui/tablayout.h"
#include "ui/tablecard.h"

#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <functional>

namespace Ncf::Ui {

namespace {

//! What the worker needs, copied at the start so the settings may change meanwhile.
struct TrainJob
{
    std::shared_ptr<const LoadedDataset> dataset;
    std::shared_ptr<ExperimentStore> store;
    TrainRunSettings settings;
};

//! The worker: trains and records the run (Note [Train runs]).
TrainOutcome runJob(const TrainJob &job, const TrainCallbacks &callbacks,
                    const std::function<void(qint64)> &started)
{
    TrainOutcome out;
    Result<ModelEngine *> engine = modelEngine();
    if (!engine) {
        out.error = engine.error();
        return out;
    }
    Result<ModelEngine::Trained> trained
        = trainRecorded(**engine, *job.store, job.dataset->data, job.settings, callbacks,
                        [&](qint64 id) {
                            out.experimentId = id;
                            started(id);
                        });
    if (!trained) {
        out.error = trained.error();
        return out;
    }
    out.report = trained->report;
    out.model = std::shared_ptr<TrainedModel>(std::move(trained->model));
    return out;
}

QString number(double v, int decimals)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QString();
}

QString duration(double seconds)
{
    if (seconds < 60.0)
        return TrainTab::tr("%1 s").arg(seconds, 0, 'f', 1);
    const qint64 s = qRound64(seconds);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

//! Whole epochs on the x axis: from 1 to the last, ticks at 1, 2, 5, 10, 20, ... apart.
void epochAxis(LineChart *chart, int last)
{
    const QList<QAbstractAxis *> axes = chart->card()->chart()->axes(Qt::Horizontal);
    auto *x = axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.first());
    if (!x)
        return;
    last = std::max(2, last);
    double step = 1;
    for (const double base : {2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0})
        if (step * 10 < last) // at most about ten ticks
            step = base;
    x->setRange(1, last);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(step);
    x->setLabelFormat(QStringLiteral("%d"));
}

//! A vertical line at `x` over the y range of the other series of `chart`.
void setMarker(LineChart *chart, int series, int x)
{
    double lo = INFINITY, hi = -INFINITY;
    for (int k = 0; k < chart->seriesCount(); ++k)
        if (k != series)
            for (const QPointF &p : chart->series(k)->points()) {
                lo = std::min(lo, p.y());
                hi = std::max(hi, p.y());
            }
    QList<QPointF> line;
    if (x > 0 && std::isfinite(lo))
        line = {QPointF(x, lo), QPointF(x, hi)};
    chart->setPoints(series, line);
}

} // namespace

TrainTab::TrainTab(DataTab *data, QWidget *parent)
    : QWidget(parent)
    , m_data(data)
    , m_epochTable(new TableCard(tr("Epochs"), this))
{
    setObjectName(QStringLiteral("trainTab"));
    m_dbPath = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                   .filePath(QStringLiteral("experiments.sqlite"));
    buildLayout();
    connect(m_data, &DataTab::datasetLoaded, this, &TrainTab::updateButtons);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &TrainTab::onFinished);

    // Charts and table redraw in batches, four times a second at most.
    auto *refresh = new QTimer(this);
    refresh->setInterval(250);
    connect(refresh, &QTimer::timeout, this, [this] {
        if (m_dirty) {
            refreshCharts();
            refreshTable();
        }
    });
    refresh->start();
    updateButtons();
    QTimer::singleShot(0, this, [this] {
        if (!m_store && QFile::exists(m_dbPath))
            setDatabasePath(m_dbPath);
    });
}

TrainTab::~TrainTab()
{
    stopAll();
}

void TrainTab::buildLayout()
{
    auto *modelBox = new QGroupBox(tr("Model"));
    auto *modelForm = new QFormLayout(modelBox);
    m_kind = new QComboBox;
    for (ModelKind kind : {ModelKind::NonLinear, ModelKind::Autoencoder, ModelKind::Vae,
                           ModelKind::Mf, ModelKind::Mean})
        m_kind->addItem(modelKindName(kind), int(kind));
    m_kind->setToolTip(tr("nonlinear: neural collaborative filtering; autoencoder and vae: "
                          "(variational) autoencoders over the two embeddings; mf: biased "
                          "matrix factorisation; mean: the training mean (a baseline)"));
    modelForm->addRow(tr("Model"), m_kind);
    auto *paramBox = new QGroupBox(tr("Hyperparameters"));
    paramBox->setToolTip(tr("Start from the model's defaults; a value out of range is flagged "
                            "and keeps Train disabled"));
    m_params = new ParamForm;
    (new QVBoxLayout(paramBox))->addWidget(m_params);
    connect(m_kind, &QComboBox::currentIndexChanged, this,
            [this] { m_params->setKind(modelKind()); });
    connect(m_params, &ParamForm::changed, this, &TrainTab::updateButtons);

    auto *runBox = new QGroupBox(tr("Run"));
    auto *runForm = new QFormLayout(runBox);
    m_epochCount = new QSpinBox;
    m_epochCount->setRange(1, 10000);
    m_epochCount->setValue(20);
    m_epochCount->setToolTip(tr("Most epochs to train; patience may stop the run earlier"));
    runForm->addRow(tr("Epochs"), m_epochCount);
    m_trainFraction = new QDoubleSpinBox;
    m_trainFraction->setRange(0.05, 0.99);
    m_trainFraction->setDecimals(2);
    m_trainFraction->setSingleStep(0.05);
    m_trainFraction->setValue(0.9);
    m_trainFraction->setToolTip(tr("Training share of the random holdout; the rest validates "
                                   "every epoch"));
    runForm->addRow(tr("Training share"), m_trainFraction);
    m_seed = new QSpinBox;
    m_seed->setRange(0, INT_MAX);
    m_seed->setValue(42);
    m_seed->setToolTip(tr("Seed of the split, the initial weights and the shuffling: the same "
                          "seed gives the same run"));
    runForm->addRow(tr("Seed"), m_seed);
    m_threads = new QSpinBox;
    m_threads->setRange(1, 1024);
    m_threads->setValue(std::max(1, QThread::idealThreadCount()));
    m_threads->setToolTip(tr("Intra-op threads of the training"));
    runForm->addRow(tr("Threads"), m_threads);

    m_settings = new QWidget;
    auto *settingsLayout = new QVBoxLayout(m_settings);
    settingsLayout->setContentsMargins(0, 0, 0, 0);
    for (QGroupBox *box : {modelBox, paramBox, runBox})
        settingsLayout->addWidget(box);

    m_trainButton = new QPushButton(tr("Train"));
    m_trainButton->setObjectName(QStringLiteral("trainButton"));
    connect(m_trainButton, &QPushButton::clicked, this,
            [this] { isBusy() ? cancel() : train(); });
    m_saveButton = new QPushButton(tr("Save model..."));
    m_saveButton->setObjectName(QStringLiteral("saveModelButton"));
    m_saveButton->setToolTip(tr("Write the trained model (best epoch) to a folder that "
                                "ncf predict and the Stream tab load"));
    connect(m_saveButton, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Model folder"));
        if (dir.isEmpty())
            return;
        const Result<void> saved = saveModel(dir);
        Q_EMIT statusMessage(saved ? tr("Model saved to %1").arg(dir) : saved.error());
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_trainButton, 1);
    buttons->addWidget(m_saveButton);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setToolTip(tr("Epochs done; the time left is estimated from the epochs so far"));
    m_statusText = new QLabel;
    m_statusText->setWordWrap(true);
    m_statusText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_runs = new QComboBox;
    m_runs->setObjectName(QStringLiteral("trainRuns"));
    m_runs->setToolTip(tr("Train runs stored in the experiment database, newest first: pick "
                          "one to show its curves"));
    connect(m_runs, &QComboBox::activated, this, [this](int index) {
        showRun(m_runs->itemData(index).toLongLong());
    });

    auto *controls = new QWidget;
    auto *controlsLayout = new QVBoxLayout(controls);
    controlsLayout->addWidget(m_settings);
    controlsLayout->addLayout(buttons);
    controlsLayout->addWidget(m_progress);
    controlsLayout->addWidget(m_statusText);
    auto *runsBox = new QGroupBox(tr("Stored runs"));
    auto *runsLayout = new QVBoxLayout(runsBox);
    runsLayout->addWidget(m_runs);
    controlsLayout->addWidget(runsBox);
    controlsLayout->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setWidget(controls);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(340);

    auto chart = [this](const QString &title, const QString &x, const QString &y) {
        auto *card = new ChartCard(title, this);
        m_charts.push_back(std::make_unique<LineChart>(card, x, y));
        return m_charts.back().get();
    };
    m_loss = chart(tr("Training and validation loss"), tr("Epoch"),
                   tr("MSE (ratings scaled to [0, 1])"));
    m_loss->addSeries(tr("Training MSE"));
    m_loss->addSeries(tr("Validation MSE"));
    m_loss->addSeries(tr("Best epoch"), true);
    m_rmse = chart(tr("Validation RMSE"), tr("Epoch"), tr("RMSE (stars)"));
    m_rmse->addSeries(tr("Validation RMSE"));
    m_rmse->addSeries(tr("Best epoch"), true);
    m_beta = chart(tr("KL weight (beta)"), tr("Epoch"), tr("beta"));
    m_beta->addSeries(tr("beta"));
    m_beta->card()->setVisible(false);

    auto *grid = new QWidget;
    auto *gridLayout = new QGridLayout(grid);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->addWidget(m_loss->card(), 0, 0);
    gridLayout->addWidget(m_rmse->card(), 0, 1);
    gridLayout->addWidget(m_beta->card(), 1, 0, 1, 2);
    installTabLayout(this, scroll, grid, m_epochTable, QStringLiteral("train"));
    m_params->setKind(modelKind());
    refreshTable();
}

void TrainTab::setDatabasePath(const QString &path)
{
    m_dbPath = path;
    QDir().mkpath(QFileInfo(path).absolutePath());
    Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(path);
    if (!store) {
        m_store.reset();
        Q_EMIT statusMessage(store.error());
        return;
    }
    // A running job keeps the store it started with.
    m_store = std::move(*store);
    if (!isBusy())
        reloadRuns(0);
}

void TrainTab::setModelKind(ModelKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

ModelKind TrainTab::modelKind() const
{
    return ModelKind(m_kind->currentData().toInt());
}

void TrainTab::setEpochs(int epochs)
{
    m_epochCount->setValue(epochs);
}

Result<void> TrainTab::setParamAssignment(const QString &assignment)
{
    return m_params->setAssignment(assignment);
}

QString TrainTab::paramError(const QString &name) const
{
    return m_params->error(name);
}

void TrainTab::setTrainFraction(double fraction)
{
    m_trainFraction->setValue(fraction);
}

void TrainTab::setSeed(quint64 seed)
{
    m_seed->setValue(int(std::min<quint64>(seed, INT_MAX)));
}

void TrainTab::setThreads(int threads)
{
    m_threads->setValue(threads);
}

bool TrainTab::canTrain() const
{
    return !isBusy() && m_data->dataset() && m_params->firstError().isEmpty();
}

bool TrainTab::isBusy() const
{
    return m_watcher.isRunning();
}

void TrainTab::train()
{
    if (isBusy())
        return;
    const std::shared_ptr<const LoadedDataset> dataset = m_data->dataset();
    if (!dataset) {
        Q_EMIT statusMessage(tr("Load a dataset in the Data tab first"));
        return;
    }
    if (!m_params->firstError().isEmpty()) {
        Q_EMIT statusMessage(m_params->firstError());
        return;
    }
    if (!m_store || m_store->path() != m_dbPath)
        setDatabasePath(m_dbPath);
    if (!m_store)
        return;
    TrainJob job;
    job.dataset = dataset;
    job.store = m_store;
    TrainOptions &options = job.settings.options;
    options.kind = modelKind();
    options.params = m_params->params();
    options.epochs = m_epochCount->value();
    options.seed = quint64(m_seed->value());
    options.threads = m_threads->value();
    job.settings.trainFraction = m_trainFraction->value();

    m_cancel = false;
    m_epochs.clear();
    m_bestEpoch = 0;
    m_plannedEpochs = options.epochs;
    m_shownKind = options.kind;
    m_shownExperiment = 0;
    m_beta->card()->setVisible(m_shownKind == ModelKind::Vae);
    m_dirty = true;
    showProgress(m_plannedEpochs);
    m_statusText->setText(tr("Starting %1 on %2 ratings...")
                              .arg(modelKindName(options.kind))
                              .arg(dataset->data.size()));

    TrainCallbacks callbacks;
    callbacks.isCanceled = [this] { return m_cancel.load(); };
    callbacks.epochFinished = [this](const EpochReport &e) {
        QMetaObject::invokeMethod(this, [this, e] { onEpoch(e); }, Qt::QueuedConnection);
    };
    const auto created = [this](qint64 id) {
        QMetaObject::invokeMethod(this, [this, id] { onRunCreated(id); }, Qt::QueuedConnection);
    };
    m_watcher.setFuture(QtConcurrent::run(
        [job, callbacks, created] { return runJob(job, callbacks, created); }));
    Q_EMIT statusMessage(tr("Training %1 for up to %2 epochs...")
                             .arg(modelKindName(options.kind))
                             .arg(options.epochs));
    updateButtons();
}

void TrainTab::cancel()
{
    if (!isBusy())
        return;
    m_cancel = true;
    m_statusText->setText(tr("Cancelling after the current batch..."));
}

void TrainTab::stopAll()
{
    m_cancel = true;
    m_watcher.waitForFinished();
}

Result<void> TrainTab::saveModel(const QString &dir)
{
    if (!m_model)
        return makeError(tr("No trained model: train one first"));
    return m_model->save(dir);
}

void TrainTab::onRunCreated(qint64 experimentId)
{
    m_shownExperiment = experimentId;
    reloadRuns(experimentId);
    Q_EMIT experimentsChanged();
}

void TrainTab::onEpoch(const EpochReport &e)
{
    m_epochs.push_back(e);
    m_bestEpoch = bestEpochOf(m_epochs);
    m_dirty = true;
    showProgress(m_plannedEpochs);
    m_statusText->setText(tr("Epoch %1 of %2: training MSE %3, validation RMSE %4 (best "
                             "epoch %5)")
                              .arg(e.epoch)
                              .arg(m_plannedEpochs)
                              .arg(number(e.trainMse, 5), number(e.valRmse, 4))
                              .arg(m_bestEpoch));
}

void TrainTab::onFinished()
{
    const TrainOutcome out = m_watcher.result();
    if (out.error.isEmpty()) {
        const TrainReport &r = out.report;
        m_epochs = r.epochs;
        m_bestEpoch = r.bestEpoch;
        m_model = r.bestEpoch > 0 ? out.model : nullptr;
        m_modelExperiment = m_model ? out.experimentId : 0;
        const QString how = r.cancelled      ? tr(", cancelled")
                            : r.stoppedEarly ? tr(", stopped early")
                                             : QString();
        m_statusText->setText(tr("Best epoch %1 of %2: validation RMSE %3, %4 samples/s, "
                                 "%5 in all%6")
                                  .arg(r.bestEpoch)
                                  .arg(r.epochs.size())
                                  .arg(number(r.bestValRmse, 4))
                                  .arg(QLocale().toString(qRound64(r.samplesPerSecond)))
                                  .arg(duration(r.seconds), how));
        Q_EMIT statusMessage(m_statusText->text());
    } else {
        m_statusText->setText(tr("Training failed: %1").arg(out.error));
        Q_EMIT statusMessage(m_statusText->text());
    }
    m_shownExperiment = out.experimentId;
    m_progress->setFormat(tr("%v of %m epochs"));
    m_progress->setValue(int(m_epochs.size()));
    refreshCharts();
    refreshTable();
    reloadRuns(out.experimentId);
    updateButtons();
    Q_EMIT experimentsChanged();
    Q_EMIT trainingFinished(out.error.isEmpty());
}

void TrainTab::reloadRuns(qint64 select)
{
    m_runs->clear();
    if (!m_store)
        return;
    Result<std::vector<StoredTrainRun>> runs = listTrainRuns(*m_store);
    if (!runs) {
        Q_EMIT statusMessage(runs.error());
        return;
    }
    for (const StoredTrainRun &run : *runs)
        m_runs->addItem(tr("Run %1: %2, %3 epochs, %4")
                            .arg(run.experiment.id)
                            .arg(run.experiment.model)
                            .arg(run.trial.epochs)
                            .arg(trialStatusName(run.trial.status)),
                        run.experiment.id);
    updateButtons();
    if (m_runs->count() == 0)
        return;
    m_runs->setCurrentIndex(std::max(0, select > 0 ? m_runs->findData(select) : 0));
    // During a run, and right after one, the epochs shown come from the worker.
    if (select == 0 && !isBusy())
        showRun(m_runs->currentData().toLongLong());
}

void TrainTab::showRun(qint64 experimentId)
{
    if (isBusy() || !m_store)
        return;
    Result<StoredTrainRun> run = loadTrainRun(*m_store, experimentId);
    if (!run) {
        Q_EMIT statusMessage(run.error());
        return;
    }
    m_epochs = run->epochs;
    m_bestEpoch = run->bestEpoch;
    m_plannedEpochs = run->plannedEpochs;
    m_shownKind = run->kind;
    m_shownExperiment = experimentId;
    m_beta->card()->setVisible(run->kind == ModelKind::Vae);
    m_runs->setCurrentIndex(std::max(0, m_runs->findData(experimentId)));
    showProgress(m_plannedEpochs);
    m_progress->setFormat(tr("%v of %m epochs"));
    const double rmse = m_bestEpoch > 0 && m_bestEpoch <= int(m_epochs.size())
                            ? m_epochs[size_t(m_bestEpoch - 1)].valRmse
                            : NAN;
    m_statusText->setText(
        tr("Run %1 (%2, %3): %4 epochs, best epoch %5, validation RMSE %6; %7")
            .arg(experimentId)
            .arg(run->experiment.model, trialStatusName(run->trial.status))
            .arg(m_epochs.size())
            .arg(m_bestEpoch)
            .arg(number(rmse, 4), QString::fromUtf8(QJsonDocument(run->trial.config)
                                                        .toJson(QJsonDocument::Compact))));
    refreshCharts();
    refreshTable();
    updateButtons();
}

QList<qint64> TrainTab::storedRuns() const
{
    QList<qint64> ids;
    for (int k = 0; k < m_runs->count(); ++k)
        ids << m_runs->itemData(k).toLongLong();
    return ids;
}

void TrainTab::showProgress(int planned)
{
    const int done = int(m_epochs.size());
    m_progress->setRange(0, std::max(1, planned));
    m_progress->setValue(std::min(done, std::max(1, planned)));
    double seconds = 0.0;
    for (const EpochReport &e : m_epochs)
        seconds += e.seconds;
    if (done > 0 && done < planned)
        m_progress->setFormat(tr("%v of %m epochs, about %1 left")
                                  .arg(duration(seconds / done * (planned - done))));
    else
        m_progress->setFormat(tr("%v of %m epochs"));
}

void TrainTab::refreshCharts()
{
    m_dirty = false;
    QList<QPointF> trainMse, valMse, valRmse, beta;
    for (const EpochReport &e : m_epochs) {
        const double x = e.epoch;
        if (std::isfinite(e.trainMse))
            trainMse.append({x, e.trainMse});
        if (std::isfinite(e.valMse))
            valMse.append({x, e.valMse});
        if (std::isfinite(e.valRmse))
            valRmse.append({x, e.valRmse});
        beta.append({x, e.beta});
    }
    m_loss->setPoints(0, trainMse);
    m_loss->setPoints(1, valMse);
    setMarker(m_loss, 2, m_bestEpoch);
    m_loss->rescale(false);
    m_rmse->setPoints(0, valRmse);
    setMarker(m_rmse, 1, m_bestEpoch);
    m_rmse->rescale(false);
    m_beta->setPoints(0, m_shownKind == ModelKind::Vae ? beta : QList<QPointF>());
    m_beta->rescale();
    const int last = m_epochs.empty() ? 1 : m_epochs.back().epoch;
    for (LineChart *chart : {m_loss, m_rmse, m_beta})
        epochAxis(chart, last);
}

void TrainTab::refreshTable()
{
    const bool vae = m_shownKind == ModelKind::Vae;
    Table table;
    table.title = tr("Epochs");
    table.header = {tr("Epoch"), tr("Training MSE"), tr("Validation MSE"),
                    tr("Validation RMSE"), tr("Seconds")};
    if (vae)
        table.header << tr("Beta") << tr("KL");
    for (const EpochReport &e : m_epochs) {
        QStringList row = {QString::number(e.epoch), number(e.trainMse, 6), number(e.valMse, 6),
                           number(e.valRmse, 4), number(e.seconds, 3)};
        if (vae)
            row << QString::number(e.beta, 'g', 6) << number(e.kl, 4);
        table.rows.append(row);
    }
    if (m_bestEpoch > 0)
        table.note = tr("Best epoch: %1 (lowest validation MSE). MSE on ratings scaled to "
                        "[0, 1]; RMSE in stars.")
                         .arg(m_bestEpoch);
    m_epochTable->setTable(table);
}

void TrainTab::updateButtons()
{
    const bool busy = isBusy();
    m_settings->setEnabled(!busy);
    m_trainButton->setText(busy ? tr("Cancel") : tr("Train"));
    m_trainButton->setEnabled(busy || canTrain());
    m_trainButton->setToolTip(busy ? tr("Stop after the current batch; the epochs so far stay "
                                        "in the database")
                              : !m_params->firstError().isEmpty() ? m_params->firstError()
                              : !m_data->dataset()
                                  ? tr("Load a dataset in the Data tab first")
                                  : tr("Train on a random holdout of the Data tab's dataset"));
    m_saveButton->setEnabled(!busy && m_model && m_shownExperiment == m_modelExperiment);
    m_runs->setEnabled(!busy && m_runs->count() > 0);
}

ChartCard *TrainTab::lossChart() const { return m_loss->card(); }
ChartCard *TrainTab::rmseChart() const { return m_rmse->card(); }
ChartCard *TrainTab::betaChart() const { return m_beta->card(); }

Result<QStringList> TrainTab::exportAll(const QString &dir) const
{
    if (!QDir().mkpath(dir))
        return makeError(tr("%1: cannot create the folder").arg(dir));
    const QDir out(dir);
    QStringList written;
    for (const auto &chart : m_charts) {
        if (chart.get() == m_beta && m_shownKind != ModelKind::Vae)
            continue;
        for (const char *suffix : {"png", "svg"}) {
            const QString path = out.filePath(chart->card()->objectName() + QLatin1Char('.')
                                              + QLatin1String(suffix));
            if (Result<void> r = chart->card()->exportTo(path); !r)
                return makeError(r.error());
            written << path;
        }
    }
    for (TableFormat format : {TableFormat::Csv, TableFormat::Markdown, TableFormat::Latex}) {
        const QString path = out.filePath(m_epochTable->objectName() + QLatin1Char('.')
                                          + tableSuffix(format));
        if (Result<void> r = m_epochTable->exportTo(path, format); !r)
            return makeError(r.error());
        written << path;
    }
    return written;
}

} // namespace Ncf::Ui
