// Drives the real Cross-validation tab offscreen: the box statistics by hand, a run of a
// stored search's best configurations with every chart and table checked against the store,
// the restore of a stored run, the export, and the resume of an interrupted run.

#include "core/report/table.h"
#include "ui/boxstats.h"
#include "ui/chartcard.h"
#include "ui/cvtab.h"
#include "ui/tablecard.h"
#include "ui/tablemodel.h"
#include "uitestfixture.h"

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLineSeries>
#include <QProgressBar>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Ncf;
using namespace Ncf::Ui;

Q_DECLARE_METATYPE(std::vector<double>)

namespace {

QLineSeries *line(ChartCard *card, int index)
{
    return qobject_cast<QLineSeries *>(card->chart()->series().at(index));
}

QString cell(const CvTab &tab, int row, int column)
{
    return tab.configTable()->model()->index(row, column).data().toString();
}

} // namespace

class tst_CvTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void boxStatistics_data();
    void boxStatistics();
    void boxStatisticsOfNothing();
    void runFromTheTab();
    void restoresTheStoredRun();
    void resumesAnInterruptedRun();
    void refusesAnotherDataset();
    void cancelAndDestroyWhileRunning();

private:
    //! Checks that `tab` shows CV experiment `id` exactly as stored.
    void verifyShows(CvTab &tab, qint64 id);

    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<DataTab> m_data;
    qint64 m_search = 0;
    qint64 m_cv = 0;
};

void tst_CvTab::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    Result<QString> written = UiFixture::writeSmallDataset(m_dir.filePath(QStringLiteral("data")));
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error()));
    m_db = m_dir.filePath(QStringLiteral("experiments.sqlite"));
    m_data = std::make_unique<DataTab>();
    QVERIFY(UiFixture::load(*m_data, *written));
    Result<qint64> search = UiFixture::runSearch(m_db, m_data->dataset()->data, 3, 2);
    QVERIFY2(search.ok(), search.ok() ? "" : qPrintable(search.error()));
    m_search = *search;
}

void tst_CvTab::boxStatistics_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("q1");
    QTest::addColumn<double>("median");
    QTest::addColumn<double>("q3");
    QTest::addColumn<double>("upper");
    QTest::addColumn<double>("mean");
    QTest::addColumn<std::vector<double>>("outliers");

    // Quartile positions are p * (n - 1), 0-based, interpolated (numpy and pandas default).
    // Five values: positions 1, 2, 3 exactly.
    QTest::newRow("odd") << std::vector<double>{5, 1, 4, 2, 3} << 1.0 << 2.0 << 3.0 << 4.0
                         << 5.0 << 3.0 << std::vector<double>{};
    // Four values: positions 0.75, 1.5, 2.25 -> 1.75, 2.5, 3.25.
    QTest::newRow("even") << std::vector<double>{1, 2, 3, 4} << 1.0 << 1.75 << 2.5 << 3.25
                          << 4.0 << 2.5 << std::vector<double>{};
    // IQR 2: fences -1 and 7; 100 is an outlier, the upper whisker stops at 4.
    QTest::newRow("high outlier") << std::vector<double>{1, 2, 3, 4, 100} << 1.0 << 2.0 << 3.0
                                  << 4.0 << 4.0 << 22.0 << std::vector<double>{100};
    // Sorted {0, 10, 10.5, 11, 11.5, 12}: positions 1.25, 2.5, 3.75 -> 10.125, 10.75,
    // 11.375; IQR 1.25, lower fence 8.25: 0 is an outlier, the lower whisker is 10.
    QTest::newRow("low outlier, even") << std::vector<double>{10, 10.5, 11, 11.5, 12, 0}
                                       << 10.0 << 10.125 << 10.75 << 11.375 << 12.0
                                       << 55.0 / 6.0 << std::vector<double>{0};
    // Three folds (the tab's case): q1 and q3 halfway between neighbours.
    QTest::newRow("three folds") << std::vector<double>{0.95, 0.91, 0.99} << 0.91 << 0.93
                                 << 0.95 << 0.97 << 0.99 << 0.95 << std::vector<double>{};
    QTest::newRow("all equal") << std::vector<double>{0.9, 0.9, 0.9, 0.9} << 0.9 << 0.9 << 0.9
                               << 0.9 << 0.9 << 0.9 << std::vector<double>{};
    QTest::newRow("one value") << std::vector<double>{2} << 2.0 << 2.0 << 2.0 << 2.0 << 2.0
                               << 2.0 << std::vector<double>{};
    QTest::newRow("NaN left out") << std::vector<double>{std::nan(""), 3, 1} << 1.0 << 1.5
                                  << 2.0 << 2.5 << 3.0 << 2.0 << std::vector<double>{};
}

