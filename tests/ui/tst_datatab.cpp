// Drives the real Data tab offscreen: load, charts, tables, exports, errors, cancel.

#include "core/data/synth.h"
#include "core/report/table.h"
#include "ui/chartcard.h"
#include "ui/datatab.h"
#include "ui/mainwindow.h"
#include "ui/tablecard.h"
#include "ui/tablemodel.h"

#include <QBarSeries>
#include <QBarSet>
#include <QBarCategoryAxis>
#include <QChart>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Ncf;
using namespace Ncf::Ui;

namespace {

// 4 users, 5 movies, 10 ratings; worked out by hand:
// ratings per user: 1 -> 3, 2 -> 2, 3 -> 4, 4 -> 1; per movie: 10 -> 4, 20 -> 2, 30 -> 2,
// 40 -> 1, 50 -> 1; histogram 1.0:1, 3.0:2, 3.5:1, 4.0:3, 4.5:1, 5.0:2.
const char kFixture[] = "userId,movieId,rating,timestamp\n"
                        "1,10,4.0,100\n"
                        "1,20,3.5,101\n"
                        "1,30,5.0,102\n"
                        "2,10,3.0,103\n"
                        "2,40,4.0,104\n"
                        "3,10,1.0,105\n"
                        "3,20,4.5,106\n"
                        "3,30,4.0,107\n"
                        "3,50,5.0,108\n"
                        "4,10,3.0,109\n";

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return path;
}

QString cell(const TableCard *card, int row, int column)
{
    return card->model()->index(row, column).data().toString();
}

} // namespace

class tst_DataTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loadShowsChartsAndTables();
    void exportsEveryChartAndTable();
    void badFileShowsError();
    void cancelStopsLoading();
    void destroyWhileLoading();
    void windowScreenshotsEachTab();
    void screenshotOptionOfTheApp();

private:
    QTemporaryDir m_dir;
    QString m_fixture;
    QString m_large;
};

void tst_DataTab::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_fixture = writeFile(m_dir, QStringLiteral("ratings.csv"), kFixture);
    QVERIFY(!m_fixture.isEmpty());
    // A 1M-shaped file (about 24 MB): large enough that a load spans several progress steps.
    Result<QString> large = writeSynthetic(synthSpec(SynthShape::Ml1m), 7,
                                           m_dir.filePath(QStringLiteral("large")));
    QVERIFY2(large.ok(), large.ok() ? "" : qPrintable(large.error()));
    m_large = *large;
}

void tst_DataTab::loadShowsChartsAndTables()
{
    DataTab tab;
    tab.resize(1000, 700);
    tab.show();
    QSignalSpy loaded(&tab, &DataTab::datasetLoaded);
    tab.open(m_fixture);
    QVERIFY(loaded.wait(10000));
    QVERIFY(tab.dataset());
    QCOMPARE(tab.dataset()->eda.ratings, 10);

    // Histogram bars: one per rating value present, heights are the counts.
    QChart *chart = tab.histogramChart()->chart();
    QCOMPARE(chart->series().size(), 1);
    auto *bars = qobject_cast<QBarSeries *>(chart->series().first());
    QVERIFY(bars);
    QCOMPARE(bars->count(), 1);
    const QBarSet *set = bars->barSets().first();
    const QList<double> expected = {1, 2, 1, 3, 1, 2};
    QCOMPARE(set->count(), expected.size());
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(set->at(i), expected[i]);
    auto *axis = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Horizontal).first());
    QVERIFY(axis);
    QCOMPARE(axis->categories(), QStringList({"1.0", "3.0", "3.5", "4.0", "4.5", "5.0"}));

    // Rank curves: one point per rank for such a small set (4 users, 5 movies).
    QChart *rank = tab.rankChart()->chart();
    QCOMPARE(rank->series().size(), 2);
    auto *users = qobject_cast<QLineSeries *>(rank->series().at(0));
    auto *movies = qobject_cast<QLineSeries *>(rank->series().at(1));
    QVERIFY(users && movies);
    QCOMPARE(users->count(), 4);
    QCOMPARE(movies->count(), 5);
    QCOMPARE(users->at(0), QPointF(1, 4));
    QCOMPARE(movies->at(4), QPointF(5, 1));

    // The statistics table, as pandas' describe() of ratings per user and per movie.
    const TableCard *counts = tab.countsTable();
    QCOMPARE(counts->model()->columnCount(), 3);
    QCOMPARE(counts->model()->headerData(1, Qt::Horizontal).toString(), QString("User count"));
    QCOMPARE(counts->model()->headerData(2, Qt::Horizontal).toString(), QString("Movie count"));
    QCOMPARE(cell(counts, 0, 0), QString("count"));
    QCOMPARE(cell(counts, 0, 1), QString("4"));
    QCOMPARE(cell(counts, 0, 2), QString("5"));
    QCOMPARE(cell(counts, 1, 1), QString("2.50")); // mean of {3, 2, 4, 1}
    QCOMPARE(cell(counts, 4, 1), QString("1.75")); // 25 % of {1, 2, 3, 4}
    QCOMPARE(cell(counts, 5, 2), QString("2.00")); // median of {1, 1, 2, 2, 4}
    QCOMPARE(cell(counts, 7, 2), QString("4.00")); // max

    const TableCard *overview = tab.overviewTable();
    QCOMPARE(cell(overview, 0, 1), QString("10"));
    QCOMPARE(cell(overview, 1, 1), QString("4"));
    QCOMPARE(cell(overview, 2, 1), QString("5"));
    QCOMPARE(cell(overview, 3, 1), QString("3.7000"));
    QCOMPARE(cell(overview, 4, 1), QString("50.0000")); // 10 / (4 x 5)
}

