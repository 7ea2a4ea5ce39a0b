#include "trainingfixture.h"

#include "core/data/synth.h"

#include <algorithm>
#include <limits>
#include <utility>

using namespace Ncf;
using namespace Ncf::TrainingFixture;

class tst_Training : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void overfitsTinyFixture_data();
    void overfitsTinyFixture();
    void meanModel();
    void sameSeedSameModel();
    void edgeCases();
    void learnsSyntheticData_data();
    void learnsSyntheticData();
    void vaeBetaAndKl_data();
    void vaeBetaAndKl();
    void sparseMatchesDense_data();
    void sparseMatchesDense();
    void earlyStoppingRestoresBest_data();
    void earlyStoppingRestoresBest();
    void cancellation_data();
    void cancellation();
    void onePairPathMatchesBatches_data();
    void onePairPathMatchesBatches();

private:
    ModelEngine *m_engine = nullptr;
    RatingDataset m_tiny;
    RowList m_tinyRows;
    RatingDataset m_synth; //!< 100K-shaped, shrunk to 300 users x 400 movies x 15,000 ratings
    Holdout m_synthSplit;
    double m_synthMeanRmse = 0.0; //!< the training mean's RMSE on the synthetic test rows
};

void tst_Training::initTestCase()
{
    const Result<ModelEngine *> engine = modelEngine();
    QVERIFY2(engine.ok(), qPrintable(engine ? QString() : engine.error()));
    m_engine = *engine;

    m_tiny = tinyFixture();
    QCOMPARE(m_tiny.size(), size_t(40));
    m_tinyRows = allRows(m_tiny);

    SynthSpec spec = synthSpec(SynthShape::Ml100k);
    spec.name = QStringLiteral("100k-small");
    spec.users = 300;
    spec.items = 400;
    spec.ratings = 15000;
    spec.itemIdSpace = 400;
    Result<RatingDataset> synth = generateSynthetic(spec, kSeed);
    QVERIFY2(synth.ok(), qPrintable(synth ? QString() : synth.error()));
    m_synth = std::move(*synth);
    m_synthSplit = holdoutSplit(m_synth.size(), 0.9, kSeed);
    m_synthMeanRmse = constantRmse(m_synth, m_synthSplit.test,
                                   meanOf(m_synth, m_synthSplit.train));
}

void tst_Training::overfitsTinyFixture_data()
{
    QTest::addColumn<ModelKind>("kind");
    QTest::addColumn<int>("epochs");
    QTest::addColumn<double>("lr");

    QTest::newRow("nonlinear") << ModelKind::NonLinear << 150 << 0.01;
    QTest::newRow("autoencoder") << ModelKind::Autoencoder << 150 << 0.01;
    QTest::newRow("vae") << ModelKind::Vae << 200 << 0.01;
    QTest::newRow("mf") << ModelKind::Mf << 150 << 0.05;
}

void tst_Training::overfitsTinyFixture()
{
    QFETCH(ModelKind, kind);
    QFETCH(int, epochs);
    QFETCH(double, lr);

    TrainOptions options = tinyOptions(kind, epochs);
    options.params.lr = lr;
    options.params.reg = 0.0;
    options.params.startBeta = 1e-4; // VAE: a light KL term, so the code can carry the pattern
    options.params.annealer = BetaAnnealer::Constant;
    Result<ModelEngine::Trained> trained = m_engine->train(m_tiny, m_tinyRows, m_tinyRows,
                                                           options);
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    const TrainReport &report = trained->report;
    QCOMPARE(int(report.epochs.size()), epochs);
    QVERIFY(!report.stoppedEarly);
    QVERIFY(!report.cancelled);

    const double meanRmse = constantRmse(m_tiny, m_tinyRows, meanOf(m_tiny, m_tinyRows));
    const double rmse = trained->model->rmse(m_tiny, m_tinyRows);
    qInfo("%s: RMSE %.4f stars, global mean %.4f", QTest::currentDataTag(), rmse, meanRmse);
    QVERIFY2(rmse < 0.25, qPrintable(QStringLiteral("RMSE %1").arg(rmse)));
    QVERIFY2(rmse < 0.15 * meanRmse, qPrintable(QStringLiteral("RMSE %1 vs mean %2")
                                                    .arg(rmse)
                                                    .arg(meanRmse)));
    // The reported best epoch is the model handed back.
    QVERIFY(std::abs(rmse - report.bestValRmse) < 1e-5);

    for (const EpochReport &e : report.epochs) {
        QVERIFY(std::isfinite(e.trainMse));
        if (kind != ModelKind::Vae) {
            QCOMPARE(e.beta, 0.0);
            QCOMPARE(e.kl, 0.0);
        }
    }
}

