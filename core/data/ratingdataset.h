#pragma once

#include "core/data/idmap.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace Ncf {

//! The published MovieLens file layouts.
enum class Layout {
    UData, //!< 100K `u.data`: user \t item \t rating \t timestamp, integer stars 1..5
    Dat,   //!< 1M/10M `ratings.dat`: user::movie::rating::timestamp, 1M whole, 10M half stars
    Csv,   //!< 20M/25M/latest `ratings.csv`: header userId,movieId,rating,timestamp, half stars
};

//! Short name of a layout as shown to users ("u.data", "ratings.dat", "ratings.csv").
QString layoutName(Layout layout);

//! The rating scale a layout allows, in half stars (a rating of 3.5 is 7 half stars).
struct RatingScale
{
    int minHalfStars = 1;
    int maxHalfStars = 10;
    int stepHalfStars = 1; //!< 2 for whole stars only
};

RatingScale scaleOf(Layout layout);

//! What a load found besides the ratings: skipped lines (lenient mode), duplicates, timings.
struct LoadReport
{
    qint64 bytes = 0;
    qint64 lines = 0;        //!< lines read, header and blank lines included
    qint64 skippedLines = 0; //!< bad lines skipped in lenient mode
    QStringList firstProblems; //!< the first few skipped lines' messages (file:line:col: ...)
    qint64 duplicatePairs = 0; //!< rows whose (user, movie) pair appeared on an earlier row
    QStringList duplicateExamples; //!< a few of them, as "user U, movie M"
    double parseSeconds = 0.0; //!< mapping and parsing into columns
    double checkSeconds = 0.0; //!< duplicate detection
};

//! Ratings held as compact columns: dense 32-bit user and movie indices, the rating in half
//! stars in one byte, the Unix timestamp in 32 bits: 13 bytes a rating.
struct RatingDataset
{
    QString path;
    Layout layout = Layout::Csv;

    std::vector<uint32_t> users;      //!< dense user index per rating
    std::vector<uint32_t> items;      //!< dense movie index per rating
    std::vector<uint8_t> halfStars;   //!< rating x 2
    std::vector<uint32_t> timestamps; //!< seconds since 1970

    IdMap userIds;
    IdMap itemIds;

    LoadReport report;

    size_t size() const { return users.size(); }
    bool isEmpty() const { return users.empty(); }
    double rating(size_t row) const { return halfStars[row] * 0.5; }

    //! Bytes held by the columns and id maps.
    size_t memoryBytes() const;

    //! Appends one rating given raw ids; used by the generator and by tests.
    void append(uint32_t rawUser, uint32_t rawItem, uint8_t halfStar, uint32_t timestamp)
    {
        users.push_back(userIds.insert(rawUser));
        items.push_back(itemIds.insert(rawItem));
        halfStars.push_back(halfStar);
        timestamps.push_back(timestamp);
    }
};

} // namespace Ncf
