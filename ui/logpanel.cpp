#include "ui/logpanel.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QMutex>
#include <QPlainTextEdit>
#include <QPointer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Ncf::Ui {

namespace {

// Guarded by g_panelMutex: the handler runs on whichever thread logs.
QMutex g_panelMutex;
QPointer<LogPanel> g_panel;
QtMessageHandler g_previousHandler = nullptr;

void forwardMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_panelMutex);
        if (g_panel)
            g_panel->append(type, QString::fromLatin1(context.category), message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

int severity(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
    case QtFatalMsg:
        return 3;
    }
    return 0;
}

} // namespace

LogPanel::LogPanel(QWidget *parent)
    : QDockWidget(tr("Log"), parent)
    , m_text(new QPlainTextEdit)
    , m_level(new QComboBox)
{
    setObjectName(QStringLiteral("logPanel"));
    m_text->setReadOnly(true);
    m_text->setMaximumBlockCount(5000);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_level->addItems({tr("Debug and above"), tr("Info and above"), tr("Warnings and errors"),
                       tr("Errors only")});
    m_level->setCurrentIndex(1);
    m_level->setToolTip(tr("Lowest level of messages to show"));
    auto *clear = new QToolButton;
    clear->setText(tr("Clear"));
    clear->setToolTip(tr("Remove all messages from the panel"));
    connect(clear, &QToolButton::clicked, m_text, &QPlainTextEdit::clear);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_level);
    bar->addStretch(1);
    bar->addWidget(clear);
    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_text);
    setWidget(body);

    QMutexLocker lock(&g_panelMutex);
    g_panel = this;
}

LogPanel::~LogPanel()
{
    QMutexLocker lock(&g_panelMutex);
    if (g_panel == this)
        g_panel = nullptr;
}

void LogPanel::installMessageHandler()
{
    g_previousHandler = qInstallMessageHandler(forwardMessage);
}

void LogPanel::append(QtMsgType type, const QString &category, const QString &message)
{
    static const char *const levels[] = {"debug", "info", "warning", "error"};
    const int level = severity(type);
    const QString line = QStringLiteral("%1 %2 %3: %4")
                             .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                                  QLatin1String(levels[level]), category, message);
    QMetaObject::invokeMethod(this, [this, level, line] { addLine(level, line); },
                              Qt::AutoConnection);
}

QString LogPanel::text() const
{
    return m_text->toPlainText();
}

void LogPanel::addLine(int level, const QString &line)
{
    if (level >= m_level->currentIndex())
        m_text->appendPlainText(line);
}

} // namespace Ncf::Ui
