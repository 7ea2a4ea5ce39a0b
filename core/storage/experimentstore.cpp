#include "core/storage/experimentstore.h"

#include "core/common/logging.h"
#include "core/common/tr.h"

#include "core/storage/sqlite_p.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace Ncf {

using namespace Sql;

namespace {

const char *const kStatusNames[] = {"pending", "running",     "completed",
                                    "stopped", "failed",      "interrupted"};

// Version 1 of the schema; migrate() brings every older file up to kSchemaVersion step by
// step.
const char kSchemaV1[] = R"sql(
CREATE TABLE datasets (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    layout TEXT NOT NULL,
    checksum TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    ratings INTEGER NOT NULL,
    added TEXT NOT NULL,
    UNIQUE (path, checksum)
);
CREATE TABLE experiments (
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER REFERENCES datasets(id),
    kind TEXT NOT NULL CHECK (kind IN ('search', 'cv')),
    model TEXT NOT NULL,
    space TEXT NOT NULL,
    algorithm TEXT NOT NULL,
    settings TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'pending',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE trials (
    id INTEGER PRIMARY KEY,
    experiment_id INTEGER NOT NULL REFERENCES experiments(id),
    number INTEGER NOT NULL,
    config TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'stopped',
                                           'failed', 'interrupted')),
    epochs INTEGER NOT NULL DEFAULT 0,
    best_epoch INTEGER NOT NULL DEFAULT 0,
    best_val_mse REAL,
    best_val_rmse REAL,
    seconds REAL NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT '',
    started TEXT,
    finished TEXT,
    UNIQUE (experiment_id, number)
);
CREATE TABLE epochs (
    trial_id INTEGER NOT NULL REFERENCES trials(id),
    fold INTEGER NOT NULL,
    epoch INTEGER NOT NULL,
    train_mse REAL,
    val_mse REAL,
    val_rmse REAL,
    seconds REAL,
    PRIMARY KEY (trial_id, fold, epoch)
);
CREATE INDEX trials_by_experiment ON trials (experiment_id, number);
)sql";

// Version 2: cross-validation scores.
const char kMigrationV2[] = R"sql(
CREATE TABLE cv_scores (
    trial_id INTEGER PRIMARY KEY REFERENCES trials(id),
    folds INTEGER NOT NULL,
    best_epoch INTEGER NOT NULL,
    mean_rmse REAL NOT NULL,
    std_rmse REAL,
    fold_rmse TEXT NOT NULL
);
)sql";

// Version 3: the fine-tuning stream's runs and steps (Note [Fine-tuning stream]). Each step
// keeps its whole record as JSON and the figures people query as columns.
const char kMigrationV3[] = R"sql(
CREATE TABLE stream_runs (
    id INTEGER PRIMARY KEY,
    state_dir TEXT NOT NULL,
    model_dir TEXT NOT NULL,
    brokers TEXT,
    topic TEXT,
    consumer_group TEXT,
    settings TEXT,
    status TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE stream_steps (
    run_id INTEGER NOT NULL REFERENCES stream_runs(id),
    step INTEGER NOT NULL,
    created TEXT,
    messages INTEGER,
    malformed INTEGER,
    ratings INTEGER,
    new_users INTEGER,
    new_items INTEGER,
    users INTEGER,
    items INTEGER,
    val_mse REAL,
    test_mse REAL,
    old_mse REAL,
    test_mse_true REAL,
    step_seconds REAL,
    fine_tune_seconds REAL,
    ingest_rate REAL,
    lag INTEGER,
    offsets TEXT,
    record TEXT NOT NULL,
    PRIMARY KEY (run_id, step)
);
CREATE INDEX stream_runs_by_folder ON stream_runs (state_dir);
)sql";

// Version 4: experiments of kind "train" (Note [Train runs]). SQLite cannot change a CHECK
// constraint in place, so the table is rebuilt as its documented procedure does, with foreign
// keys off (see migrate()); the trials' references find the new table by its name.
const char kMigrationV4[] = R"sql(
CREATE TABLE experiments_v4 (
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER REFERENCES datasets(id),
    kind TEXT NOT NULL CHECK (kind IN ('search', 'cv', 'train')),
    model TEXT NOT NULL,
    space TEXT NOT NULL,
    algorithm TEXT NOT NULL,
    settings TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'pending',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
INSERT INTO experiments_v4 (id, dataset_id, kind, model, space, algorithm, settings, state,
                            status, created, updated)
    SELECT id, dataset_id, kind, model, space, algorithm, settings, state, status, created,
           updated FROM experiments;
DROP TABLE experiments;
ALTER TABLE experiments_v4 RENAME TO experiments;
)sql";


