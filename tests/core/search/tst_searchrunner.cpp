// The search runner against a real store and the real engine (a fake one for failures).

#include "core/data/synth.h"
#include "core/search/searchrunner.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Ncf;

namespace {

//! Delegates to the real engine but fails every trial whose learning rate is 0.0042.
class FlakyEngine : public ModelEngine
{
public:
    explicit FlakyEngine(ModelEngine &real) : m_real(real) {}

    Result<Trained> train(const RatingDataset &data, const RowList &train,
                          const RowList &validation, const TrainOptions &options,
                          const TrainCallbacks &callbacks) override
    {
        if (std::abs(options.params.lr - 0.0042) < 1e-12)
            return makeError(QStringLiteral("training failed: simulated out of memory"));
        return m_real.train(data, train, validation, options, callbacks);
    }
    Result<TrainReport> fineTune(TrainedModel &model, const RatingDataset &data,
                                 const RowList &train, const RowList &validation,
                                 const TrainOptions &options,
                                 const TrainCallbacks &callbacks) override
    {
        return m_real.fineTune(model, data, train, validation, options, callbacks);
    }
    Result<std::unique_ptr<TrainedModel>> load(const QString &dir) override
    {
        return m_real.load(dir);
    }

private:
    ModelEngine &m_real;
};

SearchSettings mfSearch(const QString &algorithm, int trials, int epochs)
{
    SearchSettings s;
    s.space = presetSpace(ModelKind::Mf);
    s.space.maxEpochs = epochs;
    s.algorithm = algorithm;
    s.asha.maxT = epochs;
    s.trials = trials;
    s.workers = 1;
    s.threadsPerTrial = 1;
    s.seed = 9;
    return s;
}

} // namespace

class tst_SearchRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void randomSearchIsReproducible();
    void twoWorkersAreReproducibleToo();
    void failingTrialIsRecordedAndSearchGoesOn();
    void ashaStopsTrialsAndSavesRungs();
    void cancelThenResumeCountsNothingTwice();
    void pauseHoldsTrials();
    void neverMoreTrialsAtOnceThanWorkers_data();
    void neverMoreTrialsAtOnceThanWorkers();

private:
    std::unique_ptr<ExperimentStore> openStore(const QString &name);

    QTemporaryDir m_dir;
    ModelEngine *m_engine = nullptr;
    RatingDataset m_data;
};

void tst_SearchRunner::initTestCase()
{
    Result<ModelEngine *> engine = modelEngine();
    QVERIFY2(engine.ok(), engine.ok() ? "" : qPrintable(engine.error()));
    m_engine = *engine;
    SynthSpec spec = synthSpec(SynthShape::Ml100k);
    spec.users = 200;
    spec.items = 300;
    spec.ratings = 8000;
    spec.itemIdSpace = 300;
    Result<RatingDataset> data = generateSynthetic(spec, 5);
    QVERIFY(data.ok());
    m_data = std::move(*data);
}

std::unique_ptr<ExperimentStore> tst_SearchRunner::openStore(const QString &name)
{
    Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(m_dir.filePath(name));
    return store ? std::move(*store) : nullptr;
}

void tst_SearchRunner::randomSearchIsReproducible()
{
    std::vector<std::vector<TrialRecord>> runs;
    for (const char *name : {"a.sqlite", "b.sqlite"}) {
        auto store = openStore(QLatin1String(name));
        QVERIFY(store);
        SearchRunner runner(*store, m_data, *m_engine);
        Result<qint64> id = runner.create(mfSearch(QStringLiteral("random"), 3, 2), "sum");
        QVERIFY(id.ok());
        Result<SearchSummary> summary = runner.run(*id);
        QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error()));
        QCOMPARE(summary->completed, 3);
        runs.push_back(*store->trials(*id));
    }
    for (size_t k = 0; k < 3; ++k) {
        QCOMPARE(runs[0][k].config, runs[1][k].config);
        QCOMPARE(runs[0][k].bestValRmse, runs[1][k].bestValRmse);
        QCOMPARE(int(runs[0][k].status), int(TrialStatus::Completed));
        QCOMPARE(runs[0][k].epochs, 2);
    }
    QVERIFY(runs[0][0].config != runs[0][1].config);
}

