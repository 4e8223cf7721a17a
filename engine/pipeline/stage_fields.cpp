// The fields of one stage, after interpolation: DVC's (cmd, deps, outs, params, metrics,
// plots, wdir, desc, frozen, always_changed, meta, vars) and Cairn's (resources, retries,
// timeout, env). Every problem is reported; reading goes on after one.
#include "engine/pipeline/loader.h"
#include "engine/pipeline/loader_internal.h"

#include "engine/core/text.h"

#include <algorithm>
#include <set>

namespace cairn::pipeline::detail {
namespace {

const std::vector<std::string> kOutFlags = {"cache", "persist", "checkpoint", "push", "remote", "desc", "type", "labels", "meta"};
const std::vector<std::string> kPlotFlags = {"cache", "persist", "checkpoint", "push", "remote", "desc", "type", "labels", "meta",
                                             "template", "x", "y", "x_label", "y_label", "title", "header"};

std::string unknownKey(const std::string& key, const std::vector<std::string>& known, const std::string& where)
{
    std::string hint = didYouMean(key, known);
    std::string msg = "unknown key '" + key + "'" + (where.empty() ? "" : " in " + where);
    if (!hint.empty())
        return msg + " (did you mean '" + hint + "'?)";
    std::string list;
    for (const auto& k : known)
        list += (list.empty() ? "" : ", ") + k;
    return msg + " (expected one of: " + list + ")";
}

struct Reader {
    LoadState& st;
    Stage& stage;
    std::string prefix;

    void error(const Value& at, const std::string& field, std::string msg) { st.error(at.pos(), field, std::move(msg)); }

    bool boolean(const Value& v, const std::string& field, bool& out)
    {
        if (v.kind() != Value::Kind::Bool) {
            error(v, field, "must be true or false, not " + v.kindName() + (v.isString() ? " ('" + v.text() + "')" : ""));
            return false;
        }
        out = v.asBool();
        return true;
    }

    bool string(const Value& v, const std::string& field, std::string& out, bool allowEmpty = true)
    {
        if (!v.isString()) {
            error(v, field, "must be a string, not " + v.kindName());
            return false;
        }
        if (!allowEmpty && v.text().find_first_not_of(" \t\r\n") == std::string::npos) {
            error(v, field, "must not be empty");
            return false;
        }
        out = v.text();
        return true;
    }

    bool integer(const Value& v, const std::string& field, int& out, int min, int max)
    {
        if (v.kind() != Value::Kind::Int || v.asInt() < min || v.asInt() > max || v.text() != std::to_string(v.asInt())) {
            error(v, field, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max)
                                + (v.isScalar() ? ", not '" + scalarText(v) + "'" : ", not " + v.kindName()));
            return false;
        }
        out = static_cast<int>(v.asInt());
        return true;
    }

    void cmd(const Value& v, const std::string& field)
    {
        if (v.isString()) {
            if (v.text().find_first_not_of(" \t\r\n") == std::string::npos)
                error(v, field, "the command is empty");
            else
                stage.cmd.push_back(v.text());
            return;
        }
        if (v.isList()) {
            stage.cmdIsList = true;
            if (v.items().empty())
                error(v, field, "the list of commands is empty");
            for (std::size_t i = 0; i < v.items().size(); ++i) {
                std::string c;
                if (string(v.items()[i], field + "[" + std::to_string(i) + "]", c, false))
                    stage.cmd.push_back(c);
            }
            return;
        }
        error(v, field, "must be a command string or a list of them, not " + v.kindName());
    }

    void deps(const Value& v, const std::string& field)
    {
        if (!v.isList()) {
            error(v, field, "must be a list of paths, not " + v.kindName());
            return;
        }
        std::set<std::string> seen;
        for (std::size_t i = 0; i < v.items().size(); ++i) {
            const Value& item = v.items()[i];
            const std::string f = field + "[" + std::to_string(i) + "]";
            std::string path;
            if (!string(item, f, path, false))
                continue;
            if (!seen.insert(normalizePath(path)).second) {
                error(item, f, "'" + path + "' is listed twice");
                continue;
            }
            stage.deps.push_back({path, item.pos(), static_cast<int>(i)});
        }
    }

