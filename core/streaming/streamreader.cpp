// The fine-tuning consumer's Kafka side: connecting, reading and parsing messages, partition
// assignment, lag and the broker's health (see Note [Fine-tuning stream]).

#include "core/streaming/streamrun_p.h"

#include "core/common/logging.h"
#include "core/common/tr.h"

namespace Ncf::Stream {

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
    // One map lookup a message on this hot path; a partition's first message starts from
    // the checkpoint (or the beginning).
    auto position = m_state.positions.find(p);
    if (position == m_state.positions.end()) {
        const auto checkpointed = m_state.checkpointOffsets.find(p);
        position = m_state.positions
                       .emplace(p, checkpointed != m_state.checkpointOffsets.end()
                                       ? checkpointed->second
                                       : 0)
                       .first;
    }
    const int64_t expected = position->second;
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
    position->second = message.offset + 1;
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

} // namespace Ncf::Stream
