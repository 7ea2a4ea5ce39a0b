// Kills `ncf search` with SIGKILL in the middle of a trial, then resumes it with `ncf resume`
// and checks the database: nothing completed is lost, nothing is counted twice, and the
// interrupted trial ran again with its exact configuration.

#include "core/storage/experimentstore.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Ncf;

class tst_SearchKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killAndResume();
};

void tst_SearchKill::killAndResume()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ncf = QStringLiteral(NCF_BIN_DIR "/ncf");
    const QString data = dir.filePath(QStringLiteral("data"));
    const QString db = dir.filePath(QStringLiteral("search.sqlite"));
    QCOMPARE(QProcess::execute(ncf, {"synth", "--shape", "100k", "--out", data, "--users", "300",
                                     "--items", "400", "--ratings", "20000"}),
             0);

    // Six non-linear trials of four epochs, one at a time: several seconds in all.
    const int trials = 6, epochs = 4;
    QProcess search;
    search.start(ncf, {"search", "--data", data, "--model", "nonlinear", "--algo", "random",
                       "--trials", QString::number(trials), "--epochs", QString::number(epochs),
                       "--workers", "1", "--threads", "1", "--db", db, "--json"});
    QVERIFY(search.waitForStarted());

    // Wait until one trial has completed and the next is part-way through, then kill.
    QElapsedTimer timer;
    timer.start();
    std::vector<TrialRecord> before;
    bool ready = false;
    while (!ready && timer.elapsed() < 120000 && search.state() == QProcess::Running) {
        QTest::qWait(20);
        Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(db);
        if (!store)
            continue;
        Result<std::vector<TrialRecord>> rows = (*store)->trials(1);
        if (!rows || rows->empty())
            continue;
        int completed = 0;
        bool runningWithEpochs = false;
        for (const TrialRecord &t : *rows) {
            completed += t.status == TrialStatus::Completed;
            runningWithEpochs = runningWithEpochs
                                || (t.status == TrialStatus::Running && t.epochs >= 1
                                    && t.epochs < epochs);
        }
        if (completed >= 1 && runningWithEpochs) {
            before = *rows;
            ready = true;
        }
    }
    QVERIFY2(ready, "the search never reached the state to interrupt");
    search.kill(); // SIGKILL: no chance to clean up
    QVERIFY(search.waitForFinished(10000));

    // Reopened: the completed trials and their epochs are all there, and the trial that was
    // running when the process died reads as interrupted (not failed).
    {
        auto store = std::move(*ExperimentStore::open(db));
        const std::vector<TrialRecord> rows = *store->trials(1);
        QCOMPARE(rows.size(), size_t(trials));
        int interrupted = 0;
        QStringList seen, polled;
        for (const TrialRecord &t : rows) {
            QVERIFY(t.status != TrialStatus::Running && t.status != TrialStatus::Failed);
            interrupted += t.status == TrialStatus::Interrupted;
            seen << QStringLiteral("%1:%2:%3").arg(t.number).arg(trialStatusName(t.status))
                        .arg(t.epochs);
        }
        for (const TrialRecord &t : before)
            polled << QStringLiteral("%1:%2:%3").arg(t.number).arg(trialStatusName(t.status))
                          .arg(t.epochs);
        // One worker: exactly one trial was running.
        QVERIFY2(interrupted == 1, qPrintable(seen.join(' ') + " / polled " + polled.join(' ')));
        QCOMPARE(store->experiment(1)->status, QString("interrupted"));
        for (const TrialRecord &t : before)
            if (t.status == TrialStatus::Completed) {
                QCOMPARE(int(rows[size_t(t.number)].status), int(TrialStatus::Completed));
                QCOMPARE(store->epochs(t.id)->size(), size_t(epochs));
            }
    }

    QProcess resume;
    resume.start(ncf, {"resume", "--db", db, "--json"});
    QVERIFY(resume.waitForFinished(180000));
    QCOMPARE(resume.exitCode(), 0);
    const QJsonObject json = QJsonDocument::fromJson(resume.readAllStandardOutput()).object();
    QCOMPARE(json.value("resumed_interrupted").toInt(), 1);

    auto store = std::move(*ExperimentStore::open(db));
    const std::vector<TrialRecord> rows = *store->trials(1);
    QCOMPARE(rows.size(), size_t(trials));
    for (size_t k = 0; k < rows.size(); ++k) {
        QCOMPARE(int(rows[k].status), int(TrialStatus::Completed));
        QCOMPARE(rows[k].epochs, epochs);
        QCOMPARE(store->epochs(rows[k].id)->size(), size_t(epochs)); // none counted twice
        QCOMPARE(rows[k].config, before[k].config);                  // same configurations
        if (before[k].status == TrialStatus::Completed) // completed work was not redone
            QCOMPARE(rows[k].bestValRmse, before[k].bestValRmse);
    }
    QCOMPARE(store->experiment(1)->status, QString("finished"));
}

QTEST_GUILESS_MAIN(tst_SearchKill)
#include "tst_searchkill.moc"
