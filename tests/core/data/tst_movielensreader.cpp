#include "core/data/movielensreader.h"

#include "core/common/random.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdint>

using namespace Ncf;

namespace {

//! One rating as written in a fixture: raw ids, stars, timestamp.
struct Rating
{
    uint32_t user = 0;
    uint32_t item = 0;
    double stars = 0.0;
    uint32_t timestamp = 0;
};

using Ratings = QList<Rating>;

QString dataPath(const QString &relative)
{
    return QStringLiteral(NCF_TEST_DATA "/") + relative;
}

const Ratings kUData = {
    {196, 242, 3, 881250949}, {186, 302, 3, 891717742}, {22, 377, 1, 878887116},
    {244, 51, 2, 880606923},  {166, 346, 1, 886397596}, {298, 474, 4, 884182806},
    {115, 265, 2, 881171488}, {253, 465, 5, 891628467}, {305, 451, 3, 886324817},
    {6, 86, 3, 883603013},    {196, 302, 4, 881251863}, {186, 242, 5, 891717743},
};

const Ratings kDat = {
    {1, 1193, 5, 978300760}, {1, 661, 3, 978302109},  {1, 914, 3, 978301968},
    {1, 3408, 4, 978300275}, {2, 1357, 5, 978298709}, {2, 3068, 4, 978299000},
    {2, 1537, 4, 978299620}, {3, 3421, 4, 978298147}, {3, 648, 3, 978297867},
    {3, 1193, 4, 978297757}, {4, 3468, 5, 978294008}, {10, 2987, 4, 978243170},
};

const Ratings kCsv = {
    {1, 1, 4.0, 964982703},   {1, 3, 4.0, 964981247},      {1, 6, 4.0, 964982224},
    {1, 47, 5.0, 964983815},  {1, 50, 5.0, 964982931},     {2, 1, 3.5, 1445714835},
    {2, 50, 4.5, 1445714952}, {3, 1, 0.5, 1306463578},     {3, 6, 2.5, 1306464116},
    {3, 47, 3.0, 1306463595}, {4, 296, 3.5, 1573944252},   {4, 209171, 1.0, 1573938898},
};

const Ratings kSmallCsv = {
    {1, 296, 5.0, 1147880044},
    {1, 306, 3.5, 1147868817},
    {2, 296, 4.0, 1141415852},
    {3, 31, 0.5, 1439472215},
};

//! Compares every column of `data` with `expected`, row by row, through the raw ids.
void compareRatings(const RatingDataset &data, const Ratings &expected)
{
    QCOMPARE(data.size(), size_t(expected.size()));
    QCOMPARE(data.items.size(), data.size());
    QCOMPARE(data.halfStars.size(), data.size());
    QCOMPARE(data.timestamps.size(), data.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const size_t row = size_t(i);
        const Rating &e = expected[i];
        QCOMPARE(data.userIds.rawId(data.users[row]), e.user);
        QCOMPARE(data.itemIds.rawId(data.items[row]), e.item);
        QCOMPARE(data.rating(row), e.stars);
        QCOMPARE(data.timestamps[row], e.timestamp);
    }
}

qsizetype distinct(const Ratings &ratings, uint32_t Rating::*field)
{
    QList<uint32_t> seen;
    for (const Rating &r : ratings)
        if (!seen.contains(r.*field))
            seen << r.*field;
    return seen.size();
}

//! An in-memory u.data of `lines` well-formed lines.
QByteArray generatedUData(int lines)
{
    QByteArray out;
    out.reserve(qsizetype(lines) * 24);
    for (int i = 0; i < lines; ++i)
        out += QByteArray::number(1 + i / 50) + '\t' + QByteArray::number(1 + i % 1700) + '\t'
               + QByteArray::number(1 + i % 5) + '\t' + QByteArray::number(880000000 + i) + '\n';
    return out;
}

} // namespace

Q_DECLARE_METATYPE(Rating)
Q_DECLARE_METATYPE(Ncf::Layout)

