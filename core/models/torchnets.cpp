#include "core/models/torchnets_p.h"

#include "core/common/random.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>

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

//! A seed from LibTorch's default generator (see Note [Seeding] in LibTorch, torchtrainer.cpp).
uint64_t drawSeed()
{
    auto generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    return at::check_generator<at::CPUGeneratorImpl>(generator)->random64();
}

//! Inverted dropout with masks from our own xoshiro generator, four 16-bit draws per 64-bit
//! number: the same distribution as nn::Dropout (keep probability to 1/65536) at a fraction
//! of the cost of LibTorch's per-element Mersenne Twister, which was 4 % of a training step.
//! Seeded from LibTorch's default generator, so torch::manual_seed still fixes a run.
class FastDropout : public torch::nn::Module
{
public:
    explicit FastDropout(double p)
        : m_p(p)
        , m_rng(drawSeed())
    {}

    torch::Tensor forward(const torch::Tensor &x)
    {
        if (!is_training() || m_p <= 0.0)
            return x;
        const float scale = float(1.0 / (1.0 - m_p));
        const uint64_t keepBelow = uint64_t(std::llround((1.0 - m_p) * 65536.0));
        torch::Tensor mask = torch::empty_like(x);
        float *out = mask.data_ptr<float>();
        const int64_t n = mask.numel();
        for (int64_t j = 0; j < n; j += 4) {
            uint64_t bits = m_rng.next();
            for (int64_t k = j; k < std::min(n, j + 4); ++k, bits >>= 16)
                out[k] = (bits & 0xFFFF) < keepBelow ? scale : 0.0f;
        }
        return x * mask;
    }

private:
    double m_p;
    Rng m_rng;
};

//! Dense -> ReLU -> Dropout, repeated over `widths`, starting from `in` features.
nn::Sequential reluStack(int64_t in, const std::vector<int> &widths, double dropout)
{
    nn::Sequential stack;
    for (int width : widths) {
        stack->push_back(kaimingLinear(in, width));
        stack->push_back(nn::ReLU());
        if (dropout > 0.0)
            stack->push_back(std::make_shared<FastDropout>(dropout));
        in = width;
    }
    return stack;
}

PairScorer::Dense denseOf(const nn::Linear &layer, bool relu)
{
    PairScorer::Dense d;
    d.weight = layer->weight.data_ptr<float>();
    d.bias = layer->bias.defined() ? layer->bias.data_ptr<float>() : nullptr;
    d.out = layer->weight.size(0);
    d.in = layer->weight.size(1);
    d.relu = relu;
    return d;
}

//! The Linear layers of a reluStack(), each followed by its ReLU.
void appendStack(std::vector<PairScorer::Dense> &layers, const nn::Sequential &stack)
{
    for (const std::shared_ptr<nn::Module> &child : stack->children())
        if (auto linear = std::dynamic_pointer_cast<nn::LinearImpl>(child))
            layers.push_back(denseOf(nn::Linear(linear), true));
}

//! The first dense layer over [user embedding, item embedding], computed per distinct user
//! and item of the batch: W [e_u; e_i] + b = W_u e_u + W_i e_i + b, so each projection is
//! made once for a user who appears several times in the batch, and the gradients reach
//! only the distinct rows. The same function as a Linear layer on the concatenation, with a
//! quarter to a third fewer multiplications on MovieLens-shaped batches.
class PairLinear : public torch::nn::Module
{
public:
    PairLinear(int64_t width, int64_t out)
        : m_width(width)
    {
        m_layer = register_module("layer", kaimingLinear(2 * width, out));
    }

    torch::Tensor forward(torch::nn::Embedding &userTable, torch::nn::Embedding &itemTable,
                          const torch::Tensor &users,
                          const torch::Tensor &items)
    {
        const auto [distinctUsers, userSlot] = at::_unique(users, /*sorted=*/false,
                                                           /*return_inverse=*/true);
        const auto [distinctItems, itemSlot] = at::_unique(items, false, true);
        const torch::Tensor w = m_layer->weight;
        const torch::Tensor userPart = torch::mm(userTable->forward(distinctUsers),
                                                 w.narrow(1, 0, m_width).t());
        const torch::Tensor itemPart = torch::mm(itemTable->forward(distinctItems),
                                                 w.narrow(1, m_width, m_width).t());
        return userPart.index_select(0, userSlot) + itemPart.index_select(0, itemSlot)
               + m_layer->bias;
    }