void tst_Training::meanModel()
{
    TrainOptions options = tinyOptions(ModelKind::Mean, 10);
    int epochCalls = 0;
    TrainCallbacks callbacks;
    callbacks.epochFinished = [&](const EpochReport &) { ++epochCalls; };
    Result<ModelEngine::Trained> trained = m_engine->train(m_tiny, m_tinyRows, m_tinyRows,
                                                           options, callbacks);
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    const TrainReport &report = trained->report;

    // Nothing to learn: one epoch, whatever was asked.
    QCOMPARE(report.epochs.size(), size_t(1));
    QCOMPARE(epochCalls, 1);
    QCOMPARE(report.bestEpoch, 1);

    const double mean = meanOf(m_tiny, m_tinyRows);
    const double expected = constantRmse(m_tiny, m_tinyRows, mean);
    QVERIFY2(std::abs(report.bestValRmse - expected) < 1e-5,
             qPrintable(QStringLiteral("%1 vs %2").arg(report.bestValRmse).arg(expected)));
    QVERIFY(std::abs(report.epochs[0].valRmse - expected) < 1e-5);
    QVERIFY(std::abs(trained->model->rmse(m_tiny, m_tinyRows) - expected) < 1e-5);
    // The training MSE on the [0, 1] scale is the same figure divided by the 4-star range.
    QVERIFY(std::abs(report.epochs[0].trainMse - (expected / 4.0) * (expected / 4.0)) < 1e-6);

    const Prediction p = trained->model->predict(rawUser(2), rawMovie(5));
    QVERIFY(!p.coldStart);
    QVERIFY(std::abs(p.rating - mean) < 1e-5);
}

void tst_Training::sameSeedSameModel()
{
    // Weights, dropout masks and batch order all come from the seed: two runs agree exactly.
    TrainOptions options = tinyOptions(ModelKind::NonLinear, 5);
    options.params.dropout = 0.2;
    Result<ModelEngine::Trained> a = m_engine->train(m_tiny, m_tinyRows, m_tinyRows, options);
    Result<ModelEngine::Trained> b = m_engine->train(m_tiny, m_tinyRows, m_tinyRows, options);
    options.seed = kSeed + 1;
    Result<ModelEngine::Trained> c = m_engine->train(m_tiny, m_tinyRows, m_tinyRows, options);
    QVERIFY2(a.ok() && b.ok() && c.ok(), qPrintable(errorOf(a) + errorOf(b) + errorOf(c)));

    QCOMPARE(a->report.epochs.size(), b->report.epochs.size());
    for (size_t k = 0; k < a->report.epochs.size(); ++k) {
        QCOMPARE(a->report.epochs[k].trainMse, b->report.epochs[k].trainMse);
        QCOMPARE(a->report.epochs[k].valRmse, b->report.epochs[k].valRmse);
    }
    const std::vector<double> pa = a->model->predictRows(m_tiny, m_tinyRows);
    const QString same = firstDifference(pa, b->model->predictRows(m_tiny, m_tinyRows));
    QVERIFY2(same.isEmpty(), qPrintable(same));
    QVERIFY2(!firstDifference(pa, c->model->predictRows(m_tiny, m_tinyRows)).isEmpty(),
             "another seed gave the same model");
}

void tst_Training::edgeCases()
{
    // No training rows: an error, not an exception or an empty model.
    const Result<ModelEngine::Trained> none = m_engine->train(
        m_tiny, {}, m_tinyRows, tinyOptions(ModelKind::NonLinear, 3));
    QVERIFY(!none.ok());
    QVERIFY2(none.error().contains(QLatin1String("no training ratings")), qPrintable(none.error()));

    // No validation rows: nothing to stop on, so every epoch runs.
    TrainOptions options = tinyOptions(ModelKind::Mf, 4);
    options.params.patience = 1;
    Result<ModelEngine::Trained> blind = m_engine->train(m_tiny, m_tinyRows, {}, options);
    QVERIFY2(blind.ok(), qPrintable(errorOf(blind)));
    QCOMPARE(blind->report.epochs.size(), size_t(4));
    QVERIFY(!blind->report.stoppedEarly);
    QVERIFY(std::isfinite(blind->model->rmse(m_tiny, m_tinyRows)));

    // Zero epochs: the untrained model comes back, and says so.
    Result<ModelEngine::Trained> untrained = m_engine->train(
        m_tiny, m_tinyRows, m_tinyRows, tinyOptions(ModelKind::NonLinear, 0));
    QVERIFY2(untrained.ok(), qPrintable(errorOf(untrained)));
    QVERIFY(untrained->report.epochs.empty());
    QCOMPARE(untrained->report.bestEpoch, 0);
    QVERIFY(std::isfinite(untrained->model->predict(rawUser(0), rawMovie(0)).rating));
}

