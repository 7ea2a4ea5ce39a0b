#include "core/models/modelspec.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace Ncf;

Q_DECLARE_METATYPE(Ncf::ModelKind)
Q_DECLARE_METATYPE(Ncf::BetaAnnealer)

namespace {

//! The field behind parameter `name`, written out independently of paramsToJson(), so the
//! two can check each other.
QString fieldText(const ModelParams &p, const QString &name)
{
    auto num = [](double v) { return QString::number(v, 'g', 17); };
    if (name == QLatin1String("embedding_dim"))
        return QString::number(p.embeddingDim);
    if (name == QLatin1String("hidden")) {
        QStringList parts;
        for (int w : p.hidden)
            parts << QString::number(w);
        return parts.join(QLatin1Char(','));
    }
    if (name == QLatin1String("dropout"))
        return num(p.dropout);
    if (name == QLatin1String("lr"))
        return num(p.lr);
    if (name == QLatin1String("weight_decay"))
        return num(p.weightDecay);
    if (name == QLatin1String("batch_size"))
        return QString::number(p.batchSize);
    if (name == QLatin1String("hidden_dim"))
        return QString::number(p.hiddenDim);
    if (name == QLatin1String("latent_dim"))
        return QString::number(p.latentDim);
    if (name == QLatin1String("start_beta"))
        return num(p.startBeta);
    if (name == QLatin1String("offset_beta"))
        return num(p.offsetBeta);
    if (name == QLatin1String("annealer"))
        return annealerName(p.annealer);
    if (name == QLatin1String("factors"))
        return QString::number(p.factors);
    if (name == QLatin1String("reg"))
        return num(p.reg);
    if (name == QLatin1String("patience"))
        return QString::number(p.patience);
    return QStringLiteral("<unknown %1>").arg(name);
}

//! Every parameter away from its default, with values that are not exact in binary.
ModelParams unusualParams()
{
    ModelParams p;
    p.embeddingDim = 17;
    p.hidden = {128, 32, 8};
    p.dropout = 0.1 + 0.2; // 0.30000000000000004: the round trip must keep every bit
    p.lr = 3.3e-4;
    p.weightDecay = 1e-5;
    p.batchSize = 333;
    p.hiddenDim = 99;
    p.latentDim = 7;
    p.startBeta = 0.0123;
    p.offsetBeta = 0.777;
    p.annealer = BetaAnnealer::Cosine;
    p.factors = 13;
    p.reg = 0.031;
    p.patience = 5;
    return p;
}

const QStringList kAllParams = {
    QStringLiteral("embedding_dim"), QStringLiteral("hidden"),     QStringLiteral("dropout"),
    QStringLiteral("lr"),            QStringLiteral("weight_decay"), QStringLiteral("batch_size"),
    QStringLiteral("hidden_dim"),    QStringLiteral("latent_dim"), QStringLiteral("start_beta"),
    QStringLiteral("offset_beta"),   QStringLiteral("annealer"),   QStringLiteral("factors"),
    QStringLiteral("reg"),           QStringLiteral("patience")};

} // namespace

class tst_ModelSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kindNames_data();
    void kindNames();
    void kindNameErrors_data();
    void kindNameErrors();
    void annealerNames_data();
    void annealerNames();
    void annealerNameErrors();
    void setParam_data();
    void setParam();
    void setParamErrors_data();
    void setParamErrors();
    void setParamAssignment_data();
    void setParamAssignment();
    void setParamAssignmentErrors_data();
    void setParamAssignmentErrors();
    void paramNamesAreSettable_data();
    void paramNamesAreSettable();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonErrors_data();
    void jsonErrors();
    void annealedBeta_data();
    void annealedBeta();
};

void tst_ModelSpec::kindNames_data()
{
    QTest::addColumn<ModelKind>("kind");
    QTest::addColumn<QString>("name");

    QTest::newRow("nonlinear") << ModelKind::NonLinear << QStringLiteral("nonlinear");
    QTest::newRow("autoencoder") << ModelKind::Autoencoder << QStringLiteral("autoencoder");
    QTest::newRow("vae") << ModelKind::Vae << QStringLiteral("vae");
    QTest::newRow("mf") << ModelKind::Mf << QStringLiteral("mf");
    QTest::newRow("mean") << ModelKind::Mean << QStringLiteral("mean");
}

