#include "core/common/logging.h"

Q_LOGGING_CATEGORY(lcData, "ncf.data", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStats, "ncf.stats", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSynth, "ncf.synth", QtWarningMsg)
Q_LOGGING_CATEGORY(lcReport, "ncf.report", QtWarningMsg)
Q_LOGGING_CATEGORY(lcModels, "ncf.models", QtWarningMsg)
Q_LOGGING_CATEGORY(lcTrain, "ncf.train", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSearch, "ncf.search", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStorage, "ncf.storage", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStream, "ncf.stream", QtWarningMsg)
Q_LOGGING_CATEGORY(lcTiming, "ncf.timing", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCli, "ncf.cli", QtWarningMsg)
Q_LOGGING_CATEGORY(lcUi, "ncf.ui", QtWarningMsg)
