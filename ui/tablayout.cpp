#include "ui/tablayout.h"

#include <QSplitter>
#include <QVBoxLayout>

namespace Ncf::Ui {

void installTabLayout(QWidget *tab, QWidget *controls, QWidget *charts, QWidget *table,
                      const QString &name)
{
    auto *right = new QSplitter(Qt::Vertical);
    right->setObjectName(name + QStringLiteral("RightSplitter"));
    right->addWidget(charts);
    right->addWidget(table);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);

    auto *split = new QSplitter(Qt::Horizontal);
    split->setObjectName(name + QStringLiteral("Splitter"));
    split->addWidget(controls);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(split);
}

} // namespace Ncf::Ui
