#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace Ncf {

//! The rating-prediction models the workbench trains.
enum class ModelKind {
    NonLinear,   //!< NCF: embeddings concatenated, dense ReLU layers with dropout, sigmoid
    Autoencoder, //!< encoder to a latent bottleneck, decoder to one rating
    Vae,         //!< variational autoencoder with an annealed KL term
    Mf,          //!< biased matrix factorisation (baseline)
    Mean,        //!< the training set's mean rating (baseline)
};

QString modelKindName(ModelKind kind); //!< "nonlinear", "autoencoder", "vae", "mf", "mean"
Result<ModelKind> modelKindFromName(const QString &name);

// Note [Beta annealing]: the VAE's loss is MSE + beta(e) x KL. With progress
// t = e / (E - 1) over epochs e = 0..E-1 (t = 0 when E = 1), start beta b0 and offset d:
//   linear       beta = b0 + d t
//   exponential  beta = b0 ((b0 + d) / b0)^t     (geometric from b0 to b0 + d; b0 > 0)
//   cosine       beta = b0 + d (1 - cos(pi t)) / 2
//   constant     beta = b0
//   zero         beta = 0                         (a plain autoencoder with a noisy code)
// Every schedule but constant and zero rises from b0 at the first epoch to b0 + d at the last.
enum class BetaAnnealer { Linear, Exponential, Cosine, Constant, Zero };

QString annealerName(BetaAnnealer annealer);
Result<BetaAnnealer> annealerFromName(const QString &name);
//! beta at epoch `epoch` (0-based) of `epochs`; see Note [Beta annealing].
double annealedBeta(BetaAnnealer annealer, double startBeta, double offsetBeta, int epoch,
                    int epochs);

//! Hyperparameters. Their names (in brackets) are shared by the CLI (`--param name=value`),
//! the JSON search spaces and the experiment store.
//! Example: `ModelParams p = defaultParams(ModelKind::NonLinear); setParam(p, "lr", "0.002");`
struct ModelParams
{
    int embeddingDim = 64;          //!< [embedding_dim] width of user and movie embeddings
    std::vector<int> hidden{256, 64}; //!< [hidden] dense layer widths of the non-linear model
    double dropout = 0.2;           //!< [dropout]
    double lr = 1e-3;               //!< [lr] Adam learning rate
    double weightDecay = 0.0;       //!< [weight_decay] L2 on dense layers (and touched rows)
    int batchSize = 1024;           //!< [batch_size]
    int hiddenDim = 256;            //!< [hidden_dim] autoencoder / VAE hidden width
    int latentDim = 32;             //!< [latent_dim] autoencoder / VAE bottleneck
    double startBeta = 1e-4;        //!< [start_beta] VAE
    double offsetBeta = 0.0;        //!< [offset_beta] VAE
    BetaAnnealer annealer = BetaAnnealer::Constant; //!< [annealer] VAE
    int factors = 32;               //!< [factors] MF latent factors
    double reg = 0.02;              //!< [reg] MF L2 regularisation
    int patience = 3;               //!< [patience] epochs without improvement before stopping
};

//! The defaults for `kind`: the best settings found on the generated data (see README).
ModelParams defaultParams(ModelKind kind);
//! The parameter names that `kind` uses.
QStringList paramNames(ModelKind kind);
//! Sets one parameter from text, checking its range.
Result<void> setParam(ModelParams &params, const QString &name, const QString &value);
//! Parses "name=value".
Result<void> setParamAssignment(ModelParams &params, const QString &assignment);

//! The parameters `kind` uses, by name.
QJsonObject paramsToJson(const ModelParams &params, ModelKind kind);
//! Starts from defaultParams(kind) and applies every key of `json`.
Result<ModelParams> paramsFromJson(const QJsonObject &json, ModelKind kind);

} // namespace Ncf