TrialRecord trialFrom(const Statement &s)
{
    TrialRecord t;
    t.id = s.integer(0);
    t.experimentId = s.integer(1);
    t.number = int(s.integer(2));
    t.config = toObject(s.text(3));
    t.status = trialStatusFromName(s.text(4)).ok() ? *trialStatusFromName(s.text(4))
                                                   : TrialStatus::Failed;
    t.epochs = int(s.integer(5));
    t.bestEpoch = int(s.integer(6));
    t.bestValMse = s.real(7);
    t.bestValRmse = s.real(8);
    t.seconds = s.real(9);
    t.error = s.text(10);
    return t;
}

} // namespace

RunLock &RunLock::operator=(RunLock &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

RunLock::~RunLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the flock
}

namespace {

QString lockPath(const QString &db, qint64 id)
{
    return QStringLiteral("%1.experiment-%2.lock").arg(db).arg(id);
}

//! An exclusive, non-blocking flock on `path`; -1 when another process holds it.
int tryLock(const QString &path)
{
    const int fd = ::open(path.toLocal8Bit().constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

QString fileChecksum(const QString &path)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (f.open(QIODevice::ReadOnly))
        hash.addData(&f);
    return QString::fromLatin1(hash.result().toHex());
}

RunLock RunLock::tryAcquire(const QString &path)
{
    return RunLock(tryLock(path));
}

QString trialStatusName(TrialStatus status)
{
    return QLatin1String(kStatusNames[int(status)]);
}

Result<TrialStatus> trialStatusFromName(const QString &name)
{
    for (int k = 0; k < 6; ++k)
        if (name == QLatin1String(kStatusNames[k]))
            return TrialStatus(k);
    return makeError(StorageTr::tr("unknown trial status '%1'").arg(name));
}

ExperimentStore::~ExperimentStore()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

QString ExperimentStore::lastError() const
{
    return QStringLiteral("%1: %2").arg(m_path, QString::fromUtf8(sqlite3_errmsg(m_db)));
}

Result<void> ExperimentStore::exec(const char *sql) const
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : "unknown error");
        sqlite3_free(message);
        return makeError(StorageTr::tr("%1: %2").arg(m_path, text));
    }
    return {};
}

Result<std::unique_ptr<ExperimentStore>> ExperimentStore::open(const QString &path)
{
    std::unique_ptr<ExperimentStore> store(new ExperimentStore);
    store->m_path = path;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &store->m_db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                       | SQLITE_OPEN_FULLMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK)
        return makeError(StorageTr::tr("%1: cannot open the experiment database: %2")
                             .arg(path, QString::fromUtf8(sqlite3_errstr(rc))));
    sqlite3_busy_timeout(store->m_db, 5000);
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                               "PRAGMA foreign_keys=ON"})
        if (Result<void> r = store->exec(pragma); !r)
            return makeError(StorageTr::tr("%1 is not an experiment database: %2")
                                 .arg(path, r.error()));
    if (Result<void> r = store->migrate(); !r)
        return makeError(r.error());
    if (Result<int> r = store->markAbandoned(); !r)
        return makeError(r.error());
    return store;
}

int ExperimentStore::schemaVersion() const
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "PRAGMA user_version");
    return s.next() ? int(s.integer(0)) : -1;
}

