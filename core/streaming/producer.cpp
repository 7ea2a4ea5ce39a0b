#include "core/streaming/producer.h"

#include "core/common/logging.h"
#include "core/common/tr.h"
#include "core/data/ratingdataset.h"

#include "core/streaming/kafka_p.h"

#include <QElapsedTimer>
#include <QThread>

#include <atomic>
#include <charconv>
#include <memory>

namespace Ncf {

namespace {

void onDelivery(rd_kafka_t *, const rd_kafka_message_t *message, void *opaque)
{
    auto *failed = static_cast<std::atomic<qint64> *>(opaque);
    if (message->err) {
        ++*failed;
        qCWarning(lcStream) << "delivery failed:" << rd_kafka_err2str(message->err);
    }
}

} // namespace

Result<ProduceReport> produceStream(const RatingDataset &data, const ProduceOptions &options,
                                    const std::function<bool(qint64, qint64)> &progress)
{
    Result<ContinualSplit> split = continualSplit(data, options.split);
    if (!split)
        return makeError(split.error());
    const RowList &stream = split->stream;

    std::atomic<qint64> failed{0};
    Result<Kafka::Conf> conf = Kafka::makeConf(options.brokers,
                                               {{"enable.idempotence", "true"},
                                                {"linger.ms", "20"},
                                                {"batch.num.messages", "10000"},
                                                {"compression.codec", "lz4"}},
                                               options.config);
    if (!conf)
        return makeError(conf.error());
    rd_kafka_conf_set_dr_msg_cb(conf->get(), onDelivery);
    rd_kafka_conf_set_opaque(conf->get(), &failed);
    Result<Kafka::Handle> producerMade = Kafka::makeHandle(RD_KAFKA_PRODUCER, std::move(*conf));
    if (!producerMade)
        return makeError(producerMade.error());
    Kafka::Handle producer = std::move(*producerMade);

    const QByteArray topic = options.topic.toUtf8();
    Result<std::vector<int64_t>> ends = Kafka::partitionEnds(producer.get(), topic);
    if (!ends)
        return makeError(ends.error());
    const uint32_t partitions = uint32_t(ends->size());

    ProduceReport report;
    report.stream = qint64(stream.size());
    // Each user's ratings go to partition user % partitions, in stream order, so what a
    // partition holds is a prefix of its share of the stream: skip that many of each.
    std::vector<int64_t> toSkip = *ends;
    QElapsedTimer timer;
    timer.start();
    char value[160];
    char key[16];
    for (qint64 k = 0; k < report.stream; ++k) {
        const uint32_t row = stream[size_t(k)];
        const uint32_t user = data.userIds.rawId(data.users[row]);
        const int32_t partition = int32_t(user % partitions);
        if (toSkip[size_t(partition)] > 0) {
            --toSkip[size_t(partition)];
            ++report.skipped;
            continue;
        }
        const uint32_t movie = data.itemIds.rawId(data.items[row]);
        const int keyLength = int(std::to_chars(key, key + sizeof key, user).ptr - key);
        const int valueLength = std::snprintf(
            value, sizeof value,
            "{\"userId\":%u,\"movieId\":%u,\"rating\":%.1f,\"timestamp\":%u}", user, movie,
            data.rating(row), data.timestamps[row]);
        while (true) {
            const rd_kafka_resp_err_t err = rd_kafka_producev(
                producer.get(), RD_KAFKA_V_TOPIC(topic.constData()),
                RD_KAFKA_V_PARTITION(partition),
                RD_KAFKA_V_KEY(key, size_t(keyLength)),
                RD_KAFKA_V_VALUE(value, size_t(valueLength)),
                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
            if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
                break;
            if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL)
                return makeError(StreamTr::tr("cannot produce to %1: %2")
                                     .arg(options.topic, Kafka::errorText(err)));
            rd_kafka_poll(producer.get(), 50); // the local queue is full: let it drain
        }
        ++report.produced;
        rd_kafka_poll(producer.get(), 0);
        if (options.rate > 0.0) {
            // Pace to the requested rate.
            const double due = double(report.produced) / options.rate * 1000.0;
            const qint64 ahead = qint64(due) - timer.elapsed();
            if (ahead > 0)
                QThread::msleep(ulong(ahead));
        }
        if (progress && (k % 4096 == 0) && !progress(k, report.stream))
            break;
    }
    while (rd_kafka_flush(producer.get(), 1000) == RD_KAFKA_RESP_ERR__TIMED_OUT)
        if (progress && !progress(report.skipped + report.produced, report.stream))
            break;
    report.failed = failed;
    report.produced -= report.failed;
    report.seconds = timer.nsecsElapsed() * 1e-9;
    return report;
}

} // namespace Ncf
