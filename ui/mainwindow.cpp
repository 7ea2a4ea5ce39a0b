#include "ui/mainwindow.h"

#include "core/common/logging.h"
#include "ui/chartexport.h"
#include "ui/datatab.h"
#include "ui/language.h"
#include "ui/logpanel.h"
#include "ui/cvtab.h"
#include "ui/resultstab.h"
#include "ui/searchtab.h"
#include "ui/streamtab.h"
#include "ui/traintab.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>

#include <functional>

namespace Ncf::Ui {

namespace {
const QString kRecentKey = QStringLiteral("recentFiles");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
    , m_dataTab(new DataTab(this))
    , m_trainTab(new TrainTab(m_dataTab, this))
    , m_searchTab(new SearchTab(m_dataTab, this))
    , m_cvTab(new CvTab(m_dataTab, this))
    , m_resultsTab(new ResultsTab(this))
    , m_streamTab(new StreamTab(m_dataTab, this))
    , m_log(new LogPanel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("NCF Workbench"));
    setAcceptDrops(true);

    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_dataTab, tr("&Data"));
    m_tabs->addTab(m_trainTab, tr("&Train"));
    m_tabs->addTab(m_searchTab, tr("Searc&h"));
    m_tabs->addTab(m_cvTab, tr("&Cross-validation"));
    m_tabs->addTab(m_resultsTab, tr("&Results"));
    m_tabs->addTab(m_streamTab, tr("&Stream"));
    setCentralWidget(m_tabs);
    addDockWidget(Qt::BottomDockWidgetArea, m_log);
    resizeDocks({m_log}, {150}, Qt::Vertical);

    connect(m_dataTab, &DataTab::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    auto showStatus = [this](const QString &message) {
        statusBar()->showMessage(message, 10000);
    };
    connect(m_trainTab, &TrainTab::statusMessage, this, showStatus);
    connect(m_searchTab, &SearchTab::statusMessage, this, showStatus);
    connect(m_cvTab, &CvTab::statusMessage, this, showStatus);
    connect(m_resultsTab, &ResultsTab::statusMessage, this, showStatus);
    connect(m_streamTab, &StreamTab::statusMessage, this, showStatus);
    // What one tab runs, the others list: new searches for CV, everything for the results.
    connect(m_searchTab, &SearchTab::experimentsChanged, m_cvTab, &CvTab::refreshExperiments);
    connect(m_trainTab, &TrainTab::experimentsChanged, m_resultsTab, &ResultsTab::refresh);
    connect(m_searchTab, &SearchTab::experimentsChanged, m_resultsTab, &ResultsTab::refresh);
    connect(m_cvTab, &CvTab::experimentsChanged, m_resultsTab, &ResultsTab::refresh);
    connect(m_dataTab, &DataTab::datasetLoaded, this, [this](const QString &path) {
        addRecentFile(path);
        setWindowTitle(tr("%1 - NCF Workbench").arg(QFileInfo(path).fileName()));
    });

    createMenus();
    openDatabase(QSettings().value(QStringLiteral("experiments/database"),
                                   defaultDatabasePath())
                     .toString());
    statusBar()->showMessage(tr("Ready"));

    QSettings settings;
    resize(1280, 860);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
    // Every tab's named splitters keep the sizes the user gave them (the Data tab keeps its
    // own under data/).
    for (QSplitter *splitter : m_tabs->findChildren<QSplitter *>())
        if (!splitter->objectName().isEmpty())
            splitter->restoreState(
                settings.value(QStringLiteral("splitters/") + splitter->objectName())
                    .toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *openFile = file->addAction(tr("&Open File..."));
    openFile->setShortcut(QKeySequence::Open);
    openFile->setToolTip(tr("Open a MovieLens ratings file"));
    connect(openFile, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open MovieLens ratings"),
            QSettings().value(QStringLiteral("data/lastDir")).toString(),
            tr("MovieLens ratings (u.data ratings.dat ratings.csv *.data *.dat *.csv);;"
               "All files (*)"));
        if (!path.isEmpty())
            openPath(path);
    });
    QAction *openFolder = file->addAction(tr("Open &Folder..."));
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(openFolder, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getExistingDirectory(
            this, tr("Open MovieLens dataset folder"),
            QSettings().value(QStringLiteral("data/lastDir")).toString());
        if (!path.isEmpty())
            openPath(path);
    });
    QAction *openDb = file->addAction(tr("Open Experiment &Database..."));
    openDb->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    openDb->setToolTip(tr("Open or create the SQLite database of experiments; every tab shows "
                          "what it holds"));
    connect(openDb, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Open or create an experiment database"), m_dbPath,
            tr("Experiment databases (*.sqlite *.db);;All files (*)"), nullptr,
            QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            openDatabase(path);
    });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction *exportReport = file->addAction(tr("&Export Report..."));
    exportReport->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportReport->setToolTip(tr("Write every chart (PNG, SVG) and table (CSV, Markdown, "
                                "LaTeX) to a folder"));
    connect(exportReport, &QAction::triggered, this, &MainWindow::exportReportInteractively);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *toggleLog = m_log->toggleViewAction();
    toggleLog->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view->addAction(toggleLog);
    for (int i = 0; i < m_tabs->count(); ++i) {
        QAction *go = view->addAction(m_tabs->tabText(i));
        go->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i] { m_tabs->setCurrentIndex(i); });
    }

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QMenu *language = settings->addMenu(tr("&Language"));
    auto *group = new QActionGroup(this);
    const QString current = languageSetting();
    auto addLanguage = [&](const QString &code, const QString &name) {
        QAction *action = language->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { chooseLanguage(code); });
    };
    addLanguage(QStringLiteral("system"), tr("System language"));
    for (const auto &[code, name] : availableLanguages())
        addLanguage(code, name);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About NCF Workbench"));
    about->setShortcut(QKeySequence::HelpContents);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::openPath(const QString &path)
{
    m_tabs->setCurrentWidget(m_dataTab);
    m_dataTab->open(path);
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecentFiles)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openPath(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear Recent Files"), this, [this] {
            QSettings().remove(kRecentKey);
            rebuildRecentMenu();
        });
    }
}

