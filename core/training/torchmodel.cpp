#include "core/training/torchmodel_p.h"

#include "core/common/logging.h"
#include "core/common/tr.h"
#include "core/data/ratingdataset.h"

#include <QCryptographicHash>
#include <QElapsedTimer>

#include <future>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace Ncf::Torch {

// Note [Checkpoints]: a model is a folder of five files.
//   model.json     format tag and version, kind, hyperparameters, scaler, table sizes, the
//                  cold-start mean, training metadata, and the checksum of every other file
//                  (BLAKE2b-256 since version 2, four times faster here than the SHA-256 of
//                  version 1 files, which still load)
//   weights.pt     LibTorch archive of every parameter and buffer by name
//   optimizer.pt   LibTorch archive of both optimisers' state (dense Adam, lazy Adam moments
//                  and step), so fine-tuning continues where training stopped
//   users.idmap, items.idmap   IdMap::toBytes() of the raw-to-dense maps
// model.json is written last, each file through a temporary name and a rename, so a folder
// is either the old checkpoint or the new one; a torn or edited file fails its checksum and
// loading says which file and why instead of handing back a broken model.

namespace {

constexpr char kFormat[] = "ncf-workbench-model";
constexpr int kVersion = 2;
constexpr int64_t kBatch = 65536;

//! The checksum of a file in a model folder of format `version`.
QByteArray checksum(const QByteArray &bytes, int version)
{
    return QCryptographicHash::hash(bytes, version >= 2 ? QCryptographicHash::Blake2b_256
                                                        : QCryptographicHash::Sha256)
        .toHex();
}

Result<QByteArray> readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ModelsTr::tr("%1: cannot read: %2").arg(path, f.errorString()));
    return f.readAll();
}

Result<void> writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return makeError(ModelsTr::tr("%1: cannot write: %2").arg(path, f.errorString()));
    return {};
}

QByteArray archiveBytes(torch::serialize::OutputArchive &archive)
{
    std::ostringstream stream;
    archive.save_to(stream);
    const std::string s = stream.str();
    return QByteArray(s.data(), qsizetype(s.size()));
}

void loadArchive(torch::serialize::InputArchive &archive, const QByteArray &bytes)
{
    std::istringstream stream(std::string(bytes.constData(), size_t(bytes.size())));
    archive.load_from(stream);
}

} // namespace

TorchModel::TorchModel(ModelKind kind, const ModelParams &params, IdMap users, IdMap items,
                       MinMaxScaler scaler, double meanRating, bool sparse)
    : m_kind(kind)
    , m_params(params)
    , m_users(std::move(users))
    , m_items(std::move(items))
    , m_scaler(scaler)
    , m_meanRating(meanRating)
    , m_sparse(sparse)
{
    net = makeNet(kind, params, int64_t(m_users.size()), int64_t(m_items.size()), sparse,
                  m_scaler.transform(meanRating));
    makeOptimizers();
}

void TorchModel::makeOptimizers()
{
    denseOptimizer.reset();
    tableOptimizer.reset();
    layerOptimizer.reset();
    if (!m_sparse) {
        if (!net->parameters().empty())
            denseOptimizer = std::make_unique<torch::optim::Adam>(
                net->parameters(),
                torch::optim::AdamOptions(m_params.lr).weight_decay(m_params.weightDecay));
        return;
    }
    if (!net->tableWeights().empty())
        tableOptimizer = std::make_unique<LazyAdam>(net->tableWeights(), m_params.lr,
                                                    m_params.weightDecay);
    if (!net->denseParameters().empty())
        layerOptimizer = std::make_unique<LazyAdam>(net->denseParameters(), m_params.lr,
                                                    m_params.weightDecay, 0.9, 0.999, 1e-8,
                                                    /*rowWise=*/false);
}

void TorchModel::zeroGrad()
{
    if (denseOptimizer)
        denseOptimizer->zero_grad();
    if (tableOptimizer)
        tableOptimizer->zeroGrad();
    if (layerOptimizer)
        layerOptimizer->zeroGrad();
}

void TorchModel::step()
{
    if (denseOptimizer)
        denseOptimizer->step();
    if (tableOptimizer)
        tableOptimizer->step();
    if (layerOptimizer)
        layerOptimizer->step();
}

torch::Tensor TorchModel::predictScaled(const torch::Tensor &users,
                                        const torch::Tensor &items) const
{
    std::lock_guard lock(m_mutex);
    c10::InferenceMode inference;
    const bool wasTraining = net->is_training();
    if (wasTraining)
        net->eval();
    std::vector<torch::Tensor> parts;
    for (int64_t start = 0; start < users.size(0); start += kBatch) {
        const int64_t length = std::min(kBatch, users.size(0) - start);
        parts.push_back(
            net->forward(users.narrow(0, start, length), items.narrow(0, start, length))
                .prediction);
    }
    if (wasTraining)
        net->train(true);
    if (parts.size() == 1)
        return parts.front();
    return parts.empty() ? torch::empty({0}) : torch::cat(parts);
}

