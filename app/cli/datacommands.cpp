#include "app/cli/datacommands.h"

#include "app/cli/clicommon.h"
#include "core/data/movielensreader.h"
#include "core/data/splits.h"
#include "core/data/synth.h"
#include "core/report/table.h"
#include "core/streaming/embeddedbroker.h"
#include "core/streaming/producer.h"
#include "core/stats/eda.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QtEndian>

#include <chrono>
#include <thread>
#include <QJsonArray>

namespace Ncf::Cli {

namespace {

QJsonArray toJsonArray(const QStringList &list)
{
    QJsonArray out;
    for (const QString &s : list)
        out.append(s);
    return out;
}

} // namespace

int runEda(const QStringList &args)
{
    const QString command = QStringLiteral("eda");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Ncf::Cli", "Loads a MovieLens ratings file (u.data, "
                                                "ratings.dat or ratings.csv, or a folder "
                                                "holding one) and prints its statistics."));
    parser.addPositionalArgument(
        QStringLiteral("file"), QCoreApplication::translate("Ncf::Cli", "Ratings file or folder."));
    parser.addOption({QStringLiteral("json"),
                      QCoreApplication::translate("Ncf::Cli", "Print one JSON object.")});
    parser.addOption({QStringLiteral("lenient"),
                      QCoreApplication::translate("Ncf::Cli", "Skip bad lines and report them "
                                                              "instead of stopping.")});
    if (const int rc = parseCommandLine(parser, command, args); rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1)
        return usage(command, QCoreApplication::translate("Ncf::Cli", "expected one FILE"));

    LoadOptions options;
    options.lenient = parser.isSet(QStringLiteral("lenient"));
    const QString path = parser.positionalArguments().first();
    Result<RatingDataset> data = [&] {
        ProgressLine line(QCoreApplication::translate("Ncf::Cli", "loading %1").arg(path));
        return loadRatings(path, options,
                           [&](qint64 done, qint64 total) { return line.update(done, total); });
    }();
    if (!data)
        return fail(data.error());

    const EdaSummary summary = computeEda(*data);
    const LoadReport &report = data->report;
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json = edaToJson(summary);
        json.insert(QStringLiteral("file"), data->path);
        json.insert(QStringLiteral("layout"), layoutName(data->layout));
        json.insert(QStringLiteral("bytes"), report.bytes);
        json.insert(QStringLiteral("load_seconds"), report.parseSeconds + report.checkSeconds);
        json.insert(QStringLiteral("parse_seconds"), report.parseSeconds);
        json.insert(QStringLiteral("duplicate_check_seconds"), report.checkSeconds);
        json.insert(QStringLiteral("memory_bytes"), qint64(data->memoryBytes()));
        json.insert(QStringLiteral("bytes_per_rating"),
                    double(data->memoryBytes()) / double(data->size()));
        json.insert(QStringLiteral("skipped_lines"), report.skippedLines);
        json.insert(QStringLiteral("problems"), toJsonArray(report.firstProblems));
        json.insert(QStringLiteral("duplicate_pairs"), report.duplicatePairs);
        json.insert(QStringLiteral("duplicate_examples"), toJsonArray(report.duplicateExamples));
        printJson(json);
        return Success;
    }

    QString text = QCoreApplication::translate("Ncf::Cli", "%1 (%2): %3 ratings loaded in %4 s\n")
                       .arg(data->path, layoutName(data->layout))
                       .arg(summary.ratings)
                       .arg(report.parseSeconds + report.checkSeconds, 0, 'f', 3);
    if (report.skippedLines > 0) {
        text += QCoreApplication::translate("Ncf::Cli", "skipped %1 bad lines; the first:\n")
                    .arg(report.skippedLines);
        for (const QString &p : report.firstProblems)
            text += QStringLiteral("  ") + p + QLatin1Char('\n');
    }
    if (report.duplicatePairs > 0)
        text += QCoreApplication::translate("Ncf::Cli", "%1 duplicate (user, movie) pairs, "
                                                        "e.g. %2\n")
                    .arg(report.duplicatePairs)
                    .arg(report.duplicateExamples.join(QLatin1String("; ")));
    text += QLatin1Char('\n') + toText(edaOverviewTable(summary)) + QLatin1Char('\n')
            + toText(edaCountsTable(summary)) + QLatin1Char('\n')
            + toText(edaHistogramTable(summary));
    printOut(text);
    return Success;
}

