#include "engine/store/database.h"

#include <cmath>
#include <limits>

namespace cairn {

Statement& Statement::bind(int index, double v)
{
    if (std::isnan(v))
        sqlite3_bind_null(m_stmt, index);
    else
        sqlite3_bind_double(m_stmt, index, v);
    return *this;
}

Result<bool> Statement::step()
{
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return makeError(std::string("database error: ") + sqlite3_errmsg(m_db));
}

Status Statement::run()
{
    for (;;) {
        auto r = step();
        if (!r)
            return r.error();
        if (!*r)
            break;
    }
    sqlite3_reset(m_stmt);
    return Ok{};
}

double Statement::real(int col) const
{
    if (sqlite3_column_type(m_stmt, col) == SQLITE_NULL)
        return std::numeric_limits<double>::quiet_NaN();
    return sqlite3_column_double(m_stmt, col);
}

std::string Statement::text(int col) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    if (!p)
        return {};
    return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col)));
}

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path, bool readOnly, bool create)
{
    sqlite3* db = nullptr;
    int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create && !readOnly)
        flags |= SQLITE_OPEN_CREATE;
    flags |= SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        return makeError("cannot open database " + path.string() + ": " + msg);
    }
    sqlite3_busy_timeout(db, 10000);
    sqlite3_extended_result_codes(db, 1);
    return std::unique_ptr<Database>(new Database(db));
}

Database::~Database() { sqlite3_close(m_db); }

Status Database::exec(std::string_view sql)
{
    char* err = nullptr;
    std::string s(sql);
    if (sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errmsg(m_db);
        sqlite3_free(err);
        return makeError("database error: " + msg);
    }
    return Ok{};
}

Result<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
        return makeError(std::string("database error: ") + sqlite3_errmsg(m_db) + " in: " + std::string(sql));
    return Statement(m_db, stmt);
}

Result<std::int64_t> Database::queryInt(std::string_view sql)
{
    auto st = prepare(sql);
    if (!st)
        return st.error();
    auto row = st->step();
    if (!row)
        return row.error();
    return *row ? st->int64(0) : std::int64_t{0};
}

std::string Database::lastError() const { return sqlite3_errmsg(m_db); }

Transaction::Transaction(Database& db) : m_db(db)
{
    m_nested = sqlite3_get_autocommit(m_db.handle()) == 0;
    m_began = static_cast<bool>(m_db.exec(m_nested ? "SAVEPOINT cairn_nested" : "BEGIN IMMEDIATE"));
}

Transaction::~Transaction()
{
    if (m_began && !m_done)
        (void)m_db.exec(m_nested ? "ROLLBACK TO cairn_nested; RELEASE cairn_nested" : "ROLLBACK");
}

Status Transaction::commit()
{
    if (!m_began)
        return makeError("database error: could not begin a transaction: " + m_db.lastError());
    m_done = true;
    return m_db.exec(m_nested ? "RELEASE cairn_nested" : "COMMIT");
}

} // namespace cairn
