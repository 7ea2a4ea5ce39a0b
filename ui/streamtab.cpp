#include "ui/streamtab.h"

#include "core/common/logging.h"
#include "core/data/ratingdataset.h"
#include "core/report/table.h"
#include "core/serving/predictionserver.h"
#include "core/storage/experimentstore.h"
#include "core/streaming/checkpoints.h"
#include "core/streaming/embeddedbroker.h"
#include "core/streaming/producer.h"
#include "core/training/continual.h"
#include "ui/cardexport.h"
#include "ui/chartcard.h"
#include "ui/datatab.h"
#include "ui/linechart.h"
#include "ui/tablecard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace Ncf::Ui {

namespace {

QString number(double v, int decimals)
{
    return std::isnan(v) ? QString() : QString::number(v, 'f', decimals);
}

} // namespace

StreamTab::StreamTab(DataTab *data, QWidget *parent)
    : QWidget(parent)
    , m_data(data)
    , m_server(new PredictionServer(this))
    , m_stepTable(new TableCard(tr("Fine-tuning steps"), this))
{
    setObjectName(QStringLiteral("streamTab"));
    m_dbPath = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                   .filePath(QStringLiteral("experiments.sqlite"));
    buildLayout();

    // A small dataset cannot give a million ratings to the initial sample: keep half of it.
    connect(m_data, &DataTab::datasetLoaded, this, [this] {
        if (const auto dataset = m_data->dataset();
            dataset && qint64(m_initial->value()) >= qint64(dataset->data.size()))
            m_initial->setValue(int(dataset->data.size() / 2));
    });
    connect(&m_training, &QFutureWatcherBase::finished, this, [this] {
        const QString error = m_training.result();
        updateButtons();
        if (!error.isEmpty()) {
            Q_EMIT statusMessage(error);
            Q_EMIT initialModelFailed(error);
            return;
        }
        restoreSteps();
        Q_EMIT statusMessage(tr("Initial model saved to %1").arg(modelDir()));
        Q_EMIT initialModelTrained(modelDir());
    });
    connect(&m_producing, &QFutureWatcherBase::finished, this, [this] {
        const QString error = m_producing.result();
        m_produced = m_producedByWorker;
        m_produceBar->setRange(0, int(std::min<qint64>(m_streamSize, INT_MAX)));
        m_produceBar->setValue(int(std::min<qint64>(m_produced, INT_MAX)));
        updateButtons();
        Q_EMIT statusMessage(error.isEmpty() ? tr("Producer finished: %1 ratings sent")
                                                   .arg(m_produced)
                                             : error);
        Q_EMIT producerFinished(m_produced);
    });
    connect(&m_consuming, &QFutureWatcherBase::finished, this, [this] {
        const QString error = m_consuming.result();
        updateButtons();
        m_store.reset();
        Q_EMIT statusMessage(error.isEmpty() ? tr("Consumer stopped") : error);
        Q_EMIT consumerFinished(error);
    });
    connect(m_server, &PredictionServer::reloaded, this, [this](int version, const QString &) {
        m_serverUrl->setText(tr("http://127.0.0.1:%1 (model version %2)")
                                 .arg(m_server->port())
                                 .arg(version));
    });

    // Charts redraw in batches, four times a second at most.
    auto *refresh = new QTimer(this);
    refresh->setInterval(250);
    connect(refresh, &QTimer::timeout, this, [this] {
        if (m_dirty)
            refreshCharts();
    });
    refresh->start();

    QSettings settings;
    m_modelDir->setText(settings.value(QStringLiteral("stream/model"),
                                       QDir(QStandardPaths::writableLocation(
                                                QStandardPaths::AppLocalDataLocation))
                                           .filePath(QStringLiteral("stream-model")))
                            .toString());
    m_external->setChecked(settings.value(QStringLiteral("stream/external"), false).toBool());
    m_bootstrap->setText(settings.value(QStringLiteral("stream/bootstrap")).toString());
    m_topic->setText(settings.value(QStringLiteral("stream/topic"), QStringLiteral("movielens"))
                         .toString());
    updateButtons();
    QTimer::singleShot(0, this, &StreamTab::restoreSteps);
}

