// runStream() end to end on the embedded broker: steps, restart, bad messages, new ids, outage.

#include "../training/trainingfixture.h"

#include "core/data/synth.h"
#include "core/storage/experimentstore.h"
#include "core/streaming/checkpoints.h"
#include "core/streaming/embeddedbroker.h"
#include "core/streaming/producer.h"
#include "core/streaming/streamconsumer.h"

#include <librdkafka/rdkafka.h>

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTemporaryDir>

#include <atomic>
#include <cmath>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

using namespace Ncf;
using namespace Ncf::TrainingFixture;

namespace {

constexpr int kPartitions = 2;

//! Message values with the partition each goes to.
using Messages = std::vector<std::pair<int32_t, QByteArray>>;

QString errorOf(const Result<StreamSummary> &r)
{
    return r ? QString() : r.error();
}

QByteArray ratingJson(uint32_t user, uint32_t movie, double rating, uint32_t timestamp)
{
    return QStringLiteral(R"({"userId":%1,"movieId":%2,"rating":%3,"timestamp":%4})")
        .arg(user)
        .arg(movie)
        .arg(rating, 0, 'f', 1)
        .arg(timestamp)
        .toUtf8();
}

void onDelivery(rd_kafka_t *, const rd_kafka_message_t *message, void *opaque)
{
    if (!message->err)
        ++*static_cast<std::atomic<int> *>(opaque);
}

//! Produces each value to its partition with librdkafka itself, bypassing produceStream();
//! a null QByteArray is sent as a message without a value (a tombstone). Returns how many
//! were delivered, or -1 with the reason in `error`.
int produceRaw(const QString &brokers, const Messages &values, QString *error)
{
    char text[512] = {0};
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    std::atomic<int> delivered{0};
    rd_kafka_conf_set_dr_msg_cb(conf, onDelivery);
    rd_kafka_conf_set_opaque(conf, &delivered);
    rd_kafka_t *producer = nullptr;
    if (rd_kafka_conf_set(conf, "bootstrap.servers", brokers.toUtf8().constData(), text,
                          sizeof text)
            != RD_KAFKA_CONF_OK
        || !(producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, text, sizeof text))) {
        rd_kafka_conf_destroy(conf); // rd_kafka_new() takes it over only when it succeeds
        *error = QString::fromUtf8(text);
        return -1;
    }
    for (const auto &[partition, value] : values) {
        const rd_kafka_resp_err_t err = rd_kafka_producev(
            producer, RD_KAFKA_V_TOPIC("movielens"), RD_KAFKA_V_PARTITION(partition),
            RD_KAFKA_V_VALUE(value.isNull() ? nullptr : const_cast<char *>(value.constData()),
                             size_t(value.size())),
            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
        if (err) {
            *error = QString::fromUtf8(rd_kafka_err2str(err));
            rd_kafka_destroy(producer);
            return -1;
        }
    }
    const rd_kafka_resp_err_t flushed = rd_kafka_flush(producer, 15000);
    rd_kafka_destroy(producer);
    if (flushed)
        *error = QString::fromUtf8(rd_kafka_err2str(flushed));
    return delivered;
}

} // namespace

class tst_StreamConsumer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void consumesStreamToEnd();
    void restartAppliesNothingTwice();
    void skipsMalformedMessages();
    void admitsUnseenIds();
    void cancelKeepsUnappliedRatings();
    void maxStepsCountsNewSteps();
    void refusesBadOptions();
    void survivesBrokerOutage();
    void cleanupTestCase();

private:
    StreamOptions options() const;
    //! One runStream() to the end of the topic; the steps it finished go to `steps`.
    Result<StreamSummary> runToEnd(std::vector<StreamStep> *steps);
    //! The store's steps of our run.
    std::vector<StreamStep> storedSteps() const;
    //! The latest checkpoint's record.
    StreamStep latestStep() const;
    //! `count` valid ratings of known users and movies, each to its user's partition.
    Messages knownRatings(uint32_t count) const;

    ModelEngine *m_engine = nullptr;
    QTemporaryDir m_tmp;
    RatingDataset m_data;
    ContinualOptions m_split;
    ContinualSplit m_parts;
    PartitionOffsets m_ends; //!< what produceStream() put in each partition
    QString m_modelDir;
    std::unique_ptr<EmbeddedBroker> m_broker;
    std::unique_ptr<ExperimentStore> m_store;
};

