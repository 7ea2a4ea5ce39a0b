// A training run recorded in the experiment store as it goes (Note [Train runs]): the rows it
// writes, what loading gives back, cancellation, the run lock, and the report tables.

#include "trainingfixture.h"

#include "core/report/experimentreport.h"
#include "core/storage/experimentstore.h"
#include "core/training/trainrun.h"

#include <QTemporaryDir>

using namespace Ncf;
using namespace Ncf::TrainingFixture;

class tst_TrainRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void recordsEveryEpoch();
    void vaeBetaIsRecomputed();
    void cancelledRunIsInterrupted();
    void listsOnlyTrainRuns();
    void reportTablesTakeTrainRuns();
    void bestEpochOfPicksTheFirstLowest();

private:
    std::unique_ptr<ExperimentStore> openStore();

    QTemporaryDir m_dir;
    QString m_db;
    ModelEngine *m_engine = nullptr;
    RatingDataset m_tiny;
};

void tst_TrainRun::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("experiments.sqlite"));
    const Result<ModelEngine *> engine = modelEngine();
    QVERIFY2(engine.ok(), qPrintable(engine ? QString() : engine.error()));
    m_engine = *engine;
    m_tiny = tinyFixture();
}

std::unique_ptr<ExperimentStore> tst_TrainRun::openStore()
{
    Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(m_db);
    if (!store)
        qWarning() << store.error();
    return store ? std::move(*store) : nullptr;
}

void tst_TrainRun::recordsEveryEpoch()
{
    std::unique_ptr<ExperimentStore> store = openStore();
    QVERIFY(store);
    TrainRunSettings settings;
    settings.options = tinyOptions(ModelKind::Mf, 3);
    settings.trainFraction = 0.75;
    qint64 started = 0;
    int seen = 0;
    TrainCallbacks callbacks;
    callbacks.epochFinished = [&](const EpochReport &e) {
        ++seen;
        // Each epoch is in the store when the caller hears of it, the run marked running and
        // locked, so opening the database meanwhile does not take it for abandoned.
        std::unique_ptr<ExperimentStore> other = openStore();
        QVERIFY(other);
        Result<StoredTrainRun> now = loadTrainRun(*other, started);
        QVERIFY(now.ok());
        QCOMPARE(now->experiment.status, QStringLiteral("running"));
        QCOMPARE(now->trial.status, TrialStatus::Running);
        QCOMPARE(int(now->epochs.size()), e.epoch);
        QCOMPARE(now->epochs.back().valMse, e.valMse);
    };
    Result<ModelEngine::Trained> trained
        = trainRecorded(*m_engine, *store, m_tiny, settings, callbacks,
                        [&](qint64 id) { started = id; }, QStringLiteral("abc"));
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    QVERIFY(started > 0);
    QCOMPARE(seen, 3);
    const TrainReport &report = trained->report;
    QCOMPARE(trained->model->metadata().value(QStringLiteral("experiment")).toInteger(),
             started);

    Result<StoredTrainRun> run = loadTrainRun(*store, started);
    QVERIFY2(run.ok(), run.ok() ? "" : qPrintable(run.error()));
    QCOMPARE(run->experiment.kind, QLatin1String(kTrainExperimentKind));
    QCOMPARE(run->experiment.model, QStringLiteral("mf"));
    QCOMPARE(run->experiment.algorithm, QStringLiteral("holdout"));
    QCOMPARE(run->experiment.status, QStringLiteral("finished"));
    QCOMPARE(run->experiment.settings.value(QStringLiteral("split")).toDouble(), 0.75);
    QCOMPARE(run->kind, ModelKind::Mf);
    QCOMPARE(run->plannedEpochs, 3);
    QCOMPARE(run->trial.status, TrialStatus::Completed);
    QCOMPARE(run->trial.config, paramsToJson(settings.options.params, ModelKind::Mf));
    QCOMPARE(run->trial.bestEpoch, report.bestEpoch);
    QCOMPARE(run->trial.bestValRmse, report.bestValRmse);
    QCOMPARE(run->bestEpoch, report.bestEpoch);
    QCOMPARE(run->epochs.size(), report.epochs.size());
    for (size_t k = 0; k < report.epochs.size(); ++k) {
        QCOMPARE(run->epochs[k].epoch, report.epochs[k].epoch);
        QCOMPARE(run->epochs[k].trainMse, report.epochs[k].trainMse);
        QCOMPARE(run->epochs[k].valMse, report.epochs[k].valMse);
        QCOMPARE(run->epochs[k].valRmse, report.epochs[k].valRmse);
        QCOMPARE(run->epochs[k].beta, 0.0);
    }
    Result<std::pair<QString, QString>> dataset = store->dataset(run->experiment.datasetId);
    QVERIFY(dataset.ok());
    QCOMPARE(dataset->first, m_tiny.path);
    QCOMPARE(dataset->second, QStringLiteral("abc"));
}

void tst_TrainRun::vaeBetaIsRecomputed()
{
    std::unique_ptr<ExperimentStore> store = openStore();
    QVERIFY(store);
    TrainRunSettings settings;
    settings.options = tinyOptions(ModelKind::Vae, 4);
    settings.options.params.annealer = BetaAnnealer::Cosine;
    settings.options.params.startBeta = 0.01;
    settings.options.params.offsetBeta = 0.3;
    qint64 id = 0;
    Result<ModelEngine::Trained> trained = trainRecorded(*m_engine, *store, m_tiny, settings,
                                                         {}, [&](qint64 e) { id = e; });
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    Result<StoredTrainRun> run = loadTrainRun(*store, id);
    QVERIFY(run.ok());
    QCOMPARE(run->epochs.size(), size_t(4));
    for (size_t k = 0; k < 4; ++k) {
        QCOMPARE(run->epochs[k].beta, trained->report.epochs[k].beta);
        QVERIFY(std::isnan(run->epochs[k].kl)); // not stored
    }
    QVERIFY(run->epochs.back().beta > run->epochs.front().beta);
}

