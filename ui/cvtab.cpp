#include "ui/cvtab.h"

#include "core/common/logging.h"
#include "core/data/ratingdataset.h"
#include "ui/boxplotchart.h"
#include "ui/cardexport.h"
#include "ui/chartcard.h"
#include "ui/datatab.h"
#include "ui/linechart.h"
#include "ui/tablayout.h"
#include "ui/tablecard.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <climits>
#include <cmath>

namespace Ncf::Ui {

namespace {

QSpinBox *spinBox(int min, int max, int value, const QString &tip)
{
    auto *box = new QSpinBox;
    box->setRange(min, max);
    box->setValue(value);
    box->setToolTip(tip);
    return box;
}

//! The SHA-256 of a file as hex, as `ncf search` stores it with the dataset.
QString fileSha256(const QString &path)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (f.open(QIODevice::ReadOnly))
        hash.addData(&f);
    return QString::fromLatin1(hash.result().toHex());
}

QString samePath(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

} // namespace

CvTab::CvTab(DataTab *data, QWidget *parent)
    : QWidget(parent)
    , m_data(data)
    , m_table(new TableCard(tr("Cross-validated configurations"), this))
{
    setObjectName(QStringLiteral("cvTab"));
    m_dbPath = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                   .filePath(QStringLiteral("experiments.sqlite"));
    buildLayout();

    connect(&m_watcher, &QFutureWatcherBase::finished, this, &CvTab::onFinished);
    connect(m_data, &DataTab::datasetLoaded, this, &CvTab::updateButtons);

    // While a run goes on, the running configuration's epochs are read back from the store
    // and the charts redraw in batches, four times a second at most.
    auto *refresh = new QTimer(this);
    refresh->setInterval(250);
    connect(refresh, &QTimer::timeout, this, [this] {
        if (isBusy())
            pollRunning();
        if (m_dirty)
            refreshView();
    });
    refresh->start();

    refreshView();
    QTimer::singleShot(0, this, [this] {
        if (!m_store && openStore(false))
            refreshExperiments();
    });
}

CvTab::~CvTab()
{
    stopAll();
}

void CvTab::buildLayout()
{
    auto *settingsBox = new QGroupBox(tr("Cross-validation"));
    auto *form = new QFormLayout(settingsBox);
    m_source = new QComboBox;
    m_source->setToolTip(tr("The search whose best configurations are cross-validated, from "
                            "the experiment database"));
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_source->setMinimumContentsLength(16);
    connect(m_source, &QComboBox::currentIndexChanged, this, &CvTab::updateButtons);
    form->addRow(tr("Source search"), m_source);
    m_top = spinBox(1, 1000, 5, tr("How many of the search's best trials (by validation RMSE) "
                                   "to cross-validate"));
    form->addRow(tr("Top configurations"), m_top);
    m_folds = spinBox(2, 100, 10, tr("Number of folds k: each configuration trains k times, "
                                     "validated on a different tenth (for k = 10) each time"));
    form->addRow(tr("Folds"), m_folds);
    m_epochs = spinBox(0, 10000, 0, tr("Epochs per fold; every fold runs them all, without "
                                       "early stopping, so the folds can be averaged per "
                                       "epoch"));
    m_epochs->setSpecialValueText(tr("search's limit"));
    form->addRow(tr("Epochs"), m_epochs);
    const int cores = std::max(1, QThread::idealThreadCount());
    m_workers = spinBox(1, 256, 1, tr("Folds trained at once"));
    form->addRow(tr("Parallel folds"), m_workers);
    m_threads = spinBox(1, 256, cores, tr("Intra-op threads of each fold; parallel folds times "
                                          "threads should not exceed the cores"));
    form->addRow(tr("Threads per fold"), m_threads);
    m_seed = spinBox(0, INT_MAX, 42, tr("Seed of the fold assignment and of each fold's "
                                        "initialisation: the same seed gives the same folds"));
    form->addRow(tr("Seed"), m_seed);
    m_runButton = new QPushButton(tr("Run"));
    m_runButton->setToolTip(tr("Cross-validate the source search's top configurations on the "
                               "Data tab's dataset (it must be the file the search used)"));
    connect(m_runButton, &QPushButton::clicked, this, &CvTab::run);
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop after the current epochs; the unfinished configuration "
                                  "is kept as interrupted and can be resumed"));
    connect(m_cancelButton, &QPushButton::clicked, this, &CvTab::cancel);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_cancelButton);
    form->addRow(buttons);
    m_progress = new QProgressBar;
    m_progress->setFormat(tr("%v of %m folds"));
    m_progress->setToolTip(tr("Folds finished out of configurations times folds"));
    form->addRow(m_progress);

    auto *runsBox = new QGroupBox(tr("Stored runs"));
    auto *runsForm = new QFormLayout(runsBox);
    m_runs = new QComboBox;
    m_runs->setToolTip(tr("The cross-validations in the experiment database; the chosen one "
                          "is shown"));
    m_runs->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_runs->setMinimumContentsLength(16);
    connect(m_runs, &QComboBox::currentIndexChanged, this, [this] {
        const qint64 id = m_runs->currentData().toLongLong();
        if (id != m_run.id())
            loadCv(id);
    });
    runsForm->addRow(tr("Cross-validation"), m_runs);
    m_resumeButton = new QPushButton(tr("Resume"));
    m_resumeButton->setToolTip(tr("Run the chosen cross-validation's unfinished "
                                  "configurations again; finished ones are kept"));
    connect(m_resumeButton, &QPushButton::clicked, this, &CvTab::resume);
    runsForm->addRow(m_resumeButton);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    runsForm->addRow(m_status);

    auto *controls = new QWidget;
    auto *controlsLayout = new QVBoxLayout(controls);
    controlsLayout->addWidget(settingsBox);
    controlsLayout->addWidget(runsBox);
    controlsLayout->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setWidget(controls);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(320);

    // Box plot: one box per configuration, outliers and means as separate markers.
    auto *boxCard = new ChartCard(tr("Fold RMSE by configuration"), this);
    boxCard->setObjectName(QStringLiteral("cv-fold-rmse"));
    boxCard->setToolTip(tr("Each configuration's fold RMSEs at its best epoch: median, "
                           "quartiles, whiskers at 1.5 IQR, outlier folds and the mean"));
    m_boxPlot = std::make_unique<BoxPlotChart>(boxCard, tr("Configuration (rank in the search)"),
                                               tr("RMSE (stars)"));
    m_boxPlot->setNames(tr("Folds at the best epoch"), tr("Outlier folds"),
                        tr("Mean over folds"));

    // Convergence of one configuration on one fold.
    auto *convergenceCard = new ChartCard(tr("Convergence"), this);
    convergenceCard->setObjectName(QStringLiteral("cv-convergence"));
    m_convergence = std::make_unique<LineChart>(convergenceCard, tr("Epoch"),
                                                tr("MSE (ratings scaled to [0, 1])"));
    m_convergence->addSeries(tr("Training MSE"));
    m_convergence->addSeries(tr("Validation MSE"));
    m_convergence->addSeries(tr("Best epoch of the configuration"), true);
    m_configChoice = new QComboBox;
    m_configChoice->setToolTip(tr("The configuration whose convergence is shown"));
    m_configChoice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_configChoice->setMinimumContentsLength(12);
    m_foldChoice = new QComboBox;
    m_foldChoice->setToolTip(tr("The fold whose training and validation MSE are shown"));
    for (QComboBox *box : {m_configChoice, m_foldChoice})
        connect(box, &QComboBox::currentIndexChanged, this, &CvTab::refreshConvergence);
    auto *choices = new QHBoxLayout;
    choices->addWidget(new QLabel(tr("Configuration")));
    choices->addWidget(m_configChoice, 1);
    choices->addWidget(new QLabel(tr("Fold")));
    choices->addWidget(m_foldChoice);
    auto *convergence = new QWidget;
    auto *convergenceLayout = new QVBoxLayout(convergence);
    convergenceLayout->setContentsMargins(0, 0, 0, 0);
    convergenceLayout->addLayout(choices);
    convergenceLayout->addWidget(convergenceCard, 1);

    m_table->setObjectName(QStringLiteral("cv-configurations"));
    auto *charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(boxCard);
    charts->addWidget(convergence);
    installTabLayout(this, scroll, charts, m_table, QStringLiteral("cv"));
}

