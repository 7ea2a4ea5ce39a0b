#pragma once

// Private to the libncf_models plugin (LibTorch inside); nothing outside core/models and
// core/training includes this header, and the plugin compiles it once as a precompiled header.

#include "core/models/modelspec.h"

#include <torch/torch.h>

#include <vector>

namespace Ncf::Torch {

//! What a network returns for a batch: predictions on the [0, 1] scale, and the terms its
//! loss adds to the MSE (the VAE's KL divergence, MF's L2 penalty), already weighted where
//! the weight is a hyperparameter of the model itself.
struct NetOutput
{
    torch::Tensor prediction; //!< [batch]
    torch::Tensor kl;         //!< VAE: mean KL per sample; undefined otherwise
    torch::Tensor penalty;    //!< MF: reg x squared norms of the rows used; undefined otherwise
};

//! The eval-mode forward pass for one (user, item) pair in plain loops, without LibTorch's
//! per-operator dispatch, which costs about ten times the arithmetic at batch size one: the
//! prediction server's path. It points into the live parameters (float32, contiguous), so it
//! follows in-place training updates, and must be rebuilt when a table is replaced (admit()).
struct PairScorer
{
    enum class Shape { Constant, Factors, Network };
    struct Dense
    {
        const float *weight = nullptr; //!< [out, in], row-major
        const float *bias = nullptr;
        int64_t in = 0;
        int64_t out = 0;
        bool relu = false;
    };

    Shape shape = Shape::Constant;
    float constant = 0.0f;              //!< Constant: the prediction; Factors: the global mean
    const float *userTable = nullptr;   //!< [users, width]
    const float *itemTable = nullptr;   //!< [items, width]
    int64_t width = 0;
    const float *userBias = nullptr;    //!< Factors
    const float *itemBias = nullptr;
    Dense first;                        //!< Network: over [user row; item row], then ReLU
    std::vector<Dense> layers;          //!< Network: the rest; the last is followed by sigmoid

    //! The prediction on the [0, 1] scale, equal to the eval-mode forward() to rounding.
    float score(int64_t user, int64_t item) const;
};

//! A network that maps (user, item) index batches to ratings. Every model keeps its
//! per-user and per-item tables as embeddings, so growth and the lazy optimiser treat them
//! alike.
class RatingNet : public torch::nn::Module
{
public:
    virtual NetOutput forward(const torch::Tensor &users, const torch::Tensor &items) = 0;
    //! The one-pair evaluator over the current parameters.
    virtual PairScorer scorer() = 0;

    //! Tables indexed by user (first) or item (second): grown by admit(), updated row-wise.
    std::vector<torch::nn::Embedding> userTables;
    std::vector<torch::nn::Embedding> itemTables;

    //! Every parameter that is not in a table.
    std::vector<torch::Tensor> denseParameters();
    std::vector<torch::Tensor> tableWeights();

protected:
    torch::nn::Embedding addTable(const std::string &name, int64_t rows, int64_t width,
                                  bool sparse, bool perUser, double initStd);
};

//! Builds the network of `kind` for `users` x `items` with `params`.
std::shared_ptr<RatingNet> makeNet(ModelKind kind, const ModelParams &params, int64_t users,
                                   int64_t items, bool sparse, double meanScaled);

//! Row-wise ("lazy") Adam for tables with sparse gradients: only the rows in the batch have
//! their moments and weights updated, exactly as torch.optim.SparseAdam does (bias
//! correction from the global step). With weight decay, the touched rows' decay is added to
//! their gradient.
//!
//! With `rowWise` false it is plain Adam (torch.optim.Adam's arithmetic, weight decay as L2)
//! on dense gradients, done in one fused pass per tensor: the optimiser of the dense layers.
class LazyAdam
{
public:
    LazyAdam(std::vector<torch::Tensor> params, double lr, double weightDecay = 0.0,
             double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, bool rowWise = true);

    void zeroGrad();
    void step();
    //! Appends `rows` zero rows to the moments of table `index` (after the table grew).
    void grow(size_t index, int64_t rows);

    int64_t steps() const { return m_step; }
    std::vector<torch::Tensor> &firstMoments() { return m_m; }
    std::vector<torch::Tensor> &secondMoments() { return m_v; }
    void setSteps(int64_t steps) { m_step = steps; }
    void setParams(std::vector<torch::Tensor> params) { m_params = std::move(params); }

private:
    std::vector<torch::Tensor> m_params;
    std::vector<torch::Tensor> m_m;
    std::vector<torch::Tensor> m_v;
    double m_lr, m_weightDecay, m_beta1, m_beta2, m_eps;
    bool m_rowWise;
    int64_t m_step = 0;
};

} // namespace Ncf::Torch
