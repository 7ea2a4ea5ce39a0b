#include "ui/card.h"

#include "ui/chartexport.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

namespace Ncf::Ui {

Card::Card(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_export(new QToolButton(this))
    , m_menu(new QMenu(m_export))
    , m_layout(new QVBoxLayout(this))
{
    setObjectName(fileSlug(title));
    QFont font = m_title->font();
    font.setBold(true);
    m_title->setFont(font);
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setMenu(m_menu);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_export);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addLayout(header);
}

QString Card::title() const
{
    return m_title->text();
}

void Card::setTitle(const QString &title)
{
    m_title->setText(title);
}

void Card::setBody(QWidget *body)
{
    m_layout->addWidget(body, 1);
}

void Card::setExportToolTip(const QString &tip)
{
    m_export->setToolTip(tip);
}

} // namespace Ncf::Ui
