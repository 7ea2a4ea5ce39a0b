#include "core/models/torchnets_p.h"

#include <cmath>

namespace Ncf::Torch {

namespace nn = torch::nn;

std::vector<torch::Tensor> RatingNet::denseParameters()
{
    std::vector<torch::Tensor> tables = tableWeights();
    std::vector<torch::Tensor> dense;
    for (const torch::Tensor &p : parameters()) {
        const bool inTable = std::any_of(tables.begin(), tables.end(), [&](const auto &t) {
            return t.unsafeGetTensorImpl() == p.unsafeGetTensorImpl();
        });
        if (!inTable)
            dense.push_back(p);
    }
    return dense;
}

std::vector<torch::Tensor> RatingNet::tableWeights()
{
    std::vector<torch::Tensor> weights;
    for (const nn::Embedding &e : userTables)
        weights.push_back(e->weight);
    for (const nn::Embedding &e : itemTables)
        weights.push_back(e->weight);
    return weights;
}

nn::Embedding RatingNet::addTable(const std::string &name, int64_t rows, int64_t width,
                                  bool sparse, bool perUser, double initStd)
{
    auto table = register_module(name, nn::Embedding(nn::EmbeddingOptions(rows, width)
                                                         .sparse(sparse)));
    torch::NoGradGuard noGrad;
    if (initStd > 0.0)
        table->weight.normal_(0.0, initStd);
    else
        table->weight.zero_();
    (perUser ? userTables : itemTables).push_back(table);
    return table;
}

namespace {

// Embedding rows start small, as in common NCF implementations: N(0, 0.05).
constexpr double kEmbeddingStd = 0.05;

//! Kaiming (He) initialisation for a layer followed by ReLU; zero bias.
nn::Linear kaimingLinear(int64_t in, int64_t out)
{
    nn::Linear layer(in, out);
    torch::NoGradGuard noGrad;
    nn::init::kaiming_normal_(layer->weight, 0.0, torch::kFanIn, torch::kReLU);
    nn::init::zeros_(layer->bias);
    return layer;
}

//! Dense -> ReLU -> Dropout, repeated over `widths`, starting from `in` features.
nn::Sequential reluStack(int64_t in, const std::vector<int> &widths, double dropout)
{
    nn::Sequential stack;
    for (int width : widths) {
        stack->push_back(kaimingLinear(in, width));
        stack->push_back(nn::ReLU());
        if (dropout > 0.0)
            stack->push_back(nn::Dropout(dropout));
        in = width;
    }
    return stack;
}

class NonLinearNet : public RatingNet
{
public:
    NonLinearNet(const ModelParams &p, int64_t users, int64_t items, bool sparse)
    {
        m_user = addTable("user", users, p.embeddingDim, sparse, true, kEmbeddingStd);
        m_item = addTable("item", items, p.embeddingDim, sparse, false, kEmbeddingStd);
        m_mlp = register_module("mlp", reluStack(2 * p.embeddingDim, p.hidden, p.dropout));
        m_out = register_module("out", nn::Linear(p.hidden.back(), 1));
    }

    NetOutput forward(const torch::Tensor &users, const torch::Tensor &items) override
    {
        torch::Tensor x = torch::cat({m_user->forward(users), m_item->forward(items)}, 1);
        return {torch::sigmoid(m_out->forward(m_mlp->forward(x))).squeeze(1), {}, {}};
    }

private:
    nn::Embedding m_user{nullptr}, m_item{nullptr};
    nn::Sequential m_mlp{nullptr};
    nn::Linear m_out{nullptr};
};

//! The autoencoder and the VAE share everything but the bottleneck.
class AutoencoderNet : public RatingNet
{
public:
    AutoencoderNet(const ModelParams &p, int64_t users, int64_t items, bool sparse,
                   bool variational)
        : m_variational(variational)
    {
        m_user = addTable("user", users, p.embeddingDim, sparse, true, kEmbeddingStd);
        m_item = addTable("item", items, p.embeddingDim, sparse, false, kEmbeddingStd);
        m_encoder = register_module("encoder",
                                    reluStack(2 * p.embeddingDim, {p.hiddenDim}, p.dropout));
        m_mu = register_module("latent", nn::Linear(p.hiddenDim, p.latentDim));
        if (variational) {
            m_logVar = register_module("log_var", nn::Linear(p.hiddenDim, p.latentDim));
            // Start near unit variance so the KL term begins small.
            torch::NoGradGuard noGrad;
            m_logVar->weight.mul_(0.01);
            m_logVar->bias.zero_();
        }
        m_decoder = register_module("decoder",
                                    reluStack(p.latentDim, {p.hiddenDim}, p.dropout));
        m_out = register_module("out", nn::Linear(p.hiddenDim, 1));
    }

    NetOutput forward(const torch::Tensor &users, const torch::Tensor &items) override
    {
        torch::Tensor x = torch::cat({m_user->forward(users), m_item->forward(items)}, 1);
        torch::Tensor h = m_encoder->forward(x);
        torch::Tensor mu = m_mu->forward(h);
        NetOutput out;
        torch::Tensor z = mu;
        if (m_variational) {
            torch::Tensor logVar = m_logVar->forward(h).clamp(-10.0, 10.0);
            if (is_training())
                z = mu + torch::randn_like(mu) * torch::exp(0.5 * logVar);
            out.kl = (-0.5 * (1.0 + logVar - mu.pow(2) - logVar.exp()).sum(1)).mean();
        }
        out.prediction = torch::sigmoid(m_out->forward(m_decoder->forward(z))).squeeze(1);
        return out;
    }

private:
    bool m_variational;
    nn::Embedding m_user{nullptr}, m_item{nullptr};
    nn::Sequential m_encoder{nullptr}, m_decoder{nullptr};
    nn::Linear m_mu{nullptr}, m_logVar{nullptr}, m_out{nullptr};
};

class MfNet : public RatingNet
{
public:
    MfNet(const ModelParams &p, int64_t users, int64_t items, bool sparse, double mean)
        : m_reg(p.reg)
    {
        m_p = addTable("user_factors", users, p.factors, sparse, true, 0.1);
        m_userBias = addTable("user_bias", users, 1, sparse, true, 0.0);
        m_q = addTable("item_factors", items, p.factors, sparse, false, 0.1);
        m_itemBias = addTable("item_bias", items, 1, sparse, false, 0.0);
        m_mean = register_buffer("mean", torch::full({1}, mean));
    }

