// Drives the real Search tab offscreen: a random search and an ASHA search of matrix
// factorisation on a small synthetic dataset, the live table and charts checked against
// the experiment store, exports, restoring from the database, pause, cancel and resume of
// an interrupted search, the space editor's form and JSON, and a 100 x 100 restore.

#include "ui/chartcard.h"
#include "ui/datatab.h"
#include "ui/searchcharts.h"
#include "ui/searchresults.h"
#include "ui/searchtab.h"
#include "ui/spaceeditor.h"
#include "ui/trialsmodel.h"
#include "uitestfixture.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QValueAxis>

#include <cmath>
#include <map>

using namespace Ncf;
using namespace Ncf::Ui;

namespace {

QList<QLineSeries *> lines(ChartCard *card)
{
    QList<QLineSeries *> out;
    for (QAbstractSeries *s : card->chart()->series())
        if (auto *line = qobject_cast<QLineSeries *>(s))
            out << line;
    return out;
}

//! Points of the scatter's trial series, the selection overlay left out.
int scatterPoints(ChartCard *card)
{
    int n = 0;
    for (QAbstractSeries *s : card->chart()->series())
        if (auto *scatter = qobject_cast<QScatterSeries *>(s);
            scatter && s->objectName() != QLatin1String("selection"))
            n += scatter->count();
    return n;
}

std::unique_ptr<ExperimentStore> openStore(const QString &path)
{
    Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(path);
    return store ? std::move(*store) : nullptr;
}

std::map<qint64, TrialRecord> storedTrials(ExperimentStore &store, qint64 id)
{
    std::map<qint64, TrialRecord> out;
    for (const TrialRecord &t : *store.trials(id))
        out[t.id] = t;
    return out;
}

std::vector<EpochReport> storedEpochs(ExperimentStore &store, qint64 trialId)
{
    std::vector<EpochReport> out;
    for (const EpochRecord &e : *store.epochs(trialId))
        out.push_back(e.report);
    std::sort(out.begin(), out.end(), [](auto &a, auto &b) { return a.epoch < b.epoch; });
    return out;
}

QVariant cell(TrialsModel *model, int row, int column, int role = Qt::DisplayRole)
{
    return model->index(row, column).data(role);
}

//! Every trial's row, series and scatter point agree with the store.
void compareWithStore(SearchTab &tab, ExperimentStore &store, qint64 id)
{
    const std::map<qint64, TrialRecord> trials = storedTrials(store, id);
    TrialsModel *model = tab.trialsModel();
    QCOMPARE(model->rowCount(), int(trials.size()));
    int withEpochs = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const qint64 trialId = cell(model, row, 0, TrialsModel::TrialIdRole).toLongLong();
        QVERIFY(trials.count(trialId));
        const TrialRecord &t = trials.at(trialId);
        QCOMPARE(cell(model, row, TrialsModel::NumberColumn).toInt(), t.number);
        QCOMPARE(cell(model, row, TrialsModel::StatusColumn, TrialsModel::StatusRole).toInt(),
                 int(t.status));
        QCOMPARE(cell(model, row, TrialsModel::StatusColumn).toString(),
                 trialStatusLabel(t.status));
        QCOMPARE(cell(model, row, TrialsModel::EpochsColumn).toInt(), t.epochs);
        if (t.epochs > 0 && t.status != TrialStatus::Interrupted)
            QCOMPARE(cell(model, row, TrialsModel::BestRmseColumn, TrialsModel::SortRole)
                         .toDouble(),
                     t.bestValRmse);
        const std::vector<EpochReport> epochs = storedEpochs(store, t.id);
        QLineSeries *series = tab.lossLines()->series(t.id);
        if (epochs.empty()) {
            QVERIFY(!series || series->count() == 0);
            continue;
        }
        ++withEpochs;
        QVERIFY(series);
        QCOMPARE(series->count(), int(epochs.size()));
        for (int k = 0; k < series->count(); ++k) {
            QCOMPARE(series->at(k).x(), double(epochs[size_t(k)].epoch));
            QCOMPARE(series->at(k).y(), epochs[size_t(k)].valRmse);
        }
    }
    QCOMPARE(lines(tab.lossChart()).size(), withEpochs);
    QCOMPARE(scatterPoints(tab.scatterChart()), withEpochs);
}

} // namespace

