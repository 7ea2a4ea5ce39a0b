#pragma once

#include "core/common/result.h"
#include "core/streaming/streamconsumer.h"
#include "core/streaming/streamstep.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QList>
#include <QPointF>
#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace Ncf {
class EmbeddedBroker;
class ExperimentStore;
class PredictionServer;
} // namespace Ncf

namespace Ncf::Ui {

class ChartCard;
class DataTab;
class LineChart;
class TableCard;

//! The Stream tab: continual learning over Kafka. Broker settings (embedded or external),
//! training the starting model, start and stop of the producer and the fine-tuning consumer,
//! the prediction server, and live charts of every step. All work runs off the GUI thread;
//! workers post their reports back, and the charts redraw a few times a second.
class StreamTab : public QWidget
{
    Q_OBJECT

public:
    explicit StreamTab(DataTab *data, QWidget *parent = nullptr);
    //! Stops every worker and waits for it.
    ~StreamTab() override;

    void setModelDir(const QString &dir);
    QString modelDir() const;
    //! The experiment database the steps go to.
    void setDatabasePath(const QString &path);
    QString databasePath() const { return m_dbPath; }
    //! Settings the tests and the demo set without clicking: initial sample and test share.
    void setSplit(qint64 initial, double testFraction);
    void setConsumerSettings(qint64 buffer, double triggerSeconds, int epochs);

    void trainInitialModel();
    void startProducer();
    void startConsumer();
    void stopProducer();
    void stopConsumer();
    Result<quint16> startServer(quint16 port = 0);
    void stopServer();
    //! Takes the embedded broker down or up (a simulated outage).
    Result<void> setBrokerDown(bool down);
    //! Cancels everything that runs and waits for it.
    void stopAll();

    bool isBusy() const;
    bool isTraining() const { return m_training.isRunning(); }
    bool isProducing() const { return m_producing.isRunning(); }
    bool isConsuming() const { return m_consuming.isRunning(); }
    //! The bootstrap servers in use ("" before the embedded broker starts).
    QString bootstrapServers() const;
    const std::vector<StreamStep> &steps() const { return m_steps; }
    StreamStatus lastStatus() const { return m_status; }
    qint64 produced() const { return m_produced; }

    ChartCard *mseChart() const;
    ChartCard *bufferChart() const;
    ChartCard *ingestChart() const;
    ChartCard *lagChart() const;
    ChartCard *growthChart() const;
    TableCard *stepTable() const { return m_stepTable; }

    //! Writes every chart (PNG and SVG) and the step table (CSV, Markdown, LaTeX) to `dir`.
    Result<QStringList> exportAll(const QString &dir) const;

Q_SIGNALS:
    void statusMessage(const QString &message);
    void initialModelTrained(const QString &dir);
    void initialModelFailed(const QString &error);
    void producerFinished(qint64 produced);
    void stepAdded(int step);
    void consumerFinished(const QString &error);

private:
    void buildLayout();
    Result<QString> ensureBroker();
    QStringList kafkaConfig() const;
    void onStatus(const StreamStatus &status);
    void onStep(const StreamStep &step);
    void restoreSteps();
    void refreshCharts();
    void refreshTable();
    void updateButtons();
    void saveSettings() const;

    DataTab *m_data;
    QString m_dbPath;
    std::unique_ptr<EmbeddedBroker> m_broker;
    std::unique_ptr<ExperimentStore> m_store;
    PredictionServer *m_server;

    // Settings
    QRadioButton *m_embedded;
    QRadioButton *m_external;
    QLineEdit *m_bootstrap;
    QLineEdit *m_topic;
    QSpinBox *m_partitions;
    QPlainTextEdit *m_config;
    QCheckBox *m_brokerDown;
    QLineEdit *m_modelDir;
    QComboBox *m_modelKind;
    QSpinBox *m_trainEpochs;
    QSpinBox *m_initial;
    QDoubleSpinBox *m_testFraction;
    QSpinBox *m_rate;
    QSpinBox *m_buffer;
    QDoubleSpinBox *m_trigger;
    QSpinBox *m_stepEpochs;
    QSpinBox *m_port;

    // Actions and state
    QPushButton *m_trainButton;
    QPushButton *m_producerButton;
    QPushButton *m_consumerButton;
    QCheckBox *m_serveToggle;
    QLabel *m_serverUrl;
    QLabel *m_brokerState;
    QLabel *m_figures;
    QProgressBar *m_bufferBar;
    QProgressBar *m_produceBar;

    // Charts and table
    LineChart *m_mse;
    LineChart *m_bufferFill;
    LineChart *m_ingest;
    LineChart *m_lag;
    LineChart *m_growth;
    TableCard *m_stepTable;
    std::vector<std::unique_ptr<LineChart>> m_charts;

    // Workers
    QFutureWatcher<QString> m_training;
    QFutureWatcher<QString> m_producing;
    QFutureWatcher<QString> m_consuming;
    std::atomic<bool> m_stopTraining{false};
    std::atomic<bool> m_stopProducing{false};
    std::atomic<bool> m_stopConsuming{false};

    std::vector<StreamStep> m_steps;
    StreamStatus m_status;
    qint64 m_produced = 0;
    std::atomic<qint64> m_producedByWorker{0};
    std::atomic<qint64> m_streamSize{0};
    QElapsedTimer m_clock;          // x axis of the time series, from the consumer's start
    QList<QPointF> m_bufferPoints;
    QList<QPointF> m_ingestPoints;
    QList<QPointF> m_lagPoints;
    bool m_dirty = false;
};

} // namespace Ncf::Ui
