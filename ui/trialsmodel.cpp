#include "ui/trialsmodel.h"

#include "ui/chartexport.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Ncf::Ui {

namespace {

constexpr double kMissing = std::numeric_limits<double>::infinity();

bool ended(TrialStatus status)
{
    return status == TrialStatus::Completed || status == TrialStatus::Stopped
           || status == TrialStatus::Failed;
}

QString fixed(double v, int decimals)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QString();
}

QString full(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 10) : QString();
}

QString valueText(const QJsonValue &v, int precision)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', precision);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

} // namespace

QColor trialStatusColor(TrialStatus status)
{
    switch (status) {
    case TrialStatus::Pending:
        return QColor(0x9e, 0x9e, 0x9e);
    case TrialStatus::Running:
        return QColor(0x1e, 0x88, 0xe5);
    case TrialStatus::Completed:
        return QColor(0x2e, 0x9d, 0x3a);
    case TrialStatus::Stopped:
        return QColor(0xef, 0x8a, 0x00);
    case TrialStatus::Failed:
        return QColor(0xd3, 0x2f, 0x2f);
    case TrialStatus::Interrupted:
        return QColor(0x8e, 0x24, 0xaa);
    }
    return {};
}

QString trialStatusLabel(TrialStatus status)
{
    switch (status) {
    case TrialStatus::Pending:
        return TrialsModel::tr("pending");
    case TrialStatus::Running:
        return TrialsModel::tr("running");
    case TrialStatus::Completed:
        return TrialsModel::tr("completed");
    case TrialStatus::Stopped:
        return TrialsModel::tr("stopped by ASHA");
    case TrialStatus::Failed:
        return TrialsModel::tr("failed");
    case TrialStatus::Interrupted:
        return TrialsModel::tr("interrupted");
    }
    return {};
}

TrialsModel::TrialsModel(QObject *parent) : QAbstractTableModel(parent) {}

void TrialsModel::setTrials(std::vector<Trial> trials, const QStringList &searched)
{
    beginResetModel();
    m_trials = std::move(trials);
    m_searched = searched;
    m_rows.clear();
    for (int row = 0; row < int(m_trials.size()); ++row)
        m_rows[m_trials[size_t(row)].record.id] = row;
    endResetModel();
}

void TrialsModel::clear()
{
    setTrials({}, {});
}

void TrialsModel::updateTrial(const TrialRecord &record)
{
    const int row = rowOf(record.id);
    if (row < 0) {
        const int at = int(m_trials.size());
        beginInsertRows({}, at, at);
        m_trials.push_back({record, {}});
        m_rows[record.id] = at;
        endInsertRows();
        return;
    }
    Trial &t = m_trials[size_t(row)];
    if (record.status == TrialStatus::Running && t.record.status != TrialStatus::Running) {
        // A trial runs from its first epoch: what an interrupted run left is replaced.
        t.epochs.clear();
        t.record = record;
        t.record.epochs = 0;
    } else {
        t.record = record;
    }
    rowChanged(row);
}

bool TrialsModel::addEpoch(qint64 trialId, const EpochReport &epoch)
{
    const int row = rowOf(trialId);
    if (row < 0)
        return false;
    std::vector<EpochReport> &epochs = m_trials[size_t(row)].epochs;
    const auto at = std::lower_bound(epochs.begin(), epochs.end(), epoch.epoch,
                                     [](const EpochReport &e, int n) { return e.epoch < n; });
    if (at != epochs.end() && at->epoch == epoch.epoch)
        *at = epoch;
    else
        epochs.insert(at, epoch);
    rowChanged(row);
    return true;
}

void TrialsModel::setCompareEpoch(int epoch)
{
    if (epoch == m_compareEpoch)
        return;
    m_compareEpoch = std::max(0, epoch);
    Q_EMIT headerDataChanged(Qt::Horizontal, CompareColumn, CompareColumn);
    if (!m_trials.empty())
        Q_EMIT dataChanged(index(0, CompareColumn),
                           index(int(m_trials.size()) - 1, CompareColumn));
}

const TrialsModel::Trial *TrialsModel::trial(qint64 trialId) const
{
    const int row = rowOf(trialId);
    return row < 0 ? nullptr : &m_trials[size_t(row)];
}

int TrialsModel::rowOf(qint64 trialId) const
{
    const auto it = m_rows.find(trialId);
    return it == m_rows.end() ? -1 : it->second;
}

int TrialsModel::count(std::initializer_list<TrialStatus> statuses) const
{
    int n = 0;
    for (const Trial &t : m_trials)
        n += std::find(statuses.begin(), statuses.end(), t.record.status) != statuses.end();
    return n;
}