//! compareWithStore(), returning from the test when it failed.
#define COMPARE_WITH_STORE(tab, store, id)                                                 \
    do {                                                                                  \
        compareWithStore(tab, store, id);                                                 \
        if (QTest::currentTestFailed())                                                   \
            return;                                                                       \
    } while (false)

class tst_SearchTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void spaceEditorFormAndJson();
    void randomSearchFillsTableAndChartsExportsAndRestores();
    void ashaStopsTrialsEarly();
    void pauseHoldsThenCancelLeavesAResumableSearch();
    void interruptedSearchIsOfferedAndResumed();
    void restoresHundredTrialsQuickly();
    void destroyWhileRunning();

private:
    QTemporaryDir m_dir;
    QString m_data;
};

void tst_SearchTab::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    Result<QString> written
        = UiFixture::writeSmallDataset(m_dir.filePath(QStringLiteral("data")));
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error()));
    m_data = *written;
}

void tst_SearchTab::spaceEditorFormAndJson()
{
    DataTab data;
    SearchTab tab(&data);
    tab.setAskToResume(false);
    tab.setDatabasePath(m_dir.filePath(QStringLiteral("none.sqlite")));
    QCOMPARE(tab.experimentId(), 0);
    tab.setModel(ModelKind::Mf);
    SpaceEditor *editor = tab.spaceEditor();
    QVERIFY(editor->isValid());
    QTableWidget *form = editor->form();
    QCOMPARE(form->rowCount(), 4); // batch_size (fixed), factors, lr, reg
    auto rowOf = [&](const QString &name) {
        for (int r = 0; r < form->rowCount(); ++r)
            if (form->item(r, SpaceEditor::NameColumn)->text() == name)
                return r;
        return -1;
    };
    auto json = [&] {
        return QJsonDocument::fromJson(editor->jsonEdit()->toPlainText().toUtf8()).object();
    };
    auto param = [&](const QString &name) {
        return json().value(QLatin1String("params")).toObject().value(name).toObject();
    };
    QCOMPARE(json().value(QLatin1String("model")).toString(), QStringLiteral("mf"));
    QVERIFY(rowOf(QStringLiteral("reg")) >= 0);

    // Form -> JSON: a bound, then a kind (the choice's extremes become the range).
    const int reg = rowOf(QStringLiteral("reg"));
    form->item(reg, SpaceEditor::LowColumn)->setText(QStringLiteral("0.005"));
    QCOMPARE(param(QStringLiteral("reg")).value(QLatin1String("low")).toDouble(), 0.005);
    auto *kind = qobject_cast<QComboBox *>(
        form->cellWidget(rowOf(QStringLiteral("factors")), SpaceEditor::KindColumn));
    QVERIFY(kind);
    kind->setCurrentIndex(kind->findData(QStringLiteral("uniform")));
    QCOMPARE(param(QStringLiteral("factors")).value(QLatin1String("type")).toString(),
             QStringLiteral("uniform"));
    QCOMPARE(param(QStringLiteral("factors")).value(QLatin1String("low")).toDouble(), 8.0);
    QCOMPARE(param(QStringLiteral("factors")).value(QLatin1String("high")).toDouble(), 256.0);
    QVERIFY(editor->isValid());
    QVERIFY(tab.startButton()->isEnabled());

    // Broken JSON and an invalid space: the error shows and Start is disabled.
    editor->jsonEdit()->setPlainText(QStringLiteral("{ \"model\": "));
    QVERIFY(!editor->isValid());
    QVERIFY(!editor->errorLabel()->isHidden());
    QVERIFY(!tab.startButton()->isEnabled());
    QJsonObject bad = presetSpace(ModelKind::Mf).toJson();
    QJsonObject params = bad.value(QLatin1String("params")).toObject();
    params.insert(QStringLiteral("lr"),
                  QJsonObject{{QStringLiteral("type"), QStringLiteral("loguniform")},
                              {QStringLiteral("low"), -1.0},
                              {QStringLiteral("high"), 0.01}});
    bad.insert(QStringLiteral("params"), params);
    editor->jsonEdit()->setPlainText(QString::fromUtf8(QJsonDocument(bad).toJson()));
    QVERIFY(!editor->isValid());
    QVERIFY(editor->error().contains(QLatin1String("lr")));
    QVERIFY(!tab.startButton()->isEnabled());

    // JSON -> form: another model's space rewrites the rows and picks the model.
    editor->jsonEdit()->setPlainText(
        QString::fromUtf8(QJsonDocument(presetSpace(ModelKind::NonLinear).toJson()).toJson()));
    QVERIFY2(editor->isValid(), qPrintable(editor->error()));
    QCOMPARE(form->rowCount(), 4); // batch_size, dropout, embedding_dim, lr
    QVERIFY(rowOf(QStringLiteral("embedding_dim")) >= 0);
    QCOMPARE(tab.model(), ModelKind::NonLinear);
    QVERIFY(tab.startButton()->isEnabled());

    // Start without a dataset says so and starts nothing.
    QSignalSpy messages(&tab, &SearchTab::statusMessage);
    QTest::mouseClick(tab.startButton(), Qt::LeftButton);
    QVERIFY(!tab.isBusy());
    QVERIFY(!messages.isEmpty());
    QVERIFY(messages.last().first().toString().contains(QLatin1String("Data tab")));
    QVERIFY(tab.statusLabel()->text().contains(QLatin1String("Data tab")));
}

