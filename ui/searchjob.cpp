#include "ui/searchjob.h"

#include "core/data/movielensreader.h"
#include "core/data/ratingdataset.h"

#include <QFile>

namespace Ncf::Ui {

SearchJob::Outcome SearchJob::run(const Request &request, const Hooks &hooks)
{
    Outcome out;
    out.experimentId = request.experimentId;
    Result<ModelEngine *> engine = modelEngine();
    if (!engine) {
        out.error = engine.error();
        return out;
    }
    std::shared_ptr<const RatingDataset> data = request.data;
    if (!data) {
        if (hooks.status)
            hooks.status(tr("Loading %1 for the search...").arg(request.storedPath));
        Result<RatingDataset> loaded = loadRatings(request.storedPath);
        if (!loaded) {
            out.error = loaded.error();
            return out;
        }
        data = std::make_shared<const RatingDataset>(std::move(*loaded));
    }
    // As `ncf resume` does: results of two different files must not mix in one experiment.
    const QString checksum = Ncf::fileChecksum(data->path);
    if (!request.create && checksum != request.storedChecksum) {
        out.error = tr("%1 changed since experiment %2 used it (its SHA-256 differs); going on "
                       "would mix results from two datasets")
                        .arg(data->path)
                        .arg(request.experimentId);
        return out;
    }
    SearchRunner *runner = nullptr;
    {
        std::lock_guard lock(m_mutex);
        if (m_cancelled) {
            out.error = tr("The search was cancelled before it started");
            return out;
        }
        m_data = data;
        m_runner = std::make_unique<SearchRunner>(*request.store, *data, **engine);
        if (m_paused)
            m_runner->pause();
        runner = m_runner.get();
    }
    if (request.create) {
        Result<qint64> created = runner->create(*request.create, checksum);
        if (!created) {
            out.error = created.error();
            return out;
        }
        out.experimentId = *created;
        if (hooks.created)
            hooks.created(out.experimentId);
    }
    Result<SearchSummary> summary = runner->run(out.experimentId, hooks.callbacks);
    if (summary)
        out.summary = *summary;
    else
        out.error = summary.error();
    return out;
}

void SearchJob::pause()
{
    std::lock_guard lock(m_mutex);
    m_paused = true;
    if (m_runner)
        m_runner->pause();
}

void SearchJob::resume()
{
    std::lock_guard lock(m_mutex);
    m_paused = false;
    if (m_runner)
        m_runner->resume();
}

void SearchJob::cancel()
{
    std::lock_guard lock(m_mutex);
    m_cancelled = true;
    if (m_runner)
        m_runner->cancel();
}

} // namespace Ncf::Ui
