// parseRatingMessage(): the fast path, the general JSON path, and every rejection's reason.

#include "core/streaming/ratingmessage.h"

#include <QByteArray>
#include <QTest>

#include <cstdint>

using namespace Ncf;

class tst_RatingMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepts_data();
    void accepts();
    void rejects_data();
    void rejects();
    void nullPayload();
    void reasonIsOptional();
    void sizeBoundsTheText();
};

namespace {

bool parse(const QByteArray &text, RatingMessage &out, QString *why)
{
    return parseRatingMessage(text.constData(), size_t(text.size()), out, why);
}

} // namespace

void tst_RatingMessage::accepts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<uint>("userId");
    QTest::addColumn<uint>("movieId");
    QTest::addColumn<int>("halfStars");
    QTest::addColumn<uint>("timestamp");

    // What `ncf produce` writes.
    QTest::newRow("compact") << QByteArray(R"({"userId":1,"movieId":2,"rating":3.5,"timestamp":9})")
                             << 1u << 2u << 7 << 9u;
    QTest::newRow("produce format")
        << QByteArray(R"({"userId":610,"movieId":168252,"rating":4.0,"timestamp":1493846415})")
        << 610u << 168252u << 8 << 1493846415u;
    QTest::newRow("whitespace and newlines")
        << QByteArray("\n {\n  \"userId\" : 1 ,\n\t\"movieId\":2,\r\n \"rating\": 3.5 ,"
                      " \"timestamp\" :\t9 \n}\r\n")
        << 1u << 2u << 7 << 9u;
    QTest::newRow("reversed key order")
        << QByteArray(R"({"timestamp":9,"rating":3.5,"movieId":2,"userId":1})")
        << 1u << 2u << 7 << 9u;
    QTest::newRow("rating first")
        << QByteArray(R"({"rating":1,"userId":77,"timestamp":5,"movieId":3})")
        << 77u << 3u << 2 << 5u;
    QTest::newRow("extra numeric key ignored")
        << QByteArray(R"({"userId":1,"extra":12.5,"movieId":2,"rating":3.5,"timestamp":9})")
        << 1u << 2u << 7 << 9u;
    QTest::newRow("no timestamp") << QByteArray(R"({"userId":4,"movieId":5,"rating":2.5})")
                                  << 4u << 5u << 5 << 0u;
    QTest::newRow("timestamp null")
        << QByteArray(R"({"userId":4,"movieId":5,"rating":2.5,"timestamp":null})")
        << 4u << 5u << 5 << 0u;
    // kcat -P with a hand-typed line: spaces after every colon and comma.
    QTest::newRow("kcat style")
        << QByteArray(R"({"userId": 610, "movieId": 168252, "rating": 5.0, "timestamp": 1})")
        << 610u << 168252u << 10 << 1u;
    QTest::newRow("integer rating") << QByteArray(R"({"userId":1,"movieId":2,"rating":4})")
                                    << 1u << 2u << 8 << 0u;
    QTest::newRow("lowest rating") << QByteArray(R"({"userId":1,"movieId":2,"rating":0.5})")
                                   << 1u << 2u << 1 << 0u;
    QTest::newRow("exponent") << QByteArray(R"({"userId":1e2,"movieId":2,"rating":4.5e0})")
                              << 100u << 2u << 9 << 0u;
    QTest::newRow("largest ids")
        << QByteArray(R"({"userId":4294967295,"movieId":4294967295,"rating":3,)"
                      R"("timestamp":4294967295})")
        << 4294967295u << 4294967295u << 6 << 4294967295u;
    QTest::newRow("zero ids") << QByteArray(R"({"userId":0,"movieId":0,"rating":3})")
                              << 0u << 0u << 6 << 0u;
    // Shapes the fast path refuses and the general path reads.
    QTest::newRow("extra string value")
        << QByteArray(R"({"userId":1,"movieId":2,"rating":3.5,"source":"kcat","timestamp":9})")
        << 1u << 2u << 7 << 9u;
    QTest::newRow("extra object value")
        << QByteArray(R"({"meta":{"a":[1,{"b":null}],"c":"x"},"userId":1,"movieId":2,)"
                      R"("rating":3.5,"timestamp":9})")
        << 1u << 2u << 7 << 9u;
    QTest::newRow("extra array and bool")
        << QByteArray(R"({"userId":8,"tags":[1,2],"movieId":9,"ok":true,"rating":1.5})")
        << 8u << 9u << 3 << 0u;
    QTest::newRow("escaped key") << QByteArray(R"({"user\u0049d":3,"movieId":2,"rating":2})")
                                 << 3u << 2u << 4 << 0u;
}

