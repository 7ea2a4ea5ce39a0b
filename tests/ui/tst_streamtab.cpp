// Drives the real Stream tab offscreen against the embedded broker: train the starting
// model, produce the stream, fine-tune from it, serve, export, and restore from the store.

#include "core/data/synth.h"
#include "core/report/table.h"
#include "ui/chartcard.h"
#include "ui/datatab.h"
#include "ui/streamtab.h"
#include "ui/tablecard.h"
#include "ui/tablemodel.h"
#include "uitestfixture.h"

#include <QChart>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineSeries>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Ncf;
using namespace Ncf::Ui;

namespace {

QLineSeries *line(ChartCard *card, int index)
{
    return qobject_cast<QLineSeries *>(card->chart()->series().at(index));
}

qint64 messagesOf(const std::vector<StreamStep> &steps)
{
    qint64 total = 0;
    for (const StreamStep &s : steps)
        total += s.messages;
    return total;
}

QJsonObject getJson(const QUrl &url)
{
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(url));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

} // namespace

class tst_StreamTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trainProduceFineTuneServeExport();
    void restoresStepsFromTheStore();
    void destroyWhileConsuming();

private:
    QTemporaryDir m_dir;
    QString m_data;
    QString m_db;
    QString m_model;
    std::vector<StreamStep> m_steps;
};

void tst_StreamTab::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    Result<QString> written
        = UiFixture::writeSmallDataset(m_dir.filePath(QStringLiteral("data")));
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error()));
    m_data = *written;
    m_db = m_dir.filePath(QStringLiteral("experiments.sqlite"));
    m_model = m_dir.filePath(QStringLiteral("model"));
}