StreamOptions tst_StreamConsumer::options() const
{
    StreamOptions o;
    o.brokers = m_broker->bootstrapServers();
    o.modelDir = m_modelDir;
    o.buffer = 1000;
    o.untilEnd = true;
    o.epochs = 1;
    o.threads = 1;
    return o;
}

Result<StreamSummary> tst_StreamConsumer::runToEnd(std::vector<StreamStep> *steps)
{
    StreamCallbacks callbacks;
    callbacks.stepFinished = [steps](const StreamStep &s) { steps->push_back(s); };
    return runStream(m_data, options(), callbacks, m_store.get());
}

std::vector<StreamStep> tst_StreamConsumer::storedSteps() const
{
    Result<std::vector<ExperimentStore::StreamRunRecord>> runs = m_store->streamRuns();
    if (!runs)
        return {};
    for (const ExperimentStore::StreamRunRecord &run : *runs)
        if (run.stateDir == defaultStateDir(m_modelDir)) {
            Result<std::vector<StreamStep>> steps = m_store->streamSteps(run.id);
            return steps ? *steps : std::vector<StreamStep>();
        }
    return {};
}

StreamStep tst_StreamConsumer::latestStep() const
{
    Result<StreamStep> s = readCheckpointStep(latestCheckpoint(defaultStateDir(m_modelDir)));
    return s ? *s : StreamStep();
}

Messages tst_StreamConsumer::knownRatings(uint32_t count) const
{
    Messages ratings;
    for (uint32_t k = 0; k < count; ++k) {
        const uint32_t user = m_data.userIds.rawId(k);
        ratings.emplace_back(int32_t(user % kPartitions),
                             ratingJson(user, m_data.itemIds.rawId(k), 1.0 + k % 5,
                                        950000000 + k));
    }
    return ratings;
}