int runSynth(const QStringList &args)
{
    const QString command = QStringLiteral("synth");
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Ncf::Cli", "Writes a synthetic dataset with the size, layout and shape of a MovieLens "
                    "release (see the generator's model in README.md)."));
    parser.addOption({QStringLiteral("shape"),
                      QCoreApplication::translate("Ncf::Cli", "Release to imitate: 100k, 1m "
                                                              "or 25m."),
                      QStringLiteral("shape"), QStringLiteral("100k")});
    parser.addOption({QStringLiteral("out"),
                      QCoreApplication::translate("Ncf::Cli", "Output folder."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("seed"),
                      QCoreApplication::translate("Ncf::Cli", "Random seed."),
                      QStringLiteral("seed"), QStringLiteral("42")});
    parser.addOption({QStringLiteral("users"),
                      QCoreApplication::translate("Ncf::Cli", "Override the number of users."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("items"),
                      QCoreApplication::translate("Ncf::Cli", "Override the number of movies."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("ratings"),
                      QCoreApplication::translate("Ncf::Cli", "Override the number of "
                                                              "ratings."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("json"),
                      QCoreApplication::translate("Ncf::Cli", "Print one JSON object.")});
    if (const int rc = parseCommandLine(parser, command, args); rc >= 0)
        return rc;

    Result<SynthShape> shape = synthShapeFromName(parser.value(QStringLiteral("shape")));
    if (!shape)
        return usage(command, shape.error());
    if (!parser.isSet(QStringLiteral("out")))
        return usage(command, QCoreApplication::translate("Ncf::Cli", "--out DIR is required"));
    bool ok = false;
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return usage(command, QCoreApplication::translate("Ncf::Cli", "--seed expects a "
                                                                      "non-negative integer"));
    SynthSpec spec = synthSpec(*shape);
    for (auto [name, field] : {std::pair{"users", &spec.users}, std::pair{"items", &spec.items},
                               std::pair{"ratings", &spec.ratings}}) {
        const QString option = QLatin1String(name);
        if (!parser.isSet(option))
            continue;
        *field = parser.value(option).toLongLong(&ok);
        if (!ok || *field <= 0)
            return usage(command, QCoreApplication::translate("Ncf::Cli", "--%1 expects a "
                                                                          "positive integer")
                                      .arg(option));
    }
    spec.itemIdSpace = std::max<uint32_t>(spec.itemIdSpace, uint32_t(spec.items));

    QElapsedTimer timer;
    timer.start();
    Result<QString> path = [&] {
        ProgressLine line(QCoreApplication::translate("Ncf::Cli", "generating %1").arg(spec.name));
        return writeSynthetic(spec, seed, parser.value(QStringLiteral("out")),
                              [&](qint64 done, qint64 total) { return line.update(done, total); });
    }();
    if (!path)
        return fail(path.error());
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("file"), *path},
                              {QStringLiteral("shape"), spec.name},
                              {QStringLiteral("layout"), layoutName(spec.layout)},
                              {QStringLiteral("users"), spec.users},
                              {QStringLiteral("items"), spec.items},
                              {QStringLiteral("ratings"), spec.ratings},
                              {QStringLiteral("seed"), qint64(seed)},
                              {QStringLiteral("seconds"), timer.nsecsElapsed() * 1e-9}});
    } else {
        printOut(QCoreApplication::translate("Ncf::Cli", "wrote %1: %2 ratings by %3 users of "
                                                         "%4 movies (%5 shape, seed %6)\n")
                     .arg(*path)
                     .arg(spec.ratings)
                     .arg(spec.users)
                     .arg(spec.items)
                     .arg(spec.name)
                     .arg(seed));
    }
    return Success;
}

