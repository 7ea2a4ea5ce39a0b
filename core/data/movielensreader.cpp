#include "core/data/movielensreader.h"

#include "core/data/lineparser_p.h"

#include "core/common/logging.h"
#include "core/common/tr.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <algorithm>
#include <cmath>
#include <cstring>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace Ncf {

using Internal::LineParser;
using Internal::Problem;
using Internal::RawRow;
using Internal::showText;

namespace {

constexpr qint64 kProgressStep = qint64(4) << 20; // report every 4 MiB
constexpr char kCsvHeader[] = "userId,movieId,rating,timestamp";

//! The hot loop's parser for well-formed lines: no bounds beyond the buffer, no messages.
//! It accepts a subset of what LineParser accepts; anything else goes to LineParser, which
//! is authoritative and explains the problem. Returns the start of the next line, or
//! nullptr to ask LineParser.
template<char Delim, bool Doubled>
class FastParser
{
public:
    explicit FastParser(RatingScale scale) : m_scale(scale) {}

    Q_ALWAYS_INLINE const char *parse(const char *p, const char *end, RawRow &row) const
    {
        uint64_t v;
        if (!number(p, end, v) || !delimiter(p, end))
            return nullptr;
        row.user = uint32_t(v);
        if (!number(p, end, v) || !delimiter(p, end))
            return nullptr;
        row.item = uint32_t(v);
        if (!rating(p, end, row.halfStars) || !delimiter(p, end))
            return nullptr;
        if (!number(p, end, v))
            return nullptr;
        row.timestamp = uint32_t(v);
        if (p == end)
            return p;
        if (*p == '\n')
            return p + 1;
        if (*p == '\r' && p + 1 < end && p[1] == '\n')
            return p + 2;
        if (*p == '\r' && p + 1 == end)
            return end;
        return nullptr;
    }

private:
    static Q_ALWAYS_INLINE bool number(const char *&p, const char *end, uint64_t &v)
    {
        const char *start = p;
        v = 0;
        if (end - p >= 8) {
            // Eight bytes at a time (SWAR): find how many leading bytes are digits, then
            // convert them with three multiplications instead of a loop.
            uint64_t x;
            std::memcpy(&x, p, 8);
            const uint64_t nonDigit = ((x & 0xF0F0F0F0F0F0F0F0ULL) ^ 0x3030303030303030ULL)
                                      | (((x & 0x0F0F0F0F0F0F0F0FULL) + 0x0606060606060606ULL)
                                         & 0xF0F0F0F0F0F0F0F0ULL);
            const int digits = nonDigit ? __builtin_ctzll(nonDigit) / 8 : 8;
            if (digits == 0)
                return false;
            if (digits < 8)
                x = (x << (8 * (8 - digits))) | (0x3030303030303030ULL >> (8 * digits));
            v = eightDigits(x);
            p += digits;
            if (digits < 8)
                return true;
        }
        while (p < end && static_cast<unsigned char>(*p - '0') < 10)
            v = v * 10 + uint64_t(*p++ - '0');
        return p > start && p - start <= 10 && v <= UINT32_MAX;
    }

    //! Value of eight ASCII digits loaded little-endian (the first digit in the lowest byte).
    static Q_ALWAYS_INLINE uint64_t eightDigits(uint64_t x)
    {
        x = ((x & 0x0F0F0F0F0F0F0F0FULL) * 2561) >> 8;
        x = ((x & 0x00FF00FF00FF00FFULL) * 6553601) >> 16;
        return ((x & 0x0000FFFF0000FFFFULL) * 42949672960001ULL) >> 32;
    }

    static Q_ALWAYS_INLINE bool delimiter(const char *&p, const char *end)
    {
        if (p >= end || *p != Delim)
            return false;
        ++p;
        if constexpr (Doubled) {
            if (p >= end || *p != Delim)
                return false;
            ++p;
        }
        return true;
    }

    Q_ALWAYS_INLINE bool rating(const char *&p, const char *end, uint8_t &halfStars) const
    {
        if (p >= end || static_cast<unsigned char>(*p - '0') >= 10)
            return false;
        int value = (*p++ - '0') * 2;
        if (p < end && *p == '.') {
            if (p + 1 >= end || (p[1] != '0' && p[1] != '5'))
                return false;
            value += p[1] == '5';
            p += 2;
        }
        if (value < m_scale.minHalfStars || value > m_scale.maxHalfStars
            || (value & (m_scale.stepHalfStars - 1)) != 0)
            return false;
        halfStars = uint8_t(value);
        return true;
    }

