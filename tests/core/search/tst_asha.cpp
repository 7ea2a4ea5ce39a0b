// ASHA against cases worked out by hand from ../shared/ASHA.md.

#include "core/search/asha.h"

#include <QJsonDocument>
#include <QTest>

#include <cmath>

using namespace Ncf;

namespace {

AshaSettings settings(int maxT, int grace, double rf, int brackets = 1, bool minimize = true)
{
    AshaSettings s;
    s.maxT = maxT;
    s.gracePeriod = grace;
    s.reductionFactor = rf;
    s.brackets = brackets;
    s.minimize = minimize;
    return s;
}

} // namespace

class tst_Asha : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void milestones_data();
    void milestones();
    void workedCaseFromTheSpec();
    void firstArrivalAlwaysContinues();
    void minimisingStopsTheWorseHalf();
    void onlyMilestonesDecide();
    void maxTStopsAndIsNotRecorded();
    void stoppedTrialsShapeLaterCutoffs();
    void nanMetricContinues();
    void completionRecordsTheLastResult();
    void bracketsFavourTheLongest();
    void stateRoundTripDecidesAlike();
    void invalidSettings_data();
    void invalidSettings();
};

void tst_Asha::milestones_data()
{
    QTest::addColumn<int>("maxT");
    QTest::addColumn<int>("grace");
    QTest::addColumn<double>("rf");
    QTest::addColumn<QList<double>>("expected");
    QTest::newRow("workbench defaults 10/1/2") << 10 << 1 << 2.0 << QList<double>{8, 4, 2, 1};
    QTest::newRow("ray 100/1/4") << 100 << 1 << 4.0 << QList<double>{64, 16, 4, 1};
    QTest::newRow("grace 10, 100/3") << 100 << 10 << 3.0 << QList<double>{90, 30, 10};
    QTest::newRow("81/1/3 lands on 4 exactly") << 81 << 1 << 3.0
                                              << QList<double>{81, 27, 9, 3, 1};
}

void tst_Asha::milestones()
{
    QFETCH(int, maxT);
    QFETCH(int, grace);
    QFETCH(double, rf);
    QFETCH(QList<double>, expected);
    const AshaScheduler asha(settings(maxT, grace, rf));
    const std::vector<double> got = asha.milestones(0);
    QCOMPARE(QList<double>(got.begin(), got.end()), expected);
}

void tst_Asha::workedCaseFromTheSpec()
{
    // One bracket (8, 4, 2, 1), mode max: A 2 continues, B 4 continues (cutoff 2), the
    // cutoff is then 3, C 1 stops, and the cutoff becomes the median of {2, 4, 1} = 2.
    AshaScheduler asha(settings(10, 1, 2, 1, /*minimize=*/false));
    QCOMPARE(asha.onResult("A", 1, 2.0), SchedulerDecision::Continue);
    QCOMPARE(asha.cutoff(0, 3), 2.0);
    QCOMPARE(asha.onResult("B", 1, 4.0), SchedulerDecision::Continue);
    QCOMPARE(asha.cutoff(0, 3), 3.0);
    QCOMPARE(asha.onResult("C", 1, 1.0), SchedulerDecision::Stop);
    QCOMPARE(asha.cutoff(0, 3), 2.0);
    QCOMPARE(asha.recorded(0, 3).size(), size_t(3));
}

void tst_Asha::firstArrivalAlwaysContinues()
{
    AshaScheduler asha(settings(10, 1, 2));
    QVERIFY(std::isnan(asha.cutoff(0, 0)));
    QCOMPARE(asha.onResult("slow", 1, 99.0), SchedulerDecision::Continue);
    QCOMPARE(asha.onResult("slow", 2, 98.0), SchedulerDecision::Continue);
}

void tst_Asha::minimisingStopsTheWorseHalf()
{
    // Losses: lower is better, scores are -loss. Rung 1: 0.5 then 0.3 (better: continues),
    // then 0.9: cutoff = median of {-0.5, -0.3} = -0.4, and -0.9 < -0.4: stop.
    AshaScheduler asha(settings(10, 1, 2));
    QCOMPARE(asha.onResult("a", 1, 0.5), SchedulerDecision::Continue);
    QCOMPARE(asha.onResult("b", 1, 0.3), SchedulerDecision::Continue);
    QCOMPARE(asha.onResult("c", 1, 0.9), SchedulerDecision::Stop);
    // Equal to the cutoff is not below it: continue (strict comparison).
    AshaScheduler ties(settings(10, 1, 2));
    ties.onResult("a", 1, 0.5);
    ties.onResult("b", 1, 0.3);
    QCOMPARE(ties.onResult("c", 1, 0.4), SchedulerDecision::Continue);
}

void tst_Asha::onlyMilestonesDecide()
{
    AshaScheduler asha(settings(10, 1, 2));
    asha.onResult("good", 1, 0.1);
    asha.onResult("good", 2, 0.1);
    // "bad" reaches epoch 1 (stopped there if it kept going, but we ignore that) - then at
    // epoch 3, which is no milestone, it is judged at rung 2 (the highest <= 3) once.
    QCOMPARE(asha.onResult("bad", 3, 0.9), SchedulerDecision::Stop);
    QCOMPARE(asha.recorded(0, 2).count("bad"), size_t(1)); // rung index 2 = milestone 2
    QCOMPARE(asha.recorded(0, 3).count("bad"), size_t(0)); // not recorded at milestone 1
    // Epoch 3 again: already recorded at milestone 2, nothing more happens.
    QCOMPARE(asha.onResult("bad", 3, 0.95), SchedulerDecision::Continue);
}

