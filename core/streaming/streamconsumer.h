#pragma once

#include "core/common/result.h"
#include "core/data/splits.h"
#include "core/streaming/streamstep.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace Ncf {

struct RatingDataset;
class ExperimentStore;

//! How `ncf stream` fine-tunes. Example: `StreamOptions o; o.brokers = b; o.modelDir = dir;`
struct StreamOptions
{
    QString brokers;                        //!< bootstrap.servers
    QString topic = QStringLiteral("movielens");
    QString group = QStringLiteral("ncf-stream"); //!< consumer group id
    //! Join the group and take the partitions it hands out, instead of reading every
    //! partition of the topic (see Note [Fine-tuning stream]).
    bool subscribe = false;
    QStringList config;                     //!< extra librdkafka settings, "name=value"
    QString modelDir;                       //!< the initially trained model
    QString stateDir;                       //!< checkpoints; empty: MODEL/stream
    qint64 buffer = 100'000;                //!< fine-tune when this many ratings are buffered
    double triggerSeconds = 10.0;           //!< ... or when this long passed since the last
    qint64 minStep = 100;                   //!<     step and at least this many are buffered
    double validationFraction = 0.2;        //!< of each buffer, held out for validation
    int epochs = 1;                         //!< fine-tuning epochs per step
    int threads = 1;                        //!< intra-op threads
    int keep = 3;                           //!< step checkpoints kept on disk
    uint64_t seed = 42;
    int maxSteps = 0;                       //!< stop after this many new steps; 0 = no limit
    bool untilEnd = false;                  //!< stop once every partition is read to its end
    double endIdleSeconds = 0.0;            //!< ... and nothing new came for this long
    //! The split that defines the static test set; by default the one recorded in the model
    //! by `ncf train --protocol continual`.
    std::optional<ContinualOptions> split;
};

//! Where the consumer stands, reported a few times a second.
struct StreamStatus
{
    enum class Broker { Connecting, Connected, Lost };
    Broker broker = Broker::Connecting;
    QString brokerMessage;      //!< the last broker error, while Lost
    QString phase;              //!< "consuming", "fine-tuning", "checkpointing"
    int step = 0;               //!< the last finished step
    qint64 buffered = 0;        //!< ratings waiting for the next step
    qint64 bufferTarget = 0;
    qint64 messages = 0;        //!< consumed since start, malformed included
    qint64 malformed = 0;       //!< skipped since start
    double ingestRate = 0.0;    //!< messages per second over the last second
    qint64 lag = 0;             //!< messages behind the partitions' ends
};

struct StreamCallbacks
{
    std::function<void(const StreamStatus &)> status;
    std::function<void(const StreamStep &)> stepFinished;
    //! Polled often; returning true stops the consumer (the buffer is not applied).
    std::function<bool()> isCanceled;
};

struct StreamSummary
{
    int firstStep = 0;          //!< the step the run started from
    int lastStep = 0;
    qint64 messages = 0;
    qint64 malformed = 0;
    qint64 applied = 0;         //!< ratings fine-tuned on by this run
    qint64 lost = 0;            //!< offsets skipped: deleted by retention before they were read
    double seconds = 0.0;
    double consumeSeconds = 0.0; //!< time spent reading, from the first message on, steps
                                 //!< excluded
    PartitionOffsets offsets;   //!< where the stream continues
    QString checkpoint;         //!< the latest step folder
    bool cancelled = false;
};

// Note [Fine-tuning stream]: like Flink's and Spark's Kafka sources, the consumer keeps its
// offsets in its own checkpoints and by default assigns itself every partition of the topic
// (new partitions are picked up as they appear), so a restart does not wait for a group
// rebalance; it still commits to consumer group `group`, so the group tools show its lag.
// With `subscribe` it joins the group and takes what the group assigns (a revoked partition
// drops its unapplied buffer and restarts at the checkpoint). It parses each message (see
// parseRatingMessage()); a malformed one is counted, logged with its partition and offset,
// and skipped. Ratings collect in a buffer. When the buffer holds
// `buffer` ratings, or `triggerSeconds` have passed since the last step with at least
// `minStep` buffered, a step runs: unseen users and movies are admitted (the id maps and the
// embeddings grow), the buffer is split (validationFraction held out, seeded by the step
// number), the model is fine-tuned from its current state with its optimiser state, and is
// evaluated on the buffer's validation part, on the static test set of the continual split
// and on the holdout of the initial training (the old distribution). The step is then
// checkpointed with its offsets (Note [Stream checkpoints]), recorded in the store, and only
// then are the offsets committed to Kafka. Step 0 is the starting model, evaluated once. A
// restart loads the latest step and seeks to its offsets, so no rating is applied twice or
// lost. When the broker goes away, librdkafka retries; the status shows it until it returns.
// Kafka deletes old messages by retention: a consumer that falls further behind than the
// topic keeps loses them, which shows as offsets jumping forward; each such gap is logged
// and counted (StreamSummary::lost), never passed over in silence.

//! Runs the consumer until it is cancelled, reaches maxSteps, or (untilEnd) the end of the
//! topic. `data` is the rating file the continual split was made from.
Result<StreamSummary> runStream(const RatingDataset &data, const StreamOptions &options,
                                const StreamCallbacks &callbacks = {},
                                ExperimentStore *store = nullptr);

} // namespace Ncf
