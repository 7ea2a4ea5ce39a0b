#include "ui/resultstab.h"

#include "core/common/logging.h"
#include "core/common/tr.h"
#include "core/report/experimentreport.h"
#include "core/storage/experimentstore.h"
#include "ui/cardexport.h"
#include "ui/chartcard.h"
#include "ui/tablecard.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace Ncf::Ui {

namespace {

//! The colour of published rows: a neutral grey, apart from every theme's series colours.
const QColor kPublishedColor(0x9e, 0x9e, 0x9e);

QString elided(const QString &text, int length)
{
    return text.size() <= length ? text : text.left(length - 1) + QChar(0x2026);
}

} // namespace

ResultsTab::ResultsTab(QWidget *parent)
    : QWidget(parent)
    , m_results(new TableCard(tr("Validation RMSE by model"), this))
    , m_epochs(new TableCard(tr("Every epoch"), this))
    , m_chart(new ChartCard(tr("RMSE by model"), this))
    , m_bars(new QHorizontalStackedBarSeries)
    , m_measured(new QBarSet(tr("Measured here")))
    , m_published(new QBarSet(tr("Published (quoted, not measured here)")))
    , m_categories(new QBarCategoryAxis)
    , m_value(new QValueAxis)
{
    setObjectName(QStringLiteral("resultsTab"));
    m_dbPath = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                   .filePath(QStringLiteral("experiments.sqlite"));
    buildLayout();
    QTimer::singleShot(0, this, [this] {
        if (!m_store)
            refresh();
    });
}

ResultsTab::~ResultsTab() = default;

void ResultsTab::buildLayout()
{
    m_refresh = new QPushButton(tr("Refresh"));
    m_refresh->setToolTip(tr("Read the results from the experiment database again"));
    connect(m_refresh, &QPushButton::clicked, this, &ResultsTab::refresh);
    m_export = new QPushButton(tr("Export report..."));
    m_export->setToolTip(tr("Write a folder for a paper: the chart as PNG and SVG, the results "
                            "and epochs tables as CSV, Markdown and LaTeX"));
    connect(m_export, &QPushButton::clicked, this, &ResultsTab::exportInteractively);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_refresh);
    bar->addWidget(m_export);
    bar->addWidget(m_summary, 1);

    m_results->setObjectName(QStringLiteral("results"));
    m_epochs->setObjectName(QStringLiteral("epochs"));
    m_chart->setObjectName(QStringLiteral("rmse-by-model"));
    m_note = new QLabel;
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *resultsBox = new QWidget;
    auto *resultsLayout = new QVBoxLayout(resultsBox);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_results, 1);
    resultsLayout->addWidget(m_note);

    // One bar per row: each row's RMSE is in exactly one of the two stacked sets, so every
    // category shows a single bar, coloured by whether it was measured or quoted.
    QChart *chart = m_chart->chart();
    m_chart->setToolTip(tr("Validation RMSE of every row of the results table; grey bars are "
                           "published figures, not measured here"));
    m_bars->append(m_measured);
    m_bars->append(m_published);
    m_bars->setLabelsVisible(true);
    m_bars->setLabelsFormat(QStringLiteral("@value"));
    m_bars->setLabelsPrecision(4);
    m_bars->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    chart->addSeries(m_bars);
    m_value->setTitleText(tr("RMSE (stars)"));
    m_value->setLabelFormat(QStringLiteral("%.2f"));
    chart->addAxis(m_categories, Qt::AlignLeft);
    chart->addAxis(m_value, Qt::AlignBottom);
    m_bars->attachAxis(m_categories);
    m_bars->attachAxis(m_value);
    styleBars();

    auto *top = new QSplitter(Qt::Horizontal);
    top->addWidget(resultsBox);
    top->addWidget(m_chart);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 1);
    auto *split = new QSplitter(Qt::Vertical);
    split->setObjectName(QStringLiteral("resultsSplitter"));
    split->addWidget(top);
    split->addWidget(m_epochs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
}

void ResultsTab::setDatabasePath(const QString &path)
{
    m_dbPath = path;
    m_store.reset();
    refresh();
}

