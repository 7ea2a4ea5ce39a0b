#include "core/data/synth.h"

#include "core/data/movielensreader.h"
#include "core/data/splits.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

using namespace Ncf;

namespace {

constexpr uint64_t kSeed = 20240611;

//! A 25M-shaped release small enough for a unit test: half stars, ratings.csv, sparse ids.
SynthSpec smallCsvSpec()
{
    SynthSpec spec = synthSpec(SynthShape::Ml25m);
    spec.name = QStringLiteral("25m-small");
    spec.users = 2000;
    spec.items = 1500;
    spec.ratings = 200000;
    return spec;
}

//! A 1M-shaped release, small: ratings.dat, grouped by user in time order.
SynthSpec smallDatSpec()
{
    SynthSpec spec = synthSpec(SynthShape::Ml1m);
    spec.name = QStringLiteral("1m-small");
    spec.users = 500;
    spec.items = 800;
    spec.ratings = 40000;
    return spec;
}

//! Ratings per dense index of `column`, sorted ascending.
std::vector<qint64> sortedCounts(const std::vector<uint32_t> &column, size_t size)
{
    std::vector<qint64> counts(size, 0);
    for (uint32_t v : column)
        ++counts[v];
    std::sort(counts.begin(), counts.end());
    return counts;
}

double median(const std::vector<qint64> &sorted)
{
    const size_t n = sorted.size();
    return n % 2 ? double(sorted[n / 2]) : 0.5 * double(sorted[n / 2 - 1] + sorted[n / 2]);
}

double mean(const std::vector<qint64> &values)
{
    double sum = 0.0;
    for (qint64 v : values)
        sum += double(v);
    return sum / double(values.size());
}

qint64 duplicatePairs(const RatingDataset &data)
{
    std::vector<uint64_t> keys(data.size());
    for (size_t i = 0; i < data.size(); ++i)
        keys[i] = (uint64_t(data.users[i]) << 32) | data.items[i];
    std::sort(keys.begin(), keys.end());
    qint64 repeats = 0;
    for (size_t i = 1; i < keys.size(); ++i)
        repeats += keys[i] == keys[i - 1];
    return repeats;
}

void compareColumns(const RatingDataset &a, const RatingDataset &b)
{
    QCOMPARE(a.size(), b.size());
    QVERIFY(a.users == b.users);
    QVERIFY(a.items == b.items);
    QVERIFY(a.halfStars == b.halfStars);
    QVERIFY(a.timestamps == b.timestamps);
    QVERIFY(a.userIds == b.userIds);
    QVERIFY(a.itemIds == b.itemIds);
}

double rmse(const std::vector<double> &errors)
{
    double sum = 0.0;
    for (double e : errors)
        sum += e * e;
    return std::sqrt(sum / double(errors.size()));
}

} // namespace

Q_DECLARE_METATYPE(Ncf::SynthSpec)

class tst_Synth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ml100kSizes();
    void ml100kSkew();
    void ml100kRatings();
    void noDuplicatePairs_data();
    void noDuplicatePairs();
    void deterministic();
    void halfStarsInCsvShape();
    void fileRoundTrip_data();
    void fileRoundTrip();
    void biasModelBeatsGlobalMean();
    void errors();

private:
    RatingDataset m_ml100k;
};

void tst_Synth::initTestCase()
{
    Result<RatingDataset> data = generateSynthetic(synthSpec(SynthShape::Ml100k), kSeed);
    QVERIFY2(data.ok(), qPrintable(data ? QString() : data.error()));
    m_ml100k = std::move(*data);
}

void tst_Synth::ml100kSizes()
{
    const SynthSpec spec = synthSpec(SynthShape::Ml100k);
    QCOMPARE(m_ml100k.layout, Layout::UData);
    QCOMPARE(m_ml100k.size(), size_t(100000));
    QCOMPARE(m_ml100k.userIds.size(), size_t(943));
    QCOMPARE(m_ml100k.itemIds.size(), size_t(1682));

    // The 100K release numbers users 1..943 and movies 1..1682.
    for (uint32_t raw : m_ml100k.userIds.rawIds())
        QVERIFY(raw >= 1 && raw <= 943);
    for (uint32_t raw : m_ml100k.itemIds.rawIds())
        QVERIFY(raw >= 1 && raw <= 1682);
    for (uint32_t t : m_ml100k.timestamps)
        QVERIFY(t >= spec.firstTimestamp && t <= spec.lastTimestamp);
}