void tst_ModelSpec::kindNames()
{
    QFETCH(ModelKind, kind);
    QFETCH(QString, name);

    QCOMPARE(modelKindName(kind), name);
    const Result<ModelKind> parsed = modelKindFromName(name);
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error()));
    QCOMPARE(*parsed, kind);

    // Names are matched without regard to case ("VAE", "NonLinear").
    const Result<ModelKind> upper = modelKindFromName(name.toUpper());
    QVERIFY(upper.ok());
    QCOMPARE(*upper, kind);
}

void tst_ModelSpec::kindNameErrors_data()
{
    QTest::addColumn<QString>("name");

    QTest::newRow("empty") << QString();
    QTest::newRow("unknown") << QStringLiteral("ncf");
    QTest::newRow("padded") << QStringLiteral(" mf");
    QTest::newRow("prefix") << QStringLiteral("non");
}

void tst_ModelSpec::kindNameErrors()
{
    QFETCH(QString, name);

    const Result<ModelKind> parsed = modelKindFromName(name);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().contains(QStringLiteral("unknown model '%1'").arg(name)),
             qPrintable(parsed.error()));
    // The message lists what would have been accepted.
    QVERIFY2(parsed.error().contains(QLatin1String("nonlinear")), qPrintable(parsed.error()));
    QVERIFY2(parsed.error().contains(QLatin1String("mean")), qPrintable(parsed.error()));
}

void tst_ModelSpec::annealerNames_data()
{
    QTest::addColumn<BetaAnnealer>("annealer");
    QTest::addColumn<QString>("name");

    QTest::newRow("linear") << BetaAnnealer::Linear << QStringLiteral("linear");
    QTest::newRow("exponential") << BetaAnnealer::Exponential << QStringLiteral("exponential");
    QTest::newRow("cosine") << BetaAnnealer::Cosine << QStringLiteral("cosine");
    QTest::newRow("constant") << BetaAnnealer::Constant << QStringLiteral("constant");
    QTest::newRow("zero") << BetaAnnealer::Zero << QStringLiteral("zero");
}

void tst_ModelSpec::annealerNames()
{
    QFETCH(BetaAnnealer, annealer);
    QFETCH(QString, name);

    QCOMPARE(annealerName(annealer), name);
    const Result<BetaAnnealer> parsed = annealerFromName(name);
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error()));
    QCOMPARE(*parsed, annealer);
    const Result<BetaAnnealer> upper = annealerFromName(name.toUpper());
    QVERIFY(upper.ok());
    QCOMPARE(*upper, annealer);
}

void tst_ModelSpec::annealerNameErrors()
{
    const Result<BetaAnnealer> parsed = annealerFromName(QStringLiteral("sigmoid"));
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().contains(QLatin1String("unknown annealer 'sigmoid'")),
             qPrintable(parsed.error()));
    QVERIFY2(parsed.error().contains(QLatin1String("cosine")), qPrintable(parsed.error()));

    QVERIFY(!annealerFromName(QString()).ok());
}