class tst_MovieLensReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goodFixture_data();
    void goodFixture();
    void duplicates_data();
    void duplicates();
    void badFixture_data();
    void badFixture();
    void lenientSkipsTheBadLine_data();
    void lenientSkipsTheBadLine();
    void lenientReportsFirstProblems();
    void lenientAllLinesBad();
    void resolvesFileOrFolder_data();
    void resolvesFileOrFolder();
    void resolveErrors();
    void missingFile();
    void parseInMemory();
    void largestIdsAccepted();
    void idsOfEveryLength_data();
    void idsOfEveryLength();
    void randomRowsRoundTrip_data();
    void randomRowsRoundTrip();
    void cancelThroughProgress();
    void progressReachesTotal();
};

void tst_MovieLensReader::goodFixture_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<Layout>("layout");
    QTest::addColumn<Ratings>("expected");
    QTest::addColumn<qint64>("lines");

    QTest::newRow("u.data 100k tabs") << "good/u.data" << Layout::UData << kUData << qint64(12);
    QTest::newRow("ratings.dat 1m double colons")
        << "good/ratings.dat" << Layout::Dat << kDat << qint64(12);
    QTest::newRow("ratings.csv 25m half stars")
        << "good/ratings.csv" << Layout::Csv << kCsv << qint64(13);
    QTest::newRow("folder resolves to ratings.csv")
        << "good/ml-folder" << Layout::Csv
        << Ratings{{7, 318, 4.5, 1230000000}, {7, 356, 3.0, 1230000100},
                   {8, 318, 5.0, 1240000000}}
        << qint64(4);
    QTest::newRow("crlf line endings") << "good/crlf.csv" << Layout::Csv << kSmallCsv << qint64(5);
    QTest::newRow("utf-8 bom") << "good/bom.csv" << Layout::Csv << kSmallCsv << qint64(5);
    QTest::newRow("no final newline")
        << "good/nofinalnewline.dat" << Layout::Dat
        << Ratings{{1, 1193, 5, 978300760}, {1, 661, 3, 978302109}, {2, 1357, 4, 978298709}}
        << qint64(3);
}

void tst_MovieLensReader::goodFixture()
{
    QFETCH(QString, path);
    QFETCH(Layout, layout);
    QFETCH(Ratings, expected);
    QFETCH(qint64, lines);

    const Result<RatingDataset> data = loadRatings(dataPath(path));
    QVERIFY2(data.ok(), qPrintable(data ? QString() : data.error()));
    QCOMPARE(data->layout, layout);
    compareRatings(*data, expected);
    if (QTest::currentTestFailed())
        return;

    // Dense indices follow first appearance, one per distinct raw id.
    QCOMPARE(qsizetype(data->userIds.size()), distinct(expected, &Rating::user));
    QCOMPARE(qsizetype(data->itemIds.size()), distinct(expected, &Rating::item));
    QCOMPARE(data->users.front(), 0u);
    QCOMPARE(data->items.front(), 0u);
    uint32_t nextUser = 0, nextItem = 0;
    for (size_t row = 0; row < data->size(); ++row) {
        QVERIFY(data->users[row] <= nextUser);
        QVERIFY(data->items[row] <= nextItem);
        nextUser = std::max(nextUser, data->users[row] + 1);
        nextItem = std::max(nextItem, data->items[row] + 1);
    }

    const QString file = *resolveRatingsFile(dataPath(path));
    QCOMPARE(data->path, file);
    QCOMPARE(data->report.lines, lines);
    QCOMPARE(data->report.bytes, QFileInfo(file).size());
    QCOMPARE(data->report.skippedLines, qint64(0));
    QVERIFY(data->report.firstProblems.isEmpty());
    QCOMPARE(data->report.duplicatePairs, qint64(0));
}

