#include "core/data/splits.h"

#include "core/common/random.h"
#include "core/data/ratingdataset.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

using namespace Ncf;

namespace {

bool isAscending(const RowList &rows)
{
    return std::adjacent_find(rows.begin(), rows.end(), std::greater_equal<>()) == rows.end();
}

//! True when the lists are pairwise disjoint and together hold exactly rows 0..n-1.
bool partitions(const std::vector<const RowList *> &parts, size_t n)
{
    std::vector<int> seen(n, 0);
    for (const RowList *part : parts)
        for (uint32_t row : *part) {
            if (row >= n || seen[row]++)
                return false;
        }
    return std::all_of(seen.begin(), seen.end(), [](int s) { return s == 1; });
}

//! `n` ratings with timestamps drawn from a small range, so many rows tie.
RatingDataset datasetWithTimes(size_t n, uint64_t seed)
{
    RatingDataset data;
    data.path = QStringLiteral("times.csv");
    Rng rng(seed);
    for (size_t i = 0; i < n; ++i)
        data.append(uint32_t(1 + i / 10), uint32_t(1 + i % 10), 8,
                    uint32_t(1'000'000 + rng.below(n / 4 + 1)));
    return data;
}

} // namespace

Q_DECLARE_METATYPE(Ncf::StreamOrder)

class tst_Splits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void holdout_data();
    void holdout();
    void holdoutSeeds();
    void kFolds_data();
    void kFolds();
    void kFoldsSeeds();
    void continual_data();
    void continual();
    void continualSeeds();
    void continualErrors_data();
    void continualErrors();
};

void tst_Splits::holdout_data()
{
    QTest::addColumn<qulonglong>("n");
    QTest::addColumn<double>("fraction");
    QTest::addColumn<qulonglong>("trainSize");

    QTest::newRow("100k at 0.9") << 100000ull << 0.9 << 90000ull;
    QTest::newRow("rounds 0.5 up: 15 x 0.9 = 13.5") << 15ull << 0.9 << 14ull;
    QTest::newRow("rounds down: 11 x 0.9 = 9.9") << 11ull << 0.9 << 10ull;
    QTest::newRow("1001 at 0.8 = 800.8") << 1001ull << 0.8 << 801ull;
    QTest::newRow("all train") << 50ull << 1.0 << 50ull;
    QTest::newRow("all test") << 50ull << 0.0 << 0ull;
    QTest::newRow("clamped above 1") << 50ull << 1.5 << 50ull;
    QTest::newRow("empty") << 0ull << 0.9 << 0ull;
}

void tst_Splits::holdout()
{
    QFETCH(qulonglong, n);
    QFETCH(double, fraction);
    QFETCH(qulonglong, trainSize);

    const Holdout split = holdoutSplit(n, fraction, 7);
    QCOMPARE(split.train.size(), size_t(trainSize));
    QCOMPARE(split.test.size(), size_t(n - trainSize));
    QVERIFY(isAscending(split.train));
    QVERIFY(isAscending(split.test));
    QVERIFY(partitions({&split.train, &split.test}, n));
}

void tst_Splits::holdoutSeeds()
{
    const Holdout a = holdoutSplit(10000, 0.9, 42);
    const Holdout b = holdoutSplit(10000, 0.9, 42);
    const Holdout c = holdoutSplit(10000, 0.9, 43);
    QCOMPARE(a.train, b.train);
    QCOMPARE(a.test, b.test);
    QVERIFY(a.test != c.test);
    QCOMPARE(a.test.size(), c.test.size());

    // Random, not a block: the test rows are spread over the whole file.
    QVERIFY(a.test.front() < 100);
    QVERIFY(a.test.back() > 9900);
}

void tst_Splits::kFolds_data()
{
    QTest::addColumn<qulonglong>("n");
    QTest::addColumn<int>("k");

    QTest::newRow("even 100 / 10") << 100ull << 10;
    QTest::newRow("uneven 103 / 10") << 103ull << 10;
    QTest::newRow("uneven 1000 / 7") << 1000ull << 7;
    QTest::newRow("fewer rows than folds") << 3ull << 5;
    QTest::newRow("one fold") << 20ull << 1;
}

void tst_Splits::kFolds()
{
    QFETCH(qulonglong, n);
    QFETCH(int, k);

    const std::vector<RowList> folds = Ncf::kFolds(n, k, 42);
    QCOMPARE(folds.size(), size_t(k));
    std::vector<const RowList *> parts;
    size_t smallest = n, largest = 0;
    for (const RowList &fold : folds) {
        QVERIFY(isAscending(fold));
        parts.push_back(&fold);
        smallest = std::min(smallest, fold.size());
        largest = std::max(largest, fold.size());
    }
    QVERIFY2(largest - smallest <= 1, "fold sizes differ by more than one");
    QCOMPARE(smallest, size_t(n / size_t(k)));
    QVERIFY(partitions(parts, n));

    for (int f = 0; f < k; ++f) {
        const RowList train = foldTrainingRows(folds, f);
        QCOMPARE(train.size(), n - folds[size_t(f)].size());
        QVERIFY(isAscending(train));
        QVERIFY(partitions({&train, &folds[size_t(f)]}, n));
    }
}

