#include "app/cli/clicommon.h"

#include <QJsonDocument>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace Ncf::Cli {

int fail(const QString &message)
{
    std::fprintf(stderr, "ncf: error: %s\n", qPrintable(message));
    return Failure;
}

int usage(const QString &command, const QString &message)
{
    std::fprintf(stderr, "ncf %s: %s\nTry 'ncf %s --help'.\n", qPrintable(command),
                 qPrintable(message), qPrintable(command));
    return UsageError;
}

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printJson(const QJsonObject &object)
{
    printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

void printJsonLine(const QJsonObject &object)
{
    printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + u'\n');
}

int parseCommandLine(QCommandLineParser &parser, const QString &command,
                     const QStringList &args)
{
    parser.addHelpOption();
    QStringList full = args;
    full.prepend(QStringLiteral("ncf ") + command);
    if (!parser.parse(full))
        return usage(command, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return Success;
    }
    return -1;
}

namespace {
std::atomic<bool> g_interrupted{false};
void raiseInterrupt(int)
{
    g_interrupted = true;
}
} // namespace

InterruptGuard::InterruptGuard(bool alsoTerminate) : m_terminate(alsoTerminate)
{
    g_interrupted = false;
    std::signal(SIGINT, raiseInterrupt);
    if (m_terminate)
        std::signal(SIGTERM, raiseInterrupt);
}

InterruptGuard::~InterruptGuard()
{
    std::signal(SIGINT, SIG_DFL);
    if (m_terminate)
        std::signal(SIGTERM, SIG_DFL);
}

bool InterruptGuard::raised()
{
    return g_interrupted.load();
}

bool InterruptGuard::take()
{
    return g_interrupted.exchange(false);
}

void addContinualOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("initial"),
                      CliTr::tr("Ratings in the initial training sample."), QStringLiteral("n"),
                      QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("test-fraction"),
                      CliTr::tr("Share of the rest held out as the static test set."),
                      QStringLiteral("f"), QStringLiteral("0.04")});
    parser.addOption({QStringLiteral("order"), CliTr::tr("Stream order: time or file."),
                      QStringLiteral("order"), QStringLiteral("time")});
}

void addKafkaOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("brokers"), CliTr::tr("Kafka bootstrap servers."),
                      QStringLiteral("host:port")});
    parser.addOption({QStringLiteral("topic"), CliTr::tr("Topic."), QStringLiteral("name"),
                      QStringLiteral("movielens")});
    parser.addOption({QStringLiteral("config"),
                      CliTr::tr("A librdkafka setting as name=value (repeatable), e.g. "
                                "security.protocol=SASL_SSL."),
                      QStringLiteral("name=value")});
}

Result<ContinualOptions> continualOptions(const QCommandLineParser &parser, uint64_t seed)
{
    ContinualOptions options;
    bool initialOk = false, fractionOk = false;
    options.initial = parser.value(QStringLiteral("initial")).toLongLong(&initialOk);
    options.testFraction = parser.value(QStringLiteral("test-fraction")).toDouble(&fractionOk);
    const QString order = parser.value(QStringLiteral("order"));
    if (!initialOk || !fractionOk
        || (order != QLatin1String("time") && order != QLatin1String("file")))
        return makeError(CliTr::tr("--initial expects a whole number, --test-fraction a "
                                   "fraction and --order time or file"));
    options.order = order == QLatin1String("time") ? StreamOrder::Time : StreamOrder::File;
    options.seed = seed;
    return options;
}

ProgressLine::ProgressLine(QString label)
    : m_label(std::move(label))
    , m_enabled(isatty(STDERR_FILENO))
{}

ProgressLine::~ProgressLine()
{
    if (m_enabled && m_last >= 0)
        std::fprintf(stderr, "\r%*s\r", int(m_label.size()) + 8, "");
}

bool ProgressLine::update(qint64 done, qint64 total)
{
    if (!m_enabled || total <= 0)
        return true;
    const int percent = int(100 * done / total);
    if (percent != m_last) {
        m_last = percent;
        std::fprintf(stderr, "\r%s %3d %%", qPrintable(m_label), percent);
        std::fflush(stderr);
    }
    return true;
}

} // namespace Ncf::Cli