void tst_StreamConsumer::initTestCase()
{
    const Result<ModelEngine *> engine = modelEngine();
    QVERIFY2(engine.ok(), qPrintable(engine ? QString() : engine.error()));
    m_engine = *engine;
    QVERIFY(m_tmp.isValid());

    // 150 users x 200 movies x 6,000 ratings with timestamps, in the 100K shape.
    SynthSpec spec = synthSpec(SynthShape::Ml100k);
    spec.name = QStringLiteral("100k-tiny");
    spec.users = 150;
    spec.items = 200;
    spec.ratings = 6000;
    spec.itemIdSpace = 200;
    Result<RatingDataset> synth = generateSynthetic(spec, kSeed);
    QVERIFY2(synth.ok(), qPrintable(synth ? QString() : synth.error()));
    m_data = std::move(*synth);
    QCOMPARE(m_data.size(), size_t(6000));

    m_split.initial = 2000;
    m_split.testFraction = 0.05;
    m_split.order = StreamOrder::Time;
    m_split.seed = kSeed;
    Result<ContinualSplit> parts = continualSplit(m_data, m_split);
    QVERIFY2(parts.ok(), qPrintable(parts ? QString() : parts.error()));
    m_parts = std::move(*parts);
    QCOMPARE(m_parts.initial.size(), size_t(2000));
    QCOMPARE(m_parts.test.size() + m_parts.stream.size(), size_t(4000));
    QVERIFY(!m_parts.test.empty());

    // The initial model, recorded as `ncf train --protocol continual --split 0.9` does.
    const double trainFraction = 0.9;
    TrainOptions train = synthOptions(ModelKind::Mf, 2);
    const Holdout holdout = initialHoldout(m_parts, trainFraction, train.seed);
    Result<ModelEngine::Trained> trained
        = m_engine->train(m_data, holdout.train, holdout.test, train);
    QVERIFY2(trained.ok(), qPrintable(errorOf(trained)));
    TrainedModel &model = *trained->model;
    QJsonObject metadata = model.metadata();
    metadata.insert(QStringLiteral("protocol"),
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("continual")},
                                {QStringLiteral("initial"), m_split.initial},
                                {QStringLiteral("test_fraction"), m_split.testFraction},
                                {QStringLiteral("order"), QStringLiteral("time")},
                                {QStringLiteral("seed"), QString::number(m_split.seed)},
                                {QStringLiteral("train_fraction"), trainFraction},
                                {QStringLiteral("test_ratings"), qint64(m_parts.test.size())},
                                {QStringLiteral("test_rmse"), model.rmse(m_data, m_parts.test)}});
    model.setMetadata(metadata);
    m_modelDir = m_tmp.filePath(QStringLiteral("model"));
    const Result<void> saved = model.save(m_modelDir);
    QVERIFY2(saved.ok(), qPrintable(saved ? QString() : saved.error()));

    Result<std::unique_ptr<ExperimentStore>> store
        = ExperimentStore::open(m_tmp.filePath(QStringLiteral("store.sqlite")));
    QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error()));
    m_store = std::move(*store);

    Result<std::unique_ptr<EmbeddedBroker>> broker = EmbeddedBroker::start(1, kPartitions);
    QVERIFY2(broker.ok(), qPrintable(broker ? QString() : broker.error()));
    m_broker = std::move(*broker);

    ProduceOptions produce;
    produce.brokers = m_broker->bootstrapServers();
    produce.split = m_split;
    Result<ProduceReport> report = produceStream(m_data, produce);
    QVERIFY2(report.ok(), qPrintable(report ? QString() : report.error()));
    QCOMPARE(report->stream, qint64(m_parts.stream.size()));
    QCOMPARE(report->produced, report->stream);
    QCOMPARE(report->failed, qint64(0));
    QCOMPARE(report->skipped, qint64(0));
    // Each rating went to partition user % 2.
    for (uint32_t row : m_parts.stream)
        ++m_ends[int32_t(m_data.userIds.rawId(m_data.users[row]) % kPartitions)];
    QCOMPARE(int(m_ends.size()), kPartitions);
}

