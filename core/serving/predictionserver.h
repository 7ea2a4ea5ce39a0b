#pragma once

#include "core/common/result.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <atomic>
#include <optional>
#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;
class QJsonDocument;
class QTimer;

namespace Ncf {

class TrainedModel;

//! How the prediction server runs. Example: `ServeOptions o; o.modelDir = dir; o.port = 8080;`
struct ServeOptions
{
    QString modelDir;                   //!< a model folder; its stream checkpoints are followed
    QString stateDir;                   //!< checkpoints to follow; empty: MODEL/stream
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 8080;                //!< 0 picks a free port
    qint64 maxBodyBytes = 1 << 20;      //!< larger bodies get 413
    int maxBatch = 10000;               //!< larger batches get 413
    int reloadMilliseconds = 500;       //!< how often to look for a new checkpoint
};

// Note [Prediction server]: a Qt HttpServer on loopback by default.
//   POST /predict        {"userId": U, "movieId": M} -> {"rating": R, "cold_start": false, ...}
//   POST /predict/batch  [{"userId": U, "movieId": M}, ...] (or {"requests": [...]})
//                        -> {"predictions": [{"userId", "movieId", "rating", "cold_start"}]}
//   GET  /health         -> {"status": "ok", "version": STEP, "model": DIR, ...}
// Ratings are on the original scale. An unknown user or movie gets the model's fallback (the
// mean training rating) flagged "cold_start": true. Malformed JSON or a missing or non-integer
// id is a 400 with {"error": "..."}; a body over maxBodyBytes or a batch over maxBatch a 413.
// The server follows the stream's checkpoints (Note [Stream checkpoints]): a new step folder
// is loaded on a worker thread and swapped in between two requests; a request holds its own
// reference to the model it started with, so none is dropped or answered by a half-loaded
// model. Handlers run on the thread that owns the server.

//! Serves a model's predictions over HTTP and hot-reloads new checkpoints.
class PredictionServer : public QObject
{
    Q_OBJECT

public:
    explicit PredictionServer(QObject *parent = nullptr);
    ~PredictionServer() override;

    //! Loads the model and starts listening; returns the port.
    Result<quint16> start(const ServeOptions &options);
    void stop();
    bool isListening() const;
    quint16 port() const { return m_port; }

    //! The version served: the stream step of the loaded checkpoint (0 for the initial model).
    int version() const { return m_version; }
    QString modelPath() const { return m_modelPath; }
    qint64 requests() const { return m_requests; }

Q_SIGNALS:
    //! A new checkpoint is being served.
    void reloaded(int version, const QString &path);
    //! Loading a new checkpoint failed; the previous model stays in service.
    void reloadFailed(const QString &error);

private:
    //! Reads a request's JSON body into `doc`; a refusal (413, 400) when it cannot.
    std::optional<QHttpServerResponse> parseBody(const QHttpServerRequest &request,
                                                 QJsonDocument &doc) const;
    QHttpServerResponse predictOne(const QHttpServerRequest &request);
    QHttpServerResponse predictBatch(const QHttpServerRequest &request);
    QHttpServerResponse health() const;
    void checkForCheckpoint();
    void install(std::shared_ptr<const TrainedModel> model, const QString &path);

    ServeOptions m_options;
    std::unique_ptr<QHttpServer> m_server;
    QTimer *m_reloadTimer = nullptr;
    std::shared_ptr<const TrainedModel> m_model;
    QString m_modelPath;
    QString m_loadingPath;
    int m_version = 0;
    quint16 m_port = 0;
    std::atomic<qint64> m_requests{0};
    QElapsedTimer m_uptime;
};

//! The stream step a model folder holds: N for MODEL/stream/step-N, 0 otherwise.
int checkpointVersion(const QString &dir);

} // namespace Ncf
