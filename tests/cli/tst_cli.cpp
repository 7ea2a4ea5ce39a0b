// Runs the real `ncf` executable: its JSON must carry the same figures as core/, its errors
// must name the file and line, and its exit codes must tell usage from input problems.

#include "core/data/movielensreader.h"
#include "core/stats/eda.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Ncf;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run ncf(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(NCF_BIN_DIR "/ncf"), args);
    Run r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QJsonObject parseJson(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    return doc.object();
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void edaJsonMatchesCore();
    void edaTextHasTables();
    void edaBadFileNamesLine();
    void edaLenientReportsSkips();
    void synthWritesEachLayout_data();
    void synthWritesEachLayout();
    void usageErrors();

private:
    QTemporaryDir m_dir;
    QString m_file;
};

void tst_Cli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_file = m_dir.filePath(QStringLiteral("ratings.dat"));
    QFile f(m_file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    // 3 users, 3 movies, 6 ratings: per user {3, 2, 1}, per movie {3, 2, 1}.
    f.write("1::10::5::1\n1::20::4::2\n1::30::3::3\n2::10::4::4\n2::20::2::5\n3::10::1::6\n");
}

void tst_Cli::edaJsonMatchesCore()
{
    const Run r = ncf({QStringLiteral("eda"), m_file, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = parseJson(r.out);
    QVERIFY2(!json.isEmpty(), r.out.constData());
    QCOMPARE(json.value("ratings").toInteger(), 6);
    QCOMPARE(json.value("users").toInteger(), 3);
    QCOMPARE(json.value("items").toInteger(), 3);
    QCOMPARE(json.value("mean_rating").toDouble(), 19.0 / 6.0);
    QCOMPARE(json.value("density_pct").toDouble(), 100.0 * 6.0 / 9.0);
    for (const char *key : {"user_counts", "item_counts"}) {
        const QJsonObject c = json.value(QLatin1String(key)).toObject();
        QCOMPARE(c.value("mean").toDouble(), 2.0);
        QCOMPARE(c.value("min").toDouble(), 1.0);
        QCOMPARE(c.value("p25").toDouble(), 1.5);
        QCOMPARE(c.value("p50").toDouble(), 2.0);
        QCOMPARE(c.value("p75").toDouble(), 2.5);
        QCOMPARE(c.value("max").toDouble(), 3.0);
    }
    const QJsonObject histogram = json.value("histogram").toObject();
    QCOMPARE(histogram.keys(), QStringList({"1.0", "2.0", "3.0", "4.0", "5.0"}));
    QCOMPARE(histogram.value("4.0").toInteger(), 2);
    QVERIFY(json.value("load_seconds").toDouble() >= 0.0);
    QCOMPARE(json.value("layout").toString(), QString("ratings.dat"));

    // The same figures as the library computes in-process.
    Result<RatingDataset> data = loadRatings(m_file);
    QVERIFY(data.ok());
    QJsonObject core = edaToJson(computeEda(*data));
    for (auto it = core.begin(); it != core.end(); ++it)
        QCOMPARE(json.value(it.key()), it.value());
}

void tst_Cli::edaTextHasTables()
{
    const Run r = ncf({QStringLiteral("eda"), m_file});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.contains(QStringLiteral("User count")));
    QVERIFY(text.contains(QStringLiteral("Movie count")));
    QVERIFY(text.contains(QStringLiteral("Density (%)")));
}

void tst_Cli::edaBadFileNamesLine()
{
    const QString bad = m_dir.filePath(QStringLiteral("bad.dat"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("1::10::5::1\n1::20::9::2\n");
    f.close();
    const Run r = ncf({QStringLiteral("eda"), bad, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains((bad + QStringLiteral(":2:8: rating 9 is outside")).toUtf8()),
             r.err.constData());
}

void tst_Cli::edaLenientReportsSkips()
{
    const QString bad = m_dir.filePath(QStringLiteral("some-bad.dat"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("1::10::5::1\n1::x::4::2\n2::10::4::3\n2::20::4\n");
    f.close();
    const Run r = ncf({QStringLiteral("eda"), bad, QStringLiteral("--json"),
                       QStringLiteral("--lenient")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = parseJson(r.out);
    QCOMPARE(json.value("ratings").toInteger(), 2);
    QCOMPARE(json.value("skipped_lines").toInteger(), 2);
    const QJsonArray problems = json.value("problems").toArray();
    QCOMPARE(problems.size(), 2);
    QVERIFY(problems.at(0).toString().contains(QStringLiteral(":2:4:")));
    QVERIFY(problems.at(1).toString().contains(QStringLiteral(":4:")));
}

void tst_Cli::synthWritesEachLayout_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("users");
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("ratings");
    QTest::newRow("100k") << "100k" << "u.data" << 943 << 1682 << 100000;
    QTest::newRow("1m") << "1m" << "ratings.dat" << 6040 << 3706 << 1000209;
    QTest::newRow("25m-sized-down") << "25m" << "ratings.csv" << 3000 << 2000 << 300000;
}

void tst_Cli::synthWritesEachLayout()
{
    QFETCH(QString, shape);
    QFETCH(QString, file);
    QFETCH(int, users);
    QFETCH(int, items);
    QFETCH(int, ratings);
    const QString out = m_dir.filePath(QStringLiteral("synth-") + shape);
    QStringList args = {QStringLiteral("synth"), QStringLiteral("--shape"), shape,
                        QStringLiteral("--out"), out, QStringLiteral("--seed"),
                        QStringLiteral("3")};
    if (shape == QLatin1String("25m"))
        args << QStringLiteral("--users") << QString::number(users) << QStringLiteral("--items")
             << QString::number(items) << QStringLiteral("--ratings") << QString::number(ratings);
    const Run r = ncf(args);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(QFile::exists(out + QLatin1Char('/') + file));

    const Run eda = ncf({QStringLiteral("eda"), out, QStringLiteral("--json")});
    QCOMPARE(eda.exitCode, 0);
    const QJsonObject json = parseJson(eda.out);
    QCOMPARE(json.value("layout").toString(), file);
    QCOMPARE(json.value("users").toInteger(), users);
    QCOMPARE(json.value("items").toInteger(), items);
    QCOMPARE(json.value("ratings").toInteger(), ratings);
    QVERIFY(json.value("user_counts").toObject().value("min").toDouble() >= 20.0);
    QCOMPARE(json.value("item_counts").toObject().value("min").toDouble(), 1.0);
    QCOMPARE(json.value("duplicate_pairs").toInteger(), 0);
    const bool halfStars = json.value("histogram").toObject().contains(QStringLiteral("3.5"));
    QCOMPARE(halfStars, shape == QLatin1String("25m"));
}

void tst_Cli::usageErrors()
{
    QCOMPARE(ncf({}).exitCode, 2);
    QCOMPARE(ncf({QStringLiteral("frobnicate")}).exitCode, 2);
    QCOMPARE(ncf({QStringLiteral("eda")}).exitCode, 2);
    QCOMPARE(ncf({QStringLiteral("synth"), QStringLiteral("--shape"), QStringLiteral("7m"),
                  QStringLiteral("--out"), m_dir.path()})
                 .exitCode,
             2);
    const Run missing = ncf({QStringLiteral("eda"), m_dir.filePath(QStringLiteral("nope"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("no such file or folder"));
    const Run help = ncf({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("eda"));
    QVERIFY(help.out.contains("synth"));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
