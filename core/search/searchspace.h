#pragma once

#include "core/common/random.h"
#include "core/common/result.h"
#include "core/models/modelspec.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <vector>

namespace Ncf {

//! One searched hyperparameter: a categorical choice, or a uniform or log-uniform range.
struct ParamDomain
{
    enum class Kind { Choice, Uniform, LogUniform };

    QString name;
    Kind kind = Kind::Choice;
    std::vector<QJsonValue> values; //!< Choice: numbers or strings
    double low = 0.0;               //!< Uniform, LogUniform
    double high = 1.0;

    QJsonValue sample(Rng &rng) const;
    QJsonObject toJson() const;
};

//! A search space as the user edits and saves it, for example
//! `{"model": "nonlinear", "max_epochs": 100, "fixed": {"batch_size": 1024},
//!   "params": {"lr": {"type": "loguniform", "low": 1e-4, "high": 1e-2},
//!              "dropout": {"type": "choice", "values": [0, 0.1, 0.2]}}}`.
struct SearchSpace
{
    ModelKind model = ModelKind::NonLinear;
    int maxEpochs = 100;
    QJsonObject fixed; //!< parameters every trial shares, by name
    std::vector<ParamDomain> params;

    //! One configuration: every fixed and searched parameter by name.
    QJsonObject sample(Rng &rng) const;
    //! The model's parameters for `config` (defaults, then `config` applied).
    Result<ModelParams> paramsFor(const QJsonObject &config) const;

    QJsonObject toJson() const;
    //! Parses and checks a space: known types, low < high, positive log bounds, non-empty
    //! choices, and parameter names and values the model accepts.
    static Result<SearchSpace> fromJson(const QJsonObject &json);
};

//! The presets of the three neural models (see README, "Search").
SearchSpace presetSpace(ModelKind model);

} // namespace Ncf
