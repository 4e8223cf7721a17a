#include "engine/pipeline/lock_parse.h"

#include <nlohmann/json.hpp>

namespace cairn::pipeline {
namespace {

using json = nlohmann::json;

// Fills a LockFile from SAX events. `depth` counts open objects; only the lock's own shape is
// kept: {"stages": {NAME: {cmd, key, wdir, run: str; deps, env, params: {str: str};
// outs: {PATH: {hash: str, dir: bool, cache: bool}}}}}. Anything else is skipped whole.
class LockSax : public nlohmann::json_sax<json> {
public:
    explicit LockSax(LockFile& lock) : m_lock(lock) {}
    std::string problem;

    bool null() override { return scalar(Kind::Null); }
    bool boolean(bool b) override { return scalar(Kind::Bool, {}, b); }
    bool number_integer(number_integer_t) override { return scalar(Kind::Number); }
    bool number_unsigned(number_unsigned_t) override { return scalar(Kind::Number); }
    bool number_float(number_float_t, const string_t&) override { return scalar(Kind::Number); }
    bool string(string_t& s) override { return scalar(Kind::String, &s); }
    bool binary(binary_t&) override { return scalar(Kind::Number); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_array() override { return close(); }
    bool start_object(std::size_t) override { return open(true); }
    bool end_object() override { return close(); }
    bool key(string_t& k) override
    {
        m_key = std::move(k);
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override
    {
        problem = e.what();
        return false;
    }

private:
    enum class Kind { Null, Bool, Number, String };
    // Where the next value goes, by depth: 1 root, 2 stages, 3 a stage, 4 its maps, 5 an out.
    bool keep() const { return m_skip == 0; }
    bool wrong(const std::string& what)
    {
        problem = what;
        return false;
    }
    bool open(bool object)
    {
        if (m_depth == 0 && m_skip == 0 && !object)
            return wrong("the file must hold a JSON object");
        if (keep() && wantsScalar())
            return wrong("'" + m_key + "' must not be a list or an object here");
        if (keep() && !object && m_depth == 3 && m_stage && isMapField(m_key))
            return wrong("'" + m_key + "' of a stage must be an object");
        if (!keep() || !object) {
            ++m_skip;
            return true;
        }
        ++m_depth;
        if (m_depth == 1)
            return true;
        if (m_depth == 2 && m_key == "stages")
            return true;
        if (m_depth == 3) {  // depth 2 is open only for "stages"
            m_stage = &m_lock.stages[m_key];
            return true;
        }
        if (m_depth == 4 && m_stage && isMapField(m_key)) {
            m_map = m_key;
            return true;
        }
        if (m_depth == 5 && m_stage && m_map == "outs") {
            m_out = &m_stage->outs[m_key];
            return true;
        }
        --m_depth;  // an object the lock does not use: skip it
        ++m_skip;
        return true;
    }
    bool close()
    {
        if (m_skip > 0) {
            --m_skip;
            return true;
        }
        if (m_depth == 5)
            m_out = nullptr;
        else if (m_depth == 4)
            m_map.clear();
        else if (m_depth == 3)
            m_stage = nullptr;
        --m_depth;
        return true;
    }
    static bool isMapField(const std::string& k) { return k == "deps" || k == "env" || k == "params" || k == "outs"; }
    // A value is about to start where the lock holds a string or a boolean.
    bool wantsScalar() const
    {
        if (m_depth == 3 && m_stage)
            return m_key == "cmd" || m_key == "key" || m_key == "wdir" || m_key == "run";
        if (m_depth == 4 && m_stage && m_map != "outs")
            return true;
        return m_depth == 5 && m_out && (m_key == "hash" || m_key == "dir" || m_key == "cache");
    }
    bool scalar(Kind kind, string_t* s = nullptr, bool b = false)
    {
        if (!keep())
            return true;
        if (m_depth == 0)
            return wrong("the file must hold a JSON object");
        if (m_depth == 3 && m_stage) {
            std::string* field = m_key == "cmd" ? &m_stage->cmd : m_key == "key" ? &m_stage->key : m_key == "wdir" ? &m_stage->wdir
                                 : m_key == "run" ? &m_stage->run : nullptr;
            if (!field)
                return true;
            if (kind != Kind::String)
                return wrong("'" + m_key + "' of a stage must be a string");
            *field = std::move(*s);
        } else if (m_depth == 4 && m_stage && m_map != "outs") {
            if (kind != Kind::String)
                return wrong("the values of '" + m_map + "' must be strings");
            auto& map = m_map == "deps" ? m_stage->deps : m_map == "env" ? m_stage->env : m_stage->params;
            map[m_key] = std::move(*s);
        } else if (m_depth == 5 && m_out) {
            if (m_key == "hash") {
                if (kind != Kind::String)
                    return wrong("an out's 'hash' must be a string");
                m_out->hash = std::move(*s);
            } else if (m_key == "dir" || m_key == "cache") {
                if (kind != Kind::Bool)
                    return wrong("an out's '" + m_key + "' must be true or false");
                (m_key == "dir" ? m_out->directory : m_out->cache) = b;
            }
        }
        return true;
    }

    LockFile& m_lock;
    std::string m_key, m_map;
    int m_depth = 0;
    int m_skip = 0;  // depth inside a skipped value
    StageState* m_stage = nullptr;
    OutState* m_out = nullptr;
};

} // namespace

Result<LockFile> parseLock(std::string_view text, const std::string& path)
{
    LockFile lock;
    LockSax sax(lock);
    const bool ok = json::sax_parse(text.begin(), text.end(), &sax);
    if (!ok || !sax.problem.empty())
        return makeError("'" + path + "' is not a pipeline lock file" + (sax.problem.empty() ? "" : " (" + sax.problem + ")") +
                         "; remove it to start over");
    return lock;
}

} // namespace cairn::pipeline
