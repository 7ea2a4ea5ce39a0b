#include "core/search/searchspace.h"

#include "core/common/tr.h"

#include <QJsonArray>

#include <cmath>

namespace Ncf {

namespace {

QString valueText(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString::number(v.toDouble(), 'g', 17);
}

QJsonArray toArray(const std::vector<QJsonValue> &values)
{
    QJsonArray out;
    for (const QJsonValue &v : values)
        out.append(v);
    return out;
}

ParamDomain choice(const QString &name, std::vector<QJsonValue> values)
{
    ParamDomain d;
    d.name = name;
    d.kind = ParamDomain::Kind::Choice;
    d.values = std::move(values);
    return d;
}

ParamDomain range(const QString &name, ParamDomain::Kind kind, double low, double high)
{
    ParamDomain d;
    d.name = name;
    d.kind = kind;
    d.low = low;
    d.high = high;
    return d;
}

std::vector<QJsonValue> powersOfTwo(int from, int to)
{
    std::vector<QJsonValue> out;
    for (int v = from; v <= to; v *= 2)
        out.emplace_back(v);
    return out;
}

std::vector<QJsonValue> dropoutSteps()
{
    // 0, then 0.1 to 0.5 in steps of 0.05.
    std::vector<QJsonValue> out{QJsonValue(0.0)};
    for (int k = 0; k <= 8; ++k)
        out.emplace_back(std::round((0.1 + 0.05 * k) * 100.0) / 100.0);
    return out;
}

} // namespace

QJsonValue ParamDomain::sample(Rng &rng) const
{
    switch (kind) {
    case Kind::Choice:
        return values[size_t(rng.below(values.size()))];
    case Kind::Uniform:
        return low + (high - low) * rng.uniform();
    case Kind::LogUniform:
        return std::exp(std::log(low) + (std::log(high) - std::log(low)) * rng.uniform());
    }
    return {};
}

QJsonObject ParamDomain::toJson() const
{
    switch (kind) {
    case Kind::Choice:
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("choice")},
                           {QStringLiteral("values"), toArray(values)}};
    case Kind::Uniform:
    case Kind::LogUniform:
        return QJsonObject{{QStringLiteral("type"), kind == Kind::Uniform
                                                        ? QStringLiteral("uniform")
                                                        : QStringLiteral("loguniform")},
                           {QStringLiteral("low"), low},
                           {QStringLiteral("high"), high}};
    }
    return {};
}

QJsonObject SearchSpace::sample(Rng &rng) const
{
    QJsonObject config = fixed;
    for (const ParamDomain &d : params)
        config.insert(d.name, d.sample(rng));
    return config;
}

Result<ModelParams> SearchSpace::paramsFor(const QJsonObject &config) const
{
    ModelParams p = defaultParams(model);
    for (auto it = config.begin(); it != config.end(); ++it)
        if (Result<void> r = setParam(p, it.key(), valueText(it.value())); !r)
            return makeError(r.error());
    return p;
}

QJsonObject SearchSpace::toJson() const
{
    QJsonObject searched;
    for (const ParamDomain &d : params)
        searched.insert(d.name, d.toJson());
    return QJsonObject{{QStringLiteral("model"), modelKindName(model)},
                       {QStringLiteral("max_epochs"), maxEpochs},
                       {QStringLiteral("fixed"), fixed},
                       {QStringLiteral("params"), searched}};
}

