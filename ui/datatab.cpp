#include "ui/datatab.h"

#include "core/common/logging.h"
#include "core/data/movielensreader.h"
#include "ui/chartcard.h"
#include "ui/tablecard.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCheckBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Ncf::Ui {

namespace {

constexpr int kProgressScale = 1000;

//! The background job: load, then summarise, checking for cancellation while loading.
void loadJob(QPromise<std::shared_ptr<LoadOutcome>> &promise, const QString &path,
             const LoadOptions &options)
{
    promise.setProgressRange(0, kProgressScale);
    auto outcome = std::make_shared<LoadOutcome>();
    Result<RatingDataset> data = loadRatings(path, options, [&](qint64 done, qint64 total) {
        promise.setProgressValue(int(kProgressScale * done / std::max<qint64>(1, total)));
        return !promise.isCanceled();
    });
    if (data) {
        auto loaded = std::make_shared<LoadedDataset>();
        loaded->eda = computeEda(*data);
        loaded->data = std::move(*data);
        outcome->dataset = std::move(loaded);
    } else {
        outcome->error = data.error();
    }
    promise.addResult(std::move(outcome));
}

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

DataTab::DataTab(QWidget *parent)
    : QWidget(parent)
    , m_openFile(new QPushButton(tr("Open file..."), this))
    , m_openFolder(new QPushButton(tr("Open folder..."), this))
    , m_lenient(new QCheckBox(tr("Skip bad lines"), this))
    , m_progress(new QProgressBar(this))
    , m_progressText(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_summary(new QLabel(this))
    , m_warnings(new QLabel(this))
    , m_histogram(new ChartCard(tr("Rating histogram"), this))
    , m_rank(new ChartCard(tr("Ratings per user and per movie by rank"), this))
    , m_overview(new TableCard(tr("Dataset overview"), this))
    , m_counts(new TableCard(tr("Ratings per user and per movie"), this))
    , m_histogramTable(new TableCard(tr("Rating histogram table"), this))
{
    setObjectName(QStringLiteral("dataTab"));
    setAcceptDrops(true);

    m_openFile->setToolTip(tr("Open a MovieLens ratings file: u.data, ratings.dat or "
                              "ratings.csv (Ctrl+O)"));
    m_openFolder->setToolTip(tr("Open a MovieLens dataset folder such as ml-25m "
                                "(Ctrl+Shift+O)"));
    m_lenient->setToolTip(tr("Skip malformed lines and report how many, instead of stopping at "
                             "the first one"));
    m_lenient->setChecked(QSettings().value(QStringLiteral("data/lenient"), false).toBool());
    connect(m_lenient, &QCheckBox::toggled, this,
            [](bool on) { QSettings().setValue(QStringLiteral("data/lenient"), on); });
    m_cancel->setToolTip(tr("Stop loading (Esc)"));
    m_cancel->setShortcut(Qt::Key_Escape);
    m_progress->setRange(0, kProgressScale);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Open a MovieLens ratings file or folder, or drop one here."));
    m_warnings->setWordWrap(true);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings->hide();

    connect(m_openFile, &QPushButton::clicked, this, [this] {
        const QString dir = QSettings().value(QStringLiteral("data/lastDir")).toString();
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open MovieLens ratings"), dir,
            tr("MovieLens ratings (u.data ratings.dat ratings.csv *.data *.dat *.csv);;"
               "All files (*)"));
        if (!path.isEmpty())
            open(path);
    });
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        const QString dir = QSettings().value(QStringLiteral("data/lastDir")).toString();
        const QString path = QFileDialog::getExistingDirectory(
            this, tr("Open MovieLens dataset folder"), dir);
        if (!path.isEmpty())
            open(path);
    });
    connect(m_cancel, &QPushButton::clicked, this, &DataTab::cancel);
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, this,
            &DataTab::handleProgress);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &DataTab::handleFinished);

    // Layout: actions, progress, summary, then charts beside tables.
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_openFile);
    actions->addWidget(m_openFolder);
    actions->addWidget(m_lenient);
    actions->addStretch(1);
    auto *progress = new QHBoxLayout;
    progress->addWidget(m_progress, 1);
    progress->addWidget(m_progressText);
    progress->addWidget(m_cancel);

    auto *charts = new QSplitter(Qt::Vertical);
    charts->setObjectName(QStringLiteral("chartSplitter"));
    charts->addWidget(m_histogram);
    charts->addWidget(m_rank);
    auto *tables = new QSplitter(Qt::Vertical);
    tables->setObjectName(QStringLiteral("tableSplitter"));
    tables->addWidget(m_overview);
    tables->addWidget(m_counts);
    tables->addWidget(m_histogramTable);
    auto *split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("dataSplitter"));
    split->addWidget(charts);
    split->addWidget(tables);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(actions);
    layout->addLayout(progress);
    layout->addWidget(m_summary);
    layout->addWidget(m_warnings);
    layout->addWidget(split, 1);
    setLoading(false);

    const QSettings settings;
    for (QSplitter *splitter : findChildren<QSplitter *>())
        splitter->restoreState(
            settings.value(QStringLiteral("data/") + splitter->objectName()).toByteArray());
}

