#pragma once

// Private to core/streaming: librdkafka handles and configuration shared by the producer and
// the consumer.

#include "core/common/result.h"

#include <librdkafka/rdkafka.h>

#include <QByteArray>
#include <QStringList>

#include <memory>
#include <utility>
#include <vector>

namespace Ncf::Kafka {

struct HandleDeleter
{
    void operator()(rd_kafka_t *rk) const { rd_kafka_destroy(rk); }
};
//! A producer or consumer handle, destroyed with the object.
using Handle = std::unique_ptr<rd_kafka_t, HandleDeleter>;

struct ConfDeleter
{
    void operator()(rd_kafka_conf_t *conf) const { rd_kafka_conf_destroy(conf); }
};
using Conf = std::unique_ptr<rd_kafka_conf_t, ConfDeleter>;

//! A configuration with bootstrap.servers `brokers`, then our `defaults`, then the user's
//! "name=value" `overrides` (a real cluster's security settings, for instance), which win.
Result<Conf> makeConf(const QString &brokers,
                      const std::vector<std::pair<const char *, QByteArray>> &defaults,
                      const QStringList &overrides);

//! Creates the handle; takes the configuration over.
Result<Handle> makeHandle(rd_kafka_type_t type, Conf conf);

//! librdkafka's text for an error code.
QString errorText(rd_kafka_resp_err_t err);

//! How many partitions `topic` has, asking the cluster (up to `timeoutMs`).
Result<int> partitionCount(rd_kafka_t *rk, const QByteArray &topic, int timeoutMs);

//! The high watermark of each partition of `topic` (index = partition id): how many
//! messages each holds. Asks the cluster, waiting up to `timeoutMs` for each answer.
Result<std::vector<int64_t>> partitionEnds(rd_kafka_t *rk, const QByteArray &topic,
                                           int timeoutMs = 10000);

} // namespace Ncf::Kafka
