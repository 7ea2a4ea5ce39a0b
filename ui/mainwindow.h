#pragma once

#include "core/common/result.h"

#include <QMainWindow>

class QMenu;
class QTabWidget;

namespace Ncf::Ui {

class DataTab;
class LogPanel;
class StreamTab;

//! The workbench window: one tab per activity, a log panel, recent files, export, settings.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    DataTab *dataTab() const { return m_dataTab; }
    StreamTab *streamTab() const { return m_streamTab; }
    LogPanel *logPanel() const { return m_log; }
    QTabWidget *tabs() const { return m_tabs; }

    //! Opens a ratings file or folder in the Data tab and remembers it as recent.
    void openPath(const QString &path);

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
    StreamTab *m_streamTab;
    LogPanel *m_log;
    QMenu *m_recentMenu = nullptr;
};

} // namespace Ncf::Ui
