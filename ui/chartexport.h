#pragma once

#include "core/common/result.h"
#include "core/report/table.h"

#include <functional>

#include <QSize>

class QWidget;

namespace Ncf::Ui {

//! Renders `widget` (a chart view) to a PNG of `size` logical pixels at 2x resolution.
Result<void> exportPng(QWidget *widget, const QString &path, QSize size = {1200, 750});
//! Renders `widget` to a scalable SVG of `size`.
Result<void> exportSvg(QWidget *widget, const QString &path, QSize size = {1200, 750},
                       const QString &title = {});

} // namespace Ncf::Ui

namespace Ncf::Ui {

//! Asks where to save `baseName`.`suffix`, starting in the last export folder (remembered
//! in QSettings). Returns an empty string when the user cancels.
QString askExportPath(QWidget *parent, const QString &baseName, const QString &suffix,
                      const QString &filter);

//! Asks where to export a table titled `title` as `format` and writes it with `write`; a
//! failure is shown in a message box. The Export menu action of every table card.
void exportTableInteractively(
    QWidget *parent, const QString &title, TableFormat format,
    const std::function<Result<void>(const QString &path, TableFormat format)> &write);

//! A slug for file names: "Ratings per user" -> "ratings-per-user".
QString fileSlug(const QString &title);

} // namespace Ncf::Ui
