#include "ui/searchsettings.h"

#include "ui/spaceeditor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonDocument>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace Ncf::Ui {

namespace {

QSpinBox *spinBox(int min, int max, int value, const QString &tip)
{
    auto *box = new QSpinBox;
    box->setRange(min, max);
    box->setValue(value);
    box->setToolTip(tip);
    return box;
}

} // namespace

SearchSettingsPanel::SearchSettingsPanel(QWidget *parent) : QWidget(parent)
{
    auto *searchBox = new QGroupBox(tr("Search"));
    auto *form = new QFormLayout(searchBox);
    m_modelBox = new QComboBox;
    for (ModelKind kind : {ModelKind::NonLinear, ModelKind::Autoencoder, ModelKind::Vae,
                           ModelKind::Mf})
        m_modelBox->addItem(modelKindName(kind), int(kind));
    m_modelBox->setToolTip(tr("The model whose hyperparameters are searched; choosing one "
                              "loads its preset search space"));
    connect(m_modelBox, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_syncing)
            m_space->setSpace(presetSpace(model()));
    });
    form->addRow(tr("Model"), m_modelBox);
    m_algorithmBox = new QComboBox;
    m_algorithmBox->addItem(tr("Random search"), QStringLiteral("random"));
    m_algorithmBox->addItem(tr("ASHA"), QStringLiteral("asha"));
    m_algorithmBox->setToolTip(tr("Random search trains every trial to the epoch limit (or "
                                  "early stopping); ASHA stops unpromising trials at its "
                                  "rungs"));
    connect(m_algorithmBox, &QComboBox::currentIndexChanged, this, [this] {
        m_ashaBox->setEnabled(algorithm() == QLatin1String("asha"));
        Q_EMIT changed();
    });
    form->addRow(tr("Algorithm"), m_algorithmBox);
    m_trialsBox = spinBox(1, 100000, 20, tr("Configurations sampled from the space, each "
                                            "trained as one trial"));
    form->addRow(tr("Trials"), m_trialsBox);
    m_workersBox = spinBox(1, 256, 1, tr("Trials trained at once (with one, a search is "
                                         "reproducible run for run)"));
    form->addRow(tr("Parallel trials"), m_workersBox);
    const int cores = std::max(1, QThread::idealThreadCount());
    m_threadsBox = spinBox(1, 1024, cores, tr("Intra-op threads of each trial; set to the "
                                              "cores divided by the parallel trials when "
                                              "those change"));
    connect(m_workersBox, &QSpinBox::valueChanged, this, [this, cores](int workers) {
        m_threadsBox->setValue(std::max(1, cores / workers));
    });
    form->addRow(tr("Threads per trial"), m_threadsBox);
    m_seedBox = spinBox(0, INT_MAX, 42, tr("Seed of the sampled configurations, the holdout "
                                           "split and the trials' initialisation"));
    form->addRow(tr("Seed"), m_seedBox);
    m_epochsBox = spinBox(1, 100000, 100, tr("Most epochs per trial: the space's "
                                             "max_epochs (ASHA's max_t follows)"));
    connect(m_epochsBox, &QSpinBox::valueChanged, this, [this](int epochs) {
        m_maxTBox->setValue(epochs);
        if (!m_syncing)
            m_space->setMaxEpochs(epochs);
    });
    form->addRow(tr("Epochs per trial"), m_epochsBox);

    m_ashaBox = new QGroupBox(tr("ASHA"));
    auto *asha = new QFormLayout(m_ashaBox);
    m_maxTBox = spinBox(1, 100000, 100, tr("max_t: the most epochs a trial may run"));
    asha->addRow(tr("max_t"), m_maxTBox);
    m_graceBox = spinBox(1, 100000, 1, tr("grace_period: epochs every trial runs before "
                                          "its first rung"));
    asha->addRow(tr("Grace period"), m_graceBox);
    m_reductionBox = new QDoubleSpinBox;
    m_reductionBox->setRange(1.01, 100);
    m_reductionBox->setValue(2);
    m_reductionBox->setSingleStep(0.5);
    m_reductionBox->setToolTip(tr("reduction_factor: each rung keeps the best 1/factor of "
                                  "the trials that reach it"));
    asha->addRow(tr("Reduction factor"), m_reductionBox);
    m_bracketsBox = spinBox(1, 10, 1, tr("brackets: successive-halving brackets with "
                                         "different first rungs"));
    asha->addRow(tr("Brackets"), m_bracketsBox);
    m_ashaBox->setEnabled(false);
    for (QSpinBox *box : {m_trialsBox, m_workersBox, m_threadsBox, m_seedBox, m_maxTBox,
                          m_graceBox, m_bracketsBox})
        connect(box, &QSpinBox::valueChanged, this, &SearchSettingsPanel::changed);
    connect(m_reductionBox, &QDoubleSpinBox::valueChanged, this, &SearchSettingsPanel::changed);

    auto *spaceBox = new QGroupBox(tr("Search space"));
    auto *spaceLayout = new QVBoxLayout(spaceBox);
    m_space = new SpaceEditor;
    connect(m_space, &SpaceEditor::changed, this, &SearchSettingsPanel::spaceEdited);
    auto *preset = new QPushButton(tr("Load preset"));
    preset->setToolTip(tr("Replace the space with the preset of the chosen model"));
    connect(preset, &QPushButton::clicked, this,
            [this] { m_space->setSpace(presetSpace(model())); });
    spaceLayout->addWidget(m_space, 1);
    spaceLayout->addWidget(preset, 0, Qt::AlignLeft);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(searchBox);
    layout->addWidget(m_ashaBox);
    layout->addWidget(spaceBox, 1);
    m_space->setSpace(presetSpace(model()));
}

