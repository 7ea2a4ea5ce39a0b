#pragma once

// Private to core/streaming: the fine-tuning consumer's run (Note [Fine-tuning stream]),
// shared by streamconsumer.cpp (preparing, steps, the loop) and streamreader.cpp (Kafka).

#include "core/storage/experimentstore.h"
#include "core/streaming/kafka_p.h"
#include "core/streaming/ratingmessage.h"
#include "core/streaming/streamconsumer.h"
#include "core/training/training.h"

#include <QElapsedTimer>

#include <map>
#include <memory>
#include <set>
#include <vector>

namespace Ncf::Stream {

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

//! librdkafka's rebalance and error callbacks; their opaque is the ConsumerState.
void onRebalance(rd_kafka_t *rk, rd_kafka_resp_err_t err,
                 rd_kafka_topic_partition_list_t *partitions, void *opaque);
void onError(rd_kafka_t *, int err, const char *reason, void *opaque);

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

} // namespace Ncf::Stream
