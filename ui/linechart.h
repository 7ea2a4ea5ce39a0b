#pragma once

#include <QList>
#include <QPointF>
#include <QString>

class QChart;
class QLineSeries;
class QValueAxis;

namespace Ncf::Ui {

class ChartCard;

//! Line series on a chart card with value axes that follow the data: the live charts of the
//! Stream tab. Points are set as whole lists, so a caller batches updates (on a timer) and the
//! chart redraws once per batch, not once per point.
class LineChart
{
public:
    LineChart(ChartCard *card, const QString &xTitle, const QString &yTitle);

    //! Adds a series and returns its index; `dashed` for reference lines.
    int addSeries(const QString &name, bool dashed = false);
    void setPoints(int series, const QList<QPointF> &points);
    void clear();
    //! Fits both axes to the data (y from 0 when `fromZero`).
    void rescale(bool fromZero = true);

    QLineSeries *series(int index) const { return m_series.at(index); }
    int seriesCount() const { return int(m_series.size()); }
    ChartCard *card() const { return m_card; }

private:
    ChartCard *m_card;
    QValueAxis *m_x;
    QValueAxis *m_y;
    QList<QLineSeries *> m_series;
};

} // namespace Ncf::Ui
