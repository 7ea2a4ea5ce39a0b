#include "core/models/torchnets_p.h"

#include <QTest>

#include <cmath>

using Ncf::Torch::LazyAdam;

namespace {

constexpr int64_t kRows = 6;
constexpr int64_t kWidth = 4;
constexpr double kBeta1 = 0.9;
constexpr double kBeta2 = 0.999;
constexpr double kEps = 1e-8;

//! A table of `rows` x `width` that takes gradients, drawn from a fixed seed.
torch::Tensor makeTable(int64_t rows, int64_t width, uint64_t seed)
{
    torch::manual_seed(seed);
    return torch::randn({rows, width}).requires_grad_(true);
}

torch::Tensor copyOf(const torch::Tensor &t)
{
    return t.detach().clone().requires_grad_(true);
}

//! Looks rows up as an embedding does, with a sparse or a dense gradient.
torch::Tensor lookUp(const torch::Tensor &table, const torch::Tensor &indices, bool sparse)
{
    return torch::embedding(table, indices, /*padding_idx=*/-1, /*scale_grad_by_freq=*/false,
                            sparse);
}

//! A least-squares loss over a batch of rows: mean of (row . coeff - target)^2.
struct Batch
{
    torch::Tensor indices; //!< int64 [B], duplicates allowed
    torch::Tensor coeffs;  //!< [B, width]
    torch::Tensor targets; //!< [B]
};

torch::Tensor lossOf(const torch::Tensor &table, const Batch &b, bool sparse)
{
    return ((lookUp(table, b.indices, sparse) * b.coeffs).sum(1) - b.targets).pow(2).mean();
}

//! A batch over `indices` with coefficients and targets drawn from `seed`.
Batch makeBatch(torch::Tensor indices, int64_t width, uint64_t seed)
{
    torch::manual_seed(seed);
    const int64_t n = indices.size(0);
    return {std::move(indices), torch::randn({n, width}), torch::randn({n})};
}

//! Every row of a `rows`-row table once, shuffled, plus `extra` duplicates.
torch::Tensor everyRow(int64_t rows, int64_t extra, uint64_t seed)
{
    torch::manual_seed(seed);
    torch::Tensor all = torch::randperm(rows, torch::kLong);
    if (extra > 0)
        all = torch::cat({all, torch::randint(0, rows, {extra}, torch::kLong)});
    return all;
}

void lazyStep(LazyAdam &lazy, const torch::Tensor &table, const Batch &b, bool sparseGrad = true)
{
    lazy.zeroGrad();
    lossOf(table, b, sparseGrad).backward();
    lazy.step();
}

void denseStep(torch::optim::Adam &adam, const torch::Tensor &table, const Batch &b)
{
    adam.zero_grad();
    lossOf(table, b, /*sparse=*/false).backward();
    adam.step();
}

const torch::optim::AdamParamState &adamState(torch::optim::Adam &adam, const torch::Tensor &p)
{
    return static_cast<const torch::optim::AdamParamState &>(
        *adam.state().at(c10::guts::to_string(p.unsafeGetTensorImpl())));
}

double maxAbsDiff(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a.detach() - b.detach()).abs().max().item<double>();
}

//! max |a - b| / max |b|: for moments, whose scale depends on the gradients.
double maxRelDiff(const torch::Tensor &a, const torch::Tensor &b)
{
    return maxAbsDiff(a, b) / b.detach().abs().max().item<double>();
}

bool equalRows(const torch::Tensor &a, const torch::Tensor &b, const std::vector<int64_t> &rows)
{
    for (int64_t r : rows)
        if (!torch::equal(a.detach()[r], b.detach()[r]))
            return false;
    return true;
}

} // namespace

class tst_LazyAdam : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstStepMatchesAdam();
    void matchesDenseAdam_data();
    void matchesDenseAdam();
    void rowsOutsideTheBatchAreUntouched();
    void duplicateIndicesAreSummed();
    void denseGradientsTouchTheSameRows();
    void growAppendsZeroMoments();
};

void tst_LazyAdam::initTestCase()
{
    at::set_num_threads(1);
}

