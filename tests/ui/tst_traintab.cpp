// Drives the real Train tab offscreen: train a small model, check the live charts against the
// epochs, the experiment database, the saved model and the exports; cancel a long run, show
// a VAE's beta, restore every run from the database, and refuse invalid hyperparameters.

#include "core/data/splits.h"
#include "core/data/synth.h"
#include "core/report/experimentreport.h"
#include "core/storage/experimentstore.h"
#include "core/training/trainrun.h"
#include "ui/chartcard.h"
#include "ui/datatab.h"
#include "ui/tablecard.h"
#include "ui/tablemodel.h"
#include "ui/traintab.h"
#include "uitestfixture.h"

#include <QChart>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Ncf;
using namespace Ncf::Ui;

namespace {

QLineSeries *line(ChartCard *card, int index)
{
    return qobject_cast<QLineSeries *>(card->chart()->series().at(index));
}

//! The train runs of `db`, newest first.
std::vector<StoredTrainRun> storedRuns(const QString &db)
{
    Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(db);
    if (!store)
        return {};
    Result<std::vector<StoredTrainRun>> runs = listTrainRuns(**store);
    return runs ? *runs : std::vector<StoredTrainRun>();
}

StoredTrainRun loadRun(const QString &db, qint64 id)
{
    Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(db);
    if (!store)
        return {};
    Result<StoredTrainRun> run = loadTrainRun(**store, id);
    return run ? *run : StoredTrainRun();
}

//! The charts show exactly `epochs`: losses, RMSE and the best-epoch markers.
void verifyCharts(TrainTab &tab, const std::vector<EpochReport> &epochs, int best)
{
    QLineSeries *train = line(tab.lossChart(), 0);
    QLineSeries *validation = line(tab.lossChart(), 1);
    QLineSeries *rmse = line(tab.rmseChart(), 0);
    QCOMPARE(train->count(), int(epochs.size()));
    QCOMPARE(validation->count(), int(epochs.size()));
    QCOMPARE(rmse->count(), int(epochs.size()));
    for (size_t k = 0; k < epochs.size(); ++k) {
        QCOMPARE(train->at(int(k)), QPointF(epochs[k].epoch, epochs[k].trainMse));
        QCOMPARE(validation->at(int(k)), QPointF(epochs[k].epoch, epochs[k].valMse));
        QCOMPARE(rmse->at(int(k)), QPointF(epochs[k].epoch, epochs[k].valRmse));
    }
    QCOMPARE(tab.bestEpoch(), best);
    for (ChartCard *card : {tab.lossChart(), tab.rmseChart()}) {
        QLineSeries *marker = line(card, card == tab.lossChart() ? 2 : 1);
        QCOMPARE(marker->count(), 2);
        QCOMPARE(marker->at(0).x(), double(best));
        QCOMPARE(marker->at(1).x(), double(best));
        QVERIFY(marker->at(0).y() < marker->at(1).y());
    }
    QCOMPARE(tab.epochTable()->model()->rowCount(), int(epochs.size()));
}

} // namespace

class tst_TrainTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trainRecordSaveExport();
    void cancelStopsTheRun();
    void vaeShowsBeta();
    void restoresRunsFromTheStore();
    void invalidParameterDisablesTrain();
    void destroyWhileTraining();

private:
    void load(DataTab &data);

    QTemporaryDir m_dir;
    QString m_data;
    QString m_db;
    qint64 m_mfRun = 0;
    std::vector<EpochReport> m_mfEpochs;
    int m_mfBest = 0;
    qint64 m_cancelledRun = 0;
    std::vector<EpochReport> m_vaeEpochs;
};

void tst_TrainTab::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    Result<QString> written
        = UiFixture::writeSmallDataset(m_dir.filePath(QStringLiteral("data")));
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error()));
    m_data = *written;
    m_db = m_dir.filePath(QStringLiteral("experiments.sqlite"));
}