void tst_CvTab::boxStatistics()
{
    QFETCH(std::vector<double>, values);
    QFETCH(double, lower);
    QFETCH(double, q1);
    QFETCH(double, median);
    QFETCH(double, q3);
    QFETCH(double, upper);
    QFETCH(double, mean);
    QFETCH(std::vector<double>, outliers);
    const BoxStats box = boxStats(values);
    const auto near = [](double a, double b) { return std::abs(a - b) < 1e-12; };
    QVERIFY2(near(box.lowerWhisker, lower), qPrintable(QString::number(box.lowerWhisker)));
    QVERIFY2(near(box.q1, q1), qPrintable(QString::number(box.q1)));
    QVERIFY2(near(box.median, median), qPrintable(QString::number(box.median)));
    QVERIFY2(near(box.q3, q3), qPrintable(QString::number(box.q3)));
    QVERIFY2(near(box.upperWhisker, upper), qPrintable(QString::number(box.upperWhisker)));
    QVERIFY2(near(box.mean, mean), qPrintable(QString::number(box.mean)));
    QCOMPARE(box.outliers, outliers);
    QCOMPARE(box.count, int(std::count_if(values.begin(), values.end(),
                                          [](double v) { return !std::isnan(v); })));
}

void tst_CvTab::boxStatisticsOfNothing()
{
    const BoxStats box = boxStats({});
    QCOMPARE(box.count, 0);
    QVERIFY(std::isnan(box.median) && std::isnan(box.q1) && std::isnan(box.mean));
    QVERIFY(std::isnan(linearQuantile({}, 0.5)));
    QCOMPARE(linearQuantile({1, 2, 3, 4}, 0.0), 1.0);
    QCOMPARE(linearQuantile({1, 2, 3, 4}, 1.0), 4.0);
}

