#include "ui/tablecard.h"

#include "ui/chartexport.h"
#include "ui/tablemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Ncf::Ui {

TableCard::TableCard(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_view(new QTableView(this))
    , m_model(new TableModel(this))
{
    setObjectName(fileSlug(title));
    QFont font = m_title->font();
    font.setBold(true);
    m_title->setFont(font);

    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setToolTip(tr("Save this table as CSV, Markdown or LaTeX, or copy it"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("CSV..."), this, [this] { exportInteractively(TableFormat::Csv); });
    menu->addAction(tr("Markdown..."), this,
                    [this] { exportInteractively(TableFormat::Markdown); });
    menu->addAction(tr("LaTeX..."), this, [this] { exportInteractively(TableFormat::Latex); });
    menu->addSeparator();
    menu->addAction(tr("Copy as Markdown"), this, [this] {
        QApplication::clipboard()->setText(toMarkdown(m_model->table()));
    });
    exportButton->setMenu(menu);

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(TableModel::SortRole);
    m_view->setModel(proxy);
    m_view->setSortingEnabled(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
}

void TableCard::setTable(const Table &table)
{
    m_model->setTable(table);
    if (!table.title.isEmpty())
        m_title->setText(table.title);
}

const Table &TableCard::table() const
{
    return m_model->table();
}

Result<void> TableCard::exportTo(const QString &path, TableFormat format) const
{
    return writeTable(m_model->table(), path, format);
}

void TableCard::exportInteractively(TableFormat format)
{
    static const char *const filters[] = {QT_TR_NOOP("CSV files (*.csv)"),
                                          QT_TR_NOOP("Markdown files (*.md)"),
                                          QT_TR_NOOP("LaTeX files (*.tex)")};
    const QString path = askExportPath(this, fileSlug(m_title->text()), tableSuffix(format),
                                       tr(filters[int(format)]));
    if (path.isEmpty())
        return;
    if (Result<void> r = exportTo(path, format); !r)
        QMessageBox::warning(this, tr("Export failed"), r.error());
}

} // namespace Ncf::Ui
