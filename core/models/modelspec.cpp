#include "core/models/modelspec.h"

#include "core/common/tr.h"

#include <QJsonArray>

#include <cmath>
#include <optional>

namespace Ncf {

namespace {

template<typename Enum>
struct EnumName
{
    Enum value;
    const char *name;
};

constexpr EnumName<ModelKind> kKinds[] = {{ModelKind::NonLinear, "nonlinear"},
                                          {ModelKind::Autoencoder, "autoencoder"},
                                          {ModelKind::Vae, "vae"},
                                          {ModelKind::Mf, "mf"},
                                          {ModelKind::Mean, "mean"}};

constexpr EnumName<BetaAnnealer> kAnnealers[] = {{BetaAnnealer::Linear, "linear"},
                                                 {BetaAnnealer::Exponential, "exponential"},
                                                 {BetaAnnealer::Cosine, "cosine"},
                                                 {BetaAnnealer::Constant, "constant"},
                                                 {BetaAnnealer::Zero, "zero"}};

template<typename Enum, size_t N>
QString nameOf(const EnumName<Enum> (&table)[N], Enum value)
{
    for (const EnumName<Enum> &entry : table)
        if (entry.value == value)
            return QLatin1String(entry.name);
    return {};
}

template<typename Enum, size_t N>
std::optional<Enum> valueOf(const EnumName<Enum> (&table)[N], const QString &name)
{
    for (const EnumName<Enum> &entry : table)
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.value;
    return std::nullopt;
}

Result<double> toNumber(const QString &name, const QString &value, double min, double max)
{
    bool ok = false;
    const double v = value.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return makeError(ModelsTr::tr("parameter %1: expected a number, found '%2'")
                             .arg(name, value));
    if (v < min || v > max)
        return makeError(ModelsTr::tr("parameter %1: %2 is outside [%3, %4]")
                             .arg(name, value)
                             .arg(min)
                             .arg(max));
    return v;
}

Result<int> toInt(const QString &name, const QString &value, int min, int max)
{
    bool ok = false;
    const int v = value.trimmed().toInt(&ok);
    if (!ok)
        return makeError(ModelsTr::tr("parameter %1: expected a whole number, found '%2'")
                             .arg(name, value));
    if (v < min || v > max)
        return makeError(ModelsTr::tr("parameter %1: %2 is outside [%3, %4]")
                             .arg(name, value)
                             .arg(min)
                             .arg(max));
    return v;
}

QString joinWidths(const std::vector<int> &widths)
{
    QStringList parts;
    for (int w : widths)
        parts << QString::number(w);
    return parts.join(QLatin1Char(','));
}

} // namespace

QString modelKindName(ModelKind kind)
{
    return nameOf(kKinds, kind);
}

Result<ModelKind> modelKindFromName(const QString &name)
{
    if (const std::optional<ModelKind> kind = valueOf(kKinds, name))
        return *kind;
    return makeError(ModelsTr::tr("unknown model '%1': expected nonlinear, autoencoder, vae, "
                                  "mf or mean")
                         .arg(name));
}

QString annealerName(BetaAnnealer annealer)
{
    return nameOf(kAnnealers, annealer);
}

Result<BetaAnnealer> annealerFromName(const QString &name)
{
    if (const std::optional<BetaAnnealer> annealer = valueOf(kAnnealers, name))
        return *annealer;
    return makeError(ModelsTr::tr("unknown annealer '%1': expected linear, exponential, cosine, "
                                  "constant or zero")
                         .arg(name));
}

double annealedBeta(BetaAnnealer annealer, double startBeta, double offsetBeta, int epoch,
                    int epochs)
{
    const double t = epochs > 1 ? std::clamp(double(epoch) / double(epochs - 1), 0.0, 1.0) : 0.0;
    switch (annealer) {
    case BetaAnnealer::Linear:
        return startBeta + offsetBeta * t;
    case BetaAnnealer::Exponential:
        if (startBeta <= 0.0)
            return offsetBeta * t; // no geometric path from 0: fall back to linear
        return startBeta * std::pow((startBeta + offsetBeta) / startBeta, t);
    case BetaAnnealer::Cosine:
        return startBeta + offsetBeta * (1.0 - std::cos(M_PI * t)) / 2.0;
    case BetaAnnealer::Constant:
        return startBeta;
    case BetaAnnealer::Zero:
        return 0.0;
    }
    return startBeta;
}

ModelParams defaultParams(ModelKind kind)
{
    // The best of a sweep on the generated 100K-shaped set (seed 42, 25 epochs, patience 3;
    // README, "Models"). Larger embeddings, other widths and weight decay did not help there.
    ModelParams p;
    switch (kind) {
    case ModelKind::NonLinear:
        p.embeddingDim = 64;
        p.hidden = {256, 64};
        p.dropout = 0.3;
        p.lr = 5e-4;
        break;
    case ModelKind::Autoencoder:
        p.embeddingDim = 64;
        p.hiddenDim = 256;
        p.latentDim = 32;
        p.dropout = 0.3;
        p.lr = 5e-4;
        break;
    case ModelKind::Vae:
        // beta weighs a KL summed over the latent dimensions: 1e-3 already collapses the
        // posterior on these data, 1e-4 does not.
        p.embeddingDim = 64;
        p.hiddenDim = 256;
        p.latentDim = 32;
        p.dropout = 0.2;
        p.lr = 1e-3;
        p.startBeta = 1e-4;
        p.offsetBeta = 0.0;
        p.annealer = BetaAnnealer::Constant;
        break;
    case ModelKind::Mf:
        p.factors = 32;
        p.reg = 0.02;
        p.lr = 5e-3;
        break;
    case ModelKind::Mean:
        break;
    }
    return p;
}

QStringList paramNames(ModelKind kind)
{
    const QStringList common = {QStringLiteral("lr"), QStringLiteral("batch_size"),
                                QStringLiteral("patience")};
    switch (kind) {
    case ModelKind::NonLinear:
        return QStringList{QStringLiteral("embedding_dim"), QStringLiteral("hidden"),
                           QStringLiteral("dropout"), QStringLiteral("weight_decay")}
               + common;
    case ModelKind::Autoencoder:
        return QStringList{QStringLiteral("embedding_dim"), QStringLiteral("hidden_dim"),
                           QStringLiteral("latent_dim"), QStringLiteral("dropout"),
                           QStringLiteral("weight_decay")}
               + common;
    case ModelKind::Vae:
        return QStringList{QStringLiteral("embedding_dim"), QStringLiteral("hidden_dim"),
                           QStringLiteral("latent_dim"), QStringLiteral("dropout"),
                           QStringLiteral("weight_decay"), QStringLiteral("start_beta"),
                           QStringLiteral("offset_beta"), QStringLiteral("annealer")}
               + common;
    case ModelKind::Mf:
        return QStringList{QStringLiteral("factors"), QStringLiteral("reg")} + common;
    case ModelKind::Mean:
        return {};
    }
    return {};
}

Result<void> setParam(ModelParams &p, const QString &name, const QString &value)
{
    auto setInt = [&](int &field, int min, int max) -> Result<void> {
        Result<int> v = toInt(name, value, min, max);
        if (!v)
            return makeError(v.error());
        field = *v;
        return {};
    };
    auto setDouble = [&](double &field, double min, double max) -> Result<void> {
        Result<double> v = toNumber(name, value, min, max);
        if (!v)
            return makeError(v.error());
        field = *v;
        return {};
    };
    if (name == QLatin1String("embedding_dim"))
        return setInt(p.embeddingDim, 1, 8192);
    if (name == QLatin1String("hidden")) {
        std::vector<int> widths;
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            Result<int> w = toInt(name, part, 1, 65536);
            if (!w)
                return makeError(w.error());
            widths.push_back(*w);
        }
        if (widths.empty())
            return makeError(ModelsTr::tr("parameter hidden: expected comma-separated layer "
                                          "widths such as 256,64"));
        p.hidden = widths;
        return {};
    }
    if (name == QLatin1String("dropout"))
        return setDouble(p.dropout, 0.0, 0.95);
    if (name == QLatin1String("lr"))
        return setDouble(p.lr, 1e-7, 10.0);
    if (name == QLatin1String("weight_decay"))
        return setDouble(p.weightDecay, 0.0, 10.0);
    if (name == QLatin1String("batch_size"))
        return setInt(p.batchSize, 1, 1 << 22);
    if (name == QLatin1String("hidden_dim"))
        return setInt(p.hiddenDim, 1, 65536);
    if (name == QLatin1String("latent_dim"))
        return setInt(p.latentDim, 1, 65536);
    if (name == QLatin1String("start_beta"))
        return setDouble(p.startBeta, 0.0, 1000.0);
    if (name == QLatin1String("offset_beta"))
        return setDouble(p.offsetBeta, 0.0, 1000.0);
    if (name == QLatin1String("annealer")) {
        Result<BetaAnnealer> a = annealerFromName(value.trimmed());
        if (!a)
            return makeError(a.error());
        p.annealer = *a;
        return {};
    }
    if (name == QLatin1String("factors"))
        return setInt(p.factors, 1, 8192);
    if (name == QLatin1String("reg"))
        return setDouble(p.reg, 0.0, 100.0);
    if (name == QLatin1String("patience"))
        return setInt(p.patience, 0, 100000);
    return makeError(ModelsTr::tr("unknown parameter '%1'").arg(name));
}

