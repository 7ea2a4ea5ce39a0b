#include "core/training/training.h"

#include "core/data/ratingdataset.h"
#include "core/data/splits.h"
#include "core/data/synth.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>

using namespace Ncf;

Q_DECLARE_METATYPE(Ncf::ModelKind)
Q_DECLARE_METATYPE(Ncf::BetaAnnealer)

namespace {

constexpr uint64_t kSeed = 20240611;

// The tiny fixture: 8 users x 8 movies, 40 ratings. User u (raw id u + 1) and movie m (raw
// id 10 (m + 1)) carry signs s_u = +-1 by parity and the movie a strength a_m = 1 or 2;
// the rating is 3 + s_u s_m a_m, one of 1, 2, 4, 5 stars. A rank-one pattern plus the mean,
// so every model can learn it exactly; the global mean is far off (about 1.6 stars).
constexpr int kTinyUsers = 8;
constexpr int kTinyMovies = 8;

uint32_t rawUser(int u)
{
    return uint32_t(u + 1);
}

uint32_t rawMovie(int m)
{
    return uint32_t(10 * (m + 1));
}

int tinyRating(int u, int m)
{
    const int su = u % 2 ? -1 : 1;
    const int sm = m % 2 ? -1 : 1;
    const int am = m < 4 ? 1 : 2;
    return 3 + su * sm * am;
}

bool tinyRated(int u, int m)
{
    return (3 * u + m) % 8 < 5; // 5 of 8 cells in every row and every column
}

RatingDataset tinyFixture()
{
    RatingDataset data;
    data.path = QStringLiteral("tiny-fixture");
    data.layout = Layout::UData;
    for (int u = 0; u < kTinyUsers; ++u)
        for (int m = 0; m < kTinyMovies; ++m)
            if (tinyRated(u, m))
                data.append(rawUser(u), rawMovie(m), uint8_t(2 * tinyRating(u, m)),
                            uint32_t(880000000 + 60 * (8 * u + m)));
    return data;
}

RowList allRows(const RatingDataset &data)
{
    RowList rows(data.size());
    std::iota(rows.begin(), rows.end(), 0u);
    return rows;
}

double meanOf(const RatingDataset &data, const RowList &rows)
{
    double sum = 0.0;
    for (uint32_t r : rows)
        sum += data.rating(r);
    return sum / double(rows.size());
}

//! RMSE of always predicting `mean` over `rows`.
double constantRmse(const RatingDataset &data, const RowList &rows, double mean)
{
    double squares = 0.0;
    for (uint32_t r : rows)
        squares += (data.rating(r) - mean) * (data.rating(r) - mean);
    return std::sqrt(squares / double(rows.size()));
}

//! Small networks, no dropout, small batches, no early stopping: for the tiny fixture.
TrainOptions tinyOptions(ModelKind kind, int epochs)
{
    TrainOptions o;
    o.kind = kind;
    o.params = defaultParams(kind);
    o.epochs = epochs;
    o.seed = kSeed;
    o.threads = 1;
    ModelParams &p = o.params;
    p.embeddingDim = 16;
    p.hidden = {32, 16};
    p.hiddenDim = 32;
    p.latentDim = 8;
    p.factors = 4;
    p.dropout = 0.0;
    p.batchSize = 8;
    p.patience = 0;
    return o;
}

//! Modest networks for the 100K-shaped synthetic data.
TrainOptions synthOptions(ModelKind kind, int epochs)
{
    TrainOptions o = tinyOptions(kind, epochs);
    ModelParams &p = o.params;
    p.embeddingDim = 16;
    p.hidden = {32, 16};
    p.factors = 8;
    p.dropout = 0.1;
    p.batchSize = 256;
    p.lr = kind == ModelKind::Mf ? 0.01 : 3e-3;
    return o;
}

QString errorOf(const Result<ModelEngine::Trained> &r)
{
    return r ? QString() : r.error();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

bool copyFolder(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    const QDir source(from);
    for (const QString &name : source.entryList(QDir::Files))
        if (!QFile::copy(source.filePath(name), QDir(to).filePath(name)))
            return false;
    return true;
}

QJsonObject readManifest(const QString &dir)
{
    return QJsonDocument::fromJson(readAll(QDir(dir).filePath(QStringLiteral("model.json"))))
        .object();
}

bool writeManifest(const QString &dir, const QJsonObject &json)
{
    return writeAll(QDir(dir).filePath(QStringLiteral("model.json")),
                    QJsonDocument(json).toJson());
}

//! Stores the current SHA-256 of `file` in model.json, so a deliberate edit passes the
//! checksum and reaches the parser behind it.
bool rehash(const QString &dir, const QString &file)
{
    QJsonObject json = readManifest(dir);
    QJsonObject files = json.value(QStringLiteral("files")).toObject();
    files.insert(file, QString::fromLatin1(
                           QCryptographicHash::hash(readAll(QDir(dir).filePath(file)),
                                                    QCryptographicHash::Sha256)
                               .toHex()));
    json.insert(QStringLiteral("files"), files);
    return writeManifest(dir, json);
}

//! Predictions for every (user, movie) pair of the tiny fixture's id ranges, rated or not.
std::vector<Prediction> allPairs(const TrainedModel &model)
{
    std::vector<Prediction> out;
    for (int u = 0; u < kTinyUsers; ++u)
        for (int m = 0; m < kTinyMovies; ++m)
            out.push_back(model.predict(rawUser(u), rawMovie(m)));
    return out;
}

//! Exact equality of two prediction lists; names the first difference.
QString firstDifference(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size())
        return QStringLiteral("sizes %1 and %2").arg(a.size()).arg(b.size());
    for (size_t k = 0; k < a.size(); ++k)
        if (!(a[k] == b[k]))
            return QStringLiteral("row %1: %2 vs %3")
                .arg(k)
                .arg(a[k], 0, 'g', 17)
                .arg(b[k], 0, 'g', 17);
    return {};
}

QString firstDifference(const std::vector<Prediction> &a, const std::vector<Prediction> &b)
{
    if (a.size() != b.size())
        return QStringLiteral("sizes %1 and %2").arg(a.size()).arg(b.size());
    for (size_t k = 0; k < a.size(); ++k)
        if (!(a[k].rating == b[k].rating) || a[k].coldStart != b[k].coldStart)
            return QStringLiteral("pair %1: %2%3 vs %4%5")
                .arg(k)
                .arg(a[k].rating, 0, 'g', 17)
                .arg(a[k].coldStart ? QStringLiteral(" (cold)") : QString())
                .arg(b[k].rating, 0, 'g', 17)
                .arg(b[k].coldStart ? QStringLiteral(" (cold)") : QString());
    return {};
}

void addKindRows(bool withMean)
{
    QTest::addColumn<ModelKind>("kind");
    QTest::addColumn<bool>("sparse");

    QTest::newRow("nonlinear") << ModelKind::NonLinear << true;
    QTest::newRow("nonlinear dense Adam") << ModelKind::NonLinear << false;
    QTest::newRow("autoencoder") << ModelKind::Autoencoder << true;
    QTest::newRow("vae") << ModelKind::Vae << true;
    QTest::newRow("mf") << ModelKind::Mf << true;
    QTest::newRow("mf dense Adam") << ModelKind::Mf << false;
    if (withMean)
        QTest::newRow("mean") << ModelKind::Mean << true;
}

} // namespace