void tst_LazyAdam::firstStepMatchesAdam()
{
    // One step over every row: both moments must be Adam's to float precision. The first
    // moment is 0.1 g and the second 0.001 g^2, each rounded once.
    const torch::Tensor sparse = makeTable(kRows, kWidth, 21);
    const torch::Tensor dense = copyOf(sparse);
    LazyAdam lazy({sparse}, 0.01);
    torch::optim::Adam adam({dense}, torch::optim::AdamOptions(0.01));
    const Batch b = makeBatch(everyRow(kRows, 0, 22), kWidth, 23);
    lazyStep(lazy, sparse, b);
    denseStep(adam, dense, b);

    const torch::optim::AdamParamState &state = adamState(adam, dense);
    const double m = maxRelDiff(lazy.firstMoments()[0], state.exp_avg());
    const double v = maxRelDiff(lazy.secondMoments()[0], state.exp_avg_sq());
    QVERIFY2(m < 1e-6, qPrintable(QStringLiteral("first moment off by %1 (relative)").arg(m)));
    QVERIFY2(v < 1e-6, qPrintable(QStringLiteral("second moment off by %1 (relative)").arg(v)));
    QVERIFY2(maxAbsDiff(sparse, dense) < 1e-6,
             qPrintable(QString::number(maxAbsDiff(sparse, dense))));
}

void tst_LazyAdam::matchesDenseAdam_data()
{
    QTest::addColumn<double>("lr");
    QTest::addColumn<double>("weightDecay");
    QTest::addColumn<int>("duplicates"); // extra random rows per batch, on top of every row

    QTest::newRow("lr 0.01") << 0.01 << 0.0 << 0;
    QTest::newRow("lr 0.1") << 0.1 << 0.0 << 0;
    QTest::newRow("weight decay 0.05") << 0.01 << 0.05 << 0;
    QTest::newRow("duplicate rows in each batch") << 0.01 << 0.0 << 5;
    QTest::newRow("duplicates and weight decay") << 0.01 << 0.1 << 5;
}

void tst_LazyAdam::matchesDenseAdam()
{
    QFETCH(double, lr);
    QFETCH(double, weightDecay);
    QFETCH(int, duplicates);

    // When every row is in every batch, the lazy update is exactly Adam's.
    const torch::Tensor sparse = makeTable(kRows, kWidth, 1);
    const torch::Tensor dense = copyOf(sparse);
    LazyAdam lazy({sparse}, lr, weightDecay);
    torch::optim::Adam adam({dense}, torch::optim::AdamOptions(lr).weight_decay(weightDecay));

    constexpr int kSteps = 8;
    for (int step = 0; step < kSteps; ++step) {
        const Batch b = makeBatch(everyRow(kRows, duplicates, 100 + step), kWidth, 200 + step);
        lazyStep(lazy, sparse, b);
        QVERIFY(sparse.grad().is_sparse());
        denseStep(adam, dense, b);
    }
    QCOMPARE(lazy.steps(), int64_t(kSteps));
    QVERIFY2(maxAbsDiff(sparse, dense) < 1e-6,
             qPrintable(QString::number(maxAbsDiff(sparse, dense))));
    // The weights moved: the comparison is not between two untouched copies.
    QVERIFY(maxAbsDiff(sparse, makeTable(kRows, kWidth, 1)) > 2 * lr);

    const torch::optim::AdamParamState &state = adamState(adam, dense);
    QVERIFY2(maxAbsDiff(lazy.firstMoments()[0], state.exp_avg()) < 1e-6,
             qPrintable(QString::number(maxAbsDiff(lazy.firstMoments()[0], state.exp_avg()))));
    QVERIFY2(maxAbsDiff(lazy.secondMoments()[0], state.exp_avg_sq()) < 1e-6,
             qPrintable(
                 QString::number(maxAbsDiff(lazy.secondMoments()[0], state.exp_avg_sq()))));
}

