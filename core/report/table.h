#pragma once

#include "core/common/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Ncf {

//! A plain table for reports: what the GUI shows and what every export writes.
//! Example: `Table t{"Overview", {"Measure", "Value"}, {{"Ratings", "100000"}}};`
struct Table
{
    QString title;
    QStringList header;
    QList<QStringList> rows;
    QString note; //!< a footnote, e.g. where published figures come from
};

enum class TableFormat { Csv, Markdown, Latex };

//! File suffix without the dot: "csv", "md", "tex".
QString tableSuffix(TableFormat format);
//! Parses "csv", "md"/"markdown", "latex"/"tex".
Result<TableFormat> tableFormatFromName(const QString &name);

//! RFC 4180 CSV: header line, then rows; fields with commas, quotes or newlines are quoted.
QString toCsv(const Table &table);
//! A GitHub-flavoured Markdown table with the title as a heading line.
QString toMarkdown(const Table &table);
//! A LaTeX `table` with a booktabs `tabular` (needs \usepackage{booktabs}), text escaped.
QString toLatex(const Table &table);

QString renderTable(const Table &table, TableFormat format);

//! Plain text with aligned columns, for terminals.
QString toText(const Table &table);

//! Writes `table` to `path` in `format` (UTF-8), atomically.
Result<void> writeTable(const Table &table, const QString &path, TableFormat format);

} // namespace Ncf
