// Search spaces: presets, JSON round trips, sampling inside the ranges, log-uniform shape.

#include "core/search/searchspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <set>

using namespace Ncf;

Q_DECLARE_METATYPE(Ncf::ModelKind)

namespace {

const ParamDomain *find(const SearchSpace &space, const QString &name)
{
    for (const ParamDomain &d : space.params)
        if (d.name == name)
            return &d;
    return nullptr;
}

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class tst_SearchSpace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presets_data();
    void presets();
    void nonLinearPresetMatchesTheIssue();
    void vaePresetMatchesTheIssue();
    void samplesStayInside_data();
    void samplesStayInside();
    void logUniformIsLogUniform();
    void sameSeedSameConfigs();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void badSpaces_data();
    void badSpaces();
    void paramsForAppliesConfig();
};

void tst_SearchSpace::presets_data()
{
    QTest::addColumn<ModelKind>("model");
    QTest::newRow("nonlinear") << ModelKind::NonLinear;
    QTest::newRow("autoencoder") << ModelKind::Autoencoder;
    QTest::newRow("vae") << ModelKind::Vae;
    QTest::newRow("mf") << ModelKind::Mf;
}

void tst_SearchSpace::presets()
{
    QFETCH(ModelKind, model);
    const SearchSpace preset = presetSpace(model);
    // A preset is a valid space and every sample of it gives valid parameters.
    Result<SearchSpace> parsed = SearchSpace::fromJson(preset.toJson());
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error()));
    Rng rng(1);
    for (int i = 0; i < 200; ++i) {
        const Result<ModelParams> p = preset.paramsFor(preset.sample(rng));
        QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error()));
        QCOMPARE(p->batchSize, 1024);
    }
}

void tst_SearchSpace::nonLinearPresetMatchesTheIssue()
{
    const SearchSpace s = presetSpace(ModelKind::NonLinear);
    QCOMPARE(s.maxEpochs, 100);
    const ParamDomain *embedding = find(s, QStringLiteral("embedding_dim"));
    QVERIFY(embedding);
    QCOMPARE(embedding->values.size(), size_t(6)); // 32, 64, ..., 1024
    QCOMPARE(embedding->values.front().toInt(), 32);
    QCOMPARE(embedding->values.back().toInt(), 1024);
    const ParamDomain *dropout = find(s, QStringLiteral("dropout"));
    QVERIFY(dropout);
    QList<double> steps;
    for (const QJsonValue &v : dropout->values)
        steps << v.toDouble();
    QCOMPARE(steps, (QList<double>{0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5}));
    const ParamDomain *lr = find(s, QStringLiteral("lr"));
    QVERIFY(lr);
    QCOMPARE(int(lr->kind), int(ParamDomain::Kind::LogUniform));
    QCOMPARE(lr->low, 1e-4);
    QCOMPARE(lr->high, 1e-2);
}

void tst_SearchSpace::vaePresetMatchesTheIssue()
{
    const SearchSpace s = presetSpace(ModelKind::Vae);
    QCOMPARE(s.maxEpochs, 20);
    const ParamDomain *beta = find(s, QStringLiteral("start_beta"));
    QVERIFY(beta);
    QCOMPARE(int(beta->kind), int(ParamDomain::Kind::Uniform));
    QCOMPARE(beta->low, 1e-4);
    QCOMPARE(beta->high, 1e-2);
    const ParamDomain *offset = find(s, QStringLiteral("offset_beta"));
    QVERIFY(offset && offset->low == 0.0 && offset->high == 1.0);
    const ParamDomain *annealer = find(s, QStringLiteral("annealer"));
    QVERIFY(annealer);
    QCOMPARE(annealer->values.size(), size_t(5));
    const ParamDomain *latent = find(s, QStringLiteral("latent_dim"));
    QVERIFY(latent && latent->values.front().toInt() == 8 && latent->values.back().toInt() == 256);
}

void tst_SearchSpace::samplesStayInside_data()
{
    QTest::addColumn<ModelKind>("model");
    QTest::newRow("nonlinear") << ModelKind::NonLinear;
    QTest::newRow("vae") << ModelKind::Vae;
}

void tst_SearchSpace::samplesStayInside()
{
    QFETCH(ModelKind, model);
    const SearchSpace s = presetSpace(model);
    Rng rng(5);
    std::map<QString, std::set<QString>> seen;
    for (int i = 0; i < 2000; ++i) {
        const QJsonObject config = s.sample(rng);
        for (const ParamDomain &d : s.params) {
            const QJsonValue v = config.value(d.name);
            if (d.kind == ParamDomain::Kind::Choice) {
                QVERIFY(std::find(d.values.begin(), d.values.end(), v) != d.values.end());
                seen[d.name].insert(v.toVariant().toString());
            } else {
                QVERIFY2(v.toDouble() >= d.low && v.toDouble() < d.high,
                         qPrintable(QString::number(v.toDouble())));
            }
        }
    }
    // Every choice is drawn eventually.
    for (const ParamDomain &d : s.params)
        if (d.kind == ParamDomain::Kind::Choice)
            QCOMPARE(seen[d.name].size(), d.values.size());
}

