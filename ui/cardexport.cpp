#include "ui/cardexport.h"

#include "core/report/table.h"
#include "ui/chartcard.h"
#include "ui/tablecard.h"

#include <QCoreApplication>
#include <QDir>

namespace Ncf::Ui {

Result<QStringList> exportCards(const QString &dir, const QList<const ChartCard *> &charts,
                                const QList<const TableCard *> &tables)
{
    if (!QDir().mkpath(dir))
        return makeError(QCoreApplication::translate("Ncf::Ui",
                                                     "%1: cannot create the folder")
                             .arg(dir));
    const QDir out(dir);
    QStringList written;
    for (const ChartCard *chart : charts)
        for (const char *suffix : {"png", "svg"}) {
            const QString path = out.filePath(chart->objectName() + QLatin1Char('.')
                                              + QLatin1String(suffix));
            if (Result<void> r = chart->exportTo(path); !r)
                return makeError(r.error());
            written << path;
        }
    for (const TableCard *table : tables)
        for (TableFormat format : {TableFormat::Csv, TableFormat::Markdown, TableFormat::Latex}) {
            const QString path = out.filePath(table->objectName() + QLatin1Char('.')
                                              + tableSuffix(format));
            if (Result<void> r = table->exportTo(path, format); !r)
                return makeError(r.error());
            written << path;
        }
    return written;
}

} // namespace Ncf::Ui
