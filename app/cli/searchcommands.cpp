#include "app/cli/searchcommands.h"

#include "app/cli/clicommon.h"
#include "core/data/movielensreader.h"
#include "core/search/searchrunner.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <atomic>
#include <csignal>
#include <thread>

namespace Ncf::Cli {

namespace {

std::atomic<bool> g_interrupted{false};

void handleInterrupt(int)
{
    g_interrupted = true;
}

QString fileChecksum(const QString &path)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (f.open(QIODevice::ReadOnly))
        hash.addData(&f);
    return QString::fromLatin1(hash.result().toHex());
}

//! Runs `id` on a worker thread so that Ctrl+C can cancel it cleanly from here.
Result<SearchSummary> runInterruptibly(SearchRunner &runner, qint64 id, bool quiet)
{
    SearchCallbacks callbacks;
    if (!quiet)
        callbacks.trialChanged = [](const TrialRecord &t) {
            if (t.status == TrialStatus::Running)
                return;
            printOut(CliTr::tr("trial %1: %2 after %3 epochs, best validation RMSE %4%5\n")
                         .arg(t.number)
                         .arg(trialStatusName(t.status))
                         .arg(t.epochs)
                         .arg(t.bestValRmse, 0, 'f', 4)
                         .arg(t.error.isEmpty() ? QString() : QStringLiteral(" (") + t.error
                                                                  + QLatin1Char(')')));
        };
    Result<SearchSummary> result = makeError(QString());
    std::atomic<bool> done{false};
    std::signal(SIGINT, handleInterrupt);
    std::thread worker([&] {
        result = runner.run(id, callbacks);
        done = true;
    });
    while (!done) {
        if (g_interrupted.exchange(false))
            runner.cancel();
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    worker.join();
    std::signal(SIGINT, SIG_DFL);
    return result;
}

int report(ExperimentStore &store, const Result<SearchSummary> &summary, bool json)
{
    if (!summary)
        return fail(summary.error());
    const Result<std::vector<TrialRecord>> trials = store.trials(summary->experimentId);
    if (!trials)
        return fail(trials.error());
    const TrialRecord *best = nullptr;
    for (const TrialRecord &t : *trials)
        if (!std::isnan(t.bestValRmse) && t.epochs > 0
            && (!best || t.bestValRmse < best->bestValRmse))
            best = &t;
    if (json) {
        QJsonArray rows;
        for (const TrialRecord &t : *trials)
            rows.append(QJsonObject{{QStringLiteral("number"), t.number},
                                    {QStringLiteral("config"), t.config},
                                    {QStringLiteral("status"), trialStatusName(t.status)},
                                    {QStringLiteral("epochs"), t.epochs},
                                    {QStringLiteral("best_epoch"), t.bestEpoch},
                                    {QStringLiteral("best_val_rmse"),
                                     std::isnan(t.bestValRmse) ? QJsonValue()
                                                               : QJsonValue(t.bestValRmse)},
                                    {QStringLiteral("error"), t.error}});
        printJson(QJsonObject{
            {QStringLiteral("experiment"), summary->experimentId},
            {QStringLiteral("db"), store.path()},
            {QStringLiteral("completed"), summary->completed},
            {QStringLiteral("stopped"), summary->stopped},
            {QStringLiteral("failed"), summary->failed},
            {QStringLiteral("interrupted"), summary->interrupted},
            {QStringLiteral("resumed_interrupted"), summary->resumedInterrupted},
            {QStringLiteral("cancelled"), summary->cancelled},
            {QStringLiteral("best"), best ? QJsonValue(QJsonObject{
                                                {QStringLiteral("number"), best->number},
                                                {QStringLiteral("config"), best->config},
                                                {QStringLiteral("best_val_rmse"),
                                                 best->bestValRmse}})
                                          : QJsonValue()},
            {QStringLiteral("trials"), rows}});
    } else {
        printOut(CliTr::tr("experiment %1: %2 completed, %3 stopped by the scheduler, %4 "
                           "failed, %5 left for `ncf resume`\n")
                     .arg(summary->experimentId)
                     .arg(summary->completed)
                     .arg(summary->stopped)
                     .arg(summary->failed)
                     .arg(summary->interrupted));
        if (best)
            printOut(CliTr::tr("best: trial %1, validation RMSE %2, %3\n")
                         .arg(best->number)
                         .arg(best->bestValRmse, 0, 'f', 4)
                         .arg(QString::fromUtf8(
                             QJsonDocument(best->config).toJson(QJsonDocument::Compact))));
    }
    return summary->cancelled ? Failure : Success;
}

} // namespace

int runSearch(const QStringList &args)
{
    const QString command = QStringLiteral("search");
    QCommandLineParser parser;
    parser.setApplicationDescription(CliTr::tr(
        "Searches hyperparameters with random search or ASHA on a holdout split, recording "
        "every trial and epoch in an SQLite experiment database as they arrive."));
    parser.addOption({QStringLiteral("data"), CliTr::tr("Ratings file or folder."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("model"), CliTr::tr("nonlinear, autoencoder, vae or mf."),
                      QStringLiteral("kind"), QStringLiteral("nonlinear")});
    parser.addOption({QStringLiteral("algo"), CliTr::tr("random or asha."),
                      QStringLiteral("name"), QStringLiteral("random")});
    parser.addOption({QStringLiteral("trials"), CliTr::tr("Number of trials."),
                      QStringLiteral("n"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("space"),
                      CliTr::tr("Search space JSON file (default: the model's preset)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("epochs"),
                      CliTr::tr("Most epochs per trial (overrides the space's max_epochs, and "
                                "ASHA's max_t)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("workers"), CliTr::tr("Trials trained at once."),
                      QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("threads"), CliTr::tr("Intra-op threads per trial."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("seed"), CliTr::tr("Random seed."), QStringLiteral("seed"),
                      QStringLiteral("42")});
    parser.addOption({QStringLiteral("grace"), CliTr::tr("ASHA grace period."),
                      QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("rf"), CliTr::tr("ASHA reduction factor."),
                      QStringLiteral("x"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("brackets"), CliTr::tr("ASHA brackets."),
                      QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("db"), CliTr::tr("Experiment database (created if "
                                                      "missing)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("json"), CliTr::tr("Print one JSON object.")});
    if (const int rc = parseCommandLine(parser, command, args); rc >= 0)
        return rc;
    if (!parser.isSet(QStringLiteral("data")) || !parser.isSet(QStringLiteral("db")))
        return usage(command, CliTr::tr("--data FILE and --db FILE are required"));

    Result<ModelKind> kind = modelKindFromName(parser.value(QStringLiteral("model")));
    if (!kind)
        return usage(command, kind.error());
    SearchSettings settings;
    settings.space = presetSpace(*kind);
    if (parser.isSet(QStringLiteral("space"))) {
        QFile f(parser.value(QStringLiteral("space")));
        if (!f.open(QIODevice::ReadOnly))
            return fail(CliTr::tr("%1: cannot read: %2").arg(f.fileName(), f.errorString()));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
        if (error.error != QJsonParseError::NoError)
            return fail(CliTr::tr("%1: not valid JSON: %2").arg(f.fileName(),
                                                                error.errorString()));
        Result<SearchSpace> space = SearchSpace::fromJson(doc.object());
        if (!space)
            return fail(QStringLiteral("%1: %2").arg(f.fileName(), space.error()));
        settings.space = *space;
    }
    settings.algorithm = parser.value(QStringLiteral("algo")).toLower();
    if (settings.algorithm != QLatin1String("random") && settings.algorithm != QLatin1String("asha"))
        return usage(command, CliTr::tr("--algo expects random or asha"));
    bool ok = true;
    auto number = [&](const char *name) {
        bool good = false;
        const int v = parser.value(QLatin1String(name)).toInt(&good);
        ok = ok && good && v > 0;
        return v;
    };
    settings.trials = number("trials");
    settings.workers = number("workers");
    settings.threadsPerTrial = parser.isSet(QStringLiteral("threads"))
                                   ? number("threads")
                                   : std::max(1, QThread::idealThreadCount() / settings.workers);
    settings.asha.gracePeriod = number("grace");
    settings.asha.brackets = number("brackets");
    settings.asha.reductionFactor = parser.value(QStringLiteral("rf")).toDouble();
    if (parser.isSet(QStringLiteral("epochs"))) {
        settings.space.maxEpochs = number("epochs");
        settings.asha.maxT = settings.space.maxEpochs;
    }
    settings.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return usage(command, CliTr::tr("--trials, --workers, --threads, --epochs, --grace and "
                                        "--brackets expect positive whole numbers"));
    if (settings.algorithm == QLatin1String("asha"))
        if (Result<void> valid = validateAsha(settings.asha); !valid)
            return usage(command, valid.error());

    Result<RatingDataset> data = loadRatings(parser.value(QStringLiteral("data")));
    if (!data)
        return fail(data.error());
    Result<ModelEngine *> engine = modelEngine();
    if (!engine)
        return fail(engine.error());
    Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(
        parser.value(QStringLiteral("db")));
    if (!store)
        return fail(store.error());
    SearchRunner runner(**store, *data, **engine);
    Result<qint64> id = runner.create(settings, fileChecksum(data->path));
    if (!id)
        return fail(id.error());
    const bool json = parser.isSet(QStringLiteral("json"));
    return report(**store, runInterruptibly(runner, *id, json), json);
}

int runResume(const QStringList &args)
{
    const QString command = QStringLiteral("resume");
    QCommandLineParser parser;
    parser.setApplicationDescription(CliTr::tr(
        "Continues a search that was interrupted or cancelled: trials that were running are "
        "run again with their exact configuration, pending ones are started, and ASHA's rungs "
        "are restored from the database."));
    parser.addOption({QStringLiteral("db"), CliTr::tr("Experiment database."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("experiment"),
                      CliTr::tr("Experiment id (default: the latest unfinished search)."),
                      QStringLiteral("id")});
    parser.addOption({QStringLiteral("json"), CliTr::tr("Print one JSON object.")});
    if (const int rc = parseCommandLine(parser, command, args); rc >= 0)
        return rc;
    if (!parser.isSet(QStringLiteral("db")))
        return usage(command, CliTr::tr("--db FILE is required"));

    Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(
        parser.value(QStringLiteral("db")));
    if (!store)
        return fail(store.error());
    Result<std::vector<ExperimentRecord>> experiments = (*store)->experiments();
    if (!experiments)
        return fail(experiments.error());
    const ExperimentRecord *target = nullptr;
    const qint64 wanted = parser.value(QStringLiteral("experiment")).toLongLong();
    for (const ExperimentRecord &e : *experiments)
        if (e.kind == QLatin1String("search")
            && (wanted ? e.id == wanted : e.status != QLatin1String("finished")))
            target = &e;
    if (!target)
        return fail(wanted ? CliTr::tr("%1: no search experiment %2")
                                 .arg((*store)->path())
                                 .arg(wanted)
                           : CliTr::tr("%1: no unfinished search to resume")
                                 .arg((*store)->path()));
    Result<std::pair<QString, QString>> dataset = (*store)->dataset(target->datasetId);
    if (!dataset)
        return fail(dataset.error());
    Result<RatingDataset> data = loadRatings(dataset->first);
    if (!data)
        return fail(data.error());
    if (fileChecksum(data->path) != dataset->second)
        return fail(CliTr::tr("%1 changed since the search started (its SHA-256 differs); "
                              "resuming would mix results from two datasets")
                        .arg(data->path));
    Result<ModelEngine *> engine = modelEngine();
    if (!engine)
        return fail(engine.error());
    SearchRunner runner(**store, *data, **engine);
    const bool json = parser.isSet(QStringLiteral("json"));
    return report(**store, runInterruptibly(runner, target->id, json), json);
}

} // namespace Ncf::Cli
