#include "ui/searchtab.h"

#include "core/common/logging.h"
#include "core/data/ratingdataset.h"
#include "ui/chartcard.h"
#include "ui/datatab.h"
#include "ui/searchcharts.h"
#include "ui/searchresults.h"
#include "ui/searchsettings.h"
#include "ui/spaceeditor.h"
#include "ui/trialsmodel.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace Ncf::Ui {

namespace {

QString duration(double seconds)
{
    const qint64 s = qRound64(seconds);
    if (s < 60)
        return SearchTab::tr("%1 s").arg(s);
    if (s < 3600)
        return SearchTab::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return SearchTab::tr("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
}

QString algorithmLabel(const QString &algorithm)
{
    return algorithm == QLatin1String("asha") ? SearchTab::tr("ASHA")
                                              : SearchTab::tr("random search");
}

QString experimentStatusLabel(const QString &status)
{
    if (status == QLatin1String("finished"))
        return SearchTab::tr("finished");
    if (status == QLatin1String("cancelled"))
        return SearchTab::tr("cancelled");
    if (status == QLatin1String("running"))
        return SearchTab::tr("running");
    if (status == QLatin1String("interrupted"))
        return SearchTab::tr("interrupted");
    if (status == QLatin1String("pending"))
        return SearchTab::tr("not started");
    return status;
}

} // namespace

SearchTab::SearchTab(DataTab *data, QWidget *parent)
    : QWidget(parent)
    , m_data(data)
{
    setObjectName(QStringLiteral("searchTab"));
    m_dbPath = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                   .filePath(QStringLiteral("experiments.sqlite"));
    buildLayout();
    m_settings->load();

    connect(&m_watcher, &QFutureWatcherBase::finished, this, &SearchTab::handleFinished);
    if (m_data)
        connect(m_data, &DataTab::datasetLoaded, this, &SearchTab::updateButtons);
    auto *refresh = new QTimer(this);
    refresh->setInterval(250);
    connect(refresh, &QTimer::timeout, this, [this] {
        const bool dirty = m_results->isDirty();
        if (dirty)
            m_results->refresh();
        if (dirty || isBusy())
            updateProgress(); // the time left moves on too
    });
    refresh->start();
    // The default database, unless the window sets one first.
    QTimer::singleShot(0, this, [this] {
        if (!m_pathSet)
            setDatabasePath(m_dbPath);
    });
    updateButtons();
    updateProgress();
}

SearchTab::~SearchTab()
{
    // No signals from here: the window that listens may be half destroyed already.
    if (m_job)
        m_job->cancel();
    m_watcher.waitForFinished();
}

void SearchTab::buildLayout()
{
    auto *controls = buildControls();

    // Experiment bar: which search is shown, and resuming it.
    m_experimentBox = new QComboBox;
    m_experimentBox->setToolTip(tr("The search experiments of the database, newest first; "
                                   "choose one to show its trials and charts as stored"));
    m_experimentBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_experimentBox->setMinimumContentsLength(30);
    connect(m_experimentBox, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_syncing && !isBusy())
            showExperiment(m_experimentBox->currentData().toLongLong(), true);
    });
    m_resumeButton = new QPushButton(tr("Resume search"));
    m_resumeButton->setToolTip(tr("Run the shown experiment's interrupted and pending trials "
                                  "(interrupted ones start again from their first epoch; "
                                  "ended trials and ASHA's rungs are kept)"));
    connect(m_resumeButton, &QPushButton::clicked, this, &SearchTab::resumeSearch);
    m_experimentState = new QLabel;
    m_experimentState->setStyleSheet(QStringLiteral("color: #8e24aa; font-weight: bold"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Experiment")));
    bar->addWidget(m_experimentBox, 1);
    bar->addWidget(m_experimentState);
    bar->addWidget(m_resumeButton);

    m_results = new SearchResults(this);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(bar);
    rightLayout->addWidget(m_results, 1);

    auto *split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("searchSplitter"));
    split->addWidget(controls);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
}

