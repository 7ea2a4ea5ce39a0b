#pragma once

#include "core/common/result.h"
#include "core/streaming/streamstep.h"

#include <QString>
#include <QStringList>

namespace Ncf {

class TrainedModel;

// Note [Stream checkpoints]: the consumer keeps its checkpoints in a state folder, by default
// MODEL/stream, one folder per step: step-000042 holds the model (see Note [Checkpoints]) and
// stream-step.json, the step's record with the offsets where the stream continues. A step is
// written to step-000042.partial, every file is synced to disk, and only then is the folder
// renamed to its final name and the parent synced. A rename is atomic, so a folder with a
// final name always holds a whole model and the offsets that belong to it: the model and the
// consumed offsets are committed together, and a crash at any point leaves either the old
// step or the new one. Kafka's committed offsets follow afterwards and are only advisory
// (they show the group's lag); on start the consumer seeks to the offsets of the latest step.

//! The state folder used when none is given: MODEL/stream.
QString defaultStateDir(const QString &modelDir);

//! Complete step folders of `stateDir`, oldest first (partial ones are ignored).
QStringList stepCheckpoints(const QString &stateDir);

//! The newest complete step folder, or an empty string when there is none.
QString latestCheckpoint(const QString &stateDir);

//! The model a server or a consumer should use: the newest step of MODEL/stream, or MODEL.
QString currentModelDir(const QString &modelDir);

//! Writes step `step` with `model` atomically into `stateDir`; returns the folder.
Result<QString> writeCheckpoint(const TrainedModel &model, const StreamStep &step,
                                const QString &stateDir);

//! The step record of a checkpoint folder.
Result<StreamStep> readCheckpointStep(const QString &dir);

//! Deletes all but the newest `keep` step folders, and partial folders left by a crash.
void pruneCheckpoints(const QString &stateDir, int keep);

} // namespace Ncf
