// Drives the real Results tab offscreen over a database with a search and a cross-validation:
// the comparison table and its bars against resultsTable(), the published baselines, the
// epochs table, refresh, and the report folder.

#include "core/report/experimentreport.h"
#include "core/report/table.h"
#include "ui/chartcard.h"
#include "ui/resultstab.h"
#include "ui/tablecard.h"
#include "ui/tablemodel.h"
#include "uitestfixture.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

using namespace Ncf;
using namespace Ncf::Ui;

namespace {

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class tst_ResultsTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsTheDatabase();
    void refreshReadsNewExperiments();
    void exportsAReport();
    void missingDatabase();

private:
    //! Checks the tab against resultsTable() and epochsTable() of the database.
    void verifyShows(const ResultsTab &tab);

    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<DataTab> m_data;
    qint64 m_search = 0;
};

void tst_ResultsTab::initTestCase()
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
    Result<qint64> cv = UiFixture::runCv(m_db, m_data->dataset()->data, m_search, 2, 3, 2);
    QVERIFY2(cv.ok(), cv.ok() ? "" : qPrintable(cv.error()));
}

void tst_ResultsTab::verifyShows(const ResultsTab &tab)
{
    auto store = std::move(*ExperimentStore::open(m_db));
    const Table results = *resultsTable(*store);
    const Table epochs = *epochsTable(*store);
    const Table &shown = tab.resultsTable()->table();
    QCOMPARE(shown.header, results.header);
    QCOMPARE(shown.rows, results.rows);
    QCOMPARE(tab.resultsTable()->model()->rowCount(), int(results.rows.size()));
    QCOMPARE(tab.note(), results.note);
    QVERIFY(tab.note().contains(QLatin1String("Surprise")));
    QCOMPARE(tab.epochsTable()->table().rows, epochs.rows);
    QCOMPARE(tab.epochsTable()->model()->rowCount(), int(epochs.rows.size()));

    // The published baselines are all there, marked as such, after the measured rows.
    const int kind = int(results.header.indexOf(QStringLiteral("Kind")));
    const int rmse = int(results.header.indexOf(QStringLiteral("RMSE")));
    QVERIFY(kind >= 0 && rmse >= 0);
    const size_t baselines = publishedBaselines().size();
    QVERIFY(size_t(shown.rows.size()) > baselines);
    const int measured = int(shown.rows.size() - qsizetype(baselines));
    for (int r = 0; r < int(shown.rows.size()); ++r)
        QCOMPARE(shown.rows[r][kind], r < measured ? QStringLiteral("measured")
                                                   : QStringLiteral("published"));
    for (size_t k = 0; k < baselines; ++k)
        QCOMPARE(shown.rows[measured + int(k)][0], publishedBaselines()[k].model);

    // One bar per row, top to bottom in table order; each row's RMSE in exactly one set.
    const QStringList categories = tab.barCategories()->categories();
    QCOMPARE(categories.size(), int(shown.rows.size()));
    QCOMPARE(int(tab.measuredBars()->count()), int(shown.rows.size()));
    QCOMPARE(int(tab.publishedBars()->count()), int(shown.rows.size()));
    for (int r = 0; r < int(shown.rows.size()); ++r) {
        const int bar = int(shown.rows.size()) - 1 - r;
        const double value = shown.rows[r][rmse].toDouble();
        QVERIFY(value > 0.0);
        const bool published = r >= measured;
        QCOMPARE(tab.publishedBars()->at(bar), published ? value : 0.0);
        QCOMPARE(tab.measuredBars()->at(bar), published ? 0.0 : value);
        QVERIFY2(categories[bar].startsWith(shown.rows[r][0]), qPrintable(categories[bar]));
        QCOMPARE(categories[bar].contains(QLatin1String("published")), published);
    }
    QVERIFY(tab.publishedBars()->color() != tab.measuredBars()->color());
}