class tst_Training : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void overfitsTinyFixture_data();
    void overfitsTinyFixture();
    void meanModel();
    void sameSeedSameModel();
    void edgeCases();
    void learnsSyntheticData_data();
    void learnsSyntheticData();
    void vaeBetaAndKl_data();
    void vaeBetaAndKl();
    void saveLoadRoundTrip_data();
    void saveLoadRoundTrip();
    void growth_data();
    void growth();
    void sparseMatchesDense_data();
    void sparseMatchesDense();
    void earlyStoppingRestoresBest_data();
    void earlyStoppingRestoresBest();
    void cancellation_data();
    void cancellation();
    void badCheckpoints_data();
    void badCheckpoints();

private:
    ModelEngine *m_engine = nullptr;
    RatingDataset m_tiny;
    RowList m_tinyRows;
    RatingDataset m_synth; //!< 100K-shaped, shrunk to 300 users x 400 movies x 15,000 ratings
    Holdout m_synthSplit;
    double m_synthMeanRmse = 0.0; //!< the training mean's RMSE on the synthetic test rows
    QTemporaryDir m_checkpoints;
    QString m_goodCheckpoint; //!< a saved tiny nonlinear model that badCheckpoints() damages
};

void tst_Training::initTestCase()
{
    const Result<ModelEngine *> engine = modelEngine();
    QVERIFY2(engine.ok(), qPrintable(engine ? QString() : engine.error()));
    m_engine = *engine;

    m_tiny = tinyFixture();
    QCOMPARE(m_tiny.size(), size_t(40));
    m_tinyRows = allRows(m_tiny);

    SynthSpec spec = synthSpec(SynthShape::Ml100k);
    spec.name = QStringLiteral("100k-small");
    spec.users = 300;
    spec.items = 400;
    spec.ratings = 15000;
    spec.itemIdSpace = 400;
    Result<RatingDataset> synth = generateSynthetic(spec, kSeed);
    QVERIFY2(synth.ok(), qPrintable(synth ? QString() : synth.error()));
    m_synth = std::move(*synth);
    m_synthSplit = holdoutSplit(m_synth.size(), 0.9, kSeed);
    m_synthMeanRmse = constantRmse(m_synth, m_synthSplit.test,
                                   meanOf(m_synth, m_synthSplit.train));

    QVERIFY(m_checkpoints.isValid());
    Result<ModelEngine::Trained> trained = m_engine->train(
        m_tiny, m_tinyRows, m_tinyRows, tinyOptions(ModelKind::NonLinear, 2));
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    m_goodCheckpoint = m_checkpoints.filePath(QStringLiteral("good"));
    const Result<void> saved = trained->model->save(m_goodCheckpoint);
    QVERIFY2(saved.ok(), qPrintable(saved ? QString() : saved.error()));
}

void tst_Training::overfitsTinyFixture_data()
{
    QTest::addColumn<ModelKind>("kind");
    QTest::addColumn<int>("epochs");
    QTest::addColumn<double>("lr");

    QTest::newRow("nonlinear") << ModelKind::NonLinear << 150 << 0.01;
    QTest::newRow("autoencoder") << ModelKind::Autoencoder << 150 << 0.01;
    QTest::newRow("vae") << ModelKind::Vae << 200 << 0.01;
    QTest::newRow("mf") << ModelKind::Mf << 150 << 0.05;
}

