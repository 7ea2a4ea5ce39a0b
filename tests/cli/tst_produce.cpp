// `ncf produce` into the embedded broker, read back by an independent client (kcat):
// every stream rating arrives once, in JSON, keyed by user, also after a kill and a rerun.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class tst_Produce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void killedProducerResumes();
    void trainsOnTheSameSplit();

private:
    QStringList consumeAll(const QString &format);

    QTemporaryDir m_dir;
    QString m_kcat;
    QProcess m_broker;
    QString m_bootstrap;
};

void tst_Produce::initTestCase()
{
    m_kcat = QStandardPaths::findExecutable(QStringLiteral("kcat"));
    if (m_kcat.isEmpty())
        QSKIP("kcat is not installed (packaging/install-deps.sh installs it)");
    m_broker.start(QStringLiteral(NCF_BIN_DIR "/ncf"), {"broker", "--partitions", "3"});
    QVERIFY(m_broker.waitForReadyRead(20000));
    m_bootstrap = QString::fromUtf8(m_broker.readLine()).trimmed();
    QCOMPARE(QProcess::execute(QStringLiteral(NCF_BIN_DIR "/ncf"),
                               {"synth", "--shape", "100k", "--out", m_dir.filePath("data"),
                                "--users", "200", "--items", "300", "--ratings", "6000"}),
             0);
}

void tst_Produce::cleanupTestCase()
{
    if (m_broker.state() == QProcess::Running) {
        m_broker.terminate();
        m_broker.waitForFinished(10000);
    }
}

QStringList tst_Produce::consumeAll(const QString &format)
{
    QProcess consumer;
    consumer.start(m_kcat, {"-C", "-b", m_bootstrap, "-t", "movielens", "-e", "-q", "-f",
                            format});
    consumer.waitForFinished(30000);
    return QString::fromUtf8(consumer.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
}

void tst_Produce::killedProducerResumes()
{
    // 6000 ratings, 2000 initial, 4 % of the other 4000 (160) held out: a stream of 3840.
    const QStringList args = {"produce", "--data", m_dir.filePath("data"), "--brokers",
                              m_bootstrap, "--initial", "2000", "--json"};
    QProcess slow;
    slow.start(QStringLiteral(NCF_BIN_DIR "/ncf"), QStringList(args) << "--rate" << "4000");
    QVERIFY(slow.waitForStarted());
    QTest::qWait(400);
    slow.kill(); // part-way through
    QVERIFY(slow.waitForFinished(10000));
    const int before = int(consumeAll(QStringLiteral("%s\\n")).size());
    QVERIFY2(before < 3840, qPrintable(QString::number(before)));

    QProcess rest;
    rest.start(QStringLiteral(NCF_BIN_DIR "/ncf"), args);
    QVERIFY(rest.waitForFinished(60000));
    QCOMPARE(rest.exitCode(), 0);
    const QJsonObject report = QJsonDocument::fromJson(rest.readAllStandardOutput()).object();
    QCOMPARE(report.value("stream").toInt(), 3840);
    QCOMPARE(report.value("skipped").toInt(), before);
    QCOMPARE(report.value("produced").toInt(), 3840 - before);

    // Every rating exactly once, as JSON keyed by its user id.
    const QStringList messages = consumeAll(QStringLiteral("%k\\t%s\\n"));
    QCOMPARE(messages.size(), 3840);
    QSet<QString> distinct;
    for (const QString &line : messages) {
        const QString key = line.section('\t', 0, 0);
        const QJsonObject value = QJsonDocument::fromJson(line.section('\t', 1).toUtf8()).object();
        QCOMPARE(QString::number(value.value("userId").toInt()), key);
        QVERIFY(value.contains("movieId") && value.contains("rating")
                && value.contains("timestamp"));
        distinct.insert(line);
    }
    QCOMPARE(distinct.size(), 3840);
}

void tst_Produce::trainsOnTheSameSplit()
{
    // `ncf train --protocol continual` trains on the initial sample of the very split whose
    // stream the producer replays, and scores the static test set.
    QProcess train;
    train.start(QStringLiteral(NCF_BIN_DIR "/ncf"),
                {"train", "--data", m_dir.filePath("data"), "--model", "mf", "--protocol",
                 "continual", "--initial", "2000", "--epochs", "2", "--threads", "1", "--save",
                 m_dir.filePath("model"), "--json"});
    QVERIFY(train.waitForFinished(60000));
    QCOMPARE(train.exitCode(), 0);
    const QJsonObject json = QJsonDocument::fromJson(train.readAllStandardOutput()).object();
    QCOMPARE(json.value("protocol").toString(), QString("continual"));
    QCOMPARE(json.value("train_ratings").toInt() + json.value("validation_ratings").toInt(),
             2000);
    QCOMPARE(json.value("test_ratings").toInt(), 160);
    QVERIFY(json.value("test_rmse").toDouble() > 0.0);
}

QTEST_GUILESS_MAIN(tst_Produce)
#include "tst_produce.moc"
