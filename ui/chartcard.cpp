#include "ui/chartcard.h"

#include "ui/chartexport.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace Ncf::Ui {

ChartCard::ChartCard(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_view(new QChartView(new QChart, this))
{
    setObjectName(fileSlug(title));
    QFont font = m_title->font();
    font.setBold(true);
    m_title->setFont(font);

    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setToolTip(tr("Save this chart as a PNG image or an SVG drawing"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("PNG image..."), this, [this] { exportInteractively(QStringLiteral("png")); });
    menu->addAction(tr("SVG drawing..."), this,
                    [this] { exportInteractively(QStringLiteral("svg")); });
    exportButton->setMenu(menu);

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setRubberBand(QChartView::RectangleRubberBand);
    m_view->setToolTip(tr("Drag to zoom in; right-click to zoom out"));
    m_view->chart()->legend()->setAlignment(Qt::AlignBottom);
    m_view->setMinimumSize(320, 220);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    applyTheme();
}

QChart *ChartCard::chart() const
{
    return m_view->chart();
}

QString ChartCard::title() const
{
    return m_title->text();
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