void tst_Training::overfitsTinyFixture()
{
    QFETCH(ModelKind, kind);
    QFETCH(int, epochs);
    QFETCH(double, lr);

    TrainOptions options = tinyOptions(kind, epochs);
    options.params.lr = lr;
    options.params.reg = 0.0;
    options.params.startBeta = 1e-4; // VAE: a light KL term, so the code can carry the pattern
    options.params.annealer = BetaAnnealer::Constant;
    Result<ModelEngine::Trained> trained = m_engine->train(m_tiny, m_tinyRows, m_tinyRows,
                                                           options);
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    const TrainReport &report = trained->report;
    QCOMPARE(int(report.epochs.size()), epochs);
    QVERIFY(!report.stoppedEarly);
    QVERIFY(!report.cancelled);

    const double meanRmse = constantRmse(m_tiny, m_tinyRows, meanOf(m_tiny, m_tinyRows));
    const double rmse = trained->model->rmse(m_tiny, m_tinyRows);
    qInfo("%s: RMSE %.4f stars, global mean %.4f", QTest::currentDataTag(), rmse, meanRmse);
    QVERIFY2(rmse < 0.25, qPrintable(QStringLiteral("RMSE %1").arg(rmse)));
    QVERIFY2(rmse < 0.15 * meanRmse, qPrintable(QStringLiteral("RMSE %1 vs mean %2")
                                                    .arg(rmse)
                                                    .arg(meanRmse)));
    // The reported best epoch is the model handed back.
    QVERIFY(std::abs(rmse - report.bestValRmse) < 1e-5);

    for (const EpochReport &e : report.epochs) {
        QVERIFY(std::isfinite(e.trainMse));
        if (kind != ModelKind::Vae) {
            QCOMPARE(e.beta, 0.0);
            QCOMPARE(e.kl, 0.0);
        }
    }
}

void tst_Training::meanModel()
{
    TrainOptions options = tinyOptions(ModelKind::Mean, 10);
    int epochCalls = 0;
    TrainCallbacks callbacks;
    callbacks.epochFinished = [&](const EpochReport &) { ++epochCalls; };
    Result<ModelEngine::Trained> trained = m_engine->train(m_tiny, m_tinyRows, m_tinyRows,
                                                           options, callbacks);
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    const TrainReport &report = trained->report;

    // Nothing to learn: one epoch, whatever was asked.
    QCOMPARE(report.epochs.size(), size_t(1));
    QCOMPARE(epochCalls, 1);
    QCOMPARE(report.bestEpoch, 1);

    const double mean = meanOf(m_tiny, m_tinyRows);
    const double expected = constantRmse(m_tiny, m_tinyRows, mean);
    QVERIFY2(std::abs(report.bestValRmse - expected) < 1e-5,
             qPrintable(QStringLiteral("%1 vs %2").arg(report.bestValRmse).arg(expected)));
    QVERIFY(std::abs(report.epochs[0].valRmse - expected) < 1e-5);
    QVERIFY(std::abs(trained->model->rmse(m_tiny, m_tinyRows) - expected) < 1e-5);
    // The training MSE on the [0, 1] scale is the same figure divided by the 4-star range.
    QVERIFY(std::abs(report.epochs[0].trainMse - (expected / 4.0) * (expected / 4.0)) < 1e-6);

    const Prediction p = trained->model->predict(rawUser(2), rawMovie(5));
    QVERIFY(!p.coldStart);
    QVERIFY(std::abs(p.rating - mean) < 1e-5);
}

void tst_Training::sameSeedSameModel()
{
    // Weights, dropout masks and batch order all come from the seed: two runs agree exactly.
    TrainOptions options = tinyOptions(ModelKind::NonLinear, 5);
    options.params.dropout = 0.2;
    Result<ModelEngine::Trained> a = m_engine->train(m_tiny, m_tinyRows, m_tinyRows, options);
    Result<ModelEngine::Trained> b = m_engine->train(m_tiny, m_tinyRows, m_tinyRows, options);
    options.seed = kSeed + 1;
    Result<ModelEngine::Trained> c = m_engine->train(m_tiny, m_tinyRows, m_tinyRows, options);
    QVERIFY2(a.ok() && b.ok() && c.ok(), qPrintable(errorOf(a) + errorOf(b) + errorOf(c)));

    QCOMPARE(a->report.epochs.size(), b->report.epochs.size());
    for (size_t k = 0; k < a->report.epochs.size(); ++k) {
        QCOMPARE(a->report.epochs[k].trainMse, b->report.epochs[k].trainMse);
        QCOMPARE(a->report.epochs[k].valRmse, b->report.epochs[k].valRmse);
    }
    const std::vector<double> pa = a->model->predictRows(m_tiny, m_tinyRows);
    const QString same = firstDifference(pa, b->model->predictRows(m_tiny, m_tinyRows));
    QVERIFY2(same.isEmpty(), qPrintable(same));
    QVERIFY2(!firstDifference(pa, c->model->predictRows(m_tiny, m_tinyRows)).isEmpty(),
             "another seed gave the same model");
}