void tst_TrainTab::load(DataTab &data)
{
    QSignalSpy loaded(&data, &DataTab::datasetLoaded);
    data.open(m_data);
    QVERIFY(loaded.wait(20000));
}

void tst_TrainTab::trainRecordSaveExport()
{
    QWidget window;
    auto *data = new DataTab(&window);
    auto *tab = new TrainTab(data, &window);
    window.resize(1300, 900);
    tab->resize(1300, 900);
    window.show();
    load(*data);
    tab->setDatabasePath(m_db);
    QVERIFY(tab->epochs().empty());
    QVERIFY(tab->storedRuns().isEmpty());
    auto *save = tab->findChild<QPushButton *>(QStringLiteral("saveModelButton"));
    QVERIFY(save && !save->isEnabled());

    tab->setModelKind(ModelKind::Mf);
    tab->setEpochs(3);
    tab->setSeed(7);
    tab->setThreads(2);
    QVERIFY(tab->canTrain());
    QSignalSpy finished(tab, &TrainTab::trainingFinished);
    QSignalSpy changed(tab, &TrainTab::experimentsChanged);
    tab->train();
    QVERIFY(tab->isBusy());
    QVERIFY(!tab->canTrain());
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!tab->isBusy());
    QVERIFY(changed.size() >= 2); // the run was added, then finished

    // The charts show the epochs as the trainer reported them: MSE on the [0, 1] scale.
    const std::vector<EpochReport> epochs = tab->epochs();
    QCOMPARE(int(epochs.size()), 3);
    for (size_t k = 0; k < epochs.size(); ++k) {
        QCOMPARE(epochs[k].epoch, int(k) + 1);
        QVERIFY(epochs[k].trainMse > 0.0 && epochs[k].trainMse < 1.0);
        QVERIFY(epochs[k].valMse > 0.0 && epochs[k].valMse < 1.0);
    }
    QCOMPARE(tab->bestEpoch(), bestEpochOf(epochs));
    verifyCharts(*tab, epochs, tab->bestEpoch());
    QVERIFY(!tab->betaChart()->isVisibleTo(tab));

    // The store holds the run as it was shown.
    const std::vector<StoredTrainRun> runs = storedRuns(m_db);
    QCOMPARE(int(runs.size()), 1);
    const StoredTrainRun stored = loadRun(m_db, runs.front().experiment.id);
    QCOMPARE(tab->shownExperiment(), stored.experiment.id);
    QCOMPARE(tab->storedRuns(), QList<qint64>{stored.experiment.id});
    QCOMPARE(stored.experiment.kind, QStringLiteral("train"));
    QCOMPARE(stored.experiment.model, QStringLiteral("mf"));
    QCOMPARE(stored.experiment.status, QStringLiteral("finished"));
    QCOMPARE(stored.trial.status, TrialStatus::Completed);
    QCOMPARE(stored.trial.bestEpoch, tab->bestEpoch());
    QCOMPARE(stored.trial.config, paramsToJson(defaultParams(ModelKind::Mf), ModelKind::Mf));
    QCOMPARE(int(stored.epochs.size()), 3);
    for (size_t k = 0; k < epochs.size(); ++k) {
        QCOMPARE(stored.epochs[k].epoch, epochs[k].epoch);
        QCOMPARE(stored.epochs[k].trainMse, epochs[k].trainMse);
        QCOMPARE(stored.epochs[k].valMse, epochs[k].valMse);
        QCOMPARE(stored.epochs[k].valRmse, epochs[k].valRmse);
    }
    {
        // The report tables take a database with train runs in their stride.
        Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(m_db);
        QVERIFY(store.ok());
        Result<Table> results = resultsTable(**store);
        QVERIFY2(results.ok(), results.ok() ? "" : qPrintable(results.error()));
        Result<Table> all = epochsTable(**store);
        QVERIFY(all.ok());
        QCOMPARE(all->rows.size(), 3);
        QCOMPARE(all->rows.front().at(1), QStringLiteral("train"));
    }

    // The saved model loads and predicts like the trained one: its best epoch's RMSE.
    QVERIFY(save->isEnabled());
    const QString modelDir = m_dir.filePath(QStringLiteral("model"));
    Result<void> saved = tab->saveModel(modelDir);
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error()));
    Result<ModelEngine *> engine = modelEngine();
    QVERIFY(engine.ok());
    Result<std::unique_ptr<TrainedModel>> model = (*engine)->load(modelDir);
    QVERIFY2(model.ok(), model.ok() ? "" : qPrintable(model.error()));
    QCOMPARE((*model)->kind(), ModelKind::Mf);
    QCOMPARE((*model)->metadata().value(QStringLiteral("experiment")).toInteger(),
             stored.experiment.id);
    const RatingDataset &ratings = data->dataset()->data;
    const Holdout holdout = holdoutSplit(ratings.size(), 0.9, 7);
    const double rmse = (*model)->rmse(ratings, holdout.test);
    QVERIFY(std::abs(rmse - epochs[size_t(tab->bestEpoch() - 1)].valRmse) < 1e-4);
    const Prediction p = (*model)->predict(ratings.userIds.rawId(ratings.users[0]),
                                           ratings.itemIds.rawId(ratings.items[0]));
    QVERIFY(!p.coldStart && p.rating >= 0.5 && p.rating <= 5.0);

    // Exports: two charts as PNG and SVG (no beta chart for MF), the epoch table three ways.
    Result<QStringList> files = tab->exportAll(m_dir.filePath(QStringLiteral("export")));
    QVERIFY2(files.ok(), files.ok() ? "" : qPrintable(files.error()));
    QCOMPARE(files->size(), 2 * 2 + 3);
    for (const QString &path : *files) {
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
        if (path.endsWith(QLatin1String(".png")))
            QVERIFY2(!QImage(path).isNull(), qPrintable(path));
    }
    QFile csv(m_dir.filePath(QStringLiteral("export/epochs.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts).size(), 4);

    m_mfRun = stored.experiment.id;
    m_mfEpochs = epochs;
    m_mfBest = tab->bestEpoch();
}

void tst_TrainTab::cancelStopsTheRun()
{
    DataTab data;
    TrainTab tab(&data);
    load(data);
    tab.setDatabasePath(m_db);
    tab.setModelKind(ModelKind::NonLinear);
    tab.setEpochs(50);
    QVERIFY(tab.setParamAssignment(QStringLiteral("batch_size=32")).ok());
    QVERIFY(tab.setParamAssignment(QStringLiteral("patience=0")).ok());
    QVERIFY(tab.canTrain());
    QSignalSpy finished(&tab, &TrainTab::trainingFinished);
    tab.train();
    QTRY_VERIFY_WITH_TIMEOUT(!tab.epochs().empty() || !finished.isEmpty(), 60000);
    QVERIFY(finished.isEmpty());
    tab.cancel();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);
    const int done = int(tab.epochs().size());
    QVERIFY(done >= 1 && done < 50);
    verifyCharts(tab, tab.epochs(), bestEpochOf(tab.epochs()));

    const std::vector<StoredTrainRun> runs = storedRuns(m_db);
    QCOMPARE(int(runs.size()), 2);
    const StoredTrainRun stored = loadRun(m_db, runs.front().experiment.id);
    QCOMPARE(stored.experiment.model, QStringLiteral("nonlinear"));
    QCOMPARE(stored.experiment.status, QStringLiteral("cancelled"));
    QCOMPARE(stored.trial.status, TrialStatus::Interrupted);
    QCOMPARE(stored.plannedEpochs, 50);
    QCOMPARE(int(stored.epochs.size()), done);
    QCOMPARE(stored.trial.config.value(QStringLiteral("batch_size")).toInt(), 32);
    m_cancelledRun = stored.experiment.id;
}

void tst_TrainTab::vaeShowsBeta()
{
    DataTab data;
    TrainTab tab(&data);
    load(data);
    tab.setDatabasePath(m_db);
    tab.setModelKind(ModelKind::Vae);
    tab.setEpochs(3);
    for (const char *assignment : {"annealer=linear", "start_beta=0.01", "offset_beta=0.5",
                                   "patience=0", "embedding_dim=16", "hidden_dim=32"})
        QVERIFY(tab.setParamAssignment(QLatin1String(assignment)).ok());
    QSignalSpy finished(&tab, &TrainTab::trainingFinished);
    tab.train();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(int(tab.epochs().size()), 3);
    QVERIFY(tab.betaChart()->isVisibleTo(&tab));
    QLineSeries *beta = line(tab.betaChart(), 0);
    QCOMPARE(beta->count(), 3);
    for (int k = 0; k < 3; ++k) {
        QCOMPARE(beta->at(k).y(), tab.epochs()[size_t(k)].beta);
        QCOMPARE(tab.epochs()[size_t(k)].beta,
                 annealedBeta(BetaAnnealer::Linear, 0.01, 0.5, k, 3));
    }
    QCOMPARE(tab.epochTable()->table().header.size(), 7); // beta and KL columns
    Result<QStringList> files = tab.exportAll(m_dir.filePath(QStringLiteral("export-vae")));
    QVERIFY(files.ok());
    QCOMPARE(files->size(), 3 * 2 + 3);
    m_vaeEpochs = tab.epochs();
}

void tst_TrainTab::restoresRunsFromTheStore()
{
    QVERIFY(m_mfRun > 0 && m_cancelledRun > 0 && !m_vaeEpochs.empty());
    DataTab data;
    TrainTab tab(&data);
    tab.setDatabasePath(m_db);
    QCOMPARE(tab.storedRuns().size(), 3);
    QCOMPARE(tab.storedRuns().at(1), m_cancelledRun);
    QCOMPARE(tab.storedRuns().at(2), m_mfRun);

    // The newest run shows first: the VAE, its beta recomputed from its schedule.
    QCOMPARE(tab.epochs().size(), m_vaeEpochs.size());
    QVERIFY(tab.betaChart()->isVisibleTo(&tab));
    for (size_t k = 0; k < m_vaeEpochs.size(); ++k) {
        QCOMPARE(tab.epochs()[k].valMse, m_vaeEpochs[k].valMse);
        QCOMPARE(line(tab.betaChart(), 0)->at(int(k)).y(), m_vaeEpochs[k].beta);
    }
    verifyCharts(tab, tab.epochs(), bestEpochOf(m_vaeEpochs));

    // An older run, picked from the list: the MF run's points exactly.
    tab.showRun(m_mfRun);
    QCOMPARE(tab.shownExperiment(), m_mfRun);
    verifyCharts(tab, m_mfEpochs, m_mfBest);
    QVERIFY(!tab.betaChart()->isVisibleTo(&tab));
    auto *save = tab.findChild<QPushButton *>(QStringLiteral("saveModelButton"));
    QVERIFY(!save->isEnabled()); // restored runs have curves, not models
    QVERIFY(!tab.saveModel(m_dir.filePath(QStringLiteral("none"))).ok());
    Result<QStringList> files = tab.exportAll(m_dir.filePath(QStringLiteral("export-restored")));
    QVERIFY(files.ok());
    QCOMPARE(files->size(), 2 * 2 + 3);
}

void tst_TrainTab::invalidParameterDisablesTrain()
{
    DataTab data;
    TrainTab tab(&data);
    auto *button = tab.findChild<QPushButton *>(QStringLiteral("trainButton"));
    QVERIFY(button);
    QVERIFY(!button->isEnabled()); // no dataset yet
    load(data);
    tab.setDatabasePath(m_db);
    tab.setModelKind(ModelKind::Mf);
    QVERIFY(tab.canTrain());
    QVERIFY(button->isEnabled());

    QVERIFY(tab.setParamAssignment(QStringLiteral("lr=abc")).ok());
    QVERIFY(!tab.canTrain());
    QVERIFY(!button->isEnabled());
    QVERIFY2(tab.paramError(QStringLiteral("lr")).contains(QLatin1String("abc")),
             qPrintable(tab.paramError(QStringLiteral("lr"))));
    auto *label = tab.findChild<QLabel *>(QStringLiteral("paramError_lr"));
    QVERIFY(label && label->isVisibleTo(&tab));
    QCOMPARE(label->text(), tab.paramError(QStringLiteral("lr")));
    QCOMPARE(button->toolTip(), tab.paramError(QStringLiteral("lr")));
    QSignalSpy status(&tab, &TrainTab::statusMessage);
    tab.train();
    QVERIFY(!tab.isBusy());
    QCOMPARE(status.size(), 1);
    QVERIFY(status.first().first().toString().contains(QLatin1String("abc")));

    QVERIFY(tab.setParamAssignment(QStringLiteral("factors=0")).ok()); // out of range too
    QVERIFY(!tab.paramError(QStringLiteral("factors")).isEmpty());
    QVERIFY(tab.setParamAssignment(QStringLiteral("lr=0.01")).ok());
    QVERIFY(tab.paramError(QStringLiteral("lr")).isEmpty());
    QVERIFY(!tab.canTrain());
    QVERIFY(tab.setParamAssignment(QStringLiteral("factors=8")).ok());
    QVERIFY(tab.canTrain());
    QVERIFY(!label->isVisibleTo(&tab));
    QVERIFY(!tab.setParamAssignment(QStringLiteral("hidden=64")).ok()); // not an MF parameter

    // Another model rebuilds the form with its own names and defaults.
    tab.setModelKind(ModelKind::NonLinear);
    auto *hidden = tab.findChild<QLineEdit *>(QStringLiteral("param_hidden"));
    QVERIFY(hidden);
    QCOMPARE(hidden->text(), QStringLiteral("256,64"));
    QVERIFY(!tab.findChild<QLineEdit *>(QStringLiteral("param_factors")));
    QCOMPARE(tab.findChild<QLineEdit *>(QStringLiteral("param_lr"))->text(),
             QStringLiteral("0.0005"));
    QVERIFY(tab.canTrain());
    tab.setModelKind(ModelKind::Mean);
    QVERIFY(!tab.findChild<QLineEdit *>(QStringLiteral("param_lr")));
    QVERIFY(tab.canTrain());
}

void tst_TrainTab::destroyWhileTraining()
{
    // Closing the tab mid-run cancels the training, waits for it and leaves the run stored.
    DataTab data;
    auto *tab = new TrainTab(&data);
    load(data);
    tab->setDatabasePath(m_db);
    tab->setModelKind(ModelKind::NonLinear);
    tab->setEpochs(50);
    QVERIFY(tab->setParamAssignment(QStringLiteral("batch_size=32")).ok());
    QVERIFY(tab->setParamAssignment(QStringLiteral("patience=0")).ok());
    tab->train();
    QTRY_VERIFY_WITH_TIMEOUT(!tab->epochs().empty(), 60000);
    delete tab;
    const std::vector<StoredTrainRun> runs = storedRuns(m_db);
    QCOMPARE(int(runs.size()), 4);
    QCOMPARE(runs.front().trial.status, TrialStatus::Interrupted);
    QCOMPARE(runs.front().experiment.status, QStringLiteral("cancelled"));
    QVERIFY(runs.front().trial.epochs >= 1 && runs.front().trial.epochs < 50);
}

QTEST_MAIN(tst_TrainTab)
#include "tst_traintab.moc"
