#include "core/report/experimentreport.h"

#include "core/common/tr.h"
#include "core/storage/experimentstore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

#include <cmath>

namespace Ncf {

namespace {

QString compact(const QJsonObject &config)
{
    QStringList parts;
    for (auto it = config.begin(); it != config.end(); ++it) {
        const QJsonValue v = it.value();
        parts << it.key() + QLatin1Char('=')
                     + (v.isString() ? v.toString() : QString::number(v.toDouble(), 'g', 4));
    }
    return parts.join(QLatin1String(", "));
}

QString number(double v, int decimals = 4)
{
    return std::isnan(v) ? QString() : QString::number(v, 'f', decimals);
}

} // namespace

const std::vector<PublishedResult> &publishedBaselines()
{
    static const QString source = QStringLiteral(
        "Surprise library benchmarks (N. Hug, JOSS 5(52) 2174, 2020; surpriselib.com), "
        "5-fold CV, default parameters");
    static const QString protocol = QStringLiteral("5-fold CV");
    static const std::vector<PublishedResult> rows = {
        {QStringLiteral("MovieLens 100K"), QStringLiteral("SVD (biased MF)"), protocol, 0.934,
         source},
        {QStringLiteral("MovieLens 100K"), QStringLiteral("SVD++"), protocol, 0.920, source},
        {QStringLiteral("MovieLens 100K"), QStringLiteral("Baseline (biases only)"), protocol,
         0.944, source},
        {QStringLiteral("MovieLens 1M"), QStringLiteral("SVD (biased MF)"), protocol, 0.873,
         source},
        {QStringLiteral("MovieLens 1M"), QStringLiteral("SVD++"), protocol, 0.862, source},
        {QStringLiteral("MovieLens 1M"), QStringLiteral("Baseline (biases only)"), protocol,
         0.909, source},
    };
    return rows;
}

Result<Table> resultsTable(const ExperimentStore &store)
{
    Result<std::vector<ExperimentRecord>> experiments = store.experiments();
    if (!experiments)
        return makeError(experiments.error());
    Table t;
    t.title = ReportTr::tr("Validation RMSE by model");
    t.header = {ReportTr::tr("Model"), ReportTr::tr("Configuration"), ReportTr::tr("Data"),
                ReportTr::tr("Protocol"), ReportTr::tr("RMSE"), ReportTr::tr("Std"),
                ReportTr::tr("Kind")};
    for (const ExperimentRecord &e : *experiments) {
        const QString data = [&] {
            Result<std::pair<QString, QString>> d = store.dataset(e.datasetId);
            return d ? QFileInfo(d->first).fileName() : QString();
        }();
        Result<std::vector<TrialRecord>> trials = store.trials(e.id);
        if (!trials)
            return makeError(trials.error());
        if (e.kind == QLatin1String("search")) {
            const TrialRecord *best = nullptr;
            for (const TrialRecord &tr : *trials)
                if (!std::isnan(tr.bestValRmse) && tr.epochs > 0
                    && (!best || tr.bestValRmse < best->bestValRmse))
                    best = &tr;
            if (!best)
                continue;
            t.rows.append({e.model, compact(best->config), data,
                           ReportTr::tr("holdout, best of %1 trials (%2)")
                               .arg(trials->size())
                               .arg(e.algorithm),
                           number(best->bestValRmse), QString(), ReportTr::tr("measured")});
        } else if (e.kind == QLatin1String("train")) {
            // A Train-tab run (or `ncf train --db`): its one trial's best epoch.
            for (const TrialRecord &tr : *trials)
                if (!std::isnan(tr.bestValRmse) && tr.epochs > 0 && tr.bestEpoch > 0)
                    t.rows.append({e.model, compact(tr.config), data,
                                   ReportTr::tr("holdout, training run, epoch %1")
                                       .arg(tr.bestEpoch),
                                   number(tr.bestValRmse), QString(), ReportTr::tr("measured")});
        } else {
            Result<std::vector<CvScoreRecord>> scores = store.cvScores(e.id);
            if (!scores)
                return makeError(scores.error());
            for (const CvScoreRecord &s : *scores) {
                const auto trial = std::find_if(trials->begin(), trials->end(),
                                                [&](const auto &x) { return x.id == s.trialId; });
                t.rows.append({e.model, trial != trials->end() ? compact(trial->config) : QString(),
                               data,
                               ReportTr::tr("%1-fold CV, epoch %2")
                                   .arg(s.foldRmse.size())
                                   .arg(s.bestEpoch),
                               number(s.meanRmse), number(s.stdRmse), ReportTr::tr("measured")});
            }
        }
    }
    for (const PublishedResult &p : publishedBaselines())
        t.rows.append({p.model, QString(), p.dataset, p.protocol, number(p.rmse, 3), QString(),
                       ReportTr::tr("published")});
    t.note = ReportTr::tr("Rows marked \"published\" are figures quoted from %1, not measured "
                          "here.")
                 .arg(publishedBaselines().front().source);
    return t;
}

Result<Table> epochsTable(const ExperimentStore &store)
{
    Result<std::vector<ExperimentRecord>> experiments = store.experiments();
    if (!experiments)
        return makeError(experiments.error());
    Table t;
    t.title = ReportTr::tr("Every epoch");
    t.header = {QStringLiteral("experiment"), QStringLiteral("kind"), QStringLiteral("model"),
                QStringLiteral("trial"),      QStringLiteral("status"), QStringLiteral("fold"),
                QStringLiteral("epoch"),      QStringLiteral("train_mse"),
                QStringLiteral("val_mse"),    QStringLiteral("val_rmse"),
                QStringLiteral("seconds"),    QStringLiteral("config")};
    for (const ExperimentRecord &e : *experiments) {
        Result<std::vector<TrialRecord>> trials = store.trials(e.id);
        if (!trials)
            return makeError(trials.error());
        for (const TrialRecord &trial : *trials) {
            Result<std::vector<EpochRecord>> epochs = store.epochs(trial.id);
            if (!epochs)
                return makeError(epochs.error());
            const QString config = QString::fromUtf8(
                QJsonDocument(trial.config).toJson(QJsonDocument::Compact));
            for (const EpochRecord &r : *epochs)
                t.rows.append({QString::number(e.id), e.kind, e.model,
                               QString::number(trial.number), trialStatusName(trial.status),
                               QString::number(r.fold), QString::number(r.report.epoch),
                               number(r.report.trainMse, 6), number(r.report.valMse, 6),
                               number(r.report.valRmse, 6), number(r.report.seconds, 3),
                               config});
        }
    }
    return t;
}

Result<QStringList> exportResults(const ExperimentStore &store, const QString &dir,
                                  TableFormat format)
{
    if (!QDir().mkpath(dir))
        return makeError(ReportTr::tr("%1: cannot create the folder").arg(dir));
    Result<Table> results = resultsTable(store);
    if (!results)
        return makeError(results.error());
    Result<Table> epochs = epochsTable(store);
    if (!epochs)
        return makeError(epochs.error());
    const QString resultsPath = QDir(dir).filePath(QStringLiteral("results.")
                                                   + tableSuffix(format));
    const QString epochsPath = QDir(dir).filePath(QStringLiteral("epochs.csv"));
    if (Result<void> r = writeTable(*results, resultsPath, format); !r)
        return makeError(r.error());
    if (Result<void> r = writeTable(*epochs, epochsPath, TableFormat::Csv); !r)
        return makeError(r.error());
    return QStringList{resultsPath, epochsPath};
}

} // namespace Ncf