void tst_Training::edgeCases()
{
    // No training rows: an error, not an exception or an empty model.
    const Result<ModelEngine::Trained> none = m_engine->train(
        m_tiny, {}, m_tinyRows, tinyOptions(ModelKind::NonLinear, 3));
    QVERIFY(!none.ok());
    QVERIFY2(none.error().contains(QLatin1String("no training ratings")), qPrintable(none.error()));

    // No validation rows: nothing to stop on, so every epoch runs.
    TrainOptions options = tinyOptions(ModelKind::Mf, 4);
    options.params.patience = 1;
    Result<ModelEngine::Trained> blind = m_engine->train(m_tiny, m_tinyRows, {}, options);
    QVERIFY2(blind.ok(), qPrintable(errorOf(blind)));
    QCOMPARE(blind->report.epochs.size(), size_t(4));
    QVERIFY(!blind->report.stoppedEarly);
    QVERIFY(std::isfinite(blind->model->rmse(m_tiny, m_tinyRows)));

    // Zero epochs: the untrained model comes back, and says so.
    Result<ModelEngine::Trained> untrained = m_engine->train(
        m_tiny, m_tinyRows, m_tinyRows, tinyOptions(ModelKind::NonLinear, 0));
    QVERIFY2(untrained.ok(), qPrintable(errorOf(untrained)));
    QVERIFY(untrained->report.epochs.empty());
    QCOMPARE(untrained->report.bestEpoch, 0);
    QVERIFY(std::isfinite(untrained->model->predict(rawUser(0), rawMovie(0)).rating));
}

void tst_Training::learnsSyntheticData_data()
{
    QTest::addColumn<ModelKind>("kind");

    QTest::newRow("nonlinear") << ModelKind::NonLinear;
    QTest::newRow("mf") << ModelKind::Mf;
}

void tst_Training::learnsSyntheticData()
{
    QFETCH(ModelKind, kind);

    constexpr int kEpochs = 4;
    std::vector<EpochReport> seen;
    TrainCallbacks callbacks;
    callbacks.epochFinished = [&](const EpochReport &e) { seen.push_back(e); };
    Result<ModelEngine::Trained> trained = m_engine->train(
        m_synth, m_synthSplit.train, m_synthSplit.test, synthOptions(kind, kEpochs), callbacks);
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    const TrainReport &report = trained->report;
    QCOMPARE(int(report.epochs.size()), kEpochs);
    QCOMPARE(seen.size(), report.epochs.size());

    const double range = trained->model->scaler().range();
    QCOMPARE(range, 4.0); // whole stars 1..5
    double best = std::numeric_limits<double>::infinity();
    for (size_t k = 0; k < report.epochs.size(); ++k) {
        const EpochReport &e = report.epochs[k];
        QCOMPARE(e.epoch, int(k) + 1);
        QCOMPARE(seen[k].epoch, e.epoch);
        QCOMPARE(seen[k].valRmse, e.valRmse);
        QVERIFY(std::abs(e.valRmse - std::sqrt(e.valMse) * range) < 1e-9);
        QVERIFY(e.seconds > 0.0);
        best = std::min(best, e.valRmse);
    }
    QCOMPARE(report.bestValRmse, best);
    QVERIFY(report.samplesPerSecond > 0.0);

    const double first = report.epochs.front().trainMse;
    const double last = report.epochs.back().trainMse;
    qInfo("%s: train MSE %.5f -> %.5f, val RMSE %.4f, mean model %.4f", QTest::currentDataTag(),
          first, last, report.bestValRmse, m_synthMeanRmse);
    QVERIFY2(first > last, qPrintable(QStringLiteral("train MSE %1 -> %2").arg(first).arg(last)));
    QVERIFY2(report.bestValRmse < m_synthMeanRmse - 0.02,
             qPrintable(QStringLiteral("val RMSE %1, mean model %2")
                            .arg(report.bestValRmse)
                            .arg(m_synthMeanRmse)));

    // The mean model, trained through the engine, gives the hand-computed baseline.
    Result<ModelEngine::Trained> mean = m_engine->train(
        m_synth, m_synthSplit.train, m_synthSplit.test, synthOptions(ModelKind::Mean, 1));
    QVERIFY2(mean.ok(), qPrintable(errorOf(mean)));
    QVERIFY(std::abs(mean->report.bestValRmse - m_synthMeanRmse) < 1e-5);
}

void tst_Training::vaeBetaAndKl_data()
{
    QTest::addColumn<BetaAnnealer>("annealer");

    QTest::newRow("linear") << BetaAnnealer::Linear;
    QTest::newRow("exponential") << BetaAnnealer::Exponential;
    QTest::newRow("cosine") << BetaAnnealer::Cosine;
    QTest::newRow("constant") << BetaAnnealer::Constant;
    QTest::newRow("zero") << BetaAnnealer::Zero;
}

void tst_Training::vaeBetaAndKl()
{
    QFETCH(BetaAnnealer, annealer);

    constexpr int kEpochs = 5;
    TrainOptions options = tinyOptions(ModelKind::Vae, kEpochs);
    options.params.annealer = annealer;
    options.params.startBeta = 0.01;
    options.params.offsetBeta = 0.5;
    Result<ModelEngine::Trained> trained = m_engine->train(m_tiny, m_tinyRows, m_tinyRows,
                                                           options);
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    const TrainReport &report = trained->report;
    QCOMPARE(int(report.epochs.size()), kEpochs);
    for (const EpochReport &e : report.epochs) {
        const double expected = annealedBeta(annealer, 0.01, 0.5, e.epoch - 1, kEpochs);
        QVERIFY2(e.beta == expected, qPrintable(QStringLiteral("epoch %1: beta %2, expected %3")
                                                    .arg(e.epoch)
                                                    .arg(e.beta, 0, 'g', 17)
                                                    .arg(expected, 0, 'g', 17)));
        QVERIFY2(std::isfinite(e.kl) && e.kl >= 0.0,
                 qPrintable(QStringLiteral("epoch %1: KL %2").arg(e.epoch).arg(e.kl)));
    }
    // The schedule really moves (or really stays).
    const double firstBeta = report.epochs.front().beta, lastBeta = report.epochs.back().beta;
    switch (annealer) {
    case BetaAnnealer::Constant:
        QCOMPARE(lastBeta, firstBeta);
        break;
    case BetaAnnealer::Zero:
        QCOMPARE(lastBeta, 0.0);
        break;
    default:
        QVERIFY(std::abs(lastBeta - 0.51) < 1e-12);
    }
}

