#include "core/search/asha.h"

#include "core/common/tr.h"
#include "core/stats/eda.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace Ncf {

QJsonObject AshaSettings::toJson() const
{
    return QJsonObject{{QStringLiteral("max_t"), maxT},
                       {QStringLiteral("grace_period"), gracePeriod},
                       {QStringLiteral("reduction_factor"), reductionFactor},
                       {QStringLiteral("brackets"), brackets},
                       {QStringLiteral("stop_last_trials"), stopLastTrials},
                       {QStringLiteral("mode"), minimize ? QStringLiteral("min")
                                                         : QStringLiteral("max")}};
}

Result<AshaSettings> AshaSettings::fromJson(const QJsonObject &json)
{
    AshaSettings s;
    s.maxT = json.value(QStringLiteral("max_t")).toInt(s.maxT);
    s.gracePeriod = json.value(QStringLiteral("grace_period")).toInt(s.gracePeriod);
    s.reductionFactor = json.value(QStringLiteral("reduction_factor")).toDouble(s.reductionFactor);
    s.brackets = json.value(QStringLiteral("brackets")).toInt(s.brackets);
    s.stopLastTrials = json.value(QStringLiteral("stop_last_trials")).toBool(s.stopLastTrials);
    const QString mode = json.value(QStringLiteral("mode")).toString(QStringLiteral("min"));
    if (mode != QLatin1String("min") && mode != QLatin1String("max"))
        return makeError(SearchTr::tr("ASHA: mode must be \"min\" or \"max\", not \"%1\"")
                             .arg(mode));
    s.minimize = mode == QLatin1String("min");
    if (Result<void> valid = validateAsha(s); !valid)
        return makeError(valid.error());
    return s;
}

Result<void> validateAsha(const AshaSettings &s)
{
    if (s.maxT <= 0)
        return makeError(SearchTr::tr("ASHA: max_t must be positive, not %1").arg(s.maxT));
    if (s.gracePeriod <= 0 || s.gracePeriod > s.maxT)
        return makeError(SearchTr::tr("ASHA: grace_period must be in 1..max_t (%1), not %2")
                             .arg(s.maxT)
                             .arg(s.gracePeriod));
    if (!(s.reductionFactor > 1.0))
        return makeError(SearchTr::tr("ASHA: reduction_factor must be above 1, not %1")
                             .arg(s.reductionFactor));
    if (s.brackets <= 0)
        return makeError(SearchTr::tr("ASHA: brackets must be positive, not %1").arg(s.brackets));
    return {};
}

AshaScheduler::AshaScheduler(const AshaSettings &settings, uint64_t seed)
    : m_settings(settings)
    , m_rng(seed)
{
    const double ratio = std::log(double(settings.maxT) / double(settings.gracePeriod))
                         / std::log(settings.reductionFactor);
    for (int s = 0; s < std::max(1, settings.brackets); ++s) {
        const int rungs = int(ratio - double(s) + 1.0);
        Bracket bracket;
        for (int k = rungs - 1; k >= 0; --k)
            bracket.push_back({settings.gracePeriod * std::pow(settings.reductionFactor, k + s),
                               {}});
        m_brackets.push_back(bracket);
    }
}

std::vector<double> AshaScheduler::milestones(int bracket) const
{
    std::vector<double> out;
    for (const Rung &rung : m_brackets[size_t(bracket)])
        out.push_back(rung.milestone);
    return out;
}

int AshaScheduler::addTrial(const QString &trial)
{
    int bracket = 0;
    if (m_brackets.size() > 1) {
        size_t most = 0;
        for (const Bracket &b : m_brackets)
            most = std::max(most, b.size());
        std::vector<double> weights;
        double total = 0.0;
        for (const Bracket &b : m_brackets) {
            weights.push_back(std::exp(double(b.size()) - double(most)));
            total += weights.back();
        }
        double pick = m_rng.uniform() * total;
        for (bracket = 0; bracket + 1 < int(weights.size()); ++bracket) {
            pick -= weights[size_t(bracket)];
            if (pick < 0.0)
                break;
        }
    }
    m_bracketOf[trial] = bracket;
    return bracket;
}

double AshaScheduler::cutoffOf(const Rung &rung, double reductionFactor)
{
    std::vector<double> scores;
    for (const auto &[trial, score] : rung.scores)
        if (!std::isnan(score))
            scores.push_back(score);
    if (scores.empty())
        return std::nan("");
    std::sort(scores.begin(), scores.end());
    return quantileLinear(scores, 1.0 - 1.0 / reductionFactor);
}

