#pragma once

// Running the real `ncf` binary from a CLI test: one command to completion, or a service
// (`ncf broker`, `ncf serve`) whose first line of output is its address.

#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <QStringList>

inline const QString kNcf = QStringLiteral(NCF_BIN_DIR "/ncf");

struct Run
{
    int rc = -1; // -1: crashed or timed out
    QByteArray out;
    QByteArray err;
};

inline Run runNcf(const QStringList &args, int timeoutMs = 180000)
{
    QProcess p;
    p.start(kNcf, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(10000);
    }
    Run r;
    r.rc = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

//! A background `ncf` process whose first line of output is its address; terminated (then
//! killed) when it goes out of scope.
struct Service
{
    QProcess process;
    QString address;

    bool start(const QStringList &args)
    {
        process.start(kNcf, args);
        if (!process.waitForStarted(10000))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (!process.canReadLine() && timer.elapsed() < 30000
               && process.state() == QProcess::Running)
            process.waitForReadyRead(500);
        address = QString::fromUtf8(process.readLine()).trimmed();
        return !address.isEmpty();
    }
    ~Service()
    {
        if (process.state() == QProcess::Running) {
            process.terminate();
            if (!process.waitForFinished(10000))
                process.kill();
            process.waitForFinished(5000);
        }
    }
};