Result<void> setParamAssignment(ModelParams &params, const QString &assignment)
{
    const qsizetype eq = assignment.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return makeError(ModelsTr::tr("expected name=value, found '%1'").arg(assignment));
    return setParam(params, assignment.left(eq).trimmed(), assignment.mid(eq + 1));
}

QJsonObject paramsToJson(const ModelParams &p, ModelKind kind)
{
    QJsonObject all{{QStringLiteral("embedding_dim"), p.embeddingDim},
                    {QStringLiteral("hidden"), joinWidths(p.hidden)},
                    {QStringLiteral("dropout"), p.dropout},
                    {QStringLiteral("lr"), p.lr},
                    {QStringLiteral("weight_decay"), p.weightDecay},
                    {QStringLiteral("batch_size"), p.batchSize},
                    {QStringLiteral("hidden_dim"), p.hiddenDim},
                    {QStringLiteral("latent_dim"), p.latentDim},
                    {QStringLiteral("start_beta"), p.startBeta},
                    {QStringLiteral("offset_beta"), p.offsetBeta},
                    {QStringLiteral("annealer"), annealerName(p.annealer)},
                    {QStringLiteral("factors"), p.factors},
                    {QStringLiteral("reg"), p.reg},
                    {QStringLiteral("patience"), p.patience}};
    QJsonObject used;
    for (const QString &name : paramNames(kind))
        used.insert(name, all.value(name));
    return used;
}

Result<ModelParams> paramsFromJson(const QJsonObject &json, ModelKind kind)
{
    ModelParams p = defaultParams(kind);
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QJsonValue v = it.value();
        const QString text = v.isString() ? v.toString()
                             : v.isDouble() ? QString::number(v.toDouble(), 'g', 17)
                                            : QString();
        if (Result<void> r = setParam(p, it.key(), text); !r)
            return makeError(r.error());
    }
    return p;
}

} // namespace Ncf