    RatingScale m_scale;
};

//! Asks for transparent huge pages on a large column buffer: a 25M-row load then takes a few
//! hundred page faults instead of some 80,000. Harmless where the kernel says no.
void adviseHugePages(void *data, size_t bytes)
{
#ifdef Q_OS_LINUX
    constexpr uintptr_t kHugePage = uintptr_t(2) << 20;
    const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + kHugePage - 1) & ~(kHugePage - 1);
    const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(kHugePage - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
#endif
}

const char *skipBom(const char *p, const char *end)
{
    if (end - p >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        return p + 3;
    return p;
}

const char *lineEndOf(const char *p, const char *end)
{
    const void *nl = std::memchr(p, '\n', size_t(end - p));
    return nl ? static_cast<const char *>(nl) : end;
}

bool isBlank(const char *begin, const char *end)
{
    return std::all_of(begin, end, [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

QString where(const QString &name, qint64 line, qint64 column)
{
    return QStringLiteral("%1:%2:%3").arg(name).arg(line).arg(column);
}

//! Decides the layout from the first non-blank line.
Result<Layout> detectLayout(const char *begin, const char *end, const QString &name,
                            qint64 line)
{
    const char *stop = end;
    if (stop > begin && stop[-1] == '\r')
        --stop;
    const qsizetype length = stop - begin;
    const QByteArray header(kCsvHeader);
    if (length == header.size() && std::memcmp(begin, header.constData(), size_t(length)) == 0)
        return Layout::Csv;
    const QString hint = DataTr::tr("expected a MovieLens ratings file: u.data "
                                    "(tab-separated), ratings.dat ('::'-separated) or "
                                    "ratings.csv (header '%1')")
                             .arg(QLatin1String(kCsvHeader));
    if (length > 0 && !(*begin >= '0' && *begin <= '9')) {
        return makeError(DataTr::tr("%1: unknown layout: the first line '%2' is not a ratings "
                                    "header; %3")
                             .arg(where(name, line, 1), showText(begin, stop, 60), hint));
    }
    const QByteArray first(begin, length);
    if (first.contains("::"))
        return Layout::Dat;
    if (first.contains('\t'))
        return Layout::UData;
    if (first.contains(','))
        return makeError(DataTr::tr("%1: unknown layout: comma-separated ratings need the "
                                    "header '%2' on the first line")
                             .arg(where(name, line, 1), QLatin1String(kCsvHeader)));
    return makeError(DataTr::tr("%1: unknown layout: no delimiter found in '%2'; %3")
                         .arg(where(name, line, 1), showText(begin, stop, 60), hint));
}

void noteDuplicate(LoadReport &report, uint32_t rawUser, uint32_t rawItem)
{
    ++report.duplicatePairs;
    if (report.duplicateExamples.size() < 5)
        report.duplicateExamples << DataTr::tr("user %1, movie %2").arg(rawUser).arg(rawItem);
}

//! Duplicate check for columns that still hold raw ids: when the rows are sorted by user
//! then movie (as ratings.csv is), duplicates are adjacent and one sequential pass finds
//! them all. Returns false, having noted nothing, when the rows are not so sorted.
bool findSortedDuplicates(const RatingDataset &data, LoadReport &report)
{
    const uint32_t *users = data.users.data();
    const uint32_t *items = data.items.data();
    const size_t n = data.size();
    size_t adjacent = 0;
    for (size_t i = 1; i < n; ++i) {
        if (users[i] < users[i - 1] || (users[i] == users[i - 1] && items[i] < items[i - 1]))
            return false;
        adjacent += users[i] == users[i - 1] && items[i] == items[i - 1];
    }
    if (adjacent > 0)
        for (size_t i = 1; i < n; ++i)
            if (users[i] == users[i - 1] && items[i] == items[i - 1])
                noteDuplicate(report, users[i], items[i]);
    return true;
}

//! Duplicate check for unsorted rows (dense ids): rows are grouped by user, then each
//! user's rows are sorted by movie.
void findGroupedDuplicates(const RatingDataset &data, LoadReport &report)
{
    const size_t n = data.size();
    auto note = [&](size_t row) {
        noteDuplicate(report, data.userIds.rawId(data.users[row]),
                      data.itemIds.rawId(data.items[row]));
    };

    // Group row numbers by user (counting sort), then sort each user's rows by movie.
    const size_t userCount = data.userIds.size();
    std::vector<uint32_t> offsets(userCount + 1, 0);
    for (uint32_t u : data.users)
        ++offsets[u + 1];
    for (size_t u = 0; u < userCount; ++u)
        offsets[u + 1] += offsets[u];
    std::vector<uint32_t> rows(n);
    std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
    for (size_t i = 0; i < n; ++i)
        rows[fill[data.users[i]]++] = uint32_t(i);
    for (size_t u = 0; u < userCount; ++u) {
        auto first = rows.begin() + offsets[u];
        auto last = rows.begin() + offsets[u + 1];
        std::sort(first, last, [&](uint32_t a, uint32_t b) {
            return data.items[a] != data.items[b] ? data.items[a] < data.items[b] : a < b;
        });
        for (auto it = first + (first != last); it < last; ++it)
            if (data.items[*it] == data.items[*(it - 1)])
                note(*it);
    }
}

template<typename Fast>
Result<RatingDataset> parseRows(const Fast &fast, RatingDataset out, const char *p,
                                const char *begin, const char *end, qint64 line,
                                const QString &name, const LoadOptions &options,
                                const ProgressFn &progress, const QElapsedTimer &timer)
{
    const qint64 size = end - begin;
    const LineParser parser(out.layout);
    LoadReport &report = out.report;
    const char *nextProgress = p + kProgressStep;
    RawRow row;
    Problem problem;
    for (; p < end; ++line) {
        if (const char *next = fast.parse(p, end, row)) {
            p = next;
        } else {
            // Irregular line: let the careful parser accept it or say what is wrong.
            const char *eol = lineEndOf(p, end);
            const char *stop = (eol > p && eol[-1] == '\r') ? eol - 1 : eol;
            const bool parsed = stop > p && parser.parse(p, stop, row, problem);
            const bool blank = !parsed && isBlank(p, stop);
            if (!parsed && !blank) {
                const QString message = QStringLiteral("%1: %2").arg(
                    where(name, line, qint64(problem.at - p) + 1), problem.message);
                if (!options.lenient)
                    return makeError(message);
                ++report.skippedLines;
                if (report.firstProblems.size() < options.maxReportedProblems)
                    report.firstProblems << message;
            }
            p = eol < end ? eol + 1 : end;
            if (!parsed)
                continue;
        }
        // Raw ids for now: mapping them in a separate tight pass keeps many lookups of the
        // movie table in flight at once instead of stalling the parser on each.
        out.users.push_back(row.user);
        out.items.push_back(row.item);
        out.halfStars.push_back(row.halfStars);
        out.timestamps.push_back(row.timestamp);
        if (p >= nextProgress) {
            nextProgress = p + kProgressStep;
            if (progress && !progress(qint64(p - begin), size))
                return makeError(DataTr::tr("%1: loading cancelled").arg(name));
        }
    }
    report.bytes = size;
    report.lines = line - 1;
    if (out.isEmpty()) {
        if (report.skippedLines > 0)
            return makeError(DataTr::tr("%1: no valid ratings: all %2 data lines are bad; the "
                                        "first: %3")
                                 .arg(name)
                                 .arg(report.skippedLines)
                                 .arg(report.firstProblems.value(0)));
        return makeError(DataTr::tr("%1: the file has a header but no ratings").arg(name));
    }
    if (progress)
        progress(size, size);

    QElapsedTimer check;
    check.start();
    const bool sorted = findSortedDuplicates(out, report);
    qint64 checkNanos = check.nsecsElapsed();
    out.userIds.mapInPlace(out.users.data(), out.users.size());
    out.itemIds.mapInPlace(out.items.data(), out.items.size());
    if (!sorted) {
        check.restart();
        findGroupedDuplicates(out, report);
        checkNanos += check.nsecsElapsed();
    }
    report.checkSeconds = checkNanos * 1e-9;
    report.parseSeconds = timer.nsecsElapsed() * 1e-9 - report.checkSeconds;
    if (report.skippedLines > 0)
        qCWarning(lcData).noquote() << name << ": skipped" << report.skippedLines << "bad lines";
    if (report.duplicatePairs > 0)
        qCWarning(lcData).noquote() << name << ":" << report.duplicatePairs
                                    << "duplicate (user, movie) pairs";
    qCDebug(lcTiming).noquote() << "parsed" << out.size() << "ratings from" << name << "in"
                                << report.parseSeconds << "s";
    return out;
}


} // namespace

Result<QString> resolveRatingsFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(DataTr::tr("%1: no such file or folder").arg(path));
    if (!info.isDir())
        return info.filePath();
    const QDir dir(path);
    for (const char *candidate : {"ratings.csv", "ratings.dat", "u.data"}) {
        const QString file = dir.filePath(QLatin1String(candidate));
        if (QFileInfo(file).isFile())
            return file;
    }
    return makeError(DataTr::tr("%1: the folder holds no MovieLens ratings file (looked for "
                                "ratings.csv, ratings.dat and u.data)")
                         .arg(path));
}

Result<RatingDataset> loadRatings(const QString &path, const LoadOptions &options,
                                  const ProgressFn &progress)
{
    QElapsedTimer timer;
    timer.start();
    Result<QString> file = resolveRatingsFile(path);
    if (!file)
        return makeError(file.error());

    QFile f(*file);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(DataTr::tr("%1: cannot open: %2").arg(*file, f.errorString()));
    const qint64 size = f.size();
    if (size == 0)
        return makeError(DataTr::tr("%1: the file is empty").arg(*file));

    // Map the file; populating the mapping up front lets the kernel read it in large
    // chunks instead of taking one page fault per 4 KiB during the parse.
    const char *bytes = nullptr;
    QByteArray fallback;
#ifdef Q_OS_LINUX
    void *mapped = mmap(nullptr, size_t(size), PROT_READ, MAP_PRIVATE | MAP_POPULATE,
                        f.handle(), 0);
    const auto unmap = qScopeGuard([&] {
        if (mapped != MAP_FAILED)
            munmap(mapped, size_t(size));
    });
    if (mapped != MAP_FAILED)
        bytes = static_cast<const char *>(mapped);
#else
    bytes = reinterpret_cast<const char *>(f.map(0, size));
#endif
    if (!bytes) {
        qCDebug(lcData) << "mapping failed, reading" << *file << "instead";
        fallback = f.readAll();
        if (fallback.size() != size)
            return makeError(DataTr::tr("%1: cannot read: %2").arg(*file, f.errorString()));
        bytes = fallback.constData();
    }

    Result<RatingDataset> result = parseRatings(bytes, size, *file, options, progress);
    if (result)
        result->report.parseSeconds = timer.nsecsElapsed() * 1e-9 - result->report.checkSeconds;
    return result;
}

Result<RatingDataset> parseRatings(const char *data, qint64 size, const QString &name,
                                   const LoadOptions &options, const ProgressFn &progress)
{
    QElapsedTimer timer;
    timer.start();
    const char *const begin = data;
    const char *const end = data + size;
    const char *p = skipBom(begin, end);

    // Find the first non-blank line and decide the layout from it.
    qint64 line = 1;
    const char *eol = lineEndOf(p, end);
    while (isBlank(p, eol) && eol < end) {
        p = eol + 1;
        eol = lineEndOf(p, end);
        ++line;
    }
    if (isBlank(p, eol))
        return makeError(DataTr::tr("%1: the file is empty").arg(name));
    Result<Layout> layout = detectLayout(p, eol, name, line);
    if (!layout)
        return makeError(layout.error());

    RatingDataset out;
    out.path = name;
    out.layout = *layout;
    if (*layout == Layout::Csv) {
        p = eol < end ? eol + 1 : end;
        ++line;
    }

    // Reserve from the line lengths seen in 16 samples spread over the file, so 25M-row
    // columns are neither regrown nor counted in a separate pass (ids, and so lines, grow
    // longer towards the end of a sorted file, so one sample at the start would overshoot).
    constexpr int kSamples = 16;
    constexpr qint64 kSampleBytes = 4096;
    qint64 sampledBytes = 0, sampledLines = 0;
    for (int k = 0; k < kSamples; ++k) {
        const char *from = p + (end - p) * k / kSamples;
        const char *to = std::min(end, from + kSampleBytes);
        sampledBytes += to - from;
        sampledLines += std::count(from, to, '\n');
    }
    // Nothing after the header (sampledBytes == 0) must not estimate 0 / 0 lines.
    const size_t expected = sampledBytes == 0
                                ? 0
                                : size_t(double(end - p) * double(std::max<qint64>(1, sampledLines))
                                         / double(sampledBytes) * 1.01)
                                      + 64;
    out.users.reserve(expected);
    out.items.reserve(expected);
    out.halfStars.reserve(expected);
    out.timestamps.reserve(expected);
    adviseHugePages(out.users.data(), expected * sizeof(uint32_t));
    adviseHugePages(out.items.data(), expected * sizeof(uint32_t));
    adviseHugePages(out.halfStars.data(), expected);
    adviseHugePages(out.timestamps.data(), expected * sizeof(uint32_t));

    switch (*layout) {
    case Layout::UData:
        return parseRows(FastParser<'\t', false>(scaleOf(*layout)), std::move(out), p, begin,
                         end, line, name, options, progress, timer);
    case Layout::Dat:
        return parseRows(FastParser<':', true>(scaleOf(*layout)), std::move(out), p, begin,
                         end, line, name, options, progress, timer);
    case Layout::Csv:
        break;
    }
    return parseRows(FastParser<',', false>(scaleOf(*layout)), std::move(out), p, begin, end,
                     line, name, options, progress, timer);
}

} // namespace Ncf