void tst_MovieLensReader::duplicates_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<QStringList>("examples");
    QTest::addColumn<size_t>("rows");

    // Sorted by user then movie: checked in one pass over neighbouring rows.
    QTest::newRow("two repeated pairs, sorted file")
        << "good/duplicates.csv" << qint64(2)
        << QStringList{"user 1, movie 296", "user 3, movie 31"} << size_t(7);
    // Unsorted: rows are grouped by user first; one pair is on three rows, so two repeats.
    QTest::newRow("a pair on three rows, unsorted file")
        << "good/duplicates-unsorted.data" << qint64(2)
        << QStringList{"user 5, movie 10", "user 5, movie 10"} << size_t(6);
}

void tst_MovieLensReader::duplicates()
{
    QFETCH(QString, path);
    QFETCH(qint64, count);
    QFETCH(QStringList, examples);
    QFETCH(size_t, rows);

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(": %1 duplicate \\(user, movie\\) "
                                                           "pairs$")
                                                .arg(count)));
    const Result<RatingDataset> data = loadRatings(dataPath(path));
    QVERIFY2(data.ok(), qPrintable(data ? QString() : data.error()));
    // Duplicates are reported, not dropped.
    QCOMPARE(data->size(), rows);
    QCOMPARE(data->report.duplicatePairs, count);
    QCOMPARE(data->report.duplicateExamples, examples);
}

void tst_MovieLensReader::badFixture_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("location"); // "LINE:COLUMN", empty for file-level problems
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<int>("goodRows"); // rows a lenient load keeps; -1: lenient fails too

    // Layout and file-level problems.
    QTest::newRow("empty file") << "bad/empty.csv" << "" << "the file is empty" << -1;
    QTest::newRow("only blank lines") << "bad/blank-lines.data" << "" << "the file is empty" << -1;
    QTest::newRow("header only")
        << "bad/header-only.csv" << "" << "the file has a header but no ratings" << -1;
    QTest::newRow("unknown layout movies.csv header")
        << "bad/movies-header.csv" << "1:1"
        << "unknown layout: the first line 'movieId,title,genres' is not a ratings header" << -1;
    QTest::newRow("unknown layout semicolons")
        << "bad/semicolon.csv" << "1:1" << "unknown layout: no delimiter found in '1;1193" << -1;
    QTest::newRow("comma-separated without header")
        << "bad/no-header.csv" << "1:1"
        << "comma-separated ratings need the header 'userId,movieId,rating,timestamp'" << -1;

    // Delimiters.
    QTest::newRow("wrong delimiter comma in ratings.dat")
        << "bad/wrong-delimiter-comma.dat" << "3:2"
        << "wrong or mixed delimiter after the user id: expected '::' as everywhere in a "
           "ratings.dat file, found ','"
        << 3;
    QTest::newRow("wrong delimiter single colon in ratings.dat")
        << "bad/wrong-delimiter-colon.dat" << "4:8"
        << "wrong or mixed delimiter after the movie id: expected '::' as everywhere in a "
           "ratings.dat file, found ':'"
        << 4;
    QTest::newRow("mixed delimiter spaces in u.data")
        << "bad/mixed-delimiter-space.data" << "5:4"
        << "wrong or mixed delimiter after the user id: expected '\\t' as everywhere in a "
           "u.data file, found ' '"
        << 5;
    QTest::newRow("mixed delimiter comma in u.data")
        << "bad/mixed-delimiter-comma.data" << "3:7"
        << "wrong or mixed delimiter after the movie id: expected '\\t' as everywhere in a "
           "u.data file, found ','"
        << 3;

    // Fields and ids.
    QTest::newRow("missing timestamp field")
        << "bad/missing-field.csv" << "4:10"
        << "missing field 4 (timestamp): expected 4 fields separated by ','" << 3;
    QTest::newRow("missing timestamp after tab")
        << "bad/missing-timestamp.data" << "4:11" << "missing field 4 (timestamp)" << 4;
    QTest::newRow("missing field in crlf file")
        << "bad/missing-field-crlf.csv" << "4:10" << "missing field 4 (timestamp)" << 3;
    QTest::newRow("empty movie id")
        << "bad/missing-id.csv" << "3:3" << "missing field 2 (movie id)" << 2;
    QTest::newRow("non-numeric movie id")
        << "bad/non-numeric-id.csv" << "4:3"
        << "movie id: expected a whole number, found 'tt0111161'" << 3;
    QTest::newRow("negative movie id")
        << "bad/negative-id.data" << "3:5" << "movie id must not be negative, found '-242'" << 3;
    QTest::newRow("movie id beyond 32 bits")
        << "bad/id-beyond-32-bits.dat" << "3:4"
        << "movie id 4294967296 does not fit in 32 bits" << 3;
    QTest::newRow("timestamp beyond 32 bits")
        << "bad/timestamp-beyond-32-bits.dat" << "4:12"
        << "timestamp 99999999999 does not fit in 32 bits" << 4;

    // Ratings.
    QTest::newRow("rating NaN")
        << "bad/rating-nan.csv" << "4:7" << "rating is NaN: expected a number from 0.5 to 5" << 3;
    QTest::newRow("rating 6 in u.data")
        << "bad/rating-6.data" << "3:8" << "rating 6 is outside the u.data scale 1 to 5" << 3;
    QTest::newRow("rating 0 in ratings.csv")
        << "bad/rating-0.csv" << "4:6" << "rating 0 is outside the ratings.csv scale 0.5 to 5"
        << 3;
    QTest::newRow("rating 5.5 in ratings.csv")
        << "bad/rating-5.5.csv" << "3:6"
        << "rating 5.5 is outside the ratings.csv scale 0.5 to 5" << 2;
    QTest::newRow("half star in u.data")
        << "bad/rating-half-star.data" << "5:8"
        << "rating 3.5 is not a whole number of stars, as u.data files use" << 5;
    QTest::newRow("rating 3.7 off the half-star step")
        << "bad/rating-off-step.csv" << "4:5" << "rating 3.7 is not a multiple of 0.5 stars" << 3;

    // The end of the line.
    QTest::newRow("garbage glued to the timestamp")
        << "bad/trailing-garbage.dat" << "3:21" << "unexpected text after the timestamp: 'abc'"
        << 3;
    QTest::newRow("text after the timestamp")
        << "bad/trailing-text.data" << "4:20" << "unexpected text after the timestamp: ' x'" << 4;
    QTest::newRow("too many fields")
        << "bad/too-many-fields.csv" << "4:21"
        << "too many fields: expected 4 (user id, movie id, rating, timestamp)" << 3;
}

