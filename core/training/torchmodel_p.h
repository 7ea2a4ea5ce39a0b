#pragma once

// Private to the libncf_models plugin: the LibTorch implementation of TrainedModel.

#include "core/models/torchnets_p.h"
#include "core/training/training.h"

#include <QJsonObject>

#include <mutex>
#include <optional>

namespace Ncf::Torch {

//! A network with its optimiser state, id maps and scaler.
class TorchModel : public TrainedModel
{
public:
    TorchModel(ModelKind kind, const ModelParams &params, IdMap users, IdMap items,
               MinMaxScaler scaler, double meanRating, bool sparse);

    ModelKind kind() const override { return m_kind; }
    const ModelParams &params() const override { return m_params; }
    const IdMap &userIds() const override { return m_users; }
    const IdMap &itemIds() const override { return m_items; }
    const MinMaxScaler &scaler() const override { return m_scaler; }
    QJsonObject metadata() const override { return m_metadata; }
    void setMetadata(const QJsonObject &metadata) override { m_metadata = metadata; }

    Prediction predict(uint32_t rawUser, uint32_t rawItem) const override;
    std::vector<double> predictRows(const RatingDataset &data,
                                    const RowList &rows) const override;
    AdmitReport admit(const std::vector<uint32_t> &rawUsers,
                      const std::vector<uint32_t> &rawItems) override;
    Result<void> save(const QString &dir) const override;

    static Result<std::unique_ptr<TorchModel>> load(const QString &dir);

    //! Scaled predictions for dense index tensors, in eval mode without autograd.
    torch::Tensor predictScaled(const torch::Tensor &users, const torch::Tensor &items) const;
    //! The model's dense indices for rows of `data` (-1 where unseen).
    std::pair<torch::Tensor, torch::Tensor> indicesFor(const RatingDataset &data,
                                                       const RowList &rows) const;

    //! The mean training rating on the true scale: the cold-start fallback.
    double meanRating() const { return m_meanRating; }
    bool sparse() const { return m_sparse; }

    std::shared_ptr<RatingNet> net;
    //! --dense mode only: torch.optim.Adam over every parameter, tables included.
    std::unique_ptr<torch::optim::Adam> denseOptimizer;
    //! Sparse mode: row-wise Adam for the tables, fused Adam for the dense layers.
    std::unique_ptr<LazyAdam> tableOptimizer;
    std::unique_ptr<LazyAdam> layerOptimizer;

    void zeroGrad();
    void step();

    //! (Re)creates the optimisers for the net's current parameters.
    void makeOptimizers();

private:
    ModelKind m_kind;
    ModelParams m_params;
    IdMap m_users;
    IdMap m_items;
    MinMaxScaler m_scaler;
    double m_meanRating;
    bool m_sparse;
    QJsonObject m_metadata;
    mutable std::mutex m_mutex; // guards net for concurrent predictions (the server)
    mutable std::optional<PairScorer> m_scorer; // built on first predict(), reset by admit()
};

} // namespace Ncf::Torch