    void outs(const Value& v, const std::string& field, Output::Kind kind)
    {
        if (!v.isList()) {
            error(v, field, "must be a list of paths, not " + v.kindName());
            return;
        }
        const auto& flags = kind == Output::Kind::Plot ? kPlotFlags : kOutFlags;
        for (std::size_t i = 0; i < v.items().size(); ++i) {
            const Value& item = v.items()[i];
            const std::string f = field + "[" + std::to_string(i) + "]";
            Output out;
            out.kind = kind;
            out.pos = item.pos();
            out.index = static_cast<int>(i);
            if (item.isString()) {
                if (!string(item, f, out.path, false))
                    continue;
                stage.outs.push_back(std::move(out));
                continue;
            }
            if (!item.isMap() || item.entries().size() != 1) {
                error(item, f, "must be a path, or one path with its options (- model.pt: {cache: false}), not "
                                   + (item.isMap() ? std::string("a mapping of ") + std::to_string(item.entries().size()) + " keys" : item.kindName()));
                continue;
            }
            const auto& [key, opts] = item.entries()[0];
            if (!string(key, f, out.path, false))
                continue;
            out.pos = key.pos();
            const std::string of = f + "." + out.path;
            std::vector<const Value*> optionMaps;
            if (opts.isMap())
                optionMaps.push_back(&opts);
            else if (kind == Output::Kind::Plot && opts.isList()) {
                for (const auto& o : opts.items()) {
                    if (o.isMap())
                        optionMaps.push_back(&o);
                    else
                        error(o, of, "plot options must be mappings, not " + o.kindName());
                }
            } else if (!opts.isNull()) {
                error(opts, of, "options must be a mapping such as {cache: false}, not " + opts.kindName());
            }
            for (const Value* om : optionMaps) {
                for (const auto& [ok, ov] : om->entries()) {
                    const std::string name = scalarText(ok);
                    const std::string ff = of + "." + name;
                    if (std::find(flags.begin(), flags.end(), name) == flags.end()) {
                        error(ok, ff, unknownKey(name, flags, kind == Output::Kind::Plot ? "plot options" : "output options"));
                        continue;
                    }
                    if (name == "cache") boolean(ov, ff, out.cache);
                    else if (name == "persist") boolean(ov, ff, out.persist);
                    else if (name == "checkpoint") boolean(ov, ff, out.checkpoint);
                    else if (name == "push") boolean(ov, ff, out.push);
                    else if (name == "remote") string(ov, ff, out.remote);
                    else if (name == "desc") string(ov, ff, out.desc);
                    else if (name == "type") string(ov, ff, out.type);
                    else if (name == "meta") {
                    } else if (name == "labels") {
                        if (!ov.isList()) {
                            error(ov, ff, "must be a list of strings, not " + ov.kindName());
                            continue;
                        }
                        for (const auto& l : ov.items()) {
                            std::string s;
                            if (string(l, ff, s))
                                out.labels.push_back(s);
                        }
                    } else if (name == "header") {
                        bool b = false;
                        if (boolean(ov, ff, b))
                            out.plotProps[name] = b ? "true" : "false";
                    } else {
                        std::string s;
                        if (string(ov, ff, s))
                            out.plotProps[name] = s;
                    }
                }
            }
            stage.outs.push_back(std::move(out));
        }
    }

    void paramKeys(const Value& list, const std::string& field, ParamRef& ref)
    {
        for (std::size_t i = 0; i < list.items().size(); ++i) {
            const Value& k = list.items()[i];
            std::string key;
            if (string(k, field + "[" + std::to_string(i) + "]", key, false))
                ref.keys.push_back({key, k.pos(), static_cast<int>(i)});
        }
    }

    void params(const Value& v, const std::string& field)
    {
        if (!v.isList()) {
            error(v, field, "must be a list of params keys or {file: [keys]}, not " + v.kindName());
            return;
        }
        ParamRef defaults;
        defaults.file = "params.yaml";
        defaults.pos = v.pos();
        for (std::size_t i = 0; i < v.items().size(); ++i) {
            const Value& item = v.items()[i];
            const std::string f = field + "[" + std::to_string(i) + "]";
            if (item.isString()) {
                std::string key;
                if (string(item, f, key, false))
                    defaults.keys.push_back({key, item.pos(), static_cast<int>(i)});
                continue;
            }
            if (!item.isMap()) {
                error(item, f, "must be a params key or {file: [keys]}, not " + item.kindName());
                continue;
            }
            for (const auto& [fk, keys] : item.entries()) {
                ParamRef ref;
                if (!string(fk, f, ref.file, false))
                    continue;
                ref.pos = fk.pos();
                const std::string ff = f + "." + ref.file;
                if (keys.isNull()) {
                    ref.wholeFile = true;
                } else if (keys.isList()) {
                    paramKeys(keys, ff, ref);
                    ref.wholeFile = keys.items().empty();
                } else {
                    error(keys, ff, "must be a list of keys, or empty for the whole file, not " + keys.kindName());
                    continue;
                }
                stage.params.push_back(std::move(ref));
            }
        }
        if (!defaults.keys.empty())
            stage.params.insert(stage.params.begin(), std::move(defaults));
    }