QWidget *SearchTab::buildControls()
{
    m_settings = new SearchSettingsPanel;
    connect(m_settings, &SearchSettingsPanel::changed, this, [this] {
        updateButtons();
        if (m_experimentId == 0)
            if (Result<SearchSpace> space = m_settings->spaceEditor()->space())
                m_results->setSpace(*space);
    });

    auto *runBox = new QGroupBox(tr("Run"));
    auto *run = new QVBoxLayout(runBox);
    m_startButton = new QPushButton(tr("Start"));
    connect(m_startButton, &QPushButton::clicked, this, &SearchTab::start);
    m_pauseButton = new QPushButton(tr("Pause"));
    m_pauseButton->setToolTip(tr("Hold the running trials after their current batch and start "
                                 "no new ones; press again to go on"));
    connect(m_pauseButton, &QPushButton::clicked, this,
            [this] { m_paused ? resumeSearch() : pause(); });
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop the search; running trials are kept as interrupted "
                                  "and the experiment can be resumed later"));
    connect(m_cancelButton, &QPushButton::clicked, this, &SearchTab::cancel);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_startButton, m_pauseButton, m_cancelButton})
        buttons->addWidget(b);
    run->addLayout(buttons);
    m_progress = new QProgressBar;
    m_progress->setToolTip(tr("Trials ended (completed, stopped or failed) of all trials, and "
                              "the estimated time left"));
    run->addWidget(m_progress);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    run->addWidget(m_status);

    auto *controls = new QWidget;
    auto *layout = new QVBoxLayout(controls);
    layout->addWidget(m_settings, 1);
    layout->addWidget(runBox);
    auto *scroll = new QScrollArea;
    scroll->setWidget(controls);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(440);
    return scroll;
}

void SearchTab::setDatabasePath(const QString &path)
{
    if (isBusy()) {
        Q_EMIT statusMessage(tr("A search is running; the database stays %1 until it ends")
                                 .arg(m_dbPath));
        return;
    }
    m_pathSet = true;
    if (path != m_dbPath)
        m_experimentId = 0;
    m_dbPath = path;
    m_store.reset();
    if (QFile::exists(path)) {
        Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(path);
        if (store)
            m_store = std::move(*store);
        else
            showProblem(store.error());
    }
    refreshExperiments();
    showExperiment(m_experimentBox->count() > 0 ? m_experimentBox->itemData(0).toLongLong()
                                                : 0,
                   true);
}

Result<void> SearchTab::ensureStore()
{
    if (m_store)
        return {};
    QDir().mkpath(QFileInfo(m_dbPath).absolutePath());
    Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(m_dbPath);
    if (!store)
        return makeError(store.error());
    m_store = std::move(*store);
    return {};
}

void SearchTab::start()
{
    handleFinished(); // a run that ended but was not handled yet
    if (isBusy())
        return;
    const std::shared_ptr<const LoadedDataset> dataset = m_data ? m_data->dataset() : nullptr;
    if (!dataset) {
        showProblem(tr("Load a dataset in the Data tab first: the search trains on it"));
        return;
    }
    Result<SearchSettings> s = settings();
    if (!s) {
        showProblem(s.error());
        return;
    }
    if (Result<void> r = ensureStore(); !r) {
        showProblem(r.error());
        return;
    }
    m_settings->save();
    SearchJob::Request request;
    request.data = std::shared_ptr<const RatingDataset>(dataset, &dataset->data);
    request.create = *s;
    launch(request);
    Q_EMIT statusMessage(tr("Starting %1 on %2 (trials: %3)")
                             .arg(algorithmLabel(s->algorithm),
                                  QFileInfo(dataset->data.path).fileName())
                             .arg(s->trials));
}

void SearchTab::pause()
{
    if (!m_job || m_paused)
        return;
    m_job->pause();
    m_paused = true;
    m_pauseClock.start();
    updateButtons();
    updateProgress();
    Q_EMIT statusMessage(tr("Search paused: running trials hold after their current batch"));
}

