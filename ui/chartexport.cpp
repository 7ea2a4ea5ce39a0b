#include "ui/chartexport.h"

#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <QWidget>

namespace Ncf::Ui {

namespace {

//! Lays the widget out at the export size, so every export has the same geometry whatever
//! the window's size, and restores it afterwards.
class ResizeForExport
{
public:
    ResizeForExport(QWidget *widget, QSize size) : m_widget(widget), m_old(widget->size())
    {
        m_widget->resize(size);
        QCoreApplication::sendPostedEvents(m_widget, QEvent::LayoutRequest);
    }
    ~ResizeForExport() { m_widget->resize(m_old); }

private:
    QWidget *m_widget;
    QSize m_old;
};

} // namespace

Result<void> exportPng(QWidget *widget, const QString &path, QSize size)
{
    const ResizeForExport resize(widget, size);
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2.0);
    image.fill(widget->palette().color(QPalette::Window));
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        widget->render(&painter);
    }
    if (!image.save(path, "PNG"))
        return makeError(QCoreApplication::translate("Ncf::Ui", "%1: cannot write the PNG file")
                             .arg(path));
    return {};
}

Result<void> exportSvg(QWidget *widget, const QString &path, QSize size, const QString &title)
{
    const ResizeForExport resize(widget, size);
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(title);
    generator.setDescription(QStringLiteral("NCF Workbench"));
    QPainter painter;
    if (!painter.begin(&generator))
        return makeError(QCoreApplication::translate("Ncf::Ui", "%1: cannot write the SVG file")
                             .arg(path));
    widget->render(&painter);
    painter.end();
    return {};
}

} // namespace Ncf::Ui

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QRegularExpression>
#include <QMessageBox>
#include <QSettings>

namespace Ncf::Ui {

QString askExportPath(QWidget *parent, const QString &baseName, const QString &suffix,
                      const QString &filter)
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("export/lastDir"), QDir::homePath())
                            .toString();
    QString path = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("Ncf::Ui", "Export"),
        QDir(dir).filePath(baseName + QLatin1Char('.') + suffix), filter);
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    settings.setValue(QStringLiteral("export/lastDir"), QFileInfo(path).absolutePath());
    return path;
}

void exportTableInteractively(
    QWidget *parent, const QString &title, TableFormat format,
    const std::function<Result<void>(const QString &path, TableFormat format)> &write)
{
    static const char *const filters[] = {QT_TRANSLATE_NOOP("Ncf::Ui", "CSV files (*.csv)"),
                                          QT_TRANSLATE_NOOP("Ncf::Ui", "Markdown files (*.md)"),
                                          QT_TRANSLATE_NOOP("Ncf::Ui", "LaTeX files (*.tex)")};
    const QString path
        = askExportPath(parent, fileSlug(title), tableSuffix(format),
                        QCoreApplication::translate("Ncf::Ui", filters[int(format)]));
    if (path.isEmpty())
        return;
    if (Result<void> r = write(path, format); !r)
        QMessageBox::warning(parent, QCoreApplication::translate("Ncf::Ui", "Export failed"),
                             r.error());
}

QString fileSlug(const QString &title)
{
    QString slug = title.toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("export") : slug;
}

} // namespace Ncf::Ui
