#pragma once

#include "core/common/result.h"

#include <QList>
#include <QStringList>

namespace Ncf::Ui {

class ChartCard;
class TableCard;

//! Writes every chart as <object name>.png and .svg and every table as <object name>.csv,
//! .md and .tex into `dir` (created if needed); returns the paths written, in that order.
//! The shared body of the tabs' exportAll().
Result<QStringList> exportCards(const QString &dir, const QList<const ChartCard *> &charts,
                                const QList<const TableCard *> &tables);

} // namespace Ncf::Ui
