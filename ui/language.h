#pragma once

#include <QList>
#include <QLocale>
#include <QPair>
#include <QString>

class QCoreApplication;

namespace Ncf::Ui {

//! The language setting: "system" (the default, follows the system locale), "en" or "pt_PT".
QString languageSetting();
void setLanguageSetting(const QString &code);

//! The languages the workbench ships, as (code, name in that language).
QList<QPair<QString, QString>> availableLanguages();

//! Installs the translators for the chosen language (ours and Qt's own). Returns the locale
//! in use.
QLocale installTranslators(QCoreApplication &app);

} // namespace Ncf::Ui