void tst_SearchTab::randomSearchFillsTableAndChartsExportsAndRestores()
{
    const QString db = m_dir.filePath(QStringLiteral("random.sqlite"));
    QWidget window;
    auto *data = new DataTab(&window);
    auto *tab = new SearchTab(data, &window);
    window.resize(1400, 900);
    window.show();
    QVERIFY(UiFixture::load(*data, m_data));
    tab->setAskToResume(false);
    tab->setDatabasePath(db);
    QCOMPARE(tab->experimentBox()->count(), 0);
    tab->setModel(ModelKind::Mf);
    tab->setAlgorithm(QStringLiteral("random"));
    tab->setTrials(2);
    tab->setEpochs(2);
    tab->setWorkers(1);
    tab->setThreadsPerTrial(2);
    tab->setSeed(7);
    QVERIFY(tab->startButton()->isEnabled());

    QSignalSpy started(tab, &SearchTab::searchStarted);
    QSignalSpy finished(tab, &SearchTab::searchFinished);
    QSignalSpy changed(tab, &SearchTab::experimentsChanged);
    QTest::mouseClick(tab->startButton(), Qt::LeftButton);
    QVERIFY(tab->isBusy());
    QVERIFY(!tab->startButton()->isEnabled());
    QVERIFY(tab->cancelButton()->isEnabled());
    QVERIFY(finished.wait(60000));
    QVERIFY2(tab->lastError().isEmpty(), qPrintable(tab->lastError()));
    const qint64 id = finished.first().first().toLongLong();
    QVERIFY(id > 0);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().first().toLongLong(), id);
    QCOMPARE(changed.size(), 2); // created, ended
    QCOMPARE(tab->experimentId(), id);
    QVERIFY(!tab->isBusy());
    QCOMPARE(tab->progressBar()->value(), 2);
    QCOMPARE(tab->progressBar()->maximum(), 2);
    QCOMPARE(tab->experimentBox()->count(), 1);

    auto store = openStore(db);
    QVERIFY(store);
    const std::map<qint64, TrialRecord> trials = storedTrials(*store, id);
    QCOMPARE(int(trials.size()), 2);
    for (const auto &[trialId, t] : trials) {
        QCOMPARE(t.status, TrialStatus::Completed);
        QCOMPARE(t.epochs, 2);
    }
    COMPARE_WITH_STORE(*tab, *store, id);
    TrialsModel *model = tab->trialsModel();
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(cell(model, row, TrialsModel::StatusColumn).toString(),
                 QStringLiteral("completed"));
        QCOMPARE(cell(model, row, TrialsModel::EpochsColumn).toString(), QStringLiteral("2"));
        QVERIFY(cell(model, row, TrialsModel::ConfigColumn)
                    .toString()
                    .contains(QLatin1String("factors=")));
    }
    QCOMPARE(tab->scatterPlot()->pointCount(), 2);

    // Sorting by best RMSE orders the rows both ways; a selection survives row updates.
    QTableView *view = tab->trialsCard()->view();
    QSortFilterProxyModel *proxy = tab->trialsCard()->proxy();
    auto best = [&](int row) {
        return proxy->index(row, TrialsModel::BestRmseColumn)
            .data(TrialsModel::SortRole)
            .toDouble();
    };
    view->sortByColumn(TrialsModel::BestRmseColumn, Qt::AscendingOrder);
    QVERIFY(best(0) <= best(1));
    view->sortByColumn(TrialsModel::BestRmseColumn, Qt::DescendingOrder);
    QVERIFY(best(0) >= best(1));
    view->selectRow(1);
    const qint64 selected = proxy->index(1, 0).data(TrialsModel::TrialIdRole).toLongLong();
    QCOMPARE(tab->trialsCard()->selectedTrials(), QSet<qint64>{selected});
    const qint64 other = proxy->index(0, 0).data(TrialsModel::TrialIdRole).toLongLong();
    QVERIFY(tab->lossLines()->series(selected)->pen().widthF()
            > tab->lossLines()->series(other)->pen().widthF());
    QCOMPARE(tab->scatterPlot()->selection()->count(), 1);
    TrialRecord updated = trials.at(other);
    updated.bestValRmse = -1; // now the lowest: in descending order it moves to the end
    model->updateTrial(updated);
    QCOMPARE(proxy->index(1, 0).data(TrialsModel::TrialIdRole).toLongLong(), other);
    QCOMPARE(tab->trialsCard()->selectedTrials(), QSet<qint64>{selected});
    model->updateTrial(trials.at(other));

    // Compare at epoch 1: the stored first epoch.
    tab->setCompareEpoch(1);
    QCOMPARE(model->headerData(TrialsModel::CompareColumn, Qt::Horizontal).toString(),
             QStringLiteral("RMSE at epoch 1"));
    const qint64 first = cell(model, 0, 0, TrialsModel::TrialIdRole).toLongLong();
    QCOMPARE(cell(model, 0, TrialsModel::CompareColumn, TrialsModel::SortRole).toDouble(),
             storedEpochs(*store, first).front().valRmse);
    tab->setCompareEpoch(0);

    // The scatter's x axis follows the parameter's kind.
    tab->setScatterParameter(QStringLiteral("factors"));
    QVERIFY(qobject_cast<QCategoryAxis *>(tab->scatterPlot()->xAxis()));
    QCOMPARE(tab->scatterPlot()->pointCount(), 2);
    tab->setScatterParameter(QStringLiteral("lr"));
    QVERIFY(qobject_cast<QLogValueAxis *>(tab->scatterPlot()->xAxis()));
    QCOMPARE(tab->parameterBox()->currentText(), QStringLiteral("lr"));
    QCOMPARE(scatterPoints(tab->scatterChart()), 2);

    // Exports: two charts as PNG and SVG, the table three ways, all epochs as CSV.
    Result<QStringList> files = tab->exportAll(m_dir.filePath(QStringLiteral("export")));
    QVERIFY2(files.ok(), files.ok() ? "" : qPrintable(files.error()));
    QCOMPARE(files->size(), 2 * 2 + 3 + 1);
    for (const QString &path : *files) {
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
        if (path.endsWith(QLatin1String(".png")))
            QVERIFY2(!QImage(path).isNull(), qPrintable(path));
    }
    QFile csv(m_dir.filePath(QStringLiteral("export/search-trials.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList rows = QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 3);
    const QStringList header = rows[0].split(QLatin1Char(','));
    const int bestColumn = int(header.indexOf(QStringLiteral("Best validation RMSE")));
    const int epochsColumn = int(header.indexOf(QStringLiteral("Epochs")));
    QVERIFY(bestColumn > 0 && epochsColumn > 0);
    for (int k = 1; k < 3; ++k) {
        const QStringList fields = rows[k].split(QLatin1Char(','));
        const int number = fields[0].toInt();
        const auto t = std::find_if(trials.begin(), trials.end(),
                                    [&](const auto &x) { return x.second.number == number; });
        QVERIFY(t != trials.end());
        QCOMPARE(fields[epochsColumn].toInt(), t->second.epochs);
        QVERIFY(std::abs(fields[bestColumn].toDouble() - t->second.bestValRmse) < 1e-8);
    }
    QFile epochsCsv(m_dir.filePath(QStringLiteral("export/search-trials-epochs.csv")));
    QVERIFY(epochsCsv.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(epochsCsv.readAll()).split('\n', Qt::SkipEmptyParts).size(), 5);

    // A new tab restores the same rows and lines from the database.
    SearchTab restored(data);
    restored.setAskToResume(false);
    restored.setDatabasePath(db);
    QCOMPARE(restored.experimentId(), id);
    QVERIFY(!restored.canResume());
    COMPARE_WITH_STORE(restored, *store, id);
}

void tst_SearchTab::ashaStopsTrialsEarly()
{
    const QString db = m_dir.filePath(QStringLiteral("asha.sqlite"));
    DataTab data;
    QVERIFY(UiFixture::load(data, m_data));
    SearchTab tab(&data);
    tab.setAskToResume(false);
    tab.setDatabasePath(db);
    tab.setModel(ModelKind::Mf);
    tab.setAlgorithm(QStringLiteral("asha"));
    tab.setTrials(4);
    tab.setEpochs(4);
    tab.setAshaSettings(AshaSettings{4, 1, 2.0, 1}); // max_t, grace, reduction, brackets
    tab.setWorkers(1);
    tab.setThreadsPerTrial(2);
    tab.setSeed(42);
    QSignalSpy finished(&tab, &SearchTab::searchFinished);
    tab.start();
    QVERIFY(finished.wait(60000));
    QVERIFY2(tab.lastError().isEmpty(), qPrintable(tab.lastError()));
    const qint64 id = finished.first().first().toLongLong();

    auto store = openStore(db);
    QVERIFY(store);
    COMPARE_WITH_STORE(tab, *store, id);
    int stopped = 0;
    for (const auto &[trialId, t] : storedTrials(*store, id)) {
        QVERIFY(t.status == TrialStatus::Completed || t.status == TrialStatus::Stopped);
        if (t.status != TrialStatus::Stopped)
            continue;
        ++stopped;
        // A cut-off line, with a stop marker at its end.
        QLineSeries *series = tab.lossLines()->series(trialId);
        QVERIFY(series);
        QVERIFY(series->count() < 4);
        QVERIFY(tab.lossLines()->stopMarkers()->points().contains(series->points().back()));
        const int row = tab.trialsModel()->rowOf(trialId);
        QCOMPARE(cell(tab.trialsModel(), row, TrialsModel::StatusColumn).toString(),
                 QStringLiteral("stopped by ASHA"));
    }
    QVERIFY(stopped > 0);
    QCOMPARE(tab.lossLines()->stopMarkers()->count(), stopped);
}

void tst_SearchTab::pauseHoldsThenCancelLeavesAResumableSearch()
{
    const QString db = m_dir.filePath(QStringLiteral("pause.sqlite"));
    DataTab data;
    QVERIFY(UiFixture::load(data, m_data));
    SearchTab tab(&data);
    tab.setAskToResume(false);
    tab.setDatabasePath(db);
    tab.setModel(ModelKind::Mf);
    tab.setAlgorithm(QStringLiteral("random"));
    tab.setTrials(2);
    tab.setEpochs(40);
    tab.setWorkers(1);
    tab.setThreadsPerTrial(2);
    auto epochsRun = [&] {
        int n = 0;
        for (const TrialsModel::Trial &t : tab.trialsModel()->trials())
            n += TrialsModel::epochsRun(t);
        return n;
    };

    // Paused at once, the search holds (a trial that already began stops after its batch);
    // the button continues it.
    QSignalSpy finished(&tab, &SearchTab::searchFinished);
    tab.start();
    tab.pause();
    QVERIFY(tab.isPaused());
    QCOMPARE(tab.pauseButton()->text(), QStringLiteral("Resume"));
    QTRY_COMPARE(tab.trialsModel()->rowCount(), 2);
    QTest::qWait(300);
    const int held = epochsRun();
    QTest::qWait(300);
    QCOMPARE(epochsRun(), held);
    QVERIFY(finished.isEmpty());
    QVERIFY(tab.statusLabel()->text().contains(QLatin1String("paused")));
    QTest::mouseClick(tab.pauseButton(), Qt::LeftButton);
    QVERIFY(!tab.isPaused());
    QVERIFY(finished.wait(60000));
    QCOMPARE(tab.trialsModel()->count({TrialStatus::Completed}), 2);
    QVERIFY(!tab.canResume());

    // Cancelled while paused: nothing runs any more, and the rest waits for a resume.
    finished.clear();
    tab.start();
    tab.pause();
    QTRY_VERIFY(tab.trialsModel()->count({TrialStatus::Completed}) == 0);
    tab.cancel();
    QVERIFY(finished.wait(60000));
    const qint64 id = finished.first().first().toLongLong();
    QCOMPARE(tab.experimentId(), id);
    QCOMPARE(tab.trialsModel()->count({TrialStatus::Running}), 0);
    QVERIFY(tab.trialsModel()->count({TrialStatus::Pending, TrialStatus::Interrupted}) >= 1);
    QVERIFY(tab.canResume());
    QVERIFY(tab.resumeButton()->isEnabled());
    QVERIFY(tab.experimentBox()->currentText().contains(QLatin1String("interrupted")));
    QCOMPARE(tab.experimentBox()->count(), 2);

    finished.clear();
    QTest::mouseClick(tab.resumeButton(), Qt::LeftButton);
    QVERIFY(tab.isBusy());
    QVERIFY(finished.wait(60000));
    QVERIFY2(tab.lastError().isEmpty(), qPrintable(tab.lastError()));
    QCOMPARE(finished.first().first().toLongLong(), id);
    QCOMPARE(tab.trialsModel()->count({TrialStatus::Completed}), 2);
    auto store = openStore(db);
    QVERIFY(store);
    QCOMPARE(store->experiment(id)->status, QStringLiteral("finished"));
    COMPARE_WITH_STORE(tab, *store, id);
}

void tst_SearchTab::interruptedSearchIsOfferedAndResumed()
{
    const QString db = m_dir.filePath(QStringLiteral("interrupted.sqlite"));
    DataTab data;
    QVERIFY(UiFixture::load(data, m_data));
    qint64 id = 0;
    qint64 interrupted = 0;
    {
        // A search whose first trial was running when its process died after one epoch.
        auto store = openStore(db);
        QVERIFY(store);
        Result<ModelEngine *> engine = modelEngine();
        QVERIFY2(engine.ok(), engine.ok() ? "" : qPrintable(engine.error()));
        SearchSettings settings;
        settings.space = presetSpace(ModelKind::Mf);
        settings.space.maxEpochs = 2;
        settings.trials = 3;
        settings.threadsPerTrial = 2;
        SearchRunner runner(*store, data.dataset()->data, **engine);
        Result<qint64> created = runner.create(settings, fileChecksum(m_data));
        QVERIFY(created.ok());
        id = *created;
        interrupted = store->trials(id)->front().id;
        QVERIFY(store->setTrialRunning(interrupted).ok());
        QVERIFY(store->addEpoch({interrupted, -1, EpochReport{1, 0.06, 0.07, 1.05}}).ok());
        QCOMPARE(*store->markInterrupted(id), 1);
    }

    // Shown with the offer to resume: a message box, answered No.
    {
        QString offered;
        QTimer answer;
        connect(&answer, &QTimer::timeout, this, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                offered = box->text();
                box->button(QMessageBox::No)->click();
            }
        });
        answer.start(50);
        SearchTab asking(&data);
        asking.setDatabasePath(db);
        QTRY_VERIFY(!offered.isEmpty());
        QVERIFY2(offered.contains(QLatin1String("interrupted or pending: 3")),
             qPrintable(offered));
        QVERIFY(!asking.isBusy());
    }

    SearchTab tab(&data);
    tab.setAskToResume(false);
    tab.setDatabasePath(db);
    QCOMPARE(tab.experimentId(), id);
    TrialsModel *model = tab.trialsModel();
    QCOMPARE(model->rowCount(), 3);
    const int row = model->rowOf(interrupted);
    QCOMPARE(cell(model, row, TrialsModel::StatusColumn).toString(),
             QStringLiteral("interrupted"));
    QCOMPARE(cell(model, row, TrialsModel::EpochsColumn).toInt(), 1);
    QCOMPARE(model->count({TrialStatus::Pending}), 2);
    QCOMPARE(lines(tab.lossChart()).size(), 1);
    QCOMPARE(tab.lossLines()->series(interrupted)->count(), 1);
    QVERIFY(tab.canResume());
    QVERIFY(tab.resumeButton()->isEnabled());
    QVERIFY(tab.experimentBox()->currentText().contains(QLatin1String("trials left: 3")));
    QVERIFY(tab.statusLabel()->text().contains(QLatin1String("Resume search")));

    QSignalSpy finished(&tab, &SearchTab::searchFinished);
    tab.resumeSearch();
    QVERIFY(tab.isBusy());
    QVERIFY(finished.wait(60000));
    QVERIFY2(tab.lastError().isEmpty(), qPrintable(tab.lastError()));
    QCOMPARE(finished.first().first().toLongLong(), id);
    auto store = openStore(db);
    QVERIFY(store);
    for (const auto &[trialId, t] : storedTrials(*store, id)) {
        QCOMPARE(t.status, TrialStatus::Completed);
        QCOMPARE(t.epochs, 2);
    }
    COMPARE_WITH_STORE(tab, *store, id);
    QVERIFY(!tab.canResume());
    QVERIFY(!tab.experimentBox()->currentText().contains(QLatin1String("interrupted")));
}

