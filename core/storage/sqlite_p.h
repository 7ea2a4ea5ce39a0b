#pragma once

// Private to core/storage: thin RAII wrappers over the SQLite C API shared by the store's
// translation units.

#include <sqlite3.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cmath>

namespace Ncf::Sql {

//! The current time as stored: ISO 8601 UTC with milliseconds.
inline QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

inline QString toText(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

inline QJsonObject toObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

//! A prepared statement that finalises itself.
class Statement
{
public:
    Statement(sqlite3 *db, const char *sql) : m_db(db)
    {
        m_ok = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) == SQLITE_OK;
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool ok() const { return m_ok; }

    Statement &bind(int index, qint64 value)
    {
        m_ok = m_ok && sqlite3_bind_int64(m_stmt, index, value) == SQLITE_OK;
        return *this;
    }
    //! A row id, NULL for 0 (no row).
    Statement &bindId(int index, qint64 id)
    {
        m_ok = m_ok
               && (id == 0 ? sqlite3_bind_null(m_stmt, index)
                           : sqlite3_bind_int64(m_stmt, index, id))
                      == SQLITE_OK;
        return *this;
    }
    Statement &bind(int index, double value)
    {
        m_ok = m_ok
               && (std::isnan(value) ? sqlite3_bind_null(m_stmt, index)
                                     : sqlite3_bind_double(m_stmt, index, value))
                      == SQLITE_OK;
        return *this;
    }
    Statement &bind(int index, const QString &value)
    {
        const QByteArray utf8 = value.toUtf8();
        m_ok = m_ok
               && sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()),
                                    SQLITE_TRANSIENT)
                      == SQLITE_OK;
        return *this;
    }

    //! Runs the statement: true while rows come (SQLITE_ROW), false at the end or on error.
    bool next()
    {
        if (!m_ok)
            return false;
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        m_ok = rc == SQLITE_DONE;
        return false;
    }
    bool run()
    {
        next();
        return m_ok;
    }

    qint64 integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    double real(int column) const
    {
        return sqlite3_column_type(m_stmt, column) == SQLITE_NULL
                   ? std::nan("")
                   : sqlite3_column_double(m_stmt, column);
    }
    QString text(int column) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return p ? QString::fromUtf8(p) : QString();
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_ok = false;
};

//! BEGIN IMMEDIATE ... COMMIT, rolled back unless commit() is reached.
class Transaction
{
public:
    explicit Transaction(sqlite3 *db) : m_db(db)
    {
        m_open = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    ~Transaction()
    {
        if (m_open)
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    bool open() const { return m_open; }
    bool commit()
    {
        const bool ok = sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
        m_open = !ok;
        return ok;
    }

private:
    sqlite3 *m_db;
    bool m_open = false;
};

} // namespace Ncf::Sql
