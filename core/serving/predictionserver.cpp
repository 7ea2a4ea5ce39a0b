#include "core/serving/predictionserver.h"

#include "core/common/logging.h"
#include "core/common/tr.h"
#include "core/streaming/checkpoints.h"
#include "core/training/training.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <optional>

namespace Ncf {

namespace {

using Status = QHttpServerResponse::StatusCode;

QHttpServerResponse errorResponse(const QString &message, Status status)
{
    return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), message}}, status);
}

//! A raw id from a JSON value: a whole number from 0 to 2^32 - 1.
bool idFrom(const QJsonValue &value, uint32_t &id)
{
    if (!value.isDouble())
        return false;
    const double v = value.toDouble();
    if (v < 0 || v > 4294967295.0 || v != std::floor(v))
        return false;
    id = uint32_t(v);
    return true;
}

//! Reads {"userId", "movieId"}; the error names what is wrong.
bool pairFrom(const QJsonValue &value, uint32_t &user, uint32_t &movie, QString *error)
{
    if (!value.isObject()) {
        *error = ServeTr::tr("expected a JSON object with userId and movieId");
        return false;
    }
    const QJsonObject object = value.toObject();
    for (const char *key : {"userId", "movieId"})
        if (!object.contains(QLatin1String(key))) {
            *error = ServeTr::tr("missing field \"%1\"").arg(QLatin1String(key));
            return false;
        }
    if (!idFrom(object.value(QLatin1String("userId")), user)
        || !idFrom(object.value(QLatin1String("movieId")), movie)) {
        *error = ServeTr::tr("userId and movieId must be whole numbers from 0 to 4294967295");
        return false;
    }
    return true;
}

QJsonObject predictionJson(const TrainedModel &model, uint32_t user, uint32_t movie)
{
    const Prediction p = model.predict(user, movie);
    return QJsonObject{{QStringLiteral("userId"), qint64(user)},
                       {QStringLiteral("movieId"), qint64(movie)},
                       {QStringLiteral("rating"), p.rating},
                       {QStringLiteral("cold_start"), p.coldStart}};
}

} // namespace

int checkpointVersion(const QString &dir)
{
    static const QRegularExpression step(QStringLiteral("^step-(\\d+)$"));
    const QRegularExpressionMatch match = step.match(QFileInfo(dir).fileName());
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

PredictionServer::PredictionServer(QObject *parent) : QObject(parent) {}

PredictionServer::~PredictionServer() = default;

bool PredictionServer::isListening() const
{
    return m_server && !m_server->servers().isEmpty() && m_server->servers().first()->isListening();
}

Result<quint16> PredictionServer::start(const ServeOptions &options)
{
    stop();
    m_options = options;
    if (m_options.stateDir.isEmpty())
        m_options.stateDir = defaultStateDir(options.modelDir);
    Result<ModelEngine *> engine = modelEngine();
    if (!engine)
        return makeError(engine.error());
    const QString latest = latestCheckpoint(m_options.stateDir);
    const QString path = latest.isEmpty() ? options.modelDir : latest;
    Result<std::unique_ptr<TrainedModel>> model = (*engine)->load(path);
    if (!model)
        return makeError(model.error());
    install(std::shared_ptr<const TrainedModel>(std::move(*model)), path);

    m_server = std::make_unique<QHttpServer>();
    m_server->route(QStringLiteral("/predict"), QHttpServerRequest::Method::Post,
                    [this](const QHttpServerRequest &request) { return predictOne(request); });
    m_server->route(QStringLiteral("/predict/batch"), QHttpServerRequest::Method::Post,
                    [this](const QHttpServerRequest &request) { return predictBatch(request); });
    m_server->route(QStringLiteral("/health"), QHttpServerRequest::Method::Get,
                    [this] { return health(); });
    m_port = m_server->listen(m_options.host, m_options.port);
    if (m_port == 0) {
        m_server.reset();
        return makeError(ServeTr::tr("cannot listen on %1:%2 (in use, or not allowed)")
                             .arg(m_options.host.toString())
                             .arg(m_options.port));
    }
    m_uptime.start();
    m_reloadTimer = new QTimer(this);
    connect(m_reloadTimer, &QTimer::timeout, this, &PredictionServer::checkForCheckpoint);
    m_reloadTimer->start(std::max(50, m_options.reloadMilliseconds));
    qCInfo(lcServe).noquote() << ServeTr::tr("serving %1 (version %2) on http://%3:%4")
                                     .arg(m_modelPath)
                                     .arg(m_version)
                                     .arg(m_options.host.toString())
                                     .arg(m_port);
    return m_port;
}

void PredictionServer::stop()
{
    delete m_reloadTimer;
    m_reloadTimer = nullptr;
    m_server.reset();
    m_port = 0;
}

void PredictionServer::install(std::shared_ptr<const TrainedModel> model, const QString &path)
{
    m_model = std::move(model);
    m_modelPath = path;
    m_version = checkpointVersion(path);
}

void PredictionServer::checkForCheckpoint()
{
    const QString latest = latestCheckpoint(m_options.stateDir);
    // A newer step, or any step once the one in service is gone (the stream was restarted
    // from a new initial model).
    if (latest.isEmpty() || latest == m_modelPath || latest == m_loadingPath
        || (checkpointVersion(latest) <= m_version && QFileInfo::exists(m_modelPath)))
        return;
    // Load off this thread; the model in service keeps answering meanwhile.
    m_loadingPath = latest;
    auto *watcher = new QFutureWatcher<Result<std::unique_ptr<TrainedModel>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, latest] {
        Result<std::unique_ptr<TrainedModel>> loaded = watcher->future().takeResult();
        watcher->deleteLater();
        m_loadingPath.clear();
        if (!loaded) {
            // The consumer may have pruned the folder while it was read: try the next one.
            qCWarning(lcServe) << "cannot reload" << latest << ":" << loaded.error();
            Q_EMIT reloadFailed(loaded.error());
            return;
        }
        install(std::shared_ptr<const TrainedModel>(std::move(*loaded)), latest);
        qCInfo(lcServe) << "now serving" << latest << "version" << m_version;
        Q_EMIT reloaded(m_version, latest);
    });
    watcher->setFuture(QtConcurrent::run([latest]() -> Result<std::unique_ptr<TrainedModel>> {
        Result<ModelEngine *> engine = modelEngine();
        if (!engine)
            return makeError(engine.error());
        return (*engine)->load(latest);
    }));
}