double TrialsModel::bestRmse(const Trial &trial)
{
    const TrialRecord &r = trial.record;
    if (ended(r.status) && r.epochs > 0 && std::isfinite(r.bestValRmse))
        return r.bestValRmse;
    double best = std::nan("");
    for (const EpochReport &e : trial.epochs)
        if (std::isfinite(e.valRmse) && !(e.valRmse >= best))
            best = e.valRmse;
    return best;
}

int TrialsModel::bestEpoch(const Trial &trial)
{
    const TrialRecord &r = trial.record;
    if (ended(r.status) && r.epochs > 0 && r.bestEpoch > 0)
        return r.bestEpoch;
    int epoch = 0;
    double best = std::nan("");
    for (const EpochReport &e : trial.epochs)
        if (std::isfinite(e.valRmse) && !(e.valRmse >= best)) {
            best = e.valRmse;
            epoch = e.epoch;
        }
    return epoch;
}

int TrialsModel::epochsRun(const Trial &trial)
{
    return trial.epochs.empty() ? trial.record.epochs : int(trial.epochs.size());
}

double TrialsModel::rmseAt(const Trial &trial, int epoch)
{
    if (epoch <= 0)
        return bestRmse(trial);
    for (const EpochReport &e : trial.epochs)
        if (e.epoch == epoch)
            return e.valRmse;
    return std::nan("");
}

QString TrialsModel::configText(const QJsonObject &config) const
{
    QStringList parts;
    const QStringList names = m_searched.isEmpty() ? config.keys() : m_searched;
    for (const QString &name : names)
        if (config.contains(name))
            parts << name + QLatin1Char('=') + valueText(config.value(name), 3);
    return parts.join(QLatin1Char(' '));
}

int TrialsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_trials.size());
}

int TrialsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrialsModel::display(const Trial &t, int column) const
{
    switch (column) {
    case NumberColumn:
        return QString::number(t.record.number);
    case StatusColumn:
        return trialStatusLabel(t.record.status);
    case ConfigColumn:
        return configText(t.record.config);
    case EpochsColumn:
        return QString::number(epochsRun(t));
    case BestEpochColumn: {
        const int best = bestEpoch(t);
        return best > 0 ? QString::number(best) : QString();
    }
    case BestRmseColumn:
        return fixed(bestRmse(t), 4);
    case CompareColumn:
        return fixed(rmseAt(t, m_compareEpoch), 4);
    case SecondsColumn: {
        double seconds = t.record.seconds;
        if (!ended(t.record.status) || !(seconds > 0)) {
            seconds = 0;
            for (const EpochReport &e : t.epochs)
                seconds += e.seconds;
        }
        return fixed(seconds, 1);
    }
    }
    return {};
}

QVariant TrialsModel::sortValue(const Trial &t, int column) const
{
    auto orMissing = [](double v) { return std::isfinite(v) ? v : kMissing; };
    switch (column) {
    case NumberColumn:
        return t.record.number;
    case StatusColumn:
    case ConfigColumn:
        return display(t, column);
    case EpochsColumn:
        return epochsRun(t);
    case BestEpochColumn:
        return bestEpoch(t) > 0 ? double(bestEpoch(t)) : kMissing;
    case BestRmseColumn:
        return orMissing(bestRmse(t));
    case CompareColumn:
        return orMissing(rmseAt(t, m_compareEpoch));
    case SecondsColumn:
        return display(t, column).toString().toDouble();
    }
    return {};
}

QVariant TrialsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_trials.size()))
        return {};
    const Trial &t = m_trials[size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(t, column);
    case SortRole:
        return sortValue(t, column);
    case TrialIdRole:
        return t.record.id;
    case StatusRole:
        return int(t.record.status);
    case Qt::ToolTipRole:
        if (column == ConfigColumn)
            return QString::fromUtf8(
                QJsonDocument(t.record.config).toJson(QJsonDocument::Compact));
        if (column == StatusColumn && !t.record.error.isEmpty())
            return t.record.error;
        if (column == CompareColumn)
            return m_compareEpoch > 0 ? tr("Validation RMSE at epoch %1").arg(m_compareEpoch)
                                      : tr("Validation RMSE at the trial's best epoch");
        return display(t, column);
    case Qt::TextAlignmentRole:
        return column == StatusColumn || column == ConfigColumn
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::DecorationRole:
        return column == StatusColumn ? QVariant(trialStatusColor(t.record.status)) : QVariant();
    case Qt::ForegroundRole:
        return column == StatusColumn ? QVariant(trialStatusColor(t.record.status).darker(115))
                                      : QVariant();
    default:
        return {};
    }
}

