// The Stream tab's widgets and their layout (the behaviour is in streamtab.cpp).

#include "ui/streamtab.h"

#include "core/models/modelspec.h"
#include "core/serving/predictionserver.h"
#include "ui/chartcard.h"
#include "ui/linechart.h"
#include "ui/tablayout.h"
#include "ui/tablecard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
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
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace Ncf::Ui {

namespace {

QSpinBox *spinBox(int min, int max, int value, const QString &tip)
{
    auto *box = new QSpinBox;
    box->setRange(min, max);
    box->setValue(value);
    box->setGroupSeparatorShown(true);
    box->setToolTip(tip);
    return box;
}

} // namespace

void StreamTab::buildLayout()
{
    // Broker
    auto *brokerBox = new QGroupBox(tr("Kafka"));
    auto *brokerForm = new QFormLayout(brokerBox);
    m_embedded = new QRadioButton(tr("Embedded broker"));
    m_embedded->setToolTip(tr("librdkafka's mock cluster on a loopback port: the real Kafka "
                              "protocol with no server to install"));
    m_external = new QRadioButton(tr("External cluster"));
    m_external->setToolTip(tr("Connect to the bootstrap servers below"));
    m_embedded->setChecked(true);
    auto *modes = new QHBoxLayout;
    modes->addWidget(m_embedded);
    modes->addWidget(m_external);
    brokerForm->addRow(modes);
    m_bootstrap = new QLineEdit;
    m_bootstrap->setPlaceholderText(QStringLiteral("host1:9092,host2:9092"));
    m_bootstrap->setToolTip(tr("bootstrap.servers of the external cluster; with the embedded "
                               "broker, the address it listens on"));
    brokerForm->addRow(tr("Bootstrap servers"), m_bootstrap);
    m_topic = new QLineEdit;
    m_topic->setToolTip(tr("The topic the producer writes and the consumer reads"));
    brokerForm->addRow(tr("Topic"), m_topic);
    m_partitions = spinBox(1, 64, 2, tr("Partitions of the embedded broker's topics"));
    brokerForm->addRow(tr("Partitions"), m_partitions);
    m_config = new QPlainTextEdit;
    m_config->setPlaceholderText(
        QStringLiteral("security.protocol=SASL_SSL\nsasl.mechanism=PLAIN"));
    m_config->setToolTip(tr("librdkafka settings, one name=value per line, passed to the "
                            "producer and the consumer (security settings of a real cluster)"));
    m_config->setMaximumHeight(60);
    brokerForm->addRow(tr("Settings"), m_config);
    m_brokerDown = new QCheckBox(tr("Take the embedded broker down"));
    m_brokerDown->setToolTip(tr("Simulates an outage: the consumer reports the lost broker and "
                                "recovers when it is back"));
    connect(m_brokerDown, &QCheckBox::toggled, this, [this](bool down) {
        if (Result<void> r = setBrokerDown(down); !r)
            Q_EMIT statusMessage(r.error());
    });
    brokerForm->addRow(m_brokerDown);
    m_brokerState = new QLabel(tr("Broker: not started"));
    brokerForm->addRow(m_brokerState);
    connect(m_embedded, &QRadioButton::toggled, this, [this] { updateButtons(); });

    // Model and split
    auto *modelBox = new QGroupBox(tr("Initial model"));
    auto *modelForm = new QFormLayout(modelBox);
    m_modelDir = new QLineEdit;
    m_modelDir->setToolTip(tr("Model folder: the initially trained model; the stream's "
                              "checkpoints go to its stream/ subfolder"));
    auto *browse = new QPushButton(tr("Browse..."));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Model folder"),
                                                              modelDir());
        if (!dir.isEmpty())
            setModelDir(dir);
    });
    connect(m_modelDir, &QLineEdit::editingFinished, this, &StreamTab::restoreSteps);
    auto *modelRow = new QHBoxLayout;
    modelRow->addWidget(m_modelDir, 1);
    modelRow->addWidget(browse);
    modelForm->addRow(tr("Folder"), modelRow);
    m_modelKind = new QComboBox;
    for (ModelKind kind : {ModelKind::Mf, ModelKind::NonLinear, ModelKind::Autoencoder,
                           ModelKind::Vae})
        m_modelKind->addItem(modelKindName(kind), int(kind));
    m_modelKind->setToolTip(tr("Model trained on the split's initial sample, with its default "
                               "hyperparameters"));
    modelForm->addRow(tr("Model"), m_modelKind);
    m_trainEpochs = spinBox(1, 500, 5, tr("Epochs of the initial training"));
    modelForm->addRow(tr("Epochs"), m_trainEpochs);
    m_initial = spinBox(1, 100'000'000, 1'000'000,
                        tr("Ratings in the initial sample (the first ones in time); the rest, "
                           "less the static test set, is the stream"));
    modelForm->addRow(tr("Initial ratings"), m_initial);
    m_testFraction = new QDoubleSpinBox;
    m_testFraction->setRange(0.001, 0.5);
    m_testFraction->setDecimals(3);
    m_testFraction->setSingleStep(0.01);
    m_testFraction->setValue(0.04);
    m_testFraction->setToolTip(tr("Share of the remainder held out as the static test set"));
    modelForm->addRow(tr("Test fraction"), m_testFraction);
    m_trainButton = new QPushButton(tr("Train initial model"));
    m_trainButton->setToolTip(tr("Train on the Data tab's dataset with the continual split "
                                 "and save to the model folder"));
    connect(m_trainButton, &QPushButton::clicked, this, [this] {
        if (isTraining())
            m_stopTraining = true;
        else
            trainInitialModel();
    });
    modelForm->addRow(m_trainButton);

    // Producer and consumer
    auto *runBox = new QGroupBox(tr("Stream"));
    auto *runForm = new QFormLayout(runBox);
    m_rate = spinBox(0, 10'000'000, 0, tr("Producer rate in ratings per second; 0 sends as "
                                          "fast as the broker takes them"));
    m_rate->setSpecialValueText(tr("max"));
    runForm->addRow(tr("Rate"), m_rate);
    m_producerButton = new QPushButton(tr("Start producer"));
    m_producerButton->setToolTip(tr("Replay the stream part of the split into the topic; a "
                                    "restart continues where it stopped"));
    connect(m_producerButton, &QPushButton::clicked, this,
            [this] { isProducing() ? stopProducer() : startProducer(); });
    m_produceBar = new QProgressBar;
    m_produceBar->setFormat(tr("%v of %m sent"));
    runForm->addRow(m_producerButton, m_produceBar);
    m_buffer = spinBox(1, 10'000'000, 100'000, tr("Fine-tune when this many ratings are "
                                                  "buffered"));
    runForm->addRow(tr("Buffer"), m_buffer);
    m_trigger = new QDoubleSpinBox;
    m_trigger->setRange(0.1, 3600);
    m_trigger->setValue(10);
    m_trigger->setSuffix(tr(" s"));
    m_trigger->setToolTip(tr("Also fine-tune when this long has passed since the last step"));
    runForm->addRow(tr("Trigger"), m_trigger);
    m_stepEpochs = spinBox(1, 100, 1, tr("Fine-tuning epochs per step"));
    runForm->addRow(tr("Epochs per step"), m_stepEpochs);
    m_consumerButton = new QPushButton(tr("Start consumer"));
    m_consumerButton->setToolTip(tr("Fine-tune the model from the topic, checkpointing each "
                                    "step with its offsets"));
    connect(m_consumerButton, &QPushButton::clicked, this,
            [this] { isConsuming() ? stopConsumer() : startConsumer(); });
    m_bufferBar = new QProgressBar;
    m_bufferBar->setFormat(tr("buffer %v / %m"));
    runForm->addRow(m_consumerButton, m_bufferBar);
    m_figures = new QLabel;
    m_figures->setWordWrap(true);
    runForm->addRow(m_figures);

    // Server
    auto *serveBox = new QGroupBox(tr("Prediction server"));
    auto *serveForm = new QFormLayout(serveBox);
    m_port = spinBox(0, 65535, 8080, tr("Port on 127.0.0.1; 0 picks a free one"));
    m_serveToggle = new QCheckBox(tr("Serve predictions"));
    m_serveToggle->setToolTip(tr("POST /predict, POST /predict/batch, GET /health; follows each "
                                 "new checkpoint"));
    connect(m_serveToggle, &QCheckBox::toggled, this, [this](bool on) {
        if (!on) {
            stopServer();
            return;
        }
        if (Result<quint16> port = startServer(quint16(m_port->value())); !port) {
            Q_EMIT statusMessage(port.error());
            const QSignalBlocker block(m_serveToggle);
            m_serveToggle->setChecked(false);
        }
    });
    serveForm->addRow(m_serveToggle, m_port);
    m_serverUrl = new QLabel;
    m_serverUrl->setTextInteractionFlags(Qt::TextSelectableByMouse);
    serveForm->addRow(m_serverUrl);

    auto *controls = new QWidget;
    auto *controlsLayout = new QVBoxLayout(controls);
    for (QGroupBox *box : {brokerBox, modelBox, runBox, serveBox})
        controlsLayout->addWidget(box);
    controlsLayout->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setWidget(controls);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(340);

    // Charts
    auto chart = [this](const QString &title, const QString &x, const QString &y) {
        auto *card = new ChartCard(title, this);
        m_charts.push_back(std::make_unique<LineChart>(card, x, y));
        return m_charts.back().get();
    };
    m_mse = chart(tr("Fine-tuning MSE per step (stars²)"), tr("Step"), tr("MSE"));
    m_mse->addSeries(tr("Static test set"));
    m_mse->addSeries(tr("Validation (20 % of the buffer)"));
    m_mse->addSeries(tr("Old distribution (initial holdout)"), true);
    m_bufferFill = chart(tr("Buffer fill"), tr("Seconds"), tr("Ratings"));
    m_bufferFill->addSeries(tr("Buffered"));
    m_ingest = chart(tr("Ingest rate"), tr("Seconds"), tr("Messages/s"));
    m_ingest->addSeries(tr("Ingest"));
    m_lag = chart(tr("Consumer lag"), tr("Seconds"), tr("Messages"));
    m_lag->addSeries(tr("Lag"));
    m_growth = chart(tr("New users and movies"), tr("Step"), tr("Admitted"));
    m_growth->addSeries(tr("Users"));
    m_growth->addSeries(tr("Movies"));

    auto *grid = new QWidget;
    auto *gridLayout = new QGridLayout(grid);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->addWidget(m_mse->card(), 0, 0, 1, 2);
    gridLayout->addWidget(m_growth->card(), 0, 2);
    gridLayout->addWidget(m_bufferFill->card(), 1, 0);
    gridLayout->addWidget(m_ingest->card(), 1, 1);
    gridLayout->addWidget(m_lag->card(), 1, 2);
    installTabLayout(this, scroll, grid, m_stepTable, QStringLiteral("stream"));
    refreshTable();
}

} // namespace Ncf::Ui