void tst_CvTab::verifyShows(CvTab &tab, qint64 id)
{
    auto store = std::move(*ExperimentStore::open(m_db));
    const std::vector<TrialRecord> trials = *store->trials(id);
    const std::vector<CvScoreRecord> scores = *store->cvScores(id);
    QCOMPARE(trials.size(), size_t(2));
    QCOMPARE(scores.size(), size_t(2));
    QCOMPARE(tab.cvExperimentId(), id);
    QVERIFY(!tab.isUnfinished());

    // The two best trials of the search, in rank order.
    std::vector<TrialRecord> searched = *store->trials(m_search);
    std::stable_sort(searched.begin(), searched.end(),
                     [](const auto &a, const auto &b) { return a.bestValRmse < b.bestValRmse; });
    QCOMPARE(trials[0].config, searched[0].config);
    QCOMPARE(trials[1].config, searched[1].config);

    // Box plot: one box per configuration from its fold RMSEs at the best epoch. With three
    // folds a <= b <= c: q1 = (a + b) / 2, median b, q3 = (b + c) / 2, whiskers a and c.
    QCOMPARE(tab.boxSeries()->count(), 2);
    const QList<QBoxSet *> sets = tab.boxSeries()->boxSets();
    const QStringList categories
        = qobject_cast<QBarCategoryAxis *>(tab.boxPlotChart()->chart()->axes(Qt::Horizontal)
                                               .first())
              ->categories();
    QCOMPARE(categories.size(), 2);
    QCOMPARE(tab.meanSeries()->count(), 2);
    QCOMPARE(tab.outlierSeries()->count(), 0);
    for (int k = 0; k < 2; ++k) {
        const CvScoreRecord &s = scores[size_t(k)];
        QCOMPARE(s.trialId, trials[size_t(k)].id);
        QCOMPARE(s.foldRmse.size(), size_t(3));
        std::vector<double> folds = s.foldRmse;
        std::sort(folds.begin(), folds.end());
        QCOMPARE(sets[k]->at(QBoxSet::LowerExtreme), folds[0]);
        QCOMPARE(sets[k]->at(QBoxSet::LowerQuartile), (folds[0] + folds[1]) / 2);
        QCOMPARE(sets[k]->at(QBoxSet::Median), folds[1]);
        QCOMPARE(sets[k]->at(QBoxSet::UpperQuartile), (folds[1] + folds[2]) / 2);
        QCOMPARE(sets[k]->at(QBoxSet::UpperExtreme), folds[2]);
        const BoxStats box = boxStats(s.foldRmse);
        QCOMPARE(sets[k]->at(QBoxSet::Median), box.median);
        QCOMPARE(sets[k]->at(QBoxSet::LowerQuartile), box.q1);
        QCOMPARE(sets[k]->at(QBoxSet::UpperQuartile), box.q3);
        QCOMPARE(tab.meanSeries()->at(k), QPointF(k, s.meanRmse));
        QCOMPARE(sets[k]->label(), categories.at(k));
        QVERIFY2(categories.at(k).startsWith(QStringLiteral("#%1: ").arg(k + 1)),
                 qPrintable(categories.at(k)));
        QVERIFY(categories.at(k).contains(QLatin1String("factors=")));
    }

    // The table: one row per configuration with the stored figures.
    QCOMPARE(tab.configTable()->model()->rowCount(), 2);
    QCOMPARE(tab.configTable()->model()->columnCount(), 6 + 3);
    for (int k = 0; k < 2; ++k) {
        const CvScoreRecord &s = scores[size_t(k)];
        QCOMPARE(cell(tab, k, 0), QString::number(k + 1));
        QCOMPARE(cell(tab, k, 2), QStringLiteral("completed"));
        QCOMPARE(cell(tab, k, 3), QString::number(s.meanRmse, 'f', 4));
        QCOMPARE(cell(tab, k, 4), QString::number(s.stdRmse, 'f', 4));
        QCOMPARE(cell(tab, k, 5), QString::number(s.bestEpoch));
        for (int f = 0; f < 3; ++f)
            QCOMPARE(cell(tab, k, 6 + f), QString::number(s.foldRmse[size_t(f)], 'f', 4));
    }

    // Convergence of configuration 1 on fold 0: the stored epochs, the best epoch dashed.
    tab.showConvergence(0, 0);
    std::vector<EpochRecord> epochs;
    for (const EpochRecord &r : *store->epochs(trials[0].id))
        if (r.fold == 0)
            epochs.push_back(r);
    QCOMPARE(epochs.size(), size_t(2));
    ChartCard *convergence = tab.convergenceChart();
    QCOMPARE(line(convergence, 0)->count(), 2);
    QCOMPARE(line(convergence, 1)->count(), 2);
    for (int e = 0; e < 2; ++e) {
        const EpochReport &r = epochs[size_t(e)].report;
        QCOMPARE(line(convergence, 0)->at(e), QPointF(r.epoch, r.trainMse));
        QCOMPARE(line(convergence, 1)->at(e), QPointF(r.epoch, r.valMse));
    }
    QCOMPARE(line(convergence, 2)->count(), 2);
    QCOMPARE(line(convergence, 2)->at(0).x(), double(scores[0].bestEpoch));
    QCOMPARE(line(convergence, 2)->at(1).x(), double(scores[0].bestEpoch));
    QCOMPARE(line(convergence, 2)->pen().style(), Qt::DashLine);
    QVERIFY(convergence->title().contains(QLatin1String("#1")));
    // Another fold shows that fold's epochs.
    tab.showConvergence(1, 2);
    const std::vector<EpochRecord> second = *store->epochs(trials[1].id);
    const auto last = std::find_if(second.begin(), second.end(), [](const EpochRecord &r) {
        return r.fold == 2 && r.report.epoch == 2;
    });
    QVERIFY(last != second.end());
    QCOMPARE(line(convergence, 1)->at(1).y(), last->report.valMse);
    tab.showConvergence(0, 0);

    auto *progress = tab.findChild<QProgressBar *>();
    QVERIFY(progress);
    QCOMPARE(progress->maximum(), 6);
    QCOMPARE(progress->value(), 6);
}