void tst_Training::learnsSyntheticData_data()
{
    QTest::addColumn<ModelKind>("kind");

    QTest::newRow("nonlinear") << ModelKind::NonLinear;
    QTest::newRow("mf") << ModelKind::Mf;
}

void tst_Training::learnsSyntheticData()
{
    QFETCH(ModelKind, kind);

    constexpr int kEpochs = 4;
    std::vector<EpochReport> seen;
    TrainCallbacks callbacks;
    callbacks.epochFinished = [&](const EpochReport &e) { seen.push_back(e); };
    Result<ModelEngine::Trained> trained = m_engine->train(
        m_synth, m_synthSplit.train, m_synthSplit.test, synthOptions(kind, kEpochs), callbacks);
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    const TrainReport &report = trained->report;
    QCOMPARE(int(report.epochs.size()), kEpochs);
    QCOMPARE(seen.size(), report.epochs.size());

    const double range = trained->model->scaler().range();
    QCOMPARE(range, 4.0); // whole stars 1..5
    double best = std::numeric_limits<double>::infinity();
    for (size_t k = 0; k < report.epochs.size(); ++k) {
        const EpochReport &e = report.epochs[k];
        QCOMPARE(e.epoch, int(k) + 1);
        QCOMPARE(seen[k].epoch, e.epoch);
        QCOMPARE(seen[k].valRmse, e.valRmse);
        QVERIFY(std::abs(e.valRmse - std::sqrt(e.valMse) * range) < 1e-9);
        QVERIFY(e.seconds > 0.0);
        best = std::min(best, e.valRmse);
    }
    QCOMPARE(report.bestValRmse, best);
    QVERIFY(report.samplesPerSecond > 0.0);

    const double first = report.epochs.front().trainMse;
    const double last = report.epochs.back().trainMse;
    qInfo("%s: train MSE %.5f -> %.5f, val RMSE %.4f, mean model %.4f", QTest::currentDataTag(),
          first, last, report.bestValRmse, m_synthMeanRmse);
    QVERIFY2(first > last, qPrintable(QStringLiteral("train MSE %1 -> %2").arg(first).arg(last)));
    QVERIFY2(report.bestValRmse < m_synthMeanRmse - 0.02,
             qPrintable(QStringLiteral("val RMSE %1, mean model %2")
                            .arg(report.bestValRmse)
                            .arg(m_synthMeanRmse)));

    // The mean model, trained through the engine, gives the hand-computed baseline.
    Result<ModelEngine::Trained> mean = m_engine->train(
        m_synth, m_synthSplit.train, m_synthSplit.test, synthOptions(ModelKind::Mean, 1));
    QVERIFY2(mean.ok(), qPrintable(errorOf(mean)));
    QVERIFY(std::abs(mean->report.bestValRmse - m_synthMeanRmse) < 1e-5);
}

void tst_Training::vaeBetaAndKl_data()
{
    QTest::addColumn<BetaAnnealer>("annealer");

    QTest::newRow("linear") << BetaAnnealer::Linear;
    QTest::newRow("exponential") << BetaAnnealer::Exponential;
    QTest::newRow("cosine") << BetaAnnealer::Cosine;
    QTest::newRow("constant") << BetaAnnealer::Constant;
    QTest::newRow("zero") << BetaAnnealer::Zero;
}

void tst_Training::vaeBetaAndKl()
{
    QFETCH(BetaAnnealer, annealer);

    constexpr int kEpochs = 5;
    TrainOptions options = tinyOptions(ModelKind::Vae, kEpochs);
    options.params.annealer = annealer;
    options.params.startBeta = 0.01;
    options.params.offsetBeta = 0.5;
    Result<ModelEngine::Trained> trained = m_engine->train(m_tiny, m_tinyRows, m_tinyRows,
                                                           options);
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    const TrainReport &report = trained->report;
    QCOMPARE(int(report.epochs.size()), kEpochs);
    for (const EpochReport &e : report.epochs) {
        const double expected = annealedBeta(annealer, 0.01, 0.5, e.epoch - 1, kEpochs);
        QVERIFY2(e.beta == expected, qPrintable(QStringLiteral("epoch %1: beta %2, expected %3")
                                                    .arg(e.epoch)
                                                    .arg(e.beta, 0, 'g', 17)
                                                    .arg(expected, 0, 'g', 17)));
        QVERIFY2(std::isfinite(e.kl) && e.kl >= 0.0,
                 qPrintable(QStringLiteral("epoch %1: KL %2").arg(e.epoch).arg(e.kl)));
    }
    // The schedule really moves (or really stays).
    const double firstBeta = report.epochs.front().beta, lastBeta = report.epochs.back().beta;
    switch (annealer) {
    case BetaAnnealer::Constant:
        QCOMPARE(lastBeta, firstBeta);
        break;
    case BetaAnnealer::Zero:
        QCOMPARE(lastBeta, 0.0);
        break;
    default:
        QVERIFY(std::abs(lastBeta - 0.51) < 1e-12);
    }
}

