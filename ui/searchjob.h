#pragma once

#include "core/search/searchrunner.h"

#include <QCoreApplication>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace Ncf {
struct RatingDataset;
} // namespace Ncf

namespace Ncf::Ui {

//! One SearchRunner::run() for a tab: run() blocks on a worker thread while the GUI thread
//! pauses, resumes or cancels through the thread-safe controls, which also work before the
//! worker has made its runner (they are applied as soon as it does).
class SearchJob
{
    Q_DECLARE_TR_FUNCTIONS(SearchJob)

public:
    struct Request
    {
        ExperimentStore *store = nullptr;
        //! The ratings; null to load `storedPath` (a resume on another file than the Data
        //! tab's).
        std::shared_ptr<const RatingDataset> data;
        std::optional<SearchSettings> create; //!< a new search, or
        qint64 experimentId = 0;              //!< the experiment to resume
        QString storedPath;                   //!< resume: the experiment's ratings file
        QString storedChecksum;               //!< and its SHA-256 when the search began
    };
    struct Hooks
    {
        std::function<void(const QString &)> status;
        std::function<void(qint64 experimentId)> created;
        SearchCallbacks callbacks;
    };
    struct Outcome
    {
        qint64 experimentId = 0;
        QString error; //!< why it could not run, or failed
        SearchSummary summary;
    };

    //! Blocks until the search ends; every hook is called on this (the worker's) thread.
    Outcome run(const Request &request, const Hooks &hooks);

    void pause();
    void resume();
    void cancel();

private:
    std::mutex m_mutex;
    std::shared_ptr<const RatingDataset> m_data; // outlives the runner: declared first
    std::unique_ptr<SearchRunner> m_runner;
    bool m_cancelled = false;
    bool m_paused = false;
};

} // namespace Ncf::Ui
