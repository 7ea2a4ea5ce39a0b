#include "core/stats/eda.h"

#include "core/data/movielensreader.h"
#include "core/report/table.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>
#include <vector>

using namespace Ncf;

namespace {

constexpr double kTolerance = 1e-9;

bool near(double a, double b, double tolerance = kTolerance)
{
    return std::abs(a - b) < tolerance;
}

//! tests/data/good/ratings.csv: 12 ratings by 4 users of 7 movies, worked out by hand below.
RatingDataset fixture()
{
    Result<RatingDataset> data = loadRatings(QStringLiteral(NCF_TEST_DATA "/good/ratings.csv"));
    return data ? std::move(*data) : RatingDataset();
}

} // namespace

class tst_Eda : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quantileLinear_data();
    void quantileLinear();
    void quantileOfNothing();
    void describe_data();
    void describe();
    void computeEda();
    void json();
    void tables();
};

void tst_Eda::quantileLinear_data()
{
    QTest::addColumn<std::vector<double>>("sorted");
    QTest::addColumn<double>("q");
    QTest::addColumn<double>("expected");

    // pandas/numpy "linear": position q x (n - 1), interpolated between its neighbours.
    const std::vector<double> four{1, 2, 3, 4};
    QTest::newRow("interpolated 0.25") << four << 0.25 << 1.75; // position 0.75
    QTest::newRow("even count median") << four << 0.5 << 2.5;  // position 1.5
    QTest::newRow("interpolated 0.75") << four << 0.75 << 3.25; // position 2.25
    QTest::newRow("q = 0 is the minimum") << four << 0.0 << 1.0;
    QTest::newRow("q = 1 is the maximum") << four << 1.0 << 4.0;
    const std::vector<double> five{2, 3, 5, 7, 11};
    QTest::newRow("odd count median") << five << 0.5 << 5.0; // position 2, exact
    QTest::newRow("odd count p25") << five << 0.25 << 3.0;   // position 1, exact
    QTest::newRow("odd count p90") << five << 0.9 << 9.4;    // position 3.6: 7 + 0.6 x 4
    QTest::newRow("single value") << std::vector<double>{42} << 0.3 << 42.0;
    QTest::newRow("repeated values") << std::vector<double>{1, 1, 1, 2, 2, 2, 3} << 0.75 << 2.0;
    QTest::newRow("two values p10")
        << std::vector<double>{10, 20} << 0.1 << 11.0; // position 0.1
}

void tst_Eda::quantileLinear()
{
    QFETCH(std::vector<double>, sorted);
    QFETCH(double, q);
    QFETCH(double, expected);

    const double value = Ncf::quantileLinear(sorted, q);
    QVERIFY2(near(value, expected), qPrintable(QString::number(value, 'g', 17)));
}

void tst_Eda::quantileOfNothing()
{
    QVERIFY(std::isnan(Ncf::quantileLinear({}, 0.5)));
}

void tst_Eda::describe_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("sd");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("p25");
    QTest::addColumn<double>("p50");
    QTest::addColumn<double>("p75");
    QTest::addColumn<double>("max");

    // Unsorted on purpose. Mean 2.5, squares 2.25 + 0.25 + 0.25 + 2.25 = 5, std sqrt(5 / 3).
    QTest::newRow("four values")
        << std::vector<double>{4, 1, 3, 2} << qint64(4) << 2.5 << std::sqrt(5.0 / 3.0) << 1.0
        << 1.75 << 2.5 << 3.25 << 4.0;
    // Mean 3, squares 1 + 1 + 0 + 4 = 6, std sqrt(6 / 3) = sqrt(2).
    QTest::newRow("user counts 5 2 3 2")
        << std::vector<double>{5, 2, 3, 2} << qint64(4) << 3.0 << std::sqrt(2.0) << 2.0 << 2.0
        << 2.5 << 3.5 << 5.0;
    // One value: pandas reports std as NaN (ddof = 1 divides by zero).
    QTest::newRow("single value") << std::vector<double>{7} << qint64(1) << 7.0 << qQNaN() << 7.0
                                  << 7.0 << 7.0 << 7.0 << 7.0;
}

void tst_Eda::describe()
{
    QFETCH(std::vector<double>, values);
    QFETCH(qint64, count);
    QFETCH(double, mean);
    QFETCH(double, sd);
    QFETCH(double, min);
    QFETCH(double, p25);
    QFETCH(double, p50);
    QFETCH(double, p75);
    QFETCH(double, max);

    const Describe d = Ncf::describe(values);
    QCOMPARE(d.count, count);
    QVERIFY(near(d.mean, mean));
    if (std::isnan(sd))
        QVERIFY(std::isnan(d.std));
    else
        QVERIFY2(near(d.std, sd), qPrintable(QString::number(d.std, 'g', 17)));
    QCOMPARE(d.min, min);
    QVERIFY(near(d.p25, p25));
    QVERIFY(near(d.p50, p50));
    QVERIFY(near(d.p75, p75));
    QCOMPARE(d.max, max);
    QVERIFY(std::is_sorted(values.begin(), values.end())); // sorted in place, as documented
}

