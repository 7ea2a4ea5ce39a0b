// `ncf stream` against the embedded broker (`ncf broker`), driven as a user would: the stream
// part of a synthetic file produced with `ncf produce`, or by an independent client (kcat),
// is fine-tuned on step by step. Checks the JSON step lines and the summary against what was
// produced, the SQLite store (read with the sqlite3 command line) against the JSON, a SIGKILL
// in the middle of a fine-tune followed by a restart (nothing applied twice, nothing lost, a
// leftover partial checkpoint ignored), and the command's usage errors.

#include "ncfprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

// 6000 ratings, 2000 initial, 4 % of the other 4000 (160) held out: a stream of 3840.
constexpr int kStream = 3840;

//! `ncf broker` in the background for one test; stopped when it goes out of scope.
struct Broker : Service
{
    QString bootstrap;

    bool start(int partitions)
    {
        if (!Service::start({"broker", "--partitions", QString::number(partitions)}))
            return false;
        bootstrap = address;
        return bootstrap.startsWith(QLatin1String("127.0.0.1:"));
    }
};

//! The step lines and the summary line of `ncf stream --json`.
struct StreamOutput
{
    QList<QJsonObject> steps;
    QJsonObject summary;
    QStringList garbage; // lines that are not JSON objects
};

StreamOutput parseStream(const QByteArray &out)
{
    StreamOutput parsed;
    for (const QByteArray &line : out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (!doc.isObject())
            parsed.garbage << QString::fromUtf8(line);
        else if (doc.object().contains(QLatin1String("summary")))
            parsed.summary = doc.object().value(QLatin1String("summary")).toObject();
        else
            parsed.steps << doc.object();
    }
    return parsed;
}

qint64 offsetsTotal(const QJsonObject &offsets)
{
    qint64 total = 0;
    for (auto it = offsets.begin(); it != offsets.end(); ++it)
        total += it.value().toInteger();
    return total;
}

//! Rows of a query as JSON objects (sqlite3 -json), in the order the query gives them.
QList<QJsonObject> sqliteRows(const QString &db, const QString &sql)
{
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {"-batch", "-json", db, sql});
    p.waitForFinished(30000);
    QList<QJsonObject> rows;
    for (const QJsonValue &v : QJsonDocument::fromJson(p.readAllStandardOutput()).array())
        rows << v.toObject();
    return rows;
}

QString stepFolder(const QString &stateDir, int step)
{
    return QDir(stateDir).filePath(QStringLiteral("step-%1").arg(step, 6, 10, QLatin1Char('0')));
}

//! Step numbers of the complete (renamed) checkpoint folders, ascending.
QList<int> completeSteps(const QString &stateDir)
{
    QList<int> steps;
    for (const QString &name : QDir(stateDir).entryList({"step-*"}, QDir::Dirs)) {
        bool ok = false;
        const int step = name.mid(5).toInt(&ok);
        if (ok)
            steps << step;
    }
    std::sort(steps.begin(), steps.end());
    return steps;
}

bool copyFolder(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    for (const QString &name : QDir(from).entryList(QDir::Files))
        if (!QFile::copy(QDir(from).filePath(name), QDir(to).filePath(name)))
            return false;
    return true;
}

} // namespace

class tst_Stream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void endToEnd();
    void killDuringFineTuneAndRestart();
    void kcatInterop();
    void usageErrors();
    void oneConsumerPerStateFolder();

private:
    int produce(const QString &bootstrap);
    void checkSteps(const QList<QJsonObject> &steps, const QString &stateDir, int buffer);

    QTemporaryDir m_dir;
    QString m_data;
    QString m_model; // mf, trained on the continual split's initial 2000 ratings
    bool m_sqlite = false;
};

void tst_Stream::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_sqlite = !QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty();
    m_data = m_dir.filePath(QStringLiteral("data"));
    m_model = m_dir.filePath(QStringLiteral("mf"));
    QCOMPARE(runNcf({"synth", "--shape", "100k", "--out", m_data, "--users", "200", "--items",
                     "300", "--ratings", "6000"})
                 .rc,
             0);
    const Run train = runNcf({"train", "--data", m_data, "--protocol", "continual", "--initial",
                              "2000", "--model", "mf", "--epochs", "2", "--threads", "1",
                              "--save", m_model, "--json"});
    QVERIFY2(train.rc == 0, train.err.constData());
}

