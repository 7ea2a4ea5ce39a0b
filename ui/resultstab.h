#pragma once

#include "core/common/result.h"

#include <QStringList>
#include <QWidget>

#include <memory>

class QBarCategoryAxis;
class QBarSet;
class QHorizontalStackedBarSeries;
class QLabel;
class QPushButton;
class QValueAxis;

namespace Ncf {
class ExperimentStore;
} // namespace Ncf

namespace Ncf::Ui {

class ChartCard;
class TableCard;

//! The Results tab: the database's comparison table (every search's best trial and every
//! cross-validated configuration, next to published baselines marked as such), a bar chart of
//! every row's RMSE, and every stored epoch, with an export of all of it for a paper.
class ResultsTab : public QWidget
{
    Q_OBJECT

public:
    explicit ResultsTab(QWidget *parent = nullptr);
    ~ResultsTab() override;

    //! Opens the experiment database (never creating it) and shows its tables.
    void setDatabasePath(const QString &path);
    QString databasePath() const { return m_dbPath; }

    ChartCard *rmseChart() const { return m_chart; }
    TableCard *resultsTable() const { return m_results; }
    TableCard *epochsTable() const { return m_epochs; }
    //! The bars: one category per results row, its RMSE in exactly one of the two sets.
    QBarCategoryAxis *barCategories() const { return m_categories; }
    QBarSet *measuredBars() const { return m_measured; }
    QBarSet *publishedBars() const { return m_published; }
    //! The results table's note, shown under it.
    QString note() const;

    //! Writes a folder for a paper: the chart as PNG and SVG, the results and epochs tables
    //! as CSV, Markdown and LaTeX (results.*, epochs.*, rmse-by-model.*). Returns the paths.
    Result<QStringList> exportReport(const QString &dir) const;

public Q_SLOTS:
    //! Reads the tables from the database again.
    void refresh();

Q_SIGNALS:
    void statusMessage(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildLayout();
    void refreshChart();
    void styleBars();
    void exportInteractively();

    QString m_dbPath;
    std::unique_ptr<ExperimentStore> m_store;

    QPushButton *m_refresh;
    QPushButton *m_export;
    QLabel *m_summary;
    QLabel *m_note;
    TableCard *m_results;
    TableCard *m_epochs;
    ChartCard *m_chart;
    QHorizontalStackedBarSeries *m_bars;
    QBarSet *m_measured;
    QBarSet *m_published;
    QBarCategoryAxis *m_categories;
    QValueAxis *m_value;
};

} // namespace Ncf::Ui
