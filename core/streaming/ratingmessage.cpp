#include "core/streaming/ratingmessage.h"

#include "core/common/tr.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <cmath>
#include <cstring>

namespace Ncf {

namespace {

enum Field { UserId, MovieId, Rating, Timestamp, FieldCount };

//! Validates the four values; the reason goes to `why`.
bool accept(const double (&values)[FieldCount], const bool (&seen)[FieldCount],
            RatingMessage &out, QString *why)
{
    static const char *const names[] = {"userId", "movieId", "rating"};
    for (int f = UserId; f <= Rating; ++f)
        if (!seen[f]) {
            if (why)
                *why = StreamTr::tr("missing field \"%1\"").arg(QLatin1String(names[f]));
            return false;
        }
    for (int f : {UserId, MovieId, Timestamp}) {
        const double v = values[f];
        if (seen[f] && (v < 0 || v > 4294967295.0 || v != std::floor(v))) {
            if (why)
                *why = StreamTr::tr("\"%1\" is not a whole number from 0 to 4294967295")
                           .arg(QLatin1String(f == Timestamp ? "timestamp" : names[f]));
            return false;
        }
    }
    const double halfStars = values[Rating] * 2.0;
    if (!(halfStars >= 1.0 && halfStars <= 10.0) || halfStars != std::floor(halfStars)) {
        if (why)
            *why = StreamTr::tr("rating %1 is not a half star from 0.5 to 5").arg(values[Rating]);
        return false;
    }
    out.userId = uint32_t(values[UserId]);
    out.movieId = uint32_t(values[MovieId]);
    out.halfStars = uint8_t(halfStars);
    out.timestamp = seen[Timestamp] ? uint32_t(values[Timestamp]) : 0;
    return true;
}

int fieldOf(const char *key, size_t length)
{
    auto is = [&](const char *name) {
        return length == std::strlen(name) && std::memcmp(key, name, length) == 0;
    };
    if (is("userId"))
        return UserId;
    if (is("movieId"))
        return MovieId;
    if (is("rating"))
        return Rating;
    if (is("timestamp"))
        return Timestamp;
    return -1;
}

//! The fast path: a flat object of plain keys and numbers. Returns false when the text is
//! anything else (nested values, strings as values, escapes), which the general path then
//! judges.
bool parseFlat(const char *p, const char *end, double (&values)[FieldCount],
               bool (&seen)[FieldCount])
{
    auto skip = [&] {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
            ++p;
    };
    skip();
    if (p == end || *p++ != '{')
        return false;
    skip();
    if (p < end && *p == '}')
        return ++p, skip(), p == end;
    while (true) {
        skip();
        if (p == end || *p++ != '"')
            return false;
        const char *key = p;
        while (p < end && *p != '"' && *p != '\\')
            ++p;
        if (p == end || *p != '"')
            return false;
        const size_t keyLength = size_t(p - key);
        ++p;
        skip();
        if (p == end || *p++ != ':')
            return false;
        skip();
        double value = 0.0;
        const auto [next, ec] = std::from_chars(p, end, value);
        if (ec != std::errc() || next == p)
            return false;
        p = next;
        const int field = fieldOf(key, keyLength);
        if (field >= 0) {
            if (seen[field])
                return false; // a repeated key: let the general path decide
            values[field] = value;
            seen[field] = true;
        }
        skip();
        if (p == end)
            return false;
        if (*p == ',') {
            ++p;
            continue;
        }
        if (*p++ != '}')
            return false;
        skip();
        return p == end;
    }
}

} // namespace

bool parseRatingMessage(const char *data, size_t size, RatingMessage &out, QString *why)
{
    double values[FieldCount] = {0, 0, 0, 0};
    bool seen[FieldCount] = {false, false, false, false};
    if (data && parseFlat(data, data + size, values, seen))
        return accept(values, seen, out, why);

    // The general path, for valid JSON in shapes the fast path does not take.
    QJsonParseError error;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray::fromRawData(data, qsizetype(size)), &error);
    if (!doc.isObject()) {
        if (why)
            *why = error.error != QJsonParseError::NoError
                       ? StreamTr::tr("not JSON: %1 at byte %2")
                             .arg(error.errorString())
                             .arg(error.offset)
                       : StreamTr::tr("not a JSON object");
        return false;
    }
    const QJsonObject object = doc.object();
    static const char *const keys[] = {"userId", "movieId", "rating", "timestamp"};
    for (int f = 0; f < FieldCount; ++f) {
        const QJsonValue v = object.value(QLatin1String(keys[f]));
        if (v.isUndefined() || v.isNull())
            continue;
        if (!v.isDouble()) {
            if (why)
                *why = StreamTr::tr("\"%1\" is not a number").arg(QLatin1String(keys[f]));
            return false;
        }
        values[f] = v.toDouble();
        seen[f] = true;
    }
    return accept(values, seen, out, why);
}

} // namespace Ncf