std::pair<torch::Tensor, torch::Tensor> TorchModel::indicesFor(const RatingDataset &data,
                                                               const RowList &rows) const
{
    torch::Tensor users = torch::empty({int64_t(rows.size())}, torch::kLong);
    torch::Tensor items = torch::empty({int64_t(rows.size())}, torch::kLong);
    int64_t *u = users.data_ptr<int64_t>();
    int64_t *i = items.data_ptr<int64_t>();
    // The same id maps (the model was trained on this data) need no lookups.
    const bool sameMaps = m_users == data.userIds && m_items == data.itemIds;
    for (size_t k = 0; k < rows.size(); ++k) {
        const uint32_t row = rows[k];
        if (sameMaps) {
            u[k] = data.users[row];
            i[k] = data.items[row];
            continue;
        }
        const uint32_t du = m_users.find(data.userIds.rawId(data.users[row]));
        const uint32_t di = m_items.find(data.itemIds.rawId(data.items[row]));
        u[k] = du == IdMap::kAbsent ? -1 : int64_t(du);
        i[k] = di == IdMap::kAbsent ? -1 : int64_t(di);
    }
    return {users, items};
}

Prediction TorchModel::predict(uint32_t rawUser, uint32_t rawItem) const
{
    const uint32_t u = m_users.find(rawUser);
    const uint32_t i = m_items.find(rawItem);
    if (u == IdMap::kAbsent || i == IdMap::kAbsent)
        return {m_meanRating, true};
    // One pair, as the prediction server asks: plain loops over the live weights.
    std::lock_guard lock(m_mutex);
    if (!m_scorer)
        m_scorer = net->scorer();
    return {m_scaler.inverse(double(m_scorer->score(int64_t(u), int64_t(i)))), false};
}

std::vector<double> TorchModel::predictRows(const RatingDataset &data, const RowList &rows) const
{
    auto [users, items] = indicesFor(data, rows);
    const torch::Tensor known = users.ge(0).logical_and(items.ge(0));
    const torch::Tensor scaled = predictScaled(users.clamp_min(0), items.clamp_min(0));
    const torch::Tensor fallback = torch::full_like(scaled, m_scaler.transform(m_meanRating));
    const torch::Tensor result = torch::where(known, scaled, fallback).to(torch::kDouble);
    std::vector<double> out(rows.size());
    const double *p = result.data_ptr<double>();
    for (size_t k = 0; k < rows.size(); ++k)
        out[k] = m_scaler.inverse(p[k]);
    return out;
}

AdmitReport TorchModel::admit(const std::vector<uint32_t> &rawUsers,
                              const std::vector<uint32_t> &rawItems)
{
    std::lock_guard lock(m_mutex);
    const int64_t oldUsers = int64_t(m_users.size());
    const int64_t oldItems = int64_t(m_items.size());
    for (uint32_t raw : rawUsers)
        m_users.insert(raw);
    for (uint32_t raw : rawItems)
        m_items.insert(raw);
    const AdmitReport report{int64_t(m_users.size()) - oldUsers,
                             int64_t(m_items.size()) - oldItems};

    torch::NoGradGuard noGrad;
    m_scorer.reset(); // the tables are about to be replaced
    size_t tableIndex = 0;
    auto grow = [&](std::vector<torch::nn::Embedding> &tables, int64_t added) {
        for (torch::nn::Embedding &table : tables) {
            if (added > 0) {
                torch::Tensor &w = table->weight;
                // New rows start at the mean row: an average user or movie, not noise.
                const torch::Tensor rows = w.mean(0, /*keepdim=*/true).expand({added, w.size(1)});
                w.set_data(torch::cat({w, rows.clone()}));
                table->options.num_embeddings(w.size(0));
                if (tableOptimizer)
                    tableOptimizer->grow(tableIndex, added);
            }
            ++tableIndex;
        }
    };
    grow(net->userTables, report.newUsers);
    grow(net->itemTables, report.newItems);
    if (report.newUsers + report.newItems > 0) {
        if (tableOptimizer)
            tableOptimizer->setParams(net->tableWeights());
        else if (denseOptimizer) {
            // Dense Adam holds per-parameter state of the old shapes: start it afresh.
            denseOptimizer = std::make_unique<torch::optim::Adam>(
                net->parameters(),
                torch::optim::AdamOptions(m_params.lr).weight_decay(m_params.weightDecay));
        }
        qCInfo(lcModels) << "admitted" << report.newUsers << "users and" << report.newItems
                         << "movies";
    }
    return report;
}