void SearchTab::resumeSearch()
{
    handleFinished(); // a run that ended but was not handled yet
    if (m_job) {
        if (!m_paused)
            return;
        m_job->resume();
        m_paused = false;
        m_pausedMs += m_pauseClock.elapsed();
        updateButtons();
        updateProgress();
        Q_EMIT statusMessage(tr("Search continues"));
        return;
    }
    if (!canResume()) {
        showProblem(tr("The shown experiment has no interrupted or pending trials to run"));
        return;
    }
    const qint64 id = m_experimentId;
    Result<std::pair<QString, QString>> stored = m_store->dataset(m_shown.datasetId);
    if (!stored) {
        showProblem(stored.error());
        return;
    }
    if (!QFile::exists(stored->first)) {
        showProblem(tr("Experiment %1 was run on %2, which is not there any more")
                        .arg(id)
                        .arg(stored->first));
        return;
    }
    // The Data tab's ratings when they are the experiment's file; else the worker loads it.
    SearchJob::Request request;
    const std::shared_ptr<const LoadedDataset> dataset = m_data ? m_data->dataset() : nullptr;
    if (dataset
        && QFileInfo(dataset->data.path).canonicalFilePath()
               == QFileInfo(stored->first).canonicalFilePath())
        request.data = std::shared_ptr<const RatingDataset>(dataset, &dataset->data);
    request.experimentId = id;
    request.storedPath = stored->first;
    request.storedChecksum = stored->second;
    m_offered.insert(id);
    launch(request);
    Q_EMIT searchStarted(id);
    Q_EMIT statusMessage(tr("Resuming search experiment %1 (trials left: %2)")
                             .arg(id)
                             .arg(trialsModel()->count({TrialStatus::Interrupted,
                                                        TrialStatus::Pending})));
}

void SearchTab::cancel()
{
    if (!m_job)
        return;
    m_job->cancel();
    Q_EMIT statusMessage(tr("Cancelling: running trials stop after their current batch and "
                            "are kept as interrupted"));
}

void SearchTab::stopAll()
{
    cancel();
    m_watcher.waitForFinished();
    handleFinished();
}

bool SearchTab::isBusy() const
{
    return m_job != nullptr || m_watcher.isRunning();
}

bool SearchTab::canResume() const
{
    return !isBusy() && m_store && m_experimentId > 0 && m_shown.kind == QLatin1String("search")
           && trialsModel()->count({TrialStatus::Interrupted, TrialStatus::Pending}) > 0;
}

void SearchTab::refreshExperiments()
{
    const QScopedValueRollback<bool> syncing(m_syncing, true);
    m_experimentBox->clear();
    Result<std::vector<ExperimentRecord>> all = m_store ? m_store->experiments()
                                                        : Result<std::vector<ExperimentRecord>>(
                                                              std::vector<ExperimentRecord>());
    if (!all) {
        showProblem(all.error());
        return;
    }
    for (auto e = all->rbegin(); e != all->rend(); ++e) {
        if (e->kind != QLatin1String("search"))
            continue;
        int trials = 0, left = 0;
        if (Result<std::vector<TrialRecord>> rows = m_store->trials(e->id))
            for (const TrialRecord &t : *rows) {
                ++trials;
                left += t.status == TrialStatus::Interrupted || t.status == TrialStatus::Pending;
            }
        const bool resumable = left > 0 && e->status != QLatin1String("running");
        const QString state = resumable ? tr("interrupted, trials left: %1").arg(left)
                                        : experimentStatusLabel(e->status);
        m_experimentBox->addItem(tr("#%1  %2 · %3 · %4 · %5")
                                     .arg(e->id)
                                     .arg(e->model, algorithmLabel(e->algorithm),
                                          tr("trials: %1").arg(trials), state),
                                 e->id);
        if (resumable)
            m_experimentBox->setItemData(m_experimentBox->count() - 1,
                                         trialStatusColor(TrialStatus::Interrupted),
                                         Qt::ForegroundRole);
    }
    if (const int at = m_experimentBox->findData(m_experimentId); at >= 0)
        m_experimentBox->setCurrentIndex(at);
    updateButtons();
}

