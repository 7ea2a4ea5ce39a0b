#pragma once

#include <QCoreApplication>

namespace Ncf {

//! Translation contexts for core code that is not a QObject. lupdate reads the
//! Q_DECLARE_TR_FUNCTIONS names, so each area's strings land in their own context.
struct DataTr
{
    Q_DECLARE_TR_FUNCTIONS(Ncf::Data)
};

struct StatsTr
{
    Q_DECLARE_TR_FUNCTIONS(Ncf::Stats)
};

struct ReportTr
{
    Q_DECLARE_TR_FUNCTIONS(Ncf::Report)
};

struct ModelsTr
{
    Q_DECLARE_TR_FUNCTIONS(Ncf::Models)
};

struct SearchTr
{
    Q_DECLARE_TR_FUNCTIONS(Ncf::Search)
};

struct StorageTr
{
    Q_DECLARE_TR_FUNCTIONS(Ncf::Storage)
};

struct StreamTr
{
    Q_DECLARE_TR_FUNCTIONS(Ncf::Stream)
};

struct ServeTr
{
    Q_DECLARE_TR_FUNCTIONS(Ncf::Serve)
};

} // namespace Ncf