void tst_StreamConsumer::consumesStreamToEnd()
{
    const qint64 streamRatings = qint64(m_parts.stream.size());
    Result<std::unique_ptr<TrainedModel>> initial = m_engine->load(m_modelDir);
    QVERIFY2(initial.ok(), qPrintable(initial ? QString() : initial.error()));
    const qint64 initialUsers = qint64((*initial)->userIds().size());
    const qint64 initialItems = qint64((*initial)->itemIds().size());
    QVERIFY(initialUsers > 0 && initialItems > 0);
    std::vector<StreamStep> steps;
    QElapsedTimer timer;
    timer.start();
    Result<StreamSummary> summary = runToEnd(&steps);
    QVERIFY2(summary.ok(), qPrintable(errorOf(summary)));
    qInfo("%lld ratings in %zu steps, %.1f s", streamRatings, steps.size(),
          timer.elapsed() / 1000.0);

    // 3,800 ratings in buffers of 1,000: step 0, then at least four steps.
    QVERIFY2(steps.size() >= 5, qPrintable(QString::number(steps.size())));
    QCOMPARE(summary->firstStep, 0);
    QCOMPARE(summary->lastStep, steps.back().step);
    QVERIFY(!summary->cancelled);
    QCOMPARE(summary->messages, streamRatings);
    QCOMPARE(summary->malformed, qint64(0));
    QCOMPARE(summary->applied, streamRatings);
    QVERIFY(summary->offsets == m_ends);
    QCOMPARE(offsetsTotal(summary->offsets), streamRatings);

    qint64 messages = 0;
    for (size_t k = 0; k < steps.size(); ++k) {
        const StreamStep &s = steps[k];
        QCOMPARE(s.step, int(k));
        QVERIFY2(std::isfinite(s.testMse) && std::isfinite(s.oldMse),
                 qPrintable(QString::number(k)));
        QCOMPARE(s.checkpoint, QDir(defaultStateDir(m_modelDir))
                                   .filePath(QStringLiteral("step-%1").arg(k, 6, 10, QChar('0'))));
        if (k == 0) {
            QCOMPARE(s.messages, qint64(0));
            QCOMPARE(s.ratings, qint64(0));
            QVERIFY(s.offsets.empty());
            QCOMPARE(s.newUsers + s.newItems, qint64(0));
            QCOMPARE(s.users, initialUsers);
            QCOMPARE(s.items, initialItems);
            continue;
        }
        QVERIFY(s.messages > 0);
        QCOMPARE(s.malformed, qint64(0));
        QCOMPARE(s.ratings, s.messages);
        QVERIFY(s.ratings <= 1000);
        QCOMPARE(s.trainRatings + s.validationRatings, s.ratings);
        QVERIFY(s.validationRatings > 0);
        QVERIFY(std::isfinite(s.trainMse) && std::isfinite(s.valMse));
        QCOMPARE(s.users, steps[k - 1].users + s.newUsers);
        QCOMPARE(s.items, steps[k - 1].items + s.newItems);
        QCOMPARE(offsetsTotal(s.offsets), offsetsTotal(steps[k - 1].offsets) + s.messages);
        messages += s.messages;
    }
    QCOMPARE(messages, streamRatings);
    QCOMPARE(messages, offsetsTotal(steps.back().offsets));

    // The store holds the same steps, numbered 0..N without gaps.
    const std::vector<StreamStep> stored = storedSteps();
    QCOMPARE(stored.size(), steps.size());
    for (size_t k = 0; k < stored.size(); ++k) {
        QCOMPARE(stored[k].step, int(k));
        QCOMPARE(stored[k].messages, steps[k].messages);
        QCOMPARE(stored[k].ratings, steps[k].ratings);
        QVERIFY(stored[k].offsets == steps[k].offsets);
        QCOMPARE(stored[k].testMse, steps[k].testMse);
    }

    // The last checkpoint holds the final offsets and a model of the same kind, which still
    // records the split it was trained on (a restart needs it), and knows every id seen.
    QCOMPARE(stepCheckpoints(defaultStateDir(m_modelDir)).size(), qsizetype(3)); // keep = 3
    const StreamStep latest = latestStep();
    QCOMPARE(latest.step, summary->lastStep);
    QVERIFY(latest.offsets == m_ends);
    QCOMPARE(summary->checkpoint, latestCheckpoint(defaultStateDir(m_modelDir)));
    Result<std::unique_ptr<TrainedModel>> model = m_engine->load(summary->checkpoint);
    QVERIFY2(model.ok(), qPrintable(model ? QString() : model.error()));
    QCOMPARE((*model)->kind(), ModelKind::Mf);
    const QJsonObject protocol = (*model)->metadata().value(QStringLiteral("protocol")).toObject();
    QCOMPARE(protocol.value(QStringLiteral("name")).toString(), QStringLiteral("continual"));
    QCOMPARE(protocol.value(QStringLiteral("initial")).toInteger(), m_split.initial);
    QCOMPARE(qint64((*model)->userIds().size()), latest.users);
    QCOMPARE(qint64((*model)->itemIds().size()), latest.items);
    for (uint32_t row : m_parts.stream)
        QVERIFY((*model)->userIds().find(m_data.userIds.rawId(m_data.users[row]))
                    != IdMap::kAbsent
                && (*model)->itemIds().find(m_data.itemIds.rawId(m_data.items[row]))
                       != IdMap::kAbsent);
}

