#pragma once

#include "core/common/result.h"
#include "core/data/splits.h"

#include <QStringList>

#include <functional>

namespace Ncf {

struct RatingDataset;

//! How `ncf produce` replays ratings. Example: `ProduceOptions o; o.brokers = "127.0.0.1:9092";`
struct ProduceOptions
{
    QString brokers;                       //!< bootstrap.servers
    QString topic = QStringLiteral("movielens");
    double rate = 0.0;                     //!< messages per second; 0 = as fast as possible
    ContinualOptions split;                //!< which ratings form the stream, and in what order
    QStringList config;                    //!< extra librdkafka settings, "name=value"
};

struct ProduceReport
{
    qint64 stream = 0;   //!< ratings in the stream part of the split
    qint64 skipped = 0;  //!< already in the topic from an earlier run
    qint64 produced = 0; //!< delivered now
    qint64 failed = 0;   //!< delivery failures
    double seconds = 0.0;
};

// Note [Producing]: each rating of the stream part of the continual split (the same seeded
// split `ncf stream` and `ncf train --protocol continual` use) becomes one message keyed by
// the raw user id, with the JSON value {"userId", "movieId", "rating", "timestamp"}, in
// stream order, to partition userId % partitions (so one user's ratings stay in order). The
// producer is idempotent, batches (linger 20 ms) and compresses (lz4). A rerun resumes where
// the last stopped: what each partition holds (its high watermark) is a prefix of its share
// of the stream, so that many of its messages are skipped and the rest produced.

//! Replays the stream to Kafka; `progress(done, total)` returning false stops it.
Result<ProduceReport> produceStream(const RatingDataset &data, const ProduceOptions &options,
                                    const std::function<bool(qint64, qint64)> &progress = {});

} // namespace Ncf