void tst_Eda::computeEda()
{
    const RatingDataset data = fixture();
    QCOMPARE(data.size(), size_t(12));
    const EdaSummary s = Ncf::computeEda(data);

    QCOMPARE(s.ratings, qint64(12));
    QCOMPARE(s.users, qint64(4));
    QCOMPARE(s.items, qint64(7));
    // 22 (user 1) + 8 (user 2) + 6 (user 3) + 4.5 (user 4) = 40.5 stars over 12 ratings.
    QVERIFY(near(s.meanRating, 40.5 / 12.0));
    QVERIFY(near(s.densityPct, 100.0 * 12.0 / 28.0));

    // Ratings per user: 5, 2, 3, 2.
    QCOMPARE(s.userCounts.count, qint64(4));
    QVERIFY(near(s.userCounts.mean, 3.0));
    QVERIFY(near(s.userCounts.std, std::sqrt(2.0)));
    QCOMPARE(s.userCounts.min, 2.0);
    QVERIFY(near(s.userCounts.p25, 2.0));
    QVERIFY(near(s.userCounts.p50, 2.5));
    QVERIFY(near(s.userCounts.p75, 3.5));
    QCOMPARE(s.userCounts.max, 5.0);

    // Ratings per movie: 1 -> 3, 3 -> 1, 6 -> 2, 47 -> 2, 50 -> 2, 296 -> 1, 209171 -> 1,
    // sorted 1 1 1 2 2 2 3: mean 12/7, squares (3 x 25 + 3 x 4 + 81) / 49 = 24/7, std sqrt(4/7).
    QCOMPARE(s.itemCounts.count, qint64(7));
    QVERIFY(near(s.itemCounts.mean, 12.0 / 7.0));
    QVERIFY(near(s.itemCounts.std, std::sqrt(4.0 / 7.0)));
    QCOMPARE(s.itemCounts.min, 1.0);
    QVERIFY(near(s.itemCounts.p25, 1.0)); // position 1.5 between two ones
    QVERIFY(near(s.itemCounts.p50, 2.0));
    QVERIFY(near(s.itemCounts.p75, 2.0)); // position 4.5 between two twos
    QCOMPARE(s.itemCounts.max, 3.0);

    const std::map<int, qint64> histogram{{1, 1}, {2, 1}, {5, 1}, {6, 1},
                                          {7, 2}, {8, 3}, {9, 1}, {10, 2}};
    QVERIFY(s.histogram == histogram);
}

void tst_Eda::json()
{
    const QJsonObject json = edaToJson(Ncf::computeEda(fixture()));
    QStringList keys = json.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{"density_pct", "histogram", "item_counts", "items", "mean_rating",
                                "ratings", "user_counts", "users"}));
    QCOMPARE(json.value("ratings").toInteger(), qint64(12));
    QCOMPARE(json.value("users").toInteger(), qint64(4));
    QCOMPARE(json.value("items").toInteger(), qint64(7));
    QVERIFY(near(json.value("mean_rating").toDouble(), 3.375));
    QVERIFY(near(json.value("density_pct").toDouble(), 300.0 / 7.0));

    for (const char *name : {"user_counts", "item_counts"}) {
        const QJsonObject counts = json.value(QLatin1String(name)).toObject();
        for (const char *key : {"count", "mean", "std", "min", "p25", "p50", "p75", "max"})
            QVERIFY2(counts.value(QLatin1String(key)).isDouble(), key);
    }
    const QJsonObject users = json.value("user_counts").toObject();
    QCOMPARE(users.value("count").toInteger(), qint64(4));
    QVERIFY(near(users.value("mean").toDouble(), 3.0));
    QVERIFY(near(users.value("p25").toDouble(), 2.0));
    QVERIFY(near(users.value("p50").toDouble(), 2.5));
    QVERIFY(near(users.value("p75").toDouble(), 3.5));
    QCOMPARE(users.value("min").toDouble(), 2.0);
    QCOMPARE(users.value("max").toDouble(), 5.0);
    const QJsonObject items = json.value("item_counts").toObject();
    QVERIFY(near(items.value("mean").toDouble(), 12.0 / 7.0));
    QCOMPARE(items.value("max").toDouble(), 3.0);

    const QJsonObject histogram = json.value("histogram").toObject();
    QCOMPARE(histogram.keys(),
             (QStringList{"0.5", "1.0", "2.5", "3.0", "3.5", "4.0", "4.5", "5.0"}));
    QCOMPARE(histogram.value("4.0").toInteger(), qint64(3));
    QCOMPARE(histogram.value("3.5").toInteger(), qint64(2));
    QCOMPARE(histogram.value("0.5").toInteger(), qint64(1));

    // A single user has no sample std: JSON null, never NaN.
    RatingDataset one;
    one.append(1, 1, 8, 0);
    const QJsonObject single = edaToJson(Ncf::computeEda(one));
    QVERIFY(single.value("user_counts").toObject().value("std").isNull());
}

void tst_Eda::tables()
{
    const EdaSummary s = Ncf::computeEda(fixture());
    const Table overview = edaOverviewTable(s);
    QCOMPARE(overview.header.size(), 2);
    QCOMPARE(overview.rows.size(), 5);
    QCOMPARE(overview.rows[0], (QStringList{"Ratings", "12"}));
    QCOMPARE(overview.rows[3], (QStringList{"Mean rating", "3.3750"}));
    QCOMPARE(overview.rows[4], (QStringList{"Density (%)", "42.8571"}));

    const Table counts = edaCountsTable(s);
    QCOMPARE(counts.rows.size(), 8);
    QCOMPARE(counts.rows[5], (QStringList{"50%", "2.50", "2.00"}));

    const Table histogram = edaHistogramTable(s);
    QCOMPARE(histogram.rows.size(), 8);
    QCOMPARE(histogram.rows[5], (QStringList{"4.0", "3", "25.00"}));
}

QTEST_GUILESS_MAIN(tst_Eda)

#include "tst_eda.moc"