void tst_RatingMessage::accepts()
{
    QFETCH(QByteArray, text);
    QFETCH(uint, userId);
    QFETCH(uint, movieId);
    QFETCH(int, halfStars);
    QFETCH(uint, timestamp);

    RatingMessage out;
    out.timestamp = 12345; // must be overwritten, also when the message has no timestamp
    QString why;
    QVERIFY2(parse(text, out, &why), qPrintable(why));
    QCOMPARE(out.userId, userId);
    QCOMPARE(out.movieId, movieId);
    QCOMPARE(int(out.halfStars), halfStars);
    QCOMPARE(out.timestamp, timestamp);
}

void tst_RatingMessage::rejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("reason"); // a fragment the reason must contain

    QTest::newRow("not JSON") << QByteArray("hello") << QStringLiteral("not JSON");
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("not JSON");
    QTest::newRow("only spaces") << QByteArray("  \n ") << QStringLiteral("not JSON");
    QTest::newRow("truncated") << QByteArray(R"({"userId":1,"movieId":2,"rating":3)")
                               << QStringLiteral("not JSON");
    QTest::newRow("trailing comma") << QByteArray(R"({"userId":1,"movieId":2,"rating":3,})")
                                    << QStringLiteral("not JSON");
    QTest::newRow("trailing garbage") << QByteArray(R"({"userId":1,"movieId":2,"rating":3}x)")
                                      << QStringLiteral("not JSON");
    QTest::newRow("csv line") << QByteArray("1,2,3.5,9") << QStringLiteral("not JSON");
    QTest::newRow("JSON array") << QByteArray("[1,2,3.5,9]")
                                << QStringLiteral("not a JSON object");
    QTest::newRow("array of the object")
        << QByteArray(R"([{"userId":1,"movieId":2,"rating":3.5}])")
        << QStringLiteral("not a JSON object");
    QTest::newRow("empty object") << QByteArray("{}") << QStringLiteral("missing field \"userId\"");
    QTest::newRow("missing userId") << QByteArray(R"({"movieId":2,"rating":3.5,"timestamp":9})")
                                    << QStringLiteral("missing field \"userId\"");
    QTest::newRow("missing movieId") << QByteArray(R"({"userId":1,"rating":3.5,"timestamp":9})")
                                     << QStringLiteral("missing field \"movieId\"");
    QTest::newRow("missing rating") << QByteArray(R"({"userId":1,"movieId":2,"timestamp":9})")
                                    << QStringLiteral("missing field \"rating\"");
    QTest::newRow("missing rating, general path")
        << QByteArray(R"({"userId":1,"movieId":2,"note":"no rating"})")
        << QStringLiteral("missing field \"rating\"");
    QTest::newRow("userId null") << QByteArray(R"({"userId":null,"movieId":2,"rating":3})")
                                 << QStringLiteral("missing field \"userId\"");
    QTest::newRow("rating 0") << QByteArray(R"({"userId":1,"movieId":2,"rating":0})")
                              << QStringLiteral("half star");
    QTest::newRow("rating 5.5") << QByteArray(R"({"userId":1,"movieId":2,"rating":5.5})")
                                << QStringLiteral("half star");
    QTest::newRow("rating 3.3") << QByteArray(R"({"userId":1,"movieId":2,"rating":3.3})")
                                << QStringLiteral("half star");
    QTest::newRow("rating 0.25") << QByteArray(R"({"userId":1,"movieId":2,"rating":0.25})")
                                 << QStringLiteral("half star");
    QTest::newRow("rating negative") << QByteArray(R"({"userId":1,"movieId":2,"rating":-3})")
                                     << QStringLiteral("half star");
    QTest::newRow("rating NaN") << QByteArray(R"({"userId":1,"movieId":2,"rating":NaN})")
                                << QStringLiteral("half star");
    QTest::newRow("rating nan") << QByteArray(R"({"userId":1,"movieId":2,"rating":nan})")
                                << QStringLiteral("half star");
    QTest::newRow("rating inf") << QByteArray(R"({"userId":1,"movieId":2,"rating":inf})")
                                << QStringLiteral("half star");
    // Out of double's range: the fast path gives up, and Qt's parser calls it illegal.
    QTest::newRow("rating huge") << QByteArray(R"({"userId":1,"movieId":2,"rating":1e400})")
                                 << QStringLiteral("not JSON");
    QTest::newRow("userId NaN") << QByteArray(R"({"userId":NaN,"movieId":2,"rating":3})")
                                << QStringLiteral("\"userId\" is not a whole number");
    QTest::newRow("userId Infinity") << QByteArray(R"({"userId":Infinity,"movieId":2,"rating":3})")
                                     << QStringLiteral("\"userId\" is not a whole number");
    QTest::newRow("negative userId") << QByteArray(R"({"userId":-1,"movieId":2,"rating":3})")
                                     << QStringLiteral("\"userId\" is not a whole number");
    QTest::newRow("negative movieId") << QByteArray(R"({"userId":1,"movieId":-7,"rating":3})")
                                      << QStringLiteral("\"movieId\" is not a whole number");
    QTest::newRow("userId 2^32")
        << QByteArray(R"({"userId":4294967296,"movieId":2,"rating":3})")
        << QStringLiteral("\"userId\" is not a whole number");
    QTest::newRow("movieId 2^32")
        << QByteArray(R"({"userId":1,"movieId":4294967296,"rating":3})")
        << QStringLiteral("\"movieId\" is not a whole number");
    QTest::newRow("fractional userId") << QByteArray(R"({"userId":1.5,"movieId":2,"rating":3})")
                                       << QStringLiteral("\"userId\" is not a whole number");
    QTest::newRow("fractional movieId")
        << QByteArray(R"({"userId":1,"movieId":2.25,"rating":3})")
        << QStringLiteral("\"movieId\" is not a whole number");
    QTest::newRow("negative timestamp")
        << QByteArray(R"({"userId":1,"movieId":2,"rating":3,"timestamp":-5})")
        << QStringLiteral("\"timestamp\" is not a whole number");
    QTest::newRow("fractional timestamp")
        << QByteArray(R"({"userId":1,"movieId":2,"rating":3,"timestamp":9.5})")
        << QStringLiteral("\"timestamp\" is not a whole number");
    QTest::newRow("timestamp 2^32")
        << QByteArray(R"({"userId":1,"movieId":2,"rating":3,"timestamp":4294967296})")
        << QStringLiteral("\"timestamp\" is not a whole number");
    QTest::newRow("rating as string")
        << QByteArray(R"({"userId":1,"movieId":2,"rating":"3.5","timestamp":9})")
        << QStringLiteral("\"rating\" is not a number");
    QTest::newRow("userId as string") << QByteArray(R"({"userId":"1","movieId":2,"rating":3})")
                                      << QStringLiteral("\"userId\" is not a number");
    QTest::newRow("timestamp as bool")
        << QByteArray(R"({"userId":1,"movieId":2,"rating":3,"timestamp":true})")
        << QStringLiteral("\"timestamp\" is not a number");
    QTest::newRow("rating as object")
        << QByteArray(R"({"userId":1,"movieId":2,"rating":{"value":3}})")
        << QStringLiteral("\"rating\" is not a number");
}