bool CvTab::openStore(bool create)
{
    if (m_store && m_store->path() == m_dbPath)
        return true;
    m_store.reset();
    if (!create && !QFile::exists(m_dbPath))
        return false;
    Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(m_dbPath);
    if (!store) {
        qCWarning(lcUi) << store.error();
        Q_EMIT statusMessage(store.error());
        return false;
    }
    m_store = std::move(*store);
    return true;
}

void CvTab::setDatabasePath(const QString &path)
{
    stopAll();
    m_dbPath = path;
    m_store.reset();
    m_run = CvRun();
    openStore(false);
    refreshExperiments();
}

void CvTab::refreshExperiments()
{
    std::vector<ExperimentRecord> experiments;
    if (m_store) {
        if (Result<std::vector<ExperimentRecord>> all = m_store->experiments())
            experiments = std::move(*all);
        else
            Q_EMIT statusMessage(all.error());
    }
    const qint64 source = sourceExperiment();
    {
        const QSignalBlocker block(m_source);
        m_source->clear();
        for (const ExperimentRecord &e : experiments)
            if (e.kind == QLatin1String("search"))
                m_source->addItem(tr("Search %1: %2, %3 (%4)")
                                      .arg(e.id)
                                      .arg(e.model, e.algorithm,
                                           CvRun::experimentStatusText(e.status)),
                                  e.id);
        const int kept = m_source->findData(source);
        m_source->setCurrentIndex(kept >= 0 ? kept : m_source->count() - 1);
    }
    qint64 shown = 0;
    {
        const QSignalBlocker block(m_runs);
        m_runs->clear();
        for (const ExperimentRecord &e : experiments) {
            if (e.kind != QLatin1String("cv"))
                continue;
            const CvSettings s = CvSettings::fromJson(e.settings);
            m_runs->addItem(tr("CV %1 of search %2: top %3, %4 folds (%5)")
                                .arg(e.id)
                                .arg(s.sourceExperiment)
                                .arg(s.top)
                                .arg(s.folds)
                                .arg(CvRun::experimentStatusText(e.status)),
                            e.id);
        }
        // The one shown stays; otherwise the newest.
        const int kept = m_runs->findData(m_run.id());
        m_runs->setCurrentIndex(kept >= 0 ? kept : m_runs->count() - 1);
        shown = m_runs->currentData().toLongLong();
    }
    loadCv(shown);
}