int tst_Stream::produce(const QString &bootstrap)
{
    const Run run = runNcf({"produce", "--data", m_data, "--brokers", bootstrap, "--initial",
                            "2000", "--json"});
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    if (run.rc != 0 || report.value("failed").toInt() != 0
        || report.value("produced").toInt() != report.value("stream").toInt())
        return -1;
    return report.value("stream").toInt();
}

//! What holds for every run's step lines: consecutive numbers, offsets that advance by the
//! messages of each step, counts that add up, checkpoint folders where they are said to be.
void tst_Stream::checkSteps(const QList<QJsonObject> &steps, const QString &stateDir,
                            int buffer)
{
    for (qsizetype k = 0; k < steps.size(); ++k) {
        const QJsonObject &s = steps[k];
        const int step = s.value("step").toInt();
        const QString where = QStringLiteral("step %1").arg(step);
        QCOMPARE(s.value("checkpoint").toString(), stepFolder(stateDir, step));
        QCOMPARE(s.value("messages").toInteger(),
                 s.value("ratings").toInteger() + s.value("malformed").toInteger());
        QVERIFY2(s.value("ratings").toInteger() <= buffer, qPrintable(where));
        const double testMse = s.value("test_mse").toDouble();
        QVERIFY2(testMse > 0.0 && testMse < 1.0, qPrintable(where));
        const double range = s.value("scale_range").toDouble();
        QCOMPARE(range, 4.0); // ratings 1 to 5 on a min-max scale
        QVERIFY(std::abs(s.value("test_mse_true").toDouble() - testMse * range * range)
                < 1e-12);
        QVERIFY(s.value("old_mse").toDouble() > 0.0);
        if (step == 0) {
            QCOMPARE(s.value("messages").toInt(), 0);
            QCOMPARE(s.value("offsets").toObject(), QJsonObject());
            continue;
        }
        QVERIFY2(s.value("ratings").toInteger() > 0, qPrintable(where));
        QCOMPARE(s.value("train_ratings").toInteger() + s.value("validation_ratings").toInteger(),
                 s.value("ratings").toInteger());
        QVERIFY2(s.value("train_ratings").toInteger() > s.value("validation_ratings").toInteger(),
                 qPrintable(where));
        QVERIFY2(s.value("val_mse").isDouble() && s.value("train_mse").isDouble(),
                 qPrintable(where));
        if (k == 0)
            continue;
        const QJsonObject &previous = steps[k - 1];
        QCOMPARE(step, previous.value("step").toInt() + 1);
        QCOMPARE(offsetsTotal(s.value("offsets").toObject())
                     - offsetsTotal(previous.value("offsets").toObject()),
                 s.value("messages").toInteger());
        // Each partition only moves forward.
        const QJsonObject before = previous.value("offsets").toObject();
        const QJsonObject after = s.value("offsets").toObject();
        for (auto it = before.begin(); it != before.end(); ++it)
            QVERIFY2(after.value(it.key()).toInteger() >= it.value().toInteger(),
                     qPrintable(where + " partition " + it.key()));
        QCOMPARE(s.value("users").toInteger(),
                 previous.value("users").toInteger() + s.value("new_users").toInteger());
        QCOMPARE(s.value("items").toInteger(),
                 previous.value("items").toInteger() + s.value("new_items").toInteger());
    }
}

