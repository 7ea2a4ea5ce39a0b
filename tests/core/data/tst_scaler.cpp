#include "core/data/scaler.h"

#include "core/data/ratingdataset.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Ncf;

namespace {

RatingDataset datasetOf(std::initializer_list<uint8_t> halfStars)
{
    RatingDataset data;
    uint32_t user = 1;
    for (uint8_t h : halfStars)
        data.append(user++, 10, h, 1000);
    return data;
}

QJsonObject parseJson(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

Q_DECLARE_METATYPE(Ncf::RatingDataset)

class tst_Scaler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fit_data();
    void fit();
    void transformAndInverse_data();
    void transformAndInverse();
    void constantRatingsStayFinite();
    void jsonRoundTrip();
    void badJson_data();
    void badJson();
};

void tst_Scaler::fit_data()
{
    QTest::addColumn<RatingDataset>("data");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");

    QTest::newRow("whole stars 1..5") << datasetOf({6, 2, 10, 8}) << 1.0 << 5.0;
    QTest::newRow("half stars 0.5..4.5") << datasetOf({7, 1, 9, 3}) << 0.5 << 4.5;
    QTest::newRow("one rating") << datasetOf({7}) << 3.5 << 3.5;
    QTest::newRow("empty dataset keeps 0..1") << RatingDataset() << 0.0 << 1.0;
}

void tst_Scaler::fit()
{
    QFETCH(RatingDataset, data);
    QFETCH(double, min);
    QFETCH(double, max);

    const MinMaxScaler scaler = MinMaxScaler::fit(data);
    QCOMPARE(scaler.min(), min);
    QCOMPARE(scaler.max(), max);
}

void tst_Scaler::transformAndInverse_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("rating");
    QTest::addColumn<double>("scaled");

    QTest::newRow("1..5 lowest") << 1.0 << 5.0 << 1.0 << 0.0;
    QTest::newRow("1..5 highest") << 1.0 << 5.0 << 5.0 << 1.0;
    QTest::newRow("1..5 four stars") << 1.0 << 5.0 << 4.0 << 0.75;
    QTest::newRow("0.5..5 three and a half") << 0.5 << 5.0 << 3.5 << 3.0 / 4.5;
    QTest::newRow("outside the fitted range") << 1.0 << 5.0 << 6.0 << 1.25;
}

void tst_Scaler::transformAndInverse()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(double, rating);
    QFETCH(double, scaled);

    const MinMaxScaler scaler(min, max);
    QVERIFY(qAbs(scaler.transform(rating) - scaled) < 1e-12);
    QVERIFY(qAbs(scaler.inverse(scaler.transform(rating)) - rating) < 1e-12);
    QVERIFY(qAbs(scaler.inverse(scaled) - rating) < 1e-12);
}

void tst_Scaler::constantRatingsStayFinite()
{
    const MinMaxScaler scaler(4.0, 4.0);
    QCOMPARE(scaler.range(), 1.0);
    QCOMPARE(scaler.transform(4.0), 0.0);
    QCOMPARE(scaler.inverse(0.0), 4.0);
    QVERIFY(qIsFinite(scaler.transform(5.0)));
}

void tst_Scaler::jsonRoundTrip()
{
    const MinMaxScaler scaler(0.5, 5.0);
    const QJsonObject json = scaler.toJson();
    QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("minmax"));
    QCOMPARE(json.value(QStringLiteral("min")).toDouble(), 0.5);
    QCOMPARE(json.value(QStringLiteral("max")).toDouble(), 5.0);

    // Through text, as it is saved next to a model.
    const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
    const Result<MinMaxScaler> back
        = MinMaxScaler::fromJson(QJsonDocument::fromJson(text).object());
    QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error()));
    QVERIFY(*back == scaler);
}

void tst_Scaler::badJson_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("phrase");

    const QString shape = QStringLiteral(
        "scaler: expected {\"kind\": \"minmax\", \"min\": number, \"max\": number}");
    QTest::newRow("empty object") << QJsonObject() << shape;
    QTest::newRow("other kind") << parseJson(R"({"kind": "zscore", "min": 1, "max": 5})") << shape;
    QTest::newRow("min as text") << parseJson(R"({"kind": "minmax", "min": "1", "max": 5})")
                                 << shape;
    QTest::newRow("max missing") << parseJson(R"({"kind": "minmax", "min": 1})") << shape;
    QTest::newRow("min above max") << parseJson(R"({"kind": "minmax", "min": 5, "max": 1})")
                                   << QStringLiteral("scaler: min 5 is above max 1");
}

void tst_Scaler::badJson()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, phrase);

    const Result<MinMaxScaler> scaler = MinMaxScaler::fromJson(json);
    QVERIFY(!scaler.ok());
    QCOMPARE(scaler.error(), phrase);
}

QTEST_GUILESS_MAIN(tst_Scaler)

#include "tst_scaler.moc"