void tst_Training::saveLoadRoundTrip_data()
{
    addKindRows(/*withMean=*/true);
}

void tst_Training::saveLoadRoundTrip()
{
    QFETCH(ModelKind, kind);
    QFETCH(bool, sparse);

    TrainOptions options = tinyOptions(kind, 3);
    options.sparseEmbeddings = sparse;
    options.params.dropout = 0.2; // evaluation must not depend on dropout
    Result<ModelEngine::Trained> trained = m_engine->train(m_tiny, m_tinyRows, m_tinyRows,
                                                           options);
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    const TrainedModel &model = *trained->model;

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("nested/model"));
    const Result<void> saved = model.save(dir);
    QVERIFY2(saved.ok(), qPrintable(saved ? QString() : saved.error()));
    for (const char *file : {"model.json", "weights.pt", "optimizer.pt", "users.idmap",
                             "items.idmap"})
        QVERIFY2(QFile::exists(QDir(dir).filePath(QLatin1String(file))), file);

    Result<std::unique_ptr<TrainedModel>> loaded = m_engine->load(dir);
    QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error()));
    const TrainedModel &back = **loaded;

    QCOMPARE(back.kind(), kind);
    QCOMPARE(paramsToJson(back.params(), kind), paramsToJson(model.params(), kind));
    QVERIFY(back.userIds() == model.userIds());
    QVERIFY(back.itemIds() == model.itemIds());
    QCOMPARE(back.userIds().size(), size_t(kTinyUsers));
    QCOMPARE(back.itemIds().size(), size_t(kTinyMovies));
    QVERIFY(back.scaler() == model.scaler());
    QCOMPARE(back.metadata(), model.metadata());
    QCOMPARE(back.metadata().value(QStringLiteral("best_epoch")).toInt(),
             trained->report.bestEpoch);

    const QString rows = firstDifference(back.predictRows(m_tiny, m_tinyRows),
                                         model.predictRows(m_tiny, m_tinyRows));
    QVERIFY2(rows.isEmpty(), qPrintable(rows));
    const QString pairs = firstDifference(allPairs(back), allPairs(model));
    QVERIFY2(pairs.isEmpty(), qPrintable(pairs));

    // Unseen ids fall back to the training mean, flagged.
    const double mean = meanOf(m_tiny, m_tinyRows);
    for (const TrainedModel *m : {&model, &back}) {
        for (const auto &[u, i] : {std::pair<uint32_t, uint32_t>{999, rawMovie(0)},
                                   {rawUser(0), 999},
                                   {999, 998}}) {
            const Prediction p = m->predict(u, i);
            QVERIFY(p.coldStart);
            QVERIFY(std::abs(p.rating - mean) < 1e-12);
        }
        QVERIFY(!m->predict(rawUser(0), rawMovie(0)).coldStart);
    }

    // predictRows on a dataset with other ids: the fallback for rows the model never saw.
    RatingDataset other;
    other.append(rawUser(3), rawMovie(3), 6, 0);
    other.append(999, rawMovie(3), 6, 0);
    other.append(rawUser(3), 999, 6, 0);
    const std::vector<double> predicted = back.predictRows(other, allRows(other));
    QCOMPARE(predicted.size(), size_t(3));
    QCOMPARE(predicted[0], back.predict(rawUser(3), rawMovie(3)).rating);
    QVERIFY(std::abs(predicted[1] - mean) < 1e-5);
    QVERIFY(std::abs(predicted[2] - mean) < 1e-5);

    // Saving again over the same folder replaces it cleanly.
    const Result<void> again = back.save(dir);
    QVERIFY2(again.ok(), qPrintable(again ? QString() : again.error()));
    QVERIFY(m_engine->load(dir).ok());
}

void tst_Training::growth_data()
{
    addKindRows(/*withMean=*/true);
}

