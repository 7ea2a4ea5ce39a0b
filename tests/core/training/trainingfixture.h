// Shared fixtures for the training tests (tst_training, tst_checkpoints): the tiny 8 x 8
// rating fixture, options builders for it and for the synthetic data, RMSE and row helpers,
// file and manifest helpers for damaging checkpoints, prediction comparisons and the
// data-driven rows over model kinds.
#pragma once

#include "core/training/training.h"

#include "core/data/ratingdataset.h"
#include "core/data/splits.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

Q_DECLARE_METATYPE(Ncf::ModelKind)
Q_DECLARE_METATYPE(Ncf::BetaAnnealer)

namespace Ncf::TrainingFixture {

inline constexpr uint64_t kSeed = 20240611;

// The tiny fixture: 8 users x 8 movies, 40 ratings. User u (raw id u + 1) and movie m (raw
// id 10 (m + 1)) carry signs s_u = +-1 by parity and the movie a strength a_m = 1 or 2;
// the rating is 3 + s_u s_m a_m, one of 1, 2, 4, 5 stars. A rank-one pattern plus the mean,
// so every model can learn it exactly; the global mean is far off (about 1.6 stars).
inline constexpr int kTinyUsers = 8;
inline constexpr int kTinyMovies = 8;

inline uint32_t rawUser(int u)
{
    return uint32_t(u + 1);
}

inline uint32_t rawMovie(int m)
{
    return uint32_t(10 * (m + 1));
}

inline int tinyRating(int u, int m)
{
    const int su = u % 2 ? -1 : 1;
    const int sm = m % 2 ? -1 : 1;
    const int am = m < 4 ? 1 : 2;
    return 3 + su * sm * am;
}

inline bool tinyRated(int u, int m)
{
    return (3 * u + m) % 8 < 5; // 5 of 8 cells in every row and every column
}

inline RatingDataset tinyFixture()
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

inline RowList allRows(const RatingDataset &data)
{
    RowList rows(data.size());
    std::iota(rows.begin(), rows.end(), 0u);
    return rows;
}

inline double meanOf(const RatingDataset &data, const RowList &rows)
{
    double sum = 0.0;
    for (uint32_t r : rows)
        sum += data.rating(r);
    return sum / double(rows.size());
}

//! RMSE of always predicting `mean` over `rows`.
inline double constantRmse(const RatingDataset &data, const RowList &rows, double mean)
{
    double squares = 0.0;
    for (uint32_t r : rows)
        squares += (data.rating(r) - mean) * (data.rating(r) - mean);
    return std::sqrt(squares / double(rows.size()));
}

//! Small networks, no dropout, small batches, no early stopping: for the tiny fixture.
inline TrainOptions tinyOptions(ModelKind kind, int epochs)
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
inline TrainOptions synthOptions(ModelKind kind, int epochs)
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

inline QString errorOf(const Result<ModelEngine::Trained> &r)
{
    return r ? QString() : r.error();
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

inline bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

inline bool copyFolder(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    const QDir source(from);
    for (const QString &name : source.entryList(QDir::Files))
        if (!QFile::copy(source.filePath(name), QDir(to).filePath(name)))
            return false;
    return true;
}

inline QJsonObject readManifest(const QString &dir)
{
    return QJsonDocument::fromJson(readAll(QDir(dir).filePath(QStringLiteral("model.json"))))
        .object();
}

inline bool writeManifest(const QString &dir, const QJsonObject &json)
{
    return writeAll(QDir(dir).filePath(QStringLiteral("model.json")),
                    QJsonDocument(json).toJson());
}

//! Stores the current SHA-256 of `file` in model.json, so a deliberate edit passes the
//! checksum and reaches the parser behind it.
inline bool rehash(const QString &dir, const QString &file)
{
    QJsonObject json = readManifest(dir);
    QJsonObject files = json.value(QStringLiteral("files")).toObject();
    // Format version 1 folders carry SHA-256 sums, later ones BLAKE2b-256.
    const auto algorithm = json.value(QStringLiteral("version")).toInt() >= 2
                               ? QCryptographicHash::Blake2b_256
                               : QCryptographicHash::Sha256;
    files.insert(file, QString::fromLatin1(
                           QCryptographicHash::hash(readAll(QDir(dir).filePath(file)), algorithm)
                               .toHex()));
    json.insert(QStringLiteral("files"), files);
    return writeManifest(dir, json);
}

//! Predictions for every (user, movie) pair of the tiny fixture's id ranges, rated or not.
inline std::vector<Prediction> allPairs(const TrainedModel &model)
{
    std::vector<Prediction> out;
    for (int u = 0; u < kTinyUsers; ++u)
        for (int m = 0; m < kTinyMovies; ++m)
            out.push_back(model.predict(rawUser(u), rawMovie(m)));
    return out;
}

//! Exact equality of two prediction lists; names the first difference.
inline QString firstDifference(const std::vector<double> &a, const std::vector<double> &b)
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

inline QString firstDifference(const std::vector<Prediction> &a,
                               const std::vector<Prediction> &b)
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

inline void addKindRows(bool withMean)
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

} // namespace Ncf::TrainingFixture
