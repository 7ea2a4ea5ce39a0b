// `ncf broker`: the embedded Kafka broker speaks the real protocol to an independent client.

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

class tst_Broker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesAnIndependentClient();
    void badOptions();
};

void tst_Broker::servesAnIndependentClient()
{
    const QString kcat = QStandardPaths::findExecutable(QStringLiteral("kcat"));
    if (kcat.isEmpty())
        QSKIP("kcat is not installed (packaging/install-deps.sh installs it)");

    QProcess broker;
    broker.start(QStringLiteral(NCF_BIN_DIR "/ncf"), {"broker", "--partitions", "2"});
    QVERIFY(broker.waitForStarted());
    QVERIFY(broker.waitForReadyRead(20000));
    const QString first = QString::fromUtf8(broker.readLine()).trimmed();
    QVERIFY2(QRegularExpression(QStringLiteral("^127\\.0\\.0\\.1:\\d+$")).match(first).hasMatch(),
             qPrintable(first));

    // Metadata: the movielens topic with the partitions asked for.
    QProcess metadata;
    metadata.start(kcat, {"-L", "-b", first, "-t", "movielens"});
    QVERIFY(metadata.waitForFinished(20000));
    const QString listing = QString::fromUtf8(metadata.readAllStandardOutput());
    QVERIFY2(listing.contains(QStringLiteral("topic \"movielens\" with 2 partitions")),
             qPrintable(listing));

    // A message written by kcat is read back by kcat.
    QProcess producer;
    producer.start(kcat, {"-P", "-b", first, "-t", "movielens", "-p", "1"});
    QVERIFY(producer.waitForStarted());
    producer.write("{\"userId\": 1, \"movieId\": 31, \"rating\": 2.5, "
                   "\"timestamp\": 1260759144}\n");
    producer.closeWriteChannel();
    QVERIFY(producer.waitForFinished(20000));
    QCOMPARE(producer.exitCode(), 0);
    QProcess consumer;
    consumer.start(kcat, {"-C", "-b", first, "-t", "movielens", "-p", "1", "-c", "1", "-e",
                          "-q"});
    QVERIFY(consumer.waitForFinished(20000));
    QCOMPARE(QString::fromUtf8(consumer.readAllStandardOutput()).trimmed(),
             QStringLiteral("{\"userId\": 1, \"movieId\": 31, \"rating\": 2.5, "
                            "\"timestamp\": 1260759144}"));

    broker.terminate(); // SIGTERM: a clean stop
    QVERIFY(broker.waitForFinished(10000));
    QCOMPARE(broker.exitStatus(), QProcess::NormalExit);
    QCOMPARE(broker.exitCode(), 0);
}

void tst_Broker::badOptions()
{
    QCOMPARE(QProcess::execute(QStringLiteral(NCF_BIN_DIR "/ncf"),
                               {"broker", "--partitions", "0"}),
             2);
}

QTEST_GUILESS_MAIN(tst_Broker)
#include "tst_broker.moc"
