// `ncf`: the headless face of NCF Workbench. Each command is a thin layer over core/.

#include "app/cli/clicommon.h"
#include "app/cli/datacommands.h"
#include "app/cli/modelcommands.h"
#include "app/cli/searchcommands.h"
#include "app/cli/streamcommands.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
};

const Command kCommands[] = {
    {"eda", QT_TRANSLATE_NOOP("Ncf::Cli", "Statistics of a ratings file (histogram, density, "
                                          "ratings per user and movie)"),
     Ncf::Cli::runEda},
    {"synth", QT_TRANSLATE_NOOP("Ncf::Cli", "Write a synthetic MovieLens-shaped dataset"),
     Ncf::Cli::runSynth},
    {"split", QT_TRANSLATE_NOOP("Ncf::Cli", "Write the row numbers of a seeded holdout split"),
     Ncf::Cli::runSplit},
    {"broker", QT_TRANSLATE_NOOP("Ncf::Cli", "Run the embedded Kafka broker on loopback"),
     Ncf::Cli::runBroker},
    {"produce", QT_TRANSLATE_NOOP("Ncf::Cli", "Replay the stream part of a ratings file into "
                                              "Kafka"),
     Ncf::Cli::runProduce},
    {"stream", QT_TRANSLATE_NOOP("Ncf::Cli", "Fine-tune a model continually from a Kafka topic"),
     Ncf::Cli::runStream},
    {"serve", QT_TRANSLATE_NOOP("Ncf::Cli", "Serve predictions over HTTP, following new "
                                            "checkpoints"),
     Ncf::Cli::runServe},
    {"train", QT_TRANSLATE_NOOP("Ncf::Cli", "Train a model on a holdout split and report each "
                                            "epoch"),
     Ncf::Cli::runTrain},
    {"search", QT_TRANSLATE_NOOP("Ncf::Cli", "Search hyperparameters (random or ASHA) into an "
                                             "experiment database"),
     Ncf::Cli::runSearch},
    {"resume", QT_TRANSLATE_NOOP("Ncf::Cli", "Resume an interrupted search"), Ncf::Cli::runResume},
    {"cv", QT_TRANSLATE_NOOP("Ncf::Cli", "Cross-validate the best configurations of a search"),
     Ncf::Cli::runCv},
    {"export", QT_TRANSLATE_NOOP("Ncf::Cli", "Export the results table and every epoch"),
     Ncf::Cli::runExport},
    {"predict", QT_TRANSLATE_NOOP("Ncf::Cli", "Predict a rating with a saved model"),
     Ncf::Cli::runPredict},
};

void printUsage(FILE *to)
{
    std::fprintf(to, "%s", qPrintable(QCoreApplication::translate(
                               "Ncf::Cli", "Usage: ncf COMMAND [OPTIONS]\n\nCommands:\n")));
    for (const Command &c : kCommands)
        std::fprintf(to, "  %-8s %s\n", c.name,
                     qPrintable(QCoreApplication::translate("Ncf::Cli", c.summary)));
    std::fprintf(to, "%s", qPrintable(QCoreApplication::translate(
                               "Ncf::Cli", "\nRun 'ncf COMMAND --help' for a command's "
                                           "options.\n")));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ncf"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NCF_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        printUsage(stderr);
        return Ncf::Cli::UsageError;
    }
    const QString name = args.takeFirst();
    if (name == QLatin1String("--help") || name == QLatin1String("-h")
        || name == QLatin1String("help")) {
        printUsage(stdout);
        return Ncf::Cli::Success;
    }
    if (name == QLatin1String("--version")) {
        Ncf::Cli::printOut(QStringLiteral("ncf " NCF_VERSION "\n"));
        return Ncf::Cli::Success;
    }
    for (const Command &c : kCommands)
        if (name == QLatin1String(c.name))
            return c.run(args);
    std::fprintf(stderr, "ncf: unknown command '%s'\n\n", qPrintable(name));
    printUsage(stderr);
    return Ncf::Cli::UsageError;
}
