#pragma once

#include <QLoggingCategory>

// One category per area; all are warnings-by-default and turned on with QT_LOGGING_RULES,
// for example QT_LOGGING_RULES="ncf.data.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcData)
Q_DECLARE_LOGGING_CATEGORY(lcStats)
Q_DECLARE_LOGGING_CATEGORY(lcSynth)
Q_DECLARE_LOGGING_CATEGORY(lcReport)
Q_DECLARE_LOGGING_CATEGORY(lcModels)
Q_DECLARE_LOGGING_CATEGORY(lcTrain)
Q_DECLARE_LOGGING_CATEGORY(lcTiming)
Q_DECLARE_LOGGING_CATEGORY(lcCli)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
