// `ncf-workbench`: composes the desktop app from core/ and ui/.

#include "core/common/logging.h"
#include "core/data/synth.h"
#include "ui/datatab.h"
#include "ui/language.h"
#include "ui/logpanel.h"
#include "ui/mainwindow.h"
#include "ui/searchtab.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

namespace {

//! The embedded demo: a synthetic 100K-shaped dataset, generated once into the data folder.
Ncf::Result<QString> demoDataset()
{
    const QString dir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                            .filePath(QStringLiteral("demo/ml-100k-synthetic"));
    const Ncf::SynthSpec spec = Ncf::synthSpec(Ncf::SynthShape::Ml100k);
    const QString file = QDir(dir).filePath(Ncf::ratingsFileName(spec.layout));
    if (QFileInfo::exists(file))
        return file;
    qCInfo(lcUi).noquote() << "generating the demo dataset in" << dir;
    return Ncf::writeSynthetic(spec, /*seed=*/42, dir);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NCF Workbench"));
    QApplication::setApplicationName(QStringLiteral("ncf-workbench"));
    QApplication::setApplicationVersion(QStringLiteral(NCF_VERSION));
    // The log panel shows the workbench's own info messages unless the user set other rules.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("ncf.*.info=true"));
    Ncf::Ui::installTranslators(app);
    Ncf::Ui::LogPanel::installMessageHandler();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "Ncf::App", "Desktop workbench for neural collaborative filtering on MovieLens."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("path"),
                                 QApplication::translate("Ncf::App", "Ratings file or folder "
                                                                     "to open."),
                                 QStringLiteral("[path]"));
    parser.addOption({QStringLiteral("demo"),
                      QApplication::translate("Ncf::App", "Open the generated demo dataset "
                                                          "(a synthetic MovieLens 100K).")});
    parser.addOption({QStringLiteral("screenshot"),
                      QApplication::translate("Ncf::App", "After loading, save each tab as "
                                                          "PNG into DIR and quit."),
                      QStringLiteral("dir")});
    parser.process(app);

    QString path = parser.positionalArguments().value(0);
    if (parser.isSet(QStringLiteral("demo"))) {
        Ncf::Result<QString> demo = demoDataset();
        if (!demo) {
            std::fprintf(stderr, "ncf-workbench: %s\n", qPrintable(demo.error()));
            return 1;
        }
        path = *demo;
    }

    Ncf::Ui::MainWindow window;
    if (parser.isSet(QStringLiteral("demo"))) {
        // Ready for a short search on the demo set: MF, ASHA, two trials at a time.
        Ncf::Ui::SearchTab *search = window.searchTab();
        search->setModel(Ncf::ModelKind::Mf);
        search->setAlgorithm(QStringLiteral("asha"));
        search->setTrials(8);
        search->setEpochs(6);
        search->setWorkers(2);
        search->setThreadsPerTrial(1);
    }
    window.show();

    const QString screenshots = parser.value(QStringLiteral("screenshot"));
    auto takeScreenshots = [&window, screenshots](bool loaded) {
        Ncf::Result<QStringList> written = window.saveScreenshots(screenshots);
        if (!written)
            std::fprintf(stderr, "ncf-workbench: %s\n", qPrintable(written.error()));
        else
            for (const QString &file : *written)
                std::printf("%s\n", qPrintable(file));
        QApplication::exit(written && loaded ? 0 : 1);
    };
    if (!screenshots.isEmpty()) {
        Ncf::Ui::DataTab *data = window.dataTab();
        // Give the charts a moment to lay out before grabbing them.
        QObject::connect(data, &Ncf::Ui::DataTab::datasetLoaded, &window, [&] {
            QTimer::singleShot(200, &window, [&] { takeScreenshots(true); });
        });
        QObject::connect(data, &Ncf::Ui::DataTab::loadFailed, &window,
                         [&] { takeScreenshots(false); });
        if (path.isEmpty())
            QTimer::singleShot(200, &window, [&] { takeScreenshots(true); });
    }
    if (!path.isEmpty())
        window.openPath(path);
    return app.exec();
}
