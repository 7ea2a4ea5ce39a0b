#pragma once

#include <QJsonObject>
#include <QString>

#include <cmath>
#include <map>

namespace Ncf {

//! Next offset to read, per partition.
using PartitionOffsets = std::map<int32_t, int64_t>;

QJsonObject offsetsToJson(const PartitionOffsets &offsets);
PartitionOffsets offsetsFromJson(const QJsonObject &json);
//! Sum over partitions: how many messages lie before these offsets.
int64_t offsetsTotal(const PartitionOffsets &offsets);

//! One fine-tuning step of the stream consumer, as it is checkpointed, stored and charted.
//! Step 0 is the starting model, evaluated before any fine-tuning. MSEs are given on the
//! [0, 1] scale the model trains on and on the true rating scale (stars squared).
struct StreamStep
{
    int step = 0;
    PartitionOffsets offsets; //!< where the stream continues after this step
    qint64 messages = 0;      //!< messages consumed into this step, malformed ones included
    qint64 malformed = 0;     //!< of which skipped as malformed
    qint64 ratings = 0;       //!< ratings in the step's buffer
    qint64 trainRatings = 0;
    qint64 validationRatings = 0;
    qint64 newUsers = 0;      //!< admitted by this step
    qint64 newItems = 0;
    qint64 users = 0;         //!< known to the model after this step
    qint64 items = 0;
    double trainMse = std::nan("");
    double valMse = std::nan("");     //!< on the step's 20 % validation part
    double testMse = std::nan("");    //!< on the static test set
    double oldMse = std::nan("");     //!< on the initial training's holdout
    double scaleRange = 1.0;          //!< max - min rating: MSE x range^2 is in stars^2
    double fineTuneSeconds = 0.0;
    double evalSeconds = 0.0;
    double checkpointSeconds = 0.0;
    double stepSeconds = 0.0;         //!< the whole step, from trigger to checkpoint
    double ingestRate = 0.0;          //!< messages per second while this buffer filled
    qint64 lag = 0;                   //!< messages behind the partitions' ends at the trigger
    QString checkpoint;               //!< folder of the checkpoint written by this step
    QString created;                  //!< ISO 8601 UTC

    double trueScale(double mse) const { return mse * scaleRange * scaleRange; }

    QJsonObject toJson() const;
    static StreamStep fromJson(const QJsonObject &json);
};

} // namespace Ncf
