#include "ui/cvrun.h"

#include "core/search/searchspace.h"

#include <algorithm>
#include <cmath>

namespace Ncf::Ui {

namespace {

QString number(double v)
{
    return std::isnan(v) ? QString() : QString::number(v, 'f', 4);
}

} // namespace

Result<CvRun> CvRun::load(const ExperimentStore &store, qint64 id)
{
    Result<ExperimentRecord> experiment = store.experiment(id);
    if (!experiment)
        return makeError(experiment.error());
    CvRun run;
    run.experiment = *experiment;
    run.settings = CvSettings::fromJson(experiment->settings);
    if (Result<SearchSpace> space = SearchSpace::fromJson(experiment->space))
        for (const ParamDomain &p : space->params)
            run.paramNames << p.name;
    Result<std::vector<TrialRecord>> trials = store.trials(id);
    if (!trials)
        return makeError(trials.error());
    for (const TrialRecord &t : *trials) {
        Configuration c;
        c.trial = t;
        run.configurations.push_back(std::move(c));
        run.reload(store, run.configurations.size() - 1);
    }
    return run;
}

void CvRun::reload(const ExperimentStore &store, size_t index)
{
    Configuration &c = configurations.at(index);
    if (Result<std::vector<EpochRecord>> epochs = store.epochs(c.trial.id))
        c.epochs = std::move(*epochs);
    if (isOpen(c.trial.status))
        return;
    if (Result<std::vector<CvScoreRecord>> scores = store.cvScores(experiment.id))
        for (const CvScoreRecord &s : *scores)
            if (s.trialId == c.trial.id) {
                c.score = s;
                c.scored = true;
            }
}

bool CvRun::isOpen(TrialStatus status)
{
    return status == TrialStatus::Pending || status == TrialStatus::Running
           || status == TrialStatus::Interrupted;
}

QString CvRun::statusText(TrialStatus status)
{
    switch (status) {
    case TrialStatus::Pending: return tr("pending");
    case TrialStatus::Running: return tr("running");
    case TrialStatus::Completed: return tr("completed");
    case TrialStatus::Stopped: return tr("stopped");
    case TrialStatus::Failed: return tr("failed");
    case TrialStatus::Interrupted: return tr("interrupted");
    }
    return QString();
}

QString CvRun::experimentStatusText(const QString &status)
{
    if (status == QLatin1String("running"))
        return tr("running");
    if (status == QLatin1String("finished"))
        return tr("finished");
    if (status == QLatin1String("cancelled"))
        return tr("cancelled, can be resumed");
    if (status == QLatin1String("interrupted"))
        return tr("interrupted, can be resumed");
    if (status == QLatin1String("pending"))
        return tr("not started");
    return status;
}

int CvRun::openConfigurations() const
{
    return int(std::count_if(configurations.begin(), configurations.end(),
                             [](const Configuration &c) { return isOpen(c.trial.status); }));
}

int CvRun::foldsDone() const
{
    const int folds = std::max(settings.folds, 0);
    int done = 0;
    for (const Configuration &c : configurations) {
        if (!isOpen(c.trial.status)) {
            done += folds;
            continue;
        }
        std::vector<int> perFold(size_t(folds), 0);
        for (const EpochRecord &r : c.epochs)
            if (r.fold >= 0 && r.fold < folds)
                ++perFold[size_t(r.fold)];
        done += int(std::count_if(perFold.begin(), perFold.end(),
                                  [&](int n) { return n >= settings.epochs; }));
    }
    return done;
}

QString CvRun::configText(const QJsonObject &config) const
{
    const QStringList names = paramNames.isEmpty() ? config.keys() : paramNames;
    QStringList parts;
    for (const QString &name : names) {
        const QJsonValue v = config.value(name);
        if (v.isUndefined())
            continue;
        parts << name + QLatin1Char('=')
                     + (v.isString() ? v.toString() : QString::number(v.toDouble(), 'g', 3));
    }
    return parts.join(QLatin1String(", "));
}

QString CvRun::label(const Configuration &c) const
{
    return tr("#%1: %2").arg(c.trial.number + 1).arg(configText(c.trial.config));
}

std::vector<EpochReport> CvRun::foldEpochs(size_t index, int fold) const
{
    std::vector<EpochReport> epochs;
    for (const EpochRecord &r : configurations.at(index).epochs)
        if (r.fold == fold)
            epochs.push_back(r.report);
    std::sort(epochs.begin(), epochs.end(),
              [](const EpochReport &a, const EpochReport &b) { return a.epoch < b.epoch; });
    return epochs;
}

Table CvRun::table() const
{
    Table table;
    table.title = tr("Cross-validated configurations");
    table.header = QStringList{tr("Rank"),     tr("Configuration"), tr("Status"),
                               tr("Mean RMSE"), tr("Std"),          tr("Best epoch")};
    const int folds = id() ? settings.folds : 0;
    for (int f = 0; f < folds; ++f)
        table.header << tr("Fold %1 RMSE").arg(f + 1);
    for (const Configuration &c : configurations) {
        QStringList row{QString::number(c.trial.number + 1), configText(c.trial.config),
                        statusText(c.trial.status)};
        if (c.scored) {
            row << number(c.score.meanRmse) << number(c.score.stdRmse)
                << QString::number(c.score.bestEpoch);
            for (size_t f = 0; f < size_t(folds); ++f)
                row << (f < c.score.foldRmse.size() ? number(c.score.foldRmse[f]) : QString());
        }
        while (row.size() < table.header.size())
            row << QString();
        table.rows.append(row);
    }
    if (id())
        table.note = tr("%1-fold cross-validation of search %2, %3 epochs per fold; RMSE in "
                        "stars at the epoch with the lowest fold-averaged RMSE, std over folds "
                        "(sample)")
                         .arg(settings.folds)
                         .arg(settings.sourceExperiment)
                         .arg(settings.epochs);
    return table;
}

} // namespace Ncf::Ui
