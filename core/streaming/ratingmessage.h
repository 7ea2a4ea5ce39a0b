#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>

namespace Ncf {

//! One rating as it travels through Kafka: raw MovieLens ids, half stars, Unix time.
struct RatingMessage
{
    uint32_t userId = 0;
    uint32_t movieId = 0;
    uint8_t halfStars = 0; //!< rating x 2, 1..10
    uint32_t timestamp = 0;
};

//! Parses a message value {"userId": U, "movieId": M, "rating": R, "timestamp": T} (keys in
//! any order, any JSON whitespace, timestamp optional, other keys ignored). Ratings must be
//! half stars from 0.5 to 5. Returns false with the reason in `why` for anything else.
//! The common compact form written by `ncf produce` is read without allocating.
bool parseRatingMessage(const char *data, size_t size, RatingMessage &out, QString *why);

} // namespace Ncf
