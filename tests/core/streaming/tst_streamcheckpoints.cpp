// Stream checkpoints (step folders, order, partial folders, pruning) and the StreamStep record.

#include "../training/trainingfixture.h"

#include "core/streaming/checkpoints.h"
#include "core/streaming/streamstep.h"

#include <QTemporaryDir>

#include <cmath>
#include <limits>
#include <memory>
#include <utility>

using namespace Ncf;
using namespace Ncf::TrainingFixture;

class tst_StreamCheckpoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void offsets();
    void stepJsonRoundTrip();
    void stepJsonWithoutFigures();
    void writesStepsInOrder();
    void readRoundTripsEveryField();
    void loadedCheckpointPredictsTheSame();
    void orderAcrossSixDigits();
    void ignoresIncompleteFolders();
    void partialIgnoredAndPruned();
    void pruneKeepsNewest();
    void rewriteReplacesStep();
    void currentModelDirFallsBack();
    void readErrors();

private:
    ModelEngine *m_engine = nullptr;
    RatingDataset m_tiny;
    std::unique_ptr<TrainedModel> m_models[2]; //!< two different tiny MF models
    QTemporaryDir m_tmp;
    QString m_stateDir; //!< steps 0, 1, 2 written by writesStepsInOrder()
};

namespace {

//! A step with every field set to a distinct value, `valMse` NaN on request.
StreamStep fullStep(int number, bool nanValidation)
{
    StreamStep s;
    s.step = number;
    s.offsets = {{0, 100 + number}, {1, 200 + number}, {3, (int64_t(1) << 40) + number}};
    s.messages = 1000 + number;
    s.malformed = 7 + number;
    s.ratings = 993;
    s.trainRatings = 794;
    s.validationRatings = 199;
    s.newUsers = 3;
    s.newItems = 5;
    s.users = 611;
    s.items = 9742;
    s.trainMse = 0.0412345678901234;
    s.valMse = nanValidation ? std::nan("") : 0.0456789;
    s.testMse = 0.0501;
    s.oldMse = 0.0487;
    s.scaleRange = 4.5;
    s.fineTuneSeconds = 1.25;
    s.evalSeconds = 0.125;
    s.checkpointSeconds = 0.0625;
    s.stepSeconds = 1.5;
    s.ingestRate = 12345.5;
    s.lag = 42;
    s.checkpoint = QStringLiteral("/somewhere/else");
    s.created = QStringLiteral("2026-01-02T03:04:05.678Z");
    return s;
}

bool sameNumber(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

//! Names the first field in which two steps differ; `checkpoint` is compared on request.
QString stepDifference(const StreamStep &a, const StreamStep &b, bool withCheckpoint)
{
    auto differ = [](const char *name, auto x, auto y) {
        return QStringLiteral("%1: %2 vs %3").arg(QLatin1String(name)).arg(x).arg(y);
    };
#define NCF_INT(f)                                                                            \
    if (a.f != b.f)                                                                           \
        return differ(#f, qint64(a.f), qint64(b.f));
#define NCF_DOUBLE(f)                                                                         \
    if (!sameNumber(a.f, b.f))                                                                \
        return differ(#f, a.f, b.f);
    NCF_INT(step)
    NCF_INT(messages)
    NCF_INT(malformed)
    NCF_INT(ratings)
    NCF_INT(trainRatings)
    NCF_INT(validationRatings)
    NCF_INT(newUsers)
    NCF_INT(newItems)
    NCF_INT(users)
    NCF_INT(items)
    NCF_INT(lag)
    NCF_DOUBLE(trainMse)
    NCF_DOUBLE(valMse)
    NCF_DOUBLE(testMse)
    NCF_DOUBLE(oldMse)
    NCF_DOUBLE(scaleRange)
    NCF_DOUBLE(fineTuneSeconds)
    NCF_DOUBLE(evalSeconds)
    NCF_DOUBLE(checkpointSeconds)
    NCF_DOUBLE(stepSeconds)
    NCF_DOUBLE(ingestRate)
#undef NCF_INT
#undef NCF_DOUBLE
    if (a.offsets != b.offsets)
        return QStringLiteral("offsets: %1 vs %2")
            .arg(QString::fromUtf8(QJsonDocument(offsetsToJson(a.offsets)).toJson()),
                 QString::fromUtf8(QJsonDocument(offsetsToJson(b.offsets)).toJson()));
    if (a.created != b.created)
        return QStringLiteral("created: %1 vs %2").arg(a.created, b.created);
    if (withCheckpoint && a.checkpoint != b.checkpoint)
        return QStringLiteral("checkpoint: %1 vs %2").arg(a.checkpoint, b.checkpoint);
    return {};
}

//! A folder that looks like a complete step to the listing: only its record, no model.
bool fakeStep(const QString &stateDir, const QString &name, int step)
{
    const QString dir = QDir(stateDir).filePath(name);
    StreamStep s;
    s.step = step;
    return QDir().mkpath(dir)
           && writeAll(QDir(dir).filePath(QStringLiteral("stream-step.json")),
                       QJsonDocument(s.toJson()).toJson());
}

QStringList baseNames(const QStringList &paths)
{
    QStringList names;
    for (const QString &p : paths)
        names.append(QFileInfo(p).fileName());
    return names;
}

} // namespace

void tst_StreamCheckpoints::initTestCase()
{
    const Result<ModelEngine *> engine = modelEngine();
    QVERIFY2(engine.ok(), qPrintable(engine ? QString() : engine.error()));
    m_engine = *engine;
    QVERIFY(m_tmp.isValid());

    m_tiny = tinyFixture();
    const RowList rows = allRows(m_tiny);
    for (int k = 0; k < 2; ++k) {
        TrainOptions options = tinyOptions(ModelKind::Mf, 2 + 3 * k);
        options.seed = kSeed + uint64_t(k);
        Result<ModelEngine::Trained> trained = m_engine->train(m_tiny, rows, rows, options);
        QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
        m_models[k] = std::move(trained->model);
    }
    QVERIFY2(!firstDifference(allPairs(*m_models[0]), allPairs(*m_models[1])).isEmpty(),
             "the two fixture models predict the same");
    m_stateDir = m_tmp.filePath(QStringLiteral("model/stream"));
}

void tst_StreamCheckpoints::offsets()
{
    const PartitionOffsets offsets{{0, 5}, {1, 7}, {4, int64_t(1) << 40}};
    QCOMPARE(offsetsTotal(offsets), int64_t(12) + (int64_t(1) << 40));
    QCOMPARE(offsetsTotal({}), int64_t(0));
    QCOMPARE(offsetsTotal({{2, 0}}), int64_t(0));

    const QJsonObject json = offsetsToJson(offsets);
    QCOMPARE(json.size(), 3);
    QCOMPARE(json.value(QStringLiteral("1")).toInteger(), qint64(7));
    QCOMPARE(json.value(QStringLiteral("4")).toInteger(), qint64(1) << 40);
    QVERIFY(offsetsFromJson(json) == offsets);
    // Through text, as a checkpoint stores them.
    const QJsonObject reread
        = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
    QVERIFY(offsetsFromJson(reread) == offsets);

    // Keys that are not partition numbers are dropped.
    const PartitionOffsets cleaned = offsetsFromJson(
        QJsonObject{{"0", 3}, {"x", 9}, {"-1", 4}, {"2", 11}});
    QVERIFY(cleaned == (PartitionOffsets{{0, 3}, {2, 11}}));
    QVERIFY(offsetsFromJson({}).empty());
}

void tst_StreamCheckpoints::stepJsonRoundTrip()
{
    for (bool nanValidation : {false, true}) {
        const StreamStep step = fullStep(17, nanValidation);
        const QJsonObject json = step.toJson();
        // The figures on the true scale are written too: MSE x range^2.
        QCOMPARE(json.value(QStringLiteral("test_mse_true")).toDouble(), 0.0501 * 4.5 * 4.5);
        QCOMPARE(json.value(QStringLiteral("old_mse_true")).toDouble(), 0.0487 * 4.5 * 4.5);
        QCOMPARE(json.value(QStringLiteral("step")).toInt(), 17);
        QCOMPARE(json.value(QStringLiteral("train_ratings")).toInteger(), qint64(794));
        // JSON has no NaN: a missing figure is null.
        QCOMPARE(json.value(QStringLiteral("val_mse")).isNull(), nanValidation);
        QCOMPARE(json.value(QStringLiteral("val_mse_true")).isNull(), nanValidation);

        const StreamStep direct = StreamStep::fromJson(json);
        QString diff = stepDifference(step, direct, true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // And through text.
        const StreamStep reread = StreamStep::fromJson(
            QJsonDocument::fromJson(QJsonDocument(json).toJson()).object());
        diff = stepDifference(step, reread, true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(std::isnan(reread.valMse), nanValidation);
    }
    QCOMPARE(fullStep(0, false).trueScale(0.02), 0.02 * 4.5 * 4.5);
}

void tst_StreamCheckpoints::stepJsonWithoutFigures()
{
    // A default step (step 0 before evaluation) has no MSEs: they stay NaN both ways.
    const StreamStep empty;
    const QJsonObject json = empty.toJson();
    for (const char *key : {"train_mse", "val_mse", "test_mse", "old_mse", "test_mse_true"})
        QVERIFY2(json.value(QLatin1String(key)).isNull(), key);
    const StreamStep back = StreamStep::fromJson(json);
    QVERIFY(std::isnan(back.trainMse) && std::isnan(back.valMse));
    QVERIFY(std::isnan(back.testMse) && std::isnan(back.oldMse));
    QCOMPARE(back.scaleRange, 1.0);
    QVERIFY(back.offsets.empty());

    // An empty object reads as the defaults; the scale range defaults to 1, not 0.
    const StreamStep blank = StreamStep::fromJson({});
    QCOMPARE(blank.step, 0);
    QCOMPARE(blank.messages, qint64(0));
    QCOMPARE(blank.scaleRange, 1.0);
    QVERIFY(std::isnan(blank.testMse));
    QVERIFY(blank.checkpoint.isEmpty());
}

void tst_StreamCheckpoints::writesStepsInOrder()
{
    QVERIFY(stepCheckpoints(m_stateDir).isEmpty());
    QVERIFY(latestCheckpoint(m_stateDir).isEmpty());
    for (int k = 0; k < 3; ++k) {
        // Step 1 has no validation part, so its val MSE is NaN.
        const StreamStep step = fullStep(k, k == 1);
        Result<QString> dir = writeCheckpoint(*m_models[k % 2], step, m_stateDir);
        QVERIFY2(dir.ok(), qPrintable(dir ? QString() : dir.error()));
        QCOMPARE(QFileInfo(*dir).fileName(), QStringLiteral("step-%1").arg(k, 6, 10, QChar('0')));
        QCOMPARE(QFileInfo(*dir).absolutePath(), QFileInfo(m_stateDir).absoluteFilePath());
        QVERIFY(QFile::exists(QDir(*dir).filePath(QStringLiteral("model.json"))));
        QVERIFY(QFile::exists(QDir(*dir).filePath(QStringLiteral("stream-step.json"))));
        QVERIFY(!QFileInfo::exists(*dir + QStringLiteral(".partial")));
        QCOMPARE(latestCheckpoint(m_stateDir), *dir);
    }
    const QStringList steps = stepCheckpoints(m_stateDir);
    QCOMPARE(baseNames(steps),
             (QStringList{"step-000000", "step-000001", "step-000002"}));
    QCOMPARE(latestCheckpoint(m_stateDir), steps.last());
    // Nothing else is left in the state folder.
    QCOMPARE(QDir(m_stateDir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).size(), 3);
}

void tst_StreamCheckpoints::readRoundTripsEveryField()
{
    const QStringList steps = stepCheckpoints(m_stateDir);
    QCOMPARE(steps.size(), 3);
    for (int k = 0; k < 3; ++k) {
        Result<StreamStep> read = readCheckpointStep(steps[k]);
        QVERIFY2(read.ok(), qPrintable(read ? QString() : read.error()));
        StreamStep expected = fullStep(k, k == 1);
        // The record names the folder it lives in, not what the caller passed.
        expected.checkpoint = steps[k];
        const QString diff = stepDifference(expected, *read, true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(std::isnan(read->valMse), k == 1);
        QCOMPARE(offsetsTotal(read->offsets), int64_t(300 + 3 * k) + (int64_t(1) << 40));
        // The file itself names the final folder, not the .partial one it was written in.
        const QJsonObject file = QJsonDocument::fromJson(
            readAll(QDir(steps[k]).filePath(QStringLiteral("stream-step.json")))).object();
        QCOMPARE(file.value(QStringLiteral("checkpoint")).toString(), steps[k]);
    }
}

void tst_StreamCheckpoints::loadedCheckpointPredictsTheSame()
{
    const QStringList steps = stepCheckpoints(m_stateDir);
    QCOMPARE(steps.size(), 3);
    const RowList rows = allRows(m_tiny);
    for (int k = 0; k < 3; ++k) {
        const TrainedModel &saved = *m_models[k % 2];
        Result<std::unique_ptr<TrainedModel>> loaded = m_engine->load(steps[k]);
        QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error()));
        QCOMPARE((*loaded)->kind(), ModelKind::Mf);
        QString diff = firstDifference(allPairs(saved), allPairs(**loaded));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        diff = firstDifference(saved.predictRows(m_tiny, rows), (*loaded)->predictRows(m_tiny,
                                                                                      rows));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE((*loaded)->userIds().size(), saved.userIds().size());
        QCOMPARE((*loaded)->itemIds().size(), saved.itemIds().size());
    }
    // The latest step holds model 0 (steps 0 and 2), not model 1.
    Result<std::unique_ptr<TrainedModel>> latest = m_engine->load(latestCheckpoint(m_stateDir));
    QVERIFY(latest.ok());
    QVERIFY(!firstDifference(allPairs(*m_models[1]), allPairs(**latest)).isEmpty());
}

void tst_StreamCheckpoints::orderAcrossSixDigits()
{
    // Names are zero-padded to six digits and grow a seventh past 999,999: the order is
    // numeric, not by name.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString state = tmp.path();
    for (int step : {1000001, 999999, 7, 1000000, 999998})
        QVERIFY(fakeStep(state, QStringLiteral("step-%1").arg(step, 6, 10, QChar('0')), step));
    QCOMPARE(baseNames(stepCheckpoints(state)),
             (QStringList{"step-000007", "step-999998", "step-999999", "step-1000000",
                          "step-1000001"}));
    QCOMPARE(QFileInfo(latestCheckpoint(state)).fileName(), QStringLiteral("step-1000001"));
    QVERIFY(fakeStep(state, QStringLiteral("step-10000000"), 10000000));
    QCOMPARE(QFileInfo(latestCheckpoint(state)).fileName(), QStringLiteral("step-10000000"));

    // Pruning follows the same order: the two newest by number survive.
    pruneCheckpoints(state, 2);
    QCOMPARE(baseNames(stepCheckpoints(state)),
             (QStringList{"step-1000001", "step-10000000"}));
}

void tst_StreamCheckpoints::ignoresIncompleteFolders()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString state = tmp.path();
    QVERIFY(fakeStep(state, QStringLiteral("step-000004"), 4));
    // Not steps: too few digits, another name, no record, a file, a partial folder.
    QVERIFY(fakeStep(state, QStringLiteral("step-12"), 12));
    QVERIFY(fakeStep(state, QStringLiteral("step-00000x"), 99));
    QVERIFY(fakeStep(state, QStringLiteral("other-000009"), 9));
    QVERIFY(QDir().mkpath(QDir(state).filePath(QStringLiteral("step-000008"))));
    QVERIFY(writeAll(QDir(state).filePath(QStringLiteral("step-000009")), "not a folder"));
    QVERIFY(fakeStep(state, QStringLiteral("step-000010.partial"), 10));
    QCOMPARE(baseNames(stepCheckpoints(state)), QStringList{QStringLiteral("step-000004")});
    QCOMPARE(QFileInfo(latestCheckpoint(state)).fileName(), QStringLiteral("step-000004"));

    // A state folder that does not exist has no steps.
    QVERIFY(stepCheckpoints(tmp.filePath(QStringLiteral("missing"))).isEmpty());
    QVERIFY(latestCheckpoint(tmp.filePath(QStringLiteral("missing"))).isEmpty());
}

void tst_StreamCheckpoints::partialIgnoredAndPruned()
{
    // A crash during step 3 leaves step-000003.partial, even with a whole record inside.
    const QString partial = QDir(m_stateDir).filePath(QStringLiteral("step-000003.partial"));
    QVERIFY(copyFolder(latestCheckpoint(m_stateDir), partial));
    QVERIFY(QFile::exists(QDir(partial).filePath(QStringLiteral("stream-step.json"))));
    QCOMPARE(QFileInfo(latestCheckpoint(m_stateDir)).fileName(), QStringLiteral("step-000002"));
    QCOMPARE(stepCheckpoints(m_stateDir).size(), 3);

    pruneCheckpoints(m_stateDir, 3);
    QVERIFY(!QFileInfo::exists(partial));
    QCOMPARE(baseNames(stepCheckpoints(m_stateDir)),
             (QStringList{"step-000000", "step-000001", "step-000002"}));
    QCOMPARE(QDir(m_stateDir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).size(), 3);
}

void tst_StreamCheckpoints::pruneKeepsNewest()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString state = tmp.path();
    for (int step = 0; step < 6; ++step)
        QVERIFY(fakeStep(state, QStringLiteral("step-%1").arg(step, 6, 10, QChar('0')), step));
    QVERIFY(fakeStep(state, QStringLiteral("step-000006.partial"), 6));

    pruneCheckpoints(state, 10); // more than there are: only the partial one goes
    QCOMPARE(stepCheckpoints(state).size(), 6);
    QVERIFY(!QFileInfo::exists(QDir(state).filePath(QStringLiteral("step-000006.partial"))));

    pruneCheckpoints(state, 4);
    QCOMPARE(baseNames(stepCheckpoints(state)),
             (QStringList{"step-000002", "step-000003", "step-000004", "step-000005"}));
    pruneCheckpoints(state, 2);
    QCOMPARE(baseNames(stepCheckpoints(state)), (QStringList{"step-000004", "step-000005"}));
    // Never fewer than one: the latest step is the consumer's state.
    pruneCheckpoints(state, 0);
    QCOMPARE(baseNames(stepCheckpoints(state)), QStringList{QStringLiteral("step-000005")});
    pruneCheckpoints(state, -3);
    QCOMPARE(baseNames(stepCheckpoints(state)), QStringList{QStringLiteral("step-000005")});
    // Other entries are left alone.
    QVERIFY(writeAll(QDir(state).filePath(QStringLiteral("notes.txt")), "mine"));
    pruneCheckpoints(state, 1);
    QVERIFY(QFile::exists(QDir(state).filePath(QStringLiteral("notes.txt"))));

    // A state folder that does not exist is no error.
    pruneCheckpoints(tmp.filePath(QStringLiteral("missing")), 1);
    QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("missing"))));
}

