// Thin RAII wrapper over the SQLite C API. Private to engine/store: nothing outside includes it.
#pragma once

#include "engine/core/result.h"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace cairn {

class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt) { other.m_stmt = nullptr; }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t v) { sqlite3_bind_int64(m_stmt, index, v); return *this; }
    Statement& bind(int index, int v) { sqlite3_bind_int64(m_stmt, index, v); return *this; }
    Statement& bind(int index, double v);  // NaN is stored as NULL (SQLite has no NaN)
    Statement& bind(int index, std::string_view v)
    {
        sqlite3_bind_text(m_stmt, index, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bindNull(int index) { sqlite3_bind_null(m_stmt, index); return *this; }
    Statement& bindBlob(int index, std::string_view v)
    {
        sqlite3_bind_blob64(m_stmt, index, v.data(), v.size(), SQLITE_TRANSIENT);
        return *this;
    }
    template <typename T>
    Statement& bind(int index, const std::optional<T>& v) { return v ? bind(index, *v) : bindNull(index); }

    // Returns true while a row is available; Error on failure.
    Result<bool> step();
    Status run();  // step to completion, ignoring rows
    void reset() { sqlite3_reset(m_stmt); sqlite3_clear_bindings(m_stmt); }

    std::int64_t int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
    double real(int col) const;  // NULL reads back as NaN
    std::string text(int col) const;
    // Valid until the next step() or reset().
    std::string_view blob(int col) const
    {
        const void* p = sqlite3_column_blob(m_stmt, col);
        return p ? std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col)))
                 : std::string_view();
    }
    bool isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
};

class Database {
public:
    static Result<std::unique_ptr<Database>> open(const std::filesystem::path& path, bool readOnly, bool create);
    ~Database();

    Status exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    Result<std::int64_t> queryInt(std::string_view sql);
    std::string lastError() const;
    std::int64_t lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }
    sqlite3* handle() const { return m_db; }

private:
    explicit Database(sqlite3* db) : m_db(db) {}
    sqlite3* m_db;
};

// Calls `row(statement)` for every result row; stops at the first error.
template <typename F>
Status forEachRow(Statement& st, F&& row)
{
    for (;;) {
        auto more = st.step();
        if (!more)
            return more.error();
        if (!*more)
            return Ok{};
        row(st);
    }
}

// Steps to the statement's first row: the query's error, or `none` when it returned no row.
inline Status firstRow(Statement& st, const std::string& none)
{
    auto row = st.step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(none);
    return Ok{};
}

// Commits on commit(); rolls back when destroyed without it. Nests: inside another
// transaction it is a savepoint, so typed queries compose into larger transactions.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Status commit();
    bool began() const { return m_began; }

private:
    Database& m_db;
    bool m_began = false;
    bool m_done = false;
    bool m_nested = false;
};

// INSERT-or-replace of (run, key, value) pairs into `table` (params or tags).
template <typename It>
Status upsertPairs(Database& db, const char* table, std::int64_t run, It begin, It end)
{
    if (begin == end)
        return Ok{};
    auto st = db.prepare(std::string("INSERT INTO ") + table
                         + "(run, key, value) VALUES(?,?,?) ON CONFLICT(run, key) DO UPDATE SET value = excluded.value");
    if (!st)
        return st.error();
    for (It it = begin; it != end; ++it) {
        st->bind(1, run).bind(2, it->first).bind(3, it->second);
        if (auto s = st->run(); !s)
            return s;
    }
    return Ok{};
}

} // namespace cairn
