#pragma once

#include <QWidget>

class QLabel;
class QMenu;
class QToolButton;
class QVBoxLayout;

namespace Ncf::Ui {

//! A titled panel with an Export menu in its header and one body widget: the common frame
//! of ChartCard and TableCard. Its object name is the title's slug, used for export files.
class Card : public QWidget
{
    Q_OBJECT

public:
    explicit Card(const QString &title, QWidget *parent = nullptr);

    QString title() const;
    void setTitle(const QString &title);

protected:
    //! Puts `body` under the header, taking the remaining space.
    void setBody(QWidget *body);
    //! The Export button's menu, for subclasses to fill.
    QMenu *exportMenu() const { return m_menu; }
    void setExportToolTip(const QString &tip);

private:
    QLabel *m_title;
    QToolButton *m_export;
    QMenu *m_menu;
    QVBoxLayout *m_layout;
};

} // namespace Ncf::Ui