StreamTab::~StreamTab()
{
    stopAll();
}

void StreamTab::setModelDir(const QString &dir)
{
    m_modelDir->setText(dir);
    restoreSteps();
}

QString StreamTab::modelDir() const
{
    return m_modelDir->text().trimmed();
}

void StreamTab::setDatabasePath(const QString &path)
{
    m_dbPath = path;
    restoreSteps();
}

void StreamTab::setSplit(qint64 initial, double testFraction)
{
    m_initial->setValue(int(std::min<qint64>(initial, m_initial->maximum())));
    m_testFraction->setValue(testFraction);
}

void StreamTab::setConsumerSettings(qint64 buffer, double triggerSeconds, int epochs)
{
    m_buffer->setValue(int(std::min<qint64>(buffer, m_buffer->maximum())));
    m_trigger->setValue(triggerSeconds);
    m_stepEpochs->setValue(epochs);
}

bool StreamTab::isBusy() const
{
    return isTraining() || isProducing() || isConsuming();
}

QString StreamTab::bootstrapServers() const
{
    if (m_external->isChecked())
        return m_bootstrap->text().trimmed();
    return m_broker ? m_broker->bootstrapServers() : QString();
}

QStringList StreamTab::kafkaConfig() const
{
    QStringList settings;
    for (const QString &line : m_config->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty() && !line.trimmed().startsWith(QLatin1Char('#')))
            settings << line.trimmed();
    return settings;
}

Result<QString> StreamTab::ensureBroker()
{
    if (m_external->isChecked()) {
        if (m_bootstrap->text().trimmed().isEmpty())
            return makeError(tr("Give the bootstrap servers of the external cluster"));
        return m_bootstrap->text().trimmed();
    }
    if (!m_broker) {
        Result<std::unique_ptr<EmbeddedBroker>> started
            = EmbeddedBroker::start(1, m_partitions->value());
        if (!started)
            return makeError(started.error());
        m_broker = std::move(*started);
        m_bootstrap->setText(m_broker->bootstrapServers());
        m_brokerState->setText(tr("Broker: embedded at %1").arg(m_broker->bootstrapServers()));
    }
    return m_broker->bootstrapServers();
}

Result<void> StreamTab::setBrokerDown(bool down)
{
    if (!m_broker)
        return makeError(tr("The embedded broker is not running"));
    return m_broker->setBrokerUp(1, !down);
}

void StreamTab::trainInitialModel()
{
    const std::shared_ptr<const LoadedDataset> dataset = m_data->dataset();
    if (!dataset || isTraining()) {
        Q_EMIT statusMessage(tr("Load a dataset in the Data tab first"));
        return;
    }
    ContinualOptions split;
    split.initial = m_initial->value();
    split.testFraction = m_testFraction->value();
    TrainOptions options;
    options.kind = ModelKind(m_modelKind->currentData().toInt());
    options.params = defaultParams(options.kind);
    options.epochs = m_trainEpochs->value();
    options.threads = std::max(1, QThread::idealThreadCount());
    const QString dir = modelDir();
    m_stopTraining = false;
    saveSettings();
    m_training.setFuture(QtConcurrent::run([this, dataset, split, options, dir]() -> QString {
        Result<ModelEngine *> engine = modelEngine();
        if (!engine)
            return engine.error();
        TrainCallbacks callbacks;
        callbacks.isCanceled = [this] { return m_stopTraining.load(); };
        Result<ContinualTrained> trained
            = trainContinual(**engine, dataset->data, split, 0.9, options, callbacks);
        if (!trained)
            return trained.error();
        if (m_stopTraining)
            return tr("Initial training cancelled; nothing saved");
        // A new starting model makes the old stream state meaningless.
        QDir(defaultStateDir(dir)).removeRecursively();
        if (Result<void> saved = trained->trained.model->save(dir); !saved)
            return saved.error();
        return QString();
    }));
    Q_EMIT statusMessage(tr("Training the initial model on %1 ratings...").arg(split.initial));
    updateButtons();
}

