#include "app/cli/streamcommands.h"

#include "app/cli/clicommon.h"
#include "core/data/movielensreader.h"
#include "core/data/ratingdataset.h"
#include "core/serving/predictionserver.h"
#include "core/storage/experimentstore.h"
#include "core/streaming/streamconsumer.h"

#include <QJsonDocument>
#include <QSocketNotifier>

#include <csignal>

#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace Ncf::Cli {

namespace {

//! "10s", "500ms", "2m" or a plain number of seconds; negative on error.
double parseDuration(const QString &text)
{
    bool ok = false;
    double factor = 1.0;
    QString number = text.trimmed();
    if (number.endsWith(QLatin1String("ms"))) {
        factor = 0.001;
        number.chop(2);
    } else if (number.endsWith(QLatin1Char('s'))) {
        number.chop(1);
    } else if (number.endsWith(QLatin1Char('m'))) {
        factor = 60.0;
        number.chop(1);
    }
    const double value = number.toDouble(&ok);
    return ok && value >= 0.0 ? value * factor : -1.0;
}

QString mseText(double v)
{
    return std::isnan(v) ? QStringLiteral("-") : QString::number(v, 'f', 6);
}

} // namespace

int runStream(const QStringList &args)
{
    const QString command = QStringLiteral("stream");
    QCommandLineParser parser;
    parser.setApplicationDescription(CliTr::tr(
        "Fine-tunes a model continually from a Kafka topic of ratings (as `ncf produce` writes "
        "them): buffers messages, fine-tunes on each full buffer, evaluates on the static test "
        "set and the initial training's holdout, and checkpoints the model with the consumed "
        "offsets. A restart continues from the latest checkpoint."));
    addKafkaOptions(parser);
    parser.addOption({QStringLiteral("group"), CliTr::tr("Consumer group id."),
                      QStringLiteral("id"), QStringLiteral("ncf-stream")});
    parser.addOption({QStringLiteral("subscribe"),
                      CliTr::tr("Join the consumer group and read the partitions it assigns "
                                "(default: read every partition, offsets in the checkpoints).")});
    parser.addOption({QStringLiteral("model"),
                      CliTr::tr("The initially trained model (ncf train --protocol continual "
                                "--save DIR)."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("data"),
                      CliTr::tr("The ratings file the model's continual split was made from."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("state"),
                      CliTr::tr("Checkpoint folder (default MODEL/stream)."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("buffer"),
                      CliTr::tr("Fine-tune when this many ratings are buffered."),
                      QStringLiteral("n"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("trigger"),
                      CliTr::tr("Also fine-tune when this long has passed since the last step "
                                "(10s, 500ms, 2m)."),
                      QStringLiteral("time"), QStringLiteral("10s")});
    parser.addOption({QStringLiteral("min-step"),
                      CliTr::tr("Fewest ratings a timed step fine-tunes on."), QStringLiteral("n"),
                      QStringLiteral("100")});
    parser.addOption({QStringLiteral("validation"),
                      CliTr::tr("Share of each buffer held out for validation."),
                      QStringLiteral("fraction"), QStringLiteral("0.2")});
    parser.addOption({QStringLiteral("epochs"), CliTr::tr("Fine-tuning epochs per step."),
                      QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("threads"), CliTr::tr("Intra-op threads."),
                      QStringLiteral("n"),
                      QString::number(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)))});
    parser.addOption({QStringLiteral("keep"), CliTr::tr("Step checkpoints kept on disk."),
                      QStringLiteral("n"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("max-steps"),
                      CliTr::tr("Stop after this many steps (0: no limit)."), QStringLiteral("n"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("until-end"),
                      CliTr::tr("Stop once the topic is read to its end (the rest of the buffer "
                                "is applied first).")});
    parser.addOption({QStringLiteral("end-idle"),
                      CliTr::tr("With --until-end: stop only when nothing new came for this "
                                "long (for a producer that is still writing)."),
                      QStringLiteral("time"), QStringLiteral("0s")});
    parser.addOption({QStringLiteral("db"), CliTr::tr("Experiment database for the steps."),
                      QStringLiteral("file")});
    addContinualOptions(parser);
    parser.addOption({QStringLiteral("seed"), CliTr::tr("Random seed of each step's split."),
                      QStringLiteral("seed"), QStringLiteral("42")});
    parser.addOption({QStringLiteral("json"), CliTr::tr("Print each step and the summary as "
                                                        "JSON lines.")});
    if (const int rc = parseCommandLine(parser, command, args); rc >= 0)
        return rc;
    if (!parser.isSet(QStringLiteral("brokers")) || !parser.isSet(QStringLiteral("model"))
        || !parser.isSet(QStringLiteral("data")))
        return usage(command,
                     CliTr::tr("--brokers HOST:PORT, --model DIR and --data FILE are required"));

    StreamOptions options;
    options.brokers = parser.value(QStringLiteral("brokers"));
    options.topic = parser.value(QStringLiteral("topic"));
    options.group = parser.value(QStringLiteral("group"));
    options.config = parser.values(QStringLiteral("config"));
    options.modelDir = parser.value(QStringLiteral("model"));
    options.stateDir = parser.value(QStringLiteral("state"));
    options.untilEnd = parser.isSet(QStringLiteral("until-end"));
    options.subscribe = parser.isSet(QStringLiteral("subscribe"));
    bool ok[8] = {};
    options.buffer = parser.value(QStringLiteral("buffer")).toLongLong(&ok[0]);
    options.minStep = parser.value(QStringLiteral("min-step")).toLongLong(&ok[1]);
    options.validationFraction = parser.value(QStringLiteral("validation")).toDouble(&ok[2]);
    options.epochs = parser.value(QStringLiteral("epochs")).toInt(&ok[3]);
    options.threads = parser.value(QStringLiteral("threads")).toInt(&ok[4]);
    options.keep = parser.value(QStringLiteral("keep")).toInt(&ok[5]);
    options.maxSteps = parser.value(QStringLiteral("max-steps")).toInt(&ok[6]);
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok[7]);
    options.triggerSeconds = parseDuration(parser.value(QStringLiteral("trigger")));
    if (!std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; })
        || options.buffer < 1 || options.minStep < 1 || options.epochs < 1
        || options.threads < 1 || options.keep < 1 || options.maxSteps < 0)
        return usage(command, CliTr::tr("--buffer, --min-step, --epochs, --threads and --keep "
                                        "expect positive whole numbers, --max-steps and --seed "
                                        "non-negative ones"));
    options.endIdleSeconds = parseDuration(parser.value(QStringLiteral("end-idle")));
    if (options.triggerSeconds < 0.0 || options.endIdleSeconds < 0.0)
        return usage(command, CliTr::tr("--trigger and --end-idle expect a duration such as 10s "
                                        "or 500ms"));
    if (options.validationFraction < 0.0 || options.validationFraction >= 1.0)
        return usage(command, CliTr::tr("--validation expects a fraction in [0, 1)"));
    // The split comes from the model unless the user names it.
    if (parser.isSet(QStringLiteral("initial")) || parser.isSet(QStringLiteral("test-fraction"))
        || parser.isSet(QStringLiteral("order"))) {
        Result<ContinualOptions> split = continualOptions(parser, options.seed);
        if (!split)
            return usage(command, split.error());
        options.split = *split;
    }

    Result<RatingDataset> data = loadRatings(parser.value(QStringLiteral("data")));
    if (!data)
        return fail(data.error());
    std::unique_ptr<ExperimentStore> store;
    if (parser.isSet(QStringLiteral("db"))) {
        Result<std::unique_ptr<ExperimentStore>> opened
            = ExperimentStore::open(parser.value(QStringLiteral("db")));
        if (!opened)
            return fail(opened.error());
        store = std::move(*opened);
    }

    const bool json = parser.isSet(QStringLiteral("json"));
    const bool tty = isatty(STDERR_FILENO);
    StreamCallbacks callbacks;
    callbacks.isCanceled = [] { return InterruptGuard::raised(); };
    if (!json)
        printOut(CliTr::tr("step  ratings  new_users  new_movies  val_mse    test_mse   "
                           "old_mse    test_rmse  seconds\n"));
    callbacks.stepFinished = [json](const StreamStep &s) {
        if (json) {
            printJsonLine(s.toJson());
            return;
        }
        printOut(QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9\n")
                     .arg(s.step, 4)
                     .arg(s.ratings, 7)
                     .arg(s.newUsers, 9)
                     .arg(s.newItems, 10)
                     .arg(mseText(s.valMse), 9)
                     .arg(mseText(s.testMse), 9)
                     .arg(mseText(s.oldMse), 9)
                     .arg(std::sqrt(s.trueScale(s.testMse)), 9, 'f', 4)
                     .arg(s.stepSeconds, 7, 'f', 2));
    };
    if (tty)
        callbacks.status = [](const StreamStatus &s) {
            const QString broker = s.broker == StreamStatus::Broker::Lost
                                       ? CliTr::tr("broker lost: %1").arg(s.brokerMessage)
                                   : s.broker == StreamStatus::Broker::Connected
                                       ? CliTr::tr("connected")
                                       : CliTr::tr("connecting");
            std::fprintf(stderr, "\r%-80s\r", qPrintable(
                CliTr::tr("%1 | buffer %2/%3 | %4 msg/s | lag %5 | %6")
                    .arg(broker)
                    .arg(s.buffered)
                    .arg(s.bufferTarget)
                    .arg(qRound64(s.ingestRate))
                    .arg(s.lag)
                    .arg(s.phase)
                    .left(80)));
        };

    Result<StreamSummary> summary = [&] {
        const InterruptGuard guard(true);
        return Ncf::runStream(*data, options, callbacks, store.get());
    }();
    if (tty)
        std::fprintf(stderr, "\r%80s\r", "");
    if (!summary)
        return fail(summary.error());
    const QJsonObject out{{QStringLiteral("first_step"), summary->firstStep},
                          {QStringLiteral("last_step"), summary->lastStep},
                          {QStringLiteral("messages"), summary->messages},
                          {QStringLiteral("malformed"), summary->malformed},
                          {QStringLiteral("applied"), summary->applied},
                          {QStringLiteral("lost"), summary->lost},
                          {QStringLiteral("seconds"), summary->seconds},
                          {QStringLiteral("consume_seconds"), summary->consumeSeconds},
                          {QStringLiteral("offsets"), offsetsToJson(summary->offsets)},
                          {QStringLiteral("checkpoint"), summary->checkpoint},
                          {QStringLiteral("cancelled"), summary->cancelled}};
    if (json)
        printJsonLine(QJsonObject{{QStringLiteral("summary"), out}});
    else
        printOut(CliTr::tr("steps %1 to %2: %3 messages (%4 malformed, skipped), %5 ratings "
                           "applied in %6 s; checkpoint %7\n")
                     .arg(summary->firstStep)
                     .arg(summary->lastStep)
                     .arg(summary->messages)
                     .arg(summary->malformed)
                     .arg(summary->applied)
                     .arg(summary->seconds, 0, 'f', 1)
                     .arg(summary->checkpoint));
    if (summary->lost > 0)
        std::fprintf(stderr, "%s", qPrintable(CliTr::tr(
            "ncf: warning: %1 ratings were deleted by the topic's retention before they were "
            "read\n").arg(summary->lost)));
    return Success;
}

namespace {

int g_stopPipe[2] = {-1, -1};

void onStopSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_stopPipe[1], &byte, 1);
}

} // namespace