void tst_Stream::endToEnd()
{
    if (!m_sqlite)
        QSKIP("the sqlite3 command line is not installed");
    Broker broker;
    QVERIFY(broker.start(2));
    const int stream = produce(broker.bootstrap);
    QCOMPARE(stream, kStream);

    const QString model = m_dir.filePath(QStringLiteral("endToEnd"));
    QVERIFY(copyFolder(m_model, model));
    const QString db = m_dir.filePath(QStringLiteral("endToEnd.sqlite"));
    const int buffer = 500;
    const Run run = runNcf({"stream", "--brokers", broker.bootstrap, "--model", model, "--data",
                            m_data, "--buffer", QString::number(buffer), "--trigger", "600s",
                            "--threads", "1", "--until-end", "--db", db, "--json"});
    QVERIFY2(run.rc == 0, run.err.constData());
    const StreamOutput out = parseStream(run.out);
    QVERIFY2(out.garbage.isEmpty(), qPrintable(out.garbage.join('\n')));
    const QString stateDir = QDir(model).filePath(QStringLiteral("stream"));

    // Step 0 (the starting model), then full buffers of 500 and the rest at the end.
    const int expectedSteps = (stream + buffer - 1) / buffer;
    QCOMPARE(out.steps.size(), qsizetype(expectedSteps + 1));
    QCOMPARE(out.steps.first().value("step").toInt(), 0);
    checkSteps(out.steps, stateDir, buffer);
    if (QTest::currentTestFailed())
        return;
    qint64 messages = 0;
    for (qsizetype k = 1; k < out.steps.size(); ++k) {
        const QJsonObject &s = out.steps[k];
        QCOMPARE(s.value("ratings").toInteger(), qMin<qint64>(buffer, stream - messages));
        QCOMPARE(s.value("malformed").toInt(), 0);
        messages += s.value("messages").toInteger();
    }
    QCOMPARE(messages, qint64(stream));
    const QJsonObject last = out.steps.last();
    QCOMPARE(last.value("lag").toInt(), 0);

    const QJsonObject &summary = out.summary;
    QCOMPARE(summary.value("first_step").toInt(), 0);
    QCOMPARE(summary.value("last_step").toInt(), expectedSteps);
    QCOMPARE(summary.value("messages").toInt(), stream);
    QCOMPARE(summary.value("malformed").toInt(), 0);
    QCOMPARE(summary.value("applied").toInt(), stream);
    QCOMPARE(summary.value("cancelled").toBool(), false);
    QCOMPARE(summary.value("offsets").toObject().size(), qsizetype(2)); // both partitions
    QCOMPARE(offsetsTotal(summary.value("offsets").toObject()), qint64(stream));
    QCOMPARE(summary.value("offsets").toObject(), last.value("offsets").toObject());
    QCOMPARE(summary.value("checkpoint").toString(), last.value("checkpoint").toString());
    QVERIFY(summary.value("seconds").toDouble() >= summary.value("consume_seconds").toDouble());

    // The default --keep 3: the newest three checkpoints stay, no partial folder is left.
    QCOMPARE(completeSteps(stateDir),
             QList<int>({expectedSteps - 2, expectedSteps - 1, expectedSteps}));
    QCOMPARE(QDir(stateDir).entryList({"*.partial"}, QDir::Dirs), QStringList());

    // The store holds one row per step line with the same figures and the whole record.
    const QList<QJsonObject> rows = sqliteRows(
        db, "SELECT step, messages, malformed, ratings, new_users, new_items, users, items, "
            "test_mse, val_mse, lag, offsets, record FROM stream_steps ORDER BY step");
    QCOMPARE(rows.size(), out.steps.size());
    qint64 dbMessages = 0;
    for (qsizetype k = 0; k < rows.size(); ++k) {
        const QJsonObject &row = rows[k];
        const QJsonObject &line = out.steps[k];
        for (const char *key : {"step", "messages", "malformed", "ratings", "new_users",
                                "new_items", "users", "items", "lag"})
            QVERIFY2(row.value(key).toInteger() == line.value(key).toInteger(),
                     qPrintable(QStringLiteral("step %1: %2").arg(k).arg(key)));
        const double testMse = line.value("test_mse").toDouble();
        QVERIFY(std::abs(row.value("test_mse").toDouble() - testMse) <= 1e-12 * testMse);
        if (k > 0)
            QVERIFY(std::abs(row.value("val_mse").toDouble() - line.value("val_mse").toDouble())
                    <= 1e-12 * line.value("val_mse").toDouble());
        QCOMPARE(QJsonDocument::fromJson(row.value("offsets").toString().toUtf8()).object(),
                 line.value("offsets").toObject());
        QCOMPARE(QJsonDocument::fromJson(row.value("record").toString().toUtf8()).object(), line);
        if (k > 0)
            dbMessages += row.value("messages").toInteger();
    }
    QCOMPARE(dbMessages, qint64(stream));
    const QList<QJsonObject> runs = sqliteRows(
        db, "SELECT id, state_dir, model_dir, brokers, topic, consumer_group, status "
            "FROM stream_runs");
    QCOMPARE(runs.size(), qsizetype(1));
    QCOMPARE(runs[0].value("state_dir").toString(), stateDir);
    QCOMPARE(runs[0].value("model_dir").toString(), model);
    QCOMPARE(runs[0].value("brokers").toString(), broker.bootstrap);
    QCOMPARE(runs[0].value("topic").toString(), QString("movielens"));
    QCOMPARE(runs[0].value("consumer_group").toString(), QString("ncf-stream"));
    QCOMPARE(runs[0].value("status").toString(), QString("finished"));

    // A second run finds the topic read to its end: no new step, the same offsets.
    const Run again = runNcf({"stream", "--brokers", broker.bootstrap, "--model", model,
                              "--data", m_data, "--threads", "1", "--until-end", "--db", db,
                              "--json"});
    QVERIFY2(again.rc == 0, again.err.constData());
    const StreamOutput rerun = parseStream(again.out);
    QCOMPARE(rerun.steps.size(), qsizetype(0));
    QCOMPARE(rerun.summary.value("first_step").toInt(), expectedSteps);
    QCOMPARE(rerun.summary.value("last_step").toInt(), expectedSteps);
    QCOMPARE(rerun.summary.value("messages").toInt(), 0);
    QCOMPARE(rerun.summary.value("offsets").toObject(), summary.value("offsets").toObject());
    QCOMPARE(sqliteRows(db, "SELECT count(*) AS n FROM stream_steps")[0].value("n").toInt(),
             expectedSteps + 1);
}