    const torch::nn::Linear &layer() const { return m_layer; }

private:
    int64_t m_width;
    torch::nn::Linear m_layer{nullptr};
};

class NonLinearNet : public RatingNet
{
public:
    NonLinearNet(const ModelParams &p, int64_t users, int64_t items, bool sparse)
    {
        m_user = addTable("user", users, p.embeddingDim, sparse, true, kEmbeddingStd);
        m_item = addTable("item", items, p.embeddingDim, sparse, false, kEmbeddingStd);
        m_first = register_module("first", std::make_shared<PairLinear>(p.embeddingDim,
                                                                        p.hidden.front()));
        m_firstDropout = register_module("first_dropout",
                                         std::make_shared<FastDropout>(p.dropout));
        m_mlp = register_module("mlp", reluStack(p.hidden.front(),
                                                 {p.hidden.begin() + 1, p.hidden.end()},
                                                 p.dropout));
        m_out = register_module("out", nn::Linear(p.hidden.back(), 1));
    }

    NetOutput forward(const torch::Tensor &users, const torch::Tensor &items) override
    {
        torch::Tensor h = torch::relu(m_first->forward(m_user, m_item, users, items));
        h = m_firstDropout->forward(h);
        return {torch::sigmoid(m_out->forward(m_mlp->forward(h))).squeeze(1), {}, {}};
    }

    PairScorer scorer() override
    {
        PairScorer s;
        s.shape = PairScorer::Shape::Network;
        s.userTable = m_user->weight.data_ptr<float>();
        s.itemTable = m_item->weight.data_ptr<float>();
        s.width = m_user->weight.size(1);
        s.first = denseOf(m_first->layer(), true);
        appendStack(s.layers, m_mlp);
        s.layers.push_back(denseOf(m_out, false));
        return s;
    }

private:
    nn::Embedding m_user{nullptr}, m_item{nullptr};
    std::shared_ptr<PairLinear> m_first;
    std::shared_ptr<FastDropout> m_firstDropout;
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
        , m_noise(at::detail::createCPUGenerator(drawSeed()))
    {
        m_user = addTable("user", users, p.embeddingDim, sparse, true, kEmbeddingStd);
        m_item = addTable("item", items, p.embeddingDim, sparse, false, kEmbeddingStd);
        m_encoder = register_module("encoder", std::make_shared<PairLinear>(p.embeddingDim,
                                                                            p.hiddenDim));
        m_encoderDropout = register_module("encoder_dropout",
                                           std::make_shared<FastDropout>(p.dropout));
        m_mu = register_module("latent", nn::Linear(p.hiddenDim, p.latentDim));
        if (variational) {
            m_logVar = register_module("log_var", nn::Linear(p.hiddenDim, p.latentDim));
            // Start with a small sampling noise (sigma = e^-2): a unit-variance code would
            // drown the young means and saturate the sigmoid before the decoder learns.
            torch::NoGradGuard noGrad;
            m_logVar->weight.mul_(0.01);
            m_logVar->bias.fill_(-4.0);
        }
        m_decoder = register_module("decoder",
                                    reluStack(p.latentDim, {p.hiddenDim}, p.dropout));
        m_out = register_module("out", nn::Linear(p.hiddenDim, 1));
    }

    NetOutput forward(const torch::Tensor &users, const torch::Tensor &items) override
    {
        torch::Tensor h = torch::relu(m_encoder->forward(m_user, m_item, users, items));
        h = m_encoderDropout->forward(h);
        torch::Tensor mu = m_mu->forward(h);
        NetOutput out;
        torch::Tensor z = mu;
        if (m_variational) {
            torch::Tensor logVar = m_logVar->forward(h).clamp(-10.0, 4.0);
            if (is_training())
                z = mu + torch::randn(mu.sizes(), m_noise) * torch::exp(0.5 * logVar);
            out.kl = (-0.5 * (1.0 + logVar - mu.pow(2) - logVar.exp()).sum(1)).mean();
        }
        out.prediction = torch::sigmoid(m_out->forward(m_decoder->forward(z))).squeeze(1);
        return out;
    }