Result<void> ExperimentStore::migrate()
{
    const int version = schemaVersion();
    if (version > kSchemaVersion)
        return makeError(StorageTr::tr("%1: schema version %2 is newer than this workbench "
                                       "understands (%3)")
                             .arg(m_path)
                             .arg(version)
                             .arg(kSchemaVersion));
    if (version == kSchemaVersion)
        return {};
    // The foreign_keys pragma is a no-op inside a transaction: switch it off around the whole
    // migration, which version 4's table rebuild needs, and check the keys before commit.
    if (Result<void> r = exec("PRAGMA foreign_keys=OFF"); !r)
        return r;
    struct KeysBackOn
    {
        const ExperimentStore *store;
        ~KeysBackOn() { (void)store->exec("PRAGMA foreign_keys=ON"); }
    } keysBackOn{this};
    Transaction tx(m_db);
    if (!tx.open())
        return makeError(lastError());
    if (version == 0) {
        // A new file, or one that is not ours: refuse the latter rather than add tables to it.
        Statement tables(m_db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
        if (tables.next() && tables.integer(0) > 0)
            return makeError(StorageTr::tr("%1 holds other tables and no experiment schema")
                                 .arg(m_path));
        if (Result<void> r = exec(kSchemaV1); !r)
            return r;
    }
    if (version < 2)
        if (Result<void> r = exec(kMigrationV2); !r)
            return r;
    if (version < 3)
        if (Result<void> r = exec(kMigrationV3); !r)
            return r;
    if (version < 4)
        if (Result<void> r = exec(kMigrationV4); !r)
            return r;
    if (Statement broken(m_db, "PRAGMA foreign_key_check"); broken.next())
        return makeError(StorageTr::tr("%1: a reference between experiment tables is broken "
                                       "(table %2)")
                             .arg(m_path, broken.text(0)));
    if (Result<void> r = exec("PRAGMA user_version = 4"); !r)
        return r;
    if (!tx.commit())
        return makeError(lastError());
    qCInfo(lcStorage) << "experiment schema of" << m_path << "now at version" << kSchemaVersion
                      << "(was" << version << ")";
    return {};
}

Result<qint64> ExperimentStore::addDataset(const QString &path, const QString &layout,
                                           const QString &checksum, qint64 bytes, qint64 ratings)
{
    std::lock_guard lock(m_mutex);
    Statement find(m_db, "SELECT id FROM datasets WHERE path = ?1 AND checksum = ?2");
    find.bind(1, path).bind(2, checksum);
    if (find.next())
        return find.integer(0);
    Statement insert(m_db, "INSERT INTO datasets (path, layout, checksum, bytes, ratings, "
                           "added) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, path).bind(2, layout).bind(3, checksum).bind(4, bytes).bind(5, ratings);
    insert.bind(6, now());
    if (!insert.run())
        return makeError(lastError());
    return qint64(sqlite3_last_insert_rowid(m_db));
}

Result<qint64> ExperimentStore::addExperiment(const ExperimentRecord &e)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "INSERT INTO experiments (dataset_id, kind, model, space, algorithm, "
                      "settings, state, status, created, updated) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)");
    s.bindId(1, e.datasetId).bind(2, e.kind).bind(3, e.model).bind(4, toText(e.space));
    s.bind(5, e.algorithm).bind(6, toText(e.settings)).bind(7, toText(e.state));
    // "pending" until a run holds the experiment's lock: only then is "running" a claim.
    s.bind(8, e.status.isEmpty() ? QStringLiteral("pending") : e.status).bind(9, now());
    if (!s.run())
        return makeError(lastError());
    return qint64(sqlite3_last_insert_rowid(m_db));
}

Result<std::vector<qint64>> ExperimentStore::addTrials(qint64 experimentId,
                                                       const std::vector<QJsonObject> &configs)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    if (!tx.open())
        return makeError(lastError());
    Statement first(m_db, "SELECT coalesce(max(number) + 1, 0) FROM trials "
                          "WHERE experiment_id = ?1");
    first.bind(1, experimentId);
    const qint64 start = first.next() ? first.integer(0) : 0;
    std::vector<qint64> ids;
    for (size_t k = 0; k < configs.size(); ++k) {
        Statement s(m_db, "INSERT INTO trials (experiment_id, number, config, status) "
                          "VALUES (?1, ?2, ?3, 'pending')");
        s.bind(1, experimentId).bind(2, start + qint64(k)).bind(3, toText(configs[k]));
        if (!s.run())
            return makeError(lastError());
        ids.push_back(qint64(sqlite3_last_insert_rowid(m_db)));
    }
    if (!tx.commit())
        return makeError(lastError());
    return ids;
}

Result<void> ExperimentStore::setExperimentStatus(qint64 experimentId, const QString &status)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "UPDATE experiments SET status = ?1, updated = ?2 WHERE id = ?3");
    s.bind(1, status).bind(2, now()).bind(3, experimentId);
    if (!s.run())
        return makeError(lastError());
    return {};
}