Result<void> TorchModel::save(const QString &dir) const
{
    if (!QDir().mkpath(dir))
        return makeError(ModelsTr::tr("%1: cannot create the folder").arg(dir));
    const QDir out(dir);
    QJsonObject files;
    try {
        std::lock_guard lock(m_mutex);
        torch::serialize::OutputArchive weights;
        for (const auto &item : net->named_parameters())
            weights.write(item.key(), item.value());
        for (const auto &item : net->named_buffers())
            weights.write(item.key(), item.value(), /*is_buffer=*/true);
        torch::serialize::OutputArchive optimizer;
        if (denseOptimizer) {
            torch::serialize::OutputArchive dense;
            denseOptimizer->save(dense);
            optimizer.write("dense", dense);
        }
        for (auto [prefix, lazy] : {std::pair{std::string("lazy."), tableOptimizer.get()},
                                    std::pair{std::string("layers."), layerOptimizer.get()}}) {
            if (!lazy)
                continue;
            optimizer.write(prefix + "step", torch::tensor({lazy->steps()}, torch::kLong));
            for (size_t k = 0; k < lazy->firstMoments().size(); ++k) {
                optimizer.write(prefix + "m." + std::to_string(k), lazy->firstMoments()[k]);
                optimizer.write(prefix + "v." + std::to_string(k), lazy->secondMoments()[k]);
            }
        }
        QElapsedTimer timer;
        timer.start();
        const std::pair<QString, QByteArray> contents[] = {
            {QStringLiteral("weights.pt"), archiveBytes(weights)},
            {QStringLiteral("optimizer.pt"), archiveBytes(optimizer)},
            {QStringLiteral("users.idmap"), m_users.toBytes()},
            {QStringLiteral("items.idmap"), m_items.toBytes()}};
        const double serialised = timer.nsecsElapsed() * 1e-9;
        // The optimiser's moments are the largest file: hash it on another thread meanwhile.
        std::future<QByteArray> optimizerSum = std::async(std::launch::async, [&] {
            return checksum(contents[1].second, kVersion);
        });
        for (const auto &[name, bytes] : contents) {
            if (Result<void> r = writeFile(out.filePath(name), bytes); !r)
                return r;
            if (&bytes != &contents[1].second)
                files.insert(name, QString::fromLatin1(checksum(bytes, kVersion)));
        }
        files.insert(contents[1].first, QString::fromLatin1(optimizerSum.get()));
        qCDebug(lcTiming) << "save" << dir << "serialise" << serialised << "s, total"
                          << timer.nsecsElapsed() * 1e-9 << "s";
    } catch (const std::exception &e) {
        return makeError(ModelsTr::tr("%1: cannot save the model: %2")
                             .arg(dir, QString::fromLocal8Bit(e.what())));
    }
    const QJsonObject json{{QStringLiteral("format"), QLatin1String(kFormat)},
                           {QStringLiteral("version"), kVersion},
                           {QStringLiteral("kind"), modelKindName(m_kind)},
                           {QStringLiteral("params"), paramsToJson(m_params, m_kind)},
                           {QStringLiteral("scaler"), m_scaler.toJson()},
                           {QStringLiteral("mean_rating"), m_meanRating},
                           {QStringLiteral("sparse"), m_sparse},
                           {QStringLiteral("users"), qint64(m_users.size())},
                           {QStringLiteral("items"), qint64(m_items.size())},
                           {QStringLiteral("metadata"), m_metadata},
                           {QStringLiteral("files"), files}};
    return writeFile(out.filePath(QStringLiteral("model.json")),
                     QJsonDocument(json).toJson(QJsonDocument::Indented));
}