void CvTab::setSourceExperiment(qint64 id)
{
    if (const int index = m_source->findData(id); index >= 0)
        m_source->setCurrentIndex(index);
}

qint64 CvTab::sourceExperiment() const
{
    return m_source->currentData().toLongLong();
}

void CvTab::setTop(int top) { m_top->setValue(top); }
void CvTab::setFolds(int folds) { m_folds->setValue(folds); }
void CvTab::setEpochs(int epochs) { m_epochs->setValue(epochs); }
void CvTab::setWorkers(int workers) { m_workers->setValue(workers); }
void CvTab::setThreads(int threads) { m_threads->setValue(threads); }
void CvTab::setSeed(int seed) { m_seed->setValue(seed); }

CvSettings CvTab::settings() const
{
    CvSettings s;
    s.sourceExperiment = sourceExperiment();
    s.top = m_top->value();
    s.folds = m_folds->value();
    s.epochs = m_epochs->value();
    s.workers = m_workers->value();
    s.threadsPerTrial = m_threads->value();
    s.seed = uint64_t(m_seed->value());
    return s;
}

void CvTab::run()
{
    if (isBusy())
        return;
    if (sourceExperiment() == 0) {
        Q_EMIT statusMessage(tr("Choose a search to cross-validate"));
        return;
    }
    start(0);
}