void tst_ModelSpec::setParam_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected"); // fieldText() after the call

    QTest::newRow("embedding_dim") << "embedding_dim" << "32" << "32";
    QTest::newRow("embedding_dim at its maximum") << "embedding_dim" << "8192" << "8192";
    QTest::newRow("hidden two layers") << "hidden" << "128,32" << "128,32";
    QTest::newRow("hidden one layer, padded") << "hidden" << " 512 " << "512";
    QTest::newRow("hidden spaces around commas") << "hidden" << "64 , 16" << "64,16";
    QTest::newRow("hidden empty part skipped") << "hidden" << "128,,32," << "128,32";
    QTest::newRow("dropout") << "dropout" << "0.5" << "0.5";
    QTest::newRow("dropout zero") << "dropout" << "0" << "0";
    QTest::newRow("dropout at its maximum") << "dropout" << "0.95" << "0.94999999999999996";
    QTest::newRow("lr") << "lr" << "0.01" << "0.01";
    QTest::newRow("lr exponent, padded") << "lr" << " 2e-3 " << "0.002";
    QTest::newRow("weight_decay") << "weight_decay" << "1e-4" << "0.0001";
    QTest::newRow("batch_size") << "batch_size" << "256" << "256";
    QTest::newRow("batch_size one") << "batch_size" << "1" << "1";
    QTest::newRow("hidden_dim") << "hidden_dim" << "128" << "128";
    QTest::newRow("latent_dim") << "latent_dim" << "16" << "16";
    QTest::newRow("start_beta") << "start_beta" << "0.001" << "0.001";
    QTest::newRow("start_beta zero") << "start_beta" << "0" << "0";
    QTest::newRow("offset_beta") << "offset_beta" << "0.5" << "0.5";
    QTest::newRow("annealer") << "annealer" << "cosine" << "cosine";
    QTest::newRow("annealer any case, padded") << "annealer" << " Exponential " << "exponential";
    QTest::newRow("factors") << "factors" << "64" << "64";
    QTest::newRow("reg") << "reg" << "0.05" << "0.050000000000000003";
    QTest::newRow("patience") << "patience" << "7" << "7";
    QTest::newRow("patience zero (no early stop)") << "patience" << "0" << "0";
}

void tst_ModelSpec::setParam()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, expected);

    ModelParams p;
    const ModelParams before = p;
    const Result<void> r = Ncf::setParam(p, name, value);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error()));
    QCOMPARE(fieldText(p, name), expected);

    // Nothing else moved.
    for (const QString &other : kAllParams)
        if (other != name)
            QCOMPARE(fieldText(p, other), fieldText(before, other));
}

void tst_ModelSpec::setParamErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("fragments"); // each must be in the message

    auto row = [](const char *tag, const char *name, const char *value, QStringList fragments) {
        QTest::newRow(tag) << QString::fromLatin1(name) << QString::fromLatin1(value)
                           << fragments;
    };
    row("embedding_dim zero", "embedding_dim", "0",
        {"parameter embedding_dim", "0 is outside [1, 8192]"});
    row("embedding_dim above maximum", "embedding_dim", "8193",
        {"parameter embedding_dim", "8193 is outside"});
    row("embedding_dim fraction", "embedding_dim", "3.5",
        {"parameter embedding_dim", "expected a whole number", "'3.5'"});
    row("embedding_dim empty", "embedding_dim", "", {"parameter embedding_dim", "''"});
    row("hidden empty", "hidden", "", {"parameter hidden", "comma-separated layer widths"});
    row("hidden only commas", "hidden", ",,", {"parameter hidden", "comma-separated"});
    row("hidden not a number", "hidden", "128,x",
        {"parameter hidden", "expected a whole number", "'x'"});
    row("hidden zero width", "hidden", "128,0", {"parameter hidden", "0 is outside [1, 65536]"});
    row("hidden semicolons", "hidden", "128;32", {"parameter hidden", "'128;32'"});
    row("dropout above maximum", "dropout", "0.96",
        {"parameter dropout", "0.96 is outside [0, 0.95]"});
    row("dropout negative", "dropout", "-0.1", {"parameter dropout", "-0.1 is outside"});
    row("dropout not a number", "dropout", "half",
        {"parameter dropout", "expected a number", "'half'"});
    row("lr zero", "lr", "0", {"parameter lr", "0 is outside [1e-07, 10]"});
    row("lr above maximum", "lr", "11", {"parameter lr", "11 is outside"});
    row("lr not a number", "lr", "abc", {"parameter lr", "expected a number", "'abc'"});
    row("lr nan", "lr", "nan", {"parameter lr", "expected a number", "'nan'"});
    row("lr inf", "lr", "inf", {"parameter lr", "expected a number", "'inf'"});
    row("lr trailing text", "lr", "0.01x", {"parameter lr", "'0.01x'"});
    row("weight_decay negative", "weight_decay", "-1", {"parameter weight_decay", "outside"});
    row("batch_size zero", "batch_size", "0", {"parameter batch_size", "0 is outside"});
    row("batch_size too large", "batch_size", "4194305",
        {"parameter batch_size", "4194305 is outside [1, 4194304]"});
    row("hidden_dim zero", "hidden_dim", "0", {"parameter hidden_dim", "0 is outside"});
    row("latent_dim too large", "latent_dim", "70000",
        {"parameter latent_dim", "70000 is outside [1, 65536]"});
    row("start_beta negative", "start_beta", "-0.1", {"parameter start_beta", "outside"});
    row("offset_beta too large", "offset_beta", "1001",
        {"parameter offset_beta", "1001 is outside [0, 1000]"});
    row("annealer unknown", "annealer", "sigmoid", {"unknown annealer 'sigmoid'"});
    row("factors zero", "factors", "0", {"parameter factors", "0 is outside [1, 8192]"});
    row("reg too large", "reg", "101", {"parameter reg", "101 is outside [0, 100]"});
    row("patience negative", "patience", "-1", {"parameter patience", "-1 is outside"});
    row("patience fraction", "patience", "1.5",
        {"parameter patience", "expected a whole number"});
    row("unknown name", "learning_rate", "0.01", {"unknown parameter 'learning_rate'"});
    row("names are case-sensitive", "LR", "0.01", {"unknown parameter 'LR'"});
}