void tst_Synth::ml100kSkew()
{
    const std::vector<qint64> perUser = sortedCounts(m_ml100k.users, m_ml100k.userIds.size());
    QVERIFY2(perUser.front() >= 20, "every 100K user has at least 20 ratings");
    const double userMedian = median(perUser);
    QVERIFY2(mean(perUser) > userMedian, "activity is right-skewed");
    QVERIFY2(double(perUser.back()) > 5.0 * userMedian,
             qPrintable(QStringLiteral("max %1, median %2").arg(perUser.back()).arg(userMedian)));

    const std::vector<qint64> perItem = sortedCounts(m_ml100k.items, m_ml100k.itemIds.size());
    QCOMPARE(perItem.front(), qint64(1)); // the long tail has single-rating movies
    const double itemMedian = median(perItem);
    QVERIFY2(double(perItem.back()) > 10.0 * itemMedian,
             qPrintable(QStringLiteral("max %1, median %2").arg(perItem.back()).arg(itemMedian)));
    QVERIFY(mean(perItem) > itemMedian);
}

void tst_Synth::ml100kRatings()
{
    std::map<int, qint64> histogram;
    double sum = 0.0;
    for (uint8_t h : m_ml100k.halfStars) {
        QVERIFY2(h % 2 == 0 && h >= 2 && h <= 10, "100K ratings are whole stars 1..5");
        ++histogram[h];
        sum += h * 0.5;
    }
    const double meanRating = sum / double(m_ml100k.size());
    QVERIFY2(meanRating > 3.3 && meanRating < 3.8, qPrintable(QString::number(meanRating)));
    const auto mode = std::max_element(histogram.begin(), histogram.end(),
                                       [](const auto &a, const auto &b) {
                                           return a.second < b.second;
                                       });
    QCOMPARE(mode->first, 8); // 4 stars, as in the real release
    QCOMPARE(histogram.size(), size_t(5));
}

void tst_Synth::noDuplicatePairs_data()
{
    QTest::addColumn<SynthSpec>("spec");

    QTest::newRow("100k") << synthSpec(SynthShape::Ml100k);
    QTest::newRow("small 1m") << smallDatSpec();
    QTest::newRow("small 25m") << smallCsvSpec();
}

void tst_Synth::noDuplicatePairs()
{
    QFETCH(SynthSpec, spec);

    const Result<RatingDataset> data = generateSynthetic(spec, kSeed + 1);
    QVERIFY2(data.ok(), qPrintable(data ? QString() : data.error()));
    QCOMPARE(data->size(), size_t(spec.ratings));
    QCOMPARE(data->userIds.size(), size_t(spec.users));
    QCOMPARE(data->itemIds.size(), size_t(spec.items));
    QCOMPARE(duplicatePairs(*data), qint64(0));
}

void tst_Synth::deterministic()
{
    const SynthSpec spec = synthSpec(SynthShape::Ml100k);
    const Result<RatingDataset> again = generateSynthetic(spec, kSeed);
    QVERIFY(again.ok());
    compareColumns(m_ml100k, *again);
    if (QTest::currentTestFailed())
        return;

    const Result<RatingDataset> other = generateSynthetic(spec, kSeed + 1);
    QVERIFY(other.ok());
    QCOMPARE(other->size(), m_ml100k.size());
    QVERIFY(other->items != m_ml100k.items);
    QVERIFY(other->halfStars != m_ml100k.halfStars);
    QVERIFY(other->timestamps != m_ml100k.timestamps);
}

void tst_Synth::halfStarsInCsvShape()
{
    const SynthSpec spec = smallCsvSpec();
    const Result<RatingDataset> data = generateSynthetic(spec, kSeed);
    QVERIFY2(data.ok(), qPrintable(data ? QString() : data.error()));
    QCOMPARE(data->layout, Layout::Csv);

    qint64 halves = 0;
    for (uint8_t h : data->halfStars) {
        QVERIFY(h >= 1 && h <= 10);
        halves += h % 2;
    }
    QVERIFY2(halves > 0, "a 25M-shaped release has half stars");
    QVERIFY(halves < qint64(data->size()) / 2); // most users still give whole stars

    // ratings.csv is sorted by user, then movie id; movie ids spread over the id space.
    for (size_t i = 1; i < data->size(); ++i) {
        const uint32_t u0 = data->userIds.rawId(data->users[i - 1]);
        const uint32_t u1 = data->userIds.rawId(data->users[i]);
        QVERIFY(u0 < u1
                || (u0 == u1
                    && data->itemIds.rawId(data->items[i - 1])
                           < data->itemIds.rawId(data->items[i])));
    }
    const auto &ids = data->itemIds.rawIds();
    QVERIFY(*std::max_element(ids.begin(), ids.end()) > 100000);
    QVERIFY(*std::max_element(ids.begin(), ids.end()) <= spec.itemIdSpace);
}