void tst_Training::sparseMatchesDense_data()
{
    QTest::addColumn<ModelKind>("kind");

    QTest::newRow("nonlinear") << ModelKind::NonLinear;
    QTest::newRow("mf") << ModelKind::Mf;
}

void tst_Training::sparseMatchesDense()
{
    QFETCH(ModelKind, kind);

    double rmse[2] = {0.0, 0.0};
    for (bool sparse : {true, false}) {
        TrainOptions options = synthOptions(kind, 3);
        options.sparseEmbeddings = sparse;
        Result<ModelEngine::Trained> trained = m_engine->train(m_synth, m_synthSplit.train,
                                                               m_synthSplit.test, options);
        QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
        rmse[sparse ? 0 : 1] = trained->model->rmse(m_synth, m_synthSplit.test);
    }
    qInfo("%s: val RMSE lazy %.4f, dense %.4f", QTest::currentDataTag(), rmse[0], rmse[1]);
    QVERIFY2(std::abs(rmse[0] - rmse[1]) < 0.03,
             qPrintable(QStringLiteral("lazy %1, dense %2").arg(rmse[0]).arg(rmse[1])));
    QVERIFY(rmse[0] < m_synthMeanRmse);
}

void tst_Training::earlyStoppingRestoresBest_data()
{
    QTest::addColumn<ModelKind>("kind");
    QTest::addColumn<int>("patience");

    QTest::newRow("nonlinear, patience 1") << ModelKind::NonLinear << 1;
    QTest::newRow("nonlinear, patience 2") << ModelKind::NonLinear << 2;
    QTest::newRow("mf, patience 2") << ModelKind::Mf << 2;
}

void tst_Training::earlyStoppingRestoresBest()
{
    QFETCH(ModelKind, kind);
    QFETCH(int, patience);

    // Wide tables, no dropout, no regularisation and a brisk rate: on 13,500 ratings the model
    // is best after an epoch or two and then overfits.
    constexpr int kEpochs = 30;
    TrainOptions options = synthOptions(kind, kEpochs);
    options.params.embeddingDim = 64;
    options.params.hidden = {64, 32};
    options.params.factors = 64;
    options.params.dropout = 0.0;
    options.params.reg = 0.0;
    options.params.lr = 3e-3;
    options.params.batchSize = 128;
    options.params.patience = patience;
    Result<ModelEngine::Trained> trained = m_engine->train(m_synth, m_synthSplit.train,
                                                           m_synthSplit.test, options);
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    const TrainReport &report = trained->report;
    const int ran = int(report.epochs.size());
    qInfo("%s: best epoch %d of %d, best %.4f, last %.4f", QTest::currentDataTag(),
          report.bestEpoch, ran, report.bestValRmse, report.epochs.back().valRmse);

    QVERIFY(report.stoppedEarly);
    QVERIFY(!report.cancelled);
    QVERIFY(ran < kEpochs);
    QVERIFY(report.bestEpoch >= 1);
    QVERIFY(report.bestEpoch < ran);
    // It stops after exactly `patience` epochs without a new best.
    QCOMPARE(ran, report.bestEpoch + patience);
    QCOMPARE(report.bestValRmse, report.epochs[size_t(report.bestEpoch - 1)].valRmse);
    for (const EpochReport &e : report.epochs)
        QVERIFY(e.valRmse >= report.bestValRmse);

    // The model handed back has the best epoch's weights, not the last epoch's.
    const double rmse = trained->model->rmse(m_synth, m_synthSplit.test);
    QVERIFY2(std::abs(rmse - report.bestValRmse) < 1e-5,
             qPrintable(QStringLiteral("model %1, best %2, last %3")
                            .arg(rmse, 0, 'g', 10)
                            .arg(report.bestValRmse, 0, 'g', 10)
                            .arg(report.epochs.back().valRmse, 0, 'g', 10)));
    QVERIFY2(std::abs(report.epochs.back().valRmse - report.bestValRmse) > 1e-4,
             "the last epoch is as good as the best: the check above proves nothing");
}