void tst_ModelSpec::setParamErrors()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QStringList, fragments);

    ModelParams p;
    const ModelParams before = p;
    const Result<void> r = Ncf::setParam(p, name, value);
    QVERIFY(!r.ok());
    for (const QString &fragment : fragments)
        QVERIFY2(r.error().contains(fragment),
                 qPrintable(QStringLiteral("'%1' not in: %2").arg(fragment, r.error())));

    // A rejected value leaves the parameters as they were.
    for (const QString &other : kAllParams)
        QCOMPARE(fieldText(p, other), fieldText(before, other));
}

void tst_ModelSpec::setParamAssignment_data()
{
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::newRow("lr=0.01") << "lr=0.01" << "lr" << "0.01";
    QTest::newRow("spaces around =") << " lr = 0.01" << "lr" << "0.01";
    QTest::newRow("hidden=128,32") << "hidden=128,32" << "hidden" << "128,32";
    QTest::newRow("annealer=linear") << "annealer=linear" << "annealer" << "linear";
    QTest::newRow("patience=0") << "patience=0" << "patience" << "0";
}

void tst_ModelSpec::setParamAssignment()
{
    QFETCH(QString, assignment);
    QFETCH(QString, name);
    QFETCH(QString, expected);

    ModelParams p;
    const Result<void> r = Ncf::setParamAssignment(p, assignment);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error()));
    QCOMPARE(fieldText(p, name), expected);
}

void tst_ModelSpec::setParamAssignmentErrors_data()
{
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("missing =") << "lr" << "expected name=value, found 'lr'";
    QTest::newRow("missing = with value") << "lr 0.01" << "expected name=value, found 'lr 0.01'";
    QTest::newRow("missing name") << "=0.01" << "expected name=value, found '=0.01'";
    QTest::newRow("empty") << "" << "expected name=value, found ''";
    QTest::newRow("missing value") << "lr=" << "parameter lr: expected a number, found ''";
    QTest::newRow("value out of range") << "dropout=2" << "parameter dropout: 2 is outside";
    QTest::newRow("unknown name") << "rate=0.1" << "unknown parameter 'rate'";
}

void tst_ModelSpec::setParamAssignmentErrors()
{
    QFETCH(QString, assignment);
    QFETCH(QString, fragment);

    ModelParams p;
    const Result<void> r = Ncf::setParamAssignment(p, assignment);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(fragment), qPrintable(r.error()));
}

void tst_ModelSpec::paramNamesAreSettable_data()
{
    kindNames_data();
}