void tst_CvTab::runFromTheTab()
{
    QWidget window;
    auto *tab = new CvTab(m_data.get(), &window);
    window.resize(1300, 900);
    tab->resize(1300, 900);
    window.show();
    tab->setDatabasePath(m_db);
    QCOMPARE(tab->cvExperimentId(), qint64(0));
    tab->setSourceExperiment(m_search);
    QCOMPARE(tab->sourceExperiment(), m_search);
    tab->setTop(2);
    tab->setFolds(3);
    tab->setEpochs(2);
    tab->setWorkers(3);
    tab->setThreads(1);
    QCOMPARE(tab->settings().folds, 3);

    QSignalSpy finished(tab, &CvTab::cvFinished);
    QSignalSpy changed(tab, &CvTab::experimentsChanged);
    QSignalSpy messages(tab, &CvTab::statusMessage);
    tab->run();
    QVERIFY(tab->isBusy());
    QVERIFY(finished.wait(120000));
    QVERIFY(!tab->isBusy());
    m_cv = finished.first().first().toLongLong();
    QVERIFY2(m_cv > 0, qPrintable(messages.isEmpty() ? QString()
                                                     : messages.last().first().toString()));
    QVERIFY(changed.size() >= 2); // created, then finished
    QVERIFY(messages.last().first().toString().contains(QLatin1String("finished")));
    auto store = std::move(*ExperimentStore::open(m_db));
    QCOMPARE(store->experiment(m_cv)->status, QStringLiteral("finished"));
    QCOMPARE(CvSettings::fromJson(store->experiment(m_cv)->settings).folds, 3);
    QCOMPARE(CvSettings::fromJson(store->experiment(m_cv)->settings).workers, 3);
    verifyShows(*tab, m_cv);

    // Export: both charts as PNG and SVG, the table as CSV, Markdown and LaTeX.
    Result<QStringList> files = tab->exportAll(m_dir.filePath(QStringLiteral("export")));
    QVERIFY2(files.ok(), files.ok() ? "" : qPrintable(files.error()));
    QCOMPARE(files->size(), 2 * 2 + 3);
    for (const QString &path : *files) {
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
        if (path.endsWith(QLatin1String(".png")))
            QVERIFY2(!QImage(path).isNull(), qPrintable(path));
        if (path.endsWith(QLatin1String(".svg"))) {
            QFile svg(path);
            QVERIFY(svg.open(QIODevice::ReadOnly));
            QVERIFY(svg.readAll().contains("<svg"));
        }
    }
    QFile csv(m_dir.filePath(QStringLiteral("export/cv-configurations.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(csv.readAll()), toCsv(tab->configTable()->table()));
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("export/cv-fold-rmse.png"))));
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("export/cv-convergence.svg"))));
}

void tst_CvTab::restoresTheStoredRun()
{
    QVERIFY(m_cv > 0);
    DataTab empty;
    CvTab tab(&empty);
    tab.setDatabasePath(m_db);
    verifyShows(tab, m_cv);
    QCOMPARE(tab.sourceExperiment(), m_search);
    // Without a dataset nothing starts.
    QSignalSpy messages(&tab, &CvTab::statusMessage);
    tab.run();
    QVERIFY(!tab.isBusy());
    QVERIFY(messages.last().first().toString().contains(QLatin1String("Data tab")));
}

