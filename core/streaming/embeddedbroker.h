#pragma once

#include "core/common/result.h"

#include <QString>

#include <memory>

namespace Ncf {

//! The embedded Kafka broker: librdkafka's mock cluster, speaking the real Kafka protocol on
//! a loopback port that it picks itself. The demo and the tests use it when no external
//! cluster is configured; any Kafka client (kcat, python3-kafka, librdkafka) can connect.
//! Example: `auto broker = EmbeddedBroker::start(); connect to broker->bootstrapServers()`.
class EmbeddedBroker
{
public:
    ~EmbeddedBroker();

    //! Starts a cluster of `brokers` brokers; topics are created on first use with
    //! `partitions` partitions (or explicitly with createTopic()).
    static Result<std::unique_ptr<EmbeddedBroker>> start(int brokers = 1, int partitions = 1);

    //! "127.0.0.1:PORT[,...]": what clients pass as bootstrap.servers.
    QString bootstrapServers() const { return m_bootstraps; }

    Result<void> createTopic(const QString &topic, int partitions);

    //! Takes broker `id` (1-based) down, closing its connections and refusing new ones, or
    //! brings it back: how the tests and the demo show a broker outage.
    Result<void> setBrokerUp(int id, bool up);

private:
    EmbeddedBroker() = default;

    struct Handles;
    std::unique_ptr<Handles> m_handles;
    QString m_bootstraps;
};

} // namespace Ncf