DataTab::~DataTab()
{
    QSettings settings;
    for (const QSplitter *splitter : findChildren<QSplitter *>())
        settings.setValue(QStringLiteral("data/") + splitter->objectName(), splitter->saveState());
    m_watcher.disconnect(this);
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void DataTab::open(const QString &path)
{
    if (isLoading()) {
        cancel();
        m_watcher.waitForFinished();
    }
    Result<QString> file = resolveRatingsFile(path);
    if (!file) {
        m_warnings->setText(file.error());
        m_warnings->show();
        Q_EMIT loadFailed(file.error());
        return;
    }
    QSettings().setValue(QStringLiteral("data/lastDir"), QFileInfo(path).absolutePath());

    LoadOptions options;
    options.lenient = m_lenient->isChecked();
    m_loadingPath = *file;
    m_loadingBytes = QFileInfo(*file).size();
    m_loadTimer.start();
    m_progress->setValue(0);
    m_warnings->hide();
    setLoading(true);
    qCInfo(lcUi).noquote() << "loading" << m_loadingPath;
    m_watcher.setFuture(QtConcurrent::run(loadJob, m_loadingPath, options));
    Q_EMIT loadStarted(m_loadingPath);
    Q_EMIT statusMessage(tr("Loading %1...").arg(m_loadingPath));
}

void DataTab::cancel()
{
    if (isLoading())
        m_watcher.cancel();
}

bool DataTab::isLoading() const
{
    return m_watcher.isRunning();
}

void DataTab::handleProgress(int permille)
{
    m_progress->setValue(permille);
    const double seconds = m_loadTimer.elapsed() / 1000.0;
    const qint64 done = m_loadingBytes * permille / kProgressScale;
    QString text = tr("%1 of %2").arg(formatBytes(done), formatBytes(m_loadingBytes));
    if (permille > 0 && seconds > 0.5) {
        const double remaining = seconds * (kProgressScale - permille) / permille;
        text += tr(", about %1 s left").arg(qRound(remaining));
    }
    m_progressText->setText(text);
}

void DataTab::handleFinished()
{
    setLoading(false);
    if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0) {
        const QString message = tr("Loading %1 was cancelled.").arg(m_loadingPath);
        qCInfo(lcUi).noquote() << message;
        Q_EMIT statusMessage(message);
        Q_EMIT loadFailed(message);
        return;
    }
    const std::shared_ptr<LoadOutcome> outcome = m_watcher.result();
    if (!outcome->dataset) {
        m_warnings->setText(QStringLiteral("<span style='color:#c0392b'>%1</span>")
                                .arg(outcome->error.toHtmlEscaped()));
        m_warnings->show();
        qCWarning(lcUi).noquote() << outcome->error;
        Q_EMIT statusMessage(tr("Loading failed"));
        Q_EMIT loadFailed(outcome->error);
        return;
    }
    m_dataset = outcome->dataset;
    showDataset();
    Q_EMIT datasetLoaded(m_dataset->data.path);
}

void DataTab::showDataset()
{
    const RatingDataset &data = m_dataset->data;
    const EdaSummary &eda = m_dataset->eda;
    const LoadReport &report = data.report;
    const QLocale locale;
    m_summary->setText(
        tr("<b>%1</b> (%2 layout): %3 ratings by %4 users of %5 movies; mean rating %6, "
           "density %7 %. Loaded %8 in %9 s; %10 bytes a rating in memory.")
            .arg(data.path.toHtmlEscaped(), layoutName(data.layout),
                 locale.toString(eda.ratings), locale.toString(eda.users),
                 locale.toString(eda.items), locale.toString(eda.meanRating, 'f', 3),
                 locale.toString(eda.densityPct, 'f', 3), formatBytes(report.bytes),
                 locale.toString(report.parseSeconds + report.checkSeconds, 'f', 2))
            .arg(locale.toString(double(data.memoryBytes()) / double(data.size()), 'f', 1)));

    QStringList warnings;
    if (report.skippedLines > 0)
        warnings << tr("Skipped %1 bad lines; the first: %2")
                        .arg(report.skippedLines)
                        .arg(report.firstProblems.join(QLatin1String("; ")).toHtmlEscaped());
    if (report.duplicatePairs > 0)
        warnings << tr("%1 duplicate (user, movie) pairs, e.g. %2")
                        .arg(report.duplicatePairs)
                        .arg(report.duplicateExamples.join(QLatin1String("; ")));
    m_warnings->setText(QStringLiteral("<span style='color:#b9770e'>%1</span>")
                            .arg(warnings.join(QLatin1String("<br>"))));
    m_warnings->setVisible(!warnings.isEmpty());

    showHistogram(eda);
    showRankCurves(eda);
    m_overview->setTable(edaOverviewTable(eda));
    m_counts->setTable(edaCountsTable(eda));
    Table histogram = edaHistogramTable(eda);
    histogram.title = tr("Rating histogram table");
    m_histogramTable->setTable(histogram);

    const QString message = tr("Loaded %1 ratings from %2 in %3 s")
                                .arg(locale.toString(eda.ratings), data.path)
                                .arg(report.parseSeconds + report.checkSeconds, 0, 'f', 2);
    qCInfo(lcUi).noquote() << message;
    Q_EMIT statusMessage(message);
}