void tst_MovieLensReader::badFixture()
{
    QFETCH(QString, path);
    QFETCH(QString, location);
    QFETCH(QString, phrase);

    const QString file = dataPath(path);
    const Result<RatingDataset> data = loadRatings(file);
    QVERIFY2(!data.ok(), "a bad file loaded");
    const QString prefix = location.isEmpty() ? file + QStringLiteral(": ")
                                              : file + u':' + location + QStringLiteral(": ");
    QVERIFY2(data.error().startsWith(prefix), qPrintable(data.error()));
    QVERIFY2(data.error().contains(phrase), qPrintable(data.error()));
    // One problem, one location: no second "FILE:LINE:" glued on.
    QCOMPARE(data.error().count(file), qsizetype(1));
}

void tst_MovieLensReader::lenientSkipsTheBadLine_data()
{
    badFixture_data();
}

void tst_MovieLensReader::lenientSkipsTheBadLine()
{
    QFETCH(QString, path);
    QFETCH(int, goodRows);

    const QString file = dataPath(path);
    const Result<RatingDataset> strict = loadRatings(file);
    QVERIFY(!strict.ok());
    if (goodRows >= 0)
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped 1 bad")));
    const Result<RatingDataset> data = loadRatings(file, LoadOptions{.lenient = true});
    if (goodRows < 0) {
        // Layout problems cannot be skipped line by line.
        QVERIFY(!data.ok());
        QCOMPARE(data.error(), strict.error());
        return;
    }
    QVERIFY2(data.ok(), qPrintable(data ? QString() : data.error()));
    QCOMPARE(data->size(), size_t(goodRows));
    QCOMPARE(data->report.skippedLines, qint64(1));
    QCOMPARE(data->report.firstProblems, QStringList{strict.error()});
}

