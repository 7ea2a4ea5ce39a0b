#pragma once

// Shared by the Cross-validation and Results tab tests: a small synthetic dataset loaded in a
// real Data tab, and a search and cross-validation of it run through the core API the way
// `ncf search` and `ncf cv` drive it (app/cli/searchcommands.cpp).

#include "core/data/synth.h"
#include "core/search/crossvalidation.h"
#include "core/search/searchrunner.h"
#include "core/storage/experimentstore.h"
#include "ui/datatab.h"

#include <QFile>
#include <QSignalSpy>
#include <QString>

namespace UiFixture {

//! 200 users x 300 movies x 6000 ratings in the 100K layout, written under `dir`.
inline Ncf::Result<QString> writeSmallDataset(const QString &dir)
{
    Ncf::SynthSpec spec = Ncf::synthSpec(Ncf::SynthShape::Ml100k);
    spec.users = 200;
    spec.items = 300;
    spec.ratings = 6000;
    return Ncf::writeSynthetic(spec, 3, dir);
}

//! Loads `path` in `tab` and waits for it; false on failure or after 20 s.
inline bool load(Ncf::Ui::DataTab &tab, const QString &path)
{
    QSignalSpy loaded(&tab, &Ncf::Ui::DataTab::datasetLoaded);
    tab.open(path);
    return loaded.wait(20000) && tab.dataset() != nullptr;
}

//! A random search of matrix factorisation: `trials` trials of `epochs` epochs.
inline Ncf::Result<qint64> runSearch(const QString &db, const Ncf::RatingDataset &data,
                                     int trials = 3, int epochs = 2)
{
    Ncf::Result<Ncf::ModelEngine *> engine = Ncf::modelEngine();
    if (!engine)
        return Ncf::makeError(engine.error());
    Ncf::Result<std::unique_ptr<Ncf::ExperimentStore>> store = Ncf::ExperimentStore::open(db);
    if (!store)
        return Ncf::makeError(store.error());
    Ncf::SearchSettings settings;
    settings.space = Ncf::presetSpace(Ncf::ModelKind::Mf);
    settings.space.maxEpochs = epochs;
    settings.trials = trials;
    settings.threadsPerTrial = 2;
    Ncf::SearchRunner runner(**store, data, **engine);
    Ncf::Result<qint64> id = runner.create(settings, Ncf::fileChecksum(data.path));
    if (!id)
        return id;
    Ncf::Result<Ncf::SearchSummary> summary = runner.run(*id);
    if (!summary)
        return Ncf::makeError(summary.error());
    return id;
}

//! Cross-validates the `top` best trials of search `source`.
inline Ncf::Result<qint64> runCv(const QString &db, const Ncf::RatingDataset &data, qint64 source,
                                 int top = 2, int folds = 3, int epochs = 2)
{
    Ncf::Result<Ncf::ModelEngine *> engine = Ncf::modelEngine();
    if (!engine)
        return Ncf::makeError(engine.error());
    Ncf::Result<std::unique_ptr<Ncf::ExperimentStore>> store = Ncf::ExperimentStore::open(db);
    if (!store)
        return Ncf::makeError(store.error());
    Ncf::CvSettings settings;
    settings.sourceExperiment = source;
    settings.top = top;
    settings.folds = folds;
    settings.epochs = epochs;
    settings.threadsPerTrial = 2;
    Ncf::CrossValidator validator(**store, data, **engine);
    Ncf::Result<qint64> id = validator.create(settings);
    if (!id)
        return id;
    Ncf::Result<Ncf::CvSummary> summary = validator.run(*id);
    if (!summary)
        return Ncf::makeError(summary.error());
    return id;
}

} // namespace UiFixture