Result<void> ExperimentStore::setTrialRunning(qint64 trialId)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "UPDATE trials SET status = 'running', started = ?1, error = '' "
                      "WHERE id = ?2");
    s.bind(1, now()).bind(2, trialId);
    if (!s.run())
        return makeError(lastError());
    return {};
}

Result<void> ExperimentStore::finishTrial(const TrialRecord &t)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "UPDATE trials SET status = ?1, epochs = ?2, best_epoch = ?3, "
                      "best_val_mse = ?4, best_val_rmse = ?5, seconds = ?6, error = ?7, "
                      "finished = ?8 WHERE id = ?9");
    s.bind(1, trialStatusName(t.status)).bind(2, qint64(t.epochs)).bind(3, qint64(t.bestEpoch));
    s.bind(4, t.bestValMse).bind(5, t.bestValRmse).bind(6, t.seconds).bind(7, t.error);
    s.bind(8, now()).bind(9, t.id);
    if (!s.run())
        return makeError(lastError());
    return {};
}

Result<void> ExperimentStore::addEpoch(const EpochRecord &e, qint64 experimentId,
                                       const QJsonObject *schedulerState)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    if (!tx.open())
        return makeError(lastError());
    Statement s(m_db, "INSERT OR REPLACE INTO epochs (trial_id, fold, epoch, train_mse, "
                      "val_mse, val_rmse, seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    s.bind(1, e.trialId).bind(2, qint64(e.fold)).bind(3, qint64(e.report.epoch));
    s.bind(4, e.report.trainMse).bind(5, e.report.valMse).bind(6, e.report.valRmse);
    s.bind(7, e.report.seconds);
    if (!s.run())
        return makeError(lastError());
    Statement count(m_db, "UPDATE trials SET epochs = (SELECT count(*) FROM epochs "
                          "WHERE trial_id = ?1 AND fold = ?2) WHERE id = ?1");
    count.bind(1, e.trialId).bind(2, qint64(e.fold));
    if (!count.run())
        return makeError(lastError());
    if (schedulerState) {
        Statement state(m_db, "UPDATE experiments SET state = ?1, updated = ?2 WHERE id = ?3");
        state.bind(1, toText(*schedulerState)).bind(2, now()).bind(3, experimentId);
        if (!state.run())
            return makeError(lastError());
    }
    if (!tx.commit())
        return makeError(lastError());
    return {};
}

Result<int> ExperimentStore::markInterrupted(qint64 experimentId)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "UPDATE trials SET status = 'interrupted' "
                      "WHERE experiment_id = ?1 AND status = 'running'");
    s.bind(1, experimentId);
    if (!s.run())
        return makeError(lastError());
    return sqlite3_changes(m_db);
}

Result<RunLock> ExperimentStore::lockExperiment(qint64 id)
{
    const int fd = tryLock(lockPath(m_path, id));
    if (fd < 0)
        return makeError(StorageTr::tr("%1: experiment %2 is running in another process")
                             .arg(m_path)
                             .arg(id));
    return RunLock(fd);
}

Result<int> ExperimentStore::markAbandoned()
{
    Result<std::vector<ExperimentRecord>> all = experiments();
    if (!all)
        return makeError(all.error());
    int found = 0;
    for (const ExperimentRecord &e : *all) {
        if (e.status != QLatin1String("running"))
            continue;
        const int fd = tryLock(lockPath(m_path, e.id));
        if (fd < 0)
            continue; // a live process runs it
        const RunLock held(fd);
        Result<int> trials = markInterrupted(e.id);
        if (!trials)
            return makeError(trials.error());
        if (Result<void> r = setExperimentStatus(e.id, QStringLiteral("interrupted")); !r)
            return makeError(r.error());
        qCInfo(lcStorage) << "experiment" << e.id << "was left running by a process that "
                          << "ended;" << *trials << "trials marked interrupted";
        ++found;
    }
    return found;
}

Result<ExperimentRecord> ExperimentStore::experiment(qint64 id) const
{
    Result<std::vector<ExperimentRecord>> one = selectExperiments(id);
    if (!one)
        return makeError(one.error());
    if (one->empty())
        return makeError(StorageTr::tr("%1: no experiment %2").arg(m_path).arg(id));
    return one->front();
}

Result<std::vector<ExperimentRecord>> ExperimentStore::experiments() const
{
    return selectExperiments(0);
}