void SearchSettingsPanel::setModel(ModelKind kind)
{
    {
        const QScopedValueRollback<bool> syncing(m_syncing, true);
        m_modelBox->setCurrentIndex(m_modelBox->findData(int(kind)));
    }
    m_space->setSpace(presetSpace(kind));
}

ModelKind SearchSettingsPanel::model() const
{
    return ModelKind(m_modelBox->currentData().toInt());
}

void SearchSettingsPanel::setAlgorithm(const QString &algorithm)
{
    m_algorithmBox->setCurrentIndex(std::max(0, m_algorithmBox->findData(algorithm.toLower())));
}

QString SearchSettingsPanel::algorithm() const
{
    return m_algorithmBox->currentData().toString();
}

void SearchSettingsPanel::setTrials(int trials)
{
    m_trialsBox->setValue(trials);
}

void SearchSettingsPanel::setWorkers(int workers)
{
    m_workersBox->setValue(workers);
}

void SearchSettingsPanel::setThreadsPerTrial(int threads)
{
    m_threadsBox->setValue(threads);
}

void SearchSettingsPanel::setEpochs(int epochs)
{
    m_epochsBox->setValue(epochs);
    m_maxTBox->setValue(epochs);
    m_space->setMaxEpochs(epochs);
}

void SearchSettingsPanel::setAshaSettings(const AshaSettings &asha)
{
    m_maxTBox->setValue(asha.maxT);
    m_graceBox->setValue(asha.gracePeriod);
    m_reductionBox->setValue(asha.reductionFactor);
    m_bracketsBox->setValue(asha.brackets);
}

void SearchSettingsPanel::setSeed(quint64 seed)
{
    m_seedBox->setValue(int(std::min<quint64>(seed, INT_MAX)));
}

void SearchSettingsPanel::setSearchSpace(const SearchSpace &space)
{
    m_space->setSpace(space);
}

Result<SearchSettings> SearchSettingsPanel::settings() const
{
    Result<SearchSpace> space = m_space->space();
    if (!space)
        return makeError(space.error());
    SearchSettings s;
    s.space = *space;
    s.algorithm = algorithm();
    s.trials = m_trialsBox->value();
    s.workers = m_workersBox->value();
    s.threadsPerTrial = m_threadsBox->value();
    s.seed = uint64_t(m_seedBox->value());
    s.asha.maxT = m_maxTBox->value();
    s.asha.gracePeriod = m_graceBox->value();
    s.asha.reductionFactor = m_reductionBox->value();
    s.asha.brackets = m_bracketsBox->value();
    if (s.algorithm == QLatin1String("asha"))
        if (Result<void> valid = validateAsha(s.asha); !valid)
            return makeError(valid.error());
    return s;
}

bool SearchSettingsPanel::isValid() const
{
    return settings().ok();
}

void SearchSettingsPanel::spaceEdited()
{
    // The boxes follow the space's model and max_epochs when it is a valid space.
    if (Result<SearchSpace> space = m_space->space()) {
        const QScopedValueRollback<bool> syncing(m_syncing, true);
        m_modelBox->setCurrentIndex(m_modelBox->findData(int(space->model)));
        m_epochsBox->setValue(space->maxEpochs);
    }
    Q_EMIT changed();
}

void SearchSettingsPanel::save() const
{
    QSettings s;
    s.beginGroup(QStringLiteral("search"));
    s.setValue(QStringLiteral("algorithm"), algorithm());
    s.setValue(QStringLiteral("trials"), m_trialsBox->value());
    s.setValue(QStringLiteral("workers"), m_workersBox->value());
    s.setValue(QStringLiteral("threads"), m_threadsBox->value());
    s.setValue(QStringLiteral("seed"), m_seedBox->value());
    s.setValue(QStringLiteral("maxT"), m_maxTBox->value());
    s.setValue(QStringLiteral("grace"), m_graceBox->value());
    s.setValue(QStringLiteral("reduction"), m_reductionBox->value());
    s.setValue(QStringLiteral("brackets"), m_bracketsBox->value());
    if (m_space->isValid())
        s.setValue(QStringLiteral("space"), m_space->jsonText());
}

void SearchSettingsPanel::load()
{
    QSettings s;
    s.beginGroup(QStringLiteral("search"));
    if (!s.contains(QStringLiteral("space")))
        return;
    const QJsonObject space
        = QJsonDocument::fromJson(s.value(QStringLiteral("space")).toString().toUtf8()).object();
    if (Result<SearchSpace> parsed = SearchSpace::fromJson(space))
        m_space->setSpace(*parsed);
    setAlgorithm(s.value(QStringLiteral("algorithm"), algorithm()).toString());
    m_trialsBox->setValue(s.value(QStringLiteral("trials"), m_trialsBox->value()).toInt());
    m_workersBox->setValue(s.value(QStringLiteral("workers"), m_workersBox->value()).toInt());
    m_threadsBox->setValue(s.value(QStringLiteral("threads"), m_threadsBox->value()).toInt());
    m_seedBox->setValue(s.value(QStringLiteral("seed"), m_seedBox->value()).toInt());
    m_maxTBox->setValue(s.value(QStringLiteral("maxT"), m_maxTBox->value()).toInt());
    m_graceBox->setValue(s.value(QStringLiteral("grace"), m_graceBox->value()).toInt());
    m_reductionBox->setValue(
        s.value(QStringLiteral("reduction"), m_reductionBox->value()).toDouble());
    m_bracketsBox->setValue(s.value(QStringLiteral("brackets"), m_bracketsBox->value()).toInt());
}

} // namespace Ncf::Ui