double AshaScheduler::cutoff(int bracket, int rung) const
{
    return cutoffOf(m_brackets[size_t(bracket)][size_t(rung)], m_settings.reductionFactor);
}

const std::map<QString, double> &AshaScheduler::recorded(int bracket, int rung) const
{
    return m_brackets[size_t(bracket)][size_t(rung)].scores;
}

SchedulerDecision AshaScheduler::walk(const QString &trial, int epoch, double metric)
{
    if (std::isnan(metric))
        return SchedulerDecision::Continue;
    if (epoch >= m_settings.maxT && m_settings.stopLastTrials)
        return SchedulerDecision::Stop;
    const auto found = m_bracketOf.find(trial);
    const int bracket = found == m_bracketOf.end() ? addTrial(trial) : found->second;
    const double score = m_settings.minimize ? -metric : metric;
    for (Rung &rung : m_brackets[size_t(bracket)]) {
        if (rung.milestone > double(epoch))
            continue;
        if (rung.scores.count(trial))
            break; // already judged at the highest milestone it has reached
        const double cut = cutoffOf(rung, m_settings.reductionFactor);
        rung.scores[trial] = score;
        return !std::isnan(cut) && score < cut ? SchedulerDecision::Stop
                                               : SchedulerDecision::Continue;
    }
    return SchedulerDecision::Continue;
}

SchedulerDecision AshaScheduler::onResult(const QString &trial, int epoch, double metric)
{
    return walk(trial, epoch, metric);
}

void AshaScheduler::onComplete(const QString &trial, int epoch, double metric)
{
    // The last result is recorded (unless it is max_t's, which rungs never hold).
    if (!(epoch >= m_settings.maxT && m_settings.stopLastTrials))
        walk(trial, epoch, metric);
    m_bracketOf.erase(trial);
}

QJsonObject AshaScheduler::toJson() const
{
    QJsonArray brackets;
    for (const Bracket &b : m_brackets) {
        QJsonArray rungs;
        for (const Rung &r : b) {
            QJsonObject scores;
            for (const auto &[trial, score] : r.scores)
                scores.insert(trial, score);
            rungs.append(QJsonObject{{QStringLiteral("milestone"), r.milestone},
                                     {QStringLiteral("scores"), scores}});
        }
        brackets.append(rungs);
    }
    QJsonObject members;
    for (const auto &[trial, bracket] : m_bracketOf)
        members.insert(trial, bracket);
    return QJsonObject{{QStringLiteral("settings"), m_settings.toJson()},
                       {QStringLiteral("brackets"), brackets},
                       {QStringLiteral("trials"), members},
                       {QStringLiteral("rng"), m_rng.toJson()}};
}

Result<AshaScheduler> AshaScheduler::fromJson(const QJsonObject &json)
{
    Result<AshaSettings> settings = AshaSettings::fromJson(
        json.value(QStringLiteral("settings")).toObject());
    if (!settings)
        return makeError(settings.error());
    AshaScheduler scheduler(*settings);
    const QJsonArray brackets = json.value(QStringLiteral("brackets")).toArray();
    if (brackets.size() != qsizetype(scheduler.m_brackets.size()))
        return makeError(SearchTr::tr("ASHA state: %1 brackets saved, the settings give %2")
                             .arg(brackets.size())
                             .arg(scheduler.m_brackets.size()));
    for (qsizetype b = 0; b < brackets.size(); ++b) {
        const QJsonArray rungs = brackets[b].toArray();
        Bracket &bracket = scheduler.m_brackets[size_t(b)];
        if (rungs.size() != qsizetype(bracket.size()))
            return makeError(SearchTr::tr("ASHA state: bracket %1 has %2 rungs saved, the "
                                          "settings give %3")
                                 .arg(b)
                                 .arg(rungs.size())
                                 .arg(bracket.size()));
        for (qsizetype r = 0; r < rungs.size(); ++r) {
            const QJsonObject scores
                = rungs[r].toObject().value(QStringLiteral("scores")).toObject();
            for (auto it = scores.begin(); it != scores.end(); ++it)
                bracket[size_t(r)].scores[it.key()] = it.value().toDouble();
        }
    }
    const QJsonObject members = json.value(QStringLiteral("trials")).toObject();
    for (auto it = members.begin(); it != members.end(); ++it)
        scheduler.m_bracketOf[it.key()] = it.value().toInt();
    if (Result<Rng> rng = Rng::fromJson(json.value(QStringLiteral("rng")).toObject()); rng)
        scheduler.m_rng = *rng;
    else
        return makeError(rng.error());
    return scheduler;
}

} // namespace Ncf