void tst_MovieLensReader::lenientReportsFirstProblems()
{
    const QString file = dataPath(QStringLiteral("bad/lenient.data"));
    const Result<RatingDataset> strict = loadRatings(file);
    QVERIFY(!strict.ok());
    QVERIFY2(strict.error().startsWith(file + QStringLiteral(":3:6: rating 9 is outside")),
             qPrintable(strict.error()));

    const Result<RatingDataset> data = loadRatings(file, LoadOptions{.lenient = true});
    QVERIFY2(data.ok(), qPrintable(data ? QString() : data.error()));
    compareRatings(*data, {{1, 10, 4, 880000001},
                           {1, 11, 3, 880000002},
                           {2, 10, 5, 880000005},
                           {2, 12, 2, 880000007},
                           {3, 13, 1, 880000013}});
    QCOMPARE(data->report.lines, qint64(13));
    QCOMPARE(data->report.skippedLines, qint64(7)); // the blank line 10 is no problem
    const QStringList &problems = data->report.firstProblems;
    QCOMPARE(problems.size(), 5);
    const QStringList expected = {
        ":3:6: rating 9 is outside the u.data scale",
        ":4:1: user id: expected a whole number, found 'x'",
        ":6:6: rating 3.5 is not a whole number of stars",
        ":8:7: missing field 4 (timestamp)",
        ":9:2: wrong or mixed delimiter after the user id",
    };
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(problems[i].startsWith(file + expected[i]), qPrintable(problems[i]));

    // Fewer kept messages, same count.
    LoadOptions two;
    two.lenient = true;
    two.maxReportedProblems = 2;
    const Result<RatingDataset> fewer = loadRatings(file, two);
    QVERIFY(fewer.ok());
    QCOMPARE(fewer->report.skippedLines, qint64(7));
    QCOMPARE(fewer->report.firstProblems, problems.mid(0, 2));

    // The last bad lines, beyond the five kept, are located as precisely.
    LoadOptions all;
    all.lenient = true;
    all.maxReportedProblems = 100;
    const Result<RatingDataset> every = loadRatings(file, all);
    QVERIFY(every.ok());
    QCOMPARE(every->report.firstProblems.size(), 7);
    QVERIFY2(every->report.firstProblems[5].startsWith(
                 file + ":11:6: rating -1 is outside the u.data scale 1 to 5"),
             qPrintable(every->report.firstProblems[5]));
    QVERIFY2(every->report.firstProblems[6].startsWith(file + ":12:17: too many fields"),
             qPrintable(every->report.firstProblems[6]));
}

void tst_MovieLensReader::lenientAllLinesBad()
{
    const QByteArray bytes("1\t2\t9\t100\n1\t3\t0\t200\n");
    const Result<RatingDataset> data = parseRatings(bytes.constData(), bytes.size(),
                                                    QStringLiteral("mem.data"),
                                                    LoadOptions{.lenient = true});
    QVERIFY(!data.ok());
    QVERIFY2(data.error().startsWith(QStringLiteral("mem.data: no valid ratings: all 2 data "
                                                    "lines are bad; the first: mem.data:1:5: "
                                                    "rating 9")),
             qPrintable(data.error()));
}

void tst_MovieLensReader::resolvesFileOrFolder_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");

    QTest::newRow("a file is itself") << "good/u.data" << "good/u.data";
    QTest::newRow("folder with ratings.csv") << "good/ml-folder" << "good/ml-folder/ratings.csv";
    // good/ holds ratings.csv, ratings.dat and u.data: ratings.csv comes first.
    QTest::newRow("ratings.csv before the others") << "good" << "good/ratings.csv";
}

