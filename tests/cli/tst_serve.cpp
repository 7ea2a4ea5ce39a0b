// `ncf serve` driven over HTTP (QNetworkAccessManager on loopback): its answers agree with
// `ncf predict`, cold starts get the model's mean rating, the batch forms answer in order,
// bad requests get 400/404/413 with a JSON error, a new stream checkpoint written by
// `ncf stream` is picked up while requests keep flowing (none fails), and SIGTERM ends the
// server cleanly with exit code 0.

#include "ncfprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>

namespace {

struct Reply
{
    int status = 0; // 0: no HTTP answer
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray contentType;
    QByteArray body;
    QJsonObject json;
};

class Client
{
public:
    explicit Client(const QString &base) : m_base(base)
    {
        m_nam.setProxy(QNetworkProxy::NoProxy);
    }

    Reply get(const QString &path) { return send("GET", path, {}); }
    Reply post(const QString &path, const QByteArray &body) { return send("POST", path, body); }
    Reply post(const QString &path, const QJsonObject &body)
    {
        return post(path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    Reply post(const QString &path, const QJsonArray &body)
    {
        return post(path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    Reply send(const QByteArray &verb, const QString &path, const QByteArray &body)
    {
        QNetworkRequest request(QUrl(m_base + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        request.setTransferTimeout(15000);
        QNetworkReply *reply = verb == "GET" ? m_nam.get(request)
                                             : m_nam.sendCustomRequest(request, verb, body);
        if (!reply->isFinished()) {
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
        }
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body).object();
        reply->deleteLater();
        return r;
    }

private:
    QString m_base;
    QNetworkAccessManager m_nam;
};

QJsonObject pair(qint64 user, qint64 movie)
{
    return QJsonObject{{"userId", user}, {"movieId", movie}};
}

} // namespace

class tst_Serve : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void answers();
    void errors();
    void hotReload();
    void endsOnSigterm();

private:
    //! `ncf predict --json` for one pair.
    QJsonObject predict(const QString &model, qint64 user, qint64 movie);
    bool startServer(Service &server, const QString &model, const QStringList &extra = {});

    QTemporaryDir m_dir;
    QString m_data;
    QString m_model; // mf, trained on the continual split's initial 2000 ratings
    double m_meanRating = 0.0;
    QList<QPair<qint64, qint64>> m_known; // pairs of the file, so known to the model
};

void tst_Serve::initTestCase()
{
    QVERIFY(m_dir.isValid());
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
    QFile meta(QDir(m_model).filePath("model.json"));
    QVERIFY(meta.open(QIODevice::ReadOnly));
    const QJsonObject model = QJsonDocument::fromJson(meta.readAll()).object();
    m_meanRating = model.value("mean_rating").toDouble();
    QVERIFY(m_meanRating > 1.0 && m_meanRating < 5.0);
    QCOMPARE(model.value("users").toInt(), 200);
    QCOMPARE(model.value("items").toInt(), 300); // every user and movie of the file

    QFile file(QDir(m_data).filePath("u.data"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    for (int k = 0; k < 4; ++k) {
        const QList<QByteArray> f = file.readLine().trimmed().split('\t');
        QCOMPARE(f.size(), qsizetype(4));
        m_known << qMakePair(f[0].toLongLong(), f[1].toLongLong());
    }
}

QJsonObject tst_Serve::predict(const QString &model, qint64 user, qint64 movie)
{
    const Run run = runNcf({"predict", "--model", model, "--user", QString::number(user),
                            "--movie", QString::number(movie), "--json"});
    return run.rc == 0 ? QJsonDocument::fromJson(run.out).object() : QJsonObject();
}

bool tst_Serve::startServer(Service &server, const QString &model, const QStringList &extra)
{
    return server.start(QStringList{"serve", "--model", model, "--port", "0"} + extra)
           && server.address.startsWith(QLatin1String("http://127.0.0.1:"));
}

void tst_Serve::answers()
{
    Service server;
    QVERIFY(startServer(server, m_model));
    Client client(server.address);
    int requests = 0;

    // Known pairs: the numbers `ncf predict` prints for the same model.
    QList<double> expected;
    for (const auto &[user, movie] : m_known) {
        const QJsonObject cli = predict(m_model, user, movie);
        QCOMPARE(cli.value("cold_start").toBool(true), false);
        const Reply r = client.post("/predict", pair(user, movie));
        ++requests;
        QCOMPARE(r.status, 200);
        QVERIFY2(r.contentType.startsWith("application/json"), r.contentType.constData());
        QCOMPARE(r.json.value("cold_start").toBool(true), false);
        QCOMPARE(r.json.value("userId").toInteger(), user);
        QCOMPARE(r.json.value("movieId").toInteger(), movie);
        QCOMPARE(r.json.value("version").toInt(-1), 0);
        const double rating = r.json.value("rating").toDouble();
        QVERIFY2(std::abs(rating - cli.value("rating").toDouble()) < 1e-9, r.body.constData());
        QVERIFY(rating > 0.0 && rating < 6.0);
        expected << rating;
    }

    // Unseen user, unseen movie, both: the model's mean rating, flagged as a cold start.
    const QList<QPair<qint64, qint64>> unknown = {
        {999999, m_known[0].second}, {m_known[0].first, 888888}, {4294967295LL, 0}};
    for (const auto &[user, movie] : unknown) {
        const Reply r = client.post("/predict", pair(user, movie));
        ++requests;
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value("cold_start").toBool(false), true);
        QVERIFY2(std::abs(r.json.value("rating").toDouble() - m_meanRating) < 1e-9,
                 r.body.constData());
        const QJsonObject cli = predict(m_model, user, movie);
        QCOMPARE(cli.value("cold_start").toBool(false), true);
        QVERIFY(std::abs(cli.value("rating").toDouble() - m_meanRating) < 1e-9);
    }

    // The batch forms: the same numbers, in the order asked.
    QJsonArray batch;
    for (qsizetype k = m_known.size() - 1; k >= 0; --k) // reversed, to see the order
        batch.append(pair(m_known[k].first, m_known[k].second));
    batch.append(pair(unknown[0].first, unknown[0].second));
    batch.append(pair(m_known[0].first, m_known[0].second)); // a repeat
    for (const bool wrapped : {false, true}) {
        const Reply r = wrapped ? client.post("/predict/batch", QJsonObject{{"requests", batch}})
                                : client.post("/predict/batch", batch);
        ++requests;
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value("version").toInt(-1), 0);
        const QJsonArray predictions = r.json.value("predictions").toArray();
        QCOMPARE(predictions.size(), batch.size());
        for (qsizetype k = 0; k < predictions.size(); ++k) {
            const QJsonObject p = predictions[k].toObject();
            const QJsonObject asked = batch[k].toObject();
            QCOMPARE(p.value("userId").toInteger(), asked.value("userId").toInteger());
            QCOMPARE(p.value("movieId").toInteger(), asked.value("movieId").toInteger());
            const bool cold = k == m_known.size();
            const double want = cold                   ? m_meanRating
                                : k < m_known.size() ? expected[m_known.size() - 1 - k]
                                                     : expected[0];
            QCOMPARE(p.value("cold_start").toBool(!cold), cold);
            QVERIFY2(std::abs(p.value("rating").toDouble() - want) < 1e-9,
                     qPrintable(QStringLiteral("item %1 (wrapped %2)").arg(k).arg(wrapped)));
        }
    }
    const Reply empty = client.post("/predict/batch", QJsonArray());
    ++requests;
    QCOMPARE(empty.status, 200);
    QCOMPARE(empty.json.value("predictions").toArray().size(), qsizetype(0));

    // Health: the initial model, version 0, its size, and the prediction requests so far.
    const Reply health = client.get("/health");
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json.value("status").toString(), QString("ok"));
    QCOMPARE(health.json.value("version").toInt(-1), 0);
    QCOMPARE(health.json.value("model").toString(), m_model);
    QCOMPARE(health.json.value("kind").toString(), QString("mf"));
    QCOMPARE(health.json.value("users").toInt(), 200);
    QCOMPARE(health.json.value("movies").toInt(), 300);
    QCOMPARE(health.json.value("requests").toInt(), requests);
    QVERIFY(health.json.value("uptime_seconds").toDouble() >= 0.0);
}

void tst_Serve::errors()
{
    Service server;
    QVERIFY(startServer(server, m_model, {"--max-body", "1000", "--max-batch", "5"}));
    Client client(server.address);
    const auto [user, movie] = m_known[0];

    const auto expectError = [&](const Reply &r, int status, const char *mentions,
                                 const char *what) {
        QVERIFY2(r.status == status,
                 qPrintable(QStringLiteral("%1: HTTP %2, %3")
                                .arg(what)
                                .arg(r.status)
                                .arg(QString::fromUtf8(r.body))));
        QVERIFY2(r.json.value("error").isString()
                     && !r.json.value("error").toString().isEmpty(),
                 qPrintable(QStringLiteral("%1: %2").arg(what, QString::fromUtf8(r.body))));
        QVERIFY2(r.json.value("error").toString().contains(QLatin1String(mentions)),
                 qPrintable(QStringLiteral("%1: %2").arg(what, r.json.value("error").toString())));
        QVERIFY2(!r.json.contains("rating"), what);
    };
    const QByteArray id = QByteArray::number(user), mid = QByteArray::number(movie);
    expectError(client.post("/predict", QByteArray("{\"userId\": ") + id), 400, "JSON",
                "truncated JSON");
    expectError(client.post("/predict", QByteArray("not json")), 400, "JSON", "not JSON");
    expectError(client.post("/predict", QByteArray()), 400, "JSON", "empty body");
    expectError(client.post("/predict", QJsonObject{{"userId", user}}), 400, "movieId",
                "missing movieId");
    expectError(client.post("/predict", QJsonObject{{"movieId", movie}}), 400, "userId",
                "missing userId");
    expectError(client.post("/predict", QJsonObject{{"userId", 1.5}, {"movieId", movie}}), 400,
                "whole numbers", "fractional id");
    expectError(client.post("/predict", QJsonObject{{"userId", user}, {"movieId", -1}}), 400,
                "whole numbers", "negative id");
    expectError(client.post("/predict", QJsonObject{{"userId", 4294967296.0},
                                                    {"movieId", movie}}),
                400, "whole numbers", "id over 2^32 - 1");
    expectError(client.post("/predict", QJsonObject{{"userId", "5"}, {"movieId", movie}}), 400,
                "whole numbers", "id as a string");
    expectError(client.post("/predict", QJsonArray{pair(user, movie)}), 400, "object",
                "an array to /predict");

    // --max-body 1000: a valid body of exactly 1000 bytes is answered, one more byte is not.
    QByteArray body = "{\"userId\": " + id + ", \"movieId\": " + mid + "}";
    body.insert(1, QByteArray(1000 - body.size(), ' '));
    QCOMPARE(body.size(), qsizetype(1000));
    const Reply atLimit = client.post("/predict", body);
    QVERIFY2(atLimit.status == 200, atLimit.body.constData());
    QCOMPARE(atLimit.json.value("cold_start").toBool(true), false);
    body.insert(1, ' ');
    expectError(client.post("/predict", body), 413, "1000", "body over --max-body");
    expectError(client.post("/predict/batch", QByteArray("[") + body + "]"), 413, "1000",
                "batch body over --max-body");

    // --max-batch 5: five pairs are answered, six are refused.
    QJsonArray five;
    for (int k = 0; k < 5; ++k)
        five.append(pair(user, movie));
    const Reply batchAtLimit = client.post("/predict/batch", five);
    QCOMPARE(batchAtLimit.status, 200);
    QCOMPARE(batchAtLimit.json.value("predictions").toArray().size(), qsizetype(5));
    QJsonArray six = five;
    six.append(pair(user, movie));
    expectError(client.post("/predict/batch", six), 413, "5", "batch over --max-batch");
    expectError(client.post("/predict/batch", QJsonObject{{"requests", six}}), 413, "5",
                "wrapped batch over --max-batch");
    expectError(client.post("/predict/batch", QJsonArray{pair(user, movie),
                                                         QJsonObject{{"userId", user}}}),
                400, "item 1", "a batch item without movieId");
    expectError(client.post("/predict/batch", QJsonObject{{"userId", user}, {"movieId", movie}}),
                400, "array", "a single pair to /predict/batch");
    expectError(client.post("/predict/batch", QByteArray("[{")), 400, "JSON",
                "truncated batch JSON");

    // Paths and methods that are not served.
    QCOMPARE(client.get("/nope").status, 404);
    QCOMPARE(client.post("/predict/nope", pair(user, movie)).status, 404);
    const Reply getPredict = client.get("/predict");
    QVERIFY2(getPredict.status >= 400 && getPredict.status < 500,
             qPrintable(QString::number(getPredict.status)));
    QVERIFY(!getPredict.json.contains("rating"));
    const Reply postHealth = client.post("/health", QByteArray("{}"));
    QVERIFY2(postHealth.status >= 400 && postHealth.status < 500,
             qPrintable(QString::number(postHealth.status)));

    // None of that upset the server.
    const Reply health = client.get("/health");
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json.value("status").toString(), QString("ok"));
    const Reply fine = client.post("/predict", pair(user, movie));
    QCOMPARE(fine.status, 200);
    QCOMPARE(fine.json.value("rating").toDouble(), atLimit.json.value("rating").toDouble());
}

void tst_Serve::hotReload()
{
    // The model is served from its own folder, and `ncf stream` writes its checkpoints into
    // MODEL/stream while requests keep arriving.
    const QString model = m_dir.filePath(QStringLiteral("reload"));
    QVERIFY(QDir().mkpath(model));
    for (const QString &name : QDir(m_model).entryList(QDir::Files))
        QVERIFY(QFile::copy(QDir(m_model).filePath(name), QDir(model).filePath(name)));
    Service broker;
    QVERIFY(broker.start({"broker", "--partitions", "2"}));
    const Run produce = runNcf({"produce", "--data", m_data, "--brokers", broker.address,
                                "--initial", "2000", "--json"});
    QCOMPARE(produce.rc, 0);
    const int stream = QJsonDocument::fromJson(produce.out).object().value("stream").toInt();
    QCOMPARE(stream, 3840);

    Service server;
    QVERIFY(startServer(server, model));
    Client client(server.address);
    const auto [user, movie] = m_known[0];
    const Reply before = client.post("/predict", pair(user, movie));
    QCOMPARE(before.status, 200);
    QCOMPARE(before.json.value("version").toInt(-1), 0);

    QProcess streamer;
    streamer.start(kNcf, {"stream", "--brokers", broker.address, "--model", model, "--data",
                          m_data, "--buffer", "500", "--trigger", "600s", "--threads", "1",
                          "--until-end", "--json"});
    QVERIFY(streamer.waitForStarted());

    // Ask until the stream has ended and the server serves its last step.
    QMap<int, double> ratingOf; // version -> the rating it gave
    ratingOf[0] = before.json.value("rating").toDouble();
    QStringList failures;
    int sent = 0, lastVersion = 0, finalStep = -1;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 120000) {
        const bool batch = sent % 3 == 2;
        const Reply r = batch ? client.post("/predict/batch", QJsonArray{pair(user, movie)})
                              : client.post("/predict", pair(user, movie));
        ++sent;
        const QJsonObject p = batch ? r.json.value("predictions").toArray().at(0).toObject()
                                    : r.json;
        const int version = r.json.value("version").toInt(-1);
        if (r.status != 200 || version < 0 || !p.value("rating").isDouble())
            failures << QStringLiteral("#%1: HTTP %2 %3")
                            .arg(sent)
                            .arg(r.status)
                            .arg(QString::fromUtf8(r.body));
        else if (version < lastVersion)
            failures << QStringLiteral("#%1: version %2 after %3").arg(sent).arg(version)
                            .arg(lastVersion);
        else if (ratingOf.contains(version) && ratingOf[version] != p.value("rating").toDouble())
            failures << QStringLiteral("#%1: version %2 gave two ratings").arg(sent).arg(version);
        else
            ratingOf[version] = p.value("rating").toDouble();
        lastVersion = std::max(lastVersion, version);
        if (finalStep < 0 && streamer.state() == QProcess::NotRunning) {
            QCOMPARE(streamer.exitCode(), 0);
            const QList<QByteArray> lines = streamer.readAllStandardOutput().trimmed().split('\n');
            finalStep = QJsonDocument::fromJson(lines.last()).object().value("summary")
                            .toObject().value("last_step").toInt(-1);
            QCOMPARE(finalStep, (stream + 499) / 500);
        }
        if (finalStep > 0 && lastVersion == finalStep)
            break;
        QTest::qWait(5);
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 10).join('\n')));
    QVERIFY2(finalStep > 0, "the stream did not finish");
    QCOMPARE(lastVersion, finalStep);
    QStringList versions;
    for (int v : ratingOf.keys())
        versions << QString::number(v);
    qInfo("%d requests during the reload; versions served: %s", sent,
          qPrintable(versions.join(' ')));

    // Health names the checkpoint; its answer is what `ncf predict` gives with that folder,
    // and fine-tuning on the whole stream moved it.
    const Reply health = client.get("/health");
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json.value("version").toInt(), finalStep);
    const QString checkpoint = QDir(model).filePath(
        QStringLiteral("stream/step-%1").arg(finalStep, 6, 10, QLatin1Char('0')));
    QCOMPARE(health.json.value("model").toString(), checkpoint);
    const Reply after = client.post("/predict", pair(user, movie));
    QCOMPARE(after.status, 200);
    QCOMPARE(after.json.value("version").toInt(), finalStep);
    const double rating = after.json.value("rating").toDouble();
    QVERIFY(std::abs(rating - predict(checkpoint, user, movie).value("rating").toDouble())
            < 1e-9);
    QVERIFY2(rating != before.json.value("rating").toDouble(), "fine-tuning changed nothing");
    // The server said so on its output too.
    server.process.waitForReadyRead(200);
    const QByteArray said = server.process.readAllStandardOutput();
    QVERIFY2(said.contains(QStringLiteral("serving %1 (version %2)").arg(checkpoint)
                               .arg(finalStep).toUtf8()),
             said.constData());
}

void tst_Serve::endsOnSigterm()
{
    Service server;
    QVERIFY(startServer(server, m_model));
    {
        Client client(server.address);
        const auto [user, movie] = m_known[1];
        QCOMPARE(client.post("/predict", pair(user, movie)).status, 200);
        QCOMPARE(client.post("/predict/batch", QJsonArray{pair(user, movie)}).status, 200);
        QCOMPARE(client.get("/health").status, 200); // not a prediction request
    }
    server.process.terminate(); // SIGTERM
    QVERIFY(server.process.waitForFinished(15000));
    QCOMPARE(server.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process.exitCode(), 0);
    const QByteArray out = server.process.readAllStandardOutput();
    QVERIFY2(out.contains(QStringLiteral("serving %1 (version 0)").arg(m_model).toUtf8()),
             out.constData());
    QVERIFY2(out.contains("stopped after 2 requests"), out.constData());
    // The port is closed now.
    Client late(server.address);
    const Reply refused = late.get("/health");
    QCOMPARE(refused.status, 0);
    QCOMPARE(refused.error, QNetworkReply::ConnectionRefusedError);
}

QTEST_GUILESS_MAIN(tst_Serve)
#include "tst_serve.moc"