void tst_RatingMessage::rejects()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, reason);

    RatingMessage out;
    QString why;
    QVERIFY2(!parse(text, out, &why), text.constData());
    QVERIFY2(!why.isEmpty(), text.constData());
    QVERIFY2(why.contains(reason), qPrintable(QStringLiteral("reason \"%1\"").arg(why)));
}

void tst_RatingMessage::nullPayload()
{
    // A Kafka tombstone has no value at all: rd_kafka_message_t::payload is null.
    RatingMessage out;
    QString why;
    QVERIFY(!parseRatingMessage(nullptr, 0, out, &why));
    QVERIFY(!why.isEmpty());
    QVERIFY2(why.contains(QLatin1String("not JSON")), qPrintable(why));
}

void tst_RatingMessage::reasonIsOptional()
{
    // Without a `why`, both paths still decide (and do not write through a null pointer).
    RatingMessage out;
    QVERIFY(parse(R"({"userId":5,"movieId":6,"rating":2})", out, nullptr));
    QCOMPARE(out.userId, 5u);
    QCOMPARE(int(out.halfStars), 4);
    QVERIFY(parse(R"({"userId":5,"movieId":6,"rating":2,"s":"x"})", out, nullptr));
    QCOMPARE(out.movieId, 6u);
    QVERIFY(!parse(R"({"userId":5,"movieId":6,"rating":7})", out, nullptr));
    QVERIFY(!parse(R"({"userId":5,"movieId":6})", out, nullptr));
    QVERIFY(!parse("garbage", out, nullptr));
    QVERIFY(!parse(R"({"userId":5,"movieId":6,"rating":"2"})", out, nullptr));
}

void tst_RatingMessage::sizeBoundsTheText()
{
    // Kafka payloads are not NUL-terminated: only `size` bytes count.
    const QByteArray buffer(R"({"userId":1,"movieId":2,"rating":3}{"userId":9})");
    const size_t first = size_t(buffer.indexOf('}') + 1);
    RatingMessage out;
    QString why;
    QVERIFY2(parseRatingMessage(buffer.constData(), first, out, &why), qPrintable(why));
    QCOMPARE(out.userId, 1u);
    QCOMPARE(out.movieId, 2u);
    QCOMPARE(int(out.halfStars), 6);
    // Cut inside the object: not JSON, whatever follows in memory.
    QVERIFY(!parseRatingMessage(buffer.constData(), first - 1, out, &why));
    QVERIFY2(why.contains(QLatin1String("not JSON")), qPrintable(why));
    // The whole buffer is two objects: not one message.
    QVERIFY(!parseRatingMessage(buffer.constData(), size_t(buffer.size()), out, &why));
    QVERIFY(!why.isEmpty());
}

QTEST_GUILESS_MAIN(tst_RatingMessage)
#include "tst_ratingmessage.moc"