QVariant TrialsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ConfigColumn:
            return tr("The sampled values of the searched hyperparameters");
        case EpochsColumn:
            return tr("Epochs the trial has run");
        case BestRmseColumn:
            return tr("Lowest validation RMSE (stars) over the trial's epochs");
        case CompareColumn:
            return tr("Validation RMSE at the epoch chosen under \"Compare at epoch\"");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("Trial");
    case StatusColumn:
        return tr("Status");
    case ConfigColumn:
        return tr("Configuration");
    case EpochsColumn:
        return tr("Epochs");
    case BestEpochColumn:
        return tr("Best epoch");
    case BestRmseColumn:
        return tr("Best val. RMSE");
    case CompareColumn:
        return m_compareEpoch > 0 ? tr("RMSE at epoch %1").arg(m_compareEpoch)
                                  : tr("RMSE at best epoch");
    case SecondsColumn:
        return tr("Seconds");
    }
    return {};
}

void TrialsModel::rowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

Table TrialsModel::toTable(const QString &title) const
{
    Table table;
    table.title = title;
    table.header << tr("Trial") << tr("Status");
    table.header << m_searched;
    table.header << tr("Epochs") << tr("Best epoch") << tr("Best validation RMSE")
                 << headerData(CompareColumn, Qt::Horizontal).toString() << tr("Seconds")
                 << tr("Error");
    for (const Trial &t : m_trials) {
        QStringList row{QString::number(t.record.number), trialStatusLabel(t.record.status)};
        for (const QString &name : m_searched)
            row << (t.record.config.contains(name) ? valueText(t.record.config.value(name), 10)
                                                   : QString());
        const int best = bestEpoch(t);
        row << QString::number(epochsRun(t)) << (best > 0 ? QString::number(best) : QString())
            << full(bestRmse(t)) << full(rmseAt(t, m_compareEpoch))
            << display(t, SecondsColumn).toString() << t.record.error;
        table.rows.append(row);
    }
    table.note = tr("Validation RMSE in stars on the search's holdout split.");
    return table;
}

Table TrialsModel::epochsTable(const QString &title) const
{
    Table table;
    table.title = title;
    table.header = {tr("Trial"),          tr("Status"),          tr("Epoch"),
                    tr("Training MSE"),   tr("Validation MSE"),  tr("Validation RMSE"),
                    tr("Seconds")};
    for (const Trial &t : m_trials)
        for (const EpochReport &e : t.epochs)
            table.rows.append({QString::number(t.record.number),
                               trialStatusName(t.record.status), QString::number(e.epoch),
                               full(e.trainMse), full(e.valMse), full(e.valRmse),
                               full(e.seconds)});
    return table;
}

TrialsCard::TrialsCard(const QString &title, QWidget *parent)
    : Card(title, parent)
    , m_model(new TrialsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
{
    setExportToolTip(tr("Save the trials table as CSV, Markdown or LaTeX, or copy it"));
    QMenu *menu = exportMenu();
    menu->addAction(tr("CSV..."), this, [this] { exportInteractively(TableFormat::Csv); });
    menu->addAction(tr("Markdown..."), this,
                    [this] { exportInteractively(TableFormat::Markdown); });
    menu->addAction(tr("LaTeX..."), this, [this] { exportInteractively(TableFormat::Latex); });
    menu->addSeparator();
    menu->addAction(tr("Copy as Markdown"), this, [this] {
        QApplication::clipboard()->setText(toMarkdown(m_model->toTable(this->title())));
    });

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(TrialsModel::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TrialsModel::NumberColumn, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setToolTip(tr("Click a header to sort; select trials to highlight them in the "
                          "charts (Ctrl or Shift for several)"));
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(TrialsModel::ConfigColumn, QHeaderView::Stretch);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { Q_EMIT selectionChanged(); });
    setBody(m_view);
}

QSet<qint64> TrialsCard::selectedTrials() const
{
    QSet<qint64> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.insert(index.data(TrialsModel::TrialIdRole).toLongLong());
    return ids;
}

Result<void> TrialsCard::exportTo(const QString &path, TableFormat format) const
{
    return writeTable(m_model->toTable(title()), path, format);
}

void TrialsCard::exportInteractively(TableFormat format)
{
    exportTableInteractively(this, title(), format, [this](const QString &path, TableFormat f) {
        return exportTo(path, f);
    });
}

} // namespace Ncf::Ui
