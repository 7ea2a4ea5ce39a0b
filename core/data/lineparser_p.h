#pragma once

// Private to core/data: the careful line parser behind the MovieLens reader. The reader's
// fast path accepts well-formed lines; every other line comes here to be accepted after all
// or explained, with the column of the problem.

#include "core/data/ratingdataset.h"

#include <QString>

#include <cstdint>

namespace Ncf::Internal {

//! One line's fields before they enter the columns.
struct RawRow
{
    uint32_t user = 0;
    uint32_t item = 0;
    uint8_t halfStars = 0;
    uint32_t timestamp = 0;
};

//! Where in a line parsing failed, and why.
struct Problem
{
    const char *at = nullptr;
    QString message;
};

//! Renders a few bytes of the input for a message, with control characters made visible.
QString showText(const char *begin, const char *end, int maxChars = 24);

//! The authoritative parser of one line of a layout.
class LineParser
{
public:
    explicit LineParser(Layout layout);

    //! Parses [begin, end) (no line terminator) into `row`; on failure fills `problem`.
    bool parse(const char *begin, const char *end, RawRow &row, Problem &problem) const;

private:
    bool startsWithDelimiter(const char *p, const char *end) const;
    const char *fieldEnd(const char *p, const char *end) const;
    bool missingField(const char *p, int field, Problem &problem) const;
    bool parseId(const char *&p, const char *end, int field, uint64_t &value,
                 Problem &problem) const;
    QString wrongDelimiter(const char *p, const char *end, int field) const;
    bool expectDelimiter(const char *&p, const char *end, int field, Problem &problem) const;
    bool parseRating(const char *&p, const char *end, uint8_t &halfStars,
                     Problem &problem) const;
    bool ratingProblem(const char *start, const char *end, Problem &problem) const;

    Layout m_layout;
    RatingScale m_scale;
    const char *m_delim = ",";
    int m_delimLen = 1;
};

} // namespace Ncf::Internal
