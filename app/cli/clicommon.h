#pragma once

#include "core/common/result.h"
#include "core/data/splits.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Ncf::Cli {

//! Translation context of the command line's own strings.
struct CliTr
{
    Q_DECLARE_TR_FUNCTIONS(Ncf::Cli)
};

//! Exit codes: 0 success, 1 the work failed (bad input, I/O), 2 the command line was wrong.
enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

//! Prints "ncf: error: MESSAGE" to stderr and returns Failure.
int fail(const QString &message);
//! Prints a usage error with the command's help hint and returns UsageError.
int usage(const QString &command, const QString &message);

void printOut(const QString &text);
void printJson(const QJsonObject &object);
//! One object on one line: for commands that report as they go (JSON Lines).
void printJsonLine(const QJsonObject &object);

//! Parses `args` (without the program and command names) with `parser`; prints --help and
//! reports unknown options. Returns -1 to go on, otherwise the exit code to return.
int parseCommandLine(QCommandLineParser &parser, const QString &command,
                     const QStringList &args);

//! While alive, Ctrl+C (and SIGTERM too when asked) only raises a flag that the command
//! polls, so long work can stop cleanly; the default handlers come back on destruction.
class InterruptGuard
{
public:
    explicit InterruptGuard(bool alsoTerminate = false);
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

    //! True once an interrupt arrived.
    static bool raised();
    //! True if an interrupt arrived since the last call, which clears it.
    static bool take();

private:
    bool m_terminate;
};

//! The Kafka options of `ncf produce` and `ncf stream`: --brokers, --topic (movielens) and
//! --config name=value (repeatable, passed through to librdkafka).
void addKafkaOptions(QCommandLineParser &parser);

//! The continual-learning split's options, shared by `ncf produce` and `ncf train`:
//! --initial, --test-fraction and --order.
void addContinualOptions(QCommandLineParser &parser);
//! Reads them back (with `seed`); the error is a usage message.
Result<ContinualOptions> continualOptions(const QCommandLineParser &parser, uint64_t seed);

//! A stderr progress line ("loading ratings.csv  42 %"), only when stderr is a terminal.
class ProgressLine
{
public:
    explicit ProgressLine(QString label);
    ~ProgressLine();
    bool update(qint64 done, qint64 total);

private:
    QString m_label;
    bool m_enabled = false;
    int m_last = -1;
};

} // namespace Ncf::Cli