void StreamTab::startProducer()
{
    const std::shared_ptr<const LoadedDataset> dataset = m_data->dataset();
    if (!dataset || isProducing()) {
        Q_EMIT statusMessage(tr("Load a dataset in the Data tab first"));
        return;
    }
    Result<QString> brokers = ensureBroker();
    if (!brokers) {
        Q_EMIT statusMessage(brokers.error());
        return;
    }
    ProduceOptions options;
    options.brokers = *brokers;
    options.topic = m_topic->text().trimmed();
    options.rate = m_rate->value();
    options.split.initial = m_initial->value();
    options.split.testFraction = m_testFraction->value();
    options.config = kafkaConfig();
    m_stopProducing = false;
    m_produced = 0;
    m_producedByWorker = 0;
    saveSettings();
    m_producing.setFuture(QtConcurrent::run([this, dataset, options]() -> QString {
        Result<ProduceReport> report
            = produceStream(dataset->data, options, [this](qint64 done, qint64 total) {
                  QMetaObject::invokeMethod(this, [this, done, total] {
                      m_produceBar->setRange(0, int(std::min<qint64>(total, INT_MAX)));
                      m_produceBar->setValue(int(std::min<qint64>(done, INT_MAX)));
                  }, Qt::QueuedConnection);
                  return !m_stopProducing.load();
              });
        if (!report)
            return report.error();
        // Read by the finished handler on the GUI thread (a blocking call back into the GUI
        // thread here could deadlock with stopAll(), which waits for this worker).
        m_producedByWorker = report->skipped + report->produced;
        m_streamSize = report->stream;
        return QString();
    }));
    updateButtons();
}

void StreamTab::stopProducer()
{
    m_stopProducing = true;
}

void StreamTab::startConsumer()
{
    const std::shared_ptr<const LoadedDataset> dataset = m_data->dataset();
    if (!dataset || isConsuming()) {
        Q_EMIT statusMessage(tr("Load the dataset the model was trained on in the Data tab"));
        return;
    }
    Result<QString> brokers = ensureBroker();
    if (!brokers) {
        Q_EMIT statusMessage(brokers.error());
        return;
    }
    Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(m_dbPath);
    if (!store) {
        Q_EMIT statusMessage(store.error());
        return;
    }
    m_store = std::move(*store);
    StreamOptions options;
    options.brokers = *brokers;
    options.topic = m_topic->text().trimmed();
    options.config = kafkaConfig();
    options.modelDir = modelDir();
    options.buffer = m_buffer->value();
    options.triggerSeconds = m_trigger->value();
    options.epochs = m_stepEpochs->value();
    options.threads = std::max(1, QThread::idealThreadCount());
    m_stopConsuming = false;
    m_clock.start();
    m_bufferPoints.clear();
    m_ingestPoints.clear();
    m_lagPoints.clear();
    saveSettings();
    ExperimentStore *db = m_store.get();
    m_consuming.setFuture(QtConcurrent::run([this, dataset, options, db]() -> QString {
        StreamCallbacks callbacks;
        callbacks.isCanceled = [this] { return m_stopConsuming.load(); };
        callbacks.status = [this](const StreamStatus &s) {
            QMetaObject::invokeMethod(this, [this, s] { onStatus(s); }, Qt::QueuedConnection);
        };
        callbacks.stepFinished = [this](const StreamStep &s) {
            QMetaObject::invokeMethod(this, [this, s] { onStep(s); }, Qt::QueuedConnection);
        };
        Result<StreamSummary> summary = runStream(dataset->data, options, callbacks, db);
        return summary ? QString() : summary.error();
    }));
    // Steps restored from the store stay; the consumer continues after the last.
    updateButtons();
}

void StreamTab::stopConsumer()
{
    m_stopConsuming = true;
}

