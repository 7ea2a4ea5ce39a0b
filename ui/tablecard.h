#pragma once

#include "core/report/table.h"
#include "ui/card.h"

class QTableView;

namespace Ncf::Ui {

class TableModel;

//! A titled table with an Export button (CSV, Markdown, LaTeX) and copy as Markdown.
class TableCard : public Card
{
    Q_OBJECT

public:
    explicit TableCard(const QString &title, QWidget *parent = nullptr);

    void setTable(const Table &table);
    const Table &table() const;
    QTableView *view() const { return m_view; }
    TableModel *model() const { return m_model; }

    Result<void> exportTo(const QString &path, TableFormat format) const;

private:
    void exportInteractively(TableFormat format);

    QTableView *m_view;
    TableModel *m_model;
};

} // namespace Ncf::Ui