void tst_Stream::killDuringFineTuneAndRestart()
{
    if (!m_sqlite)
        QSKIP("the sqlite3 command line is not installed");
    Broker broker;
    QVERIFY(broker.start(2));
    const int stream = produce(broker.bootstrap);
    QCOMPARE(stream, kStream);

    // A non-linear model whose fine-tuning (100 epochs of 240 ratings, no early stop) takes
    // far longer than consuming a buffer or writing a checkpoint.
    const QString model = m_dir.filePath(QStringLiteral("kill"));
    const Run train = runNcf({"train", "--data", m_data, "--protocol", "continual", "--initial",
                              "2000", "--model", "nonlinear", "--param", "hidden=512,128",
                              "--param", "patience=1000", "--epochs", "2", "--threads", "1",
                              "--save", model, "--json"});
    QVERIFY2(train.rc == 0, train.err.constData());
    const QString stateDir = QDir(model).filePath(QStringLiteral("stream"));
    const QString db = m_dir.filePath(QStringLiteral("kill.sqlite"));
    const QStringList args = {"stream", "--brokers", broker.bootstrap, "--model", model,
                              "--data", m_data, "--buffer", "300", "--epochs", "100",
                              "--trigger", "600s", "--threads", "1", "--db", db, "--json"};

    QProcess first;
    first.start(kNcf, args);
    QVERIFY(first.waitForStarted());
    QList<QJsonObject> printed;
    QElapsedTimer timer;
    timer.start();
    while (printed.size() < 2 && timer.elapsed() < 120000
           && first.state() == QProcess::Running) {
        if (!first.canReadLine() && !first.waitForReadyRead(1000))
            continue;
        while (first.canReadLine())
            printed << QJsonDocument::fromJson(first.readLine()).object();
    }
    QVERIFY2(printed.size() >= 2, first.readAllStandardError().constData());
    QCOMPARE(printed[0].value("step").toInt(), 0);
    QCOMPARE(printed[1].value("step").toInt(), 1);
    QTest::qWait(150); // the next buffer is read within milliseconds; then it fine-tunes
    QCOMPARE(first.state(), QProcess::Running);
    first.kill(); // SIGKILL: no chance to clean up
    QVERIFY(first.waitForFinished(10000));
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);
    while (first.canReadLine())
        printed << QJsonDocument::fromJson(first.readLine()).object();

    // Where the killed run stands: its newest complete checkpoint, which may be newer than
    // the last line read.
    const QList<int> complete = completeSteps(stateDir);
    QVERIFY(!complete.isEmpty());
    const int latest = complete.last();
    QVERIFY(latest >= printed.last().value("step").toInt());
    QFile record(QDir(stepFolder(stateDir, latest)).filePath("stream-step.json"));
    QVERIFY(record.open(QIODevice::ReadOnly));
    const QJsonObject latestRecord = QJsonDocument::fromJson(record.readAll()).object();
    record.close();
    QCOMPARE(latestRecord.value("step").toInt(), latest);
    const qint64 resumeAt = offsetsTotal(latestRecord.value("offsets").toObject());
    QVERIFY2(resumeAt < stream, "the run finished the stream before it was killed");

    // A partial folder as a crash in the middle of writing step latest + 1 leaves it, with a
    // record that claims the whole stream: a restart must ignore it.
    const QString partial = stepFolder(stateDir, latest + 1) + QStringLiteral(".partial");
    const QStringList leftByKill = QDir(stateDir).entryList({"*.partial"}, QDir::Dirs);
    qInfo("killed after step %d was printed; newest checkpoint %d; partial folders left: %s",
          printed.last().value("step").toInt(), latest, qPrintable(leftByKill.join(' ')));
    QDir(partial).removeRecursively(); // the kill's own, if it was writing this step
    QVERIFY(copyFolder(stepFolder(stateDir, latest), partial));
    QJsonObject forged = latestRecord;
    forged.insert("step", latest + 1);
    forged.insert("offsets", QJsonObject{{"0", stream}, {"1", stream}});
    QFile forgedFile(QDir(partial).filePath("stream-step.json"));
    QVERIFY(forgedFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(forgedFile.write(QJsonDocument(forged).toJson()) > 0);
    forgedFile.close();
    // And the store without the newest step's row, as a kill between the checkpoint's rename
    // and the row's insert leaves it: the restart adds it back from the checkpoint.
    QCOMPARE(sqliteRows(db, QStringLiteral("DELETE FROM stream_steps WHERE step = %1 "
                                           "RETURNING step").arg(latest))
                 .size(),
             qsizetype(1));

    const Run second = runNcf(QStringList(args) << "--until-end");
    QVERIFY2(second.rc == 0, second.err.constData());
    const StreamOutput out = parseStream(second.out);
    QVERIFY2(out.garbage.isEmpty(), qPrintable(out.garbage.join('\n')));
    QVERIFY(!out.steps.isEmpty());
    QCOMPARE(out.summary.value("first_step").toInt(), latest);
    QCOMPARE(out.steps.first().value("step").toInt(), latest + 1);
    // The first new step starts where the checkpoint's offsets say.
    QCOMPARE(offsetsTotal(out.steps.first().value("offsets").toObject())
                 - out.steps.first().value("messages").toInteger(),
             resumeAt);
    checkSteps(out.steps, stateDir, 300);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(out.summary.value("messages").toInteger(), stream - resumeAt);
    QCOMPARE(out.summary.value("applied").toInteger(), stream - resumeAt);
    QCOMPARE(out.summary.value("last_step").toInt(), out.steps.last().value("step").toInt());
    QCOMPARE(offsetsTotal(out.summary.value("offsets").toObject()), qint64(stream));
    QVERIFY(!QDir(partial).exists());

    // The store: every step from 0 once, messages adding up to the stream exactly, each
    // step's offsets advancing by its messages; the killed run's lines are its rows.
    const QList<QJsonObject> rows = sqliteRows(
        db, "SELECT step, messages, offsets, record FROM stream_steps ORDER BY step");
    const int lastStep = out.summary.value("last_step").toInt();
    QCOMPARE(rows.size(), qsizetype(lastStep + 1));
    QSet<int> seen;
    qint64 total = 0, previousOffsets = 0;
    for (qsizetype k = 0; k < rows.size(); ++k) {
        const int step = rows[k].value("step").toInt();
        QVERIFY2(!seen.contains(step), qPrintable(QStringLiteral("step %1 twice").arg(step)));
        seen.insert(step);
        QCOMPARE(step, int(k));
        const qint64 offsets = offsetsTotal(
            QJsonDocument::fromJson(rows[k].value("offsets").toString().toUtf8()).object());
        QCOMPARE(offsets - previousOffsets, rows[k].value("messages").toInteger());
        previousOffsets = offsets;
        if (step >= 1)
            total += rows[k].value("messages").toInteger();
    }
    QCOMPARE(total, qint64(stream));
    QCOMPARE(previousOffsets, qint64(stream));
    for (const QJsonObject &line : printed) {
        const int step = line.value("step").toInt();
        QVERIFY(step <= latest);
        const QJsonObject row
            = QJsonDocument::fromJson(rows[step].value("record").toString().toUtf8()).object();
        if (step < latest) {
            QCOMPARE(row, line);
            continue;
        }
        // The re-added row comes from the checkpoint's record.
        QCOMPARE(row.value("step").toInt(), latest);
        for (const char *key : {"offsets", "messages", "ratings", "users", "items", "test_mse",
                                "val_mse", "checkpoint"})
            QVERIFY2(row.value(key) == line.value(key), key);
    }
    for (const QJsonObject &line : out.steps)
        QCOMPARE(QJsonDocument::fromJson(
                     rows[line.value("step").toInt()].value("record").toString().toUtf8())
                     .object(),
                 line);
    const QList<QJsonObject> runs = sqliteRows(db, "SELECT status FROM stream_runs");
    QCOMPARE(runs.size(), qsizetype(1)); // the restart continued the same run
    QCOMPARE(runs[0].value("status").toString(), QString("finished"));
}