void tst_Training::growth()
{
    QFETCH(ModelKind, kind);
    QFETCH(bool, sparse);

    TrainOptions options = tinyOptions(kind, 3);
    options.sparseEmbeddings = sparse;
    Result<ModelEngine::Trained> trained = m_engine->train(m_tiny, m_tinyRows, m_tinyRows,
                                                           options);
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    TrainedModel &model = *trained->model;

    const std::vector<Prediction> pairsBefore = allPairs(model);
    const std::vector<double> rowsBefore = model.predictRows(m_tiny, m_tinyRows);
    const size_t usersBefore = model.userIds().size();
    const size_t itemsBefore = model.itemIds().size();
    QVERIFY(model.predict(101, rawMovie(0)).coldStart);
    QVERIFY(model.predict(rawUser(0), 990).coldStart);

    // Two new users (one listed twice), one new movie, and ids the model already has.
    const AdmitReport admitted = model.admit({101, rawUser(0), 102, 101}, {rawMovie(2), 990});
    QCOMPARE(admitted.newUsers, qint64(2));
    QCOMPARE(admitted.newItems, qint64(1));
    QCOMPARE(model.userIds().size(), usersBefore + 2);
    QCOMPARE(model.itemIds().size(), itemsBefore + 1);
    // Old ids keep their dense indices; new ones come next.
    QCOMPARE(model.userIds().find(rawUser(0)), 0u);
    QCOMPARE(model.userIds().find(101), uint32_t(usersBefore));
    QCOMPARE(model.userIds().find(102), uint32_t(usersBefore + 1));
    QCOMPARE(model.itemIds().find(990), uint32_t(itemsBefore));

    const QString pairs = firstDifference(allPairs(model), pairsBefore);
    QVERIFY2(pairs.isEmpty(), qPrintable(pairs));
    const QString rows = firstDifference(model.predictRows(m_tiny, m_tinyRows), rowsBefore);
    QVERIFY2(rows.isEmpty(), qPrintable(rows));

    const double lo = model.scaler().min(), hi = model.scaler().max();
    for (const auto &[u, i] : {std::pair<uint32_t, uint32_t>{101, rawMovie(0)},
                               {102, rawMovie(7)},
                               {rawUser(3), 990},
                               {101, 990}}) {
        const Prediction p = model.predict(u, i);
        QVERIFY2(!p.coldStart, qPrintable(QStringLiteral("user %1, movie %2").arg(u).arg(i)));
        QVERIFY2(std::isfinite(p.rating) && p.rating >= lo - 1e-6 && p.rating <= hi + 1e-6,
                 qPrintable(QString::number(p.rating)));
    }

    // Admitting ids the model has (or none) changes nothing.
    const AdmitReport none = model.admit({rawUser(1), 101}, {rawMovie(1), 990});
    QCOMPARE(none.newUsers, qint64(0));
    QCOMPARE(none.newItems, qint64(0));
    const AdmitReport empty = model.admit({}, {});
    QCOMPARE(empty.newUsers + empty.newItems, qint64(0));
    QCOMPARE(model.userIds().size(), usersBefore + 2);
    QCOMPARE(model.itemIds().size(), itemsBefore + 1);
    const QString still = firstDifference(allPairs(model), pairsBefore);
    QVERIFY2(still.isEmpty(), qPrintable(still));

    // The grown model saves and loads, new ids included.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const Result<void> saved = model.save(tmp.path());
    QVERIFY2(saved.ok(), qPrintable(saved ? QString() : saved.error()));
    Result<std::unique_ptr<TrainedModel>> loaded = m_engine->load(tmp.path());
    QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error()));
    const TrainedModel &back = **loaded;
    QVERIFY(back.userIds() == model.userIds());
    QVERIFY(back.itemIds() == model.itemIds());
    const QString loadedPairs = firstDifference(allPairs(back), pairsBefore);
    QVERIFY2(loadedPairs.isEmpty(), qPrintable(loadedPairs));
    for (const auto &[u, i] : {std::pair<uint32_t, uint32_t>{101, rawMovie(0)}, {101, 990}}) {
        const Prediction a = back.predict(u, i), b = model.predict(u, i);
        QVERIFY(!a.coldStart);
        QCOMPARE(a.rating, b.rating);
    }
}

void tst_Training::sparseMatchesDense_data()
{
    QTest::addColumn<ModelKind>("kind");

    QTest::newRow("nonlinear") << ModelKind::NonLinear;
    QTest::newRow("mf") << ModelKind::Mf;
}

void tst_Training::sparseMatchesDense()
{
    QFETCH(ModelKind, kind);

    double rmse[2] = {0.0, 0.0};
    for (bool sparse : {true, false}) {
        TrainOptions options = synthOptions(kind, 3);
        options.sparseEmbeddings = sparse;
        Result<ModelEngine::Trained> trained = m_engine->train(m_synth, m_synthSplit.train,
                                                               m_synthSplit.test, options);
        QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
        rmse[sparse ? 0 : 1] = trained->model->rmse(m_synth, m_synthSplit.test);
    }
    qInfo("%s: val RMSE lazy %.4f, dense %.4f", QTest::currentDataTag(), rmse[0], rmse[1]);
    QVERIFY2(std::abs(rmse[0] - rmse[1]) < 0.03,
             qPrintable(QStringLiteral("lazy %1, dense %2").arg(rmse[0]).arg(rmse[1])));
    QVERIFY(rmse[0] < m_synthMeanRmse);
}

void tst_Training::earlyStoppingRestoresBest_data()
{
    QTest::addColumn<ModelKind>("kind");
    QTest::addColumn<int>("patience");

    QTest::newRow("nonlinear, patience 1") << ModelKind::NonLinear << 1;
    QTest::newRow("nonlinear, patience 2") << ModelKind::NonLinear << 2;
    QTest::newRow("mf, patience 2") << ModelKind::Mf << 2;
}