void CvTab::resume()
{
    if (isBusy())
        return;
    if (m_run.id() == 0 || !isUnfinished()) {
        Q_EMIT statusMessage(tr("The cross-validation shown has nothing left to run"));
        return;
    }
    start(m_run.id());
}

void CvTab::start(qint64 resumeId)
{
    const std::shared_ptr<const LoadedDataset> dataset = m_data->dataset();
    if (!dataset) {
        Q_EMIT statusMessage(tr("Load the search's dataset in the Data tab first"));
        return;
    }
    if (!openStore(true))
        return;
    // The folds must come from the ratings the search used.
    const qint64 checked = resumeId ? resumeId : sourceExperiment();
    Result<ExperimentRecord> experiment = m_store->experiment(checked);
    if (!experiment) {
        Q_EMIT statusMessage(experiment.error());
        return;
    }
    Result<std::pair<QString, QString>> stored = m_store->dataset(experiment->datasetId);
    if (!stored) {
        Q_EMIT statusMessage(stored.error());
        return;
    }
    if (samePath(stored->first) != samePath(dataset->data.path)) {
        Q_EMIT statusMessage(tr("Experiment %1 was run on %2, but the Data tab holds %3; load "
                                "the experiment's file first")
                                 .arg(checked)
                                 .arg(stored->first, dataset->data.path));
        return;
    }
    const QString checksum = stored->second;
    const CvSettings settings = this->settings();
    {
        std::lock_guard lock(m_validatorMutex);
        m_cancelRequested = false;
    }
    m_runningId = resumeId;
    ExperimentStore *store = m_store.get();
    m_watcher.setFuture(QtConcurrent::run([this, dataset, store, settings, resumeId,
                                           checksum]() -> Outcome {
        Outcome out;
        out.id = resumeId;
        Result<ModelEngine *> engine = modelEngine();
        if (!engine) {
            out.error = engine.error();
            return out;
        }
        if (!checksum.isEmpty() && fileSha256(dataset->data.path) != checksum) {
            out.error = tr("%1 changed since the search used it (its SHA-256 differs); going "
                           "on would mix results from two datasets")
                            .arg(dataset->data.path);
            return out;
        }
        CrossValidator validator(*store, dataset->data, **engine);
        if (out.id == 0 && !m_cancelRequested) {
            Result<qint64> id = validator.create(settings);
            if (!id) {
                out.error = id.error();
                return out;
            }
            out.id = *id;
            QMetaObject::invokeMethod(this, [this, id = out.id] {
                m_runningId = id;
                refreshExperiments();
                showCvExperiment(id);
                Q_EMIT experimentsChanged();
            }, Qt::QueuedConnection);
        }
        {
            std::lock_guard lock(m_validatorMutex);
            if (m_cancelRequested) {
                if (out.id)
                    (void)store->setExperimentStatus(out.id, QStringLiteral("cancelled"));
                out.summary.experimentId = out.id;
                out.summary.cancelled = true;
                return out;
            }
            m_validator = &validator;
        }
        Result<CvSummary> summary = validator.run(out.id, [this](const TrialRecord &t) {
            QMetaObject::invokeMethod(this, [this, t] { onTrialChanged(t); },
                                      Qt::QueuedConnection);
        });
        {
            std::lock_guard lock(m_validatorMutex);
            m_validator = nullptr;
        }
        if (summary)
            out.summary = *summary;
        else
            out.error = summary.error();
        return out;
    }));
    Q_EMIT statusMessage(resumeId ? tr("Resuming cross-validation %1...").arg(resumeId)
                                  : tr("Cross-validating search %1...")
                                        .arg(settings.sourceExperiment));
    updateButtons();
}

void CvTab::cancel()
{
    std::lock_guard lock(m_validatorMutex);
    m_cancelRequested = true;
    if (m_validator)
        m_validator->cancel();
}