void tst_StreamCheckpoints::rewriteReplacesStep()
{
    // A run rolled back to an older step writes the same step number again: the new folder
    // replaces the old one whole (model and record).
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString state = tmp.filePath(QStringLiteral("stream"));
    StreamStep first = fullStep(5, false);
    Result<QString> a = writeCheckpoint(*m_models[0], first, state);
    QVERIFY2(a.ok(), qPrintable(a ? QString() : a.error()));
    StreamStep second = fullStep(5, true);
    second.offsets = {{0, 9}};
    second.messages = 1;
    Result<QString> b = writeCheckpoint(*m_models[1], second, state);
    QVERIFY2(b.ok(), qPrintable(b ? QString() : b.error()));
    QCOMPARE(*a, *b);
    QCOMPARE(stepCheckpoints(state).size(), 1);

    Result<StreamStep> read = readCheckpointStep(*b);
    QVERIFY(read.ok());
    QVERIFY(read->offsets == (PartitionOffsets{{0, 9}}));
    QCOMPARE(read->messages, qint64(1));
    QVERIFY(std::isnan(read->valMse));
    Result<std::unique_ptr<TrainedModel>> loaded = m_engine->load(*b);
    QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error()));
    const QString diff = firstDifference(allPairs(*m_models[1]), allPairs(**loaded));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void tst_StreamCheckpoints::currentModelDirFallsBack()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString model = tmp.filePath(QStringLiteral("model"));
    QVERIFY(m_models[0]->save(model).ok());
    QCOMPARE(defaultStateDir(model), QDir(model).filePath(QStringLiteral("stream")));

    // No MODEL/stream at all, an empty one, one with only a partial step: MODEL itself.
    QCOMPARE(currentModelDir(model), model);
    QVERIFY(QDir().mkpath(defaultStateDir(model)));
    QCOMPARE(currentModelDir(model), model);
    QVERIFY(fakeStep(defaultStateDir(model), QStringLiteral("step-000001.partial"), 1));
    QCOMPARE(currentModelDir(model), model);

    // Once a step is written, its folder.
    Result<QString> dir = writeCheckpoint(*m_models[1], fullStep(0, false),
                                          defaultStateDir(model));
    QVERIFY(dir.ok());
    QCOMPARE(currentModelDir(model), *dir);
    Result<QString> next = writeCheckpoint(*m_models[1], fullStep(1, false),
                                           defaultStateDir(model));
    QVERIFY(next.ok());
    QCOMPARE(currentModelDir(model), *next);
    QCOMPARE(QFileInfo(*next).fileName(), QStringLiteral("step-000001"));
    Result<std::unique_ptr<TrainedModel>> loaded = m_engine->load(currentModelDir(model));
    QVERIFY(loaded.ok());
    QVERIFY(firstDifference(allPairs(*m_models[1]), allPairs(**loaded)).isEmpty());
}