    PairScorer scorer() override
    {
        // In eval mode the code is the mean: no sampling, and log-variance plays no part.
        PairScorer s;
        s.shape = PairScorer::Shape::Network;
        s.userTable = m_user->weight.data_ptr<float>();
        s.itemTable = m_item->weight.data_ptr<float>();
        s.width = m_user->weight.size(1);
        s.first = denseOf(m_encoder->layer(), true);
        s.layers.push_back(denseOf(m_mu, false));
        appendStack(s.layers, m_decoder);
        s.layers.push_back(denseOf(m_out, false));
        return s;
    }

private:
    bool m_variational;
    at::Generator m_noise; // the reparameterisation's own generator
    nn::Embedding m_user{nullptr}, m_item{nullptr};
    std::shared_ptr<PairLinear> m_encoder;
    std::shared_ptr<FastDropout> m_encoderDropout;
    nn::Sequential m_decoder{nullptr};
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
        if (m_reg > 0.0 && is_training())
            out.penalty = m_reg
                          * ((p.pow(2).sum(1) + q.pow(2).sum(1) + bu.pow(2) + bi.pow(2)).mean());
        return out;
    }

    PairScorer scorer() override
    {
        PairScorer s;
        s.shape = PairScorer::Shape::Factors;
        s.constant = m_mean.item<float>();
        s.userTable = m_p->weight.data_ptr<float>();
        s.itemTable = m_q->weight.data_ptr<float>();
        s.width = m_p->weight.size(1);
        s.userBias = m_userBias->weight.data_ptr<float>();
        s.itemBias = m_itemBias->weight.data_ptr<float>();
        return s;
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

    PairScorer scorer() override
    {
        PairScorer s;
        s.constant = m_mean.item<float>();
        return s;
    }

private:
    torch::Tensor m_mean;
};

} // namespace

namespace {

//! Dot product with eight independent sums, which the compiler keeps in one vector register.
float dot(const float *a, const float *b, int64_t n)
{
    float sums[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int64_t k = 0;
    for (; k + 8 <= n; k += 8)
        for (int j = 0; j < 8; ++j)
            sums[j] += a[k + j] * b[k + j];
    float total = ((sums[0] + sums[1]) + (sums[2] + sums[3]))
                  + ((sums[4] + sums[5]) + (sums[6] + sums[7]));
    for (; k < n; ++k)
        total += a[k] * b[k];
    return total;
}

} // namespace

float PairScorer::score(int64_t user, int64_t item) const
{
    switch (shape) {
    case Shape::Constant:
        return constant;
    case Shape::Factors: {
        const float v = constant + userBias[user] + itemBias[item]
                        + dot(userTable + user * width, itemTable + item * width, width);
        return std::clamp(v, 0.0f, 1.0f);
    }
    case Shape::Network:
        break;
    }
    thread_local std::vector<float> a, b;
    const float *eu = userTable + user * width;
    const float *ei = itemTable + item * width;
    a.resize(size_t(first.out));
    for (int64_t o = 0; o < first.out; ++o) {
        const float *w = first.weight + o * first.in;
        const float v = first.bias[o] + dot(w, eu, width) + dot(w + width, ei, width);
        a[size_t(o)] = std::max(v, 0.0f);
    }
    for (const Dense &layer : layers) {
        b.resize(size_t(layer.out));
        for (int64_t o = 0; o < layer.out; ++o) {
            const float v = (layer.bias ? layer.bias[o] : 0.0f)
                            + dot(layer.weight + o * layer.in, a.data(), layer.in);
            b[size_t(o)] = layer.relu ? std::max(v, 0.0f) : v;
        }
        std::swap(a, b);
    }
    return 1.0f / (1.0f + std::exp(-a[0]));
}

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
                   double beta1, double beta2, double eps, bool rowWise)
    : m_params(std::move(params))
    , m_lr(lr)
    , m_weightDecay(weightDecay)
    , m_beta1(beta1)
    , m_beta2(beta2)
    , m_eps(eps)
    , m_rowWise(rowWise)
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