int runSplit(const QStringList &args)
{
    const QString command = QStringLiteral("split");
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Ncf::Cli", "Writes the row numbers of a seeded random holdout as train.u32 and "
                    "validation.u32 (little-endian uint32, rows counted from 0 in file order), "
                    "the same split `ncf train` uses."));
    parser.addOption({QStringLiteral("data"),
                      QCoreApplication::translate("Ncf::Cli", "Ratings file or folder."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("out"),
                      QCoreApplication::translate("Ncf::Cli", "Output folder."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("split"),
                      QCoreApplication::translate("Ncf::Cli", "Training share."),
                      QStringLiteral("fraction"), QStringLiteral("0.9")});
    parser.addOption({QStringLiteral("seed"),
                      QCoreApplication::translate("Ncf::Cli", "Random seed."),
                      QStringLiteral("seed"), QStringLiteral("42")});
    if (const int rc = parseCommandLine(parser, command, args); rc >= 0)
        return rc;
    if (!parser.isSet(QStringLiteral("data")) || !parser.isSet(QStringLiteral("out")))
        return usage(command, QCoreApplication::translate("Ncf::Cli", "--data FILE and --out DIR "
                                                                      "are required"));
    bool ok = false, seedOk = false;
    const double split = parser.value(QStringLiteral("split")).toDouble(&ok);
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&seedOk);
    if (!ok || split <= 0.0 || split >= 1.0 || !seedOk)
        return usage(command, QCoreApplication::translate("Ncf::Cli", "--split expects a "
                                                                      "fraction in (0, 1) and "
                                                                      "--seed a whole number"));
    Result<RatingDataset> data = loadRatings(parser.value(QStringLiteral("data")));
    if (!data)
        return fail(data.error());
    const Holdout holdout = holdoutSplit(data->size(), split, seed);
    const QDir out(parser.value(QStringLiteral("out")));
    if (!QDir().mkpath(out.path()))
        return fail(QCoreApplication::translate("Ncf::Cli", "%1: cannot create the folder")
                        .arg(out.path()));
    for (const auto &[name, rows] : {std::pair{"train.u32", &holdout.train},
                                     std::pair{"validation.u32", &holdout.test}}) {
        QByteArray bytes(qsizetype(rows->size() * 4), Qt::Uninitialized);
        for (size_t k = 0; k < rows->size(); ++k)
            qToLittleEndian<uint32_t>((*rows)[k], bytes.data() + k * 4);
        QSaveFile file(out.filePath(QLatin1String(name)));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()
            || !file.commit())
            return fail(QCoreApplication::translate("Ncf::Cli", "%1: cannot write: %2")
                            .arg(file.fileName(), file.errorString()));
    }
    printJson(QJsonObject{{QStringLiteral("data"), data->path},
                          {QStringLiteral("train"), qint64(holdout.train.size())},
                          {QStringLiteral("validation"), qint64(holdout.test.size())},
                          {QStringLiteral("seed"), qint64(seed)},
                          {QStringLiteral("out"), out.path()}});
    return Success;
}

int runBroker(const QStringList &args)
{
    const QString command = QStringLiteral("broker");
    QCommandLineParser parser;
    parser.setApplicationDescription(CliTr::tr(
        "Runs the embedded Kafka broker (librdkafka's mock cluster) on loopback until Ctrl+C "
        "or SIGTERM. The first line of output is its bootstrap address, 127.0.0.1:PORT; the "
        "topic movielens exists with --partitions partitions, other topics are created on "
        "first use."));
    parser.addOption({QStringLiteral("partitions"), CliTr::tr("Partitions of the movielens topic."),
                      QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("brokers"), CliTr::tr("Brokers in the cluster."),
                      QStringLiteral("n"), QStringLiteral("1")});
    if (const int rc = parseCommandLine(parser, command, args); rc >= 0)
        return rc;
    bool ok1 = false, ok2 = false;
    const int partitions = parser.value(QStringLiteral("partitions")).toInt(&ok1);
    const int brokers = parser.value(QStringLiteral("brokers")).toInt(&ok2);
    if (!ok1 || !ok2 || partitions < 1 || brokers < 1)
        return usage(command, CliTr::tr("--partitions and --brokers expect positive whole "
                                        "numbers"));
    Result<std::unique_ptr<EmbeddedBroker>> broker = EmbeddedBroker::start(brokers, partitions);
    if (!broker)
        return fail(broker.error());
    printOut((*broker)->bootstrapServers() + QLatin1Char('\n'));
    const InterruptGuard guard(/*alsoTerminate=*/true);
    while (!InterruptGuard::raised())
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return Success;
}

