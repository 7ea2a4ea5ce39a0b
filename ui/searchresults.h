#pragma once

#include "core/common/result.h"
#include "core/search/searchspace.h"
#include "ui/trialsmodel.h"

#include <QSet>
#include <QWidget>

#include <vector>

class QComboBox;
class QPushButton;
class QSpinBox;

namespace Ncf::Ui {

class ChartCard;
class LossChart;
class ScatterChart;

//! What a search experiment shows: the trials table, every trial's validation RMSE per
//! epoch, and one hyperparameter against each trial's best RMSE. Live updates only mark
//! what changed; refresh() redraws it in one batch (whole point lists per series), so a
//! hundred trials of a hundred epochs stay fluid.
class SearchResults : public QWidget
{
    Q_OBJECT

public:
    explicit SearchResults(QWidget *parent = nullptr);

    //! Shows an experiment's trials with their epochs: one model reset, each line set once.
    //! The charts keep the user's zoom when `keepZoom` (the same experiment again).
    void showTrials(std::vector<TrialsModel::Trial> trials, const SearchSpace &space,
                    int epochLimit, bool keepZoom);
    //! Shows experiment `id` as `store` holds it: its trials, each one's epochs read once.
    Result<void> restore(const ExperimentStore &store, qint64 id, const SearchSpace &space,
                         int epochLimit, bool keepZoom);
    //! The space whose parameters the scatter offers while no experiment is shown.
    void setSpace(const SearchSpace &space);
    const SearchSpace &space() const { return m_space; }

    //! Live updates, drawn by the next refresh().
    void updateTrial(const TrialRecord &record);
    bool addEpoch(qint64 trialId, const EpochReport &epoch);
    bool isDirty() const { return m_dirty; }
    //! Redraws the lines of the trials that changed, the stop markers and the scatter.
    void refresh();

    //! The epoch the table compares trials at; 0 for each trial's best.
    void setCompareEpoch(int epoch);
    void setScatterParameter(const QString &name);

    TrialsCard *trialsCard() const { return m_trials; }
    TrialsModel *model() const { return m_trials->model(); }
    LossChart *loss() const { return m_loss; }
    ScatterChart *scatter() const { return m_scatter; }
    QComboBox *parameterBox() const { return m_parameterBox; }
    QSpinBox *compareBox() const { return m_compareBox; }

    //! Both charts (PNG and SVG), the trials table (CSV, Markdown, LaTeX) and every epoch of
    //! every trial (CSV), into `dir`.
    Result<QStringList> exportAll(const QString &dir) const;

private:
    void updateParameterBox(bool resetAxis);
    void refreshScatter();
    void selectionChanged();

    TrialsCard *m_trials;
    LossChart *m_loss;
    ScatterChart *m_scatter;
    QComboBox *m_parameterBox;
    QSpinBox *m_compareBox;
    SearchSpace m_space;
    int m_epochLimit = 1;
    QSet<qint64> m_dirtyTrials;
    bool m_dirty = false;
    bool m_syncing = false;
};

} // namespace Ncf::Ui