ChartCard *SearchTab::lossChart() const { return m_results->loss()->card(); }
ChartCard *SearchTab::scatterChart() const { return m_results->scatter()->card(); }
LossChart *SearchTab::lossLines() const { return m_results->loss(); }
ScatterChart *SearchTab::scatterPlot() const { return m_results->scatter(); }
TrialsCard *SearchTab::trialsCard() const { return m_results->trialsCard(); }
TrialsModel *SearchTab::trialsModel() const { return m_results->model(); }
QComboBox *SearchTab::parameterBox() const { return m_results->parameterBox(); }

Result<QStringList> SearchTab::exportAll(const QString &dir) const
{
    return m_results->exportAll(dir);
}

void SearchTab::launch(SearchJob::Request request)
{
    request.store = m_store.get();
    auto job = std::make_shared<SearchJob>();
    m_job = job;
    m_paused = false;
    m_pausedMs = 0;
    m_lastError.clear();
    m_runClock.start();
    m_doneAtStart = request.create ? 0.0
                                   : trialsModel()->count({TrialStatus::Completed,
                                                                 TrialStatus::Stopped,
                                                                 TrialStatus::Failed});
    // The hooks run on worker threads: they only post calls back to this thread.
    SearchJob::Hooks hooks;
    hooks.status = [this](const QString &message) {
        QMetaObject::invokeMethod(this, [this, message] { Q_EMIT statusMessage(message); },
                                  Qt::QueuedConnection);
    };
    hooks.created = [this](qint64 id) {
        QMetaObject::invokeMethod(this, [this, id] { onCreated(id); }, Qt::QueuedConnection);
    };
    hooks.callbacks.trialChanged = [this](const TrialRecord &t) {
        QMetaObject::invokeMethod(this, [this, t] { onTrialChanged(t); }, Qt::QueuedConnection);
    };
    hooks.callbacks.epochFinished = [this](qint64 trialId, const EpochReport &e) {
        QMetaObject::invokeMethod(this, [this, trialId, e] { onEpoch(trialId, e); },
                                  Qt::QueuedConnection);
    };
    m_watcher.setFuture(QtConcurrent::run(
        [job, request, hooks] { return job->run(request, hooks); }));
    updateButtons();
    updateProgress();
}

void SearchTab::handleFinished()
{
    if (!m_job || m_watcher.isRunning())
        return;
    const SearchJob::Outcome out = m_watcher.result();
    m_job.reset();
    if (m_paused)
        m_pausedMs += m_pauseClock.elapsed();
    m_paused = false;
    const qint64 id = out.experimentId;
    if (m_store && id > 0 && id == m_experimentId) {
        // The store has the last word: trials a cancel never started stay pending.
        if (Result<ExperimentRecord> e = m_store->experiment(id))
            m_shown = *e;
        if (Result<std::vector<TrialRecord>> trials = m_store->trials(id))
            for (const TrialRecord &t : *trials)
                m_results->updateTrial(t);
        m_results->refresh();
    }
    refreshExperiments();
    QString message;
    if (!out.error.isEmpty()) {
        m_lastError = out.error;
        message = out.error;
        qCWarning(lcUi).noquote() << "search" << id << "failed:" << out.error;
    } else if (out.summary.cancelled) {
        message = tr("Search experiment %1 cancelled (trials left to resume: %2)")
                      .arg(id)
                      .arg(out.summary.interrupted);
    } else {
        message = tr("Search experiment %1 finished: %2 completed, %3 stopped by ASHA, %4 "
                     "failed")
                      .arg(id)
                      .arg(out.summary.completed)
                      .arg(out.summary.stopped)
                      .arg(out.summary.failed);
    }
    qCInfo(lcUi).noquote() << message;
    updateProgress();
    updateButtons();
    Q_EMIT statusMessage(message);
    if (id > 0)
        Q_EMIT experimentsChanged();
    Q_EMIT searchFinished(id);
}

void SearchTab::onCreated(qint64 id)
{
    m_offered.insert(id);
    showExperiment(id, false);
    refreshExperiments();
    Q_EMIT experimentsChanged();
    Q_EMIT searchStarted(id);
}

