#include "core/data/lineparser_p.h"

#include "core/common/tr.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace Ncf::Internal {

namespace {

QString fieldName(int field) {
    switch (field) {
    case 0:
        return DataTr::tr("user id");
    case 1:
        return DataTr::tr("movie id");
    case 2:
        return DataTr::tr("rating");
    default:
        return DataTr::tr("timestamp");
    }
}

//! Renders a few bytes of the input for a message, with control characters made visible.
QString showTextImpl(const char *begin, const char *end, int maxChars) {
    QString out;
    for (const char *p = begin; p < end && out.size() < maxChars; ++p) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c == '\t')
            out += QStringLiteral("\\t");
        else if (c < 0x20 || c == 0x7f)
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
        else
            out += QLatin1Char(char(c));
    }
    if (end - begin > maxChars)
        out += QStringLiteral("...");
    return out;
}

bool isDelimiterLike(char c) {
    return c == ',' || c == '\t' || c == ':' || c == ';' || c == '|' || c == ' ';
}

} // namespace

QString showText(const char *begin, const char *end, int maxChars) {
    return showTextImpl(begin, end, maxChars);
}

LineParser::LineParser(Layout layout)
    : m_layout(layout)
    , m_scale(scaleOf(layout)) {
    switch (layout) {
    case Layout::UData:
        m_delim = "\t";
        m_delimLen = 1;
        break;
    case Layout::Dat:
        m_delim = "::";
        m_delimLen = 2;
        break;
    case Layout::Csv:
        m_delim = ",";
        m_delimLen = 1;
        break;
    }
}

//! Parses [begin, end) (no line terminator) into `row`; on failure fills `problem`.
bool LineParser::parse(const char *begin, const char *end, RawRow &row, Problem &problem) const {
    const char *p = begin;
    uint64_t value = 0;
    if (!parseId(p, end, 0, value, problem) || !expectDelimiter(p, end, 0, problem))
        return false;
    row.user = uint32_t(value);
    if (!parseId(p, end, 1, value, problem) || !expectDelimiter(p, end, 1, problem))
        return false;
    row.item = uint32_t(value);
    if (!parseRating(p, end, row.halfStars, problem) || !expectDelimiter(p, end, 2, problem))
        return false;
    if (!parseId(p, end, 3, value, problem))
        return false;
    row.timestamp = uint32_t(value);
    if (p != end) {
        problem.at = p;
        if (startsWithDelimiter(p, end))
            problem.message = DataTr::tr("too many fields: expected 4 (user id, movie id, "
                                         "rating, timestamp)");
        else
            problem.message
                = DataTr::tr("unexpected text after the timestamp: '%1'").arg(showText(p, end));
        return false;
    }
    return true;
}

bool LineParser::startsWithDelimiter(const char *p, const char *end) const {
    return end - p >= m_delimLen && std::memcmp(p, m_delim, size_t(m_delimLen)) == 0;
}

//! End of the current field: the next delimiter or the line's end.
const char *LineParser::fieldEnd(const char *p, const char *end) const {
    while (p < end && !startsWithDelimiter(p, end))
        ++p;
    return p;
}

bool LineParser::missingField(const char *p, int field, Problem &problem) const {
    problem.at = p;
    problem.message = DataTr::tr("missing field %1 (%2): expected 4 fields separated by "
                                 "'%3'")
                          .arg(field + 1)
                          .arg(fieldName(field))
                          .arg(showText(m_delim, m_delim + m_delimLen));
    return false;
}

bool LineParser::parseId(const char *&p, const char *end, int field, uint64_t &value,
                         Problem &problem) const {
    const char *start = p;
    value = 0;
    int digits = 0;
    while (p < end && static_cast<unsigned char>(*p - '0') < 10) {
        value = value * 10 + uint64_t(*p - '0');
        ++digits;
        ++p;
    }
    if (digits > 0 && digits <= 10 && value <= UINT32_MAX
        && (p == end || startsWithDelimiter(p, end)))
        return true;
    // The timestamp ends the line: parse() explains what follows a valid one.
    if (field == 3 && digits > 0 && digits <= 10 && value <= UINT32_MAX)
        return true;

    // Slow path: say precisely what is wrong.
    if (digits == 0 && (p == end || startsWithDelimiter(p, end)))
        return missingField(start, field, problem);
    problem.at = start;
    const char *stop = fieldEnd(start, end);
    if (digits > 0 && (p == stop || *p == '\r')) {
        // All digits: too large for 32 bits.
        problem.message = DataTr::tr("%1 %2 does not fit in 32 bits (the largest is "
                                     "4294967295)")
                              .arg(fieldName(field), showText(start, stop, 40));
        return false;
    }
    if (digits > 0 && isDelimiterLike(*p)) {
        problem.at = p;
        problem.message = wrongDelimiter(p, end, field);
        return false;
    }
    if (*start == '-' && stop - start > 1
        && std::all_of(start + 1, stop, [](char c) { return c >= '0' && c <= '9'; })) {
        problem.message = DataTr::tr("%1 must not be negative, found '%2'")
                              .arg(fieldName(field), showText(start, stop));
        return false;
    }
    problem.message = DataTr::tr("%1: expected a whole number, found '%2'")
                          .arg(fieldName(field), showText(start, stop));
    return false;
}