void tst_MovieLensReader::resolvesFileOrFolder()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);

    const Result<QString> file = resolveRatingsFile(dataPath(path));
    QVERIFY2(file.ok(), qPrintable(file ? QString() : file.error()));
    QCOMPARE(QFileInfo(*file).canonicalFilePath(),
             QFileInfo(dataPath(expected)).canonicalFilePath());
}

void tst_MovieLensReader::resolveErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Result<QString> none = resolveRatingsFile(dir.path());
    QVERIFY(!none.ok());
    QVERIFY2(none.error().contains(QStringLiteral("the folder holds no MovieLens ratings file")),
             qPrintable(none.error()));

    // ratings.dat comes before u.data.
    QVERIFY(QFile::copy(dataPath(QStringLiteral("good/u.data")), dir.filePath("u.data")));
    QCOMPARE(*resolveRatingsFile(dir.path()), dir.filePath("u.data"));
    QVERIFY(QFile::copy(dataPath(QStringLiteral("good/ratings.dat")),
                        dir.filePath("ratings.dat")));
    QCOMPARE(*resolveRatingsFile(dir.path()), dir.filePath("ratings.dat"));

    const Result<RatingDataset> loaded = loadRatings(dir.path());
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->layout, Layout::Dat);
    QCOMPARE(loaded->path, dir.filePath("ratings.dat"));
}

void tst_MovieLensReader::missingFile()
{
    const QString path = dataPath(QStringLiteral("good/no-such-file.csv"));
    const Result<RatingDataset> data = loadRatings(path);
    QVERIFY(!data.ok());
    QCOMPARE(data.error(), path + QStringLiteral(": no such file or folder"));
}

void tst_MovieLensReader::parseInMemory()
{
    const QByteArray bytes("userId,movieId,rating,timestamp\n"
                           "5,10,3.5,1000\n"
                           "5,11,4.0,1001\n"
                           "\n"
                           "9,10,0.5,1002\n");
    const Result<RatingDataset> data = parseRatings(bytes.constData(), bytes.size(),
                                                    QStringLiteral("buffer"));
    QVERIFY2(data.ok(), qPrintable(data ? QString() : data.error()));
    QCOMPARE(data->layout, Layout::Csv);
    QCOMPARE(data->path, QStringLiteral("buffer"));
    compareRatings(*data, {{5, 10, 3.5, 1000}, {5, 11, 4.0, 1001}, {9, 10, 0.5, 1002}});
    QCOMPARE(data->users, (std::vector<uint32_t>{0, 0, 1}));
    QCOMPARE(data->items, (std::vector<uint32_t>{0, 1, 0}));
    QCOMPARE(data->halfStars, (std::vector<uint8_t>{7, 8, 1}));
    QCOMPARE(data->report.bytes, qint64(bytes.size()));
    QCOMPARE(data->report.lines, qint64(5));

    // The name stands for the file in messages.
    const QByteArray bad("1::2::3::4\n1::2::3::5\n1::2::x::6\n");
    const Result<RatingDataset> failed = parseRatings(bad.constData(), bad.size(),
                                                      QStringLiteral("upload"));
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().startsWith(QStringLiteral("upload:3:7: rating: expected a number")),
             qPrintable(failed.error()));

    // ratings.dat also carries the 10M release's half stars.
    const QByteArray tenM("1::122::3.5::838985046\n1::185::5::838983525\n");
    const Result<RatingDataset> halves = parseRatings(tenM.constData(), tenM.size(),
                                                      QStringLiteral("10m"));
    QVERIFY2(halves.ok(), qPrintable(halves ? QString() : halves.error()));
    QCOMPARE(halves->layout, Layout::Dat);
    compareRatings(*halves, {{1, 122, 3.5, 838985046}, {1, 185, 5.0, 838983525}});
}

