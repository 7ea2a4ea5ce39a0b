#include "app/cli/clicommon.h"

#include <QJsonDocument>

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
