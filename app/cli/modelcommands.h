#pragma once

#include <QStringList>

namespace Ncf::Cli {

//! `ncf train --data FILE --model KIND [--param name=value ...] ...`: train on a holdout.
int runTrain(const QStringList &args);
//! `ncf predict --model DIR --user U --movie M`: one rating on the original scale.
int runPredict(const QStringList &args);

} // namespace Ncf::Cli
