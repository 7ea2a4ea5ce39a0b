#include "core/stats/eda.h"

#include "core/common/tr.h"
#include "core/data/ratingdataset.h"
#include "core/report/table.h"

#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace Ncf {

double quantileLinear(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return std::nan("");
    const double position = q * double(sorted.size() - 1);
    const size_t lower = size_t(std::floor(position));
    const size_t upper = std::min(lower + 1, sorted.size() - 1);
    const double fraction = position - double(lower);
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
}

Describe describe(std::vector<double> &values)
{
    Describe d;
    d.count = qint64(values.size());
    if (values.empty())
        return d;
    std::sort(values.begin(), values.end());
    const double sum = std::accumulate(values.begin(), values.end(), 0.0);
    d.mean = sum / double(values.size());
    double squares = 0.0;
    for (double v : values)
        squares += (v - d.mean) * (v - d.mean);
    d.std = values.size() > 1 ? std::sqrt(squares / double(values.size() - 1)) : std::nan("");
    d.min = values.front();
    d.p25 = quantileLinear(values, 0.25);
    d.p50 = quantileLinear(values, 0.50);
    d.p75 = quantileLinear(values, 0.75);
    d.max = values.back();
    return d;
}

std::vector<std::pair<double, double>> rankCurve(const std::vector<double> &sorted, int maxPoints)
{
    std::vector<std::pair<double, double>> curve;
    const size_t n = sorted.size();
    if (n == 0)
        return curve;
    const double growth = std::pow(double(n), 1.0 / std::max(1, maxPoints - 1));
    size_t rank = 1;
    double next = 1.0;
    while (true) {
        curve.emplace_back(double(rank), sorted[n - rank]);
        if (rank == n)
            break;
        while (size_t(next) <= rank)
            next *= growth;
        rank = std::min(n, size_t(next));
    }
    return curve;
}

EdaSummary computeEda(const RatingDataset &data)
{
    EdaSummary s;
    s.ratings = qint64(data.size());
    s.users = qint64(data.userIds.size());
    s.items = qint64(data.itemIds.size());

    std::vector<double> perUser(data.userIds.size(), 0.0);
    std::vector<double> perItem(data.itemIds.size(), 0.0);
    std::array<qint64, 256> halfStarCounts{};
    for (size_t i = 0; i < data.size(); ++i) {
        perUser[data.users[i]] += 1.0;
        perItem[data.items[i]] += 1.0;
        ++halfStarCounts[data.halfStars[i]];
    }
    qint64 halfStarSum = 0;
    for (int h = 0; h < 256; ++h) {
        if (halfStarCounts[h] > 0) {
            s.histogram[h] = halfStarCounts[h];
            halfStarSum += halfStarCounts[h] * h;
        }
    }
    s.meanRating = s.ratings ? double(halfStarSum) * 0.5 / double(s.ratings) : 0.0;
    s.densityPct = s.users && s.items ? 100.0 * double(s.ratings) / (double(s.users) * s.items)
                                      : 0.0;
    s.userCounts = describe(perUser);
    s.itemCounts = describe(perItem);
    s.userRankCurve = rankCurve(perUser);
    s.itemRankCurve = rankCurve(perItem);
    return s;
}

QString ratingLabel(int halfStars)
{
    return QString::number(halfStars * 0.5, 'f', 1);
}

namespace {

QJsonObject describeToJson(const Describe &d)
{
    return QJsonObject{{QStringLiteral("count"), d.count}, {QStringLiteral("mean"), d.mean},
                       {QStringLiteral("std"), std::isnan(d.std) ? QJsonValue() : d.std},
                       {QStringLiteral("min"), d.min},     {QStringLiteral("p25"), d.p25},
                       {QStringLiteral("p50"), d.p50},     {QStringLiteral("p75"), d.p75},
                       {QStringLiteral("max"), d.max}};
}

QString number(double value, int decimals)
{
    return std::isnan(value) ? QStringLiteral("NaN") : QString::number(value, 'f', decimals);
}

} // namespace

QJsonObject edaToJson(const EdaSummary &s)
{
    QJsonObject histogram;
    for (const auto &[halfStars, count] : s.histogram)
        histogram.insert(ratingLabel(halfStars), count);
    return QJsonObject{{QStringLiteral("ratings"), s.ratings},
                       {QStringLiteral("users"), s.users},
                       {QStringLiteral("items"), s.items},
                       {QStringLiteral("mean_rating"), s.meanRating},
                       {QStringLiteral("density_pct"), s.densityPct},
                       {QStringLiteral("user_counts"), describeToJson(s.userCounts)},
                       {QStringLiteral("item_counts"), describeToJson(s.itemCounts)},
                       {QStringLiteral("histogram"), histogram}};
}

Table edaOverviewTable(const EdaSummary &s)
{
    Table t;
    t.title = StatsTr::tr("Dataset overview");
    t.header = {StatsTr::tr("Measure"), StatsTr::tr("Value")};
    t.rows = {{StatsTr::tr("Ratings"), QString::number(s.ratings)},
              {StatsTr::tr("Users"), QString::number(s.users)},
              {StatsTr::tr("Movies"), QString::number(s.items)},
              {StatsTr::tr("Mean rating"), number(s.meanRating, 4)},
              {StatsTr::tr("Density (%)"), number(s.densityPct, 4)}};
    return t;
}

Table edaCountsTable(const EdaSummary &s)
{
    Table t;
    t.title = StatsTr::tr("Ratings per user and per movie");
    t.header = {StatsTr::tr("Statistic"), StatsTr::tr("User count"), StatsTr::tr("Movie count")};
    auto row = [&](const QString &name, double u, double i, int decimals) {
        t.rows.append({name, number(u, decimals), number(i, decimals)});
    };
    const Describe &u = s.userCounts;
    const Describe &i = s.itemCounts;
    row(StatsTr::tr("count"), double(u.count), double(i.count), 0);
    row(StatsTr::tr("mean"), u.mean, i.mean, 2);
    row(StatsTr::tr("std"), u.std, i.std, 2);
    row(StatsTr::tr("min"), u.min, i.min, 2);
    row(StatsTr::tr("25%"), u.p25, i.p25, 2);
    row(StatsTr::tr("50%"), u.p50, i.p50, 2);
    row(StatsTr::tr("75%"), u.p75, i.p75, 2);
    row(StatsTr::tr("max"), u.max, i.max, 2);
    return t;
}

Table edaHistogramTable(const EdaSummary &s)
{
    Table t;
    t.title = StatsTr::tr("Rating histogram");
    t.header = {StatsTr::tr("Rating"), StatsTr::tr("Ratings"), StatsTr::tr("Share (%)")};
    for (const auto &[halfStars, count] : s.histogram)
        t.rows.append({ratingLabel(halfStars), QString::number(count),
                       number(s.ratings ? 100.0 * double(count) / double(s.ratings) : 0.0, 2)});
    return t;
}

} // namespace Ncf
