#include "core/streaming/embeddedbroker.h"

#include "core/common/logging.h"
#include "core/common/tr.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

namespace Ncf {

struct EmbeddedBroker::Handles
{
    rd_kafka_t *owner = nullptr; // the mock cluster lives inside this client instance
    rd_kafka_mock_cluster_t *cluster = nullptr;

    ~Handles()
    {
        if (cluster)
            rd_kafka_mock_cluster_destroy(cluster);
        if (owner)
            rd_kafka_destroy(owner);
    }
};

EmbeddedBroker::~EmbeddedBroker() = default;

Result<std::unique_ptr<EmbeddedBroker>> EmbeddedBroker::start(int brokers, int partitions)
{
    char error[512] = {0};
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "log_level", "3", error, sizeof error);

    std::unique_ptr<EmbeddedBroker> broker(new EmbeddedBroker);
    broker->m_handles = std::make_unique<Handles>();
    broker->m_handles->owner = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);
    if (!broker->m_handles->owner)
        return makeError(StreamTr::tr("cannot start the embedded Kafka broker: %1")
                             .arg(QString::fromUtf8(error)));
    broker->m_handles->cluster = rd_kafka_mock_cluster_new(broker->m_handles->owner,
                                                           std::max(1, brokers));
    if (!broker->m_handles->cluster)
        return makeError(StreamTr::tr("cannot start the embedded Kafka broker (mock cluster)"));
    broker->m_bootstraps = QString::fromUtf8(
        rd_kafka_mock_cluster_bootstraps(broker->m_handles->cluster));
    // Topics that clients use without creating them get one partition; the workbench's
    // default topic is made up front with the partitions asked for.
    if (Result<void> r = broker->createTopic(QStringLiteral("movielens"), partitions); !r)
        return makeError(r.error());
    qCInfo(lcStream).noquote() << "embedded Kafka broker at" << broker->m_bootstraps;
    return broker;
}

Result<void> EmbeddedBroker::createTopic(const QString &topic, int partitions)
{
    const rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(
        m_handles->cluster, topic.toUtf8().constData(), std::max(1, partitions),
        /*replication_factor=*/1);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
        return makeError(StreamTr::tr("embedded broker: cannot create topic %1: %2")
                             .arg(topic, QString::fromUtf8(rd_kafka_err2str(err))));
    return {};
}

Result<void> EmbeddedBroker::setBrokerUp(int id, bool up)
{
    const rd_kafka_resp_err_t err
        = up ? rd_kafka_mock_broker_set_up(m_handles->cluster, id)
             : rd_kafka_mock_broker_set_down(m_handles->cluster, id);
    if (err)
        return makeError(StreamTr::tr("cannot take broker %1 %2: %3")
                             .arg(id)
                             .arg(up ? QStringLiteral("up") : QStringLiteral("down"),
                                  QString::fromUtf8(rd_kafka_err2str(err))));
    return {};
}

} // namespace Ncf