void tst_SearchTab::restoresHundredTrialsQuickly()
{
    const QString db = m_dir.filePath(QStringLiteral("hundred.sqlite"));
    constexpr int kTrials = 100, kEpochs = 100;
    qint64 id = 0;
    {
        auto store = openStore(db);
        QVERIFY(store);
        Result<qint64> dataset = store->addDataset(m_data, QStringLiteral("csv"),
                                                   fileChecksum(m_data), 1, 6000);
        QVERIFY(dataset.ok());
        SearchSettings settings;
        settings.space = presetSpace(ModelKind::Mf);
        settings.space.maxEpochs = kEpochs;
        settings.trials = kTrials;
        const ExperimentRecord e{0, *dataset, QStringLiteral("search"), QStringLiteral("mf"),
                                 settings.space.toJson(), settings.algorithm, settings.toJson(),
                                 {}, QStringLiteral("finished")};
        id = *store->addExperiment(e);
        Rng rng(1);
        std::vector<QJsonObject> configs;
        for (int k = 0; k < kTrials; ++k)
            configs.push_back(settings.space.sample(rng));
        const std::vector<qint64> ids = *store->addTrials(id, configs);
        for (int k = 0; k < kTrials; ++k) {
            TrialRecord t;
            t.id = ids[size_t(k)];
            t.status = TrialStatus::Completed;
            t.epochs = kEpochs;
            t.bestEpoch = kEpochs;
            for (int n = 1; n <= kEpochs; ++n) {
                t.bestValRmse = 0.9 + 0.2 * k / kTrials + 0.5 / n;
                const EpochReport r{n, 0.0, t.bestValRmse * t.bestValRmse / 16, t.bestValRmse};
                QVERIFY(store->addEpoch({t.id, -1, r}).ok());
            }
            QVERIFY(store->finishTrial(t).ok());
        }
    }

    QWidget window;
    auto *tab = new SearchTab(nullptr, &window);
    window.resize(1400, 900);
    window.show();
    tab->setAskToResume(false);
    QElapsedTimer timer;
    timer.start();
    tab->setDatabasePath(db);
    const qint64 ms = timer.elapsed();
    qInfo() << "restored" << kTrials << "trials x" << kEpochs << "epochs in" << ms << "ms";
    QVERIFY2(ms < 1000, qPrintable(QString::number(ms)));
    QCOMPARE(tab->experimentId(), id);
    QCOMPARE(tab->trialsModel()->rowCount(), kTrials);
    QCOMPARE(lines(tab->lossChart()).size(), kTrials);
    for (QLineSeries *s : lines(tab->lossChart()))
        QCOMPARE(s->count(), kEpochs);
    QCOMPARE(scatterPoints(tab->scatterChart()), kTrials);

    // The user's zoom stays when lines change, until Reset zoom.
    auto *x = tab->lossLines()->xAxis();
    QCOMPARE(x->max(), double(kEpochs));
    tab->lossChart()->chart()->zoom(2.0);
    QVERIFY(tab->lossLines()->isZoomed());
    const double zoomedMax = x->max();
    QVERIFY(zoomedMax < kEpochs);
    const TrialsModel::Trial &first = tab->trialsModel()->trials().front();
    EpochReport more = first.epochs.back();
    more.epoch = kEpochs + 50;
    QVERIFY(tab->results()->addEpoch(first.record.id, more));
    tab->results()->refresh();
    QCOMPARE(x->max(), zoomedMax);
    tab->lossLines()->resetZoom();
    QVERIFY(!tab->lossLines()->isZoomed());
    QCOMPARE(x->max(), double(kEpochs + 50));
}