void CvTab::stopAll()
{
    cancel();
    m_watcher.waitForFinished();
}

void CvTab::onFinished()
{
    const Outcome out = m_watcher.result();
    m_runningId = 0;
    refreshExperiments(); // reads the one shown again, as stored
    if (out.id)
        showCvExperiment(out.id);
    if (!out.error.isEmpty())
        Q_EMIT statusMessage(out.error);
    else if (out.id == 0)
        Q_EMIT statusMessage(tr("Cross-validation cancelled before it started"));
    else if (out.summary.cancelled)
        Q_EMIT statusMessage(tr("Cross-validation %1 cancelled; Resume runs its unfinished "
                                "configurations")
                                 .arg(out.id));
    else
        Q_EMIT statusMessage(tr("Cross-validation %1 finished: %2 configurations scored, %3 "
                                "failed")
                                 .arg(out.id)
                                 .arg(out.summary.configurations)
                                 .arg(out.summary.failed));
    updateButtons();
    Q_EMIT experimentsChanged();
    Q_EMIT cvFinished(out.id);
}

void CvTab::onTrialChanged(const TrialRecord &trial)
{
    if (!m_store || trial.experimentId != m_run.id())
        return;
    for (size_t k = 0; k < m_run.configurations.size(); ++k)
        if (m_run.configurations[k].trial.id == trial.id) {
            m_run.configurations[k].trial = trial;
            m_run.reload(*m_store, k);
        }
    m_dirty = true;
}

void CvTab::pollRunning()
{
    if (!m_store || m_run.id() == 0 || m_run.id() != m_runningId)
        return;
    for (size_t k = 0; k < m_run.configurations.size(); ++k) {
        const CvRun::Configuration &c = m_run.configurations[k];
        if (c.trial.status != TrialStatus::Running)
            continue;
        const size_t before = c.epochs.size();
        m_run.reload(*m_store, k);
        m_dirty = m_dirty || m_run.configurations[k].epochs.size() != before;
    }
}

void CvTab::showCvExperiment(qint64 id)
{
    if (const int index = m_runs->findData(id); index >= 0) {
        m_runs->setCurrentIndex(index);
        if (id != m_run.id())
            loadCv(id);
    }
}

void CvTab::loadCv(qint64 id)
{
    m_run = CvRun();
    if (m_store && id > 0) {
        if (Result<CvRun> run = CvRun::load(*m_store, id))
            m_run = std::move(*run);
        else
            qCWarning(lcUi) << run.error();
    }
    fillConvergenceCombos();
    refreshView();
}

void CvTab::fillConvergenceCombos()
{
    const int config = m_configChoice->currentIndex();
    const int fold = m_foldChoice->currentIndex();
    const QSignalBlocker blockConfigs(m_configChoice);
    const QSignalBlocker blockFolds(m_foldChoice);
    m_configChoice->clear();
    for (const CvRun::Configuration &c : m_run.configurations)
        m_configChoice->addItem(m_run.label(c));
    m_foldChoice->clear();
    for (int f = 0; m_run.id() && f < m_run.settings.folds; ++f)
        m_foldChoice->addItem(tr("Fold %1").arg(f + 1));
    m_configChoice->setCurrentIndex(std::clamp(config, 0, m_configChoice->count() - 1));
    m_foldChoice->setCurrentIndex(std::clamp(fold, 0, m_foldChoice->count() - 1));
}

void CvTab::showConvergence(int configuration, int fold)
{
    m_configChoice->setCurrentIndex(configuration);
    m_foldChoice->setCurrentIndex(fold);
    refreshConvergence();
}

bool CvTab::isUnfinished() const
{
    return m_run.openConfigurations() > 0;
}

void CvTab::refreshView()
{
    m_dirty = false;
    refreshBoxPlot();
    refreshConvergence();
    m_table->setTable(m_run.table());
    refreshProgress();
    updateButtons();
}