void tst_MovieLensReader::largestIdsAccepted()
{
    // 4294967295 is the largest 32-bit id (and IdMap's kAbsent as a dense index, not a raw id).
    const QByteArray bytes("4294967295\t4294967295\t5\t4294967295\n1\t4294967294\t1\t0\n");
    const Result<RatingDataset> data = parseRatings(bytes.constData(), bytes.size(),
                                                    QStringLiteral("big"));
    QVERIFY2(data.ok(), qPrintable(data ? QString() : data.error()));
    compareRatings(*data, {{4294967295u, 4294967295u, 5, 4294967295u}, {1, 4294967294u, 1, 0}});
    QCOMPARE(data->userIds.size(), size_t(2));
    QCOMPARE(data->itemIds.size(), size_t(2));
}

void tst_MovieLensReader::idsOfEveryLength_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Ratings>("expected");

    // The fast path reads up to eight digits at once; lengths around eight and lines that
    // end close to the buffer's end are where it can go wrong.
    QTest::newRow("8 and 9 digits")
        << QByteArray("12345678\t123456789\t4\t87654321\n")
        << Ratings{{12345678, 123456789, 4, 87654321}};
    QTest::newRow("7 and 10 digits")
        << QByteArray("1234567\t4294967295\t2\t1000000000\n")
        << Ratings{{1234567, 4294967295u, 2, 1000000000}};
    QTest::newRow("leading zeros")
        << QByteArray("007\t00000042\t5\t0000000001\n") << Ratings{{7, 42, 5, 1}};
    QTest::newRow("short last line without newline")
        << QByteArray("1\t2\t3\t4\n5\t6\t1\t7") << Ratings{{1, 2, 3, 4}, {5, 6, 1, 7}};
    QTest::newRow("8-digit timestamp ends the buffer")
        << QByteArray("3\t4\t5\t12345678") << Ratings{{3, 4, 5, 12345678}};
    QTest::newRow("10-digit timestamp ends the buffer")
        << QByteArray("3\t4\t5\t4294967295") << Ratings{{3, 4, 5, 4294967295u}};
    QTest::newRow("zeros") << QByteArray("0\t0\t1\t0\r\n") << Ratings{{0, 0, 1, 0}};
}

void tst_MovieLensReader::idsOfEveryLength()
{
    QFETCH(QByteArray, text);
    QFETCH(Ratings, expected);

    const Result<RatingDataset> data = parseRatings(text.constData(), text.size(),
                                                    QStringLiteral("ids.data"));
    QVERIFY2(data.ok(), qPrintable(data ? QString() : data.error()));
    compareRatings(*data, expected);
}

void tst_MovieLensReader::randomRowsRoundTrip_data()
{
    QTest::addColumn<Layout>("layout");
    QTest::addColumn<bool>("crlf");
    QTest::addColumn<bool>("sorted"); // by user then movie, as ratings.csv is

    QTest::newRow("u.data") << Layout::UData << false << false;
    QTest::newRow("ratings.dat") << Layout::Dat << false << false;
    QTest::newRow("ratings.csv") << Layout::Csv << false << false;
    QTest::newRow("ratings.csv crlf") << Layout::Csv << true << false;
    QTest::newRow("ratings.csv sorted") << Layout::Csv << false << true;
}