void tst_Training::cancellation_data()
{
    QTest::addColumn<int>("cancelAtCall");
    QTest::addColumn<int>("fullEpochs"); // epochs that must have run to their end

    // 13,500 training ratings in batches of 64: 211 batches an epoch.
    QTest::newRow("before the first batch") << 1 << 0;
    QTest::newRow("at the third batch") << 3 << 0;
    QTest::newRow("early in the second epoch") << 211 + 5 << 1;
}

void tst_Training::cancellation()
{
    QFETCH(int, cancelAtCall);
    QFETCH(int, fullEpochs);

    TrainOptions options = synthOptions(ModelKind::NonLinear, 3);
    options.params.batchSize = 64;
    QCOMPARE((m_synthSplit.train.size() + 63) / 64, size_t(211));
    int calls = 0;
    int epochCalls = 0;
    TrainCallbacks callbacks;
    callbacks.isCanceled = [&] { return ++calls >= cancelAtCall; };
    callbacks.epochFinished = [&](const EpochReport &) { ++epochCalls; };
    Result<ModelEngine::Trained> trained = m_engine->train(m_synth, m_synthSplit.train,
                                                           m_synthSplit.test, options, callbacks);
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    const TrainReport &report = trained->report;

    QVERIFY(report.cancelled);
    QVERIFY(!report.stoppedEarly);
    // Stopped at the first poll that said so: not one more batch, not one more poll.
    QCOMPARE(calls, cancelAtCall);
    QCOMPARE(epochCalls, int(report.epochs.size()));
    QVERIFY(int(report.epochs.size()) >= fullEpochs);
    QVERIFY(int(report.epochs.size()) <= fullEpochs + 1);
    if (cancelAtCall == 1) {
        QVERIFY(report.epochs.empty());
        QCOMPARE(report.bestEpoch, 0);
    }
    for (const EpochReport &e : report.epochs)
        QVERIFY(std::isfinite(e.trainMse) && std::isfinite(e.valRmse));

    // What comes back is a usable model.
    const Prediction p = trained->model->predict(m_synth.userIds.rawId(0),
                                                 m_synth.itemIds.rawId(0));
    QVERIFY(!p.coldStart);
    QVERIFY(std::isfinite(p.rating));
    QVERIFY(std::isfinite(trained->model->rmse(m_synth, m_synthSplit.test)));
}

void tst_Training::onePairPathMatchesBatches_data()
{
    QTest::addColumn<int>("kind");
    for (ModelKind kind : {ModelKind::NonLinear, ModelKind::Autoencoder, ModelKind::Vae,
                           ModelKind::Mf, ModelKind::Mean})
        QTest::newRow(qPrintable(modelKindName(kind))) << int(kind);
}

void tst_Training::onePairPathMatchesBatches()
{
    // predict() evaluates one pair in plain loops (the server's path); it must agree with the
    // batched LibTorch forward pass, before and after the tables grow.
    QFETCH(int, kind);
    TrainOptions options = tinyOptions(ModelKind(kind), 2);
    Result<ModelEngine::Trained> trained = m_engine->train(m_synth, m_synthSplit.train,
                                                           m_synthSplit.test, options);
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    TrainedModel &model = *trained->model;
    const RowList rows(m_synthSplit.test.begin(), m_synthSplit.test.begin() + 300);
    auto compare = [&] {
        const std::vector<double> batched = model.predictRows(m_synth, rows);
        for (size_t k = 0; k < rows.size(); ++k) {
            const uint32_t row = rows[k];
            const Prediction p = model.predict(m_synth.userIds.rawId(m_synth.users[row]),
                                               m_synth.itemIds.rawId(m_synth.items[row]));
            QVERIFY(!p.coldStart);
            QVERIFY2(std::abs(p.rating - batched[k]) < 1e-4,
                     qPrintable(QStringLiteral("row %1: %2 vs %3")
                                    .arg(row)
                                    .arg(p.rating)
                                    .arg(batched[k])));
        }
    };
    compare();
    if (QTest::currentTestFailed())
        return;
    const AdmitReport grown = model.admit({900001, 900002}, {900003});
    QCOMPARE(grown.newUsers, 2);
    QCOMPARE(grown.newItems, 1);
    compare();
    // A new user starts at the mean row: a real prediction, not the cold-start fallback.
    QVERIFY(!model.predict(900001, 900003).coldStart);
}

QTEST_GUILESS_MAIN(tst_Training)

#include "tst_training.moc"
