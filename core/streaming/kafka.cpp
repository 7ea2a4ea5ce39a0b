#include "core/streaming/kafka_p.h"

#include "core/common/tr.h"

namespace Ncf::Kafka {

Result<Conf> makeConf(const QString &brokers,
                      const std::vector<std::pair<const char *, QByteArray>> &defaults,
                      const QStringList &overrides)
{
    char error[512] = {0};
    Conf conf(rd_kafka_conf_new());
    auto set = [&](const QByteArray &name, const QByteArray &value) {
        return rd_kafka_conf_set(conf.get(), name.constData(), value.constData(), error,
                                 sizeof error)
               == RD_KAFKA_CONF_OK;
    };
    if (!set("bootstrap.servers", brokers.toUtf8()))
        return makeError(StreamTr::tr("Kafka setting bootstrap.servers: %1")
                             .arg(QString::fromUtf8(error)));
    for (const auto &[name, value] : defaults)
        if (!set(name, value))
            return makeError(StreamTr::tr("Kafka setting %1: %2")
                                 .arg(QLatin1String(name), QString::fromUtf8(error)));
    for (const QString &assignment : overrides) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return makeError(StreamTr::tr("Kafka setting '%1': %2")
                                 .arg(assignment, StreamTr::tr("expected name=value")));
        if (!set(assignment.left(eq).toUtf8(), assignment.mid(eq + 1).toUtf8()))
            return makeError(StreamTr::tr("Kafka setting '%1': %2")
                                 .arg(assignment, QString::fromUtf8(error)));
    }
    return conf;
}

Result<Handle> makeHandle(rd_kafka_type_t type, Conf conf)
{
    char error[512] = {0};
    // rd_kafka_new() owns the configuration only when it succeeds.
    Handle handle(rd_kafka_new(type, conf.get(), error, sizeof error));
    if (!handle)
        return makeError(type == RD_KAFKA_PRODUCER
                             ? StreamTr::tr("cannot create the Kafka producer: %1")
                                   .arg(QString::fromUtf8(error))
                             : StreamTr::tr("cannot create the Kafka consumer: %1")
                                   .arg(QString::fromUtf8(error)));
    conf.release();
    return handle;
}

QString errorText(rd_kafka_resp_err_t err)
{
    return QString::fromUtf8(rd_kafka_err2str(err));
}

//! The high watermark of each partition of `topic`: how many messages each holds.
Result<int> partitionCount(rd_kafka_t *rk, const QByteArray &topic, int timeoutMs)
{
    const rd_kafka_metadata_t *metadata = nullptr;
    rd_kafka_topic_t *handle = rd_kafka_topic_new(rk, topic.constData(), nullptr);
    rd_kafka_resp_err_t err = rd_kafka_metadata(rk, 0, handle, &metadata, timeoutMs);
    rd_kafka_topic_destroy(handle);
    if (err)
        return makeError(StreamTr::tr("cannot read the metadata of topic %1: %2")
                             .arg(QString::fromUtf8(topic), errorText(err)));
    int count = 0;
    if (metadata->topic_cnt > 0) {
        err = metadata->topics[0].err;
        count = metadata->topics[0].partition_cnt;
    }
    rd_kafka_metadata_destroy(metadata);
    if (err || count <= 0)
        return makeError(StreamTr::tr("topic %1 has no partitions: %2")
                             .arg(QString::fromUtf8(topic), errorText(err)));
    return count;
}

Result<std::vector<int64_t>> partitionEnds(rd_kafka_t *rk, const QByteArray &topic,
                                           int timeoutMs)
{
    Result<int> partitions = partitionCount(rk, topic, timeoutMs);
    if (!partitions)
        return makeError(partitions.error());
    // Kafka numbers a topic's partitions 0..n-1.
    std::vector<int64_t> ends(size_t(*partitions), 0);
    for (int p = 0; p < *partitions; ++p) {
        int64_t low = 0, high = 0;
        if (rd_kafka_query_watermark_offsets(rk, topic.constData(), p, &low, &high, timeoutMs)
            == RD_KAFKA_RESP_ERR_NO_ERROR)
            ends[size_t(p)] = high;
    }
    return ends;
}

} // namespace Ncf::Kafka