void tst_StreamCheckpoints::readErrors()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    Result<StreamStep> missing = readCheckpointStep(tmp.filePath(QStringLiteral("nothing")));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().contains(QLatin1String("stream-step.json")),
             qPrintable(missing.error()));

    QVERIFY(writeAll(tmp.filePath(QStringLiteral("stream-step.json")), "{ not json"));
    Result<StreamStep> broken = readCheckpointStep(tmp.path());
    QVERIFY(!broken.ok());
    QVERIFY2(broken.error().contains(QLatin1String("not a step record")),
             qPrintable(broken.error()));

    QVERIFY(writeAll(tmp.filePath(QStringLiteral("stream-step.json")), "[1, 2]"));
    QVERIFY(!readCheckpointStep(tmp.path()).ok());

    // A file where the state folder should be: writing fails with a message, no exception.
    const QString blocked = tmp.filePath(QStringLiteral("blocked"));
    QVERIFY(writeAll(blocked, "a file"));
    Result<QString> written = writeCheckpoint(*m_models[0], fullStep(0, false), blocked);
    QVERIFY(!written.ok());
    QVERIFY(!written.error().isEmpty());
}

QTEST_GUILESS_MAIN(tst_StreamCheckpoints)
#include "tst_streamcheckpoints.moc"