void tst_LazyAdam::rowsOutsideTheBatchAreUntouched()
{
    const torch::Tensor table = makeTable(kRows, kWidth, 2);
    LazyAdam lazy({table}, 0.05);

    // A first step over every row gives every row non-zero moments.
    lazyStep(lazy, table, makeBatch(everyRow(kRows, 0, 3), kWidth, 4));
    const torch::Tensor weights = table.detach().clone();
    const torch::Tensor m = lazy.firstMoments()[0].clone();
    const torch::Tensor v = lazy.secondMoments()[0].clone();
    QVERIFY(m.abs().sum(1).gt(0).all().item<bool>());

    // The second batch has rows 0 and 2 only (2 twice).
    lazyStep(lazy, table, makeBatch(torch::tensor({0, 2, 2}, torch::kLong), kWidth, 5));
    const std::vector<int64_t> untouched = {1, 3, 4, 5};
    QVERIFY(equalRows(table, weights, untouched));
    QVERIFY(equalRows(lazy.firstMoments()[0], m, untouched));
    QVERIFY(equalRows(lazy.secondMoments()[0], v, untouched));
    for (int64_t r : {0, 2}) {
        QVERIFY2(!torch::equal(table.detach()[r], weights[r]), qPrintable(QString::number(r)));
        QVERIFY(!torch::equal(lazy.firstMoments()[0][r], m[r]));
        QVERIFY(!torch::equal(lazy.secondMoments()[0][r], v[r]));
    }
    QCOMPARE(lazy.steps(), int64_t(2));

    // Dense Adam, by contrast, keeps moving rows through their momentum: what "lazy" saves.
    const torch::Tensor dense = makeTable(kRows, kWidth, 2);
    torch::optim::Adam adam({dense}, torch::optim::AdamOptions(0.05));
    denseStep(adam, dense, makeBatch(everyRow(kRows, 0, 3), kWidth, 4));
    const torch::Tensor denseWeights = dense.detach().clone();
    denseStep(adam, dense, makeBatch(torch::tensor({0, 2, 2}, torch::kLong), kWidth, 5));
    QVERIFY(!equalRows(dense, denseWeights, {1}));
}

void tst_LazyAdam::duplicateIndicesAreSummed()
{
    // loss = sum_k row(idx_k) . c_k with idx = (1, 1, 3): the gradient of row 1 is c0 + c1,
    // of row 3 is c2, of every other row 0.
    const torch::Tensor table = makeTable(kRows, kWidth, 6);
    const torch::Tensor before = table.detach().clone();
    const torch::Tensor dense = copyOf(table);
    const torch::Tensor indices = torch::tensor({1, 1, 3}, torch::kLong);
    const torch::Tensor coeffs = torch::tensor({{1.0f, 2.0f, -1.0f, 0.5f},
                                                {3.0f, -4.0f, -1.0f, 0.25f},
                                                {-2.0f, 1.0f, 0.5f, 3.0f}});
    constexpr double kLr = 0.01;
    LazyAdam lazy({table}, kLr);
    lazy.zeroGrad();
    (lookUp(table, indices, true) * coeffs).sum().backward();
    lazy.step();

    const torch::Tensor g1 = coeffs[0] + coeffs[1]; // (4, -2, -2, 0.75)
    const torch::Tensor g3 = coeffs[2];
    const torch::Tensor &m = lazy.firstMoments()[0];
    const torch::Tensor &v = lazy.secondMoments()[0];
    // Not summed, row 1 would hold 0.1 c1 (last write wins) or 0.1 c0: off by 0.1 or more.
    QVERIFY(maxAbsDiff(m[1], (1.0 - kBeta1) * g1) < 1e-6);
    QVERIFY(maxAbsDiff(v[1], (1.0 - kBeta2) * g1 * g1) < 1e-6);
    QVERIFY(maxAbsDiff(m[3], (1.0 - kBeta1) * g3) < 1e-6);
    QVERIFY(maxAbsDiff(v[3], (1.0 - kBeta2) * g3 * g3) < 1e-6);
    QVERIFY(equalRows(m, torch::zeros_like(m), {0, 2, 4, 5}));
    QVERIFY(equalRows(table, before, {0, 2, 4, 5}));

    // After one bias-corrected step the update is lr g / (|g| + eps): a step of lr against
    // the sign of the summed gradient.
    const torch::Tensor expected1 = before[1] - kLr * g1 / (g1.abs() + kEps);
    QVERIFY2(maxAbsDiff(table[1], expected1) < 1e-6,
             qPrintable(QString::number(maxAbsDiff(table[1], expected1))));

    // And the same as dense Adam on the same loss.
    torch::optim::Adam adam({dense}, torch::optim::AdamOptions(kLr));
    adam.zero_grad();
    (lookUp(dense, indices, false) * coeffs).sum().backward();
    adam.step();
    QVERIFY(maxAbsDiff(table, dense) < 1e-6);
}