int runProduce(const QStringList &args)
{
    const QString command = QStringLiteral("produce");
    QCommandLineParser parser;
    parser.setApplicationDescription(CliTr::tr(
        "Replays the stream part of the continual-learning split of a ratings file into a "
        "Kafka topic, one JSON message per rating keyed by user id; a rerun continues where "
        "the last one stopped."));
    parser.addOption({QStringLiteral("data"), CliTr::tr("Ratings file or folder."),
                      QStringLiteral("file")});
    addKafkaOptions(parser);
    parser.addOption({QStringLiteral("rate"), CliTr::tr("Messages per second, or max."),
                      QStringLiteral("n"), QStringLiteral("max")});
    addContinualOptions(parser);
    parser.addOption({QStringLiteral("seed"), CliTr::tr("Random seed of the split."),
                      QStringLiteral("seed"), QStringLiteral("42")});
    parser.addOption({QStringLiteral("json"), CliTr::tr("Print one JSON object.")});
    if (const int rc = parseCommandLine(parser, command, args); rc >= 0)
        return rc;
    if (!parser.isSet(QStringLiteral("data")) || !parser.isSet(QStringLiteral("brokers")))
        return usage(command, CliTr::tr("--data FILE and --brokers HOST:PORT are required"));

    ProduceOptions options;
    options.brokers = parser.value(QStringLiteral("brokers"));
    options.topic = parser.value(QStringLiteral("topic"));
    options.config = parser.values(QStringLiteral("config"));
    bool rateOk = true, seedOk = false;
    const QString rate = parser.value(QStringLiteral("rate"));
    options.rate = rate == QLatin1String("max") ? 0.0 : rate.toDouble(&rateOk);
    if (!rateOk || options.rate < 0.0)
        return usage(command, CliTr::tr("--rate expects a number or max"));
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&seedOk);
    if (!seedOk)
        return usage(command, CliTr::tr("--seed expects a non-negative integer"));
    Result<ContinualOptions> split = continualOptions(parser, seed);
    if (!split)
        return usage(command, split.error());
    options.split = *split;

    Result<RatingDataset> data = loadRatings(parser.value(QStringLiteral("data")));
    if (!data)
        return fail(data.error());
    Result<ProduceReport> report = [&] {
        ProgressLine line(CliTr::tr("producing to %1").arg(options.topic));
        return produceStream(*data, options,
                             [&](qint64 done, qint64 total) { return line.update(done, total); });
    }();
    if (!report)
        return fail(report.error());
    if (parser.isSet(QStringLiteral("json")))
        printJson(QJsonObject{{QStringLiteral("topic"), options.topic},
                              {QStringLiteral("brokers"), options.brokers},
                              {QStringLiteral("stream"), report->stream},
                              {QStringLiteral("skipped"), report->skipped},
                              {QStringLiteral("produced"), report->produced},
                              {QStringLiteral("failed"), report->failed},
                              {QStringLiteral("seconds"), report->seconds}});
    else
        printOut(CliTr::tr("%1: produced %2 of %3 stream ratings (%4 were already there, %5 "
                           "failed) in %6 s\n")
                     .arg(options.topic)
                     .arg(report->produced)
                     .arg(report->stream)
                     .arg(report->skipped)
                     .arg(report->failed)
                     .arg(report->seconds, 0, 'f', 2));
    return report->failed ? Failure : Success;
}

} // namespace Ncf::Cli
