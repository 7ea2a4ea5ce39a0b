#include "app/cli/modelcommands.h"

#include "app/cli/clicommon.h"
#include "core/data/movielensreader.h"
#include "core/data/splits.h"
#include "core/storage/experimentstore.h"
#include "core/training/continual.h"
#include "core/training/trainrun.h"
#include "core/training/training.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QThread>

#include <cmath>

namespace Ncf::Cli {

int runTrain(const QStringList &args) {
    const QString command = QStringLiteral("train");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliTr::tr("Trains a model with Adam on MSE on a random holdout "
                  "of a ratings file and reports each epoch."));
    parser.addOption(
        {QStringLiteral("data"), CliTr::tr("Ratings file or folder."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("model"),
                      CliTr::tr("nonlinear, autoencoder, vae, mf or mean."), QStringLiteral("kind"),
                      QStringLiteral("nonlinear")});
    parser.addOption(
        {QStringLiteral("param"),
         CliTr::tr("A hyperparameter as name=value (repeatable): embedding_dim, hidden, "
                   "dropout, lr, weight_decay, batch_size, hidden_dim, latent_dim, "
                   "start_beta, offset_beta, annealer, factors, reg, patience."),
         QStringLiteral("name=value")});
    parser.addOption({QStringLiteral("epochs"), CliTr::tr("Most epochs to train."),
                      QStringLiteral("n"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("split"), CliTr::tr("Training share of the holdout."),
                      QStringLiteral("fraction"), QStringLiteral("0.9")});
    parser.addOption({QStringLiteral("seed"), CliTr::tr("Random seed."), QStringLiteral("seed"),
                      QStringLiteral("42")});
    parser.addOption({QStringLiteral("threads"), CliTr::tr("Intra-op threads."),
                      QStringLiteral("n"), QString::number(QThread::idealThreadCount())});
    parser.addOption({QStringLiteral("save"), CliTr::tr("Save the trained model in this folder."),
                      QStringLiteral("dir")});
    parser.addOption(
        {QStringLiteral("dense"),
         CliTr::tr("Use dense Adam for the embeddings too (slower; for comparison).")});
    parser.addOption({QStringLiteral("protocol"),
                      CliTr::tr("holdout: a random split of the whole file; continual: train "
                                "on the continual-learning split's initial sample (holding "
                                "out --split of it for validation) and report the RMSE on its "
                                "static test set."),
                      QStringLiteral("name"), QStringLiteral("holdout")});
    parser.addOption({QStringLiteral("db"),
                      CliTr::tr("Record the run in this experiment database as it goes (the "
                                "Train tab shows it; holdout protocol)."),
                      QStringLiteral("file")});
    addContinualOptions(parser);
    parser.addOption({QStringLiteral("json"), CliTr::tr("Print one JSON object.")});
    if (const int rc = parseCommandLine(parser, command, args); rc >= 0)
        return rc;

    // Options first, so a typo is reported before minutes of loading.
    if (!parser.isSet(QStringLiteral("data")))
        return usage(command, CliTr::tr("--data FILE is required"));
    Result<ModelKind> kind = modelKindFromName(parser.value(QStringLiteral("model")));
    if (!kind)
        return usage(command, kind.error());
    TrainOptions options;
    options.kind = *kind;
    options.params = defaultParams(*kind);
    options.sparseEmbeddings = !parser.isSet(QStringLiteral("dense"));
    for (const QString &assignment : parser.values(QStringLiteral("param")))
        if (Result<void> r = setParamAssignment(options.params, assignment); !r)
            return usage(command, r.error());
    bool ok = false;
    options.epochs = parser.value(QStringLiteral("epochs")).toInt(&ok);
    if (!ok || options.epochs < 1)
        return usage(command, CliTr::tr("--epochs expects a positive whole number"));
    const double split = parser.value(QStringLiteral("split")).toDouble(&ok);
    if (!ok || split <= 0.0 || split >= 1.0)
        return usage(command, CliTr::tr("--split expects a fraction between 0 and 1"));
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return usage(command, CliTr::tr("--seed expects a non-negative whole number"));
    options.threads = parser.value(QStringLiteral("threads")).toInt(&ok);
    if (!ok || options.threads < 1)
        return usage(command, CliTr::tr("--threads expects a positive whole number"));
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString protocol = parser.value(QStringLiteral("protocol"));
    if (protocol != QLatin1String("holdout") && protocol != QLatin1String("continual"))
        return usage(command, CliTr::tr("--protocol expects holdout or continual"));
    Result<ContinualOptions> continualParsed = continualOptions(parser, options.seed);
    if (!continualParsed)
        return usage(command, continualParsed.error());
    const ContinualOptions continual = *continualParsed;

    Result<RatingDataset> data = loadRatings(parser.value(QStringLiteral("data")));
    if (!data)
        return fail(data.error());
    Result<ModelEngine *> engine = modelEngine();
    if (!engine)
        return fail(engine.error());
    const bool continualProtocol = protocol == QLatin1String("continual");
    // Holdout sizes for the header line; the continual protocol's come from its split.
    Holdout holdout;
    qint64 trainCount = 0, validationCount = 0;
    if (continualProtocol) {
        Result<ContinualSplit> parts = continualSplit(*data, continual);
        if (!parts)
            return fail(parts.error());
        const Holdout inner = holdoutSplit(parts->initial.size(), split, options.seed);
        trainCount = qint64(inner.train.size());
        validationCount = qint64(inner.test.size());
    } else {
        holdout = holdoutSplit(data->size(), split, options.seed);
        trainCount = qint64(holdout.train.size());
        validationCount = qint64(holdout.test.size());
    }

    if (!json)
        printOut(CliTr::tr("%1: %2 training and %3 validation ratings, model %4\n"
                           "epoch  train_mse  val_mse    val_rmse  seconds\n")
                     .arg(data->path)
                     .arg(trainCount)
                     .arg(validationCount)
                     .arg(modelKindName(options.kind)));
    TrainCallbacks callbacks;
    callbacks.isCanceled = [] { return InterruptGuard::raised(); };
    if (!json)
        callbacks.epochFinished = [](const EpochReport &e) {
            printOut(QStringLiteral("%1  %2  %3  %4  %5\n")
                         .arg(e.epoch, 5)
                         .arg(e.trainMse, 9, 'f', 6)
                         .arg(e.valMse, 9, 'f', 6)
                         .arg(e.valRmse, 8, 'f', 4)
                         .arg(e.seconds, 7, 'f', 2));
        };
    // Ctrl+C stops after the current batch; the best epoch so far is still reported and saved.
    Result<ModelEngine::Trained> trained = makeError(QString());
    qint64 testRatings = 0;
    double testRmse = std::nan("");
    {
        const InterruptGuard guard;
        if (continualProtocol) {
            // The seeded split `ncf produce` and `ncf stream` use: train on its initial sample.
            Result<ContinualTrained> c
                = trainContinual(**engine, *data, continual, split, options, callbacks);
            if (c) {
                testRatings = c->testRatings;
                testRmse = c->testRmse;
                trained = std::move(c->trained);
            } else {
                trained = makeError(c.error());
            }
        } else if (parser.isSet(QStringLiteral("db"))) {
            Result<std::unique_ptr<ExperimentStore>> store
                = ExperimentStore::open(parser.value(QStringLiteral("db")));
            if (!store)
                return fail(store.error());
            TrainRunSettings recorded;
            recorded.options = options;
            recorded.trainFraction = split;
            trained = trainRecorded(**engine, **store, *data, recorded, callbacks);
        } else {
            trained = (*engine)->train(*data, holdout.train, holdout.test, options, callbacks);
        }
    }
    if (!trained)
        return fail(trained.error());
    const TrainReport &report = trained->report;
    if (parser.isSet(QStringLiteral("save"))) {
        if (Result<void> saved = trained->model->save(parser.value(QStringLiteral("save"))); !saved)
            return fail(saved.error());
    }
    if (json) {
        QJsonObject out = report.toJson();
        out.insert(QStringLiteral("model"), modelKindName(options.kind));
        out.insert(QStringLiteral("params"), paramsToJson(options.params, options.kind));
        out.insert(QStringLiteral("data"), data->path);
        out.insert(QStringLiteral("train_ratings"), trainCount);
        out.insert(QStringLiteral("validation_ratings"), validationCount);
        out.insert(QStringLiteral("threads"), options.threads);
        out.insert(QStringLiteral("protocol"), protocol);
        if (testRatings > 0) {
            out.insert(QStringLiteral("test_ratings"), testRatings);
            out.insert(QStringLiteral("test_rmse"), testRmse);
        }
        if (parser.isSet(QStringLiteral("save")))
            out.insert(QStringLiteral("saved"), parser.value(QStringLiteral("save")));
        printJson(out);
    } else {
        printOut(CliTr::tr("best epoch %1: validation RMSE %2 (%3 samples/s%4)\n")
                     .arg(report.bestEpoch)
                     .arg(report.bestValRmse, 0, 'f', 4)
                     .arg(qRound64(report.samplesPerSecond))
                     .arg(report.cancelled      ? CliTr::tr(", cancelled")
                          : report.stoppedEarly ? CliTr::tr(", stopped early")
                                                : QString()));
        if (testRatings > 0)
            printOut(CliTr::tr("static test set: %1 ratings, RMSE %2\n")
                         .arg(testRatings)
                         .arg(testRmse, 0, 'f', 4));
    }
    return report.cancelled ? Failure : Success;
}

int runPredict(const QStringList &args) {
    const QString command = QStringLiteral("predict");
    QCommandLineParser parser;
    parser.setApplicationDescription(CliTr::tr("Predicts one rating with a saved model."));
    parser.addOption({QStringLiteral("model"), CliTr::tr("Model folder (from ncf train --save)."),
                      QStringLiteral("dir")});
    parser.addOption(
        {QStringLiteral("user"), CliTr::tr("Raw MovieLens user id."), QStringLiteral("id")});
    parser.addOption(
        {QStringLiteral("movie"), CliTr::tr("Raw MovieLens movie id."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("json"), CliTr::tr("Print one JSON object.")});
    if (const int rc = parseCommandLine(parser, command, args); rc >= 0)
        return rc;
    if (!parser.isSet(QStringLiteral("model")) || !parser.isSet(QStringLiteral("user"))
        || !parser.isSet(QStringLiteral("movie")))
        return usage(command, CliTr::tr("--model DIR, --user U and --movie M are required"));
    bool userOk = false, movieOk = false;
    const uint32_t user = parser.value(QStringLiteral("user")).toUInt(&userOk);
    const uint32_t movie = parser.value(QStringLiteral("movie")).toUInt(&movieOk);
    if (!userOk || !movieOk)
        return usage(command, CliTr::tr("--user and --movie expect non-negative whole numbers"));

    Result<ModelEngine *> engine = modelEngine();
    if (!engine)
        return fail(engine.error());
    Result<std::unique_ptr<TrainedModel>> model
        = (*engine)->load(parser.value(QStringLiteral("model")));
    if (!model)
        return fail(model.error());
    const Prediction p = (*model)->predict(user, movie);
    if (parser.isSet(QStringLiteral("json")))
        printJson(QJsonObject{{QStringLiteral("userId"), qint64(user)},
                              {QStringLiteral("movieId"), qint64(movie)},
                              {QStringLiteral("rating"), p.rating},
                              {QStringLiteral("cold_start"), p.coldStart}});
    else
        printOut(
            QStringLiteral("%1%2\n")
                .arg(p.rating, 0, 'f', 4)
                .arg(p.coldStart ? CliTr::tr(" (cold start: unseen user or movie)") : QString()));
    return Success;
}

} // namespace Ncf::Cli
