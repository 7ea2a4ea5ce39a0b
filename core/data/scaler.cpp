#include "core/data/scaler.h"

#include "core/common/tr.h"
#include "core/data/ratingdataset.h"

#include <algorithm>

namespace Ncf {

MinMaxScaler MinMaxScaler::fit(const RatingDataset &data)
{
    if (data.isEmpty())
        return {};
    const auto [lo, hi] = std::minmax_element(data.halfStars.begin(), data.halfStars.end());
    return MinMaxScaler(*lo * 0.5, *hi * 0.5);
}

QJsonObject MinMaxScaler::toJson() const
{
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("minmax")},
                       {QStringLiteral("min"), m_min},
                       {QStringLiteral("max"), m_max}};
}

Result<MinMaxScaler> MinMaxScaler::fromJson(const QJsonObject &json)
{
    const auto min = json.value(QStringLiteral("min"));
    const auto max = json.value(QStringLiteral("max"));
    if (json.value(QStringLiteral("kind")).toString() != QStringLiteral("minmax") || !min.isDouble()
        || !max.isDouble())
        return makeError(DataTr::tr("scaler: expected {\"kind\": \"minmax\", \"min\": number, "
                                    "\"max\": number}"));
    if (min.toDouble() > max.toDouble())
        return makeError(DataTr::tr("scaler: min %1 is above max %2")
                             .arg(min.toDouble())
                             .arg(max.toDouble()));
    return MinMaxScaler(min.toDouble(), max.toDouble());
}

} // namespace Ncf
