#include "ui/searchresults.h"

#include "ui/cardexport.h"
#include "ui/chartcard.h"
#include "ui/searchcharts.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace Ncf::Ui {

namespace {

LossChart::Line lineOf(const TrialsModel &model, const TrialsModel::Trial &t)
{
    LossChart::Line line;
    line.trialId = t.record.id;
    line.number = t.record.number;
    line.tip = SearchResults::tr("Trial %1 (%2): %3")
                   .arg(t.record.number)
                   .arg(trialStatusLabel(t.record.status), model.configText(t.record.config));
    for (const EpochReport &e : t.epochs)
        if (std::isfinite(e.valRmse))
            line.points.append({double(e.epoch), e.valRmse});
    line.stopped = t.record.status == TrialStatus::Stopped;
    return line;
}

//! `card` under a row of tools, right-aligned.
QWidget *withTools(QWidget *card, std::initializer_list<QWidget *> tools)
{
    auto *widget = new QWidget;
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    for (QWidget *tool : tools)
        row->addWidget(tool);
    layout->addLayout(row);
    layout->addWidget(card, 1);
    return widget;
}

} // namespace

SearchResults::SearchResults(QWidget *parent)
    : QWidget(parent)
    , m_trials(new TrialsCard(tr("Search trials"), this))
{
    auto *lossCard = new ChartCard(tr("Validation RMSE per epoch"), this);
    m_loss = new LossChart(lossCard, this);
    auto *scatterCard = new ChartCard(tr("Hyperparameter against best RMSE"), this);
    m_scatter = new ScatterChart(scatterCard, this);
    auto resetButton = [this](ZoomableChart *chart) {
        auto *button = new QPushButton(tr("Reset zoom"), this);
        button->setToolTip(tr("Fit the axes to the data again; while zoomed (drag a "
                              "rectangle, right-click to zoom out) the axes stay put"));
        button->setEnabled(false);
        connect(button, &QPushButton::clicked, chart, &ZoomableChart::resetZoom);
        connect(chart, &ZoomableChart::zoomChanged, button, &QPushButton::setEnabled);
        return button;
    };
    m_parameterBox = new QComboBox(this);
    m_parameterBox->setToolTip(tr("The searched hyperparameter on the x axis"));
    connect(m_parameterBox, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_syncing)
            setScatterParameter(m_parameterBox->currentText());
    });
    m_compareBox = new QSpinBox(this);
    m_compareBox->setRange(0, 1);
    m_compareBox->setSpecialValueText(tr("best"));
    m_compareBox->setToolTip(tr("The epoch at which the table compares the trials' "
                                "validation RMSE; \"best\" takes each trial's best epoch"));
    connect(m_compareBox, &QSpinBox::valueChanged, this,
            [this](int epoch) { model()->setCompareEpoch(epoch); });
    connect(m_trials, &TrialsCard::selectionChanged, this, &SearchResults::selectionChanged);

    auto *charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(withTools(lossCard, {resetButton(m_loss)}));
    charts->addWidget(withTools(scatterCard, {new QLabel(tr("Parameter"), this), m_parameterBox,
                                              resetButton(m_scatter)}));
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical);
    split->setObjectName(QStringLiteral("searchResultsSplitter"));
    split->addWidget(charts);
    split->addWidget(
        withTools(m_trials, {new QLabel(tr("Compare at epoch"), this), m_compareBox}));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

void SearchResults::showTrials(std::vector<TrialsModel::Trial> trials, const SearchSpace &space,
                               int epochLimit, bool keepZoom)
{
    m_space = space;
    m_epochLimit = std::max(1, epochLimit);
    m_dirtyTrials.clear();
    m_dirty = false;
    QStringList searched;
    for (const ParamDomain &d : space.params)
        searched << d.name;
    model()->setTrials(std::move(trials), searched);
    m_compareBox->setMaximum(m_epochLimit);
    setCompareEpoch(m_compareBox->value());

    m_loss->clear();
    for (const TrialsModel::Trial &t : model()->trials())
        if (!t.epochs.empty())
            m_loss->setLine(lineOf(*model(), t));
    if (!keepZoom)
        m_loss->resetZoom();
    m_loss->commit(m_epochLimit);
    updateParameterBox(!keepZoom);
    refreshScatter();
    selectionChanged();
}

Result<void> SearchResults::restore(const ExperimentStore &store, qint64 id,
                                    const SearchSpace &space, int epochLimit, bool keepZoom)
{
    Result<std::vector<TrialRecord>> trials = store.trials(id);
    if (!trials) {
        showTrials({}, space, epochLimit, keepZoom);
        return makeError(trials.error());
    }
    std::vector<TrialsModel::Trial> rows;
    rows.reserve(trials->size());
    for (const TrialRecord &t : *trials) {
        TrialsModel::Trial row{t, {}};
        Result<std::vector<EpochRecord>> epochs = store.epochs(t.id);
        if (!epochs)
            return makeError(epochs.error());
        row.epochs.reserve(epochs->size());
        for (const EpochRecord &e : *epochs)
            if (e.fold < 0) // a holdout run; folds belong to cross-validation
                row.epochs.push_back(e.report);
        std::sort(row.epochs.begin(), row.epochs.end(),
                  [](const EpochReport &a, const EpochReport &b) { return a.epoch < b.epoch; });
        rows.push_back(std::move(row));
    }
    showTrials(std::move(rows), space, epochLimit, keepZoom);
    return {};
}

