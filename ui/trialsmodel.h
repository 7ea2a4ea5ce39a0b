#pragma once

#include "core/report/table.h"
#include "core/storage/experimentstore.h"
#include "ui/card.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QSet>

#include <unordered_map>
#include <vector>

class QSortFilterProxyModel;
class QTableView;

namespace Ncf::Ui {

//! The colour of a trial status, shared by the trials table and the charts.
QColor trialStatusColor(TrialStatus status);
//! A trial status as users read it ("stopped by ASHA" for TrialStatus::Stopped).
QString trialStatusLabel(TrialStatus status);

//! The trials of one search experiment with their epochs, as rows of a table. Rows are
//! updated in place (dataChanged), so a sorted view keeps its order and selection while a
//! search fills it; only setTrials() resets the model.
class TrialsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NumberColumn,
        StatusColumn,
        ConfigColumn,
        EpochsColumn,
        BestEpochColumn,
        BestRmseColumn,
        CompareColumn,
        SecondsColumn,
        ColumnCount
    };
    //! A cell's value for sorting: numbers as doubles, missing values as +infinity.
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int TrialIdRole = Qt::UserRole + 2;
    //! The row's TrialStatus as an int.
    static constexpr int StatusRole = Qt::UserRole + 3;

    struct Trial
    {
        TrialRecord record;
        std::vector<EpochReport> epochs; //!< in epoch order
    };

    explicit TrialsModel(QObject *parent = nullptr);

    //! Replaces every row; `searched` names the searched parameters shown as the config.
    void setTrials(std::vector<Trial> trials, const QStringList &searched);
    void clear();
    //! Updates the row of `record.id` in place, or appends it. A trial that (re)starts
    //! running loses the epochs of an earlier, interrupted run.
    void updateTrial(const TrialRecord &record);
    //! Adds (or replaces) epoch `epoch.epoch` of trial `trialId`; false for an unknown trial.
    bool addEpoch(qint64 trialId, const EpochReport &epoch);

    //! The epoch the compare column shows the validation RMSE of; 0 for each trial's best.
    void setCompareEpoch(int epoch);
    int compareEpoch() const { return m_compareEpoch; }

    const std::vector<Trial> &trials() const { return m_trials; }
    const Trial *trial(qint64 trialId) const;
    int rowOf(qint64 trialId) const;
    //! Trials with one of `statuses`.
    int count(std::initializer_list<TrialStatus> statuses) const;
    const QStringList &searchedParams() const { return m_searched; }

    //! The lowest validation RMSE so far (the stored figure once the trial ended); NaN if none.
    static double bestRmse(const Trial &trial);
    static int bestEpoch(const Trial &trial);
    static int epochsRun(const Trial &trial);
    //! The trial's RMSE at `epoch` (0: at its best epoch); NaN when it did not get there.
    static double rmseAt(const Trial &trial, int epoch);
    //! The searched parameters of `config`, compactly: "factors=64 lr=0.00123 reg=0.0101".
    QString configText(const QJsonObject &config) const;

    //! The table as exported: one column per searched parameter, full precision.
    Table toTable(const QString &title) const;
    //! Every epoch of every trial.
    Table epochsTable(const QString &title) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Trial &trial, int column) const;
    QVariant sortValue(const Trial &trial, int column) const;
    void rowChanged(int row);

    std::vector<Trial> m_trials;
    std::unordered_map<qint64, int> m_rows; // trial id -> row
    QStringList m_searched;
    int m_compareEpoch = 0;
};

//! The trials table in a card with an Export menu (CSV, Markdown, LaTeX): a sortable view
//! over a TrialsModel through a proxy that sorts numbers as numbers.
class TrialsCard : public Card
{
    Q_OBJECT

public:
    explicit TrialsCard(const QString &title, QWidget *parent = nullptr);

    TrialsModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    //! The ids of the selected trials.
    QSet<qint64> selectedTrials() const;

    Result<void> exportTo(const QString &path, TableFormat format) const;

Q_SIGNALS:
    void selectionChanged();

private:
    void exportInteractively(TableFormat format);

    TrialsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
};

} // namespace Ncf::Ui