Result<SearchSpace> SearchSpace::fromJson(const QJsonObject &json)
{
    SearchSpace space;
    Result<ModelKind> model = modelKindFromName(json.value(QStringLiteral("model")).toString());
    if (!model)
        return makeError(SearchTr::tr("search space: %1").arg(model.error()));
    space.model = *model;
    space.maxEpochs = json.value(QStringLiteral("max_epochs")).toInt(space.maxEpochs);
    if (space.maxEpochs < 1)
        return makeError(SearchTr::tr("search space: max_epochs must be positive"));
    space.fixed = json.value(QStringLiteral("fixed")).toObject();

    const QJsonObject searched = json.value(QStringLiteral("params")).toObject();
    for (auto it = searched.begin(); it != searched.end(); ++it) {
        const QString name = it.key();
        const QJsonObject spec = it.value().toObject();
        const QString type = spec.value(QStringLiteral("type")).toString();
        auto fail = [&](const QString &why) {
            return makeError(SearchTr::tr("search space: parameter %1: %2").arg(name, why));
        };
        ParamDomain d;
        d.name = name;
        if (type == QLatin1String("choice")) {
            d.kind = ParamDomain::Kind::Choice;
            for (const QJsonValue &v : spec.value(QStringLiteral("values")).toArray())
                d.values.push_back(v);
            if (d.values.empty())
                return fail(SearchTr::tr("a choice needs at least one value"));
        } else if (type == QLatin1String("uniform") || type == QLatin1String("loguniform")) {
            d.kind = type == QLatin1String("uniform") ? ParamDomain::Kind::Uniform
                                                      : ParamDomain::Kind::LogUniform;
            const QJsonValue low = spec.value(QStringLiteral("low"));
            const QJsonValue high = spec.value(QStringLiteral("high"));
            if (!low.isDouble() || !high.isDouble())
                return fail(SearchTr::tr("a range needs numeric \"low\" and \"high\""));
            d.low = low.toDouble();
            d.high = high.toDouble();
            if (!(d.low < d.high))
                return fail(SearchTr::tr("low %1 must be below high %2").arg(d.low).arg(d.high));
            if (d.kind == ParamDomain::Kind::LogUniform && d.low <= 0.0)
                return fail(SearchTr::tr("a log-uniform range needs low > 0"));
        } else {
            return fail(SearchTr::tr("unknown type '%1': expected choice, uniform or "
                                     "loguniform")
                            .arg(type));
        }
        space.params.push_back(d);
    }

    // Every value the space can produce must be one the model accepts.
    ModelParams probe = defaultParams(space.model);
    for (auto it = space.fixed.begin(); it != space.fixed.end(); ++it)
        if (Result<void> r = setParam(probe, it.key(), valueText(it.value())); !r)
            return makeError(SearchTr::tr("search space: %1").arg(r.error()));
    for (const ParamDomain &d : space.params) {
        std::vector<QJsonValue> probes = d.values;
        if (d.kind != ParamDomain::Kind::Choice)
            probes = {QJsonValue(d.low), QJsonValue(d.high)};
        for (const QJsonValue &v : probes)
            if (Result<void> r = setParam(probe, d.name, valueText(v)); !r)
                return makeError(SearchTr::tr("search space: %1").arg(r.error()));
    }
    return space;
}

SearchSpace presetSpace(ModelKind model)
{
    SearchSpace s;
    s.model = model;
    s.fixed = QJsonObject{{QStringLiteral("batch_size"), 1024}};
    const ParamDomain lr = range(QStringLiteral("lr"), ParamDomain::Kind::LogUniform, 1e-4,
                                 1e-2);
    switch (model) {
    case ModelKind::NonLinear:
        s.maxEpochs = 100;
        s.params = {choice(QStringLiteral("embedding_dim"), powersOfTwo(32, 1024)),
                    choice(QStringLiteral("dropout"), dropoutSteps()), lr};
        break;
    case ModelKind::Autoencoder:
    case ModelKind::Vae:
        s.maxEpochs = model == ModelKind::Vae ? 20 : 100;
        s.params = {choice(QStringLiteral("hidden_dim"), powersOfTwo(32, 1024)),
                    choice(QStringLiteral("latent_dim"), powersOfTwo(8, 256)),
                    choice(QStringLiteral("dropout"), dropoutSteps()), lr};
        if (model == ModelKind::Vae) {
            s.params.push_back(range(QStringLiteral("start_beta"), ParamDomain::Kind::Uniform,
                                     1e-4, 1e-2));
            s.params.push_back(range(QStringLiteral("offset_beta"), ParamDomain::Kind::Uniform,
                                     0.0, 1.0));
            s.params.push_back(choice(QStringLiteral("annealer"),
                                      {QJsonValue(QStringLiteral("linear")),
                                       QJsonValue(QStringLiteral("exponential")),
                                       QJsonValue(QStringLiteral("cosine")),
                                       QJsonValue(QStringLiteral("constant")),
                                       QJsonValue(QStringLiteral("zero"))}));
        }
        break;
    case ModelKind::Mf:
        s.maxEpochs = 50;
        s.params = {choice(QStringLiteral("factors"), powersOfTwo(8, 256)),
                    range(QStringLiteral("reg"), ParamDomain::Kind::LogUniform, 1e-3, 1e-1),
                    lr};
        break;
    case ModelKind::Mean:
        s.maxEpochs = 1;
        s.fixed = {};
        break;
    }
    return s;
}

} // namespace Ncf