void tst_StreamTab::trainProduceFineTuneServeExport()
{
    QWidget window;
    auto *data = new DataTab(&window);
    auto *tab = new StreamTab(data, &window);
    window.resize(1300, 900);
    tab->resize(1300, 900);
    window.show();
    QSignalSpy loaded(data, &DataTab::datasetLoaded);
    data->open(m_data);
    QVERIFY(loaded.wait(20000));
    tab->setDatabasePath(m_db);
    tab->setModelDir(m_model);
    tab->setSplit(2000, 0.05);
    QVERIFY(tab->steps().empty());

    // The starting model, trained off the GUI thread on the split's initial sample.
    QSignalSpy trained(tab, &StreamTab::initialModelTrained);
    QSignalSpy trainFailed(tab, &StreamTab::initialModelFailed);
    tab->trainInitialModel();
    QVERIFY(tab->isTraining());
    QTRY_VERIFY_WITH_TIMEOUT(!trained.isEmpty() || !trainFailed.isEmpty(), 120000);
    QVERIFY2(trainFailed.isEmpty(),
             trainFailed.isEmpty() ? "" : qPrintable(trainFailed.first().first().toString()));
    QVERIFY(QFile::exists(QDir(m_model).filePath(QStringLiteral("model.json"))));

    // The producer replays the stream part: 6000 - 2000 initial - 5 % of 4000 as test set.
    QSignalSpy produced(tab, &StreamTab::producerFinished);
    tab->startProducer();
    QVERIFY(!tab->bootstrapServers().isEmpty());
    QVERIFY(tab->bootstrapServers().startsWith(QLatin1String("127.0.0.1:")));
    QTRY_VERIFY_WITH_TIMEOUT(!produced.isEmpty(), 60000);
    const qint64 stream = 6000 - 2000 - 200;
    QCOMPARE(tab->produced(), stream);

    // The consumer fine-tunes every 1000 ratings and applies the rest after the trigger.
    tab->setConsumerSettings(1000, 1.0, 1);
    QSignalSpy steps(tab, &StreamTab::stepAdded);
    tab->startConsumer();
    QVERIFY(tab->isConsuming());
    QTRY_COMPARE_WITH_TIMEOUT(messagesOf(tab->steps()), stream, 120000);
    QCOMPARE(tab->lastStatus().broker, StreamStatus::Broker::Connected);
    const std::vector<StreamStep> &seen = tab->steps();
    QVERIFY(seen.size() >= 5); // step 0, three full buffers, the rest
    for (size_t k = 0; k < seen.size(); ++k) {
        QCOMPARE(seen[k].step, int(k));
        QVERIFY(std::isfinite(seen[k].testMse));
        if (k > 0)
            QCOMPARE(seen[k].trainRatings + seen[k].validationRatings, seen[k].ratings);
    }
    QCOMPARE(seen[1].ratings, 1000);
    QCOMPARE(steps.size(), int(seen.size()));

    // Charts: one point per step (validation from step 1), the live series have points.
    QTest::qWait(400);
    QCOMPARE(line(tab->mseChart(), 0)->count(), int(seen.size()));
    QCOMPARE(line(tab->mseChart(), 1)->count(), int(seen.size()) - 1);
    QCOMPARE(line(tab->mseChart(), 2)->count(), int(seen.size()));
    QCOMPARE(line(tab->mseChart(), 0)->at(1).y(), seen[1].trueScale(seen[1].testMse));
    QCOMPARE(line(tab->growthChart(), 0)->count(), int(seen.size()));
    QVERIFY(line(tab->bufferChart(), 0)->count() > 0);
    QVERIFY(line(tab->lagChart(), 0)->count() > 0);
    QCOMPARE(tab->stepTable()->model()->rowCount(), int(seen.size()));
    QCOMPARE(tab->stepTable()->model()->index(1, 1).data().toString(), QStringLiteral("1000"));

    // The server answers with the latest checkpoint.
    Result<quint16> port = tab->startServer(0);
    QVERIFY2(port.ok(), port.ok() ? "" : qPrintable(port.error()));
    const QJsonObject health
        = getJson(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(*port)));
    QCOMPARE(health.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(health.value(QStringLiteral("version")).toInt(), seen.back().step);
    tab->stopServer();

    // Exports: every chart as PNG and SVG, the step table as CSV, Markdown and LaTeX.
    Result<QStringList> files = tab->exportAll(m_dir.filePath(QStringLiteral("export")));
    QVERIFY2(files.ok(), files.ok() ? "" : qPrintable(files.error()));
    QCOMPARE(files->size(), 5 * 2 + 3);
    for (const QString &path : *files) {
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
        if (path.endsWith(QLatin1String(".png")))
            QVERIFY2(!QImage(path).isNull(), qPrintable(path));
    }
    QFile csv(m_dir.filePath(QStringLiteral("export/fine-tuning-steps.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), int(seen.size()) + 1);
    QVERIFY(lines.at(2).startsWith(QLatin1String("1,1000,")));

    QSignalSpy finished(tab, &StreamTab::consumerFinished);
    tab->stopConsumer();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toString(), QString());
    m_steps = seen;
}

void tst_StreamTab::restoresStepsFromTheStore()
{
    QVERIFY(!m_steps.empty());
    DataTab data;
    StreamTab tab(&data);
    tab.setDatabasePath(m_db);
    tab.setModelDir(m_model);
    QCOMPARE(tab.steps().size(), m_steps.size());
    for (size_t k = 0; k < m_steps.size(); ++k) {
        QCOMPARE(tab.steps()[k].step, m_steps[k].step);
        QCOMPARE(tab.steps()[k].testMse, m_steps[k].testMse);
        QCOMPARE(tab.steps()[k].messages, m_steps[k].messages);
    }
    QCOMPARE(tab.stepTable()->model()->rowCount(), int(m_steps.size()));
    QCOMPARE(line(tab.mseChart(), 0)->count(), int(m_steps.size()));
}

void tst_StreamTab::destroyWhileConsuming()
{
    // Closing the tab while the consumer waits for messages stops it and waits for it.
    QVERIFY(!m_steps.empty());
    DataTab data;
    auto *tab = new StreamTab(&data);
    QSignalSpy loaded(&data, &DataTab::datasetLoaded);
    data.open(m_data);
    QVERIFY(loaded.wait(20000));
    tab->setDatabasePath(m_db);
    tab->setModelDir(m_model);
    tab->startConsumer();
    QVERIFY(tab->isConsuming());
    QTRY_VERIFY_WITH_TIMEOUT(tab->lastStatus().phase == QLatin1String("consuming"), 30000);
    delete tab;
    // Nothing was left to apply: the store still holds exactly the steps of the first run.
    StreamTab again(&data);
    again.setDatabasePath(m_db);
    again.setModelDir(m_model);
    QCOMPARE(again.steps().size(), m_steps.size());
}

QTEST_MAIN(tst_StreamTab)
#include "tst_streamtab.moc"
