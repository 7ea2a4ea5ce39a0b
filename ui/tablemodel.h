#pragma once

#include "core/report/table.h"

#include <QAbstractTableModel>

namespace Ncf::Ui {

//! Shows an Ncf::Table in a view; numeric columns are right-aligned and sort as numbers.
class TableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit TableModel(QObject *parent = nullptr);

    void setTable(const Table &table);
    const Table &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    //! Role giving a cell's numeric value (or its text) for sorting.
    static constexpr int SortRole = Qt::UserRole + 1;

private:
    Table m_table;
};

} // namespace Ncf::Ui
