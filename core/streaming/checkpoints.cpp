#include "core/streaming/checkpoints.h"

#include "core/common/logging.h"
#include "core/common/tr.h"
#include "core/training/training.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

#include <fcntl.h>
#include <unistd.h>

namespace Ncf {

namespace {

const QString kStepFile = QStringLiteral("stream-step.json");
const QString kPartial = QStringLiteral(".partial");

QString stepName(int step)
{
    return QStringLiteral("step-%1").arg(step, 6, 10, QLatin1Char('0'));
}

//! fsync() of a file or a folder; false when it cannot be opened or synced.
bool syncPath(const QString &path, bool directory)
{
    const int fd = ::open(QFile::encodeName(path).constData(),
                          directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

QString defaultStateDir(const QString &modelDir)
{
    return QDir(modelDir).filePath(QStringLiteral("stream"));
}

QStringList stepCheckpoints(const QString &stateDir)
{
    static const QRegularExpression pattern(QStringLiteral("^step-\\d{6,}$"));
    QStringList steps;
    const QDir dir(stateDir);
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (pattern.match(name).hasMatch() && QFile::exists(dir.filePath(name + u'/' + kStepFile)))
            steps.append(dir.filePath(name));
    // Names are zero-padded to six digits, so the name order is the step order up to 999,999.
    std::sort(steps.begin(), steps.end(), [](const QString &a, const QString &b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    return steps;
}

QString latestCheckpoint(const QString &stateDir)
{
    const QStringList steps = stepCheckpoints(stateDir);
    return steps.isEmpty() ? QString() : steps.last();
}

QString currentModelDir(const QString &modelDir)
{
    const QString latest = latestCheckpoint(defaultStateDir(modelDir));
    return latest.isEmpty() ? modelDir : latest;
}

Result<QString> writeCheckpoint(const TrainedModel &model, const StreamStep &step,
                                const QString &stateDir)
{
    if (!QDir().mkpath(stateDir))
        return makeError(StreamTr::tr("%1: cannot create the checkpoint folder").arg(stateDir));
    const QString target = QDir(stateDir).filePath(stepName(step.step));
    const QString partial = target + kPartial;
    QDir(partial).removeRecursively();
    if (Result<void> saved = model.save(partial); !saved)
        return makeError(saved.error());

    StreamStep record = step;
    record.checkpoint = target;
    QFile file(QDir(partial).filePath(kStepFile));
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(record.toJson()).toJson()) < 0 || !file.flush()) {
        return makeError(StreamTr::tr("%1: cannot write the step record: %2")
                             .arg(file.fileName(), file.errorString()));
    }
    file.close();

    // Everything on disk before the rename makes the step visible.
    const QDir partialDir(partial);
    for (const QString &name : partialDir.entryList(QDir::Files))
        if (!syncPath(partialDir.filePath(name), false))
            return makeError(
                StreamTr::tr("%1: cannot sync to disk").arg(partialDir.filePath(name)));
    syncPath(partial, true);
    QDir(target).removeRecursively(); // a step folder left by a run that was rolled back
    if (::rename(QFile::encodeName(partial).constData(), QFile::encodeName(target).constData())
        != 0)
        return makeError(StreamTr::tr("%1: cannot rename the checkpoint into place: %2")
                             .arg(partial, QString::fromLocal8Bit(strerror(errno))));
    syncPath(stateDir, true);
    return target;
}

Result<StreamStep> readCheckpointStep(const QString &dir)
{
    QFile file(QDir(dir).filePath(kStepFile));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(StreamTr::tr("%1: cannot read the step record: %2")
                             .arg(file.fileName(), file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (!doc.isObject())
        return makeError(StreamTr::tr("%1: not a step record: %2")
                             .arg(file.fileName(), error.errorString()));
    StreamStep step = StreamStep::fromJson(doc.object());
    step.checkpoint = dir;
    return step;
}

void pruneCheckpoints(const QString &stateDir, int keep)
{
    const QDir dir(stateDir);
    for (const QString &name : dir.entryList({QStringLiteral("step-*") + kPartial},
                                             QDir::Dirs | QDir::NoDotAndDotDot))
        QDir(dir.filePath(name)).removeRecursively();
    const QStringList steps = stepCheckpoints(stateDir);
    for (qsizetype k = 0; k + std::max(1, keep) < steps.size(); ++k) {
        qCDebug(lcStream) << "removing old checkpoint" << steps[k];
        QDir(steps[k]).removeRecursively();
    }
}

} // namespace Ncf