    NetOutput forward(const torch::Tensor &users, const torch::Tensor &items) override
    {
        torch::Tensor p = m_p->forward(users);
        torch::Tensor q = m_q->forward(items);
        torch::Tensor bu = m_userBias->forward(users).squeeze(1);
        torch::Tensor bi = m_itemBias->forward(items).squeeze(1);
        NetOutput out;
        out.prediction = m_mean + bu + bi + (p * q).sum(1);
        if (!is_training())
            out.prediction = out.prediction.clamp(0.0, 1.0);
        if (m_reg > 0.0)
            out.penalty = m_reg
                          * ((p.pow(2).sum(1) + q.pow(2).sum(1) + bu.pow(2) + bi.pow(2)).mean());
        return out;
    }

private:
    double m_reg;
    nn::Embedding m_p{nullptr}, m_q{nullptr}, m_userBias{nullptr}, m_itemBias{nullptr};
    torch::Tensor m_mean;
};

//! Predicts the training mean; its only state is that constant.
class MeanNet : public RatingNet
{
public:
    explicit MeanNet(double mean) { m_mean = register_buffer("mean", torch::full({1}, mean)); }

    NetOutput forward(const torch::Tensor &users, const torch::Tensor &) override
    {
        return {m_mean.expand({users.size(0)}).clone(), {}, {}};
    }

private:
    torch::Tensor m_mean;
};

} // namespace

std::shared_ptr<RatingNet> makeNet(ModelKind kind, const ModelParams &params, int64_t users,
                                   int64_t items, bool sparse, double meanScaled)
{
    switch (kind) {
    case ModelKind::NonLinear:
        return std::make_shared<NonLinearNet>(params, users, items, sparse);
    case ModelKind::Autoencoder:
        return std::make_shared<AutoencoderNet>(params, users, items, sparse, false);
    case ModelKind::Vae:
        return std::make_shared<AutoencoderNet>(params, users, items, sparse, true);
    case ModelKind::Mf:
        return std::make_shared<MfNet>(params, users, items, sparse, meanScaled);
    case ModelKind::Mean:
        return std::make_shared<MeanNet>(meanScaled);
    }
    return nullptr;
}

LazyAdam::LazyAdam(std::vector<torch::Tensor> params, double lr, double weightDecay,
                   double beta1, double beta2, double eps)
    : m_params(std::move(params))
    , m_lr(lr)
    , m_weightDecay(weightDecay)
    , m_beta1(beta1)
    , m_beta2(beta2)
    , m_eps(eps)
{
    for (const torch::Tensor &p : m_params) {
        m_m.push_back(torch::zeros_like(p));
        m_v.push_back(torch::zeros_like(p));
    }
}

void LazyAdam::zeroGrad()
{
    for (torch::Tensor &p : m_params)
        p.mutable_grad() = torch::Tensor();
}

void LazyAdam::step()
{
    torch::NoGradGuard noGrad;
    ++m_step;
    const double correction1 = 1.0 - std::pow(m_beta1, double(m_step));
    const double correction2 = 1.0 - std::pow(m_beta2, double(m_step));
    for (size_t k = 0; k < m_params.size(); ++k) {
        torch::Tensor &p = m_params[k];
        const torch::Tensor &grad = p.grad();
        if (!grad.defined())
            continue;
        torch::Tensor rows, values;
        if (grad.is_sparse()) {
            // Duplicate rows in a batch are summed by coalescing, as the dense gradient would.
            const torch::Tensor g = grad.coalesce();
            rows = g.indices()[0];
            values = g.values();
        } else {
            // A dense gradient (tables built without sparse gradients): touched rows only.
            rows = grad.abs().sum(1).nonzero().squeeze(1);
            values = grad.index_select(0, rows);
        }
        if (rows.numel() == 0)
            continue;
        torch::Tensor weights = p.index_select(0, rows);
        if (m_weightDecay > 0.0)
            values = values + m_weightDecay * weights;
        torch::Tensor m = m_m[k].index_select(0, rows).mul_(m_beta1).add_(values, 1.0 - m_beta1);
        torch::Tensor v = m_v[k].index_select(0, rows).mul_(m_beta2).addcmul_(values, values,
                                                                             1.0 - m_beta2);
        m_m[k].index_copy_(0, rows, m);
        m_v[k].index_copy_(0, rows, v);
        const torch::Tensor denominator = (v / correction2).sqrt_().add_(m_eps);
        weights.addcdiv_(m, denominator, -m_lr / correction1);
        p.index_copy_(0, rows, weights);
    }
}

void LazyAdam::grow(size_t index, int64_t rows)
{
    const int64_t width = m_m[index].size(1);
    m_m[index] = torch::cat({m_m[index], torch::zeros({rows, width})});
    m_v[index] = torch::cat({m_v[index], torch::zeros({rows, width})});
}

} // namespace Ncf::Torch