void tst_ModelSpec::paramNamesAreSettable()
{
    QFETCH(ModelKind, kind);

    // Each listed name is a known parameter, and setting it from its own text is a no-op.
    ModelParams p = defaultParams(kind);
    for (const QString &name : paramNames(kind)) {
        QVERIFY2(kAllParams.contains(name), qPrintable(name));
        const QString text = fieldText(p, name);
        const Result<void> r = Ncf::setParam(p, name, text);
        QVERIFY2(r.ok(), qPrintable(name + QLatin1String(": ") + (r ? QString() : r.error())));
        QCOMPARE(fieldText(p, name), text);
    }
    QCOMPARE(paramNames(kind).isEmpty(), kind == ModelKind::Mean);
    QCOMPARE(paramNames(kind).contains(QLatin1String("annealer")), kind == ModelKind::Vae);
    QCOMPARE(paramNames(kind).contains(QLatin1String("factors")), kind == ModelKind::Mf);
    QCOMPARE(paramNames(kind).contains(QLatin1String("hidden")), kind == ModelKind::NonLinear);
}

void tst_ModelSpec::jsonRoundTrip_data()
{
    kindNames_data();
}

void tst_ModelSpec::jsonRoundTrip()
{
    QFETCH(ModelKind, kind);

    const ModelParams p = unusualParams();
    const QJsonObject json = paramsToJson(p, kind);

    // Exactly the kind's parameters, no more.
    QStringList keys = json.keys();
    QStringList names = paramNames(kind);
    keys.sort();
    names.sort();
    QCOMPARE(keys, names);

    const Result<ModelParams> back = paramsFromJson(json, kind);
    QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error()));
    QCOMPARE(paramsToJson(*back, kind), json);

    // The kind's parameters keep every bit; the others come from defaultParams(kind).
    const ModelParams defaults = defaultParams(kind);
    for (const QString &name : kAllParams) {
        const QString expected = paramNames(kind).contains(name) ? fieldText(p, name)
                                                                 : fieldText(defaults, name);
        QCOMPARE(fieldText(*back, name), expected);
    }
    if (paramNames(kind).contains(QLatin1String("dropout")))
        QVERIFY(back->dropout == p.dropout);
}

void tst_ModelSpec::jsonErrors_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("out of range")
        << QJsonObject{{QStringLiteral("dropout"), 1.5}} << "parameter dropout: 1.5 is outside";
    QTest::newRow("text for a number")
        << QJsonObject{{QStringLiteral("lr"), QStringLiteral("fast")}}
        << "parameter lr: expected a number, found 'fast'";
    QTest::newRow("boolean")
        << QJsonObject{{QStringLiteral("batch_size"), true}} << "parameter batch_size";
    QTest::newRow("array for hidden")
        << QJsonObject{{QStringLiteral("hidden"), QJsonArray{128, 32}}} << "parameter hidden";
    QTest::newRow("unknown key")
        << QJsonObject{{QStringLiteral("momentum"), 0.9}} << "unknown parameter 'momentum'";
    QTest::newRow("bad annealer")
        << QJsonObject{{QStringLiteral("annealer"), QStringLiteral("step")}}
        << "unknown annealer 'step'";
}

void tst_ModelSpec::jsonErrors()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, fragment);

    const Result<ModelParams> p = paramsFromJson(json, ModelKind::Vae);
    QVERIFY(!p.ok());
    QVERIFY2(p.error().contains(fragment), qPrintable(p.error()));
}

