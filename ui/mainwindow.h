#pragma once

#include "core/common/result.h"

#include <QMainWindow>

class QMenu;
class QTabWidget;

namespace Ncf::Ui {

class CvTab;
class DataTab;
class LogPanel;
class ResultsTab;
class SearchTab;
class StreamTab;
class TrainTab;

//! The workbench window: one tab per activity, a log panel, recent files, export, settings.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    DataTab *dataTab() const { return m_dataTab; }
    TrainTab *trainTab() const { return m_trainTab; }
    SearchTab *searchTab() const { return m_searchTab; }
    CvTab *cvTab() const { return m_cvTab; }
    ResultsTab *resultsTab() const { return m_resultsTab; }
    StreamTab *streamTab() const { return m_streamTab; }
    LogPanel *logPanel() const { return m_log; }
    QTabWidget *tabs() const { return m_tabs; }

    //! Opens a ratings file or folder in the Data tab and remembers it as recent.
    void openPath(const QString &path);

    //! Opens (creating if needed) an experiment database: every tab restores its tables and
    //! charts from it, and new runs go to it. Remembered for the next start.
    void openDatabase(const QString &path);
    QString databasePath() const { return m_dbPath; }
    //! The database used when none was opened: experiments.sqlite in the data folder.
    static QString defaultDatabasePath();

    //! Renders each tab into `dir` as <tab>.png (for documentation and tests).
    Result<QStringList> saveScreenshots(const QString &dir);

    //! Writes every chart and table of every tab into `dir`.
    Result<QStringList> exportReport(const QString &dir);

    static constexpr int kMaxRecentFiles = 10;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    void chooseLanguage(const QString &code);
    void exportReportInteractively();
    void showAbout();

    QTabWidget *m_tabs;
    DataTab *m_dataTab;
    TrainTab *m_trainTab;
    SearchTab *m_searchTab;
    CvTab *m_cvTab;
    ResultsTab *m_resultsTab;
    StreamTab *m_streamTab;
    QString m_dbPath;
    LogPanel *m_log;
    QMenu *m_recentMenu = nullptr;
};

} // namespace Ncf::Ui