void tst_StreamConsumer::restartAppliesNothingTwice()
{
    const StreamStep before = latestStep();
    QVERIFY(before.step > 0);
    const size_t storedBefore = storedSteps().size();

    std::vector<StreamStep> steps;
    QElapsedTimer timer;
    timer.start();
    Result<StreamSummary> summary = runToEnd(&steps);
    QVERIFY2(summary.ok(), qPrintable(errorOf(summary)));
    QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));

    QVERIFY(steps.empty()); // no step, not even a new step 0
    QCOMPARE(summary->messages, qint64(0));
    QCOMPARE(summary->applied, qint64(0));
    QCOMPARE(summary->firstStep, before.step);
    QCOMPARE(summary->lastStep, before.step);
    QVERIFY(summary->offsets == before.offsets);
    QCOMPARE(summary->checkpoint, before.checkpoint);
    QCOMPARE(latestStep().step, before.step);
    QCOMPARE(storedSteps().size(), storedBefore);
}

void tst_StreamConsumer::skipsMalformedMessages()
{
    const StreamStep before = latestStep();
    QString error;
    const int delivered = produceRaw(
        m_broker->bootstrapServers(),
        {{0, QByteArray("this is not JSON")},
         {0, QByteArray(R"({"userId":1,"movieId":2,"rating":9})")},
         {0, QByteArray()}}, // no value at all
        &error);
    QVERIFY2(delivered == 3, qPrintable(error));

    std::vector<StreamStep> steps;
    Result<StreamSummary> summary = runToEnd(&steps);
    QVERIFY2(summary.ok(), qPrintable(errorOf(summary)));
    QCOMPARE(summary->messages, qint64(3));
    QCOMPARE(summary->malformed, qint64(3));
    QCOMPARE(summary->applied, qint64(0));

    QCOMPARE(steps.size(), size_t(1));
    const StreamStep &s = steps.front();
    QCOMPARE(s.step, before.step + 1);
    QCOMPARE(s.messages, qint64(3));
    QCOMPARE(s.malformed, qint64(3));
    QCOMPARE(s.ratings, qint64(0));
    QCOMPARE(s.trainRatings + s.validationRatings, qint64(0));
    QCOMPARE(s.newUsers + s.newItems, qint64(0));
    // The offsets move past the garbage, so a restart does not read it again.
    QCOMPARE(s.offsets.at(0), before.offsets.at(0) + 3);
    QCOMPARE(s.offsets.at(1), before.offsets.at(1));
    QCOMPARE(offsetsTotal(s.offsets), offsetsTotal(before.offsets) + 3);
    // Nothing was fine-tuned: the model and its figures stay as they were.
    QVERIFY(std::isfinite(s.testMse));
    QVERIFY2(std::abs(s.testMse - before.testMse) < 1e-9,
             qPrintable(QStringLiteral("%1 vs %2").arg(s.testMse).arg(before.testMse)));
    QCOMPARE(s.users, before.users);
    QCOMPARE(s.items, before.items);
    QCOMPARE(latestStep().step, s.step);
    QCOMPARE(storedSteps().back().malformed, qint64(3));
}