void tst_SearchRunner::twoWorkersAreReproducibleToo()
{
    // Random search on two workers: trials start in any order and train at the same time,
    // yet each one's result depends only on its configuration and seed. A VAE exercises
    // dropout and the reparameterisation noise.
    std::vector<std::vector<TrialRecord>> runs;
    for (const char *name : {"w2a.sqlite", "w2b.sqlite"}) {
        auto store = openStore(QLatin1String(name));
        SearchRunner runner(*store, m_data, *m_engine);
        SearchSettings s = mfSearch(QStringLiteral("random"), 4, 2);
        s.space = presetSpace(ModelKind::Vae);
        s.space.maxEpochs = 2;
        s.space.params.erase(s.space.params.begin(), s.space.params.begin() + 2); // small nets
        s.space.fixed.insert(QStringLiteral("hidden_dim"), 16);
        s.space.fixed.insert(QStringLiteral("latent_dim"), 4);
        s.space.fixed.insert(QStringLiteral("embedding_dim"), 8);
        s.workers = 2;
        const qint64 id = *runner.create(s, "sum");
        QVERIFY(runner.run(id).ok());
        runs.push_back(*store->trials(id));
    }
    for (size_t k = 0; k < 4; ++k) {
        QCOMPARE(int(runs[0][k].status), int(TrialStatus::Completed));
        QCOMPARE(runs[0][k].bestValRmse, runs[1][k].bestValRmse);
    }
}

void tst_SearchRunner::failingTrialIsRecordedAndSearchGoesOn()
{
    auto store = openStore(QStringLiteral("flaky.sqlite"));
    FlakyEngine flaky(*m_engine);
    SearchRunner runner(*store, m_data, flaky);
    const qint64 id = *runner.create(mfSearch(QStringLiteral("random"), 3, 1), "sum");
    // A fourth trial whose learning rate the flaky engine fails on.
    Result<std::vector<qint64>> extra = store->addTrials(
        id, {QJsonObject{{"lr", 0.0042}, {"factors", 8}, {"reg", 0.01}}});
    QVERIFY(extra.ok());
    Result<SearchSummary> summary = runner.run(id);
    QVERIFY(summary.ok());
    QCOMPARE(summary->completed, 3);
    QCOMPARE(summary->failed, 1);
    const std::vector<TrialRecord> rows = *store->trials(id);
    QCOMPARE(int(rows[3].status), int(TrialStatus::Failed));
    QVERIFY(rows[3].error.contains(QStringLiteral("simulated out of memory")));
}

void tst_SearchRunner::ashaStopsTrialsAndSavesRungs()
{
    auto store = openStore(QStringLiteral("asha.sqlite"));
    SearchRunner runner(*store, m_data, *m_engine);
    const qint64 id = *runner.create(mfSearch(QStringLiteral("asha"), 8, 4), "sum");
    Result<SearchSummary> summary = runner.run(id);
    QVERIFY(summary.ok());
    QVERIFY2(summary->stopped > 0, "ASHA stopped no trial of eight");
    QCOMPARE(summary->completed + summary->stopped, 8);
    // The first trial always reaches max_t; every stop happened at a milestone (1 or 2).
    const std::vector<TrialRecord> rows = *store->trials(id);
    QCOMPARE(rows[0].epochs, 4);
    for (const TrialRecord &t : rows)
        if (t.status == TrialStatus::Stopped)
            QVERIFY2(t.epochs == 1 || t.epochs == 2, qPrintable(QString::number(t.epochs)));
    // The saved state restores to a scheduler holding every trial at rung "1".
    Result<AshaScheduler> state = AshaScheduler::fromJson(store->experiment(id)->state);
    QVERIFY(state.ok());
    QCOMPARE(state->milestones(0), (std::vector<double>{4, 2, 1}));
    QCOMPARE(state->recorded(0, 2).size(), size_t(8));
}

