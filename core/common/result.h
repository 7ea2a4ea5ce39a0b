#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Ncf {

//! An error message meant for a person: already translated, names the file/line where it can.
struct Error
{
    QString message;
};

//! The outcome of a fallible core call: a value, or an Error with a readable message.
//! Example: `Result<int> r = parse(); if (!r) qWarning() << r.error();`
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    // By value, so that `for (auto &x : *f())` keeps the moved-out value alive.
    T operator*() && { return std::move(*this).value(); }

    const QString &error() const { return std::get<1>(m_data).message; }

private:
    std::variant<T, Error> m_data;
};

//! A fallible call with no value.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error->message; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(QString message)
{
    return Error{std::move(message)};
}

} // namespace Ncf