void tst_SearchTab::destroyWhileRunning()
{
    // Closing the tab mid-search cancels it and waits: the trial is stored as interrupted.
    const QString db = m_dir.filePath(QStringLiteral("destroy.sqlite"));
    DataTab data;
    QVERIFY(UiFixture::load(data, m_data));
    auto *tab = new SearchTab(&data);
    tab->setAskToResume(false);
    tab->setDatabasePath(db);
    tab->setModel(ModelKind::Mf);
    tab->setAlgorithm(QStringLiteral("random"));
    tab->setTrials(3);
    tab->setEpochs(200);
    tab->setWorkers(1);
    tab->start();
    QTRY_VERIFY_WITH_TIMEOUT(tab->trialsModel()->count({TrialStatus::Running}) > 0, 30000);
    const qint64 id = tab->experimentId();
    delete tab;
    auto store = openStore(db);
    QVERIFY(store);
    QCOMPARE(store->experiment(id)->status, QStringLiteral("cancelled"));
    int left = 0;
    for (const auto &[trialId, t] : storedTrials(*store, id)) {
        QVERIFY(t.status != TrialStatus::Running);
        left += t.status == TrialStatus::Interrupted || t.status == TrialStatus::Pending;
    }
    QVERIFY(left > 0);
}

QTEST_MAIN(tst_SearchTab)
#include "tst_searchtab.moc"
