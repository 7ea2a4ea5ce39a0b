#pragma once

#include <QStringList>

namespace Ncf::Cli {

//! `ncf search --data FILE --model M --algo random|asha --trials N --db FILE.sqlite ...`
int runSearch(const QStringList &args);
//! `ncf resume --db FILE.sqlite [--experiment ID]`: continue an interrupted search.
int runResume(const QStringList &args);

} // namespace Ncf::Cli