int runServe(const QStringList &args)
{
    const QString command = QStringLiteral("serve");
    QCommandLineParser parser;
    parser.setApplicationDescription(CliTr::tr(
        "Serves a model's predictions over HTTP: POST /predict {\"userId\", \"movieId\"}, "
        "POST /predict/batch [...], GET /health. Follows the stream's checkpoints "
        "(MODEL/stream) and serves each new one as it appears."));
    parser.addOption({QStringLiteral("model"), CliTr::tr("Model folder."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("state"),
                      CliTr::tr("Checkpoint folder to follow (default MODEL/stream)."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("host"),
                      CliTr::tr("Address to listen on (loopback by default)."),
                      QStringLiteral("address"), QStringLiteral("127.0.0.1")});
    parser.addOption({QStringLiteral("port"), CliTr::tr("Port (0 picks a free one)."),
                      QStringLiteral("port"), QStringLiteral("8080")});
    parser.addOption({QStringLiteral("max-body"), CliTr::tr("Largest request body in bytes."),
                      QStringLiteral("bytes"), QStringLiteral("1048576")});
    parser.addOption({QStringLiteral("max-batch"), CliTr::tr("Most pairs in one batch."),
                      QStringLiteral("n"), QStringLiteral("10000")});
    if (const int rc = parseCommandLine(parser, command, args); rc >= 0)
        return rc;
    if (!parser.isSet(QStringLiteral("model")))
        return usage(command, CliTr::tr("--model DIR is required"));
    ServeOptions options;
    options.modelDir = parser.value(QStringLiteral("model"));
    options.stateDir = parser.value(QStringLiteral("state"));
    bool ok[3] = {};
    const uint port = parser.value(QStringLiteral("port")).toUInt(&ok[0]);
    options.maxBodyBytes = parser.value(QStringLiteral("max-body")).toLongLong(&ok[1]);
    options.maxBatch = parser.value(QStringLiteral("max-batch")).toInt(&ok[2]);
    if (!ok[0] || port > 65535 || !ok[1] || options.maxBodyBytes < 1 || !ok[2]
        || options.maxBatch < 1)
        return usage(command, CliTr::tr("--port expects 0 to 65535, --max-body and --max-batch "
                                        "positive whole numbers"));
    options.port = quint16(port);
    if (!options.host.setAddress(parser.value(QStringLiteral("host"))))
        return usage(command, CliTr::tr("--host expects an IP address"));

    PredictionServer server;
    Result<quint16> listening = server.start(options);
    if (!listening)
        return fail(listening.error());
    // The address first, alone on its line, for scripts and tests.
    printOut(QStringLiteral("http://%1:%2\n").arg(options.host.toString()).arg(*listening));
    printOut(CliTr::tr("serving %1 (version %2)\n").arg(server.modelPath()).arg(server.version()));
    QObject::connect(&server, &PredictionServer::reloaded, &server,
                     [](int version, const QString &path) {
                         printOut(CliTr::tr("serving %1 (version %2)\n").arg(path).arg(version));
                     });

    // Ctrl+C and SIGTERM end the event loop through a pipe (a handler may only write()).
    if (::pipe(g_stopPipe) != 0)
        return fail(CliTr::tr("cannot create a pipe: %1")
                        .arg(QString::fromLocal8Bit(strerror(errno))));
    QSocketNotifier notifier(g_stopPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &notifier,
                     [] { QCoreApplication::quit(); });
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    const int rc = QCoreApplication::exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    server.stop();
    printOut(CliTr::tr("stopped after %1 requests\n").arg(server.requests()));
    return rc == 0 ? Success : Failure;
}

} // namespace Ncf::Cli