void tst_MovieLensReader::randomRowsRoundTrip()
{
    QFETCH(Layout, layout);
    QFETCH(bool, crlf);
    QFETCH(bool, sorted);

    // Random rows with ids and timestamps of every length from 1 to 10 digits, written by
    // hand in the layout, must read back exactly.
    Rng rng(1234);
    auto randomId = [&] {
        const int digits = 1 + int(rng.below(10));
        uint64_t limit = 1;
        for (int d = 0; d < digits; ++d)
            limit *= 10;
        return uint32_t(std::min<uint64_t>(rng.below(limit), UINT32_MAX));
    };
    const RatingScale scale = scaleOf(layout);
    const QByteArray delim = layout == Layout::UData ? "\t" : layout == Layout::Dat ? "::" : ",";
    QByteArray text = layout == Layout::Csv ? "userId,movieId,rating,timestamp\n" : "";
    Ratings expected;
    for (int i = 0; i < 20000; ++i) {
        const int steps = (scale.maxHalfStars - scale.minHalfStars) / scale.stepHalfStars;
        const int halfStars = scale.minHalfStars + scale.stepHalfStars * int(rng.below(steps + 1));
        expected << Rating{randomId(), randomId(), halfStars * 0.5, randomId()};
    }
    if (sorted)
        std::stable_sort(expected.begin(), expected.end(), [](const Rating &a, const Rating &b) {
            return a.user != b.user ? a.user < b.user : a.item < b.item;
        });
    for (const Rating &r : expected) {
        const int halfStars = int(r.stars * 2);
        QByteArray stars = QByteArray::number(halfStars / 2);
        if (halfStars % 2)
            stars += ".5";
        else if (layout == Layout::Csv)
            stars += ".0";
        text += QByteArray::number(r.user) + delim + QByteArray::number(r.item) + delim + stars
                + delim + QByteArray::number(r.timestamp) + (crlf ? "\r\n" : "\n");
    }
    text.chop(crlf ? 2 : 1); // and no final newline

    // Short ids collide, so some pairs repeat: count them independently of the reader.
    QSet<quint64> pairs;
    qint64 repeats = 0;
    for (const Rating &r : expected) {
        const quint64 key = (quint64(r.user) << 32) | r.item;
        repeats += pairs.contains(key);
        pairs.insert(key);
    }
    QVERIFY(repeats > 0);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("random : %1 duplicate")
                                                              .arg(repeats)));

    const Result<RatingDataset> data = parseRatings(text.constData(), text.size(),
                                                    QStringLiteral("random"));
    QVERIFY2(data.ok(), qPrintable(data ? QString() : data.error()));
    QCOMPARE(data->layout, layout);
    compareRatings(*data, expected);
    QCOMPARE(data->report.duplicatePairs, repeats);
}

void tst_MovieLensReader::cancelThroughProgress()
{
    const QByteArray bytes = generatedUData(500'000);
    QVERIFY(bytes.size() > (qint64(8) << 20));

    int calls = 0;
    const Result<RatingDataset> data = parseRatings(
        bytes.constData(), bytes.size(), QStringLiteral("big.data"), {},
        [&](qint64 done, qint64 total) {
            ++calls;
            [&] { QCOMPARE(total, qint64(bytes.size())); }();
            return done < (qint64(6) << 20); // cancel at the second report
        });
    QVERIFY(!data.ok());
    QCOMPARE(calls, 2);
    QVERIFY2(data.error().contains(QStringLiteral("cancelled")), qPrintable(data.error()));
    QVERIFY(data.error().startsWith(QStringLiteral("big.data: ")));
}

void tst_MovieLensReader::progressReachesTotal()
{
    const QByteArray bytes = generatedUData(500'000);
    QList<qint64> seen;
    const Result<RatingDataset> data = parseRatings(bytes.constData(), bytes.size(),
                                                    QStringLiteral("big.data"), {},
                                                    [&](qint64 done, qint64) {
                                                        seen << done;
                                                        return true;
                                                    });
    QVERIFY2(data.ok(), qPrintable(data ? QString() : data.error()));
    QCOMPARE(data->size(), size_t(500'000));
    QVERIFY(seen.size() >= 3);
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    QCOMPARE(seen.back(), qint64(bytes.size()));
    QCOMPARE(data->userIds.rawId(data->users.back()), 10'000u);
    QCOMPARE(data->rating(499'999), 5.0);
}

QTEST_GUILESS_MAIN(tst_MovieLensReader)

#include "tst_movielensreader.moc"
