#include "app/cli/searchcommands.h"

#include "app/cli/clicommon.h"
#include "core/data/movielensreader.h"
#include "core/report/experimentreport.h"
#include "core/search/crossvalidation.h"
#include "core/search/searchrunner.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <atomic>
#include <functional>
#include <thread>

namespace Ncf::Cli {

namespace {

//! Runs `work` on a worker thread and calls `cancel` when Ctrl+C arrives, so that an
//! interrupted run still ends cleanly (its trials stored as interrupted, ready to resume).
void runCancellable(const std::function<void()> &work, const std::function<void()> &cancel)
{
    std::atomic<bool> done{false};
    const InterruptGuard guard;
    std::thread worker([&] {
        work();
        done = true;
    });
    while (!done) {
        if (InterruptGuard::take())
            cancel();
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    worker.join();
}

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
    runCancellable([&] { result = runner.run(id, callbacks); }, [&] { runner.cancel(); });
    return result;
}

//! The ratings an experiment was run on, refused if the file changed since.
Result<RatingDataset> experimentData(const ExperimentStore &store, const ExperimentRecord &e)
{
    Result<std::pair<QString, QString>> dataset = store.dataset(e.datasetId);
    if (!dataset)
        return makeError(dataset.error());
    Result<RatingDataset> data = loadRatings(dataset->first);
    if (!data)
        return data;
    if (fileChecksum(data->path) != dataset->second)
        return makeError(CliTr::tr("%1 changed since experiment %2 used it (its SHA-256 "
                                   "differs); going on would mix results from two datasets")
                             .arg(data->path)
                             .arg(e.id));
    return data;
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
    if (settings.algorithm != QLatin1String("random")
        && settings.algorithm != QLatin1String("asha"))
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
    Result<RatingDataset> data = experimentData(**store, *target);
    if (!data)
        return fail(data.error());
    Result<ModelEngine *> engine = modelEngine();
    if (!engine)
        return fail(engine.error());
    SearchRunner runner(**store, *data, **engine);
    const bool json = parser.isSet(QStringLiteral("json"));
    return report(**store, runInterruptibly(runner, target->id, json), json);
}

int runCv(const QStringList &args)
{
    const QString command = QStringLiteral("cv");
    QCommandLineParser parser;
    parser.setApplicationDescription(CliTr::tr(
        "Cross-validates the best configurations of a search with k folds, recording every "
        "fold's epochs; a configuration's score is the lowest fold-averaged validation RMSE "
        "over epochs."));
    parser.addOption({QStringLiteral("db"), CliTr::tr("Experiment database."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("experiment"),
                      CliTr::tr("Search experiment id (default: the latest search)."),
                      QStringLiteral("id")});
    parser.addOption({QStringLiteral("top"), CliTr::tr("Configurations to validate."),
                      QStringLiteral("k"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("folds"), CliTr::tr("Number of folds."), QStringLiteral("k"),
                      QStringLiteral("10")});
    parser.addOption({QStringLiteral("epochs"),
                      CliTr::tr("Epochs per fold (default: the search's limit)."),
                      QStringLiteral("n"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("workers"), CliTr::tr("Folds trained at once."),
                      QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("threads"), CliTr::tr("Intra-op threads per fold."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("seed"), CliTr::tr("Random seed of the folds."),
                      QStringLiteral("seed"), QStringLiteral("42")});
    parser.addOption({QStringLiteral("json"), CliTr::tr("Print one JSON object.")});
    if (const int rc = parseCommandLine(parser, command, args); rc >= 0)
        return rc;
    if (!parser.isSet(QStringLiteral("db")))
        return usage(command, CliTr::tr("--db FILE is required"));
    CvSettings settings;
    bool ok = true;
    auto number = [&](const char *name) {
        bool good = false;
        const int v = parser.value(QLatin1String(name)).toInt(&good);
        ok = ok && good && v >= 0;
        return v;
    };
    settings.top = number("top");
    settings.folds = number("folds");
    settings.epochs = number("epochs");
    settings.workers = std::max(1, number("workers"));
    settings.threadsPerTrial = parser.isSet(QStringLiteral("threads"))
                                   ? std::max(1, number("threads"))
                                   : std::max(1, QThread::idealThreadCount() / settings.workers);
    settings.seed = parser.value(QStringLiteral("seed")).toULongLong();
    if (!ok)
        return usage(command, CliTr::tr("--top, --folds, --epochs, --workers and --threads "
                                        "expect whole numbers"));

    Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(
        parser.value(QStringLiteral("db")));
    if (!store)
        return fail(store.error());
    Result<std::vector<ExperimentRecord>> experiments = (*store)->experiments();
    if (!experiments)
        return fail(experiments.error());
    settings.sourceExperiment = parser.value(QStringLiteral("experiment")).toLongLong();
    if (settings.sourceExperiment == 0)
        for (const ExperimentRecord &e : *experiments)
            if (e.kind == QLatin1String("search"))
                settings.sourceExperiment = e.id;
    Result<ExperimentRecord> source = (*store)->experiment(settings.sourceExperiment);
    if (!source)
        return fail(source.error());
    Result<RatingDataset> data = experimentData(**store, *source);
    if (!data)
        return fail(data.error());
    Result<ModelEngine *> engine = modelEngine();
    if (!engine)
        return fail(engine.error());

    CrossValidator validator(**store, *data, **engine);
    Result<qint64> id = validator.create(settings);
    if (!id)
        return fail(id.error());
    const bool json = parser.isSet(QStringLiteral("json"));
    Result<CvSummary> summary = makeError(QString());
    auto work = [&] {
        summary = validator.run(*id, [json](const TrialRecord &t) {
            if (!json && t.status != TrialStatus::Running)
                printOut(CliTr::tr("configuration %1: %2, CV RMSE %3 at epoch %4\n")
                             .arg(t.number)
                             .arg(trialStatusName(t.status))
                             .arg(t.bestValRmse, 0, 'f', 4)
                             .arg(t.bestEpoch));
        });
    };
    runCancellable(work, [&] { validator.cancel(); });
    if (!summary)
        return fail(summary.error());

    Result<std::vector<CvScoreRecord>> scores = (*store)->cvScores(*id);
    Result<std::vector<TrialRecord>> trials = (*store)->trials(*id);
    if (!scores || !trials)
        return fail(!scores ? scores.error() : trials.error());
    if (json) {
        QJsonArray rows;
        for (const CvScoreRecord &s : *scores) {
            QJsonArray folds;
            for (double v : s.foldRmse)
                folds.append(v);
            const auto t = std::find_if(trials->begin(), trials->end(),
                                        [&](const auto &x) { return x.id == s.trialId; });
            rows.append(QJsonObject{{QStringLiteral("config"), t->config},
                                    {QStringLiteral("best_epoch"), s.bestEpoch},
                                    {QStringLiteral("mean_rmse"), s.meanRmse},
                                    {QStringLiteral("std_rmse"), s.stdRmse},
                                    {QStringLiteral("fold_rmse"), folds}});
        }
        printJson(QJsonObject{{QStringLiteral("experiment"), *id},
                              {QStringLiteral("source_experiment"), settings.sourceExperiment},
                              {QStringLiteral("folds"), settings.folds},
                              {QStringLiteral("cancelled"), summary->cancelled},
                              {QStringLiteral("failed"), summary->failed},
                              {QStringLiteral("configurations"), rows}});
    }
    return summary->cancelled ? Failure : Success;
}

int runExport(const QStringList &args)
{
    const QString command = QStringLiteral("export");
    QCommandLineParser parser;
    parser.setApplicationDescription(CliTr::tr(
        "Writes the results table of an experiment database (measured models and published "
        "baselines, marked as such) as results.csv, results.md or results.tex, and every "
        "epoch of every trial and fold as epochs.csv."));
    parser.addOption({QStringLiteral("db"), CliTr::tr("Experiment database."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("format"), CliTr::tr("csv, md or latex."),
                      QStringLiteral("format"), QStringLiteral("csv")});
    parser.addOption({QStringLiteral("out"), CliTr::tr("Output folder."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("json"), CliTr::tr("Print one JSON object.")});
    if (const int rc = parseCommandLine(parser, command, args); rc >= 0)
        return rc;
    if (!parser.isSet(QStringLiteral("db")) || !parser.isSet(QStringLiteral("out")))
        return usage(command, CliTr::tr("--db FILE and --out DIR are required"));
    Result<TableFormat> format = tableFormatFromName(parser.value(QStringLiteral("format")));
    if (!format)
        return usage(command, format.error());
    Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(
        parser.value(QStringLiteral("db")));
    if (!store)
        return fail(store.error());
    Result<QStringList> written = exportResults(**store, parser.value(QStringLiteral("out")),
                                                *format);
    if (!written)
        return fail(written.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray files;
        for (const QString &f : *written)
            files.append(f);
        printJson(QJsonObject{{QStringLiteral("files"), files}});
    } else {
        printOut(written->join(QLatin1Char('\n')) + QLatin1Char('\n'));
    }
    return Success;
}

} // namespace Ncf::Cli