namespace {

//! The Adam arithmetic shared by both modes, over n contiguous floats.
struct AdamStep
{
    float beta1, beta2, oneMinusBeta1, oneMinusBeta2, eps, decay, stepSize, rootCorrection2;

    void apply(float *__restrict w, float *__restrict m, float *__restrict v,
               const float *__restrict g, int64_t n) const
    {
        for (int64_t j = 0; j < n; ++j) {
            const float gj = g[j] + decay * w[j];
            m[j] = beta1 * m[j] + oneMinusBeta1 * gj;
            v[j] = beta2 * v[j] + oneMinusBeta2 * gj * gj;
            w[j] -= stepSize * m[j] / (std::sqrt(v[j]) / rootCorrection2 + eps);
        }
    }
};

} // namespace

void LazyAdam::step()
{
    torch::NoGradGuard noGrad;
    ++m_step;
    const double correction1 = 1.0 - std::pow(m_beta1, double(m_step));
    const double correction2 = 1.0 - std::pow(m_beta2, double(m_step));
    // 1 - beta in double, then rounded, as torch.optim.Adam does: float(1 - 0.999) is 1e-3,
    // while 1 - float(0.999) is 1.3e-5 off and makes every step slightly too long.
    const AdamStep adam{float(m_beta1),          float(m_beta2),
                        float(1.0 - m_beta1),    float(1.0 - m_beta2),
                        float(m_eps),            float(m_weightDecay),
                        float(m_lr / correction1), float(std::sqrt(correction2))};
    for (size_t k = 0; k < m_params.size(); ++k) {
        torch::Tensor &p = m_params[k];
        const torch::Tensor &grad = p.grad();
        if (!grad.defined())
            continue;
        float *w = p.data_ptr<float>();
        float *m = m_m[k].data_ptr<float>();
        float *v = m_v[k].data_ptr<float>();
        if (!m_rowWise) {
            const torch::Tensor g = grad.contiguous();
            const float *gp = g.data_ptr<float>();
            at::parallel_for(0, p.numel(), 16384, [&](int64_t begin, int64_t end) {
                adam.apply(w + begin, m + begin, v + begin, gp + begin, end - begin);
            });
            continue;
        }
        torch::Tensor rows, values;
        if (grad.is_sparse()) {
            // Duplicate rows in a batch are summed by coalescing, as the dense gradient would.
            const torch::Tensor g = grad.coalesce();
            rows = g.indices()[0].contiguous();
            values = g.values().contiguous();
        } else {
            // A dense gradient (tables built without sparse gradients): touched rows only.
            rows = grad.abs().sum(1).nonzero().squeeze(1).contiguous();
            values = grad.index_select(0, rows).contiguous();
        }
        const int64_t count = rows.numel();
        if (count == 0)
            continue;

        // One fused pass over the touched rows, in place: moments, then the weights. Written
        // out rather than as tensor ops, which would make a dozen temporaries per step.
        const int64_t width = p.size(1);
        const int64_t *row = rows.data_ptr<int64_t>();
        const float *g = values.data_ptr<float>();
        at::parallel_for(0, count, 64, [&](int64_t begin, int64_t end) {
            for (int64_t r = begin; r < end; ++r) {
                const int64_t offset = row[r] * width;
                adam.apply(w + offset, m + offset, v + offset, g + r * width, width);
            }
        });
    }
}

void LazyAdam::grow(size_t index, int64_t rows)
{
    const int64_t width = m_m[index].size(1);
    m_m[index] = torch::cat({m_m[index], torch::zeros({rows, width})});
    m_v[index] = torch::cat({m_v[index], torch::zeros({rows, width})});
}

} // namespace Ncf::Torch
