#pragma once

#include <QString>

class QWidget;

namespace Ncf::Ui {

//! The layout the workbench's tabs share: settings on the left (`controls`, usually a scroll
//! area), and on the right the charts (`charts`) above a table (`table`), in splitters
//! named "<name>Splitter" and "<name>RightSplitter" so their sizes can be kept.
void installTabLayout(QWidget *tab, QWidget *controls, QWidget *charts, QWidget *table,
                      const QString &name);

} // namespace Ncf::Ui