Result<std::vector<ExperimentRecord>> ExperimentStore::selectExperiments(qint64 onlyId) const
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "SELECT id, coalesce(dataset_id, 0), kind, model, space, algorithm, "
                      "settings, state, status FROM experiments "
                      "WHERE ?1 = 0 OR id = ?1 ORDER BY id");
    s.bind(1, onlyId);
    std::vector<ExperimentRecord> out;
    while (s.next()) {
        ExperimentRecord e;
        e.id = s.integer(0);
        e.datasetId = s.integer(1);
        e.kind = s.text(2);
        e.model = s.text(3);
        e.space = toObject(s.text(4));
        e.algorithm = s.text(5);
        e.settings = toObject(s.text(6));
        e.state = toObject(s.text(7));
        e.status = s.text(8);
        out.push_back(e);
    }
    if (!s.ok())
        return makeError(lastError());
    return out;
}

Result<std::vector<TrialRecord>> ExperimentStore::trials(qint64 experimentId) const
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "SELECT id, experiment_id, number, config, status, epochs, best_epoch, "
                      "best_val_mse, best_val_rmse, seconds, error FROM trials "
                      "WHERE experiment_id = ?1 ORDER BY number");
    s.bind(1, experimentId);
    std::vector<TrialRecord> out;
    while (s.next())
        out.push_back(trialFrom(s));
    if (!s.ok())
        return makeError(lastError());
    return out;
}

Result<std::vector<EpochRecord>> ExperimentStore::epochs(qint64 trialId) const
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "SELECT fold, epoch, train_mse, val_mse, val_rmse, seconds FROM epochs "
                      "WHERE trial_id = ?1 ORDER BY fold, epoch");
    s.bind(1, trialId);
    std::vector<EpochRecord> out;
    while (s.next()) {
        EpochRecord e;
        e.trialId = trialId;
        e.fold = int(s.integer(0));
        e.report.epoch = int(s.integer(1));
        e.report.trainMse = s.real(2);
        e.report.valMse = s.real(3);
        e.report.valRmse = s.real(4);
        e.report.seconds = s.real(5);
        out.push_back(e);
    }
    if (!s.ok())
        return makeError(lastError());
    return out;
}

Result<void> ExperimentStore::setCvScore(const CvScoreRecord &score)
{
    std::lock_guard lock(m_mutex);
    QJsonArray folds;
    for (double v : score.foldRmse)
        folds.append(v);
    Statement s(m_db, "INSERT OR REPLACE INTO cv_scores (trial_id, folds, best_epoch, mean_rmse, "
                      "std_rmse, fold_rmse) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    s.bind(1, score.trialId).bind(2, qint64(score.foldRmse.size()));
    s.bind(3, qint64(score.bestEpoch)).bind(4, score.meanRmse).bind(5, score.stdRmse);
    s.bind(6, QString::fromUtf8(QJsonDocument(folds).toJson(QJsonDocument::Compact)));
    if (!s.run())
        return makeError(lastError());
    return {};
}

Result<std::vector<CvScoreRecord>> ExperimentStore::cvScores(qint64 experimentId) const
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "SELECT c.trial_id, c.best_epoch, c.mean_rmse, c.std_rmse, c.fold_rmse "
                      "FROM cv_scores c JOIN trials t ON t.id = c.trial_id "
                      "WHERE t.experiment_id = ?1 ORDER BY t.number");
    s.bind(1, experimentId);
    std::vector<CvScoreRecord> out;
    while (s.next()) {
        CvScoreRecord c;
        c.trialId = s.integer(0);
        c.bestEpoch = int(s.integer(1));
        c.meanRmse = s.real(2);
        c.stdRmse = s.real(3);
        for (const QJsonValue &v : QJsonDocument::fromJson(s.text(4).toUtf8()).array())
            c.foldRmse.push_back(v.toDouble());
        out.push_back(c);
    }
    if (!s.ok())
        return makeError(lastError());
    return out;
}

Result<std::pair<QString, QString>> ExperimentStore::dataset(qint64 datasetId) const
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "SELECT path, checksum FROM datasets WHERE id = ?1");
    s.bind(1, datasetId);
    if (!s.next())
        return makeError(StorageTr::tr("%1: no dataset %2").arg(m_path).arg(datasetId));
    return std::pair{s.text(0), s.text(1)};
}

} // namespace Ncf
