#include "ui/chartcard.h"

#include "ui/chartexport.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

namespace Ncf::Ui {

ChartCard::ChartCard(const QString &title, QWidget *parent)
    : Card(title, parent)
    , m_view(new QChartView(new QChart, this))
{
    setExportToolTip(tr("Save this chart as a PNG image or an SVG drawing"));
    exportMenu()->addAction(tr("PNG image..."), this,
                            [this] { exportInteractively(QStringLiteral("png")); });
    exportMenu()->addAction(tr("SVG drawing..."), this,
                            [this] { exportInteractively(QStringLiteral("svg")); });

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setRubberBand(QChartView::RectangleRubberBand);
    m_view->setToolTip(tr("Drag to zoom in; right-click to zoom out"));
    m_view->chart()->legend()->setAlignment(Qt::AlignBottom);
    m_view->setMinimumSize(320, 220);

    setBody(m_view);
    applyTheme();
}

QChart *ChartCard::chart() const
{
    return m_view->chart();
}

Result<void> ChartCard::exportTo(const QString &path) const
{
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0)
        return exportSvg(m_view, path, {1200, 750}, title());
    return exportPng(m_view, path);
}

void ChartCard::applyTheme()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart()->setBackgroundRoundness(0);
}

void ChartCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

void ChartCard::exportInteractively(const QString &suffix)
{
    const QString filter = suffix == QLatin1String("svg") ? tr("SVG drawings (*.svg)")
                                                           : tr("PNG images (*.png)");
    const QString path = askExportPath(this, fileSlug(title()), suffix, filter);
    if (path.isEmpty())
        return;
    if (Result<void> r = exportTo(path); !r)
        QMessageBox::warning(this, tr("Export failed"), r.error());
}

} // namespace Ncf::Ui