    void resources(const Value& v, const std::string& field)
    {
        if (!v.isMap()) {
            error(v, field, "must be a mapping such as {gpus: 1, nproc: 4}, not " + v.kindName());
            return;
        }
        static const std::vector<std::string> known = {"gpus", "nproc"};
        for (const auto& [k, val] : v.entries()) {
            const std::string name = scalarText(k);
            if (name == "gpus")
                integer(val, field + ".gpus", stage.resources.gpus, 0, 1024);
            else if (name == "nproc")
                integer(val, field + ".nproc", stage.resources.nproc, 1, 1024);
            else
                error(k, field + "." + name, unknownKey(name, known, "resources"));
        }
    }

    void timeout(const Value& v, const std::string& field)
    {
        std::optional<double> seconds;
        if (v.kind() == Value::Kind::Int || v.kind() == Value::Kind::Float)
            seconds = v.kind() == Value::Kind::Int ? static_cast<double>(v.asInt()) : v.asFloat();
        else if (v.isString())
            seconds = parseDuration(v.text());
        if (!seconds || !(*seconds > 0) || *seconds > 1e9) {
            error(v, field, "must be a positive duration: seconds (90) or 90s, 30m, 2h, 1h30m; not "
                                + (v.isScalar() ? "'" + scalarText(v) + "'" : v.kindName()));
            return;
        }
        stage.timeoutSeconds = seconds;
    }

    void env(const Value& v, const std::string& field)
    {
        if (!v.isMap()) {
            error(v, field, "must be a mapping of variable names to values, not " + v.kindName());
            return;
        }
        for (const auto& [k, val] : v.entries()) {
            const std::string name = scalarText(k);
            const std::string f = field + "." + name;
            if (name.empty() || name.find('=') != std::string::npos || std::isdigit(static_cast<unsigned char>(name[0]))) {
                error(k, f, "'" + name + "' is not an environment variable name");
                continue;
            }
            if (!val.isPrimitive()) {
                error(val, f, "must be a string or a number, not " + val.kindName());
                continue;
            }
            stage.env.emplace_back(name, scalarText(val));
        }
    }
};

} // namespace

const std::vector<std::string>& stageKeys()
{
    static const std::vector<std::string> keys = {"cmd",    "wdir", "deps",      "params",  "outs",    "metrics",
                                                  "plots",  "frozen", "always_changed", "vars", "desc", "meta",
                                                  "resources", "retries", "timeout", "env"};
    return keys;
}

void parseStageFields(LoadState& st, const Value& m, Stage& stage, const std::string& prefix)
{
    Reader r{st, stage, prefix};
    bool hasCmd = false;
    for (const auto& [k, v] : m.entries()) {
        const std::string key = scalarText(k);
        const std::string field = prefix + "." + key;
        stage.fields[key] = k.pos();
        if (key == "cmd") {
            hasCmd = true;
            r.cmd(v, field);
        } else if (key == "wdir") {
            std::string w;
            if (r.string(v, field, w))
                stage.wdir = normalizePath(w) == "." ? "" : normalizePath(w);
        } else if (key == "deps") {
            r.deps(v, field);
        } else if (key == "outs") {
            r.outs(v, field, Output::Kind::Out);
        } else if (key == "metrics") {
            r.outs(v, field, Output::Kind::Metric);
        } else if (key == "plots") {
            r.outs(v, field, Output::Kind::Plot);
        } else if (key == "params") {
            r.params(v, field);
        } else if (key == "frozen") {
            r.boolean(v, field, stage.frozen);
        } else if (key == "always_changed") {
            r.boolean(v, field, stage.alwaysChanged);
        } else if (key == "desc") {
            r.string(v, field, stage.desc);
        } else if (key == "meta" || key == "vars") {
            // meta is free-form; vars were loaded before interpolation.
        } else if (key == "resources") {
            r.resources(v, field);
        } else if (key == "retries") {
            r.integer(v, field, stage.retries, 0, 100);
        } else if (key == "timeout") {
            r.timeout(v, field);
        } else if (key == "env") {
            r.env(v, field);
        } else if (key == "live") {
            st.warning(k.pos(), field, "'live' is a DVC 2.x field that DVC 3 removed; ignored");
        } else if (key == "foreach" || key == "do") {
            st.error(k.pos(), field, "'" + key + "' needs both 'foreach' and 'do', and no other keys beside them");
        } else {
            st.error(k.pos(), field, unknownKey(key, stageKeys(), "a stage"));
        }
    }
    if (!hasCmd)
        st.error(stage.pos, prefix, "stage '" + stage.name + "' has no 'cmd'");
    // outs listed twice in one stage (DVC's schema wants unique items)
    std::set<std::string> seen;
    for (const auto& o : stage.outs)
        if (!seen.insert(normalizePath(o.path)).second)
            st.error(o.pos, prefix + "." + outputListName(o.kind) + "[" + std::to_string(o.index) + "]",
                     "output '" + o.path + "' is listed twice in stage '" + stage.name + "'");
}

} // namespace cairn::pipeline::detail