void SearchResults::setSpace(const SearchSpace &space)
{
    m_space = space;
    updateParameterBox(false);
    refreshScatter();
}

void SearchResults::updateTrial(const TrialRecord &record)
{
    model()->updateTrial(record);
    m_dirtyTrials.insert(record.id);
    m_dirty = true;
}

bool SearchResults::addEpoch(qint64 trialId, const EpochReport &epoch)
{
    if (!model()->addEpoch(trialId, epoch))
        return false;
    m_dirtyTrials.insert(trialId);
    m_dirty = true;
    return true;
}

void SearchResults::refresh()
{
    m_dirty = false;
    for (qint64 id : std::as_const(m_dirtyTrials))
        if (const TrialsModel::Trial *t = model()->trial(id);
            t && (!t->epochs.empty() || m_loss->series(id)))
            m_loss->setLine(lineOf(*model(), *t));
    m_dirtyTrials.clear();
    m_loss->commit(m_epochLimit);
    refreshScatter();
}

void SearchResults::setCompareEpoch(int epoch)
{
    m_compareBox->setValue(epoch);
    model()->setCompareEpoch(m_compareBox->value());
}

void SearchResults::setScatterParameter(const QString &name)
{
    const auto &params = m_space.params;
    const auto domain = std::find_if(params.begin(), params.end(),
                                     [&](const ParamDomain &d) { return d.name == name; });
    if (domain == params.end())
        return;
    if (m_parameterBox->currentText() != name) {
        const QScopedValueRollback<bool> syncing(m_syncing, true);
        m_parameterBox->setCurrentText(name);
    }
    m_scatter->setParameter(*domain);
    refreshScatter();
}

void SearchResults::updateParameterBox(bool resetAxis)
{
    const QString current = m_parameterBox->currentText();
    QStringList names;
    for (const ParamDomain &d : m_space.params)
        names << d.name;
    {
        const QScopedValueRollback<bool> syncing(m_syncing, true);
        m_parameterBox->clear();
        m_parameterBox->addItems(names);
    }
    if (names.isEmpty())
        return;
    const QString name = names.contains(current) ? current : names.front();
    const auto &params = m_space.params;
    const auto domain = std::find_if(params.begin(), params.end(),
                                     [&](const ParamDomain &d) { return d.name == name; });
    const ParamDomain &shown = m_scatter->parameter();
    const bool same = shown.name == domain->name && shown.kind == domain->kind
                      && shown.low == domain->low && shown.high == domain->high
                      && shown.values == domain->values;
    if (!resetAxis && same) {
        const QScopedValueRollback<bool> syncing(m_syncing, true);
        m_parameterBox->setCurrentText(name);
        return;
    }
    setScatterParameter(name);
}

void SearchResults::refreshScatter()
{
    const QString name = m_scatter->parameter().name;
    std::vector<ScatterChart::Point> points;
    for (const TrialsModel::Trial &t : model()->trials()) {
        const double best = TrialsModel::bestRmse(t);
        if (!std::isfinite(best) || !t.record.config.contains(name))
            continue;
        points.push_back({t.record.id, t.record.number, t.record.config.value(name), best,
                          t.record.status, model()->configText(t.record.config)});
    }
    m_scatter->setPoints(points);
}

void SearchResults::selectionChanged()
{
    const QSet<qint64> selected = m_trials->selectedTrials();
    m_loss->setHighlighted(selected);
    m_scatter->setHighlighted(selected);
}

Result<QStringList> SearchResults::exportAll(const QString &dir) const
{
    Result<QStringList> written = exportCards(dir, {m_loss->card(), m_scatter->card()}, {});
    if (!written)
        return written;
    const QDir out(dir);
    for (TableFormat format : {TableFormat::Csv, TableFormat::Markdown, TableFormat::Latex}) {
        const QString path = out.filePath(m_trials->objectName() + QLatin1Char('.')
                                          + tableSuffix(format));
        if (Result<void> r = m_trials->exportTo(path, format); !r)
            return makeError(r.error());
        *written << path;
    }
    const QString epochs = out.filePath(m_trials->objectName() + QStringLiteral("-epochs.csv"));
    const Table table = model()->epochsTable(tr("Epochs of %1").arg(m_trials->title()));
    if (Result<void> r = writeTable(table, epochs, TableFormat::Csv); !r)
        return makeError(r.error());
    *written << epochs;
    return written;
}

} // namespace Ncf::Ui
