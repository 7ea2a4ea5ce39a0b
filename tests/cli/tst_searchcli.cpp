// `ncf search`, `ncf cv` and `ncf export` end to end: the exported tables hold what the
// database holds.

#include "core/search/crossvalidation.h"
#include "core/storage/experimentstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Ncf;

namespace {

QJsonObject runJson(const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(NCF_BIN_DIR "/ncf"), args);
    p.waitForFinished(180000);
    if (exitCode)
        *exitCode = p.exitCode();
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

} // namespace

class tst_SearchCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void searchCvExport();
    void badOptions();
};

void tst_SearchCli::searchCvExport()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const QString db = dir.filePath(QStringLiteral("x.sqlite"));
    QCOMPARE(QProcess::execute(QStringLiteral(NCF_BIN_DIR "/ncf"),
                               {"synth", "--shape", "1m", "--out", data, "--users", "200",
                                "--items", "300", "--ratings", "8000"}),
             0);
    int rc = -1;
    const QJsonObject search = runJson({"search", "--data", data, "--model", "mf", "--algo",
                                        "asha", "--trials", "4", "--epochs", "4", "--db", db,
                                        "--json"},
                                       &rc);
    QCOMPARE(rc, 0);
    QCOMPARE(search.value("trials").toArray().size(), 4);
    QCOMPARE(search.value("completed").toInt() + search.value("stopped").toInt(), 4);
    QVERIFY(search.value("best").isObject());

    const QJsonObject cv = runJson({"cv", "--db", db, "--top", "2", "--folds", "3", "--epochs",
                                    "2", "--json"},
                                   &rc);
    QCOMPARE(rc, 0);
    const QJsonArray configurations = cv.value("configurations").toArray();
    QCOMPARE(configurations.size(), 2);
    QCOMPARE(configurations[0].toObject().value("fold_rmse").toArray().size(), 3);

    const QString out = dir.filePath(QStringLiteral("report"));
    QCOMPARE(QProcess::execute(QStringLiteral(NCF_BIN_DIR "/ncf"),
                               {"export", "--db", db, "--format", "latex", "--out", out}),
             0);
    QFile tex(out + QStringLiteral("/results.tex"));
    QVERIFY(tex.open(QIODevice::ReadOnly));
    const QString latex = QString::fromUtf8(tex.readAll());
    QVERIFY(latex.contains(QStringLiteral("\\begin{tabular}")));
    QVERIFY(latex.contains(QStringLiteral("published")));
    QVERIFY(latex.contains(QStringLiteral("Surprise")));
    const double best = search.value("best").toObject().value("best_val_rmse").toDouble();
    QVERIFY2(latex.contains(QString::number(best, 'f', 4)), qPrintable(latex));
    const double cvBest = configurations[0].toObject().value("mean_rmse").toDouble();
    QVERIFY(latex.contains(QString::number(cvBest, 'f', 4)));

    // epochs.csv has one line per stored epoch: search epochs plus 2 x 3 x 2 CV epochs.
    auto store = std::move(*ExperimentStore::open(db));
    size_t stored = 0;
    for (const ExperimentRecord &e : *store->experiments())
        for (const TrialRecord &t : *store->trials(e.id))
            stored += store->epochs(t.id)->size();
    QFile csv(out + QStringLiteral("/epochs.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(size_t(lines.size() - 1), stored);
    QVERIFY(stored >= 4 + 12);
}

void tst_SearchCli::badOptions()
{
    QTemporaryDir dir;
    int rc = -1;
    runJson({"search", "--data", dir.path(), "--algo", "grid", "--db",
             dir.filePath(QStringLiteral("a.sqlite"))},
            &rc);
    QCOMPARE(rc, 2);
    runJson({"search", "--data", dir.path(), "--algo", "asha", "--grace", "20", "--epochs", "5",
             "--db", dir.filePath(QStringLiteral("a.sqlite"))},
            &rc);
    QCOMPARE(rc, 2);
    runJson({"export", "--db", dir.filePath(QStringLiteral("a.sqlite")), "--format", "docx",
             "--out", dir.path()},
            &rc);
    QCOMPARE(rc, 2);
    runJson({"resume", "--db", dir.filePath(QStringLiteral("empty.sqlite"))}, &rc);
    QCOMPARE(rc, 1);
}

QTEST_GUILESS_MAIN(tst_SearchCli)
#include "tst_searchcli.moc"