void SearchTab::onTrialChanged(const TrialRecord &t)
{
    if (t.experimentId != m_experimentId)
        return;
    m_results->updateTrial(t);
    if (t.status != TrialStatus::Running && t.status != TrialStatus::Pending)
        Q_EMIT statusMessage(tr("Trial %1 %2 (epochs: %3, best validation RMSE %4)")
                                 .arg(t.number)
                                 .arg(trialStatusLabel(t.status))
                                 .arg(t.epochs)
                                 .arg(t.bestValRmse, 0, 'f', 4));
}

void SearchTab::onEpoch(qint64 trialId, const EpochReport &epoch)
{
    m_results->addEpoch(trialId, epoch);
}

void SearchTab::showExperiment(qint64 id, bool offer)
{
    QElapsedTimer timer;
    timer.start();
    const bool same = id > 0 && id == m_experimentId;
    m_experimentId = id;
    m_shown = ExperimentRecord();
    if (m_store && id > 0) {
        if (Result<ExperimentRecord> e = m_store->experiment(id))
            m_shown = *e;
        else
            showProblem(e.error());
    }
    Result<SearchSettings> stored = SearchSettings::fromJson(m_shown.settings, m_shown.space);
    Result<SearchSpace> edited = m_settings->spaceEditor()->space();
    const SearchSpace space = stored ? stored->space : edited ? *edited : SearchSpace();
    m_epochLimit = stored ? stored->epochLimit() : space.maxEpochs;
    m_results->trialsCard()->setTitle(id > 0 ? tr("Trials of search experiment %1").arg(id)
                                             : tr("Search trials"));
    if (m_store && m_shown.id > 0) {
        if (Result<void> r = m_results->restore(*m_store, id, space, m_epochLimit, same); !r)
            showProblem(r.error());
    } else {
        m_results->showTrials({}, space, m_epochLimit, same);
    }
    updateProgress();
    updateButtons();
    if (id > 0)
        qCInfo(lcUi) << "search experiment" << id << "shown:" << trialsModel()->rowCount()
                     << "trials in" << timer.elapsed() << "ms";
    if (offer)
        offerResume(id);
}

void SearchTab::offerResume(qint64 id)
{
    // Once per experiment, and not for one that another process is running.
    if (!m_askToResume || id <= 0 || m_offered.contains(id) || !canResume()
        || m_shown.status == QLatin1String("running"))
        return;
    m_offered.insert(id);
    // After the caller returns: setDatabasePath() must not block on a dialog.
    QTimer::singleShot(0, this, [this, id] {
        if (m_experimentId != id || !canResume())
            return;
        const int left = trialsModel()->count({TrialStatus::Interrupted, TrialStatus::Pending});
        const auto answer = QMessageBox::question(
            this, tr("Resume search"),
            tr("Search experiment %1 stopped before it ended (trials interrupted or pending: "
               "%2).\n\nResume it now? Ended trials are kept; interrupted ones run again "
               "from their first epoch.")
                .arg(id)
                .arg(left),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer == QMessageBox::Yes)
            resumeSearch();
    });
}