void tst_ModelSpec::annealedBeta_data()
{
    QTest::addColumn<BetaAnnealer>("annealer");
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("offset");
    QTest::addColumn<int>("epoch");
    QTest::addColumn<int>("epochs");
    QTest::addColumn<double>("expected");

    // Start 0.01, offset 0.5 over 5 epochs: t = e / 4, so t = 0, 1/4, 1/2, 1 at e = 0, 1, 2, 4.
    const auto L = BetaAnnealer::Linear, X = BetaAnnealer::Exponential,
               C = BetaAnnealer::Cosine, K = BetaAnnealer::Constant, Z = BetaAnnealer::Zero;
    // linear: 0.01 + 0.5 t
    QTest::newRow("linear first") << L << 0.01 << 0.5 << 0 << 5 << 0.01;
    QTest::newRow("linear t=1/4") << L << 0.01 << 0.5 << 1 << 5 << 0.135;
    QTest::newRow("linear middle") << L << 0.01 << 0.5 << 2 << 5 << 0.26;
    QTest::newRow("linear last") << L << 0.01 << 0.5 << 4 << 5 << 0.51;
    // exponential: 0.01 x 51^t, so 0.01 x 51^(1/4) = 0.01 x 2.6723451177837885 and
    // 0.01 x sqrt(51) = 0.01 x 7.14142842854285
    QTest::newRow("exponential first") << X << 0.01 << 0.5 << 0 << 5 << 0.01;
    QTest::newRow("exponential t=1/4") << X << 0.01 << 0.5 << 1 << 5 << 0.026723451177837885;
    QTest::newRow("exponential middle") << X << 0.01 << 0.5 << 2 << 5 << 0.0714142842854285;
    QTest::newRow("exponential last") << X << 0.01 << 0.5 << 4 << 5 << 0.51;
    // exponential from 0 has no geometric path: 0 + 0.5 t
    QTest::newRow("exponential from zero") << X << 0.0 << 0.5 << 2 << 5 << 0.25;
    // cosine: 0.01 + 0.5 (1 - cos(pi t)) / 2; at t = 1/4, 0.01 + 0.25 (1 - sqrt(2)/2)
    //   = 0.26 - 0.125 sqrt(2) = 0.26 - 0.17677669529663688
    QTest::newRow("cosine first") << C << 0.01 << 0.5 << 0 << 5 << 0.01;
    QTest::newRow("cosine t=1/4") << C << 0.01 << 0.5 << 1 << 5 << 0.08322330470336312;
    QTest::newRow("cosine middle") << C << 0.01 << 0.5 << 2 << 5 << 0.26;
    QTest::newRow("cosine last") << C << 0.01 << 0.5 << 4 << 5 << 0.51;
    QTest::newRow("constant first") << K << 0.01 << 0.5 << 0 << 5 << 0.01;
    QTest::newRow("constant last") << K << 0.01 << 0.5 << 4 << 5 << 0.01;
    QTest::newRow("zero first") << Z << 0.01 << 0.5 << 0 << 5 << 0.0;
    QTest::newRow("zero last") << Z << 0.01 << 0.5 << 4 << 5 << 0.0;
    // Two epochs: t = 0 then 1.
    QTest::newRow("linear two epochs, last") << L << 0.2 << 0.3 << 1 << 2 << 0.5;
    QTest::newRow("exponential two epochs, last") << X << 0.2 << 0.3 << 1 << 2 << 0.5;
    // One epoch: t = 0, so every schedule stays at its start.
    QTest::newRow("linear one epoch") << L << 0.01 << 0.5 << 0 << 1 << 0.01;
    QTest::newRow("exponential one epoch") << X << 0.01 << 0.5 << 0 << 1 << 0.01;
    QTest::newRow("cosine one epoch") << C << 0.01 << 0.5 << 0 << 1 << 0.01;
    QTest::newRow("constant one epoch") << K << 0.01 << 0.5 << 0 << 1 << 0.01;
    QTest::newRow("zero one epoch") << Z << 0.01 << 0.5 << 0 << 1 << 0.0;
}

void tst_ModelSpec::annealedBeta()
{
    QFETCH(BetaAnnealer, annealer);
    QFETCH(double, start);
    QFETCH(double, offset);
    QFETCH(int, epoch);
    QFETCH(int, epochs);
    QFETCH(double, expected);

    const double beta = Ncf::annealedBeta(annealer, start, offset, epoch, epochs);
    QVERIFY2(std::abs(beta - expected) <= 1e-12,
             qPrintable(QStringLiteral("beta %1, expected %2")
                            .arg(beta, 0, 'g', 17)
                            .arg(expected, 0, 'g', 17)));
}

QTEST_GUILESS_MAIN(tst_ModelSpec)

#include "tst_modelspec.moc"
