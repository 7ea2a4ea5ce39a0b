// Two figures of the workbench's GUI, printed as text:
//  1. the longest stall of the GUI event loop (a 5 ms timer probe) while the Search tab
//     trains two trials at once and its charts and table update live;
//  2. the time the Search tab takes to restore a database of 100 trials x 100 epochs
//     (trials table, loss chart with 100 series, scatter).
// Usage: QT_QPA_PLATFORM=offscreen build/bin/ncf-gui-bench [--shape 100k|1m] [--epochs N]

#include "core/data/synth.h"
#include "core/search/searchrunner.h"
#include "core/storage/experimentstore.h"
#include "core/training/training.h"
#include "ui/chartcard.h"
#include "ui/datatab.h"
#include "ui/searchtab.h"

#include <QApplication>
#include <QChart>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QXYSeries>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Ncf;
using namespace Ncf::Ui;

namespace {

void fail(const QString &message)
{
    std::fprintf(stderr, "ncf-gui-bench: %s\n", qPrintable(message));
    std::exit(1);
}

//! Gaps between ticks of a 5 ms timer on the GUI thread.
class StallProbe
{
public:
    StallProbe()
    {
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            if (m_clock.isValid())
                m_gaps.push_back(m_clock.nsecsElapsed() * 1e-6);
            m_clock.start();
        });
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.start(5);
    }
    void report() const
    {
        std::vector<double> gaps = m_gaps;
        std::sort(gaps.begin(), gaps.end());
        const auto over = std::count_if(gaps.begin(), gaps.end(), [](double g) { return g > 50; });
        std::printf("event loop: %zu ticks of a 5 ms timer; longest gap %.1f ms, p99 %.1f ms, "
                    "median %.1f ms, %lld gaps over 50 ms\n",
                    gaps.size(), gaps.empty() ? 0.0 : gaps.back(),
                    gaps.empty() ? 0.0 : gaps[size_t(0.99 * double(gaps.size() - 1))],
                    gaps.empty() ? 0.0 : gaps[gaps.size() / 2], static_cast<long long>(over));
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::vector<double> m_gaps;
};

void waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    const QString shape = args.contains("--shape") ? args.value(args.indexOf("--shape") + 1)
                                                   : QStringLiteral("1m");
    const int epochs = args.contains("--epochs") ? args.value(args.indexOf("--epochs") + 1).toInt()
                                                 : 4;
    QTemporaryDir dir;
    Result<SynthShape> synthShape = synthShapeFromName(shape);
    if (!synthShape)
        fail(synthShape.error());
    Result<QString> file = writeSynthetic(synthSpec(*synthShape), 1, dir.filePath("data"));
    if (!file)
        fail(file.error());

    // 1. Two trials at once, two worker threads of one intra-op thread each.
    DataTab data;
    SearchTab search(&data);
    search.resize(1400, 900);
    search.show();
    data.open(*file);
    waitFor([&] { return bool(data.dataset()); }, 120000);
    if (!data.dataset())
        fail(QStringLiteral("the dataset did not load"));
    search.setAskToResume(false);
    search.setDatabasePath(dir.filePath("live.sqlite"));
    search.setModel(ModelKind::Mf);
    search.setAlgorithm(QStringLiteral("random"));
    search.setTrials(2);
    search.setWorkers(2);
    search.setThreadsPerTrial(1);
    search.setEpochs(epochs);
    bool finished = false;
    QObject::connect(&search, &SearchTab::searchFinished, [&] { finished = true; });
    QElapsedTimer wall;
    wall.start();
    {
        StallProbe probe;
        search.start();
        waitFor([&] { return finished; }, 600000);
        std::printf("search of 2 mf trials x %d epochs on the %s shape, 2 at once: %.1f s\n",
                    epochs, qPrintable(shape), wall.nsecsElapsed() * 1e-9);
        probe.report();
    }

    // 2. A database of 100 trials x 100 epochs, written through the store as a search would.
    const QString big = dir.filePath("big.sqlite");
    {
        Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(big);
        Result<ModelEngine *> engine = modelEngine();
        if (!store || !engine)
            fail(store ? engine.error() : store.error());
        SearchRunner runner(**store, data.dataset()->data, **engine);
        SearchSettings settings;
        settings.space = presetSpace(ModelKind::Mf);
        settings.space.maxEpochs = 100;
        settings.trials = 100;
        Result<qint64> id = runner.create(settings, QStringLiteral("bench"));
        if (!id)
            fail(id.error());
        for (const TrialRecord &trial : *(*store)->trials(*id)) {
            TrialRecord done = trial;
            double best = 10.0;
            for (int e = 1; e <= 100; ++e) {
                EpochRecord epoch;
                epoch.trialId = trial.id;
                epoch.report.epoch = e;
                epoch.report.valRmse = 0.85 + 0.3 / e + 0.001 * trial.number;
                epoch.report.valMse = epoch.report.valRmse * epoch.report.valRmse / 16.0;
                epoch.report.trainMse = epoch.report.valMse * 0.9;
                epoch.report.seconds = 0.1;
                best = std::min(best, epoch.report.valRmse);
                if (Result<void> r = (*store)->addEpoch(epoch); !r)
                    fail(r.error());
            }
            done.status = TrialStatus::Completed;
            done.epochs = 100;
            done.bestEpoch = 100;
            done.bestValRmse = best;
            done.bestValMse = best * best / 16.0;
            if (Result<void> r = (*store)->finishTrial(done); !r)
                fail(r.error());
        }
        (*store)->setExperimentStatus(*id, QStringLiteral("finished")).ok();
    }
    for (int run = 1; run <= 3; ++run) {
        SearchTab restored(&data);
        restored.setAskToResume(false);
        restored.resize(1400, 900);
        restored.show();
        QApplication::processEvents();
        QElapsedTimer timer;
        timer.start();
        restored.setDatabasePath(big);
        waitFor([&] { return restored.lossChart()->chart()->series().size() >= 100; }, 60000);
        QApplication::processEvents();
        const double seconds = timer.nsecsElapsed() * 1e-9;
        qsizetype points = 0;
        for (QAbstractSeries *s : restored.lossChart()->chart()->series())
            if (auto *xy = qobject_cast<QXYSeries *>(s))
                points += xy->count();
        std::printf("restore %d: 100 trials x 100 epochs (%lld points) in %.3f s\n", run,
                    static_cast<long long>(points), seconds);
    }
    return 0;
}