void tst_CvTab::resumesAnInterruptedRun()
{
    QVERIFY(m_cv > 0);
    // A cross-validation whose process died during its first configuration: created, its
    // first trial running with one fold's first epoch stored, no lock held.
    qint64 id = 0;
    {
        auto store = std::move(*ExperimentStore::open(m_db));
        Result<ModelEngine *> engine = modelEngine();
        QVERIFY(engine.ok());
        CrossValidator validator(*store, m_data->dataset()->data, **engine);
        CvSettings settings;
        settings.sourceExperiment = m_search;
        settings.top = 2;
        settings.folds = 3;
        settings.epochs = 2;
        id = *validator.create(settings);
        QVERIFY(store->setExperimentStatus(id, QStringLiteral("running")).ok());
        const std::vector<TrialRecord> trials = *store->trials(id);
        QVERIFY(store->setTrialRunning(trials[0].id).ok());
        EpochReport first;
        first.epoch = 1;
        first.trainMse = 0.5;
        first.valMse = 0.5;
        first.valRmse = 9.0;
        QVERIFY(store->addEpoch({trials[0].id, 0, first}).ok());
    }

    QWidget window;
    auto *tab = new CvTab(m_data.get(), &window);
    window.show();
    tab->setDatabasePath(m_db); // opening the store finds the run abandoned
    QCOMPARE(tab->cvExperimentId(), id); // the newest is shown
    QVERIFY(tab->isUnfinished());
    QCOMPARE(tab->boxSeries()->count(), 0);
    QCOMPARE(cell(*tab, 0, 2), QStringLiteral("interrupted"));
    QCOMPARE(cell(*tab, 1, 2), QStringLiteral("pending"));
    QCOMPARE(cell(*tab, 0, 3), QString());
    tab->showConvergence(0, 0);
    QCOMPARE(line(tab->convergenceChart(), 1)->count(), 1);
    QCOMPARE(line(tab->convergenceChart(), 2)->count(), 0); // no score, no best epoch
    {
        auto store = std::move(*ExperimentStore::open(m_db));
        QCOMPARE(store->experiment(id)->status, QStringLiteral("interrupted"));
    }

    tab->setWorkers(3);
    tab->setThreads(1);
    QSignalSpy finished(tab, &CvTab::cvFinished);
    tab->resume();
    QVERIFY(tab->isBusy());
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().first().toLongLong(), id);
    QVERIFY(!tab->isUnfinished());
    auto store = std::move(*ExperimentStore::open(m_db));
    QCOMPARE(store->experiment(id)->status, QStringLiteral("finished"));
    // The rerun replaced the dead process's epoch instead of adding to it.
    const std::vector<TrialRecord> trials = *store->trials(id);
    QCOMPARE(store->epochs(trials[0].id)->size(), size_t(6));
    for (const EpochRecord &r : *store->epochs(trials[0].id))
        QVERIFY(r.report.valRmse < 9.0);
    verifyShows(*tab, id);
}

void tst_CvTab::refusesAnotherDataset()
{
    // Folds of other ratings would not be the search's: the run is refused up front.
    Result<QString> other = UiFixture::writeSmallDataset(m_dir.filePath(QStringLiteral("other")));
    QVERIFY(other.ok());
    DataTab data;
    QVERIFY(UiFixture::load(data, *other));
    CvTab tab(&data);
    tab.setDatabasePath(m_db);
    const qint64 shown = tab.cvExperimentId();
    QSignalSpy messages(&tab, &CvTab::statusMessage);
    tab.run();
    QVERIFY(!tab.isBusy());
    QVERIFY(messages.last().first().toString().contains(QLatin1String("was run on")));
    tab.refreshExperiments();
    QCOMPARE(tab.cvExperimentId(), shown); // no new cross-validation
}

void tst_CvTab::cancelAndDestroyWhileRunning()
{
    auto *tab = new CvTab(m_data.get());
    tab->setDatabasePath(m_db);
    tab->setSourceExperiment(m_search);
    tab->setTop(2);
    tab->setFolds(3);
    tab->setEpochs(2);
    tab->setWorkers(1);
    tab->setThreads(1);
    QSignalSpy finished(tab, &CvTab::cvFinished);
    tab->run();
    tab->cancel();
    QVERIFY(finished.wait(60000));
    QVERIFY(!tab->isBusy());
    // Cancelled before it was created, or stored as cancelled (or done, if it was quicker).
    if (const qint64 id = finished.first().first().toLongLong(); id > 0) {
        auto store = std::move(*ExperimentStore::open(m_db));
        const QString status = store->experiment(id)->status;
        QVERIFY2(status == QLatin1String("cancelled") || status == QLatin1String("finished"),
                 qPrintable(status));
        QCOMPARE(tab->cvExperimentId(), id);
        QCOMPARE(tab->isUnfinished(), status == QLatin1String("cancelled"));
    }
    // The destructor cancels a running cross-validation and waits for it.
    tab->run();
    QVERIFY(tab->isBusy());
    delete tab;
}

QTEST_MAIN(tst_CvTab)
#include "tst_cvtab.moc"