void tst_StreamConsumer::admitsUnseenIds()
{
    const StreamStep before = latestStep();
    const uint32_t newUser = 900001;
    const uint32_t newMovie = 900002;
    const uint32_t oldUser = m_data.userIds.rawId(0);
    const uint32_t oldMovie = m_data.itemIds.rawId(0);
    QString error;
    const int delivered = produceRaw(
        m_broker->bootstrapServers(),
        {{int32_t(newUser % kPartitions), ratingJson(newUser, newMovie, 4.5, 900000000)},
         {int32_t(newUser % kPartitions), ratingJson(newUser, oldMovie, 2.0, 900000001)},
         {int32_t(oldUser % kPartitions), ratingJson(oldUser, newMovie, 3.5, 900000002)}},
        &error);
    QVERIFY2(delivered == 3, qPrintable(error));

    std::vector<StreamStep> steps;
    Result<StreamSummary> summary = runToEnd(&steps);
    QVERIFY2(summary.ok(), qPrintable(errorOf(summary)));
    QCOMPARE(summary->messages, qint64(3));
    QCOMPARE(summary->malformed, qint64(0));
    QCOMPARE(summary->applied, qint64(3));
    QCOMPARE(steps.size(), size_t(1));
    const StreamStep &s = steps.front();
    QCOMPARE(s.step, before.step + 1);
    QCOMPARE(s.ratings, qint64(3));
    QCOMPARE(s.trainRatings + s.validationRatings, qint64(3));
    QCOMPARE(s.newUsers, qint64(1));
    QCOMPARE(s.newItems, qint64(1));
    QCOMPARE(s.users, before.users + 1);
    QCOMPARE(s.items, before.items + 1);
    QVERIFY(std::isfinite(s.testMse) && std::isfinite(s.oldMse));
    QCOMPARE(offsetsTotal(s.offsets), offsetsTotal(before.offsets) + 3);

    // The checkpoint knows them: no cold start for the new pair any more.
    Result<std::unique_ptr<TrainedModel>> model = m_engine->load(s.checkpoint);
    QVERIFY2(model.ok(), qPrintable(model ? QString() : model.error()));
    QCOMPARE((*model)->kind(), ModelKind::Mf);
    QVERIFY((*model)->userIds().find(newUser) != IdMap::kAbsent);
    QVERIFY((*model)->itemIds().find(newMovie) != IdMap::kAbsent);
    const Prediction p = (*model)->predict(newUser, newMovie);
    QVERIFY(!p.coldStart);
    QVERIFY(std::isfinite(p.rating));
    QVERIFY((*model)->predict(newUser + 1, newMovie).coldStart);
}

void tst_StreamConsumer::cancelKeepsUnappliedRatings()
{
    // Cancelled with ratings in the buffer: they are not applied, and not lost either, since
    // the next run starts again at the latest checkpoint's offsets.
    const StreamStep before = latestStep();
    QString error;
    QVERIFY2(produceRaw(m_broker->bootstrapServers(), knownRatings(5), &error) == 5,
             qPrintable(error));

    StreamOptions o = options();
    o.untilEnd = false;
    o.triggerSeconds = 600.0; // only the buffer (1,000) would trigger a step
    qint64 buffered = 0;
    int finished = 0;
    QElapsedTimer timer;
    timer.start();
    StreamCallbacks callbacks;
    callbacks.status = [&](const StreamStatus &s) { buffered = s.buffered; };
    callbacks.stepFinished = [&](const StreamStep &) { ++finished; };
    callbacks.isCanceled = [&] { return buffered >= 5 || timer.elapsed() > 20000; };
    Result<StreamSummary> summary = runStream(m_data, o, callbacks, m_store.get());
    QVERIFY2(summary.ok(), qPrintable(errorOf(summary)));
    QCOMPARE(buffered, qint64(5));
    QVERIFY(summary->cancelled);
    QCOMPARE(summary->messages, qint64(5));
    QCOMPARE(summary->applied, qint64(0));
    QCOMPARE(finished, 0);
    QCOMPARE(summary->lastStep, before.step);
    QVERIFY(summary->offsets == before.offsets);
    QCOMPARE(latestStep().step, before.step);

    std::vector<StreamStep> steps;
    summary = runToEnd(&steps);
    QVERIFY2(summary.ok(), qPrintable(errorOf(summary)));
    QCOMPARE(steps.size(), size_t(1));
    QCOMPARE(steps[0].step, before.step + 1);
    QCOMPARE(steps[0].messages, qint64(5));
    QCOMPARE(steps[0].ratings, qint64(5));
    QCOMPARE(offsetsTotal(steps[0].offsets), offsetsTotal(before.offsets) + 5);
}

