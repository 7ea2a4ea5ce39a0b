#pragma once

#include "core/common/random.h"
#include "core/common/result.h"

#include <QJsonObject>
#include <QString>

#include <map>
#include <vector>

namespace Ncf {

//! Settings of the asynchronous successive-halving scheduler (Ray Tune's ASHAScheduler).
//! Example: `AshaSettings s; s.maxT = 20; s.reductionFactor = 3;`
struct AshaSettings
{
    int maxT = 10;              //!< [max_t] the most epochs a trial may run
    int gracePeriod = 1;        //!< [grace_period] epochs before the first decision
    double reductionFactor = 2; //!< [reduction_factor] keep the top 1/rf at each rung
    int brackets = 1;           //!< [brackets]
    bool stopLastTrials = true; //!< stop a trial when it reaches max_t
    bool minimize = true;       //!< the metric is a loss

    QJsonObject toJson() const;
    static Result<AshaSettings> fromJson(const QJsonObject &json);
};

//! Checks max_t > 0, 0 < grace <= max_t, rf > 1, brackets > 0.
Result<void> validateAsha(const AshaSettings &settings);

enum class SchedulerDecision { Continue, Stop };

// Note [ASHA]: behaves as ../shared/ASHA.md describes Ray Tune's scheduler. Each bracket s
// has int(log(max_t / grace) / log(rf) - s + 1) rungs at milestones grace * rf^(k + s), walked
// from the highest down. A trial's result at epoch t acts on the first rung whose milestone
// is <= t and that has not recorded the trial: the trial stops when that rung already has a
// cutoff (the (1 - 1/rf) quantile of the scores recorded there, linearly interpolated) and
// its score is strictly below it; either way its score is recorded. Scores are signed so
// that larger is better. The whole state (rungs, brackets, generator) round-trips through
// JSON, so a search resumed after a crash decides exactly as it would have.

//! The scheduler's state and decisions. Not thread-safe: the search calls it from one thread.
class AshaScheduler
{
public:
    explicit AshaScheduler(const AshaSettings &settings = {}, uint64_t seed = 0);

    const AshaSettings &settings() const { return m_settings; }
    int bracketCount() const { return int(m_brackets.size()); }
    //! Milestones of bracket `bracket`, highest first.
    std::vector<double> milestones(int bracket) const;

    //! Registers a trial; with several brackets it joins one at random, weighted towards the
    //! bracket with most rungs. Returns the bracket.
    int addTrial(const QString &trial);
    //! A result at epoch `epoch` (1-based) with `metric`: go on or stop.
    SchedulerDecision onResult(const QString &trial, int epoch, double metric);
    //! The trial ended on its own; its last result is recorded like any other.
    void onComplete(const QString &trial, int epoch, double metric);

    //! Scores recorded at rung `rung` (0 = highest milestone) of `bracket`, by trial.
    const std::map<QString, double> &recorded(int bracket, int rung) const;
    //! The cutoff a new arrival at that rung would face, or NaN when the rung is empty.
    double cutoff(int bracket, int rung) const;

    QJsonObject toJson() const;
    static Result<AshaScheduler> fromJson(const QJsonObject &json);

private:
    struct Rung
    {
        double milestone = 0.0;
        std::map<QString, double> scores;
    };
    using Bracket = std::vector<Rung>;

    SchedulerDecision walk(const QString &trial, int epoch, double metric);
    static double cutoffOf(const Rung &rung, double reductionFactor);

    AshaSettings m_settings;
    std::vector<Bracket> m_brackets;
    std::map<QString, int> m_bracketOf;
    Rng m_rng;
};

} // namespace Ncf
