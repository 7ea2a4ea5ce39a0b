#include "core/data/idmap.h"

#include "core/common/tr.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace Ncf {

namespace {
constexpr char kMagic[4] = {'N', 'C', 'F', 'I'};
constexpr uint32_t kVersion = 1;
constexpr int kHeaderBytes = 4 + 4 + 8;
} // namespace

uint32_t IdMap::insertSlow(uint32_t raw)
{
    if (raw < kDirectLimit) {
        // Grow the flat table geometrically so a sweep of increasing ids stays linear.
        const size_t wanted = std::max<size_t>(size_t(raw) + 1, m_direct.size() * 2);
        m_direct.resize(std::min<size_t>(std::max<size_t>(wanted, 1024), kDirectLimit), kAbsent);
        return insert(raw);
    }
    const auto [it, added] = m_sparse.try_emplace(raw, uint32_t(m_raw.size()));
    if (added)
        m_raw.push_back(raw);
    return it->second;
}

size_t IdMap::memoryBytes() const
{
    return m_raw.capacity() * sizeof(uint32_t) + m_direct.capacity() * sizeof(uint32_t)
           + m_sparse.size() * (sizeof(uint32_t) * 2 + sizeof(void *) * 2);
}

QByteArray IdMap::toBytes() const
{
    QByteArray out(kHeaderBytes + qsizetype(m_raw.size()) * 4, Qt::Uninitialized);
    char *p = out.data();
    std::memcpy(p, kMagic, 4);
    qToLittleEndian<uint32_t>(kVersion, p + 4);
    qToLittleEndian<uint64_t>(m_raw.size(), p + 8);
    p += kHeaderBytes;
    for (uint32_t raw : m_raw) {
        qToLittleEndian<uint32_t>(raw, p);
        p += 4;
    }
    return out;
}

Result<IdMap> IdMap::fromBytes(const QByteArray &bytes, const QString &what)
{
    if (bytes.size() < kHeaderBytes || std::memcmp(bytes.constData(), kMagic, 4) != 0)
        return makeError(DataTr::tr("%1: not an id map (bad header)").arg(what));
    const char *p = bytes.constData();
    const uint32_t version = qFromLittleEndian<uint32_t>(p + 4);
    if (version != kVersion)
        return makeError(DataTr::tr("%1: id map version %2 is not supported (expected %3)")
                             .arg(what)
                             .arg(version)
                             .arg(kVersion));
    const uint64_t count = qFromLittleEndian<uint64_t>(p + 8);
    if (count > uint64_t(bytes.size() - kHeaderBytes) / 4
        || uint64_t(bytes.size() - kHeaderBytes) != count * 4)
        return makeError(DataTr::tr("%1: id map is truncated or has trailing bytes "
                                    "(%2 ids declared, %3 bytes of data)")
                             .arg(what)
                             .arg(count)
                             .arg(bytes.size() - kHeaderBytes));
    IdMap map;
    map.reserve(count);
    p += kHeaderBytes;
    for (uint64_t i = 0; i < count; ++i, p += 4) {
        const uint32_t raw = qFromLittleEndian<uint32_t>(p);
        if (map.insert(raw) != i)
            return makeError(DataTr::tr("%1: id map lists raw id %2 twice").arg(what).arg(raw));
    }
    return map;
}

} // namespace Ncf