void tst_StreamConsumer::maxStepsCountsNewSteps()
{
    // A resumed run (well past step 2) still runs maxSteps new steps, not fewer.
    const StreamStep before = latestStep();
    QVERIFY(before.step > 2);
    QString error;
    QVERIFY2(produceRaw(m_broker->bootstrapServers(), knownRatings(5), &error) == 5,
             qPrintable(error));

    StreamOptions o = options();
    o.untilEnd = false;
    o.buffer = 2;
    o.maxSteps = 2;
    QElapsedTimer timer;
    timer.start();
    std::vector<StreamStep> steps;
    StreamCallbacks callbacks;
    callbacks.stepFinished = [&](const StreamStep &s) { steps.push_back(s); };
    callbacks.isCanceled = [&] { return timer.elapsed() > 20000; };
    Result<StreamSummary> summary = runStream(m_data, o, callbacks, m_store.get());
    QVERIFY2(summary.ok(), qPrintable(errorOf(summary)));
    QVERIFY(!summary->cancelled);
    QCOMPARE(summary->firstStep, before.step);
    QCOMPARE(summary->lastStep, before.step + 2);
    QCOMPARE(steps.size(), size_t(2));
    for (const StreamStep &s : steps) {
        QCOMPARE(s.ratings, qint64(2));
        QCOMPARE(s.messages, qint64(2));
    }
    QCOMPARE(summary->applied, qint64(4));
    QCOMPARE(offsetsTotal(summary->offsets), offsetsTotal(before.offsets) + 4);

    // The fifth rating is where the next run begins.
    steps.clear();
    summary = runToEnd(&steps);
    QVERIFY2(summary.ok(), qPrintable(errorOf(summary)));
    QCOMPARE(summary->messages, qint64(1));
    QCOMPARE(steps.size(), size_t(1));
    QCOMPARE(steps[0].step, before.step + 3);
    QCOMPARE(offsetsTotal(steps[0].offsets), offsetsTotal(before.offsets) + 5);
}

void tst_StreamConsumer::refusesBadOptions()
{
    const std::vector<std::function<void(StreamOptions &)>> breakers{
        [](StreamOptions &o) { o.buffer = 0; },
        [](StreamOptions &o) { o.validationFraction = 1.0; },
        [](StreamOptions &o) { o.epochs = 0; },
        [](StreamOptions &o) { o.modelDir.clear(); }};
    for (const auto &breakOption : breakers) {
        StreamOptions o = options();
        breakOption(o);
        const Result<StreamSummary> r = runStream(m_data, o);
        QVERIFY(!r.ok());
        QVERIFY(!r.error().isEmpty());
    }

    // A model trained without --protocol continual has no known static test set.
    Result<std::unique_ptr<TrainedModel>> model = m_engine->load(m_modelDir);
    QVERIFY(model.ok());
    QJsonObject metadata = (*model)->metadata();
    metadata.remove(QStringLiteral("protocol"));
    (*model)->setMetadata(metadata);
    const QString plain = m_tmp.filePath(QStringLiteral("plain-model"));
    QVERIFY((*model)->save(plain).ok());
    StreamOptions o = options();
    o.modelDir = plain;
    const Result<StreamSummary> r = runStream(m_data, o);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("--protocol continual")), qPrintable(r.error()));
    QVERIFY(latestCheckpoint(defaultStateDir(plain)).isEmpty()); // no step 0 was written
}