void tst_DataTab::exportsEveryChartAndTable()
{
    DataTab tab;
    tab.resize(1000, 700);
    tab.show();
    QSignalSpy loaded(&tab, &DataTab::datasetLoaded);
    tab.open(m_fixture);
    QVERIFY(loaded.wait(10000));

    const QString out = m_dir.filePath(QStringLiteral("export"));
    Result<QStringList> written = tab.exportAll(out);
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error()));
    QCOMPARE(written->size(), 2 * 2 + 3 * 3);
    for (const QString &file : *written) {
        QVERIFY2(QFileInfo(file).size() > 0, qPrintable(file));
        if (file.endsWith(QLatin1String(".png"))) {
            QImage image(file);
            QVERIFY2(!image.isNull(), qPrintable(file));
            QCOMPARE(image.size(), QSize(2400, 1500));
        }
        if (file.endsWith(QLatin1String(".svg"))) {
            QFile svg(file);
            QVERIFY(svg.open(QIODevice::ReadOnly));
            QVERIFY(svg.readAll().contains("<svg"));
        }
    }

    // Table files hold exactly what the tables show.
    const QString csvPath = out + QStringLiteral("/") + tab.countsTable()->objectName()
                            + QStringLiteral(".csv");
    QFile csv(csvPath);
    QVERIFY2(csv.open(QIODevice::ReadOnly), qPrintable(csvPath));
    QCOMPARE(QString::fromUtf8(csv.readAll()), toCsv(tab.countsTable()->table()));
    QFile tex(out + QStringLiteral("/") + tab.countsTable()->objectName()
              + QStringLiteral(".tex"));
    QVERIFY(tex.open(QIODevice::ReadOnly));
    const QString latex = QString::fromUtf8(tex.readAll());
    QVERIFY(latex.contains(QStringLiteral("Statistic & User count & Movie count \\\\")));
    QVERIFY(latex.contains(QStringLiteral("25\\% & 1.75 & 1.00 \\\\")));
}

void tst_DataTab::badFileShowsError()
{
    const QString bad = writeFile(m_dir, QStringLiteral("bad.csv"),
                                  "userId,movieId,rating,timestamp\n1,2,4.0,5\n1,x,3.0,6\n");
    DataTab tab;
    QSignalSpy failed(&tab, &DataTab::loadFailed);
    QSignalSpy loaded(&tab, &DataTab::datasetLoaded);
    tab.open(bad);
    QVERIFY(failed.wait(10000));
    QCOMPARE(loaded.count(), 0);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(bad + QStringLiteral(":3:3:")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("movie id")), qPrintable(message));
    QVERIFY(!tab.dataset());
}

void tst_DataTab::cancelStopsLoading()
{
    DataTab tab;
    QSignalSpy failed(&tab, &DataTab::loadFailed);
    QSignalSpy loaded(&tab, &DataTab::datasetLoaded);
    tab.open(m_large);
    QVERIFY(tab.isLoading());
    tab.cancel();
    QVERIFY(failed.wait(10000));
    QCOMPARE(loaded.count(), 0);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("cancelled")),
             qPrintable(failed.first().first().toString()));
    QVERIFY(!tab.isLoading());

    // The tab is usable again afterwards.
    tab.open(m_fixture);
    QVERIFY(loaded.wait(10000));
}

void tst_DataTab::destroyWhileLoading()
{
    auto *tab = new DataTab;
    tab->open(m_large);
    QVERIFY(tab->isLoading());
    delete tab; // cancels and waits: no worker may outlive the tab
}

void tst_DataTab::windowScreenshotsEachTab()
{
    MainWindow window;
    window.show();
    QSignalSpy loaded(window.dataTab(), &DataTab::datasetLoaded);
    window.openPath(m_fixture);
    QVERIFY(loaded.wait(10000));
    Result<QStringList> shots = window.saveScreenshots(m_dir.filePath(QStringLiteral("shots")));
    QVERIFY2(shots.ok(), shots.ok() ? "" : qPrintable(shots.error()));
    QCOMPARE(shots->size(), window.tabs()->count());
    for (const QString &file : *shots)
        QVERIFY(!QImage(file).isNull());
}

void tst_DataTab::screenshotOptionOfTheApp()
{
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    app.setProcessEnvironment(env);
    const QString dir = m_dir.filePath(QStringLiteral("app-shots"));
    app.start(QStringLiteral(NCF_BIN_DIR "/ncf-workbench"),
              {QStringLiteral("--screenshot"), dir, m_fixture});
    QVERIFY(app.waitForFinished(60000));
    QCOMPARE(app.exitCode(), 0);
    QVERIFY(!QImage(dir + QStringLiteral("/data.png")).isNull());
}

QTEST_MAIN(tst_DataTab)
#include "tst_datatab.moc"
