#include "core/data/ratingdataset.h"

namespace Ncf {

QString layoutName(Layout layout)
{
    switch (layout) {
    case Layout::UData:
        return QStringLiteral("u.data");
    case Layout::Dat:
        return QStringLiteral("ratings.dat");
    case Layout::Csv:
        return QStringLiteral("ratings.csv");
    }
    return {};
}

RatingScale scaleOf(Layout layout)
{
    switch (layout) {
    case Layout::UData:
        return {/*min=*/2, /*max=*/10, /*step=*/2};
    case Layout::Dat: // 1M has whole stars, 10M half stars: the file cannot tell which release
    case Layout::Csv:
        return {/*min=*/1, /*max=*/10, /*step=*/1};
    }
    return {};
}

size_t RatingDataset::memoryBytes() const
{
    return users.capacity() * sizeof(uint32_t) + items.capacity() * sizeof(uint32_t)
           + halfStars.capacity() + timestamps.capacity() * sizeof(uint32_t)
           + userIds.memoryBytes() + itemIds.memoryBytes();
}

} // namespace Ncf