std::optional<QHttpServerResponse> PredictionServer::parseBody(const QHttpServerRequest &request,
                                                               QJsonDocument &doc) const
{
    const QByteArray body = request.body();
    if (body.size() > m_options.maxBodyBytes)
        return errorResponse(ServeTr::tr("request body over %1 bytes").arg(m_options.maxBodyBytes),
                             Status::PayloadTooLarge);
    QJsonParseError parseError;
    doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return errorResponse(ServeTr::tr("malformed JSON: %1 at byte %2")
                                 .arg(parseError.errorString())
                                 .arg(parseError.offset),
                             Status::BadRequest);
    return std::nullopt;
}

QHttpServerResponse PredictionServer::predictOne(const QHttpServerRequest &request)
{
    ++m_requests;
    QJsonDocument doc;
    if (std::optional<QHttpServerResponse> refused = parseBody(request, doc))
        return std::move(*refused);
    uint32_t user = 0, movie = 0;
    QString error;
    if (!pairFrom(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(), user, movie, &error))
        return errorResponse(error, Status::BadRequest);
    const std::shared_ptr<const TrainedModel> model = m_model; // this request's model
    QJsonObject out = predictionJson(*model, user, movie);
    out.insert(QStringLiteral("version"), m_version);
    return QHttpServerResponse(out);
}

QHttpServerResponse PredictionServer::predictBatch(const QHttpServerRequest &request)
{
    ++m_requests;
    QJsonDocument doc;
    if (std::optional<QHttpServerResponse> refused = parseBody(request, doc))
        return std::move(*refused);
    QJsonArray items;
    if (doc.isArray())
        items = doc.array();
    else if (doc.isObject() && doc.object().value(QStringLiteral("requests")).isArray())
        items = doc.object().value(QStringLiteral("requests")).toArray();
    else
        return errorResponse(ServeTr::tr("expected a JSON array of {\"userId\", \"movieId\"} "
                                         "objects, or {\"requests\": [...]}"),
                             Status::BadRequest);
    if (items.size() > m_options.maxBatch)
        return errorResponse(ServeTr::tr("batch of %1 over the limit of %2")
                                 .arg(items.size())
                                 .arg(m_options.maxBatch),
                             Status::PayloadTooLarge);
    const std::shared_ptr<const TrainedModel> model = m_model;
    QJsonArray predictions;
    for (qsizetype k = 0; k < items.size(); ++k) {
        uint32_t user = 0, movie = 0;
        QString error;
        if (!pairFrom(items.at(k), user, movie, &error))
            return errorResponse(ServeTr::tr("item %1: %2").arg(k).arg(error), Status::BadRequest);
        predictions.append(predictionJson(*model, user, movie));
    }
    return QHttpServerResponse(QJsonObject{{QStringLiteral("predictions"), predictions},
                                           {QStringLiteral("version"), m_version}});
}

QHttpServerResponse PredictionServer::health() const
{
    const std::shared_ptr<const TrainedModel> model = m_model;
    return QHttpServerResponse(QJsonObject{
        {QStringLiteral("status"), QStringLiteral("ok")},
        {QStringLiteral("version"), m_version},
        {QStringLiteral("model"), m_modelPath},
        {QStringLiteral("kind"), modelKindName(model->kind())},
        {QStringLiteral("users"), qint64(model->userIds().size())},
        {QStringLiteral("movies"), qint64(model->itemIds().size())},
        {QStringLiteral("requests"), qint64(m_requests)},
        {QStringLiteral("uptime_seconds"), m_uptime.elapsed() / 1000.0}});
}

} // namespace Ncf