void MainWindow::chooseLanguage(const QString &code)
{
    setLanguageSetting(code);
    QMessageBox::information(this, tr("Language"),
                             tr("The new language applies the next time the workbench "
                                "starts."));
}

Result<QStringList> MainWindow::saveScreenshots(const QString &dir)
{
    if (!QDir().mkpath(dir))
        return makeError(tr("%1: cannot create the folder").arg(dir));
    QStringList written;
    const int current = m_tabs->currentIndex();
    for (int i = 0; i < m_tabs->count(); ++i) {
        m_tabs->setCurrentIndex(i);
        QApplication::processEvents();
        const QString name = fileSlug(m_tabs->tabText(i).remove(QLatin1Char('&')));
        const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
        if (!grab().save(path, "PNG"))
            return makeError(tr("%1: cannot write the screenshot").arg(path));
        written << path;
    }
    m_tabs->setCurrentIndex(current);
    return written;
}

QString MainWindow::defaultDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("experiments.sqlite"));
}

void MainWindow::openDatabase(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_dbPath = QFileInfo(path).absoluteFilePath();
    QSettings().setValue(QStringLiteral("experiments/database"), m_dbPath);
    m_trainTab->setDatabasePath(m_dbPath);
    m_searchTab->setDatabasePath(m_dbPath);
    m_cvTab->setDatabasePath(m_dbPath);
    m_resultsTab->setDatabasePath(m_dbPath);
    m_streamTab->setDatabasePath(m_dbPath);
    statusBar()->showMessage(tr("Experiment database: %1").arg(m_dbPath), 10000);
}

Result<QStringList> MainWindow::exportReport(const QString &dir)
{
    // One folder per tab; the Results tab's tables and charts at the top.
    const QDir out(dir);
    QStringList written;
    const std::pair<QString, std::function<Result<QStringList>(const QString &)>> parts[] = {
        {QString(), [this](const QString &d) { return m_resultsTab->exportReport(d); }},
        {QStringLiteral("data"), [this](const QString &d) { return m_dataTab->exportAll(d); }},
        {QStringLiteral("train"), [this](const QString &d) { return m_trainTab->exportAll(d); }},
        {QStringLiteral("search"),
         [this](const QString &d) { return m_searchTab->exportAll(d); }},
        {QStringLiteral("cross-validation"),
         [this](const QString &d) { return m_cvTab->exportAll(d); }},
        {QStringLiteral("stream"),
         [this](const QString &d) { return m_streamTab->exportAll(d); }}};
    for (const auto &[sub, write] : parts) {
        Result<QStringList> files = write(sub.isEmpty() ? dir : out.filePath(sub));
        if (!files)
            return files;
        written += *files;
    }
    return written;
}

void MainWindow::exportReportInteractively()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Export report to folder"),
        QSettings().value(QStringLiteral("export/lastDir"), QDir::homePath()).toString());
    if (dir.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("export/lastDir"), dir);
    Result<QStringList> written = exportReport(dir);
    if (!written) {
        QMessageBox::warning(this, tr("Export failed"), written.error());
        return;
    }
    statusBar()->showMessage(tr("Exported %1 files to %2").arg(written->size()).arg(dir), 10000);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About NCF Workbench"),
                       tr("<h3>NCF Workbench %1</h3><p>Explore MovieLens ratings, train and "
                          "tune neural collaborative filtering models, and export the "
                          "figures for your reports.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_dataTab->isLoading()) {
        const auto answer = QMessageBox::question(
            this, tr("Quit while loading?"),
            tr("A dataset is still loading. Stop loading and quit?"));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_dataTab->cancel();
    }
    if (m_trainTab->isBusy() || m_searchTab->isBusy() || m_cvTab->isBusy()) {
        const auto answer = QMessageBox::question(
            this, tr("Quit while training?"),
            tr("Training, a search or a cross-validation is still running. Stop it and quit? "
               "Every finished epoch is kept in the experiment database; an interrupted "
               "search can be resumed."));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_trainTab->stopAll();
        m_searchTab->stopAll();
        m_cvTab->stopAll();
    }
    if (m_streamTab->isBusy()) {
        const auto answer = QMessageBox::question(
            this, tr("Quit while streaming?"),
            tr("Training, the producer or the consumer is still running. Stop them and quit? "
               "The consumer's last checkpoint is kept; it continues from there next time."));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_streamTab->stopAll();
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
    for (const QSplitter *splitter : m_tabs->findChildren<QSplitter *>())
        if (!splitter->objectName().isEmpty())
            settings.setValue(QStringLiteral("splitters/") + splitter->objectName(),
                              splitter->saveState());
    event->accept();
}

} // namespace Ncf::Ui
