#include "ui/boxstats.h"

#include <algorithm>
#include <cmath>

namespace Ncf::Ui {

double linearQuantile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return std::nan("");
    const double position = std::clamp(p, 0.0, 1.0) * double(sorted.size() - 1);
    const size_t below = size_t(std::floor(position));
    const size_t above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - double(below);
    return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

BoxStats boxStats(std::vector<double> values)
{
    std::erase_if(values, [](double v) { return std::isnan(v); });
    std::sort(values.begin(), values.end());
    BoxStats box;
    box.count = int(values.size());
    if (values.empty()) {
        const double nan = std::nan("");
        box.lowerWhisker = box.q1 = box.median = box.q3 = box.upperWhisker = box.mean = nan;
        return box;
    }
    box.q1 = linearQuantile(values, 0.25);
    box.median = linearQuantile(values, 0.5);
    box.q3 = linearQuantile(values, 0.75);
    const double reach = 1.5 * (box.q3 - box.q1);
    const double low = box.q1 - reach;
    const double high = box.q3 + reach;
    box.lowerWhisker = box.q1;
    box.upperWhisker = box.q3;
    double sum = 0.0;
    for (double v : values) {
        sum += v;
        if (v < low || v > high) {
            box.outliers.push_back(v);
            continue;
        }
        box.lowerWhisker = std::min(box.lowerWhisker, v);
        box.upperWhisker = std::max(box.upperWhisker, v);
    }
    box.mean = sum / double(values.size());
    return box;
}

} // namespace Ncf::Ui