Result<std::unique_ptr<TorchModel>> TorchModel::load(const QString &dir)
{
    const QDir in(dir);
    auto fail = [&](const QString &why) {
        return makeError(ModelsTr::tr("checkpoint %1: %2").arg(dir, why));
    };
    Result<QByteArray> manifest = readFile(in.filePath(QStringLiteral("model.json")));
    if (!manifest)
        return fail(ModelsTr::tr("no model.json (is this a model folder?)"));
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(*manifest, &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return fail(ModelsTr::tr("model.json is not valid JSON: %1").arg(parseError.errorString()));
    if (json.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return fail(ModelsTr::tr("model.json is not an NCF Workbench model"));
    const int version = json.value(QStringLiteral("version")).toInt();
    if (version < 1 || version > kVersion)
        return fail(ModelsTr::tr("format version %1 is not supported (expected 1 to %2)")
                        .arg(version)
                        .arg(kVersion));
    Result<ModelKind> kind = modelKindFromName(json.value(QStringLiteral("kind")).toString());
    if (!kind)
        return fail(kind.error());
    Result<ModelParams> params = paramsFromJson(json.value(QStringLiteral("params")).toObject(),
                                                *kind);
    if (!params)
        return fail(params.error());
    Result<MinMaxScaler> scaler = MinMaxScaler::fromJson(
        json.value(QStringLiteral("scaler")).toObject());
    if (!scaler)
        return fail(scaler.error());

    // Every file must be there and match its checksum before anything is trusted.
    const QJsonObject files = json.value(QStringLiteral("files")).toObject();
    std::map<QString, QByteArray> contents;
    for (const char *name : {"weights.pt", "optimizer.pt", "users.idmap", "items.idmap"}) {
        const QString file = QLatin1String(name);
        Result<QByteArray> bytes = readFile(in.filePath(file));
        if (!bytes)
            return fail(ModelsTr::tr("%1 is missing").arg(file));
        if (checksum(*bytes, version) != files.value(file).toString().toLatin1())
            return fail(ModelsTr::tr("%1 is truncated or corrupt (its checksum does not match "
                                     "model.json)")
                            .arg(file));
        contents[file] = *bytes;
    }
    Result<IdMap> users = IdMap::fromBytes(contents[QStringLiteral("users.idmap")],
                                           in.filePath(QStringLiteral("users.idmap")));
    Result<IdMap> items = IdMap::fromBytes(contents[QStringLiteral("items.idmap")],
                                           in.filePath(QStringLiteral("items.idmap")));
    if (!users || !items)
        return fail(!users ? users.error() : items.error());
    if (qint64(users->size()) != json.value(QStringLiteral("users")).toInteger()
        || qint64(items->size()) != json.value(QStringLiteral("items")).toInteger())
        return fail(ModelsTr::tr("the id maps do not match the table sizes in model.json"));

    auto model = std::make_unique<TorchModel>(
        *kind, *params, std::move(*users), std::move(*items), *scaler,
        json.value(QStringLiteral("mean_rating")).toDouble(),
        json.value(QStringLiteral("sparse")).toBool(true));
    model->setMetadata(json.value(QStringLiteral("metadata")).toObject());
    try {
        torch::NoGradGuard noGrad;
        torch::serialize::InputArchive weights;
        loadArchive(weights, contents[QStringLiteral("weights.pt")]);
        auto assign = [&](const std::string &name, torch::Tensor &target, bool buffer) {
            torch::Tensor stored;
            if (!weights.try_read(name, stored, buffer))
                throw std::runtime_error("weights.pt has no tensor '" + name + "'");
            if (stored.sizes() != target.sizes())
                throw std::runtime_error("tensor '" + name + "' has the wrong shape for "
                                         "model.json's settings");
            target.copy_(stored);
        };
        for (auto &item : model->net->named_parameters())
            assign(item.key(), item.value(), false);
        for (auto &item : model->net->named_buffers())
            assign(item.key(), item.value(), true);

        torch::serialize::InputArchive optimizer;
        loadArchive(optimizer, contents[QStringLiteral("optimizer.pt")]);
        if (model->denseOptimizer) {
            torch::serialize::InputArchive dense;
            if (optimizer.try_read("dense", dense))
                model->denseOptimizer->load(dense);
        }
        for (auto [prefix, lazy] :
             {std::pair{std::string("lazy."), model->tableOptimizer.get()},
              std::pair{std::string("layers."), model->layerOptimizer.get()}}) {
            if (!lazy)
                continue;
            torch::Tensor step;
            if (optimizer.try_read(prefix + "step", step))
                lazy->setSteps(step.item<int64_t>());
            for (size_t k = 0; k < lazy->firstMoments().size(); ++k) {
                // The moments are updated through raw pointers: their shapes must be right.
                for (auto [name, target] : {std::pair{"m.", &lazy->firstMoments()[k]},
                                            std::pair{"v.", &lazy->secondMoments()[k]}}) {
                    torch::Tensor stored;
                    if (!optimizer.try_read(prefix + name + std::to_string(k), stored))
                        continue;
                    if (stored.sizes() != target->sizes())
                        throw std::runtime_error("optimizer.pt does not match the model's "
                                                 "shapes");
                    target->copy_(stored);
                }
            }
        }
    } catch (const std::exception &e) {
        return fail(QString::fromLocal8Bit(e.what()).section(QLatin1Char('\n'), 0, 0));
    }
    return model;
}

} // namespace Ncf::Torch
