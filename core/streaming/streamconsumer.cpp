#include "core/streaming/streamconsumer.h"
#include "core/streaming/streamrun_p.h"

#include "core/common/logging.h"
#include "core/common/tr.h"
#include "core/data/ratingdataset.h"
#include "core/storage/experimentstore.h"
#include "core/streaming/checkpoints.h"
#include "core/training/training.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <set>

namespace Ncf::Stream {

namespace {

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

} // namespace

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
        if (Result<void> r = finishStep(zero, timer); !r)
            return r;
    }
    return {};
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

} // namespace Ncf::Stream

namespace Ncf {

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
    Stream::StreamRun run(data, options, callbacks, store);
    return run.run();
}

} // namespace Ncf
