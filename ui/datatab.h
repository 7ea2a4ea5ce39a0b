#pragma once

#include "core/common/result.h"
#include "core/data/ratingdataset.h"
#include "core/stats/eda.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace Ncf::Ui {

class ChartCard;
class TableCard;

//! A loaded ratings file and its statistics, shared read-only with the other tabs.
struct LoadedDataset
{
    RatingDataset data;
    EdaSummary eda;
};

//! What a background load hands back: the dataset, or the reason there is none.
struct LoadOutcome
{
    std::shared_ptr<const LoadedDataset> dataset;
    QString error;
};

//! The Data tab: open a MovieLens file or folder (also by drag and drop), load it off the GUI
//! thread with progress and cancel, and show its histogram, skew and statistics tables.
class DataTab : public QWidget
{
    Q_OBJECT

public:
    explicit DataTab(QWidget *parent = nullptr);
    //! Cancels a running load and waits for it, so no worker outlives the tab.
    ~DataTab() override;

    //! Starts loading `path` (file or folder) in the background.
    void open(const QString &path);
    void cancel();
    bool isLoading() const;

    std::shared_ptr<const LoadedDataset> dataset() const { return m_dataset; }

    ChartCard *histogramChart() const { return m_histogram; }
    ChartCard *rankChart() const { return m_rank; }
    TableCard *overviewTable() const { return m_overview; }
    TableCard *countsTable() const { return m_counts; }
    TableCard *histogramTable() const { return m_histogramTable; }

    //! Writes every chart (PNG and SVG) and every table (CSV, Markdown, LaTeX) into `dir`.
    Result<QStringList> exportAll(const QString &dir) const;

Q_SIGNALS:
    void loadStarted(const QString &path);
    void datasetLoaded(const QString &path);
    void loadFailed(const QString &message);
    void statusMessage(const QString &message);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void handleProgress(int permille);
    void handleFinished();
    void showDataset();
    void showHistogram(const EdaSummary &eda);
    void showRankCurves(const EdaSummary &eda);
    void setLoading(bool loading);

    QPushButton *m_openFile;
    QPushButton *m_openFolder;
    QCheckBox *m_lenient;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    QPushButton *m_cancel;
    QLabel *m_summary;
    QLabel *m_warnings;
    ChartCard *m_histogram;
    ChartCard *m_rank;
    TableCard *m_overview;
    TableCard *m_counts;
    TableCard *m_histogramTable;

    QFutureWatcher<std::shared_ptr<LoadOutcome>> m_watcher;
    QString m_loadingPath;
    qint64 m_loadingBytes = 0;
    QElapsedTimer m_loadTimer;
    std::shared_ptr<const LoadedDataset> m_dataset;
};

} // namespace Ncf::Ui
