#include "core/streaming/streamconsumer.h"

#include "core/common/logging.h"
#include "core/common/tr.h"
#include "core/data/ratingdataset.h"
#include "core/storage/experimentstore.h"
#include "core/streaming/checkpoints.h"
#include "core/streaming/kafka_p.h"
#include "core/streaming/ratingmessage.h"
#include "core/training/training.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <set>

namespace Ncf {

namespace {

struct Buffered
{
    RatingMessage rating;
    int32_t partition = 0;
};

//! What the librdkafka callbacks (served inside rd_kafka_consumer_poll(), on the consumer's
//! thread) share with the loop.
struct ConsumerState
{
    PartitionOffsets checkpointOffsets; //!< of the latest step: where a partition restarts
    PartitionOffsets positions;         //!< next offset after the last message consumed
    std::set<int32_t> assigned;
    std::set<int32_t> atEnd;            //!< partitions read to their current end
    std::vector<Buffered> buffer;
    std::map<int32_t, qint64> messagesSinceStep;
    std::map<int32_t, qint64> malformedSinceStep;
    StreamStatus::Broker broker = StreamStatus::Broker::Connecting;
    QString brokerMessage;
};

void onRebalance(rd_kafka_t *rk, rd_kafka_resp_err_t err,
                 rd_kafka_topic_partition_list_t *partitions, void *opaque)
{
    auto *state = static_cast<ConsumerState *>(opaque);
    if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
        // The latest checkpoint, not the group's committed offset, says where to go on.
        for (int i = 0; i < partitions->cnt; ++i) {
            rd_kafka_topic_partition_t &p = partitions->elems[i];
            const auto it = state->checkpointOffsets.find(p.partition);
            p.offset = it != state->checkpointOffsets.end() ? it->second
                                                            : RD_KAFKA_OFFSET_BEGINNING;
            state->assigned.insert(p.partition);
            state->atEnd.erase(p.partition);
            qCInfo(lcStream) << "assigned partition" << p.partition << "from offset"
                             << (p.offset >= 0 ? QString::number(p.offset)
                                               : QStringLiteral("beginning"));
        }
        rd_kafka_assign(rk, partitions);
        return;
    }
    // Revoked: what was buffered from these partitions is dropped unapplied; whoever reads
    // them next starts again at the latest checkpoint.
    std::set<int32_t> revoked;
    for (int i = 0; i < partitions->cnt; ++i)
        revoked.insert(partitions->elems[i].partition);
    std::erase_if(state->buffer, [&](const Buffered &b) { return revoked.count(b.partition); });
    for (int32_t p : revoked) {
        state->assigned.erase(p);
        state->atEnd.erase(p);
        state->messagesSinceStep.erase(p);
        state->malformedSinceStep.erase(p);
        state->positions.erase(p);
        qCInfo(lcStream) << "partition" << p << "revoked";
    }
    rd_kafka_assign(rk, nullptr);
}

void onError(rd_kafka_t *, int err, const char *reason, void *opaque)
{
    auto *state = static_cast<ConsumerState *>(opaque);
    state->brokerMessage = QString::fromUtf8(reason);
    if (err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
        state->broker = StreamStatus::Broker::Lost;
    qCWarning(lcStream) << "Kafka:" << state->brokerMessage;
}

qint64 sumOf(const std::map<int32_t, qint64> &counts)
{
    qint64 total = 0;
    for (const auto &entry : counts)
        total += entry.second;
    return total;
}

//! A model's MSE on the [0, 1] scale over rows of `data`; NaN without rows.
double scaledMse(const TrainedModel &model, const RatingDataset &data, const RowList &rows)
{
    if (rows.empty())
        return std::nan("");
    const double rmse = model.rmse(data, rows) / model.scaler().range();
    return rmse * rmse;
}

class StreamRun
{
public:
    StreamRun(const RatingDataset &data, const StreamOptions &options,
              const StreamCallbacks &callbacks, ExperimentStore *store)
        : m_data(data), m_options(options), m_callbacks(callbacks), m_store(store)
    {}

    Result<StreamSummary> run();

private:
    Result<void> prepare();
    Result<ContinualOptions> splitOptions(double *trainFraction, uint64_t *trainSeed) const;
    Result<void> connect();
    void handle(const rd_kafka_message_t &message);
    //! Fine-tunes on the buffer and checkpoints; false (no error) when cancelled midway.
    Result<bool> step();
    Result<void> finishStep(StreamStep &step, const QElapsedTimer &timer);
    void evaluate(StreamStep &step) const;
    void assignNewPartitions();
    void refreshLag();
    void probeBroker();
    void reportStatus(const QString &phase);
    bool canceled() const { return m_callbacks.isCanceled && m_callbacks.isCanceled(); }

    const RatingDataset &m_data;
    StreamOptions m_options;
    const StreamCallbacks &m_callbacks;
    ExperimentStore *m_store;

    RunLock m_lock; // on the state folder, for the whole run
    ModelEngine *m_engine = nullptr;
    std::unique_ptr<TrainedModel> m_model;
    RowList m_testRows;
    RowList m_oldRows;
    qint64 m_runId = 0;
    int m_step = 0;
    ConsumerState m_state;
    Kafka::Handle m_consumer;
    StreamSummary m_summary;
    QElapsedTimer m_sinceStep;      // consuming time since the last step (or first message)
    qint64 m_lag = 0;
    qint64 m_rateMessages = 0;      // messages in the current rate window
    QElapsedTimer m_rateWindow;
    double m_ingestRate = 0.0;
    QElapsedTimer m_lastProbe;
    int m_probeTimeoutMs = 1000;    // see probeBroker()
    QElapsedTimer m_lastAssignCheck;
    QElapsedTimer m_lastMessage;    // since the last message arrived (untilEnd with idle)
    int m_loggedMalformed = 0;
};

Result<ContinualOptions> StreamRun::splitOptions(double *trainFraction, uint64_t *trainSeed) const
{
    const QJsonObject metadata = m_model->metadata();
    const QJsonObject protocol = metadata.value(QStringLiteral("protocol")).toObject();
    *trainFraction = protocol.value(QStringLiteral("train_fraction")).toDouble(0.9);
    *trainSeed = metadata.value(QStringLiteral("seed")).toInteger(42);
    if (m_options.split)
        return *m_options.split;
    if (protocol.value(QStringLiteral("name")).toString() != QLatin1String("continual"))
        return makeError(StreamTr::tr("%1 was not trained with --protocol continual, so its "
                                      "static test set is unknown: give the split's options "
                                      "(--initial, --test-fraction, --order)")
                             .arg(m_options.modelDir));
    ContinualOptions split;
    split.initial = protocol.value(QStringLiteral("initial")).toInteger(split.initial);
    split.testFraction = protocol.value(QStringLiteral("test_fraction")).toDouble(0.04);
    split.order = protocol.value(QStringLiteral("order")).toString() == QLatin1String("file")
                      ? StreamOrder::File
                      : StreamOrder::Time;
    split.seed = protocol.value(QStringLiteral("seed")).toString().toULongLong();
    return split;
}

Result<void> StreamRun::prepare()
{
    Result<ModelEngine *> engine = modelEngine();
    if (!engine)
        return makeError(engine.error());
    m_engine = *engine;
    if (m_options.stateDir.isEmpty())
        m_options.stateDir = defaultStateDir(m_options.modelDir);
    // One spelling of the folder, whatever the working directory: the store keys runs by it.
    m_options.stateDir = QDir::cleanPath(QFileInfo(m_options.stateDir).absoluteFilePath());
    // One consumer per state folder: two would apply the same ratings to diverging models.
    // The lock file lies beside the folder (MODEL/stream.lock), so that nothing is created in
    // it before the model is known to be fit for streaming.
    const QString lockFile = QDir::cleanPath(m_options.stateDir) + QStringLiteral(".lock");
    QDir().mkpath(QFileInfo(lockFile).absolutePath());
    m_lock = RunLock::tryAcquire(lockFile);
    if (!m_lock.held())
        return makeError(StreamTr::tr("%1: another consumer is fine-tuning from this folder")
                             .arg(m_options.stateDir));
    pruneCheckpoints(m_options.stateDir, m_options.keep);

    // Continue from the latest step, or start from the initially trained model.
    const QString latest = latestCheckpoint(m_options.stateDir);
    Result<std::unique_ptr<TrainedModel>> model
        = m_engine->load(latest.isEmpty() ? m_options.modelDir : latest);
    if (!model)
        return makeError(model.error());
    m_model = std::move(*model);
    if (!latest.isEmpty()) {
        Result<StreamStep> record = readCheckpointStep(latest);
        if (!record)
            return makeError(record.error());
        m_step = record->step;
        m_state.checkpointOffsets = record->offsets;
        qCInfo(lcStream) << "continuing from" << latest << "at offsets"
                         << QJsonDocument(offsetsToJson(record->offsets)).toJson(
                                QJsonDocument::Compact);
    }

    // The same seeded split as the initial training: its static test set and the initial
    // sample's holdout, the old distribution.
    double trainFraction = 0.9;
    uint64_t trainSeed = 42;
    Result<ContinualOptions> splitOptionsFound = splitOptions(&trainFraction, &trainSeed);
    if (!splitOptionsFound)
        return makeError(splitOptionsFound.error());
    Result<ContinualSplit> split = continualSplit(m_data, *splitOptionsFound);
    if (!split)
        return makeError(split.error());
    m_testRows = split->test;
    m_oldRows = initialHoldout(*split, trainFraction, trainSeed).test;
    const QJsonObject protocol = m_model->metadata().value(QStringLiteral("protocol")).toObject();
    if (protocol.contains(QStringLiteral("test_ratings"))
        && protocol.value(QStringLiteral("test_ratings")).toInteger() != qint64(m_testRows.size()))
        qCWarning(lcStream) << "the static test set has" << m_testRows.size()
                            << "ratings, the model was trained with one of"
                            << protocol.value(QStringLiteral("test_ratings")).toInteger()
                            << "- is" << m_data.path << "the file it was trained on?";

    if (m_store) {
        ExperimentStore::StreamRunRecord run;
        run.stateDir = m_options.stateDir;
        run.modelDir = m_options.modelDir;
        run.brokers = m_options.brokers;
        run.topic = m_options.topic;
        run.group = m_options.group;
        run.settings = QJsonObject{{QStringLiteral("buffer"), m_options.buffer},
                                   {QStringLiteral("trigger_seconds"), m_options.triggerSeconds},
                                   {QStringLiteral("epochs"), m_options.epochs},
                                   {QStringLiteral("validation_fraction"),
                                    m_options.validationFraction},
                                   {QStringLiteral("data"), m_data.path}};
        Result<qint64> id = m_store->addStreamRun(run, /*fresh=*/latest.isEmpty());
        if (!id)
            return makeError(id.error());
        m_runId = *id;
        // A crash between a checkpoint and its row leaves the row missing: add it now.
        for (const QString &dir : stepCheckpoints(m_options.stateDir))
            if (Result<StreamStep> s = readCheckpointStep(dir); s)
                if (Result<void> added = m_store->addStreamStep(m_runId, *s); !added)
                    return added;
        if (Result<void> r = m_store->setStreamRunStatus(m_runId, QStringLiteral("running")); !r)
            return r;
    }

    m_summary.firstStep = m_step;
    if (latest.isEmpty()) {
        // Step 0: the starting point of every chart.
        QElapsedTimer timer;
        timer.start();
        StreamStep zero;
        zero.users = qint64(m_model->userIds().size());
        zero.items = qint64(m_model->itemIds().size());
        if (Result<void> r = finishStep(zero, timer); !r)
            return r;
    }
    return {};
}

Result<void> StreamRun::connect()
{
    Result<Kafka::Conf> conf = Kafka::makeConf(
        m_options.brokers,
        {{"group.id", m_options.group.toUtf8()},
         {"client.id", "ncf-stream"},
         {"enable.auto.commit", "false"},
         {"auto.offset.reset", "earliest"},
         {"enable.partition.eof", "true"},
         // Read ahead generously: a step pauses reading for a second or so, and a backlog
         // should then come in few, large fetches (about 1M ratings/s here against 0.3M
         // with librdkafka's defaults).
         {"queued.min.messages", "1000000"},
         {"max.partition.fetch.bytes", "8388608"},
         {"fetch.wait.max.ms", "50"}},
        m_options.config);
    if (!conf)
        return makeError(conf.error());
    rd_kafka_conf_set_rebalance_cb(conf->get(), onRebalance);
    rd_kafka_conf_set_error_cb(conf->get(), onError);
    rd_kafka_conf_set_opaque(conf->get(), &m_state);
    Result<Kafka::Handle> consumer = Kafka::makeHandle(RD_KAFKA_CONSUMER, std::move(*conf));
    if (!consumer)
        return makeError(consumer.error());
    m_consumer = std::move(*consumer);
    rd_kafka_poll_set_consumer(m_consumer.get());
    // The broker answers a connection's requests in order, and holds a fetch that finds
    // nothing new for up to fetch.wait.max.ms: a probe's request queued behind it must be
    // given longer than that, or it times out against a broker that is back.
    char fetchWait[32] = {0};
    size_t fetchWaitSize = sizeof fetchWait;
    if (rd_kafka_conf_get(rd_kafka_conf(m_consumer.get()), "fetch.wait.max.ms", fetchWait,
                          &fetchWaitSize)
        == RD_KAFKA_CONF_OK)
        m_probeTimeoutMs = std::clamp(QByteArray(fetchWait).toInt() + 300, 300, 10000);
    if (!m_options.subscribe)
        return {}; // the loop assigns the partitions as it finds them (assignNewPartitions)

    rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(topics, m_options.topic.toUtf8().constData(),
                                      RD_KAFKA_PARTITION_UA);
    const rd_kafka_resp_err_t err = rd_kafka_subscribe(m_consumer.get(), topics);
    rd_kafka_topic_partition_list_destroy(topics);
    if (err)
        return makeError(StreamTr::tr("cannot subscribe to topic %1: %2")
                             .arg(m_options.topic, Kafka::errorText(err)));
    return {};
}

void StreamRun::handle(const rd_kafka_message_t &message)
{
    if (message.err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
        m_state.atEnd.insert(message.partition);
        m_state.broker = StreamStatus::Broker::Connected;
        return;
    }
    if (message.err) {
        qCWarning(lcStream) << "consumer:" << Kafka::errorText(message.err);
        return;
    }
    m_state.broker = StreamStatus::Broker::Connected;
    const int32_t p = message.partition;
    m_state.atEnd.erase(p);
    m_lastMessage.start();
    if (!m_sinceStep.isValid())
        m_sinceStep.start();
    // Offsets are consecutive within a partition; a jump means messages were deleted
    // (retention) before this consumer read them.
    const auto known = m_state.positions.find(p);
    const auto checkpointed = m_state.checkpointOffsets.find(p);
    const int64_t expected = known != m_state.positions.end() ? known->second
                             : checkpointed != m_state.checkpointOffsets.end()
                                 ? checkpointed->second
                                 : 0;
    if (message.offset > expected) {
        m_summary.lost += message.offset - expected;
        qCWarning(lcStream).noquote()
            << StreamTr::tr("partition %1: offsets %2 to %3 are gone (deleted by the topic's "
                            "retention before they were read); %4 ratings lost")
                   .arg(p)
                   .arg(expected)
                   .arg(message.offset - 1)
                   .arg(message.offset - expected);
    }
    m_state.positions[p] = message.offset + 1;
    ++m_state.messagesSinceStep[p];
    ++m_summary.messages;
    ++m_rateMessages;

    Buffered b;
    b.partition = p;
    QString why;
    if (parseRatingMessage(static_cast<const char *>(message.payload), message.len, b.rating,
                           &why)) {
        m_state.buffer.push_back(b);
        return;
    }
    ++m_state.malformedSinceStep[p];
    ++m_summary.malformed;
    // Every skipped message is logged with where it is, up to a limit that keeps a flood of
    // garbage from drowning the log; the counts keep going.
    if (++m_loggedMalformed <= 100)
        qCWarning(lcStream).noquote() << StreamTr::tr("skipping malformed message at partition "
                                                      "%1 offset %2: %3")
                                             .arg(p)
                                             .arg(message.offset)
                                             .arg(why);
    else
        qCDebug(lcStream) << "malformed message at partition" << p << "offset" << message.offset;
}

void StreamRun::assignNewPartitions()
{
    if (m_options.subscribe
        || (m_lastAssignCheck.isValid() && m_lastAssignCheck.elapsed() < 2000))
        return;
    m_lastAssignCheck.start();
    const QByteArray topic = m_options.topic.toUtf8();
    Result<int> partitions = Kafka::partitionCount(m_consumer.get(), topic, m_probeTimeoutMs);
    if (!partitions) {
        qCDebug(lcStream) << "no partitions yet:" << partitions.error();
        return;
    }
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(*partitions);
    for (int32_t p = 0; p < *partitions; ++p) {
        if (m_state.assigned.count(p))
            continue;
        const auto it = m_state.checkpointOffsets.find(p);
        rd_kafka_topic_partition_list_add(list, topic.constData(), p)->offset
            = it != m_state.checkpointOffsets.end() ? it->second : RD_KAFKA_OFFSET_BEGINNING;
        m_state.assigned.insert(p);
        qCInfo(lcStream) << "reading partition" << p << "from offset"
                         << (it != m_state.checkpointOffsets.end()
                                 ? QString::number(it->second)
                                 : QStringLiteral("beginning"));
    }
    if (list->cnt > 0)
        if (rd_kafka_error_t *error = rd_kafka_incremental_assign(m_consumer.get(), list)) {
            qCWarning(lcStream) << "cannot assign partitions:" << rd_kafka_error_string(error);
            for (int i = 0; i < list->cnt; ++i)
                m_state.assigned.erase(list->elems[i].partition);
            rd_kafka_error_destroy(error);
        }
    rd_kafka_topic_partition_list_destroy(list);
}

void StreamRun::refreshLag()
{
    qint64 lag = 0;
    const QByteArray topic = m_options.topic.toUtf8();
    for (int32_t p : m_state.assigned) {
        int64_t low = 0, high = 0;
        if (rd_kafka_get_watermark_offsets(m_consumer.get(), topic.constData(), p, &low, &high)
                != RD_KAFKA_RESP_ERR_NO_ERROR
            || high < 0)
            continue;
        const auto at = m_state.positions.find(p);
        const int64_t position = at != m_state.positions.end() ? at->second : low;
        lag += std::max<int64_t>(0, high - position);
    }
    m_lag = lag;
}

void StreamRun::probeBroker()
{
    // While the broker is away nothing arrives to prove it is back: ask it now and then.
    if (m_state.broker != StreamStatus::Broker::Lost
        || (m_lastProbe.isValid() && m_lastProbe.elapsed() < 1000))
        return;
    m_lastProbe.start();
    const rd_kafka_metadata_t *metadata = nullptr;
    if (rd_kafka_metadata(m_consumer.get(), 0, nullptr, &metadata, m_probeTimeoutMs)
        == RD_KAFKA_RESP_ERR_NO_ERROR) {
        rd_kafka_metadata_destroy(metadata);
        m_state.broker = StreamStatus::Broker::Connected;
        qCInfo(lcStream) << "broker reachable again";
    }
}

void StreamRun::reportStatus(const QString &phase)
{
    if (m_rateWindow.elapsed() >= 1000) {
        m_ingestRate = double(m_rateMessages) / (m_rateWindow.nsecsElapsed() * 1e-9);
        m_rateMessages = 0;
        m_rateWindow.start();
    }
    if (!m_callbacks.status)
        return;
    StreamStatus s;
    s.broker = m_state.broker;
    s.brokerMessage = m_state.broker == StreamStatus::Broker::Lost ? m_state.brokerMessage
                                                                   : QString();
    s.phase = phase;
    s.step = m_step;
    s.buffered = qint64(m_state.buffer.size());
    s.bufferTarget = m_options.buffer;
    s.messages = m_summary.messages;
    s.malformed = m_summary.malformed;
    s.ingestRate = m_ingestRate;
    s.lag = m_lag;
    m_callbacks.status(s);
}

void StreamRun::evaluate(StreamStep &step) const
{
    QElapsedTimer timer;
    timer.start();
    step.testMse = scaledMse(*m_model, m_data, m_testRows);
    step.oldMse = scaledMse(*m_model, m_data, m_oldRows);
    step.evalSeconds = timer.nsecsElapsed() * 1e-9;
}

Result<bool> StreamRun::step()
{
    QElapsedTimer timer;
    timer.start();
    const double consumed = m_sinceStep.isValid() ? m_sinceStep.nsecsElapsed() * 1e-9 : 0.0;
    m_summary.consumeSeconds += consumed;
    refreshLag();
    reportStatus(QStringLiteral("fine-tuning"));

    StreamStep s;
    s.step = m_step + 1;
    s.messages = sumOf(m_state.messagesSinceStep);
    s.malformed = sumOf(m_state.malformedSinceStep);
    s.ingestRate = consumed > 0 ? double(s.messages) / consumed : 0.0;
    s.lag = m_lag;

    // The buffer as a dataset of raw ids; unseen users and movies join the model first.
    RatingDataset buffer;
    buffer.path = QStringLiteral("stream step %1").arg(s.step);
    buffer.users.reserve(m_state.buffer.size());
    buffer.items.reserve(m_state.buffer.size());
    buffer.halfStars.reserve(m_state.buffer.size());
    buffer.timestamps.reserve(m_state.buffer.size());
    for (const Buffered &b : m_state.buffer)
        buffer.append(b.rating.userId, b.rating.movieId, b.rating.halfStars, b.rating.timestamp);
    std::vector<uint32_t> newUsers, newItems;
    for (uint32_t raw : buffer.userIds.rawIds())
        if (m_model->userIds().find(raw) == IdMap::kAbsent)
            newUsers.push_back(raw);
    for (uint32_t raw : buffer.itemIds.rawIds())
        if (m_model->itemIds().find(raw) == IdMap::kAbsent)
            newItems.push_back(raw);
    const AdmitReport admitted = m_model->admit(newUsers, newItems);
    s.newUsers = admitted.newUsers;
    s.newItems = admitted.newItems;
    s.users = qint64(m_model->userIds().size());
    s.items = qint64(m_model->itemIds().size());
    s.ratings = qint64(buffer.size());

    if (!buffer.isEmpty()) {
        const uint64_t seed = m_options.seed + uint64_t(s.step);
        const Holdout parts = holdoutSplit(buffer.size(), 1.0 - m_options.validationFraction,
                                           seed);
        s.trainRatings = qint64(parts.train.size());
        s.validationRatings = qint64(parts.test.size());
        TrainOptions options;
        options.kind = m_model->kind();
        options.params = m_model->params();
        options.epochs = m_options.epochs;
        options.seed = seed;
        options.threads = m_options.threads;
        TrainCallbacks hooks;
        hooks.isCanceled = [this] { return canceled(); };
        QElapsedTimer tuning;
        tuning.start();
        Result<TrainReport> report = parts.train.empty()
                                         ? Result<TrainReport>(TrainReport{})
                                         : m_engine->fineTune(*m_model, buffer, parts.train,
                                                              parts.test, options, hooks);
        if (!report)
            return makeError(report.error());
        s.fineTuneSeconds = tuning.nsecsElapsed() * 1e-9;
        // Cancelled midway: the model is half-tuned; the last checkpoint stays the truth.
        if (report->cancelled)
            return false;
        if (!report->epochs.empty()) {
            s.trainMse = report->epochs.back().trainMse;
            s.valMse = report->epochs[size_t(std::max(1, report->bestEpoch) - 1)].valMse;
        }
    }

    PartitionOffsets offsets = m_state.checkpointOffsets;
    for (const auto &[partition, next] : m_state.positions)
        offsets[partition] = next;
    s.offsets = offsets;
    if (Result<void> r = finishStep(s, timer); !r)
        return makeError(r.error());
    m_summary.applied += s.ratings;

    m_state.buffer.clear();
    m_state.messagesSinceStep.clear();
    m_state.malformedSinceStep.clear();
    m_sinceStep.start();
    return true;
}

Result<void> StreamRun::finishStep(StreamStep &s, const QElapsedTimer &timer)
{
    evaluate(s);
    s.scaleRange = m_model->scaler().range();
    s.users = qint64(m_model->userIds().size());
    s.items = qint64(m_model->itemIds().size());
    s.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);

    // Checkpoint (model and offsets together), then the store, then Kafka's commit.
    QElapsedTimer writing;
    writing.start();
    s.stepSeconds = timer.nsecsElapsed() * 1e-9;
    Result<QString> dir = writeCheckpoint(*m_model, s, m_options.stateDir);
    if (!dir)
        return makeError(dir.error());
    s.checkpoint = *dir;
    s.checkpointSeconds = writing.nsecsElapsed() * 1e-9;
    s.stepSeconds = timer.nsecsElapsed() * 1e-9;
    m_step = s.step;
    m_state.checkpointOffsets = s.offsets;
    pruneCheckpoints(m_options.stateDir, m_options.keep);
    if (m_store)
        if (Result<void> added = m_store->addStreamStep(m_runId, s); !added)
            return added;
    if (m_consumer && !s.offsets.empty()) {
        rd_kafka_topic_partition_list_t *list
            = rd_kafka_topic_partition_list_new(int(s.offsets.size()));
        for (const auto &[partition, next] : s.offsets)
            rd_kafka_topic_partition_list_add(list, m_options.topic.toUtf8().constData(),
                                              partition)
                ->offset = next;
        // Asynchronous: the checkpoint already holds the truth, and a commit must not block
        // the stream while the broker is away.
        if (const rd_kafka_resp_err_t err = rd_kafka_commit(m_consumer.get(), list, 1))
            qCWarning(lcStream) << "cannot commit offsets:" << Kafka::errorText(err);
        rd_kafka_topic_partition_list_destroy(list);
    }
    m_summary.lastStep = s.step;
    m_summary.offsets = s.offsets;
    m_summary.checkpoint = s.checkpoint;
    qCInfo(lcStream).noquote()
        << QStringLiteral("step %1: %2 ratings (%3 new users, %4 new movies), val MSE %5, "
                          "test MSE %6, old MSE %7, %8 s")
               .arg(s.step)
               .arg(s.ratings)
               .arg(s.newUsers)
               .arg(s.newItems)
               .arg(s.valMse, 0, 'f', 5)
               .arg(s.testMse, 0, 'f', 5)
               .arg(s.oldMse, 0, 'f', 5)
               .arg(s.stepSeconds, 0, 'f', 2);
    if (m_callbacks.stepFinished)
        m_callbacks.stepFinished(s);
    return {};
}

Result<StreamSummary> StreamRun::run()
{
    QElapsedTimer total;
    total.start();
    if (Result<void> r = prepare(); !r)
        return makeError(r.error());
    if (Result<void> r = connect(); !r)
        return makeError(r.error());
    m_summary.lastStep = m_step;
    m_summary.offsets = m_state.checkpointOffsets;
    m_summary.checkpoint = latestCheckpoint(m_options.stateDir);
    m_rateWindow.start(); // m_sinceStep starts with the first message: start-up is not reading
    m_lastMessage.start();
    QElapsedTimer sinceStatus;
    sinceStatus.start();
    QElapsedTimer sinceTrigger;
    sinceTrigger.start();

    Result<void> outcome; // an error ends the run
    while (true) {
        if (canceled()) {
            m_summary.cancelled = true;
            break;
        }
        // Drain what librdkafka has fetched, then look at the clock.
        for (int k = 0; k < 10000; ++k) {
            rd_kafka_message_t *message = rd_kafka_consumer_poll(m_consumer.get(), k ? 0 : 100);
            if (!message)
                break;
            handle(*message);
            rd_kafka_message_destroy(message);
            if (qint64(m_state.buffer.size()) >= m_options.buffer)
                break;
        }
        if (sinceStatus.elapsed() >= 250) {
            refreshLag();
            reportStatus(QStringLiteral("consuming"));
            sinceStatus.start();
        }
        probeBroker(); // after the report: while the broker is away a probe waits its timeout
        assignNewPartitions();

        const qint64 buffered = qint64(m_state.buffer.size());
        const qint64 pending = sumOf(m_state.messagesSinceStep);
        const bool atEnd = !m_state.assigned.empty()
                           && m_state.atEnd.size() >= m_state.assigned.size()
                           && m_lastMessage.elapsed() >= qint64(m_options.endIdleSeconds * 1000);
        const bool due = buffered >= m_options.buffer
                         || (buffered >= std::max<qint64>(1, m_options.minStep)
                             && sinceTrigger.elapsed() >= qint64(m_options.triggerSeconds * 1000))
                         || (m_options.untilEnd && atEnd && pending > 0);
        if (due) {
            Result<bool> stepped = step();
            if (!stepped) {
                outcome = makeError(stepped.error());
                break;
            }
            if (!*stepped) {
                m_summary.cancelled = true;
                break;
            }
            sinceTrigger.start();
            if (m_options.maxSteps > 0 && m_step - m_summary.firstStep >= m_options.maxSteps)
                break;
            continue;
        }
        if (m_options.untilEnd && atEnd && pending == 0)
            break;
    }
    if (m_sinceStep.isValid())
        m_summary.consumeSeconds += m_sinceStep.nsecsElapsed() * 1e-9;
    reportStatus(QStringLiteral("stopped"));
    rd_kafka_consumer_close(m_consumer.get());
    const QString status = !outcome            ? QStringLiteral("failed")
                           : m_summary.cancelled ? QStringLiteral("stopped")
                                                 : QStringLiteral("finished");
    if (m_store)
        if (Result<void> r = m_store->setStreamRunStatus(m_runId, status); !r)
            qCWarning(lcStream) << r.error();
    if (!outcome)
        return makeError(outcome.error());
    m_summary.seconds = total.nsecsElapsed() * 1e-9;
    return m_summary;
}

} // namespace

Result<StreamSummary> runStream(const RatingDataset &data, const StreamOptions &options,
                                const StreamCallbacks &callbacks, ExperimentStore *store)
{
    if (options.modelDir.isEmpty())
        return makeError(StreamTr::tr("no model folder given"));
    if (options.buffer < 1 || options.validationFraction < 0.0
        || options.validationFraction >= 1.0 || options.epochs < 1)
        return makeError(StreamTr::tr("the buffer must hold at least one rating, the "
                                      "validation fraction lie in [0, 1) and epochs be at "
                                      "least 1"));
    StreamRun run(data, options, callbacks, store);
    return run.run();
}

} // namespace Ncf