void DataTab::showHistogram(const EdaSummary &eda)
{
    QChart *chart = m_histogram->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);

    auto *set = new QBarSet(tr("Ratings"));
    QStringList categories;
    double highest = 0.0;
    for (const auto &[halfStars, count] : eda.histogram) {
        categories << ratingLabel(halfStars);
        *set << double(count);
        highest = std::max(highest, double(count));
    }
    const qint64 total = eda.ratings;
    connect(set, &QBarSet::hovered, this, [set, categories, total](bool on, int index) {
        if (!on || index < 0 || index >= categories.size())
            return QToolTip::hideText();
        QToolTip::showText(QCursor::pos(),
                           tr("Rating %1: %2 ratings (%3 %)")
                               .arg(categories[index])
                               .arg(QLocale().toString(qint64(set->at(index))))
                               .arg(100.0 * set->at(index) / std::max<qint64>(1, total), 0, 'f',
                                    1));
    });
    auto *series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    chart->legend()->hide();

    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(tr("Rating"));
    auto *y = new QValueAxis;
    y->setRange(0, highest * 1.05);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(tr("Ratings"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void DataTab::showRankCurves(const EdaSummary &eda)
{
    QChart *chart = m_rank->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);

    auto *x = new QLogValueAxis;
    x->setBase(10);
    x->setTitleText(tr("Rank (1 = most ratings)"));
    x->setLabelFormat(QStringLiteral("%g"));
    auto *y = new QLogValueAxis;
    y->setBase(10);
    y->setTitleText(tr("Ratings"));
    y->setLabelFormat(QStringLiteral("%g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);

    double maxRank = 1.0, maxCount = 1.0;
    auto add = [&](const QString &name, const std::vector<std::pair<double, double>> &curve) {
        auto *series = new QLineSeries;
        series->setName(name);
        QList<QPointF> points;
        points.reserve(qsizetype(curve.size()));
        for (const auto &[rank, count] : curve) {
            points.append({rank, count});
            maxRank = std::max(maxRank, rank);
            maxCount = std::max(maxCount, count);
        }
        series->replace(points);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    };
    add(tr("Users"), eda.userRankCurve);
    add(tr("Movies"), eda.itemRankCurve);
    x->setRange(1.0, maxRank * 1.2);
    y->setRange(0.8, maxCount * 1.5);
    chart->legend()->show();
}

void DataTab::setLoading(bool loading)
{
    m_progress->setVisible(loading);
    m_progressText->setVisible(loading);
    m_cancel->setVisible(loading);
    m_openFile->setEnabled(!loading);
    m_openFolder->setEnabled(!loading);
    if (!loading)
        m_progressText->clear();
}

Result<QStringList> DataTab::exportAll(const QString &dir) const
{
    if (!QDir().mkpath(dir))
        return makeError(tr("%1: cannot create the folder").arg(dir));
    const QDir out(dir);
    QStringList written;
    for (const ChartCard *card : {m_histogram, m_rank}) {
        for (const char *suffix : {"png", "svg"}) {
            const QString path = out.filePath(card->objectName() + QLatin1Char('.')
                                              + QLatin1String(suffix));
            if (Result<void> r = card->exportTo(path); !r)
                return makeError(r.error());
            written << path;
        }
    }
    for (const TableCard *card : {m_overview, m_counts, m_histogramTable}) {
        for (TableFormat format : {TableFormat::Csv, TableFormat::Markdown, TableFormat::Latex}) {
            const QString path = out.filePath(card->objectName() + QLatin1Char('.')
                                              + tableSuffix(format));
            if (Result<void> r = card->exportTo(path, format); !r)
                return makeError(r.error());
            written << path;
        }
    }
    return written;
}

void DataTab::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && !event->mimeData()->urls().isEmpty()
        && event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void DataTab::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) {
        open(urls.first().toLocalFile());
        event->acceptProposedAction();
    }
}

} // namespace Ncf::Ui
