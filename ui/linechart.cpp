#include "ui/linechart.h"

#include "ui/chartcard.h"

#include <QChart>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <cmath>

namespace Ncf::Ui {

LineChart::LineChart(ChartCard *card, const QString &xTitle, const QString &yTitle)
    : m_card(card)
    , m_x(new QValueAxis)
    , m_y(new QValueAxis)
{
    QChart *chart = card->chart();
    m_x->setTitleText(xTitle);
    m_x->setLabelFormat(QStringLiteral("%g"));
    m_y->setTitleText(yTitle);
    m_y->setLabelFormat(QStringLiteral("%g"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_x->setRange(0, 1);
    m_y->setRange(0, 1);
}

int LineChart::addSeries(const QString &name, bool dashed)
{
    auto *series = new QLineSeries;
    series->setName(name);
    m_card->chart()->addSeries(series);
    series->attachAxis(m_x);
    series->attachAxis(m_y);
    if (dashed) {
        QPen pen = series->pen();
        pen.setStyle(Qt::DashLine);
        series->setPen(pen);
    }
    m_series.append(series);
    return int(m_series.size()) - 1;
}

void LineChart::setPoints(int series, const QList<QPointF> &points)
{
    m_series.at(series)->replace(points);
}

void LineChart::clear()
{
    for (QLineSeries *s : m_series)
        s->clear();
    m_x->setRange(0, 1);
    m_y->setRange(0, 1);
}

void LineChart::rescale(bool fromZero)
{
    double minX = INFINITY, maxX = -INFINITY, minY = INFINITY, maxY = -INFINITY;
    for (const QLineSeries *s : m_series)
        for (const QPointF &p : s->points()) {
            if (!std::isfinite(p.y()))
                continue;
            minX = std::min(minX, p.x());
            maxX = std::max(maxX, p.x());
            minY = std::min(minY, p.y());
            maxY = std::max(maxY, p.y());
        }
    if (!std::isfinite(minX))
        return;
    if (maxX <= minX)
        maxX = minX + 1;
    if (fromZero)
        minY = std::min(0.0, minY);
    if (maxY <= minY)
        maxY = minY + 1;
    m_x->setRange(minX, maxX);
    m_x->applyNiceNumbers();
    m_y->setRange(minY, maxY + (maxY - minY) * 0.05);
    m_y->applyNiceNumbers();
}

} // namespace Ncf::Ui
