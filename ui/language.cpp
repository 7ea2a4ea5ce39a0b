#include "ui/language.h"

#include "core/common/logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace Ncf::Ui {

namespace {
const QString kKey = QStringLiteral("ui/language");
} // namespace

QString languageSetting()
{
    return QSettings().value(kKey, QStringLiteral("system")).toString();
}

void setLanguageSetting(const QString &code)
{
    QSettings().setValue(kKey, code);
}

QList<QPair<QString, QString>> availableLanguages()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("pt_PT"), QStringLiteral("Português (Portugal)")}};
}

QLocale installTranslators(QCoreApplication &app)
{
    const QString setting = languageSetting();
    const QLocale locale = setting == QLatin1String("system") ? QLocale::system()
                                                              : QLocale(setting);
    QLocale::setDefault(locale);

    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("ncf"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    else
        qCDebug(lcUi) << "no workbench translation for" << locale.name();

    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return locale;
}

} // namespace Ncf::Ui
