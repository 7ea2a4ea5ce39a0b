#pragma once

#include "core/common/result.h"
#include "core/report/table.h"
#include "core/search/crossvalidation.h"
#include "core/storage/experimentstore.h"

#include <QCoreApplication>
#include <QStringList>

#include <vector>

namespace Ncf::Ui {

//! A cross-validation as the store holds it: the experiment, its settings, and every
//! configuration's trial, score (once it finished) and epochs. What the Cross-validation tab
//! shows, kept apart from its widgets.
struct CvRun
{
    Q_DECLARE_TR_FUNCTIONS(Ncf::Ui::CvRun)

public:
    struct Configuration
    {
        TrialRecord trial;
        bool scored = false;
        CvScoreRecord score;
        std::vector<EpochRecord> epochs;
    };

    ExperimentRecord experiment; //!< id 0: none
    CvSettings settings;
    QStringList paramNames; //!< the searched parameters, in the space's order
    std::vector<Configuration> configurations;

    //! Reads CV experiment `id` with every configuration's epochs and score.
    static Result<CvRun> load(const ExperimentStore &store, qint64 id);
    //! Reads configuration `index`'s epochs, and its score when it has ended.
    void reload(const ExperimentStore &store, size_t index);

    qint64 id() const { return experiment.id; }
    //! Pending, running or interrupted: a trial a resumed run trains again.
    static bool isOpen(TrialStatus status);
    static QString statusText(TrialStatus status);
    //! An experiment's stored status ("running", "finished", ...) for people.
    static QString experimentStatusText(const QString &status);
    //! Configurations left to run.
    int openConfigurations() const;
    //! Folds finished: every fold of an ended configuration, and the folds of an open one
    //! that have all their epochs.
    int foldsDone() const;
    int foldsTotal() const { return int(configurations.size()) * settings.folds; }

    //! The searched parameters of `config`: "factors=64, lr=0.00123, reg=0.0101".
    QString configText(const QJsonObject &config) const;
    //! A configuration's name on charts: "#1: factors=64, ..." (its rank in the search).
    QString label(const Configuration &c) const;
    //! Configuration `index`'s epochs on `fold`, in epoch order.
    std::vector<EpochReport> foldEpochs(size_t index, int fold) const;
    //! One row per configuration: rank, configuration, status, mean RMSE, std, best epoch and
    //! each fold's RMSE at the best epoch (empty until it is scored).
    Table table() const;
};

} // namespace Ncf::Ui
