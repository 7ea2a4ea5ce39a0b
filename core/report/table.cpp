#include "core/report/table.h"

#include "core/common/tr.h"

#include <QSaveFile>

#include <algorithm>

namespace Ncf {

namespace {

QString csvField(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"'))
        && !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString markdownCell(QString cell)
{
    cell.replace(QLatin1String("|"), QLatin1String("\\|"));
    cell.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return cell;
}

QString latexEscape(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\':
            out += QLatin1String("\\textbackslash{}");
            break;
        case '&':
        case '%':
        case '$':
        case '#':
        case '_':
        case '{':
        case '}':
            out += QLatin1Char('\\') + c;
            break;
        case '~':
            out += QLatin1String("\\textasciitilde{}");
            break;
        case '^':
            out += QLatin1String("\\textasciicircum{}");
            break;
        default:
            out += c;
        }
    }
    return out;
}

//! True when a cell reads as a number, so LaTeX and Markdown can right-align its column.
bool isNumeric(const QString &cell)
{
    bool ok = false;
    cell.toDouble(&ok);
    return ok;
}

QList<bool> numericColumns(const Table &t)
{
    QList<bool> numeric(t.header.size(), !t.rows.isEmpty());
    for (const QStringList &row : t.rows)
        for (qsizetype c = 0; c < numeric.size(); ++c)
            numeric[c] = numeric[c] && isNumeric(row.value(c));
    return numeric;
}

} // namespace

QString tableSuffix(TableFormat format)
{
    switch (format) {
    case TableFormat::Csv:
        return QStringLiteral("csv");
    case TableFormat::Markdown:
        return QStringLiteral("md");
    case TableFormat::Latex:
        return QStringLiteral("tex");
    }
    return {};
}

Result<TableFormat> tableFormatFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("csv"))
        return TableFormat::Csv;
    if (n == QLatin1String("md") || n == QLatin1String("markdown"))
        return TableFormat::Markdown;
    if (n == QLatin1String("latex") || n == QLatin1String("tex"))
        return TableFormat::Latex;
    return makeError(ReportTr::tr("unknown table format '%1': expected csv, md or latex")
                         .arg(name));
}

QString toCsv(const Table &t)
{
    QString out;
    auto line = [&](const QStringList &cells) {
        QStringList quoted;
        for (const QString &cell : cells)
            quoted << csvField(cell);
        out += quoted.join(QLatin1Char(',')) + QLatin1String("\r\n");
    };
    line(t.header);
    for (const QStringList &row : t.rows)
        line(row);
    return out;
}

QString toMarkdown(const Table &t)
{
    QString out;
    if (!t.title.isEmpty())
        out += QLatin1String("**") + markdownCell(t.title) + QLatin1String("**\n\n");
    const QList<bool> numeric = numericColumns(t);
    auto line = [&](const QStringList &cells) {
        QStringList escaped;
        for (qsizetype c = 0; c < t.header.size(); ++c)
            escaped << markdownCell(cells.value(c));
        out += QLatin1String("| ") + escaped.join(QLatin1String(" | ")) + QLatin1String(" |\n");
    };
    line(t.header);
    QStringList rule;
    for (bool n : numeric)
        rule << (n ? QStringLiteral("---:") : QStringLiteral("---"));
    out += QLatin1String("| ") + rule.join(QLatin1String(" | ")) + QLatin1String(" |\n");
    for (const QStringList &row : t.rows)
        line(row);
    if (!t.note.isEmpty())
        out += QLatin1Char('\n') + markdownCell(t.note) + QLatin1Char('\n');
    return out;
}

QString toLatex(const Table &t)
{
    QString spec;
    for (bool n : numericColumns(t))
        spec += n ? QLatin1Char('r') : QLatin1Char('l');
    auto line = [&](const QStringList &cells) {
        QStringList escaped;
        for (qsizetype c = 0; c < t.header.size(); ++c)
            escaped << latexEscape(cells.value(c));
        return escaped.join(QLatin1String(" & ")) + QLatin1String(" \\\\\n");
    };
    QString out = QLatin1String("\\begin{table}[ht]\n\\centering\n");
    if (!t.title.isEmpty())
        out += QLatin1String("\\caption{") + latexEscape(t.title) + QLatin1String("}\n");
    out += QLatin1String("\\begin{tabular}{") + spec + QLatin1String("}\n\\toprule\n");
    out += line(t.header) + QLatin1String("\\midrule\n");
    for (const QStringList &row : t.rows)
        out += line(row);
    out += QLatin1String("\\bottomrule\n\\end{tabular}\n");
    if (!t.note.isEmpty())
        out += QLatin1String("\\par\\smallskip{\\footnotesize ") + latexEscape(t.note)
               + QLatin1String("}\n");
    out += QLatin1String("\\end{table}\n");
    return out;
}

QString renderTable(const Table &table, TableFormat format)
{
    switch (format) {
    case TableFormat::Csv:
        return toCsv(table);
    case TableFormat::Markdown:
        return toMarkdown(table);
    case TableFormat::Latex:
        return toLatex(table);
    }
    return {};
}

QString toText(const Table &t)
{
    const QList<bool> numeric = numericColumns(t);
    QList<qsizetype> width(t.header.size(), 0);
    for (qsizetype c = 0; c < t.header.size(); ++c) {
        width[c] = t.header[c].size();
        for (const QStringList &row : t.rows)
            width[c] = std::max(width[c], row.value(c).size());
    }
    auto line = [&](const QStringList &cells) {
        QStringList padded;
        for (qsizetype c = 0; c < t.header.size(); ++c)
            padded << (numeric[c] && &cells != &t.header ? cells.value(c).rightJustified(width[c])
                                                        : cells.value(c).leftJustified(width[c]));
        return padded.join(QLatin1String("  ")).trimmed() + QLatin1Char('\n');
    };
    QString out;
    if (!t.title.isEmpty())
        out += t.title + QLatin1Char('\n');
    out += line(t.header);
    qsizetype total = 0;
    for (qsizetype w : width)
        total += w;
    out += QString(total + 2 * (width.size() - 1), QLatin1Char('-')) + QLatin1Char('\n');
    for (const QStringList &row : t.rows)
        out += line(row);
    if (!t.note.isEmpty())
        out += t.note + QLatin1Char('\n');
    return out;
}

Result<void> writeTable(const Table &table, const QString &path, TableFormat format)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ReportTr::tr("%1: cannot write: %2").arg(path, file.errorString()));
    file.write(renderTable(table, format).toUtf8());
    if (!file.commit())
        return makeError(ReportTr::tr("%1: cannot write: %2").arg(path, file.errorString()));
    return {};
}

} // namespace Ncf