void ResultsTab::refresh()
{
    if (!m_store || m_store->path() != m_dbPath) {
        m_store.reset();
        if (QFile::exists(m_dbPath)) {
            Result<std::unique_ptr<ExperimentStore>> store = ExperimentStore::open(m_dbPath);
            if (store)
                m_store = std::move(*store);
            else
                Q_EMIT statusMessage(store.error());
        }
    }
    Table results, epochs;
    QString failure;
    if (m_store) {
        Result<Table> r = Ncf::resultsTable(*m_store);
        Result<Table> e = Ncf::epochsTable(*m_store);
        if (r && e) {
            results = *r;
            epochs = *e;
        } else {
            failure = !r ? r.error() : e.error();
        }
    } else {
        failure = tr("No experiment database at %1 yet").arg(m_dbPath);
    }
    m_results->setTable(results);
    m_epochs->setTable(epochs);
    m_note->setText(results.note);
    refreshChart();
    if (!failure.isEmpty()) {
        m_summary->setText(failure);
        qCInfo(lcUi) << failure;
        return;
    }
    const int kind = int(results.header.indexOf(ReportTr::tr("Kind")));
    const auto published = std::count_if(results.rows.begin(), results.rows.end(),
                                         [&](const QStringList &row) {
                                             return row.value(kind) == ReportTr::tr("published");
                                         });
    m_summary->setText(tr("%1 measured rows and %2 published baselines; %3 stored epochs; "
                          "from %4")
                           .arg(results.rows.size() - published)
                           .arg(published)
                           .arg(epochs.rows.size())
                           .arg(QDir::toNativeSeparators(m_dbPath)));
}

void ResultsTab::refreshChart()
{
    const Table &table = m_results->table();
    const int model = int(table.header.indexOf(ReportTr::tr("Model")));
    const int config = int(table.header.indexOf(ReportTr::tr("Configuration")));
    const int data = int(table.header.indexOf(ReportTr::tr("Data")));
    const int protocol = int(table.header.indexOf(ReportTr::tr("Protocol")));
    const int rmse = int(table.header.indexOf(ReportTr::tr("RMSE")));
    const int kind = int(table.header.indexOf(ReportTr::tr("Kind")));
    m_measured->remove(0, int(m_measured->count()));
    m_published->remove(0, int(m_published->count()));
    m_categories->clear();
    if (model < 0 || rmse < 0 || kind < 0 || table.rows.isEmpty()) {
        m_value->setRange(0, 1);
        return;
    }
    // Horizontal bars stack upwards: the table's first row goes on top.
    QStringList categories;
    QList<qreal> measured, published;
    double highest = 0.0;
    for (auto row = table.rows.crbegin(); row != table.rows.crend(); ++row) {
        const bool quoted = row->value(kind) == ReportTr::tr("published");
        // What tells the rows apart comes first: the axis elides long labels at the end.
        QString label;
        if (quoted) {
            label = tr("%1 (published), %2").arg(row->value(model), row->value(data));
        } else {
            label = row->value(model) + QStringLiteral(", ") + row->value(protocol);
            if (!row->value(config).isEmpty())
                label += QStringLiteral(": ") + elided(row->value(config), 40);
        }
        // Category names must be unique on the axis.
        const QString base = label;
        for (int n = 2; categories.contains(label); ++n)
            label = QStringLiteral("%1 [%2]").arg(base).arg(n);
        categories << label;
        bool ok = false;
        const double value = row->value(rmse).toDouble(&ok);
        const double shown = ok && std::isfinite(value) ? value : 0.0;
        highest = std::max(highest, shown);
        measured << (quoted ? 0.0 : shown);
        published << (quoted ? shown : 0.0);
    }
    m_measured->append(measured);
    m_published->append(published);
    m_categories->append(categories);
    m_value->setRange(0, highest > 0 ? highest * 1.1 : 1.0);
    m_value->applyNiceNumbers();
}

QString ResultsTab::note() const
{
    return m_note->text();
}

void ResultsTab::styleBars()
{
    m_published->setColor(kPublishedColor);
    m_published->setBorderColor(kPublishedColor.darker(140));
    m_published->setLabelColor(Qt::black);
}

void ResultsTab::changeEvent(QEvent *event)
{
    // A palette change gives the chart a new theme, which recolours every set.
    if (event->type() == QEvent::PaletteChange)
        QTimer::singleShot(0, this, &ResultsTab::styleBars);
    QWidget::changeEvent(event);
}

Result<QStringList> ResultsTab::exportReport(const QString &dir) const
{
    return exportCards(dir, {m_chart}, {m_results, m_epochs});
}

void ResultsTab::exportInteractively()
{
    QSettings settings;
    const QString start = settings.value(QStringLiteral("export/lastDir"), QDir::homePath())
                              .toString();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export report to"), start);
    if (dir.isEmpty())
        return;
    settings.setValue(QStringLiteral("export/lastDir"), dir);
    Result<QStringList> written = exportReport(dir);
    if (!written) {
        QMessageBox::warning(this, tr("Export failed"), written.error());
        return;
    }
    Q_EMIT statusMessage(tr("Report written to %1 (%2 files)")
                             .arg(QDir::toNativeSeparators(dir))
                             .arg(written->size()));
}

} // namespace Ncf::Ui
