#include "trainingfixture.h"

#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <utility>

using namespace Ncf;
using namespace Ncf::TrainingFixture;

class tst_Checkpoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void saveLoadRoundTrip_data();
    void saveLoadRoundTrip();
    void growth_data();
    void growth();
    void badCheckpoints_data();
    void badCheckpoints();
    void loadsFormatVersionOne();

private:
    ModelEngine *m_engine = nullptr;
    RatingDataset m_tiny;
    RowList m_tinyRows;
    QTemporaryDir m_checkpoints;
    QString m_goodCheckpoint; //!< a saved tiny nonlinear model that badCheckpoints() damages
};

void tst_Checkpoints::initTestCase()
{
    const Result<ModelEngine *> engine = modelEngine();
    QVERIFY2(engine.ok(), qPrintable(engine ? QString() : engine.error()));
    m_engine = *engine;

    m_tiny = tinyFixture();
    QCOMPARE(m_tiny.size(), size_t(40));
    m_tinyRows = allRows(m_tiny);

    QVERIFY(m_checkpoints.isValid());
    Result<ModelEngine::Trained> trained = m_engine->train(
        m_tiny, m_tinyRows, m_tinyRows, tinyOptions(ModelKind::NonLinear, 2));
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    m_goodCheckpoint = m_checkpoints.filePath(QStringLiteral("good"));
    const Result<void> saved = trained->model->save(m_goodCheckpoint);
    QVERIFY2(saved.ok(), qPrintable(saved ? QString() : saved.error()));
}

void tst_Checkpoints::saveLoadRoundTrip_data()
{
    addKindRows(/*withMean=*/true);
}

void tst_Checkpoints::saveLoadRoundTrip()
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

void tst_Checkpoints::growth_data()
{
    addKindRows(/*withMean=*/true);
}

void tst_Checkpoints::growth()
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

void tst_Checkpoints::badCheckpoints_data()
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
        << "wrong version" << "format version 3 is not supported (expected 1 to 2)";
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

void tst_Checkpoints::badCheckpoints()
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
        ok = editManifest([](QJsonObject &j) { j.insert("version", 3); });
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

void tst_Checkpoints::loadsFormatVersionOne()
{
    // Folders written before version 2 carry SHA-256 sums and still load, predicting the same.
    const QString dir = m_checkpoints.filePath(QStringLiteral("version-one"));
    QVERIFY(QDir().mkpath(dir));
    for (const QString &name : QDir(m_goodCheckpoint).entryList(QDir::Files))
        QVERIFY(QFile::copy(QDir(m_goodCheckpoint).filePath(name), QDir(dir).filePath(name)));
    QJsonObject json = readManifest(dir);
    QCOMPARE(json.value(QStringLiteral("version")).toInt(), 2);
    json.insert(QStringLiteral("version"), 1);
    QVERIFY(writeManifest(dir, json));
    for (const char *file : {"weights.pt", "optimizer.pt", "users.idmap", "items.idmap"})
        QVERIFY(rehash(dir, QLatin1String(file)));

    Result<std::unique_ptr<TrainedModel>> old = m_engine->load(dir);
    QVERIFY2(old.ok(), qPrintable(old ? QString() : old.error()));
    Result<std::unique_ptr<TrainedModel>> current = m_engine->load(m_goodCheckpoint);
    QVERIFY(current.ok());
    QCOMPARE((*old)->predictRows(m_tiny, m_tinyRows), (*current)->predictRows(m_tiny, m_tinyRows));

    // SHA-256 sums under version 2 (which means BLAKE2b) fail their check.
    json = readManifest(dir);
    json.insert(QStringLiteral("version"), 2);
    QVERIFY(writeManifest(dir, json));
    Result<std::unique_ptr<TrainedModel>> mismatched = m_engine->load(dir);
    QVERIFY(!mismatched.ok());
    QVERIFY(mismatched.error().contains(QLatin1String("checksum")));
}

QTEST_GUILESS_MAIN(tst_Checkpoints)

#include "tst_checkpoints.moc"
