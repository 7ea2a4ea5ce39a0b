#include "core/data/idmap.h"

#include <QTest>
#include <QtEndian>

#include <cstdint>
#include <vector>

using namespace Ncf;

namespace {

//! The smallest raw id that takes the hash-map path (IdMap's flat table stops below 2^22).
constexpr uint32_t kFirstSparse = 1u << 22;

IdMap mapOf(const std::vector<uint32_t> &raws)
{
    IdMap map;
    for (uint32_t raw : raws)
        map.insert(raw);
    return map;
}

} // namespace

class tst_IdMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insertGivesFirstAppearanceOrder();
    void findAbsent();
    void largeIds_data();
    void largeIds();
    void growsWithoutMovingIndices();
    void roundTrip_data();
    void roundTrip();
    void littleEndianLayout();
    void fromBytesErrors_data();
    void fromBytesErrors();
};

void tst_IdMap::insertGivesFirstAppearanceOrder()
{
    IdMap map;
    QVERIFY(map.isEmpty());
    QCOMPARE(map.insert(196), 0u);
    QCOMPARE(map.insert(186), 1u);
    QCOMPARE(map.insert(196), 0u); // seen: same index, no growth
    QCOMPARE(map.insert(22), 2u);
    QCOMPARE(map.insert(0), 3u);
    QCOMPARE(map.insert(186), 1u);
    QCOMPARE(map.size(), size_t(4));
    QVERIFY(!map.isEmpty());
    QCOMPARE(map.rawIds(), (std::vector<uint32_t>{196, 186, 22, 0}));
    QCOMPARE(map.rawId(2), 22u);
    QCOMPARE(map.find(22), 2u);
    QCOMPARE(map.find(0), 3u);
}

void tst_IdMap::findAbsent()
{
    IdMap empty;
    QCOMPARE(empty.find(0), IdMap::kAbsent);
    QCOMPARE(empty.find(5), IdMap::kAbsent);
    QCOMPARE(empty.find(kFirstSparse + 1), IdMap::kAbsent);

    const IdMap map = mapOf({10, 20});
    QCOMPARE(map.find(15), IdMap::kAbsent);      // inside the flat table, unseen
    QCOMPARE(map.find(100000), IdMap::kAbsent);  // beyond the flat table
    QCOMPARE(map.find(UINT32_MAX), IdMap::kAbsent);
    QCOMPARE(map.size(), size_t(2)); // find never inserts
}

void tst_IdMap::largeIds_data()
{
    QTest::addColumn<std::vector<uint32_t>>("raws");

    QTest::newRow("just below the flat limit") << std::vector<uint32_t>{kFirstSparse - 1, 1};
    QTest::newRow("first sparse id") << std::vector<uint32_t>{kFirstSparse, 1, kFirstSparse + 1};
    QTest::newRow("sparse before small")
        << std::vector<uint32_t>{3000000000u, 7, 4294967295u, 209171, kFirstSparse};
    QTest::newRow("largest 32-bit id") << std::vector<uint32_t>{4294967295u, 0, 4294967294u};
}

void tst_IdMap::largeIds()
{
    QFETCH(std::vector<uint32_t>, raws);

    IdMap map;
    for (size_t i = 0; i < raws.size(); ++i)
        QCOMPARE(map.insert(raws[i]), uint32_t(i));
    for (size_t i = 0; i < raws.size(); ++i) {
        QCOMPARE(map.insert(raws[i]), uint32_t(i));
        QCOMPARE(map.find(raws[i]), uint32_t(i));
        QCOMPARE(map.rawId(uint32_t(i)), raws[i]);
    }
    QCOMPARE(map.size(), raws.size());
    QCOMPARE(map.find(kFirstSparse + 2), IdMap::kAbsent);

    const Result<IdMap> back = IdMap::fromBytes(map.toBytes(), QStringLiteral("large"));
    QVERIFY(back.ok());
    QVERIFY(*back == map);
    for (size_t i = 0; i < raws.size(); ++i)
        QCOMPARE(back->find(raws[i]), uint32_t(i));
}