void tst_Training::earlyStoppingRestoresBest()
{
    QFETCH(ModelKind, kind);
    QFETCH(int, patience);

    // Wide tables, no dropout, no regularisation and a brisk rate: on 13,500 ratings the model
    // is best after an epoch or two and then overfits.
    constexpr int kEpochs = 30;
    TrainOptions options = synthOptions(kind, kEpochs);
    options.params.embeddingDim = 64;
    options.params.hidden = {64, 32};
    options.params.factors = 64;
    options.params.dropout = 0.0;
    options.params.reg = 0.0;
    options.params.lr = 3e-3;
    options.params.batchSize = 128;
    options.params.patience = patience;
    Result<ModelEngine::Trained> trained = m_engine->train(m_synth, m_synthSplit.train,
                                                           m_synthSplit.test, options);
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    const TrainReport &report = trained->report;
    const int ran = int(report.epochs.size());
    qInfo("%s: best epoch %d of %d, best %.4f, last %.4f", QTest::currentDataTag(),
          report.bestEpoch, ran, report.bestValRmse, report.epochs.back().valRmse);

    QVERIFY(report.stoppedEarly);
    QVERIFY(!report.cancelled);
    QVERIFY(ran < kEpochs);
    QVERIFY(report.bestEpoch >= 1);
    QVERIFY(report.bestEpoch < ran);
    // It stops after exactly `patience` epochs without a new best.
    QCOMPARE(ran, report.bestEpoch + patience);
    QCOMPARE(report.bestValRmse, report.epochs[size_t(report.bestEpoch - 1)].valRmse);
    for (const EpochReport &e : report.epochs)
        QVERIFY(e.valRmse >= report.bestValRmse);

    // The model handed back has the best epoch's weights, not the last epoch's.
    const double rmse = trained->model->rmse(m_synth, m_synthSplit.test);
    QVERIFY2(std::abs(rmse - report.bestValRmse) < 1e-5,
             qPrintable(QStringLiteral("model %1, best %2, last %3")
                            .arg(rmse, 0, 'g', 10)
                            .arg(report.bestValRmse, 0, 'g', 10)
                            .arg(report.epochs.back().valRmse, 0, 'g', 10)));
    QVERIFY2(std::abs(report.epochs.back().valRmse - report.bestValRmse) > 1e-4,
             "the last epoch is as good as the best: the check above proves nothing");
}

void tst_Training::cancellation_data()
{
    QTest::addColumn<int>("cancelAtCall");
    QTest::addColumn<int>("fullEpochs"); // epochs that must have run to their end

    // 13,500 training ratings in batches of 64: 211 batches an epoch.
    QTest::newRow("before the first batch") << 1 << 0;
    QTest::newRow("at the third batch") << 3 << 0;
    QTest::newRow("early in the second epoch") << 211 + 5 << 1;
}

void tst_Training::cancellation()
{
    QFETCH(int, cancelAtCall);
    QFETCH(int, fullEpochs);

    TrainOptions options = synthOptions(ModelKind::NonLinear, 3);
    options.params.batchSize = 64;
    QCOMPARE((m_synthSplit.train.size() + 63) / 64, size_t(211));
    int calls = 0;
    int epochCalls = 0;
    TrainCallbacks callbacks;
    callbacks.isCanceled = [&] { return ++calls >= cancelAtCall; };
    callbacks.epochFinished = [&](const EpochReport &) { ++epochCalls; };
    Result<ModelEngine::Trained> trained = m_engine->train(m_synth, m_synthSplit.train,
                                                           m_synthSplit.test, options, callbacks);
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    const TrainReport &report = trained->report;

    QVERIFY(report.cancelled);
    QVERIFY(!report.stoppedEarly);
    // Stopped at the first poll that said so: not one more batch, not one more poll.
    QCOMPARE(calls, cancelAtCall);
    QCOMPARE(epochCalls, int(report.epochs.size()));
    QVERIFY(int(report.epochs.size()) >= fullEpochs);
    QVERIFY(int(report.epochs.size()) <= fullEpochs + 1);
    if (cancelAtCall == 1) {
        QVERIFY(report.epochs.empty());
        QCOMPARE(report.bestEpoch, 0);
    }
    for (const EpochReport &e : report.epochs)
        QVERIFY(std::isfinite(e.trainMse) && std::isfinite(e.valRmse));

    // What comes back is a usable model.
    const Prediction p = trained->model->predict(m_synth.userIds.rawId(0),
                                                 m_synth.itemIds.rawId(0));
    QVERIFY(!p.coldStart);
    QVERIFY(std::isfinite(p.rating));
    QVERIFY(std::isfinite(trained->model->rmse(m_synth, m_synthSplit.test)));
}

void tst_Training::badCheckpoints_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("missing folder")
        << "missing folder" << "no model.json (is this a model folder?)";
    QTest::newRow("no model.json") << "no model.json" << "no model.json (is this a model folder?)";
    QTest::newRow("model.json not JSON") << "model.json not JSON" << "model.json is not valid JSON";
    QTest::newRow("model.json empty") << "model.json empty" << "model.json is not valid JSON";
    QTest::newRow("model.json an array")
        << "model.json an array" << "model.json is not an NCF Workbench model";
    QTest::newRow("wrong format") << "wrong format" << "model.json is not an NCF Workbench model";
    QTest::newRow("wrong version")
        << "wrong version" << "format version 2 is not supported (expected 1)";
    QTest::newRow("unknown kind") << "unknown kind" << "unknown model 'transformer'";
    QTest::newRow("bad parameter") << "bad parameter" << "parameter lr: expected a number";
    QTest::newRow("no scaler") << "no scaler" << "scaler: expected";
    QTest::newRow("weights.pt missing") << "weights.pt missing" << "weights.pt is missing";
    QTest::newRow("weights.pt truncated")
        << "weights.pt truncated" << "weights.pt is truncated or corrupt";
    QTest::newRow("optimizer.pt corrupt byte")
        << "optimizer.pt corrupt byte" << "optimizer.pt is truncated or corrupt";
    QTest::newRow("users.idmap corrupt byte")
        << "users.idmap corrupt byte" << "users.idmap is truncated or corrupt";
    QTest::newRow("items.idmap missing") << "items.idmap missing" << "items.idmap is missing";
    QTest::newRow("users count edited")
        << "users count edited" << "the id maps do not match the table sizes in model.json";
    QTest::newRow("embedding_dim edited") << "embedding_dim edited" << "has the wrong shape";
    QTest::newRow("users.idmap bad header, checksum updated")
        << "users.idmap bad header, checksum updated" << "not an id map (bad header)";
    // Past the checksum, LibTorch's own reader meets the torn archive: still an error.
    QTest::newRow("weights.pt truncated, checksum updated")
        << "weights.pt truncated, checksum updated" << "";
    QTest::newRow("weights.pt garbage, checksum updated")
        << "weights.pt garbage, checksum updated" << "";
}