QString LineParser::wrongDelimiter(const char *p, const char *end, int field) const {
    // Show the delimiter that was found ("," or ":"), not the next field's first digit.
    const char *found = p + 1;
    while (found < end && found - p < 2 && isDelimiterLike(*found))
        ++found;
    return DataTr::tr("wrong or mixed delimiter after the %1: expected '%2' as everywhere "
                      "in a %3 file, found '%4'")
        .arg(fieldName(field), showText(m_delim, m_delim + m_delimLen), layoutName(m_layout),
             showText(p, std::min(end, found)));
}

bool LineParser::expectDelimiter(const char *&p, const char *end, int field,
                                 Problem &problem) const {
    if (startsWithDelimiter(p, end)) {
        p += m_delimLen;
        return true;
    }
    if (p == end)
        return missingField(p, field + 1, problem);
    problem.at = p;
    problem.message = wrongDelimiter(p, end, field);
    return false;
}

bool LineParser::parseRating(const char *&p, const char *end, uint8_t &halfStars,
                             Problem &problem) const {
    // Fast path: "4", "4.0", "3.5" and the like.
    const char *start = p;
    if (p < end && static_cast<unsigned char>(*p - '0') < 10) {
        int whole = *p++ - '0';
        if (p < end && static_cast<unsigned char>(*p - '0') < 10)
            whole = whole * 10 + (*p++ - '0');
        int half = 0;
        bool onStep = true;
        if (p < end && *p == '.') {
            ++p;
            const char *fracStart = p;
            if (p < end && (*p == '5' || *p == '0'))
                half = *p++ == '5';
            while (p < end && *p == '0')
                ++p;
            onStep = p > fracStart;
            if (p < end && static_cast<unsigned char>(*p - '0') < 10)
                onStep = false;
        }
        if (onStep && (p == end || startsWithDelimiter(p, end))) {
            const int value = whole * 2 + half;
            if (value >= m_scale.minHalfStars && value <= m_scale.maxHalfStars
                && (value & (m_scale.stepHalfStars - 1)) == 0) {
                halfStars = uint8_t(value);
                return true;
            }
        }
    }
    return ratingProblem(start, end, problem);
}

bool LineParser::ratingProblem(const char *start, const char *end, Problem &problem) const {
    const char *stop = fieldEnd(start, end);
    problem.at = start;
    if (start == stop)
        return missingField(start, 2, problem);
    const QString token = QString::fromLatin1(start, stop - start);
    const QString shown = showText(start, stop);
    const double min = m_scale.minHalfStars * 0.5;
    const double max = m_scale.maxHalfStars * 0.5;
    bool isNumber = false;
    const double value = token.toDouble(&isNumber);
    if (token.compare(QLatin1String("nan"), Qt::CaseInsensitive) == 0
        || (isNumber && std::isnan(value))) {
        problem.message
            = DataTr::tr("rating is NaN: expected a number from %1 to %2").arg(min).arg(max);
    } else if (!isNumber || token.contains(QLatin1Char('e'), Qt::CaseInsensitive)
               || token.startsWith(QLatin1Char('+'))) {
        // Text, "1e0" or "+4" are not how MovieLens writes ratings.
        const QChar bad = token.isEmpty() ? QChar() : token.back();
        if (token.size() > 1 && isDelimiterLike(bad.toLatin1()) && isNumber)
            problem.message = wrongDelimiter(stop - 1, end, 2);
        else
            problem.message = DataTr::tr("rating: expected a number such as 4 or 3.5, "
                                         "found '%1'")
                                  .arg(shown);
    } else if (value < min || value > max) {
        problem.message = DataTr::tr("rating %1 is outside the %2 scale %3 to %4")
                              .arg(shown, layoutName(m_layout))
                              .arg(min)
                              .arg(max);
    } else {
        problem.message = m_scale.stepHalfStars == 2
                              ? DataTr::tr("rating %1 is not a whole number of stars, "
                                           "as %2 files use")
                                    .arg(shown, layoutName(m_layout))
                              : DataTr::tr("rating %1 is not a multiple of 0.5 stars").arg(shown);
    }
    // A delimiter glued to the rating ("4.0;123") reads better as a delimiter problem.
    for (const char *q = start; q < stop; ++q) {
        if (isDelimiterLike(*q) && q > start) {
            problem.at = q;
            problem.message = wrongDelimiter(q, end, 2);
            break;
        }
    }
    return false;
}

} // namespace Ncf::Internal