void tst_SearchSpace::logUniformIsLogUniform()
{
    // log10 of a draw from [1e-4, 1e-2] is uniform on [-4, -2]: each quarter of that interval
    // holds a quarter of the draws, and the geometric midpoint 1e-3 splits them in half.
    const ParamDomain lr = *find(presetSpace(ModelKind::NonLinear), QStringLiteral("lr"));
    Rng rng(11);
    const int n = 40000;
    int quarters[4] = {0, 0, 0, 0};
    int belowMidpoint = 0;
    for (int i = 0; i < n; ++i) {
        const double x = lr.sample(rng).toDouble();
        const double t = (std::log10(x) + 4.0) / 2.0;
        ++quarters[std::clamp(int(t * 4.0), 0, 3)];
        belowMidpoint += x < 1e-3;
    }
    for (int q : quarters)
        QVERIFY2(qAbs(q / double(n) - 0.25) < 0.01, qPrintable(QString::number(q)));
    QVERIFY(qAbs(belowMidpoint / double(n) - 0.5) < 0.01);
    // A uniform draw would put only (1e-3 - 1e-4) / (1e-2 - 1e-4) = 9 % below the midpoint.
}

void tst_SearchSpace::sameSeedSameConfigs()
{
    const SearchSpace s = presetSpace(ModelKind::Vae);
    Rng a(42), b(42), c(43);
    bool differs = false;
    for (int i = 0; i < 20; ++i) {
        const QJsonObject x = s.sample(a);
        QCOMPARE(s.sample(b), x);
        differs = differs || s.sample(c) != x;
    }
    QVERIFY(differs);
}

void tst_SearchSpace::jsonRoundTrip_data()
{
    presets_data();
}

void tst_SearchSpace::jsonRoundTrip()
{
    QFETCH(ModelKind, model);
    const SearchSpace s = presetSpace(model);
    const QByteArray text = QJsonDocument(s.toJson()).toJson();
    Result<SearchSpace> back = SearchSpace::fromJson(QJsonDocument::fromJson(text).object());
    QVERIFY(back.ok());
    QCOMPARE(QJsonDocument(back->toJson()).toJson(), text);
}

void tst_SearchSpace::badSpaces_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown model") << QByteArray(R"({"model": "svd"})") << "unknown model 'svd'";
    QTest::newRow("unknown type")
        << QByteArray(R"({"model": "mf", "params": {"reg": {"type": "normal"}}})")
        << "parameter reg: unknown type 'normal'";
    QTest::newRow("low above high")
        << QByteArray(R"({"model": "mf", "params": {"reg": {"type": "uniform", "low": 0.2,
                         "high": 0.1}}})")
        << "low 0.2 must be below high 0.1";
    QTest::newRow("log of zero")
        << QByteArray(R"({"model": "mf", "params": {"reg": {"type": "loguniform", "low": 0,
                         "high": 0.1}}})")
        << "needs low > 0";
    QTest::newRow("empty choice")
        << QByteArray(R"({"model": "mf", "params": {"factors": {"type": "choice",
                         "values": []}}})")
        << "at least one value";
    QTest::newRow("unknown parameter")
        << QByteArray(R"({"model": "mf", "params": {"depth": {"type": "choice",
                         "values": [1]}}})")
        << "unknown parameter 'depth'";
    QTest::newRow("value out of range")
        << QByteArray(R"({"model": "nonlinear", "params": {"dropout": {"type": "choice",
                         "values": [0.1, 0.99]}}})")
        << "parameter dropout";
    QTest::newRow("bad fixed value")
        << QByteArray(R"({"model": "nonlinear", "fixed": {"batch_size": 0}})")
        << "parameter batch_size";
    QTest::newRow("max_epochs zero") << QByteArray(R"({"model": "mf", "max_epochs": 0})")
                                     << "max_epochs must be positive";
}

void tst_SearchSpace::badSpaces()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    QVERIFY(doc.isObject());
    Result<SearchSpace> s = SearchSpace::fromJson(doc.object());
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(message), qPrintable(s.error()));
}

void tst_SearchSpace::paramsForAppliesConfig()
{
    Result<SearchSpace> s = SearchSpace::fromJson(parse(
        R"({"model": "vae", "fixed": {"batch_size": 512},
            "params": {"annealer": {"type": "choice", "values": ["cosine"]},
                       "latent_dim": {"type": "choice", "values": [16]}}})"));
    QVERIFY(s.ok());
    Rng rng(3);
    Result<ModelParams> p = s->paramsFor(s->sample(rng));
    QVERIFY(p.ok());
    QCOMPARE(p->batchSize, 512);
    QCOMPARE(p->latentDim, 16);
    QCOMPARE(int(p->annealer), int(BetaAnnealer::Cosine));
    QCOMPARE(p->hiddenDim, defaultParams(ModelKind::Vae).hiddenDim);
}

QTEST_GUILESS_MAIN(tst_SearchSpace)
#include "tst_searchspace.moc"
