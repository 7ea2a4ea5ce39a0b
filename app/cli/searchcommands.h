#pragma once

#include <QStringList>

namespace Ncf::Cli {

//! `ncf search --data FILE --model M --algo random|asha --trials N --db FILE.sqlite ...`
int runSearch(const QStringList &args);
//! `ncf resume --db FILE.sqlite [--experiment ID]`: continue an interrupted search.
int runResume(const QStringList &args);

//! `ncf cv --db FILE.sqlite [--top 5] [--folds 10]`: cross-validate a search's best trials.
int runCv(const QStringList &args);
//! `ncf export --db FILE.sqlite --format csv|md|latex --out DIR`: results table and epochs.
int runExport(const QStringList &args);

} // namespace Ncf::Cli
