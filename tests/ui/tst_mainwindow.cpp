// The whole window offscreen: opening an experiment database restores every tab from it (a
// training run, a search, its cross-validation), File > Export Report writes every tab's
// charts and tables, and the tab shortcuts and screenshots cover all six tabs.

#include "core/report/experimentreport.h"
#include "core/storage/experimentstore.h"
#include "core/training/trainrun.h"
#include "ui/cvtab.h"
#include "ui/datatab.h"
#include "ui/mainwindow.h"
#include "ui/resultstab.h"
#include "ui/searchtab.h"
#include "ui/tablecard.h"
#include "ui/tablemodel.h"
#include "ui/traintab.h"
#include "uitestfixture.h"

#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Ncf;
using namespace Ncf::Ui;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void openDatabaseRestoresEveryTab();
    void exportReportCoversEveryTab();
    void tabShortcuts();

private:
    QTemporaryDir m_dir;
    QString m_db;
    qint64 m_search = 0;
    qint64 m_cv = 0;
    qint64 m_train = 0;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    Result<QString> data = UiFixture::writeSmallDataset(m_dir.filePath(QStringLiteral("data")));
    QVERIFY2(data.ok(), data.ok() ? "" : qPrintable(data.error()));
    DataTab tab;
    QVERIFY(UiFixture::load(tab, *data));
    m_db = m_dir.filePath(QStringLiteral("experiments.sqlite"));

    // What the tabs must find: a recorded training run, a search and its cross-validation.
    Result<ModelEngine *> engine = modelEngine();
    QVERIFY(engine.ok());
    {
        Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(m_db);
        QVERIFY(store.ok());
        TrainRunSettings settings;
        settings.options.kind = ModelKind::Mf;
        settings.options.params = defaultParams(ModelKind::Mf);
        settings.options.epochs = 2;
        Result<ModelEngine::Trained> trained = trainRecorded(
            **engine, **store, tab.dataset()->data, settings, {},
            [this](qint64 id) { m_train = id; });
        QVERIFY2(trained.ok(), trained.ok() ? "" : qPrintable(trained.error()));
    }
    Result<qint64> search = UiFixture::runSearch(m_db, tab.dataset()->data, 3, 2);
    QVERIFY2(search.ok(), search.ok() ? "" : qPrintable(search.error()));
    m_search = *search;
    Result<qint64> cv = UiFixture::runCv(m_db, tab.dataset()->data, m_search, 2, 3, 2);
    QVERIFY2(cv.ok(), cv.ok() ? "" : qPrintable(cv.error()));
    m_cv = *cv;
    QVERIFY(m_train > 0);
}

void tst_MainWindow::openDatabaseRestoresEveryTab()
{
    MainWindow window;
    window.searchTab()->setAskToResume(false);
    window.resize(1300, 900);
    window.show();
    window.openDatabase(m_db);
    QCOMPARE(window.databasePath(), QFileInfo(m_db).absoluteFilePath());
    QCOMPARE(window.trainTab()->shownExperiment(), m_train);
    QCOMPARE(window.trainTab()->epochs().size(), size_t(2));
    QCOMPARE(window.searchTab()->experimentId(), m_search);
    QCOMPARE(window.cvTab()->cvExperimentId(), m_cv);
    QCOMPARE(window.cvTab()->sourceExperiment(), m_search);

    Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(m_db);
    QVERIFY(store.ok());
    Result<Table> results = resultsTable(**store);
    QVERIFY(results.ok());
    QCOMPARE(window.resultsTab()->resultsTable()->model()->rowCount(),
             int(results->rows.size()));
    QVERIFY(results->rows.size() > 6); // measured rows besides the six published ones

    // The database is remembered for the next start.
    MainWindow again;
    QCOMPARE(again.databasePath(), QFileInfo(m_db).absoluteFilePath());
    QCOMPARE(again.searchTab()->experimentId(), m_search);
}

void tst_MainWindow::exportReportCoversEveryTab()
{
    MainWindow window;
    window.searchTab()->setAskToResume(false);
    window.resize(1300, 900);
    window.show();
    window.openDatabase(m_db);
    const QString out = m_dir.filePath(QStringLiteral("report"));
    Result<QStringList> files = window.exportReport(out);
    QVERIFY2(files.ok(), files.ok() ? "" : qPrintable(files.error()));
    for (const char *sub : {"data", "train", "search", "cross-validation", "stream"})
        QVERIFY2(QDir(QDir(out).filePath(QLatin1String(sub))).exists(), sub);
    QVERIFY(QFile::exists(QDir(out).filePath(QStringLiteral("results.csv"))));
    QVERIFY(QFile::exists(QDir(out).filePath(QStringLiteral("results.tex"))));
    int pngs = 0;
    for (const QString &path : *files) {
        QVERIFY2(QFile::exists(path), qPrintable(path));
        if (path.endsWith(QLatin1String(".png"))) {
            QVERIFY2(!QImage(path).isNull(), qPrintable(path));
            ++pngs;
        }
    }
    QVERIFY(pngs >= 12);
    // Every file listed is there, and nothing was written that is not listed.
    int onDisk = 0;
    for (QDirIterator it(out, QDir::Files, QDirIterator::Subdirectories); it.hasNext(); it.next())
        ++onDisk;
    QCOMPARE(onDisk, files->size());
}

void tst_MainWindow::tabShortcuts()
{
    MainWindow window;
    QCOMPARE(window.tabs()->count(), 6);
    const QStringList expected = {"Data", "Train", "Search", "Cross-validation", "Results",
                                  "Stream"};
    for (int i = 0; i < 6; ++i)
        QCOMPARE(window.tabs()->tabText(i).remove(QLatin1Char('&')), expected[i]);
    QTest::keyClick(&window, Qt::Key_3, Qt::AltModifier);
    // The View menu's tab actions carry Alt+1..Alt+6.
    int shortcuts = 0;
    for (QAction *menu : window.menuBar()->actions())
        if (menu->menu())
            for (QAction *action : menu->menu()->actions())
                for (int i = 0; i < 6; ++i)
                    if (action->shortcut()
                        == QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)))
                        ++shortcuts;
    QCOMPARE(shortcuts, 6);
    Result<QStringList> shots = window.saveScreenshots(m_dir.filePath(QStringLiteral("shots")));
    QVERIFY(shots.ok());
    QCOMPARE(shots->size(), 6);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