void tst_Synth::fileRoundTrip_data()
{
    QTest::addColumn<SynthSpec>("spec");
    QTest::addColumn<QString>("fileName");

    QTest::newRow("100k u.data") << synthSpec(SynthShape::Ml100k) << "u.data";
    QTest::newRow("small 1m ratings.dat") << smallDatSpec() << "ratings.dat";
    QTest::newRow("small 25m ratings.csv") << smallCsvSpec() << "ratings.csv";
}

void tst_Synth::fileRoundTrip()
{
    QFETCH(SynthSpec, spec);
    QFETCH(QString, fileName);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString outDir = dir.filePath(QStringLiteral("ml-") + spec.name);
    const Result<QString> path = writeSynthetic(spec, kSeed, outDir);
    QVERIFY2(path.ok(), qPrintable(path ? QString() : path.error()));
    QCOMPARE(QFileInfo(*path).fileName(), fileName);

    // Read back through the real parser, from the folder as a user would pick it.
    const Result<RatingDataset> loaded = loadRatings(outDir);
    QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error()));
    QCOMPARE(loaded->layout, spec.layout);
    QCOMPARE(loaded->report.duplicatePairs, qint64(0));
    QCOMPARE(loaded->report.skippedLines, qint64(0));

    const Result<RatingDataset> generated = generateSynthetic(spec, kSeed);
    QVERIFY(generated.ok());
    compareColumns(*loaded, *generated);
}

void tst_Synth::biasModelBeatsGlobalMean()
{
    const RatingDataset &data = m_ml100k;
    const Holdout split = holdoutSplit(data.size(), 0.9, 42);

    double mu = 0.0;
    for (uint32_t row : split.train)
        mu += data.rating(row);
    mu /= double(split.train.size());

    // Biases by alternating regularised averages (a few passes of coordinate descent).
    constexpr double kUserReg = 5.0;
    constexpr double kItemReg = 10.0;
    std::vector<double> userBias(data.userIds.size(), 0.0);
    std::vector<double> itemBias(data.itemIds.size(), 0.0);
    std::vector<double> sum;
    std::vector<int> count;
    for (int pass = 0; pass < 5; ++pass) {
        sum.assign(itemBias.size(), 0.0);
        count.assign(itemBias.size(), 0);
        for (uint32_t row : split.train) {
            sum[data.items[row]] += data.rating(row) - mu - userBias[data.users[row]];
            ++count[data.items[row]];
        }
        for (size_t i = 0; i < itemBias.size(); ++i)
            itemBias[i] = sum[i] / (kItemReg + count[i]);

        sum.assign(userBias.size(), 0.0);
        count.assign(userBias.size(), 0);
        for (uint32_t row : split.train) {
            sum[data.users[row]] += data.rating(row) - mu - itemBias[data.items[row]];
            ++count[data.users[row]];
        }
        for (size_t u = 0; u < userBias.size(); ++u)
            userBias[u] = sum[u] / (kUserReg + count[u]);
    }

    std::vector<double> meanErrors, biasErrors;
    for (uint32_t row : split.test) {
        const double r = data.rating(row);
        const double predicted = std::clamp(
            mu + userBias[data.users[row]] + itemBias[data.items[row]], 1.0, 5.0);
        meanErrors.push_back(r - mu);
        biasErrors.push_back(r - predicted);
    }
    const double meanRmse = rmse(meanErrors);
    const double biasRmse = rmse(biasErrors);
    qInfo("global mean RMSE %.4f, bias model RMSE %.4f", meanRmse, biasRmse);
    QVERIFY2(biasRmse < 0.95 * meanRmse,
             qPrintable(QStringLiteral("bias %1 vs mean %2").arg(biasRmse).arg(meanRmse)));
}

void tst_Synth::errors()
{
    SynthSpec spec = synthSpec(SynthShape::Ml100k);
    spec.ratings = 943 * 20 - 1; // below 20 ratings per user
    const Result<RatingDataset> tooFew = generateSynthetic(spec, kSeed);
    QVERIFY(!tooFew.ok());
    QVERIFY2(tooFew.error().contains(QStringLiteral("18859 ratings cannot be spread over 943 "
                                                    "users (at least 20 each)")),
             qPrintable(tooFew.error()));

    const Result<RatingDataset> cancelled = generateSynthetic(synthSpec(SynthShape::Ml100k),
                                                              kSeed,
                                                              [](qint64, qint64) { return false; });
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error(), QStringLiteral("generating 100k: cancelled"));

    QCOMPARE(*synthShapeFromName(QStringLiteral("25M")), SynthShape::Ml25m);
    const Result<SynthShape> shape = synthShapeFromName(QStringLiteral("10m"));
    QVERIFY(!shape.ok());
    QCOMPARE(shape.error(), QStringLiteral("unknown shape '10m': expected 100k, 1m or 25m"));
}

QTEST_GUILESS_MAIN(tst_Synth)

#include "tst_synth.moc"
