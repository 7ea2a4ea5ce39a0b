// k-fold cross-validation: the score computed by hand, and a stored run.

#include "core/data/splits.h"
#include "core/data/synth.h"
#include "core/search/crossvalidation.h"
#include "core/search/searchrunner.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <set>

using namespace Ncf;

class tst_CrossValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scoreByHand();
    void scoreUsesEpochsEveryFoldHas();
    void foldsPartitionTheRows();
    void runStoresEveryFoldAndScore();
};

void tst_CrossValidation::scoreByHand()
{
    // Three folds, three epochs. Means per epoch: (1.0+1.2+0.8)/3 = 1.0, (0.9+0.9+0.9)/3 =
    // 0.9, (0.95+0.85+1.0)/3 = 0.9333. Best: epoch 2, mean 0.9, spread 0 (all equal).
    CvScoreRecord s = scoreFolds({{1.0, 0.9, 0.95}, {1.2, 0.9, 0.85}, {0.8, 0.9, 1.0}});
    QCOMPARE(s.bestEpoch, 2);
    QVERIFY(qAbs(s.meanRmse - 0.9) < 1e-12);
    QVERIFY(qAbs(s.stdRmse) < 1e-12);
    QCOMPARE(s.foldRmse.size(), size_t(3));

    // Two folds: epoch 1 means 0.95, epoch 2 means 0.85 -> best epoch 2; fold values 0.8
    // and 0.9: sample standard deviation sqrt(((0.05)^2 + (0.05)^2) / 1) = 0.0707107.
    s = scoreFolds({{1.0, 0.8}, {0.9, 0.9}});
    QCOMPARE(s.bestEpoch, 2);
    QVERIFY(qAbs(s.meanRmse - 0.85) < 1e-12);
    QVERIFY(qAbs(s.stdRmse - std::sqrt(0.005)) < 1e-12);
    // The minimum of the average, not the average of each fold's minimum: fold 0's own
    // best (0.8) and fold 1's own best (0.9) happen to coincide here; check a case where
    // they do not.
    s = scoreFolds({{0.7, 0.9}, {1.1, 0.8}});
    QCOMPARE(s.bestEpoch, 2); // means 0.9 and 0.85; per-fold minima would mix epochs
    QVERIFY(qAbs(s.meanRmse - 0.85) < 1e-12);
}

void tst_CrossValidation::scoreUsesEpochsEveryFoldHas()
{
    const CvScoreRecord s = scoreFolds({{1.0, 0.5, 0.1}, {1.0, 0.9}});
    QCOMPARE(s.bestEpoch, 2); // epoch 3 exists only in fold 0
    QVERIFY(qAbs(s.meanRmse - 0.7) < 1e-12);
    QCOMPARE(scoreFolds({}).bestEpoch, 0);
}

void tst_CrossValidation::foldsPartitionTheRows()
{
    const std::vector<RowList> folds = kFolds(1003, 10, 4);
    std::set<uint32_t> all;
    for (const RowList &f : folds) {
        QVERIFY(f.size() == 100 || f.size() == 101);
        all.insert(f.begin(), f.end());
    }
    QCOMPARE(all.size(), size_t(1003));
}

void tst_CrossValidation::runStoresEveryFoldAndScore()
{
    Result<ModelEngine *> engine = modelEngine();
    QVERIFY2(engine.ok(), engine.ok() ? "" : qPrintable(engine.error()));
    SynthSpec spec = synthSpec(SynthShape::Ml100k);
    spec.users = 150;
    spec.items = 200;
    spec.ratings = 5000;
    spec.itemIdSpace = 200;
    const RatingDataset data = *generateSynthetic(spec, 2);
    QTemporaryDir dir;
    auto store = std::move(*ExperimentStore::open(dir.filePath(QStringLiteral("cv.sqlite"))));

    SearchSettings search;
    search.space = presetSpace(ModelKind::Mf);
    search.space.maxEpochs = 2;
    search.trials = 4;
    SearchRunner runner(*store, data, **engine);
    const qint64 source = *runner.create(search, "sum");
    QVERIFY(runner.run(source).ok());

    CvSettings cv;
    cv.sourceExperiment = source;
    cv.top = 2;
    cv.folds = 3;
    CrossValidator validator(*store, data, **engine);
    Result<qint64> id = validator.create(cv);
    QVERIFY2(id.ok(), id.ok() ? "" : qPrintable(id.error()));
    Result<CvSummary> summary = validator.run(*id);
    QVERIFY(summary.ok());
    QCOMPARE(summary->configurations, 2);

    // The two best search trials, in order, each with 3 folds x 2 epochs of rows.
    std::vector<TrialRecord> searched = *store->trials(source);
    std::sort(searched.begin(), searched.end(),
              [](const auto &a, const auto &b) { return a.bestValRmse < b.bestValRmse; });
    const std::vector<TrialRecord> validated = *store->trials(*id);
    QCOMPARE(validated.size(), size_t(2));
    QCOMPARE(validated[0].config, searched[0].config);
    QCOMPARE(validated[1].config, searched[1].config);
    const std::vector<CvScoreRecord> scores = *store->cvScores(*id);
    QCOMPARE(scores.size(), size_t(2));
    for (size_t k = 0; k < 2; ++k) {
        const std::vector<EpochRecord> rows = *store->epochs(validated[k].id);
        QCOMPARE(rows.size(), size_t(6));
        std::vector<std::vector<double>> byFold(3);
        for (const EpochRecord &r : rows)
            byFold[size_t(r.fold)].push_back(r.report.valRmse);
        const CvScoreRecord expected = scoreFolds(byFold);
        QCOMPARE(scores[k].bestEpoch, expected.bestEpoch);
        QCOMPARE(scores[k].meanRmse, expected.meanRmse);
        QCOMPARE(validated[k].bestValRmse, expected.meanRmse);
    }
}

QTEST_GUILESS_MAIN(tst_CrossValidation)
#include "tst_crossvalidation.moc"
