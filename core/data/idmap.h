#pragma once

#include "core/common/result.h"

#include <QByteArray>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace Ncf {

//! Maps raw MovieLens ids (user or movie, 32-bit) to dense indices 0..size()-1 in order of
//! first appearance. It can grow at any time (new users arriving from a stream) and is saved
//! with a model so predictions use the same indices.
class IdMap
{
public:
    static constexpr uint32_t kAbsent = UINT32_MAX;

    //! Dense index of `raw`, or kAbsent.
    uint32_t find(uint32_t raw) const
    {
        if (raw < m_direct.size())
            return m_direct[raw];
        if (m_sparse.empty())
            return kAbsent;
        const auto it = m_sparse.find(raw);
        return it == m_sparse.end() ? kAbsent : it->second;
    }

    //! Dense index of `raw`, adding it as the next index when it is new.
    uint32_t insert(uint32_t raw)
    {
        if (raw < m_direct.size()) {
            uint32_t &slot = m_direct[raw];
            if (slot == kAbsent) {
                slot = uint32_t(m_raw.size());
                m_raw.push_back(raw);
            }
            return slot;
        }
        return insertSlow(raw);
    }

    //! Replaces each raw id in values[0..n) by its dense index, adding new ids in order.
    void mapInPlace(uint32_t *values, size_t n)
    {
        for (size_t i = 0; i < n; ++i)
            values[i] = insert(values[i]);
    }

    uint32_t rawId(uint32_t dense) const { return m_raw[dense]; }
    size_t size() const { return m_raw.size(); }
    bool isEmpty() const { return m_raw.empty(); }
    const std::vector<uint32_t> &rawIds() const { return m_raw; }
    void reserve(size_t n) { m_raw.reserve(n); }

    //! Bytes held by the map's tables.
    size_t memoryBytes() const;

    //! Portable little-endian serialisation (magic, version, count, raw ids in dense order).
    QByteArray toBytes() const;
    //! Inverse of toBytes(); `what` names the source in error messages.
    static Result<IdMap> fromBytes(const QByteArray &bytes, const QString &what);

    bool operator==(const IdMap &other) const { return m_raw == other.m_raw; }

private:
    uint32_t insertSlow(uint32_t raw);

    // Raw ids below kDirectLimit are looked up in a flat table (MovieLens ids are small, so
    // the 25M file's 209,171 movie ids cost 0.8 MB and no hashing); larger ones in a hash map.
    static constexpr uint32_t kDirectLimit = 1u << 22;

    std::vector<uint32_t> m_raw;    // dense -> raw
    std::vector<uint32_t> m_direct; // raw -> dense, kAbsent where unseen
    std::unordered_map<uint32_t, uint32_t> m_sparse;
};

} // namespace Ncf