void tst_Training::badCheckpoints()
{
    QFETCH(QString, damage);
    QFETCH(QString, fragment);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("damaged"));
    QVERIFY(copyFolder(m_goodCheckpoint, dir));
    QVERIFY2(m_engine->load(dir).ok(), "the undamaged copy must load");
    const QDir d(dir);
    auto path = [&](const char *file) { return d.filePath(QLatin1String(file)); };
    auto editManifest = [&](const std::function<void(QJsonObject &)> &edit) {
        QJsonObject json = readManifest(dir);
        edit(json);
        return writeManifest(dir, json);
    };
    auto halve = [&](const char *file) {
        const QByteArray bytes = readAll(path(file));
        return !bytes.isEmpty() && writeAll(path(file), bytes.left(bytes.size() / 2));
    };
    auto flipLastByte = [&](const char *file) {
        QByteArray bytes = readAll(path(file));
        if (bytes.isEmpty())
            return false;
        bytes[bytes.size() - 1] = char(bytes[bytes.size() - 1] ^ 0x5a);
        return writeAll(path(file), bytes);
    };

    QString loadFrom = dir;
    bool ok = true;
    if (damage == QLatin1String("missing folder")) {
        loadFrom = tmp.filePath(QStringLiteral("never-saved"));
    } else if (damage == QLatin1String("no model.json")) {
        ok = QFile::remove(path("model.json"));
    } else if (damage == QLatin1String("model.json not JSON")) {
        ok = writeAll(path("model.json"), "{ \"format\": \"ncf-workbench-model\", version: ");
    } else if (damage == QLatin1String("model.json empty")) {
        ok = writeAll(path("model.json"), QByteArray());
    } else if (damage == QLatin1String("model.json an array")) {
        ok = writeAll(path("model.json"), "[1, 2, 3]");
    } else if (damage == QLatin1String("wrong format")) {
        ok = editManifest([](QJsonObject &j) { j.insert("format", "some-other-tool"); });
    } else if (damage == QLatin1String("wrong version")) {
        ok = editManifest([](QJsonObject &j) { j.insert("version", 2); });
    } else if (damage == QLatin1String("unknown kind")) {
        ok = editManifest([](QJsonObject &j) { j.insert("kind", "transformer"); });
    } else if (damage == QLatin1String("bad parameter")) {
        ok = editManifest([](QJsonObject &j) {
            QJsonObject params = j.value("params").toObject();
            params.insert("lr", "fast");
            j.insert("params", params);
        });
    } else if (damage == QLatin1String("no scaler")) {
        ok = editManifest([](QJsonObject &j) { j.remove("scaler"); });
    } else if (damage == QLatin1String("weights.pt missing")) {
        ok = QFile::remove(path("weights.pt"));
    } else if (damage == QLatin1String("weights.pt truncated")) {
        ok = halve("weights.pt");
    } else if (damage == QLatin1String("optimizer.pt corrupt byte")) {
        ok = flipLastByte("optimizer.pt");
    } else if (damage == QLatin1String("users.idmap corrupt byte")) {
        ok = flipLastByte("users.idmap");
    } else if (damage == QLatin1String("items.idmap missing")) {
        ok = QFile::remove(path("items.idmap"));
    } else if (damage == QLatin1String("users count edited")) {
        ok = editManifest([](QJsonObject &j) { j.insert("users", j.value("users").toInt() + 1); });
    } else if (damage == QLatin1String("embedding_dim edited")) {
        ok = editManifest([](QJsonObject &j) {
            QJsonObject params = j.value("params").toObject();
            params.insert("embedding_dim", 8);
            j.insert("params", params);
        });
    } else if (damage == QLatin1String("users.idmap bad header, checksum updated")) {
        QByteArray bytes = readAll(path("users.idmap"));
        bytes[0] = 'X';
        ok = writeAll(path("users.idmap"), bytes) && rehash(dir, QStringLiteral("users.idmap"));
    } else if (damage == QLatin1String("weights.pt truncated, checksum updated")) {
        ok = halve("weights.pt") && rehash(dir, QStringLiteral("weights.pt"));
    } else if (damage == QLatin1String("weights.pt garbage, checksum updated")) {
        ok = writeAll(path("weights.pt"), QByteArray(4096, '\x7f'))
             && rehash(dir, QStringLiteral("weights.pt"));
    } else {
        QFAIL(qPrintable(QStringLiteral("unknown damage '%1'").arg(damage)));
    }
    QVERIFY2(ok, "could not damage the checkpoint");

    const Result<std::unique_ptr<TrainedModel>> loaded = m_engine->load(loadFrom);
    QVERIFY2(!loaded.ok(), "a damaged checkpoint loaded");
    const QString error = loaded.error();
    qInfo("%s", qPrintable(error));
    // The message says which folder, then what is wrong with it.
    QVERIFY2(error.startsWith(QStringLiteral("checkpoint %1: ").arg(loadFrom)), qPrintable(error));
    QVERIFY2(error.size() > QStringLiteral("checkpoint %1: ").arg(loadFrom).size(),
             qPrintable(error));
    QVERIFY2(error.contains(fragment), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_Training)

#include "tst_training.moc"