void tst_ResultsTab::showsTheDatabase()
{
    QWidget window;
    auto *tab = new ResultsTab(&window);
    window.resize(1300, 900);
    window.show();
    tab->setDatabasePath(m_db);
    verifyShows(*tab);
    // The search's best trial and the two cross-validated configurations.
    const int measured = int(tab->resultsTable()->table().rows.size()
                             - qsizetype(publishedBaselines().size()));
    QCOMPARE(measured, 1 + 2);
    QCOMPARE(tab->epochsTable()->table().rows.size(), 3 * 2 + 2 * 3 * 2);
}

void tst_ResultsTab::refreshReadsNewExperiments()
{
    ResultsTab tab;
    tab.setDatabasePath(m_db);
    const qsizetype before = tab.resultsTable()->table().rows.size();
    Result<qint64> cv = UiFixture::runCv(m_db, m_data->dataset()->data, m_search, 1, 2, 1);
    QVERIFY2(cv.ok(), cv.ok() ? "" : qPrintable(cv.error()));
    QCOMPARE(tab.resultsTable()->table().rows.size(), before); // not before refresh()
    tab.refresh();
    QCOMPARE(tab.resultsTable()->table().rows.size(), before + 1);
    verifyShows(tab);
}

void tst_ResultsTab::exportsAReport()
{
    QWidget window;
    auto *tab = new ResultsTab(&window);
    window.resize(1300, 900);
    window.show();
    tab->setDatabasePath(m_db);
    const QString dir = m_dir.filePath(QStringLiteral("report"));
    Result<QStringList> files = tab->exportReport(dir);
    QVERIFY2(files.ok(), files.ok() ? "" : qPrintable(files.error()));
    QCOMPARE(files->size(), 2 + 2 * 3);

    auto store = std::move(*ExperimentStore::open(m_db));
    const Table results = *resultsTable(*store);
    const Table epochs = *epochsTable(*store);
    const QDir out(dir);
    QCOMPARE(readAll(out.filePath(QStringLiteral("results.csv"))), toCsv(results));
    QCOMPARE(readAll(out.filePath(QStringLiteral("results.md"))), toMarkdown(results));
    QCOMPARE(readAll(out.filePath(QStringLiteral("results.tex"))), toLatex(results));
    QCOMPARE(readAll(out.filePath(QStringLiteral("epochs.csv"))), toCsv(epochs));
    QCOMPARE(readAll(out.filePath(QStringLiteral("epochs.md"))), toMarkdown(epochs));
    QCOMPARE(readAll(out.filePath(QStringLiteral("epochs.tex"))), toLatex(epochs));
    // Spot checks of the content itself, not only of the round trip.
    const QString csv = readAll(out.filePath(QStringLiteral("results.csv")));
    QCOMPARE(csv.count(QLatin1Char('\n')), int(results.rows.size()) + 1);
    QVERIFY(csv.contains(QLatin1String("SVD++")));
    QVERIFY(readAll(out.filePath(QStringLiteral("results.tex"))).contains(
        QLatin1String("\\begin{tabular}")));

    const QImage png(out.filePath(QStringLiteral("rmse-by-model.png")));
    QVERIFY(!png.isNull());
    QVERIFY(png.width() >= 1200);
    QSvgRenderer svg(out.filePath(QStringLiteral("rmse-by-model.svg")));
    QVERIFY(svg.isValid());
    for (const QString &path : *files)
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
}

void tst_ResultsTab::missingDatabase()
{
    ResultsTab tab;
    const QString path = m_dir.filePath(QStringLiteral("none.sqlite"));
    tab.setDatabasePath(path);
    QVERIFY(!QFile::exists(path)); // never created by looking
    QCOMPARE(tab.resultsTable()->model()->rowCount(), 0);
    QCOMPARE(tab.barCategories()->categories().size(), 0);
}

QTEST_MAIN(tst_ResultsTab)
#include "tst_resultstab.moc"