void CvTab::refreshBoxPlot()
{
    std::vector<BoxPlotChart::Box> boxes;
    for (const CvRun::Configuration &c : m_run.configurations)
        if (c.scored && !c.score.foldRmse.empty())
            boxes.push_back({m_run.label(c), c.score.foldRmse, c.score.meanRmse});
    m_boxPlot->setBoxes(boxes);
}

void CvTab::refreshConvergence()
{
    const int index = m_configChoice->currentIndex();
    const int fold = m_foldChoice->currentIndex();
    if (index < 0 || index >= int(m_run.configurations.size()) || fold < 0) {
        m_convergence->clear();
        m_convergence->card()->setTitle(tr("Convergence"));
        return;
    }
    const CvRun::Configuration &c = m_run.configurations[size_t(index)];
    QList<QPointF> training, validation, best;
    double top = 0.0;
    const std::vector<EpochReport> epochs = m_run.foldEpochs(size_t(index), fold);
    for (const EpochReport &e : epochs) {
        training.append({double(e.epoch), e.trainMse});
        validation.append({double(e.epoch), e.valMse});
        for (double v : {e.trainMse, e.valMse})
            if (std::isfinite(v))
                top = std::max(top, v);
    }
    // The configuration's best epoch: the one with the lowest fold-averaged RMSE.
    if (c.scored && c.score.bestEpoch > 0 && !epochs.empty())
        best = {QPointF(c.score.bestEpoch, 0.0), QPointF(c.score.bestEpoch, top)};
    m_convergence->setPoints(0, training);
    m_convergence->setPoints(1, validation);
    m_convergence->setPoints(2, best);
    m_convergence->rescale(true);
    m_convergence->card()->setTitle(tr("Convergence of configuration #%1 on fold %2")
                                        .arg(c.trial.number + 1)
                                        .arg(fold + 1));
}

void CvTab::refreshProgress()
{
    const int total = m_run.foldsTotal();
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(std::min(m_run.foldsDone(), total));
    if (m_run.id() == 0) {
        m_status->setText(m_source->count() ? tr("No cross-validation yet: choose a search and "
                                                 "press Run")
                                            : tr("No search in the experiment database yet"));
        return;
    }
    const int open = m_run.openConfigurations();
    const QString state = (isBusy() && m_run.id() == m_runningId) ? tr("running")
                          : open > 0 ? tr("interrupted: %1 configurations left; Resume runs "
                                          "them").arg(open)
                                     : tr("finished");
    m_status->setText(tr("Cross-validation %1 of search %2: %3 configurations, %4 folds, %5 "
                         "epochs each; %6")
                          .arg(m_run.id())
                          .arg(m_run.settings.sourceExperiment)
                          .arg(m_run.configurations.size())
                          .arg(m_run.settings.folds)
                          .arg(m_run.settings.epochs)
                          .arg(state));
}

void CvTab::updateButtons()
{
    const bool busy = isBusy();
    const bool loaded = m_data->dataset() != nullptr;
    m_runButton->setEnabled(!busy && loaded && m_source->count() > 0);
    m_cancelButton->setEnabled(busy);
    m_resumeButton->setEnabled(!busy && loaded && isUnfinished());
    for (QWidget *w : std::initializer_list<QWidget *>{m_source, m_top, m_folds, m_epochs,
                                                       m_workers, m_threads, m_seed})
        w->setEnabled(!busy);
}

ChartCard *CvTab::boxPlotChart() const { return m_boxPlot->card(); }
ChartCard *CvTab::convergenceChart() const { return m_convergence->card(); }
QBoxPlotSeries *CvTab::boxSeries() const { return m_boxPlot->boxSeries(); }
QScatterSeries *CvTab::outlierSeries() const { return m_boxPlot->outlierSeries(); }
QScatterSeries *CvTab::meanSeries() const { return m_boxPlot->meanSeries(); }

Result<QStringList> CvTab::exportAll(const QString &dir) const
{
    return exportCards(dir, {m_boxPlot->card(), m_convergence->card()}, {m_table});
}

} // namespace Ncf::Ui
