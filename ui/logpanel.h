#pragma once

#include <QDockWidget>

class QComboBox;
class QPlainTextEdit;

namespace Ncf::Ui {

//! The log panel: every QLoggingCategory message of the process, newest last, filterable by
//! level. Messages from worker threads are queued to the GUI thread.
class LogPanel : public QDockWidget
{
    Q_OBJECT

public:
    explicit LogPanel(QWidget *parent = nullptr);
    ~LogPanel() override;

    //! Routes Qt's message handler to the open panel (and on to stderr as before).
    static void installMessageHandler();

    //! Appends one line; safe to call from any thread.
    void append(QtMsgType type, const QString &category, const QString &message);

    QString text() const;

private:
    void addLine(int type, const QString &line);

    QPlainTextEdit *m_text;
    QComboBox *m_level;
};

} // namespace Ncf::Ui