Result<quint16> StreamTab::startServer(quint16 port)
{
    ServeOptions options;
    options.modelDir = modelDir();
    options.port = port;
    Result<quint16> listening = m_server->start(options);
    if (!listening)
        return listening;
    m_serverUrl->setText(tr("http://127.0.0.1:%1 (model version %2)")
                             .arg(*listening)
                             .arg(m_server->version()));
    const QSignalBlocker block(m_serveToggle);
    m_serveToggle->setChecked(true);
    return listening;
}

void StreamTab::stopServer()
{
    m_server->stop();
    m_serverUrl->clear();
    const QSignalBlocker block(m_serveToggle);
    m_serveToggle->setChecked(false);
}

void StreamTab::stopAll()
{
    m_stopTraining = true;
    m_stopProducing = true;
    m_stopConsuming = true;
    m_training.waitForFinished();
    m_producing.waitForFinished();
    m_consuming.waitForFinished();
    m_server->stop();
}

void StreamTab::onStatus(const StreamStatus &s)
{
    m_status = s;
    const double t = m_clock.isValid() ? m_clock.elapsed() / 1000.0 : 0.0;
    m_bufferPoints.append({t, double(s.buffered)});
    m_ingestPoints.append({t, s.ingestRate});
    m_lagPoints.append({t, double(s.lag)});
    m_bufferBar->setRange(0, int(std::min<qint64>(s.bufferTarget, INT_MAX)));
    m_bufferBar->setValue(int(std::min<qint64>(s.buffered, s.bufferTarget)));
    const QString broker = s.broker == StreamStatus::Broker::Lost
                               ? tr("<b style='color:#c62828'>lost</b> (%1)")
                                     .arg(s.brokerMessage.toHtmlEscaped())
                           : s.broker == StreamStatus::Broker::Connected
                               ? tr("<b style='color:#2e7d32'>connected</b>")
                               : tr("connecting");
    m_brokerState->setText(tr("Broker: %1").arg(broker));
    m_figures->setText(tr("%1 | step %2 | %3 messages (%4 malformed) | %5 msg/s | lag %6")
                           .arg(s.phase)
                           .arg(s.step)
                           .arg(s.messages)
                           .arg(s.malformed)
                           .arg(qRound64(s.ingestRate))
                           .arg(s.lag));
    m_dirty = true;
}

void StreamTab::onStep(const StreamStep &step)
{
    // A restart replays nothing: a step number seen before replaces its row.
    std::erase_if(m_steps, [&](const StreamStep &s) { return s.step >= step.step; });
    m_steps.push_back(step);
    m_dirty = true;
    refreshTable();
    Q_EMIT stepAdded(step.step);
}

void StreamTab::restoreSteps()
{
    if (isConsuming())
        return;
    m_steps.clear();
    const QString stateDir
        = QDir::cleanPath(QFileInfo(defaultStateDir(modelDir())).absoluteFilePath());
    if (QFile::exists(m_dbPath)) {
        Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(m_dbPath);
        if (store) {
            // The latest run of this model's checkpoint folder: an earlier initial model's
            // runs stay in the store, but are not this model's history.
            if (Result<qint64> run = (*store)->latestStreamRun(stateDir); run && *run > 0)
                if (Result<std::vector<StreamStep>> steps = (*store)->streamSteps(*run))
                    m_steps = *steps;
        } else {
            qCWarning(lcUi) << store.error();
        }
    }
    // The live series are not stored; a restored run shows each step's figures at the time
    // the step finished instead.
    m_bufferPoints.clear();
    m_ingestPoints.clear();
    m_lagPoints.clear();
    const QDateTime start = m_steps.empty()
                                ? QDateTime()
                                : QDateTime::fromString(m_steps.front().created, Qt::ISODateWithMs);
    for (const StreamStep &s : m_steps) {
        const QDateTime at = QDateTime::fromString(s.created, Qt::ISODateWithMs);
        const double t = start.isValid() && at.isValid() ? start.msecsTo(at) / 1000.0 : s.step;
        m_bufferPoints.append({t, double(s.ratings)});
        m_ingestPoints.append({t, s.ingestRate});
        m_lagPoints.append({t, double(s.lag)});
    }
    m_dirty = true;
    refreshCharts();
    refreshTable();
}

