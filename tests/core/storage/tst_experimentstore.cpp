// The SQLite experiment store: schema, round trips, replace-on-rerun, interrupted trials.

#include "core/storage/experimentstore.h"

#include <sqlite3.h>

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Ncf;

class tst_ExperimentStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsSchema();
    void roundTrip();
    void rerunReplacesEpochs();
    void runningBecomesInterrupted();
    void persistsAcrossReopen();
    void refusesForeignAndNewerFiles();
    void migratesVersionOne();
    void migratesVersionThreeToTrainKind();

private:
    QTemporaryDir m_dir;
};

void tst_ExperimentStore::createsSchema()
{
    Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(
        m_dir.filePath(QStringLiteral("schema.sqlite")));
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error()));
    QCOMPARE((*store)->schemaVersion(), ExperimentStore::kSchemaVersion);
    // Reopening an up-to-date file changes nothing.
    store->reset();
    store = ExperimentStore::open(m_dir.filePath(QStringLiteral("schema.sqlite")));
    QVERIFY(store.ok());
    QCOMPARE((*store)->schemaVersion(), ExperimentStore::kSchemaVersion);
}

void tst_ExperimentStore::roundTrip()
{
    auto store = std::move(*ExperimentStore::open(m_dir.filePath(QStringLiteral("rt.sqlite"))));
    Result<qint64> dataset = store->addDataset("/data/ratings.csv", "ratings.csv", "abc", 10, 3);
    QVERIFY(dataset.ok());
    QCOMPARE(*store->addDataset("/data/ratings.csv", "ratings.csv", "abc", 10, 3), *dataset);

    ExperimentRecord e;
    e.datasetId = *dataset;
    e.kind = QStringLiteral("search");
    e.model = QStringLiteral("nonlinear");
    e.space = QJsonObject{{"model", "nonlinear"}};
    e.algorithm = QStringLiteral("asha");
    e.settings = QJsonObject{{"trials", 2}};
    Result<qint64> id = store->addExperiment(e);
    QVERIFY(id.ok());
    Result<std::vector<qint64>> trials = store->addTrials(*id, {QJsonObject{{"lr", 0.01}},
                                                                QJsonObject{{"lr", 0.001}}});
    QVERIFY(trials.ok());
    QCOMPARE(trials->size(), size_t(2));

    QVERIFY(store->setTrialRunning(trials->at(0)).ok());
    EpochRecord epoch;
    epoch.trialId = trials->at(0);
    epoch.report = {1, 0.05, 0.06, 0.98, 1.5, 0.0, 0.0};
    const QJsonObject state{{"rungs", 1}};
    QVERIFY(store->addEpoch(epoch, *id, &state).ok());

    TrialRecord done;
    done.id = trials->at(0);
    done.status = TrialStatus::Stopped;
    done.epochs = 1;
    done.bestEpoch = 1;
    done.bestValMse = 0.06;
    done.bestValRmse = 0.98;
    QVERIFY(store->finishTrial(done).ok());

    const std::vector<TrialRecord> rows = *store->trials(*id);
    QCOMPARE(rows.size(), size_t(2));
    QCOMPARE(rows[0].number, 0);
    QCOMPARE(rows[0].config.value("lr").toDouble(), 0.01);
    QCOMPARE(int(rows[0].status), int(TrialStatus::Stopped));
    QCOMPARE(rows[0].epochs, 1);
    QCOMPARE(rows[0].bestValRmse, 0.98);
    QCOMPARE(int(rows[1].status), int(TrialStatus::Pending));
    QVERIFY(std::isnan(rows[1].bestValRmse));

    const ExperimentRecord back = *store->experiment(*id);
    QCOMPARE(back.state, state);
    QCOMPARE(back.algorithm, QString("asha"));
    const std::vector<EpochRecord> epochs = *store->epochs(trials->at(0));
    QCOMPARE(epochs.size(), size_t(1));
    QCOMPARE(epochs[0].report.valRmse, 0.98);
    QCOMPARE(epochs[0].fold, -1);
}

