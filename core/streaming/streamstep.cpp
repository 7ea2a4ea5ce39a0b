#include "core/streaming/streamstep.h"

namespace Ncf {

QJsonObject offsetsToJson(const PartitionOffsets &offsets)
{
    QJsonObject json;
    for (const auto &[partition, offset] : offsets)
        json.insert(QString::number(partition), qint64(offset));
    return json;
}

PartitionOffsets offsetsFromJson(const QJsonObject &json)
{
    PartitionOffsets offsets;
    for (auto it = json.begin(); it != json.end(); ++it) {
        bool ok = false;
        const int partition = it.key().toInt(&ok);
        if (ok && partition >= 0)
            offsets[partition] = it.value().toInteger();
    }
    return offsets;
}

int64_t offsetsTotal(const PartitionOffsets &offsets)
{
    int64_t total = 0;
    for (const auto &entry : offsets)
        total += entry.second;
    return total;
}

namespace {

// JSON has no NaN: a figure that does not exist (no validation rows) is written as null.
QJsonValue number(double v)
{
    return std::isnan(v) ? QJsonValue() : QJsonValue(v);
}

double numberFrom(const QJsonValue &v)
{
    return v.isDouble() ? v.toDouble() : std::nan("");
}

} // namespace

QJsonObject StreamStep::toJson() const
{
    return QJsonObject{
        {QStringLiteral("step"), step},
        {QStringLiteral("offsets"), offsetsToJson(offsets)},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("malformed"), malformed},
        {QStringLiteral("ratings"), ratings},
        {QStringLiteral("train_ratings"), trainRatings},
        {QStringLiteral("validation_ratings"), validationRatings},
        {QStringLiteral("new_users"), newUsers},
        {QStringLiteral("new_items"), newItems},
        {QStringLiteral("users"), users},
        {QStringLiteral("items"), items},
        {QStringLiteral("train_mse"), number(trainMse)},
        {QStringLiteral("val_mse"), number(valMse)},
        {QStringLiteral("test_mse"), number(testMse)},
        {QStringLiteral("old_mse"), number(oldMse)},
        {QStringLiteral("val_mse_true"), number(trueScale(valMse))},
        {QStringLiteral("test_mse_true"), number(trueScale(testMse))},
        {QStringLiteral("old_mse_true"), number(trueScale(oldMse))},
        {QStringLiteral("scale_range"), scaleRange},
        {QStringLiteral("fine_tune_seconds"), fineTuneSeconds},
        {QStringLiteral("eval_seconds"), evalSeconds},
        {QStringLiteral("checkpoint_seconds"), checkpointSeconds},
        {QStringLiteral("step_seconds"), stepSeconds},
        {QStringLiteral("ingest_rate"), ingestRate},
        {QStringLiteral("lag"), lag},
        {QStringLiteral("checkpoint"), checkpoint},
        {QStringLiteral("created"), created}};
}

StreamStep StreamStep::fromJson(const QJsonObject &json)
{
    StreamStep s;
    s.step = json.value(QStringLiteral("step")).toInt();
    s.offsets = offsetsFromJson(json.value(QStringLiteral("offsets")).toObject());
    s.messages = json.value(QStringLiteral("messages")).toInteger();
    s.malformed = json.value(QStringLiteral("malformed")).toInteger();
    s.ratings = json.value(QStringLiteral("ratings")).toInteger();
    s.trainRatings = json.value(QStringLiteral("train_ratings")).toInteger();
    s.validationRatings = json.value(QStringLiteral("validation_ratings")).toInteger();
    s.newUsers = json.value(QStringLiteral("new_users")).toInteger();
    s.newItems = json.value(QStringLiteral("new_items")).toInteger();
    s.users = json.value(QStringLiteral("users")).toInteger();
    s.items = json.value(QStringLiteral("items")).toInteger();
    s.trainMse = numberFrom(json.value(QStringLiteral("train_mse")));
    s.valMse = numberFrom(json.value(QStringLiteral("val_mse")));
    s.testMse = numberFrom(json.value(QStringLiteral("test_mse")));
    s.oldMse = numberFrom(json.value(QStringLiteral("old_mse")));
    s.scaleRange = json.value(QStringLiteral("scale_range")).toDouble(1.0);
    s.fineTuneSeconds = json.value(QStringLiteral("fine_tune_seconds")).toDouble();
    s.evalSeconds = json.value(QStringLiteral("eval_seconds")).toDouble();
    s.checkpointSeconds = json.value(QStringLiteral("checkpoint_seconds")).toDouble();
    s.stepSeconds = json.value(QStringLiteral("step_seconds")).toDouble();
    s.ingestRate = json.value(QStringLiteral("ingest_rate")).toDouble();
    s.lag = json.value(QStringLiteral("lag")).toInteger();
    s.checkpoint = json.value(QStringLiteral("checkpoint")).toString();
    s.created = json.value(QStringLiteral("created")).toString();
    return s;
}

} // namespace Ncf