void tst_StreamConsumer::survivesBrokerOutage()
{
    const StreamStep before = latestStep();

    struct Observed
    {
        std::mutex mutex;
        std::vector<StreamStatus::Broker> states; //!< each change, in order
        QString lostMessage;
        qint64 messages = 0;
        std::vector<StreamStep> steps;
    } seen;
    std::atomic<bool> cancel{false};
    std::optional<Result<StreamSummary>> outcome;

    StreamOptions o = options();
    o.untilEnd = false;
    o.triggerSeconds = 1.0;
    o.minStep = 1;
    StreamCallbacks callbacks;
    callbacks.status = [&](const StreamStatus &s) {
        const std::lock_guard lock(seen.mutex);
        if (seen.states.empty() || seen.states.back() != s.broker)
            seen.states.push_back(s.broker);
        if (s.broker == StreamStatus::Broker::Lost)
            seen.lostMessage = s.brokerMessage;
        seen.messages = s.messages;
    };
    callbacks.stepFinished = [&](const StreamStep &s) {
        const std::lock_guard lock(seen.mutex);
        seen.steps.push_back(s);
    };
    callbacks.isCanceled = [&] { return cancel.load(); };

    std::thread consumer([&] { outcome = runStream(m_data, o, callbacks, m_store.get()); });
    // Whatever happens below, the consumer stops and the broker is up again at the end.
    const auto stop = qScopeGuard([&] {
        cancel = true;
        if (consumer.joinable())
            consumer.join();
        (void)m_broker->setBrokerUp(1, true);
    });

    using Broker = StreamStatus::Broker;
    auto saw = [&](Broker state, size_t from = 0) -> qsizetype {
        const std::lock_guard lock(seen.mutex);
        for (size_t k = from; k < seen.states.size(); ++k)
            if (seen.states[k] == state)
                return qsizetype(k);
        return -1;
    };
    auto messages = [&] {
        const std::lock_guard lock(seen.mutex);
        return seen.messages;
    };
    QTRY_VERIFY_WITH_TIMEOUT(saw(Broker::Connected) >= 0, 15000);
    QCOMPARE(messages(), qint64(0)); // everything was applied already

    QElapsedTimer outage;
    outage.start();
    QVERIFY(m_broker->setBrokerUp(1, false).ok());
    QTRY_VERIFY_WITH_TIMEOUT(saw(Broker::Lost) >= 0, 30000);
    qInfo("Lost reported %.1f s after the broker went down", outage.elapsed() / 1000.0);
    {
        const std::lock_guard lock(seen.mutex);
        QVERIFY2(!seen.lostMessage.isEmpty(), "Lost without the broker's error");
    }
    const size_t lostAt = size_t(saw(Broker::Lost));

    QVERIFY(m_broker->setBrokerUp(1, true).ok());
    QElapsedTimer back;
    back.start();
    // Nothing new arrives to prove the broker is back: the consumer's probe must notice,
    // within a few of its 1 s rounds (a probe that gives up before the broker's fetch wait
    // ends took 1 to 21 s here).
    QTRY_VERIFY_WITH_TIMEOUT(saw(Broker::Connected, lostAt) >= 0, 10000);
    qInfo("Connected again %.1f s after the broker came back", back.elapsed() / 1000.0);
    QCOMPARE(messages(), qint64(0));

    QString error;
    QVERIFY2(produceRaw(m_broker->bootstrapServers(), knownRatings(4), &error) == 4,
             qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(messages(), qint64(4), 30000);
    QCOMPARE(saw(Broker::Lost, lostAt + 1), qsizetype(-1)); // and it stayed connected
    // The four ratings are applied in a step (the 1 s trigger), checkpointed as usual.
    auto stepped = [&] {
        const std::lock_guard lock(seen.mutex);
        qint64 total = 0;
        for (const StreamStep &s : seen.steps)
            total += s.ratings;
        return total;
    };
    QTRY_COMPARE_WITH_TIMEOUT(stepped(), qint64(4), 15000);

    cancel = true;
    consumer.join();
    QVERIFY(outcome.has_value());
    QVERIFY2(outcome->ok(), qPrintable(errorOf(*outcome)));
    const StreamSummary &summary = **outcome;
    QVERIFY(summary.cancelled);
    QCOMPARE(summary.messages, qint64(4));
    QCOMPARE(summary.malformed, qint64(0));
    QCOMPARE(summary.applied, qint64(4));
    QCOMPARE(summary.firstStep, before.step);
    QCOMPARE(summary.lastStep, before.step + int(seen.steps.size()));
    for (size_t k = 0; k < seen.steps.size(); ++k)
        QCOMPARE(seen.steps[k].step, before.step + 1 + int(k));
    QCOMPARE(offsetsTotal(summary.offsets), offsetsTotal(before.offsets) + 4);
    QCOMPARE(latestStep().step, summary.lastStep);
    QVERIFY(latestStep().offsets == summary.offsets);
}

void tst_StreamConsumer::cleanupTestCase()
{
    m_broker.reset();
    m_store.reset();
}

QTEST_GUILESS_MAIN(tst_StreamConsumer)
#include "tst_streamconsumer.moc"