void tst_IdMap::growsWithoutMovingIndices()
{
    // A sweep of increasing ids (the 25M file's movie ids) and a stream of new users later.
    IdMap map;
    for (uint32_t raw = 1; raw <= 300000; raw += 3)
        QCOMPARE(map.insert(raw), uint32_t((raw - 1) / 3));
    const size_t before = map.size();
    QCOMPARE(before, size_t(100000));
    QCOMPARE(map.insert(2), uint32_t(before));
    QCOMPARE(map.insert(5000000), uint32_t(before + 1));
    for (uint32_t raw = 1; raw <= 300000; raw += 3)
        QCOMPARE(map.find(raw), uint32_t((raw - 1) / 3));
    QCOMPARE(map.find(2), uint32_t(before));
    QCOMPARE(map.find(3), IdMap::kAbsent);
    QVERIFY(map.memoryBytes() >= map.size() * sizeof(uint32_t));
}

void tst_IdMap::roundTrip_data()
{
    QTest::addColumn<std::vector<uint32_t>>("raws");

    QTest::newRow("empty") << std::vector<uint32_t>{};
    QTest::newRow("one") << std::vector<uint32_t>{42};
    QTest::newRow("movielens-like") << std::vector<uint32_t>{1, 1193, 661, 914, 3408, 209171};
    QTest::newRow("sparse and dense") << std::vector<uint32_t>{kFirstSparse + 9, 0, 4294967295u};
}

void tst_IdMap::roundTrip()
{
    QFETCH(std::vector<uint32_t>, raws);

    const IdMap map = mapOf(raws);
    const QByteArray bytes = map.toBytes();
    QCOMPARE(bytes.size(), qsizetype(16 + 4 * raws.size()));
    const Result<IdMap> back = IdMap::fromBytes(bytes, QStringLiteral("model.ids"));
    QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error()));
    QVERIFY(*back == map);
    QCOMPARE(back->rawIds(), raws);
    for (size_t i = 0; i < raws.size(); ++i)
        QCOMPARE(back->find(raws[i]), uint32_t(i));
    QCOMPARE(back->toBytes(), bytes);
}

void tst_IdMap::littleEndianLayout()
{
    const QByteArray bytes = mapOf({0x01020304u, 7}).toBytes();
    const QByteArray expected("NCFI"
                              "\x01\x00\x00\x00"                 // version 1
                              "\x02\x00\x00\x00\x00\x00\x00\x00" // two ids
                              "\x04\x03\x02\x01"
                              "\x07\x00\x00\x00",
                              24);
    QCOMPARE(bytes, expected);
}

void tst_IdMap::fromBytesErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");

    const QByteArray good = mapOf({5, 6, 7}).toBytes();

    QTest::newRow("empty") << QByteArray() << "ids.bin: not an id map (bad header)";
    QTest::newRow("shorter than the header")
        << good.left(15) << "ids.bin: not an id map (bad header)";
    QByteArray magic = good;
    magic[0] = 'X';
    QTest::newRow("wrong magic") << magic << "ids.bin: not an id map (bad header)";

    QByteArray version = good;
    qToLittleEndian<uint32_t>(2, version.data() + 4);
    QTest::newRow("future version")
        << version << "ids.bin: id map version 2 is not supported (expected 1)";

    QTest::newRow("truncated")
        << good.left(good.size() - 2)
        << "ids.bin: id map is truncated or has trailing bytes (3 ids declared, 10 bytes of data)";
    QTest::newRow("trailing bytes")
        << good + QByteArray("\0", 1)
        << "ids.bin: id map is truncated or has trailing bytes (3 ids declared, 13 bytes of data)";
    QByteArray huge = good;
    qToLittleEndian<uint64_t>(uint64_t(1) << 62, huge.data() + 8);
    QTest::newRow("absurd count")
        << huge
        << "ids.bin: id map is truncated or has trailing bytes (4611686018427387904 ids "
           "declared, 12 bytes of data)";

    QByteArray twice = good;
    qToLittleEndian<uint32_t>(5, twice.data() + 16 + 8); // third id becomes the first's
    QTest::newRow("id listed twice") << twice << "ids.bin: id map lists raw id 5 twice";
}

void tst_IdMap::fromBytesErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);

    const Result<IdMap> map = IdMap::fromBytes(bytes, QStringLiteral("ids.bin"));
    QVERIFY(!map.ok());
    QCOMPARE(map.error(), message);
}

QTEST_GUILESS_MAIN(tst_IdMap)

#include "tst_idmap.moc"
