#include "ui/boxplotchart.h"

#include "ui/boxstats.h"
#include "ui/chartcard.h"

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace Ncf::Ui {

BoxPlotChart::BoxPlotChart(ChartCard *card, const QString &xTitle, const QString &yTitle)
    : m_card(card)
    , m_boxes(new QBoxPlotSeries)
    , m_outliers(new QScatterSeries)
    , m_means(new QScatterSeries)
    , m_x(new QBarCategoryAxis)
    , m_y(new QValueAxis)
{
    QChart *chart = card->chart();
    m_outliers->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_outliers->setMarkerSize(8);
    m_means->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    m_means->setMarkerSize(11);
    m_x->setTitleText(xTitle);
    m_y->setTitleText(yTitle);
    m_y->setLabelFormat(QStringLiteral("%.3f"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    // The points sit on the category axis at x = the box's index.
    for (QAbstractSeries *series :
         std::initializer_list<QAbstractSeries *>{m_boxes, m_outliers, m_means}) {
        chart->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
    }
    m_y->setRange(0, 1);
}

void BoxPlotChart::setNames(const QString &boxes, const QString &outliers, const QString &means)
{
    m_boxes->setName(boxes);
    m_outliers->setName(outliers);
    m_means->setName(means);
}

void BoxPlotChart::setBoxes(const std::vector<Box> &boxes)
{
    m_boxes->clear();
    m_x->clear();
    QStringList categories;
    QList<QPointF> outliers, means;
    double low = INFINITY, high = -INFINITY;
    for (const Box &b : boxes) {
        const BoxStats box = boxStats(b.values);
        if (box.count == 0)
            continue;
        const double x = double(categories.size());
        categories << b.label;
        m_boxes->append(new QBoxSet(box.lowerWhisker, box.q1, box.median, box.q3,
                                    box.upperWhisker, b.label));
        for (double v : box.outliers)
            outliers.append({x, v});
        const double mean = std::isnan(b.mean) ? box.mean : b.mean;
        means.append({x, mean});
        low = std::min({low, box.lowerWhisker, mean});
        high = std::max({high, box.upperWhisker, mean});
        if (!box.outliers.empty()) {
            low = std::min(low, box.outliers.front());
            high = std::max(high, box.outliers.back());
        }
    }
    m_outliers->replace(outliers);
    m_means->replace(means);
    if (categories.isEmpty()) {
        m_y->setRange(0, 1);
        return;
    }
    m_x->append(categories);
    m_x->setRange(categories.first(), categories.last());
    const double pad = high > low ? (high - low) * 0.15 : std::max(0.01, std::abs(high) * 0.01);
    m_y->setRange(low - pad, high + pad);
    m_y->applyNiceNumbers();
}

} // namespace Ncf::Ui