void tst_Stream::kcatInterop()
{
    const QString kcat = QStandardPaths::findExecutable(QStringLiteral("kcat"));
    if (kcat.isEmpty())
        QSKIP("kcat is not installed (packaging/install-deps.sh installs it)");
    Broker broker;
    QVERIFY(broker.start(2));

    // Twenty ratings of the file's users and movies, in JSON with spaces and keys in another
    // order, one of an unseen user of an unseen movie, and one line that is not JSON.
    QFile file(QDir(m_data).filePath("u.data"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray lines;
    int valid = 0;
    while (valid < 20) {
        const QList<QByteArray> f = file.readLine().trimmed().split('\t');
        QCOMPARE(f.size(), qsizetype(4));
        lines += f[0] + ':'
                 + (valid % 2 ? "{\"userId\": " + f[0] + ", \"movieId\": " + f[1]
                                    + ", \"rating\": " + f[2] + ".0, \"timestamp\": " + f[3] + "}"
                              : "{ \"timestamp\" : " + f[3] + " , \"rating\" : " + f[2]
                                    + " , \"movieId\" : " + f[1] + " , \"userId\" : " + f[0]
                                    + " }")
                 + '\n';
        ++valid;
    }
    lines += "99999:{\"userId\": 99999, \"movieId\": 99998, \"rating\": 4.5, \"timestamp\": 1}\n";
    ++valid;
    lines += "7:this is not a rating\n";
    const int produced = valid + 1;

    QProcess producer;
    producer.start(kcat, {"-P", "-b", broker.bootstrap, "-t", "topicX", "-K:"});
    QVERIFY(producer.waitForStarted());
    producer.write(lines);
    producer.closeWriteChannel();
    QVERIFY(producer.waitForFinished(30000));
    QCOMPARE(producer.exitCode(), 0);

    const QString state = m_dir.filePath(QStringLiteral("kcat-state"));
    const Run run = runNcf({"stream", "--brokers", broker.bootstrap, "--topic", "topicX",
                            "--model", m_model, "--state", state, "--data", m_data, "--threads",
                            "1", "--until-end", "--json"});
    QVERIFY2(run.rc == 0, run.err.constData());
    const StreamOutput out = parseStream(run.out);
    QVERIFY2(out.garbage.isEmpty(), qPrintable(out.garbage.join('\n')));
    QCOMPARE(out.summary.value("messages").toInt(), produced);
    QCOMPARE(out.summary.value("malformed").toInt(), 1);
    QCOMPARE(out.summary.value("applied").toInt(), valid);
    QCOMPARE(offsetsTotal(out.summary.value("offsets").toObject()), qint64(produced));
    QVERIFY(run.err.contains("malformed"));
    // Step 0, then one step with everything (the default buffer is far larger).
    QCOMPARE(out.steps.size(), qsizetype(2));
    const QJsonObject &s = out.steps[1];
    QCOMPARE(s.value("step").toInt(), 1);
    QCOMPARE(s.value("messages").toInt(), produced);
    QCOMPARE(s.value("malformed").toInt(), 1);
    QCOMPARE(s.value("ratings").toInt(), valid);
    QCOMPARE(s.value("new_users").toInt(), 1);
    QCOMPARE(s.value("new_items").toInt(), 1);
    QCOMPARE(s.value("users").toInteger(), out.steps[0].value("users").toInteger() + 1);
    QCOMPARE(s.value("items").toInteger(), out.steps[0].value("items").toInteger() + 1);
    QCOMPARE(s.value("checkpoint").toString(), stepFolder(state, 1));
    QVERIFY(QFile::exists(QDir(stepFolder(state, 1)).filePath("stream-step.json")));
    // --state keeps the model folder itself untouched.
    QVERIFY(!QDir(QDir(m_model).filePath("stream")).exists());
}

void tst_Stream::usageErrors()
{
    // No --model: a usage error, exit 2, before any broker is contacted.
    const Run noModel = runNcf({"stream", "--brokers", "127.0.0.1:1", "--data", m_data});
    QCOMPARE(noModel.rc, 2);
    QVERIFY2(noModel.err.contains("--model"), noModel.err.constData());
    QCOMPARE(runNcf({"stream"}).rc, 2);
    const Run badBuffer = runNcf({"stream", "--brokers", "127.0.0.1:1", "--model", m_model,
                                  "--data", m_data, "--buffer", "0"});
    QCOMPARE(badBuffer.rc, 2);
    QVERIFY2(badBuffer.err.contains("--buffer"), badBuffer.err.constData());

    // A model trained on a plain holdout has no recorded split: exit 1, naming the folder,
    // and no checkpoint written.
    const QString holdout = m_dir.filePath(QStringLiteral("holdout-model"));
    QCOMPARE(runNcf({"train", "--data", m_data, "--model", "mf", "--epochs", "1", "--threads",
                     "1", "--save", holdout})
                 .rc,
             0);
    const Run noSplit = runNcf({"stream", "--brokers", "127.0.0.1:1", "--model", holdout,
                                "--data", m_data, "--json"});
    QCOMPARE(noSplit.rc, 1);
    QVERIFY2(noSplit.err.contains(holdout.toUtf8()), noSplit.err.constData());
    QVERIFY2(noSplit.err.contains("--protocol continual"), noSplit.err.constData());
    QVERIFY(!QDir(QDir(holdout).filePath("stream")).exists());

    // The same model with the split named on the command line streams (an empty topic).
    Broker broker;
    QVERIFY(broker.start(1));
    const Run withSplit = runNcf({"stream", "--brokers", broker.bootstrap, "--model", holdout,
                                  "--data", m_data, "--initial", "2000", "--threads", "1",
                                  "--until-end", "--json"});
    QVERIFY2(withSplit.rc == 0, withSplit.err.constData());
    const StreamOutput out = parseStream(withSplit.out);
    QCOMPARE(out.steps.size(), qsizetype(1));
    QCOMPARE(out.steps[0].value("step").toInt(), 0);
    QCOMPARE(out.summary.value("messages").toInt(), 0);
    QVERIFY(QDir(stepFolder(QDir(holdout).filePath("stream"), 0)).exists());
}

void tst_Stream::oneConsumerPerStateFolder()
{
    // Two consumers on one checkpoint folder would apply the same ratings to two diverging
    // models: the second is refused while the first runs, and may go once it has stopped.
    Broker broker;
    QVERIFY(broker.start(1));
    const QString state = m_dir.filePath(QStringLiteral("locked-state"));
    const QStringList args = {"stream", "--brokers", broker.bootstrap, "--model", m_model,
                              "--state", state, "--data", m_data, "--threads", "1", "--json"};
    QProcess first;
    first.start(kNcf, args);
    QVERIFY(first.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(QDir(stepFolder(state, 0)).exists(), 60000);
    const Run second = runNcf(QStringList(args) << "--until-end");
    QCOMPARE(second.rc, 1);
    QVERIFY2(second.err.contains("another consumer"), second.err.constData());
    first.terminate();
    QVERIFY(first.waitForFinished(30000));
    QCOMPARE(first.exitCode(), 0);
    const Run third = runNcf(QStringList(args) << "--until-end");
    QVERIFY2(third.rc == 0, third.err.constData());
}

QTEST_GUILESS_MAIN(tst_Stream)
#include "tst_stream.moc"
