#include "ui/tablecard.h"

#include "ui/chartexport.h"
#include "ui/tablemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTableView>

namespace Ncf::Ui {

TableCard::TableCard(const QString &title, QWidget *parent)
    : Card(title, parent)
    , m_view(new QTableView(this))
    , m_model(new TableModel(this))
{
    setExportToolTip(tr("Save this table as CSV, Markdown or LaTeX, or copy it"));
    QMenu *menu = exportMenu();
    menu->addAction(tr("CSV..."), this, [this] { exportInteractively(TableFormat::Csv); });
    menu->addAction(tr("Markdown..."), this,
                    [this] { exportInteractively(TableFormat::Markdown); });
    menu->addAction(tr("LaTeX..."), this, [this] { exportInteractively(TableFormat::Latex); });
    menu->addSeparator();
    menu->addAction(tr("Copy as Markdown"), this, [this] {
        QApplication::clipboard()->setText(toMarkdown(m_model->table()));
    });

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

    setBody(m_view);
}

void TableCard::setTable(const Table &table)
{
    m_model->setTable(table);
    if (!table.title.isEmpty())
        setTitle(table.title);
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
    exportTableInteractively(this, title(), format, [this](const QString &path, TableFormat f) {
        return exportTo(path, f);
    });
}

} // namespace Ncf::Ui
