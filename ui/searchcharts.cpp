#include "ui/searchcharts.h"

#include "ui/chartcard.h"
#include "ui/trialsmodel.h"

#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace Ncf::Ui {

namespace {

//! Legends of more lines than this are more noise than help.
constexpr int kMaxLegendLines = 12;

QString valueLabel(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString::number(v.toDouble(), 'g', 4);
}

bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return std::abs(a.toDouble() - b.toDouble())
               <= 1e-12 * std::max(1.0, std::abs(b.toDouble()));
    return a == b;
}

//! A round tick step of about range / ticks.
double niceStep(double range, int ticks)
{
    const double raw = range / std::max(1, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0})
        if (m * magnitude >= raw)
            return m * magnitude;
    return 10 * magnitude;
}

QScatterSeries *scatter(const QString &name, const QColor &color, qreal size)
{
    auto *s = new QScatterSeries;
    s->setName(name);
    s->setColor(color);
    s->setBorderColor(color.darker(130));
    s->setMarkerSize(size);
    return s;
}

} // namespace

// ZoomableChart

ZoomableChart::ZoomableChart(ChartCard *card, QObject *parent)
    : QObject(parent)
    , m_card(card)
{}

void ZoomableChart::resetZoom()
{
    {
        const OwnChange own(this);
        m_card->chart()->zoomReset();
        fit();
    }
    setZoomed(false);
}

void ZoomableChart::watch(QValueAxis *axis)
{
    connect(axis, &QValueAxis::rangeChanged, this, &ZoomableChart::rangeChanged);
}

void ZoomableChart::watch(QLogValueAxis *axis)
{
    connect(axis, &QLogValueAxis::rangeChanged, this, &ZoomableChart::rangeChanged);
}

void ZoomableChart::autoRange()
{
    if (m_zoomed)
        return;
    const OwnChange own(this);
    fit();
}

void ZoomableChart::setZoomed(bool zoomed)
{
    if (zoomed == m_zoomed)
        return;
    m_zoomed = zoomed;
    Q_EMIT zoomChanged(zoomed);
}

void ZoomableChart::rangeChanged()
{
    if (m_own == 0)
        setZoomed(true);
}

// LossChart

