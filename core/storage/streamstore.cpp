// The fine-tuning stream's part of the experiment store (schema version 3).

#include "core/storage/experimentstore.h"

#include "core/storage/sqlite_p.h"

namespace Ncf {

using namespace Sql;

Result<qint64> ExperimentStore::addStreamRun(const StreamRunRecord &run, bool fresh)
{
    std::lock_guard lock(m_mutex);
    const QString at = now();
    if (!fresh) {
        // A restart continues the latest run of its folder.
        Statement latest(m_db, "SELECT max(id) FROM stream_runs WHERE state_dir = ?1");
        latest.bind(1, run.stateDir);
        if (latest.next() && latest.integer(0) > 0) {
            const qint64 id = latest.integer(0);
            Statement update(m_db, "UPDATE stream_runs SET model_dir = ?1, brokers = ?2, "
                                   "topic = ?3, consumer_group = ?4, settings = ?5, "
                                   "updated = ?6 WHERE id = ?7");
            update.bind(1, run.modelDir).bind(2, run.brokers).bind(3, run.topic);
            update.bind(4, run.group).bind(5, toText(run.settings)).bind(6, at).bind(7, id);
            if (!update.run())
                return makeError(lastError());
            return id;
        }
    }
    Statement s(m_db, "INSERT INTO stream_runs (state_dir, model_dir, brokers, topic, "
                      "consumer_group, settings, status, created, updated) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'running', ?7, ?7)");
    s.bind(1, run.stateDir).bind(2, run.modelDir).bind(3, run.brokers).bind(4, run.topic);
    s.bind(5, run.group).bind(6, toText(run.settings)).bind(7, at);
    if (!s.run())
        return makeError(lastError());
    return qint64(sqlite3_last_insert_rowid(m_db));
}

Result<qint64> ExperimentStore::latestStreamRun(const QString &stateDir) const
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "SELECT coalesce(max(id), 0) FROM stream_runs WHERE state_dir = ?1");
    s.bind(1, stateDir);
    if (!s.next())
        return makeError(lastError());
    return s.integer(0);
}

Result<void> ExperimentStore::setStreamRunStatus(qint64 runId, const QString &status)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "UPDATE stream_runs SET status = ?1, updated = ?2 WHERE id = ?3");
    s.bind(1, status).bind(2, now()).bind(3, runId);
    if (!s.run())
        return makeError(lastError());
    return {};
}

Result<void> ExperimentStore::addStreamStep(qint64 runId, const StreamStep &step)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "INSERT OR IGNORE INTO stream_steps (run_id, step, created, messages, "
                      "malformed, ratings, new_users, new_items, users, items, val_mse, "
                      "test_mse, old_mse, test_mse_true, step_seconds, fine_tune_seconds, "
                      "ingest_rate, lag, offsets, record) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                      "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)");
    s.bind(1, runId).bind(2, qint64(step.step)).bind(3, step.created);
    s.bind(4, step.messages).bind(5, step.malformed).bind(6, step.ratings);
    s.bind(7, step.newUsers).bind(8, step.newItems).bind(9, step.users).bind(10, step.items);
    s.bind(11, step.valMse).bind(12, step.testMse).bind(13, step.oldMse);
    s.bind(14, step.trueScale(step.testMse)).bind(15, step.stepSeconds);
    s.bind(16, step.fineTuneSeconds).bind(17, step.ingestRate).bind(18, step.lag);
    s.bind(19, toText(offsetsToJson(step.offsets))).bind(20, toText(step.toJson()));
    if (!s.run())
        return makeError(lastError());
    return {};
}

Result<std::vector<ExperimentStore::StreamRunRecord>> ExperimentStore::streamRuns() const
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "SELECT id, state_dir, model_dir, brokers, topic, consumer_group, "
                      "settings, status, created, updated FROM stream_runs ORDER BY id");
    std::vector<StreamRunRecord> runs;
    while (s.next()) {
        StreamRunRecord r;
        r.id = s.integer(0);
        r.stateDir = s.text(1);
        r.modelDir = s.text(2);
        r.brokers = s.text(3);
        r.topic = s.text(4);
        r.group = s.text(5);
        r.settings = toObject(s.text(6));
        r.status = s.text(7);
        r.created = s.text(8);
        r.updated = s.text(9);
        runs.push_back(std::move(r));
    }
    if (!s.ok())
        return makeError(lastError());
    return runs;
}

Result<std::vector<StreamStep>> ExperimentStore::streamSteps(qint64 runId) const
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "SELECT record FROM stream_steps WHERE run_id = ?1 ORDER BY step");
    s.bind(1, runId);
    std::vector<StreamStep> steps;
    while (s.next())
        steps.push_back(StreamStep::fromJson(toObject(s.text(0))));
    if (!s.ok())
        return makeError(lastError());
    return steps;
}

} // namespace Ncf