void tst_ExperimentStore::rerunReplacesEpochs()
{
    auto store = std::move(*ExperimentStore::open(m_dir.filePath(QStringLiteral("re.sqlite"))));
    ExperimentRecord e;
    e.kind = QStringLiteral("search");
    e.model = QStringLiteral("mf");
    e.algorithm = QStringLiteral("random");
    const qint64 id = *store->addExperiment(e);
    const qint64 trial = store->addTrials(id, {QJsonObject{}})->front();
    for (double mse : {0.5, 0.4}) { // the first run, then a rerun after an interruption
        for (int k = 1; k <= 3; ++k) {
            EpochRecord epoch;
            epoch.trialId = trial;
            epoch.report.epoch = k;
            epoch.report.valMse = mse / k;
            QVERIFY(store->addEpoch(epoch).ok());
        }
    }
    const std::vector<EpochRecord> epochs = *store->epochs(trial);
    QCOMPARE(epochs.size(), size_t(3)); // not counted twice
    QCOMPARE(epochs[0].report.valMse, 0.4);
    QCOMPARE(store->trials(id)->front().epochs, 3);
}

void tst_ExperimentStore::runningBecomesInterrupted()
{
    auto store = std::move(*ExperimentStore::open(m_dir.filePath(QStringLiteral("in.sqlite"))));
    ExperimentRecord e;
    e.kind = QStringLiteral("search");
    e.model = QStringLiteral("mf");
    e.algorithm = QStringLiteral("random");
    const qint64 id = *store->addExperiment(e);
    const std::vector<qint64> trials = *store->addTrials(id, {{}, {}, {}});
    QVERIFY(store->setTrialRunning(trials[0]).ok());
    QVERIFY(store->setTrialRunning(trials[1]).ok());
    TrialRecord failed;
    failed.id = trials[1];
    failed.status = TrialStatus::Failed;
    failed.error = QStringLiteral("training failed: out of memory");
    QVERIFY(store->finishTrial(failed).ok());
    QCOMPARE(*store->markInterrupted(id), 1);
    const std::vector<TrialRecord> rows = *store->trials(id);
    QCOMPARE(int(rows[0].status), int(TrialStatus::Interrupted));
    QCOMPARE(int(rows[1].status), int(TrialStatus::Failed)); // failed stays failed
    QCOMPARE(rows[1].error, QString("training failed: out of memory"));
    QCOMPARE(int(rows[2].status), int(TrialStatus::Pending));
}

void tst_ExperimentStore::persistsAcrossReopen()
{
    const QString path = m_dir.filePath(QStringLiteral("keep.sqlite"));
    qint64 id = 0;
    {
        auto store = std::move(*ExperimentStore::open(path));
        ExperimentRecord e;
        e.kind = QStringLiteral("cv");
        e.model = QStringLiteral("vae");
        e.algorithm = QStringLiteral("random");
        id = *store->addExperiment(e);
        QVERIFY(store->addTrials(id, {QJsonObject{{"latent_dim", 16}}}).ok());
    }
    auto store = std::move(*ExperimentStore::open(path));
    QCOMPARE(store->trials(id)->front().config.value("latent_dim").toInt(), 16);
    QCOMPARE(store->experiment(id)->kind, QString("cv"));
}

void tst_ExperimentStore::refusesForeignAndNewerFiles()
{
    // A SQLite file with someone else's tables.
    const QString foreign = m_dir.filePath(QStringLiteral("foreign.sqlite"));
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(foreign.toUtf8().constData(), &db), SQLITE_OK);
    sqlite3_exec(db, "CREATE TABLE songs (title TEXT)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    Result<std::unique_ptr<ExperimentStore>> r = ExperimentStore::open(foreign);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains("holds other tables"), qPrintable(r.error()));

    // A file from a newer workbench.
    const QString newer = m_dir.filePath(QStringLiteral("newer.sqlite"));
    QVERIFY(ExperimentStore::open(newer).ok());
    QCOMPARE(sqlite3_open(newer.toUtf8().constData(), &db), SQLITE_OK);
    sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    r = ExperimentStore::open(newer);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains("schema version 99"), qPrintable(r.error()));

    // Not a database at all.
    const QString text = m_dir.filePath(QStringLiteral("text.sqlite"));
    QFile f(text);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    r = ExperimentStore::open(text);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(text), qPrintable(r.error()));
}

