#pragma once

#include "core/common/result.h"

#include <QJsonObject>

namespace Ncf {

struct RatingDataset;

//! Min-max scaler: maps ratings to [0, 1] for training and back to stars for reporting.
//! Example: `auto s = MinMaxScaler::fit(data); float y = s.transform(4.0); s.inverse(y) == 4.0`.
class MinMaxScaler
{
public:
    MinMaxScaler() = default;
    MinMaxScaler(double min, double max) : m_min(min), m_max(max) {}

    //! Fits to the smallest and largest rating present in `data`.
    static MinMaxScaler fit(const RatingDataset &data);

    double min() const { return m_min; }
    double max() const { return m_max; }
    //! max - min, or 1 when all ratings are equal (so transform stays finite).
    double range() const { return m_max > m_min ? m_max - m_min : 1.0; }

    double transform(double rating) const { return (rating - m_min) / range(); }
    double inverse(double scaled) const { return scaled * range() + m_min; }

    QJsonObject toJson() const;
    static Result<MinMaxScaler> fromJson(const QJsonObject &json);

    bool operator==(const MinMaxScaler &o) const { return m_min == o.m_min && m_max == o.m_max; }

private:
    double m_min = 0.0;
    double m_max = 1.0;
};

} // namespace Ncf
