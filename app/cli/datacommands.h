#pragma once

#include <QStringList>

namespace Ncf::Cli {

//! `ncf eda FILE [--json] [--lenient]`: load a ratings file and print its statistics.
int runEda(const QStringList &args);
//! `ncf synth --shape 100k|1m|25m --out DIR [--seed S]`: write a MovieLens-shaped dataset.
int runSynth(const QStringList &args);

} // namespace Ncf::Cli