void tst_Asha::maxTStopsAndIsNotRecorded()
{
    AshaScheduler asha(settings(4, 1, 2)); // milestones 4, 2, 1
    QCOMPARE(asha.milestones(0), (std::vector<double>{4, 2, 1}));
    QCOMPARE(asha.onResult("t", 4, 0.1), SchedulerDecision::Stop);
    QVERIFY(asha.recorded(0, 0).empty());
}

void tst_Asha::stoppedTrialsShapeLaterCutoffs()
{
    AshaScheduler asha(settings(10, 1, 2));
    asha.onResult("a", 1, 0.2);                                        // continue
    QCOMPARE(asha.onResult("b", 1, 0.8), SchedulerDecision::Stop);    // below -0.2
    // The stopped trial stays in the rung: cutoff = median {-0.2, -0.8} = -0.5.
    QCOMPARE(asha.cutoff(0, 3), -0.5);
    QCOMPARE(asha.onResult("c", 1, 0.6), SchedulerDecision::Stop);    // -0.6 < -0.5
    QCOMPARE(asha.onResult("d", 1, 0.4), SchedulerDecision::Continue); // -0.4 >= cutoff -0.6
}

void tst_Asha::nanMetricContinues()
{
    AshaScheduler asha(settings(10, 1, 2));
    QCOMPARE(asha.onResult("a", 1, std::nan("")), SchedulerDecision::Continue);
    QVERIFY(asha.recorded(0, 3).empty());
}

void tst_Asha::completionRecordsTheLastResult()
{
    AshaScheduler asha(settings(10, 1, 2));
    asha.onComplete("short", 1, 0.3);
    QCOMPARE(asha.recorded(0, 3).count("short"), size_t(1));
    QCOMPARE(asha.onResult("next", 1, 0.9), SchedulerDecision::Stop);
}

void tst_Asha::bracketsFavourTheLongest()
{
    // Three brackets of 4, 3 and 2 rungs: weights e^0, e^-1, e^-2.
    AshaScheduler asha(settings(10, 1, 2, 3), /*seed=*/7);
    QCOMPARE(asha.bracketCount(), 3);
    QCOMPARE(asha.milestones(1), (std::vector<double>{8, 4, 2}));
    QCOMPARE(asha.milestones(2), (std::vector<double>{8, 4}));
    int counts[3] = {0, 0, 0};
    const int n = 20000;
    for (int i = 0; i < n; ++i)
        ++counts[asha.addTrial(QString::number(i))];
    const double total = 1.0 + std::exp(-1.0) + std::exp(-2.0);
    QVERIFY(qAbs(counts[0] / double(n) - 1.0 / total) < 0.015);
    QVERIFY(qAbs(counts[1] / double(n) - std::exp(-1.0) / total) < 0.015);
    QVERIFY(qAbs(counts[2] / double(n) - std::exp(-2.0) / total) < 0.015);
}

void tst_Asha::stateRoundTripDecidesAlike()
{
    AshaScheduler original(settings(10, 1, 2, 2), 3);
    for (int i = 0; i < 6; ++i)
        original.onResult(QStringLiteral("t%1").arg(i), 1 + i % 3, 0.1 * (i + 1));
    const QByteArray saved = QJsonDocument(original.toJson()).toJson();
    Result<AshaScheduler> restored = AshaScheduler::fromJson(
        QJsonDocument::fromJson(saved).object());
    QVERIFY2(restored.ok(), restored.ok() ? "" : qPrintable(restored.error()));
    for (int i = 6; i < 20; ++i) {
        const QString trial = QStringLiteral("t%1").arg(i);
        QCOMPARE(restored->addTrial(trial), original.addTrial(trial));
        const double loss = 0.05 * ((i * 7) % 11);
        QCOMPARE(restored->onResult(trial, 1 + i % 4, loss),
                 original.onResult(trial, 1 + i % 4, loss));
    }
    QCOMPARE(QJsonDocument(restored->toJson()).toJson(), QJsonDocument(original.toJson()).toJson());
}

void tst_Asha::invalidSettings_data()
{
    QTest::addColumn<int>("maxT");
    QTest::addColumn<int>("grace");
    QTest::addColumn<double>("rf");
    QTest::addColumn<int>("brackets");
    QTest::addColumn<QString>("message");
    QTest::newRow("max_t zero") << 0 << 1 << 2.0 << 1 << "max_t must be positive";
    QTest::newRow("grace above max_t") << 5 << 6 << 2.0 << 1 << "grace_period must be in";
    QTest::newRow("grace zero") << 5 << 0 << 2.0 << 1 << "grace_period must be in";
    QTest::newRow("rf one") << 10 << 1 << 1.0 << 1 << "reduction_factor must be above 1";
    QTest::newRow("no brackets") << 10 << 1 << 2.0 << 0 << "brackets must be positive";
}

void tst_Asha::invalidSettings()
{
    QFETCH(int, maxT);
    QFETCH(int, grace);
    QFETCH(double, rf);
    QFETCH(int, brackets);
    QFETCH(QString, message);
    const Result<void> r = validateAsha(settings(maxT, grace, rf, brackets));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(message), qPrintable(r.error()));
}

QTEST_GUILESS_MAIN(tst_Asha)
#include "tst_asha.moc"
