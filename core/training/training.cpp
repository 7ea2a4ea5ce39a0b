#include "core/training/training.h"

#include "core/common/logging.h"
#include "core/common/tr.h"
#include "core/data/ratingdataset.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLibrary>
#include <QMutex>

#include <cmath>

namespace Ncf {

QJsonObject TrainReport::toJson() const
{
    QJsonArray list;
    for (const EpochReport &e : epochs)
        list.append(QJsonObject{{QStringLiteral("epoch"), e.epoch},
                                {QStringLiteral("train_mse"), e.trainMse},
                                {QStringLiteral("val_mse"), e.valMse},
                                {QStringLiteral("val_rmse"), e.valRmse},
                                {QStringLiteral("seconds"), e.seconds}});
    return QJsonObject{{QStringLiteral("epochs"), list},
                       {QStringLiteral("best_epoch"), bestEpoch},
                       {QStringLiteral("best_val_rmse"), bestValRmse},
                       {QStringLiteral("samples_per_second"), samplesPerSecond},
                       {QStringLiteral("seconds"), seconds},
                       {QStringLiteral("cancelled"), cancelled},
                       {QStringLiteral("stopped_early"), stoppedEarly}};
}

double TrainedModel::rmse(const RatingDataset &data, const RowList &rows) const
{
    if (rows.empty())
        return std::nan("");
    const std::vector<double> predicted = predictRows(data, rows);
    double squares = 0.0;
    for (size_t k = 0; k < rows.size(); ++k) {
        const double e = predicted[k] - data.rating(rows[k]);
        squares += e * e;
    }
    return std::sqrt(squares / double(rows.size()));
}

Result<ModelEngine *> modelEngine()
{
    static QMutex mutex;
    static ModelEngine *engine = nullptr;
    static QString failure;
    QMutexLocker lock(&mutex);
    if (engine)
        return engine;
    if (!failure.isEmpty())
        return makeError(failure);

    QStringList candidates;
    if (const QString env = qEnvironmentVariable("NCF_MODELS_LIBRARY"); !env.isEmpty())
        candidates << env;
    const QString appDir = QCoreApplication::instance() ? QCoreApplication::applicationDirPath()
                                                        : QString();
    if (!appDir.isEmpty()) {
        candidates << QDir(appDir).filePath(QStringLiteral("../lib/libncf_models.so"))
                   << QDir(appDir).filePath(QStringLiteral("libncf_models.so"));
    }
    candidates << QStringLiteral("libncf_models.so");

    QElapsedTimer timer;
    timer.start();
    QStringList errors;
    for (const QString &path : candidates) {
        QLibrary library(path);
        library.setLoadHints(QLibrary::ExportExternalSymbolsHint);
        if (!library.load()) {
            errors << library.errorString();
            continue;
        }
        using Entry = ModelEngine *(*)();
        auto entry = reinterpret_cast<Entry>(library.resolve("ncfModelEngine"));
        if (!entry) {
            errors << library.errorString();
            continue;
        }
        engine = entry();
        qCDebug(lcTiming) << "loaded" << library.fileName() << "in" << timer.elapsed() << "ms";
        return engine;
    }
    failure = ModelsTr::tr("cannot load the model engine (libncf_models.so): %1")
                  .arg(errors.join(QLatin1String("; ")));
    return makeError(failure);
}

} // namespace Ncf