void tst_SearchRunner::cancelThenResumeCountsNothingTwice()
{
    auto store = openStore(QStringLiteral("resume.sqlite"));
    qint64 id = 0;
    {
        SearchRunner runner(*store, m_data, *m_engine);
        id = *runner.create(mfSearch(QStringLiteral("random"), 4, 3), "sum");
        SearchCallbacks callbacks;
        int epochs = 0;
        // Cancel in the middle of the second trial.
        callbacks.epochFinished = [&](qint64, const EpochReport &) {
            if (++epochs == 5)
                runner.cancel();
        };
        Result<SearchSummary> summary = runner.run(id, callbacks);
        QVERIFY(summary.ok());
        QVERIFY(summary->cancelled);
        QCOMPARE(summary->completed, 1);
        QCOMPARE(summary->interrupted, 3);
    }
    std::vector<TrialRecord> rows = *store->trials(id);
    QCOMPARE(int(rows[0].status), int(TrialStatus::Completed));
    QCOMPARE(int(rows[1].status), int(TrialStatus::Interrupted));
    QCOMPARE(int(rows[2].status), int(TrialStatus::Pending));
    const QJsonObject firstConfig = rows[1].config;

    SearchRunner again(*store, m_data, *m_engine);
    Result<SearchSummary> summary = again.run(id);
    QVERIFY(summary.ok());
    QCOMPARE(summary->resumedInterrupted, 1);
    QCOMPARE(summary->completed, 3);
    rows = *store->trials(id);
    QCOMPARE(rows.size(), size_t(4));
    QCOMPARE(rows[1].config, firstConfig); // run again with its exact configuration
    for (const TrialRecord &t : rows) {
        QCOMPARE(int(t.status), int(TrialStatus::Completed));
        QCOMPARE(store->epochs(t.id)->size(), size_t(3)); // no epoch counted twice
    }
}

void tst_SearchRunner::pauseHoldsTrials()
{
    auto store = openStore(QStringLiteral("pause.sqlite"));
    SearchRunner runner(*store, m_data, *m_engine);
    const qint64 id = *runner.create(mfSearch(QStringLiteral("random"), 2, 2), "sum");
    runner.pause();
    QVERIFY(runner.isPaused());
    std::atomic<int> epochs{0};
    SearchCallbacks callbacks;
    callbacks.epochFinished = [&](qint64, const EpochReport &) { ++epochs; };
    Result<SearchSummary> summary = makeError(QString());
    std::thread worker([&] { summary = runner.run(id, callbacks); });
    QTest::qWait(300);
    QCOMPARE(epochs.load(), 0); // nothing ran while paused
    runner.resume();
    worker.join();
    QVERIFY(summary.ok());
    QCOMPARE(summary->completed, 2);
    QCOMPARE(epochs.load(), 4);
}

void tst_SearchRunner::neverMoreTrialsAtOnceThanWorkers_data()
{
    QTest::addColumn<int>("workers");
    QTest::newRow("one worker") << 1;
    QTest::newRow("two workers") << 2;
}

void tst_SearchRunner::neverMoreTrialsAtOnceThanWorkers()
{
    QFETCH(int, workers);
    auto store = openStore(QStringLiteral("workers-%1.sqlite").arg(workers));
    SearchRunner runner(*store, m_data, *m_engine);
    SearchSettings s = mfSearch(QStringLiteral("random"), 8, 2);
    s.workers = workers;
    const qint64 id = *runner.create(s, "sum");
    std::atomic<int> running{0}, most{0};
    SearchCallbacks callbacks;
    callbacks.trialChanged = [&](const TrialRecord &t) {
        if (t.status == TrialStatus::Running) {
            const int now = ++running;
            int seen = most.load();
            while (now > seen && !most.compare_exchange_weak(seen, now)) {
            }
        } else {
            --running;
        }
    };
    Result<SearchSummary> summary = runner.run(id, callbacks);
    QVERIFY(summary.ok());
    QCOMPARE(summary->completed, 8);
    QVERIFY2(most.load() <= workers, qPrintable(QString::number(most.load())));
}

QTEST_GUILESS_MAIN(tst_SearchRunner)
#include "tst_searchrunner.moc"