void SearchTab::updateProgress()
{
    const TrialsModel *model = trialsModel();
    int counts[int(TrialStatus::Interrupted) + 1] = {};
    const TrialsModel::Trial *best = nullptr;
    double done = 0.0;
    for (const TrialsModel::Trial &t : model->trials()) {
        ++counts[int(t.record.status)];
        const double rmse = TrialsModel::bestRmse(t);
        if (std::isfinite(rmse) && (!best || rmse < TrialsModel::bestRmse(*best)))
            best = &t;
        if (t.record.status == TrialStatus::Running)
            done += std::min(1.0, TrialsModel::epochsRun(t) / double(std::max(1, m_epochLimit)));
    }
    const int total = model->rowCount();
    const int ended = counts[int(TrialStatus::Completed)] + counts[int(TrialStatus::Stopped)]
                      + counts[int(TrialStatus::Failed)];
    const int left = counts[int(TrialStatus::Interrupted)] + counts[int(TrialStatus::Pending)];
    done += ended;

    QString eta;
    if (isBusy() && m_runClock.isValid()) {
        // The pace of this run so far, pauses left out; a running trial counts by its epochs.
        const double progressed = done - m_doneAtStart;
        const qint64 paused = m_pausedMs + (m_paused ? m_pauseClock.elapsed() : 0);
        const double seconds = (m_runClock.elapsed() - paused) / 1000.0;
        if (m_paused)
            eta = tr("paused");
        else if (progressed > 0.01 && seconds > 0.5)
            eta = tr("about %1 left").arg(duration(seconds * (total - done) / progressed));
        else
            eta = tr("estimating the time left");
    }
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(ended);
    m_progress->setFormat(eta.isEmpty() ? tr("%1 of %2 trials ended").arg(ended).arg(total)
                                        : tr("%1 of %2 trials ended, %3")
                                              .arg(ended)
                                              .arg(total)
                                              .arg(eta));

    QStringList lines;
    if (!m_lastError.isEmpty())
        lines << QStringLiteral("<span style='color:#c62828'>%1</span>")
                     .arg(m_lastError.toHtmlEscaped());
    if (m_experimentId > 0) {
        const QString state = isBusy() ? (m_paused ? tr("paused") : tr("running"))
                                       : experimentStatusLabel(m_shown.status);
        lines << tr("<b>Experiment %1</b> (%2, %3): %4")
                     .arg(m_experimentId)
                     .arg(m_shown.model.toHtmlEscaped(), algorithmLabel(m_shown.algorithm),
                          state);
        lines << tr("%1 completed, %2 stopped by ASHA, %3 failed, %4 running, %5 interrupted, "
                    "%6 pending")
                     .arg(counts[int(TrialStatus::Completed)])
                     .arg(counts[int(TrialStatus::Stopped)])
                     .arg(counts[int(TrialStatus::Failed)])
                     .arg(counts[int(TrialStatus::Running)])
                     .arg(counts[int(TrialStatus::Interrupted)])
                     .arg(counts[int(TrialStatus::Pending)]);
        if (best)
            lines << tr("Best validation RMSE %1 (trial %2: %3)")
                         .arg(TrialsModel::bestRmse(*best), 0, 'f', 4)
                         .arg(best->record.number)
                         .arg(model->configText(best->record.config).toHtmlEscaped());
        if (!eta.isEmpty())
            lines << eta;
        else if (left > 0)
            lines << tr("Trials left to run: %1 (Resume search continues them)").arg(left);
    } else if (!m_store) {
        lines << tr("No searches in %1 yet: set one up and press Start.")
                     .arg(QDir::toNativeSeparators(m_dbPath).toHtmlEscaped());
    } else {
        lines << tr("No search shown: set one up and press Start.");
    }
    m_status->setText(lines.join(QStringLiteral("<br>")));
}

void SearchTab::updateButtons()
{
    const bool busy = isBusy();
    const bool valid = m_settings->isValid();
    m_settings->setEnabled(!busy);
    m_startButton->setEnabled(!busy && valid);
    const bool hasData = m_data && m_data->dataset();
    m_startButton->setToolTip(
        !valid     ? tr("Fix the settings first: %1").arg(m_settings->settings().error())
        : !hasData ? tr("Load a dataset in the Data tab first")
                   : tr("Create a new search experiment in the database and run it"));
    m_pauseButton->setEnabled(busy);
    m_pauseButton->setText(m_paused ? tr("Resume") : tr("Pause"));
    m_cancelButton->setEnabled(busy);
    m_experimentBox->setEnabled(!busy && m_experimentBox->count() > 0);
    m_resumeButton->setEnabled(canResume());
    const int left = trialsModel()->count({TrialStatus::Interrupted, TrialStatus::Pending});
    m_experimentState->setText(!busy && m_experimentId > 0 && left > 0
                                   ? tr("Interrupted (trials left: %1)").arg(left)
                                   : QString());
}

void SearchTab::showProblem(const QString &message)
{
    m_lastError = message;
    qCWarning(lcUi).noquote() << message;
    updateProgress();
    Q_EMIT statusMessage(message);
}

} // namespace Ncf::Ui