LossChart::LossChart(ChartCard *card, QObject *parent)
    : ZoomableChart(card, parent)
    , m_x(new QValueAxis)
    , m_y(new QValueAxis)
    , m_stops(scatter(tr("Stopped by ASHA"), trialStatusColor(TrialStatus::Stopped), 9))
{
    const OwnChange own(this);
    QChart *chart = card->chart();
    m_x->setTitleText(tr("Epoch"));
    m_x->setLabelFormat(QStringLiteral("%g"));
    m_x->setTickType(QValueAxis::TicksDynamic);
    m_x->setTickAnchor(0);
    m_x->setTickInterval(1);
    m_y->setTitleText(tr("Validation RMSE (stars)"));
    m_y->setLabelFormat(QStringLiteral("%.3f"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    m_x->setRange(1, 2);
    m_y->setRange(0, 1);
    m_stops->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    chart->addSeries(m_stops);
    m_stops->attachAxis(m_x);
    m_stops->attachAxis(m_y);
    chart->legend()->setAlignment(Qt::AlignBottom);
    watch(m_x);
    watch(m_y);
}

void LossChart::clear()
{
    const OwnChange own(this);
    for (const auto &[id, series] : m_series) {
        card()->chart()->removeSeries(series);
        delete series;
    }
    m_series.clear();
    m_numbers.clear();
    m_stopPoints.clear();
    m_stops->clear();
    m_highlighted.clear();
}

void LossChart::setLine(const Line &line)
{
    const OwnChange own(this);
    QLineSeries *&series = m_series[line.trialId];
    if (!series) {
        series = new QLineSeries;
        series->setName(tr("Trial %1").arg(line.number));
        series->setProperty("trialId", line.trialId);
        card()->chart()->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
        m_numbers[line.trialId] = line.number;
        applyPen(line.trialId, series);
        QLineSeries *s = series;
        connect(series, &QLineSeries::hovered, this, [s](const QPointF &at, bool entered) {
            if (!entered) {
                QToolTip::hideText();
                return;
            }
            const QList<QPointF> points = s->points();
            const auto nearest = std::min_element(points.begin(), points.end(),
                                                  [&](const QPointF &a, const QPointF &b) {
                                                      return std::abs(a.x() - at.x())
                                                             < std::abs(b.x() - at.x());
                                                  });
            if (nearest == points.end())
                return;
            QToolTip::showText(QCursor::pos(),
                               tr("%1\nepoch %2: validation RMSE %3")
                                   .arg(s->property("tip").toString())
                                   .arg(nearest->x())
                                   .arg(nearest->y(), 0, 'f', 4));
        });
    }
    series->setProperty("tip", line.tip);
    series->replace(line.points);
    if (line.stopped && !line.points.isEmpty())
        m_stopPoints[line.trialId] = line.points.back();
    else
        m_stopPoints.erase(line.trialId);
}

void LossChart::setHighlighted(const QSet<qint64> &trials)
{
    if (trials == m_highlighted)
        return;
    m_highlighted = trials;
    for (const auto &[id, series] : m_series)
        applyPen(id, series);
}

void LossChart::commit(int epochs)
{
    const OwnChange own(this);
    m_epochs = std::max(1, epochs);
    QList<QPointF> stops;
    for (const auto &[id, at] : m_stopPoints)
        stops.append(at);
    m_stops->replace(stops);
    QLegend *legend = card()->chart()->legend();
    legend->setVisible(!m_series.empty() && int(m_series.size()) <= kMaxLegendLines);
    for (QLegendMarker *marker : legend->markers(m_stops))
        marker->setVisible(!stops.isEmpty());
    autoRange();
}

QLineSeries *LossChart::series(qint64 trialId) const
{
    const auto it = m_series.find(trialId);
    return it == m_series.end() ? nullptr : it->second;
}

QList<QLineSeries *> LossChart::lines() const
{
    QList<QLineSeries *> out;
    for (const auto &[id, series] : m_series)
        out.append(series);
    return out;
}

QColor LossChart::trialColor(int number)
{
    // Successive trials a golden angle apart on the colour wheel.
    return QColor::fromHsv(int(std::fmod(number * 137.508, 360.0)), 190, 205);
}

void LossChart::fit()
{
    double maxX = m_epochs, minY = INFINITY, maxY = -INFINITY;
    for (const auto &[id, series] : m_series)
        for (const QPointF &p : series->points()) {
            if (!std::isfinite(p.y()))
                continue;
            maxX = std::max(maxX, p.x());
            minY = std::min(minY, p.y());
            maxY = std::max(maxY, p.y());
        }
    maxX = std::max(2.0, maxX);
    m_x->setRange(1, maxX);
    m_x->setTickInterval(std::max(1.0, niceStep(maxX - 1, 10)));
    if (!std::isfinite(minY)) {
        m_y->setRange(0, 1);
        return;
    }
    const double pad = std::max(0.005, (maxY - minY) * 0.06);
    m_y->setRange(std::max(0.0, minY - pad), maxY + pad);
}

void LossChart::applyPen(qint64 trialId, QLineSeries *series) const
{
    QColor color = trialColor(m_numbers.count(trialId) ? m_numbers.at(trialId) : 0);
    QPen pen(color);
    if (m_highlighted.isEmpty()) {
        pen.setWidthF(1.6);
    } else if (m_highlighted.contains(trialId)) {
        pen.setWidthF(3.5);
    } else {
        color.setAlpha(55);
        pen.setColor(color);
        pen.setWidthF(1.0);
    }
    series->setPen(pen);
}

// ScatterChart

ScatterChart::ScatterChart(ChartCard *card, QObject *parent)
    : ZoomableChart(card, parent)
    , m_y(new QValueAxis)
    , m_completed(scatter(tr("Completed"), trialStatusColor(TrialStatus::Completed), 10))
    , m_stopped(scatter(tr("Stopped by ASHA"), trialStatusColor(TrialStatus::Stopped), 10))
    , m_other(scatter(tr("Running or interrupted"), trialStatusColor(TrialStatus::Running),
                      10))
    , m_selected(scatter(tr("Selected"), Qt::transparent, 18))
{
    const OwnChange own(this);
    QChart *chart = card->chart();
    m_y->setTitleText(tr("Best val. RMSE"));
    m_y->setLabelFormat(QStringLiteral("%.3f"));
    chart->addAxis(m_y, Qt::AlignLeft);
    m_y->setRange(0, 1);
    m_selected->setObjectName(QStringLiteral("selection"));
    m_selected->setBrush(Qt::NoBrush);
    m_selected->setPen(QPen(QColor(0x21, 0x21, 0x21), 2.5));
    for (QScatterSeries *s : {m_completed, m_stopped, m_other, m_selected}) {
        chart->addSeries(s);
        s->attachAxis(m_y);
        connect(s, &QScatterSeries::hovered, this, [this, s](const QPointF &at, bool entered) {
            if (entered)
                showTip(s, at);
            else
                QToolTip::hideText();
        });
    }
    for (QLegendMarker *marker : chart->legend()->markers(m_selected))
        marker->setVisible(false);
    chart->legend()->setAlignment(Qt::AlignBottom);
    watch(m_y);
    ParamDomain none;
    none.kind = ParamDomain::Kind::Uniform;
    setParameter(none);
}

void ScatterChart::setParameter(const ParamDomain &domain)
{
    {
        const OwnChange own(this);
        QChart *chart = card()->chart();
        if (m_x) {
            chart->removeAxis(m_x);
            delete m_x;
        }
        m_domain = domain;
        m_categories.clear();
        if (domain.kind == ParamDomain::Kind::Choice) {
            auto *axis = new QCategoryAxis;
            axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
            for (const QJsonValue &v : domain.values)
                m_categories << valueLabel(v);
            for (int k = 0; k < m_categories.size(); ++k)
                axis->append(m_categories[k], k);
            axis->setRange(-0.5, std::max(0.5, m_categories.size() - 0.5));
            watch(axis);
            m_x = axis;
        } else if (domain.kind == ParamDomain::Kind::LogUniform) {
            auto *axis = new QLogValueAxis;
            axis->setBase(10);
            axis->setLabelFormat(QStringLiteral("%g"));
            axis->setMinorTickCount(8);
            axis->setRange(domain.low, domain.high);
            watch(axis);
            m_x = axis;
        } else {
            auto *axis = new QValueAxis;
            axis->setLabelFormat(QStringLiteral("%g"));
            axis->setRange(domain.low, domain.high);
            watch(axis);
            m_x = axis;
        }
        m_x->setTitleText(domain.name.isEmpty() ? tr("Hyperparameter") : domain.name);
        chart->addAxis(m_x, Qt::AlignBottom);
        for (QScatterSeries *s : {m_completed, m_stopped, m_other, m_selected})
            s->attachAxis(m_x);
        rebuild();
        fit();
    }
    setZoomed(false);
}

void ScatterChart::setPoints(const std::vector<Point> &points)
{
    m_points = points;
    const OwnChange own(this);
    rebuild();
    autoRange();
}

void ScatterChart::setHighlighted(const QSet<qint64> &trials)
{
    if (trials == m_highlighted)
        return;
    m_highlighted = trials;
    const OwnChange own(this);
    rebuild();
}

int ScatterChart::pointCount() const
{
    return int(m_completed->count() + m_stopped->count() + m_other->count());
}

double ScatterChart::position(const QJsonValue &value, int number) const
{
    switch (m_domain.kind) {
    case ParamDomain::Kind::Choice: {
        for (int k = 0; k < int(m_domain.values.size()); ++k)
            if (sameValue(value, m_domain.values[size_t(k)])) {
                // Spread the trials of one value a little, the same way every time.
                const double jitter = ((number * 7919) % 21 - 10) / 10.0 * 0.18;
                return k + jitter;
            }
        return std::nan("");
    }
    case ParamDomain::Kind::LogUniform:
        return value.isDouble() && value.toDouble() > 0 ? value.toDouble() : std::nan("");
    case ParamDomain::Kind::Uniform:
        return value.isDouble() ? value.toDouble() : std::nan("");
    }
    return std::nan("");
}

void ScatterChart::rebuild()
{
    QList<QPointF> completed, stopped, other, selected;
    m_pointsOf.clear();
    for (size_t k = 0; k < m_points.size(); ++k) {
        const Point &p = m_points[k];
        const double x = position(p.value, p.number);
        if (!std::isfinite(x) || !std::isfinite(p.rmse))
            continue;
        const QPointF at(x, p.rmse);
        QScatterSeries *group = p.status == TrialStatus::Completed ? m_completed
                                : p.status == TrialStatus::Stopped ? m_stopped
                                                                   : m_other;
        (group == m_completed ? completed : group == m_stopped ? stopped : other).append(at);
        m_pointsOf[group].push_back(k);
        if (m_highlighted.contains(p.trialId)) {
            selected.append(at);
            m_pointsOf[m_selected].push_back(k);
        }
    }
    m_completed->replace(completed);
    m_stopped->replace(stopped);
    m_other->replace(other);
    m_selected->replace(selected);
    // The legend names only the groups there are.
    QLegend *legend = card()->chart()->legend();
    for (QScatterSeries *s : {m_completed, m_stopped, m_other})
        for (QLegendMarker *marker : legend->markers(s))
            marker->setVisible(s->count() > 0);
}

void ScatterChart::fit()
{
    double minY = INFINITY, maxY = -INFINITY, minX = INFINITY, maxX = -INFINITY;
    for (QScatterSeries *s : {m_completed, m_stopped, m_other})
        for (const QPointF &p : s->points()) {
            minY = std::min(minY, p.y());
            maxY = std::max(maxY, p.y());
            minX = std::min(minX, p.x());
            maxX = std::max(maxX, p.x());
        }
    if (std::isfinite(minY)) {
        const double pad = std::max(0.005, (maxY - minY) * 0.08);
        m_y->setRange(std::max(0.0, minY - pad), maxY + pad);
    } else {
        m_y->setRange(0, 1);
    }
    if (m_domain.kind == ParamDomain::Kind::Choice) {
        m_x->setRange(-0.5, std::max(0.5, m_categories.size() - 0.5));
        return;
    }
    double low = m_domain.low, high = m_domain.high;
    if (std::isfinite(minX)) {
        low = std::min(low, minX);
        high = std::max(high, maxX);
    }
    if (m_domain.kind == ParamDomain::Kind::LogUniform) {
        if (!(low > 0))
            low = high > 0 ? high / 10 : 1e-3;
        if (!(high > low))
            high = low * 10;
        m_x->setRange(low / 1.15, high * 1.15);
    } else {
        if (!(high > low))
            high = low + 1;
        const double pad = (high - low) * 0.04;
        m_x->setRange(low - pad, high + pad);
    }
}

void ScatterChart::showTip(QScatterSeries *series, const QPointF &at)
{
    const auto it = m_pointsOf.find(series);
    if (it == m_pointsOf.end())
        return;
    const QList<QPointF> points = series->points();
    int nearest = -1;
    double distance = INFINITY;
    for (int k = 0; k < points.size() && k < int(it->second.size()); ++k) {
        const double d = std::hypot(points[k].x() - at.x(), points[k].y() - at.y());
        if (d < distance) {
            distance = d;
            nearest = k;
        }
    }
    if (nearest < 0)
        return;
    const Point &p = m_points[it->second[size_t(nearest)]];
    QToolTip::showText(QCursor::pos(), tr("Trial %1 (%2)\n%3\nbest validation RMSE %4")
                                           .arg(p.number)
                                           .arg(trialStatusLabel(p.status), p.tip)
                                           .arg(p.rmse, 0, 'f', 4));
}

} // namespace Ncf::Ui
