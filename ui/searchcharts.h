#pragma once

#include "core/search/searchspace.h"
#include "core/storage/experimentstore.h"

#include <QColor>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QSet>
#include <QStringList>

#include <map>
#include <vector>

class QAbstractAxis;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QValueAxis;

namespace Ncf::Ui {

class ChartCard;

//! A chart whose axes follow the data until the user zooms (rubber band, right-click to zoom
//! out); from then on the view stays where the user put it until resetZoom().
class ZoomableChart : public QObject
{
    Q_OBJECT

public:
    explicit ZoomableChart(ChartCard *card, QObject *parent = nullptr);

    ChartCard *card() const { return m_card; }
    bool isZoomed() const { return m_zoomed; }
    //! Forgets the user's zoom and fits the axes to the data again.
    void resetZoom();

Q_SIGNALS:
    void zoomChanged(bool zoomed);

protected:
    //! Range changes of `axis` not made through an OwnChange count as the user's zoom.
    void watch(QValueAxis *axis);
    void watch(QLogValueAxis *axis);
    //! Fits the axes to the data unless the user zoomed.
    void autoRange();
    virtual void fit() = 0;

    //! Marks the chart changes made in its scope as the program's, not the user's.
    class OwnChange
    {
    public:
        explicit OwnChange(ZoomableChart *chart) : m_chart(chart) { ++m_chart->m_own; }
        ~OwnChange() { --m_chart->m_own; }
        OwnChange(const OwnChange &) = delete;
        OwnChange &operator=(const OwnChange &) = delete;

    private:
        ZoomableChart *m_chart;
    };

    void setZoomed(bool zoomed);

private:
    void rangeChanged();

    ChartCard *m_card;
    int m_own = 0;
    bool m_zoomed = false;
};

//! Validation RMSE per epoch, one line per trial: a trial the scheduler stopped ends where it
//! was stopped (marked with a cross). Selected trials are drawn thick, the others dimmed.
class LossChart : public ZoomableChart
{
    Q_OBJECT

public:
    struct Line
    {
        qint64 trialId = 0;
        int number = 0;
        QString tip;            //!< shown on hover with the epoch's figure
        QList<QPointF> points;  //!< (epoch, validation RMSE)
        bool stopped = false;   //!< stopped by the scheduler
    };

    explicit LossChart(ChartCard *card, QObject *parent = nullptr);

    //! Removes every trial's line.
    void clear();
    //! Creates or replaces the line of `line.trialId` (one QXYSeries::replace).
    void setLine(const Line &line);
    void setHighlighted(const QSet<qint64> &trials);
    //! Ends a batch of setLine() calls: stop markers, legend, and the axes unless zoomed;
    //! the x axis spans at least `epochs` epochs.
    void commit(int epochs);

    QLineSeries *series(qint64 trialId) const;
    QList<QLineSeries *> lines() const;
    QScatterSeries *stopMarkers() const { return m_stops; }
    QValueAxis *xAxis() const { return m_x; }
    QValueAxis *yAxis() const { return m_y; }

    //! A trial's colour: distinct hues by trial number, the same on every chart.
    static QColor trialColor(int number);

protected:
    void fit() override;

private:
    void applyPen(qint64 trialId, QLineSeries *series) const;

    QValueAxis *m_x;
    QValueAxis *m_y;
    QScatterSeries *m_stops;
    std::map<qint64, QLineSeries *> m_series;
    std::map<qint64, int> m_numbers;
    std::map<qint64, QPointF> m_stopPoints;
    QSet<qint64> m_highlighted;
    int m_epochs = 1;
};

//! One hyperparameter against each trial's best validation RMSE: a value axis for uniform
//! ranges, a log axis for log-uniform ones, one position per value for choices.
class ScatterChart : public ZoomableChart
{
    Q_OBJECT

public:
    struct Point
    {
        qint64 trialId = 0;
        int number = 0;
        QJsonValue value;
        double rmse = 0.0;
        TrialStatus status = TrialStatus::Completed;
        QString tip;
    };

    explicit ScatterChart(ChartCard *card, QObject *parent = nullptr);

    //! Plots `domain`'s parameter on a fresh x axis (the user's zoom is reset).
    void setParameter(const ParamDomain &domain);
    const ParamDomain &parameter() const { return m_domain; }
    void setPoints(const std::vector<Point> &points);
    void setHighlighted(const QSet<qint64> &trials);

    //! Trials plotted (the highlight overlay not counted).
    int pointCount() const;
    //! The series of trials completed, stopped by ASHA, and the others (running, interrupted).
    QList<QScatterSeries *> groups() const { return {m_completed, m_stopped, m_other}; }
    QScatterSeries *selection() const { return m_selected; }
    QAbstractAxis *xAxis() const { return m_x; }
    QValueAxis *yAxis() const { return m_y; }
    //! The x position of `value` on the current axis; NaN when it cannot be shown.
    double position(const QJsonValue &value, int number) const;

protected:
    void fit() override;

private:
    void rebuild();
    void showTip(QScatterSeries *series, const QPointF &at);

    ParamDomain m_domain;
    QStringList m_categories;
    QAbstractAxis *m_x = nullptr;
    QValueAxis *m_y;
    QScatterSeries *m_completed;
    QScatterSeries *m_stopped;
    QScatterSeries *m_other;
    QScatterSeries *m_selected;
    std::vector<Point> m_points;
    std::map<const QScatterSeries *, std::vector<size_t>> m_pointsOf; // series -> m_points
    QSet<qint64> m_highlighted;
};

} // namespace Ncf::Ui