void tst_TrainRun::cancelledRunIsInterrupted()
{
    std::unique_ptr<ExperimentStore> store = openStore();
    QVERIFY(store);
    TrainRunSettings settings;
    settings.options = tinyOptions(ModelKind::NonLinear, 20);
    bool stop = false;
    TrainCallbacks callbacks;
    callbacks.epochFinished = [&](const EpochReport &e) { stop = e.epoch >= 2; };
    callbacks.isCanceled = [&] { return stop; };
    qint64 id = 0;
    Result<ModelEngine::Trained> trained = trainRecorded(*m_engine, *store, m_tiny, settings,
                                                         callbacks, [&](qint64 e) { id = e; });
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    QVERIFY(trained->report.cancelled);
    Result<StoredTrainRun> run = loadTrainRun(*store, id);
    QVERIFY(run.ok());
    QCOMPARE(run->experiment.status, QStringLiteral("cancelled"));
    QCOMPARE(run->trial.status, TrialStatus::Interrupted);
    QCOMPARE(run->epochs.size(), trained->report.epochs.size());
    QCOMPARE(run->trial.epochs, int(trained->report.epochs.size()));
    QCOMPARE(run->bestEpoch, trained->report.bestEpoch);
    QCOMPARE(run->plannedEpochs, 20);
}

void tst_TrainRun::listsOnlyTrainRuns()
{
    std::unique_ptr<ExperimentStore> store = openStore();
    QVERIFY(store);
    ExperimentRecord search;
    search.kind = QStringLiteral("search");
    search.model = QStringLiteral("mf");
    Result<qint64> searchId = store->addExperiment(search);
    QVERIFY(searchId.ok());
    QVERIFY(!loadTrainRun(*store, *searchId).ok());
    QVERIFY(!loadTrainRun(*store, 9999).ok());

    Result<std::vector<StoredTrainRun>> runs = listTrainRuns(*store);
    QVERIFY(runs.ok());
    QCOMPARE(runs->size(), size_t(3)); // the three runs above, newest first
    QCOMPARE(runs->at(0).experiment.model, QStringLiteral("nonlinear"));
    QCOMPARE(runs->at(1).experiment.model, QStringLiteral("vae"));
    QCOMPARE(runs->at(2).experiment.model, QStringLiteral("mf"));
    for (const StoredTrainRun &run : *runs) {
        QVERIFY(run.epochs.empty()); // the list leaves epochs out
        QVERIFY(run.trial.epochs > 0);
    }
}

void tst_TrainRun::reportTablesTakeTrainRuns()
{
    // resultsTable() lists each finished train run with the RMSE of its best epoch, next to
    // searches, cross-validations and the published rows.
    std::unique_ptr<ExperimentStore> store = openStore();
    QVERIFY(store);
    Result<Table> results = resultsTable(*store);
    QVERIFY2(results.ok(), results.ok() ? "" : qPrintable(results.error()));
    int measured = 0;
    const std::vector<ExperimentRecord> experiments = *store->experiments();
    for (const ExperimentRecord &e : experiments) {
        const std::vector<TrialRecord> trials = *store->trials(e.id);
        if (e.kind != QLatin1String("train") || trials.empty())
            continue;
        const TrialRecord &trial = trials.front();
        if (trial.bestEpoch <= 0 || trial.epochs <= 0 || std::isnan(trial.bestValRmse))
            continue;
        const QString rmse = QString::number(trial.bestValRmse, 'f', 4);
        const auto row = std::find_if(results->rows.begin(), results->rows.end(),
                                      [&](const QStringList &r) {
                                          return r.at(3).contains(QLatin1String("training run"))
                                                 && r.at(4) == rmse;
                                      });
        QVERIFY2(row != results->rows.end(), qPrintable(rmse));
        QCOMPARE(row->last(), QStringLiteral("measured"));
        ++measured;
    }
    QVERIFY(measured > 0);
    int published = 0;
    for (const QStringList &row : results->rows)
        published += row.last() == QLatin1String("published");
    QCOMPARE(qsizetype(published), qsizetype(publishedBaselines().size()));
    Result<Table> epochs = epochsTable(*store);
    QVERIFY(epochs.ok());
    QVERIFY(epochs->rows.size() >= 3 + 4 + 2);
    QCOMPARE(epochs->rows.front().at(1), QLatin1String(kTrainExperimentKind));
}

void tst_TrainRun::bestEpochOfPicksTheFirstLowest()
{
    auto epoch = [](int n, double valMse) {
        EpochReport e;
        e.epoch = n;
        e.valMse = valMse;
        return e;
    };
    QCOMPARE(bestEpochOf({}), 0);
    QCOMPARE(bestEpochOf({epoch(1, 0.5), epoch(2, 0.3), epoch(3, 0.3), epoch(4, 0.4)}), 2);
    QCOMPARE(bestEpochOf({epoch(1, std::nan("")), epoch(2, 0.7)}), 2);
    QCOMPARE(bestEpochOf({epoch(1, std::nan(""))}), 0);
}

QTEST_MAIN(tst_TrainRun)
#include "tst_trainrun.moc"