void StreamTab::refreshCharts()
{
    m_dirty = false;
    QList<QPointF> test, validation, old, users, items;
    qint64 newUsers = 0, newItems = 0;
    for (const StreamStep &s : m_steps) {
        test.append({double(s.step), s.trueScale(s.testMse)});
        if (!std::isnan(s.valMse))
            validation.append({double(s.step), s.trueScale(s.valMse)});
        old.append({double(s.step), s.trueScale(s.oldMse)});
        newUsers += s.newUsers;
        newItems += s.newItems;
        users.append({double(s.step), double(newUsers)});
        items.append({double(s.step), double(newItems)});
    }
    m_mse->setPoints(0, test);
    m_mse->setPoints(1, validation);
    m_mse->setPoints(2, old);
    m_mse->rescale(false);
    m_growth->setPoints(0, users);
    m_growth->setPoints(1, items);
    m_growth->rescale();
    m_bufferFill->setPoints(0, m_bufferPoints);
    m_bufferFill->rescale();
    m_ingest->setPoints(0, m_ingestPoints);
    m_ingest->rescale();
    m_lag->setPoints(0, m_lagPoints);
    m_lag->rescale();
}

void StreamTab::refreshTable()
{
    Table table;
    table.title = tr("Fine-tuning steps");
    table.header = {tr("Step"),         tr("Ratings"),      tr("Malformed"),
                     tr("New users"),    tr("New movies"),   tr("Validation MSE"),
                     tr("Test MSE"),     tr("Old MSE"),      tr("Test RMSE"),
                     tr("Fine-tune s"),  tr("Step s"),       tr("Ingest msg/s"),
                     tr("Lag")};
    for (const StreamStep &s : m_steps)
        table.rows.append({QString::number(s.step), QString::number(s.ratings),
                              QString::number(s.malformed), QString::number(s.newUsers),
                              QString::number(s.newItems), number(s.trueScale(s.valMse), 5),
                              number(s.trueScale(s.testMse), 5), number(s.trueScale(s.oldMse), 5),
                              number(std::sqrt(s.trueScale(s.testMse)), 4),
                              number(s.fineTuneSeconds, 2), number(s.stepSeconds, 2),
                              number(s.ingestRate, 0), QString::number(s.lag)});
    m_stepTable->setTable(table);
}

void StreamTab::updateButtons()
{
    m_trainButton->setText(isTraining() ? tr("Cancel training") : tr("Train initial model"));
    m_producerButton->setText(isProducing() ? tr("Stop producer") : tr("Start producer"));
    m_consumerButton->setText(isConsuming() ? tr("Stop consumer") : tr("Start consumer"));
    const bool embedded = m_embedded->isChecked();
    m_bootstrap->setReadOnly(embedded);
    m_partitions->setEnabled(embedded && !m_broker);
    m_brokerDown->setEnabled(embedded);
    m_embedded->setEnabled(!isProducing() && !isConsuming());
    m_external->setEnabled(!isProducing() && !isConsuming());
}

void StreamTab::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("stream/model"), modelDir());
    settings.setValue(QStringLiteral("stream/external"), m_external->isChecked());
    if (m_external->isChecked())
        settings.setValue(QStringLiteral("stream/bootstrap"), m_bootstrap->text());
    settings.setValue(QStringLiteral("stream/topic"), m_topic->text());
}

ChartCard *StreamTab::mseChart() const { return m_mse->card(); }
ChartCard *StreamTab::bufferChart() const { return m_bufferFill->card(); }
ChartCard *StreamTab::ingestChart() const { return m_ingest->card(); }
ChartCard *StreamTab::lagChart() const { return m_lag->card(); }
ChartCard *StreamTab::growthChart() const { return m_growth->card(); }

Result<QStringList> StreamTab::exportAll(const QString &dir) const
{
    QList<const ChartCard *> charts;
    for (const auto &chart : m_charts)
        charts.append(chart->card());
    return exportCards(dir, charts, {m_stepTable});
}

} // namespace Ncf::Ui