void tst_Splits::kFoldsSeeds()
{
    QCOMPARE(Ncf::kFolds(500, 5, 1), Ncf::kFolds(500, 5, 1));
    QVERIFY(Ncf::kFolds(500, 5, 1) != Ncf::kFolds(500, 5, 2));
}

void tst_Splits::continual_data()
{
    QTest::addColumn<qulonglong>("n");
    QTest::addColumn<qlonglong>("initial");
    QTest::addColumn<double>("testFraction");
    QTest::addColumn<StreamOrder>("order");
    QTest::addColumn<qulonglong>("testSize");

    QTest::newRow("time order") << 2000ull << 500ll << 0.04 << StreamOrder::Time << 60ull;
    QTest::newRow("file order") << 2000ull << 500ll << 0.04 << StreamOrder::File << 60ull;
    QTest::newRow("rounding 0.1 x 35 = 3.5") << 135ull << 100ll << 0.1 << StreamOrder::Time
                                              << 4ull;
    QTest::newRow("no test set") << 300ull << 100ll << 0.0 << StreamOrder::Time << 0ull;
    QTest::newRow("one row to stream") << 10ull << 9ll << 0.04 << StreamOrder::File << 0ull;
}

void tst_Splits::continual()
{
    QFETCH(qulonglong, n);
    QFETCH(qlonglong, initial);
    QFETCH(double, testFraction);
    QFETCH(StreamOrder, order);
    QFETCH(qulonglong, testSize);

    QCOMPARE(size_t(testSize), size_t(std::llround(double(n - initial) * testFraction)));
    const RatingDataset data = datasetWithTimes(n, 5);
    const Result<ContinualSplit> split = continualSplit(
        data, {.initial = initial, .testFraction = testFraction, .order = order, .seed = 9});
    QVERIFY2(split.ok(), qPrintable(split ? QString() : split.error()));
    QCOMPARE(split->initial.size(), size_t(initial));
    QCOMPARE(split->test.size(), size_t(testSize));
    QCOMPARE(split->stream.size(), size_t(n - initial - testSize));
    QVERIFY(isAscending(split->initial));
    QVERIFY(isAscending(split->test));
    QVERIFY(partitions({&split->initial, &split->test, &split->stream}, n));

    for (size_t i = 1; i < split->stream.size(); ++i) {
        const uint32_t a = split->stream[i - 1], b = split->stream[i];
        if (order == StreamOrder::File) {
            QVERIFY(a < b);
        } else {
            // By timestamp; rows with the same timestamp keep file order.
            QVERIFY(data.timestamps[a] <= data.timestamps[b]);
            if (data.timestamps[a] == data.timestamps[b])
                QVERIFY(a < b);
        }
    }
}

void tst_Splits::continualSeeds()
{
    const RatingDataset data = datasetWithTimes(1000, 3);
    const ContinualOptions options{.initial = 400, .testFraction = 0.1};
    const Result<ContinualSplit> a = continualSplit(data, options);
    const Result<ContinualSplit> b = continualSplit(data, options);
    ContinualOptions other = options;
    other.seed = options.seed + 1;
    const Result<ContinualSplit> c = continualSplit(data, other);
    QVERIFY(a.ok() && b.ok() && c.ok());
    QCOMPARE(a->initial, b->initial);
    QCOMPARE(a->test, b->test);
    QCOMPARE(a->stream, b->stream);
    QVERIFY(a->initial != c->initial);
    QVERIFY(a->test != c->test);
}

void tst_Splits::continualErrors_data()
{
    QTest::addColumn<qlonglong>("initial");
    QTest::addColumn<double>("testFraction");
    QTest::addColumn<QString>("message");

    const QString tooLarge = QStringLiteral("the initial training sample of %1 ratings must be "
                                            "positive and smaller than the 100 ratings in "
                                            "times.csv");
    QTest::newRow("initial equals n") << 100ll << 0.04 << tooLarge.arg(100);
    QTest::newRow("initial above n") << 1000000ll << 0.04 << tooLarge.arg(1000000);
    QTest::newRow("initial zero") << 0ll << 0.04 << tooLarge.arg(0);
    QTest::newRow("initial negative") << -5ll << 0.04 << tooLarge.arg(-5);
    QTest::newRow("fraction one") << 50ll << 1.0
                                  << QStringLiteral("the test fraction 1 must be in [0, 1)");
    QTest::newRow("fraction negative")
        << 50ll << -0.1 << QStringLiteral("the test fraction -0.1 must be in [0, 1)");
    QTest::newRow("fraction NaN") << 50ll << std::nan("")
                                  << QStringLiteral("the test fraction nan must be in [0, 1)");
}

void tst_Splits::continualErrors()
{
    QFETCH(qlonglong, initial);
    QFETCH(double, testFraction);
    QFETCH(QString, message);

    const RatingDataset data = datasetWithTimes(100, 1);
    const Result<ContinualSplit> split = continualSplit(
        data, {.initial = initial, .testFraction = testFraction});
    QVERIFY(!split.ok());
    QCOMPARE(split.error(), message);
}

QTEST_GUILESS_MAIN(tst_Splits)

#include "tst_splits.moc"
