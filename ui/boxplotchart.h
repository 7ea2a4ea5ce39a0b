#pragma once

#include <QString>

#include <cmath>
#include <vector>

class QBarCategoryAxis;
class QBoxPlotSeries;
class QScatterSeries;
class QValueAxis;

namespace Ncf::Ui {

class ChartCard;

//! A Tukey box plot on a chart card: one box per category from raw values (boxStats()), the
//! values beyond the whiskers as outlier points and each box's mean as a separate marker.
//! Boxes are set as a whole, so a caller redraws once per batch of changes.
class BoxPlotChart
{
public:
    //! One box: its category name, its values, and its mean (NaN: the values' mean).
    struct Box
    {
        QString label;
        std::vector<double> values;
        double mean = std::nan("");
    };

    BoxPlotChart(ChartCard *card, const QString &xTitle, const QString &yTitle);

    //! Names the three series in the legend.
    void setNames(const QString &boxes, const QString &outliers, const QString &means);
    //! Replaces every box; labels must be unique. Fits the value axis to the data.
    void setBoxes(const std::vector<Box> &boxes);

    ChartCard *card() const { return m_card; }
    QBoxPlotSeries *boxSeries() const { return m_boxes; }
    QScatterSeries *outlierSeries() const { return m_outliers; }
    QScatterSeries *meanSeries() const { return m_means; }
    QBarCategoryAxis *categoryAxis() const { return m_x; }

private:
    ChartCard *m_card;
    QBoxPlotSeries *m_boxes;
    QScatterSeries *m_outliers;
    QScatterSeries *m_means;
    QBarCategoryAxis *m_x;
    QValueAxis *m_y;
};

} // namespace Ncf::Ui
