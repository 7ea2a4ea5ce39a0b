#pragma once

#include "core/common/result.h"
#include "ui/card.h"

class QChart;
class QChartView;

namespace Ncf::Ui {

//! A titled chart with an Export button (PNG, SVG). The card owns the chart.
class ChartCard : public Card
{
    Q_OBJECT

public:
    explicit ChartCard(const QString &title, QWidget *parent = nullptr);

    QChart *chart() const;
    QChartView *view() const { return m_view; }

    //! Writes the chart as `path` (PNG or SVG by suffix).
    Result<void> exportTo(const QString &path) const;

    //! Follows the palette: dark theme on dark palettes.
    void applyTheme();

protected:
    void changeEvent(QEvent *event) override;

private:
    void exportInteractively(const QString &suffix);

    QChartView *m_view;
};

} // namespace Ncf::Ui
