#pragma once

#include "core/common/result.h"
#include "core/search/searchrunner.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QSpinBox;

namespace Ncf::Ui {

class SpaceEditor;

//! The settings of a search: model, algorithm, trials, parallel trials, threads, seed,
//! epochs, ASHA's settings and the search space (form and JSON). Choosing a model loads
//! its preset space; the space's model and max_epochs and the boxes follow each other.
class SearchSettingsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SearchSettingsPanel(QWidget *parent = nullptr);

    //! Chooses the model and loads its preset search space.
    void setModel(ModelKind kind);
    ModelKind model() const;
    void setAlgorithm(const QString &algorithm); //!< "random" or "asha"
    QString algorithm() const;
    void setTrials(int trials);
    void setWorkers(int workers);
    void setThreadsPerTrial(int threads);
    //! The space's max_epochs and ASHA's max_t.
    void setEpochs(int epochs);
    void setAshaSettings(const AshaSettings &asha);
    void setSeed(quint64 seed);
    void setSearchSpace(const SearchSpace &space);

    //! The search the panel describes, or why it cannot run.
    Result<SearchSettings> settings() const;
    bool isValid() const;
    SpaceEditor *spaceEditor() const { return m_space; }

    //! Remembers the settings in QSettings, and reads them back.
    void save() const;
    void load();

Q_SIGNALS:
    //! Any setting or the space changed.
    void changed();

private:
    void spaceEdited();

    QComboBox *m_modelBox;
    QComboBox *m_algorithmBox;
    QSpinBox *m_trialsBox;
    QSpinBox *m_workersBox;
    QSpinBox *m_threadsBox;
    QSpinBox *m_seedBox;
    QSpinBox *m_epochsBox;
    QGroupBox *m_ashaBox;
    QSpinBox *m_maxTBox;
    QSpinBox *m_graceBox;
    QDoubleSpinBox *m_reductionBox;
    QSpinBox *m_bracketsBox;
    SpaceEditor *m_space;
    bool m_syncing = false;
};

} // namespace Ncf::Ui