void tst_ExperimentStore::migratesVersionOne()
{
    // A version 1 file (no cv_scores table) with a trial in it.
    const QString path = m_dir.filePath(QStringLiteral("v1.sqlite"));
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    const char *v1 = "CREATE TABLE datasets (id INTEGER PRIMARY KEY, path TEXT NOT NULL, layout "
                     "TEXT NOT NULL, checksum TEXT NOT NULL, bytes INTEGER NOT NULL, ratings "
                     "INTEGER NOT NULL, added TEXT NOT NULL, UNIQUE (path, checksum));"
                     "CREATE TABLE experiments (id INTEGER PRIMARY KEY, dataset_id INTEGER, kind "
                     "TEXT NOT NULL, model TEXT NOT NULL, space TEXT NOT NULL, algorithm TEXT "
                     "NOT NULL, settings TEXT NOT NULL, state TEXT NOT NULL DEFAULT '{}', status "
                     "TEXT NOT NULL DEFAULT 'running', created TEXT NOT NULL, updated TEXT NOT "
                     "NULL);"
                     "CREATE TABLE trials (id INTEGER PRIMARY KEY, experiment_id INTEGER NOT "
                     "NULL, number INTEGER NOT NULL, config TEXT NOT NULL, status TEXT NOT NULL, "
                     "epochs INTEGER NOT NULL DEFAULT 0, best_epoch INTEGER NOT NULL DEFAULT 0, "
                     "best_val_mse REAL, best_val_rmse REAL, seconds REAL NOT NULL DEFAULT 0, "
                     "error TEXT NOT NULL DEFAULT '', started TEXT, finished TEXT);"
                     "CREATE TABLE epochs (trial_id INTEGER NOT NULL, fold INTEGER NOT NULL, "
                     "epoch INTEGER NOT NULL, train_mse REAL, val_mse REAL, val_rmse REAL, "
                     "seconds REAL, PRIMARY KEY (trial_id, fold, epoch));"
                     "INSERT INTO experiments VALUES (1, NULL, 'cv', 'mf', '{}', 'kfold', '{}', "
                     "'{}', 'finished', 'now', 'now');"
                     "INSERT INTO trials (id, experiment_id, number, config, status) "
                     "VALUES (1, 1, 0, '{}', 'completed');"
                     "PRAGMA user_version = 1;";
    QCOMPARE(sqlite3_exec(db, v1, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);

    auto store = std::move(*ExperimentStore::open(path));
    QCOMPARE(store->schemaVersion(), ExperimentStore::kSchemaVersion);
    QCOMPARE(store->trials(1)->size(), size_t(1)); // the old rows are still there
    CvScoreRecord score;
    score.trialId = 1;
    score.bestEpoch = 3;
    score.meanRmse = 0.9;
    score.stdRmse = 0.01;
    score.foldRmse = {0.89, 0.91};
    QVERIFY(store->setCvScore(score).ok()); // the new table works
    QCOMPARE(store->cvScores(1)->front().foldRmse, (std::vector<double>{0.89, 0.91}));

    // Version 3's stream tables work too, and a step replayed from a checkpoint is ignored.
    ExperimentStore::StreamRunRecord run;
    run.stateDir = QStringLiteral("/models/a/stream");
    run.modelDir = QStringLiteral("/models/a");
    Result<qint64> runId = store->addStreamRun(run);
    QVERIFY(runId.ok());
    QCOMPARE(*store->addStreamRun(run), *runId); // a restart: the same run
    QCOMPARE(*store->latestStreamRun(run.stateDir), *runId);
    QCOMPARE(*store->latestStreamRun(QStringLiteral("/elsewhere")), 0);
    StreamStep step;
    step.step = 1;
    step.messages = 10;
    step.testMse = 0.05;
    step.offsets = {{0, 7}, {1, 3}};
    QVERIFY(store->addStreamStep(*runId, step).ok());
    step.messages = 99;
    QVERIFY(store->addStreamStep(*runId, step).ok());
    const std::vector<StreamStep> steps = *store->streamSteps(*runId);
    QCOMPARE(steps.size(), size_t(1));
    QCOMPARE(steps.front().messages, 10);
    QCOMPARE(steps.front().offsets, step.offsets);
    QVERIFY(std::isnan(steps.front().valMse));
    QVERIFY(store->setStreamRunStatus(*runId, QStringLiteral("finished")).ok());
    QCOMPARE(store->streamRuns()->front().status, QStringLiteral("finished"));

    // A fresh start in the same folder (a new initial model) is a new run; the old stays.
    Result<qint64> fresh = store->addStreamRun(run, /*fresh=*/true);
    QVERIFY(fresh.ok());
    QVERIFY(*fresh != *runId);
    QCOMPARE(*store->latestStreamRun(run.stateDir), *fresh);
    QVERIFY(store->streamSteps(*fresh)->empty());
    QCOMPARE(store->streamSteps(*runId)->size(), size_t(1));
    QCOMPARE(store->streamRuns()->size(), size_t(2));
}

void tst_ExperimentStore::migratesVersionThreeToTrainKind()
{
    // Version 3's experiments table only allows kinds search and cv, and trials reference it.
    const QString path = m_dir.filePath(QStringLiteral("v3.sqlite"));
    {
        auto store = std::move(*ExperimentStore::open(path));
        ExperimentRecord e;
        e.kind = QStringLiteral("search");
        e.model = QStringLiteral("mf");
        QVERIFY(store->addExperiment(e).ok());
        QVERIFY(store->addTrials(1, {QJsonObject{{"lr", 0.01}}}).ok());
    }
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    const char *v3 = "PRAGMA foreign_keys=OFF; BEGIN;"
                     "CREATE TABLE old (id INTEGER PRIMARY KEY, dataset_id INTEGER REFERENCES "
                     "datasets(id), kind TEXT NOT NULL CHECK (kind IN ('search', 'cv')), model "
                     "TEXT NOT NULL, space TEXT NOT NULL, algorithm TEXT NOT NULL, settings "
                     "TEXT NOT NULL, state TEXT NOT NULL DEFAULT '{}', status TEXT NOT NULL "
                     "DEFAULT 'pending', created TEXT NOT NULL, updated TEXT NOT NULL);"
                     "INSERT INTO old SELECT * FROM experiments; DROP TABLE experiments;"
                     "ALTER TABLE old RENAME TO experiments; COMMIT;"
                     "PRAGMA user_version = 3;";
    QCOMPARE(sqlite3_exec(db, v3, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);

    auto store = std::move(*ExperimentStore::open(path));
    QCOMPARE(store->schemaVersion(), ExperimentStore::kSchemaVersion);
    QCOMPARE(store->experiments()->size(), size_t(1));
    QCOMPARE(store->experiment(1)->kind, QStringLiteral("search"));
    QCOMPARE(store->trials(1)->front().config.value("lr").toDouble(), 0.01);
    ExperimentRecord train;
    train.kind = QStringLiteral("train");
    train.model = QStringLiteral("vae");
    Result<qint64> id = store->addExperiment(train);
    QVERIFY2(id.ok(), id.ok() ? "" : qPrintable(id.error()));
    QCOMPARE(store->experiment(*id)->kind, QStringLiteral("train"));
    QVERIFY(store->addTrials(*id, {QJsonObject()}).ok());
    ExperimentRecord bogus;
    bogus.kind = QStringLiteral("bogus");
    bogus.model = QStringLiteral("mf");
    QVERIFY(!store->addExperiment(bogus).ok()); // the check still holds for other kinds
    // The trials' foreign key follows the rebuilt table and is still enforced.
    QVERIFY(!store->addTrials(999, {QJsonObject()}).ok());
}

QTEST_GUILESS_MAIN(tst_ExperimentStore)
#include "tst_experimentstore.moc"