void tst_LazyAdam::denseGradientsTouchTheSameRows()
{
    // A table without sparse gradients goes through the optimiser's dense path, which must
    // update the rows the batch touched and no others, as the sparse path does.
    const torch::Tensor sparse = makeTable(kRows, kWidth, 7);
    const torch::Tensor dense = copyOf(sparse);
    LazyAdam lazySparse({sparse}, 0.02, 0.01);
    LazyAdam lazyDense({dense}, 0.02, 0.01);
    const std::vector<std::vector<int64_t>> batches = {{0, 1, 2}, {2, 2, 5}, {4}, {0, 3, 3, 1}};
    for (size_t k = 0; k < batches.size(); ++k) {
        const Batch b = makeBatch(torch::tensor(batches[k], torch::kLong), kWidth, 300 + k);
        lazyStep(lazySparse, sparse, b, /*sparseGrad=*/true);
        lazyStep(lazyDense, dense, b, /*sparseGrad=*/false);
        QVERIFY(!dense.grad().is_sparse());
    }
    QVERIFY2(maxAbsDiff(sparse, dense) < 1e-6,
             qPrintable(QString::number(maxAbsDiff(sparse, dense))));
    QVERIFY(maxAbsDiff(lazySparse.firstMoments()[0], lazyDense.firstMoments()[0]) < 1e-6);
    QVERIFY(maxAbsDiff(lazySparse.secondMoments()[0], lazyDense.secondMoments()[0]) < 1e-6);
}

void tst_LazyAdam::growAppendsZeroMoments()
{
    // Two tables, as a model has a user and a movie table.
    const torch::Tensor users = makeTable(kRows, kWidth, 8);
    const torch::Tensor items = makeTable(5, 2, 9);
    LazyAdam lazy({users, items}, 0.05);
    lazyStep(lazy, users, makeBatch(everyRow(kRows, 0, 10), kWidth, 11));
    lazyStep(lazy, items, makeBatch(everyRow(5, 0, 12), 2, 13));
    const torch::Tensor m0 = lazy.firstMoments()[0].clone(), v0 = lazy.secondMoments()[0].clone();
    const torch::Tensor m1 = lazy.firstMoments()[1].clone(), v1 = lazy.secondMoments()[1].clone();

    // The user table grows by two rows, as TorchModel::admit() grows it.
    {
        torch::NoGradGuard noGrad;
        users.set_data(torch::cat({users.detach(), torch::zeros({2, kWidth})}));
    }
    lazy.grow(0, 2);
    lazy.setParams({users, items});

    QCOMPARE(lazy.firstMoments()[0].sizes().vec(), (std::vector<int64_t>{kRows + 2, kWidth}));
    QCOMPARE(lazy.secondMoments()[0].sizes().vec(), (std::vector<int64_t>{kRows + 2, kWidth}));
    QVERIFY(torch::equal(lazy.firstMoments()[0].narrow(0, 0, kRows), m0));
    QVERIFY(torch::equal(lazy.secondMoments()[0].narrow(0, 0, kRows), v0));
    QVERIFY(torch::equal(lazy.firstMoments()[0].narrow(0, kRows, 2), torch::zeros({2, kWidth})));
    QVERIFY(torch::equal(lazy.secondMoments()[0].narrow(0, kRows, 2), torch::zeros({2, kWidth})));
    // The other table is left as it was.
    QVERIFY(torch::equal(lazy.firstMoments()[1], m1));
    QVERIFY(torch::equal(lazy.secondMoments()[1], v1));

    // The new rows train like any other; rows outside the batch stay put.
    const torch::Tensor weights = users.detach().clone();
    lazyStep(lazy, users, makeBatch(torch::tensor({6, 7, 0}, torch::kLong), kWidth, 14));
    QVERIFY(equalRows(users, weights, {1, 2, 3, 4, 5}));
    for (int64_t r : {0, 6, 7})
        QVERIFY(!torch::equal(users.detach()[r], weights[r]));
    QVERIFY(lazy.firstMoments()[0][6].abs().sum().item<double>() > 0.0);
    QCOMPARE(lazy.steps(), int64_t(3));
}

QTEST_GUILESS_MAIN(tst_LazyAdam)

#include "tst_lazyadam.moc"
