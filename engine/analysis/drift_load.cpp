// Loading drift inputs (two CSV files) and the YAML drift spec.
#include "engine/analysis/drift.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <tuple>

namespace cairn::analysis {
namespace {

std::string at(const std::string& path, const YAML::Mark& m)
{
    return path + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1) + ": ";
}

Result<double> number(const std::string& path, const YAML::Node& n, const std::string& key)
{
    double v = 0;
    if (!n.IsScalar() || !YAML::convert<double>::decode(n, v) || !std::isfinite(v))
        return makeError(at(path, n.Mark()) + "'" + key + "' must be a number");
    return v;
}

} // namespace

Result<DriftOptions> loadDriftSpec(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        return makeError(path + ": cannot open the drift spec");
    YAML::Node root;
    try {
        root = YAML::Load(in);
    } catch (const YAML::Exception& e) {
        return makeError(at(path, e.mark) + e.msg);
    }
    DriftOptions o;
    if (root.IsNull())
        return o;
    if (!root.IsMap())
        return makeError(at(path, root.Mark()) + "the drift spec must be a mapping (drift_share, threshold, columns)");
    for (const auto& kv : root) {
        const std::string key = kv.first.as<std::string>();
        const YAML::Node& v = kv.second;
        if (key == "drift_share" || key == "threshold") {
            auto x = number(path, v, key);
            if (!x)
                return x.error();
            if (key == "drift_share" && (*x < 0 || *x > 1))
                return makeError(at(path, v.Mark()) + "'drift_share' must be between 0 and 1");
            (key == "drift_share" ? o.driftShare : o.threshold.emplace()) = *x;
        } else if (key == "columns") {
            if (!v.IsMap())
                return makeError(at(path, v.Mark()) + "'columns' must map column names to {type, test, threshold}");
            for (const auto& col : v) {
                const std::string name = col.first.as<std::string>();
                ColumnOverride c;
                if (!col.second.IsMap())
                    return makeError(at(path, col.second.Mark()) + "column '" + name + "' needs a mapping");
                for (const auto& f : col.second) {
                    const std::string field = f.first.as<std::string>();
                    const YAML::Node& fv = f.second;
                    const std::string text = fv.IsScalar() ? fv.Scalar() : "";
                    if (field == "threshold") {
                        auto x = number(path, fv, "threshold");
                        if (!x)
                            return x.error();
                        c.threshold = *x;
                    } else if (field == "test") {
                        c.test = parseTest(text);
                        if (!c.test)
                            return makeError(at(path, fv.Mark()) + "unknown test '" + text +
                                             "'; expected auto, ks, chisquare, z, wasserstein, jensenshannon, psi, kl_div or hellinger");
                    } else if (field == "type") {
                        if (text == "num" || text == "numerical")
                            c.type = ColumnType::Numeric;
                        else if (text == "cat" || text == "categorical")
                            c.type = ColumnType::Categorical;
                        else
                            return makeError(at(path, fv.Mark()) + "type must be num or cat, not '" + text + "'");
                    } else {
                        return makeError(at(path, f.first.Mark()) + "unknown field '" + field +
                                         "' (expected type, test or threshold)");
                    }
                }
                o.columns[name] = c;
            }
        } else {
            return makeError(at(path, kv.first.Mark()) + "unknown key '" + key +
                             "' (expected drift_share, threshold or columns)");
        }
    }
    return o;
}

Result<DriftInputs> loadDriftInputs(const std::string& refPath, const std::string& curPath,
                                    const std::vector<std::string>& columns, const DriftOptions& options)
{
    CsvReadOptions ro;
    ro.only.insert(columns.begin(), columns.end());
    auto ref = readCsv(refPath, ro);
    if (!ref)
        return ref.error();
    auto cur = readCsv(curPath, ro);
    if (!cur)
        return cur.error();
    DriftInputs in;
    in.columns = columns.empty() ? ref->names() : columns;
    std::set<std::string> textInRef, textInCur;
    for (const auto& name : in.columns) {
        const Column* a = ref->find(name);
        const Column* b = cur->find(name);
        if (!a)
            return makeError(refPath + ": no column '" + name + "'");
        if (!b)
            return makeError(curPath + ": no column '" + name + "' (it is in " + refPath + ")");
        // Text in a column the other file holds as numbers: bad data, unless the spec says the
        // column is categorical (then both files are read as text).
        auto declared = options.columns.find(name);
        const bool categorical = declared != options.columns.end() && declared->second.type == ColumnType::Categorical;
        for (auto [text, num, textPath, numPath] : {std::tuple{a, b, &refPath, &curPath}, std::tuple{b, a, &curPath, &refPath}}) {
            const bool numbers = std::any_of(num->num.begin(), num->num.end(), [](double v) { return !std::isnan(v); });
            if (text->text && !num->text && numbers && !categorical && text->firstTextLine > 0)
                return makeError(*textPath + ":" + std::to_string(text->firstTextLine) + ": column '" + name + "': '" + text->firstText
                                 + "' is not a number, and the column is numeric in " + *numPath
                                 + "; fix the value, or declare the column categorical in the spec (columns: {" + name
                                 + ": {type: cat}})");
        }
        if (a->text && !b->text)
            textInRef.insert(name);
        if (b->text && !a->text)
            textInCur.insert(name);
    }
    // A column with text in either file is categorical text in both.
    if (!textInRef.empty()) {
        ro.only = ro.forceText = textInRef;
        auto again = readCsv(curPath, ro);
        if (!again)
            return again.error();
        for (auto& c : cur->columns)
            if (const Column* t = again->find(c.name))
                c = *t;
    }
    if (!textInCur.empty()) {
        ro.only = ro.forceText = textInCur;
        auto again = readCsv(refPath, ro);
        if (!again)
            return again.error();
        for (auto& c : ref->columns)
            if (const Column* t = again->find(c.name))
                c = *t;
    }
    for (auto* t : {&ref.value(), &cur.value()})
        for (auto& c : t->columns) {
            if (c.text)
                c.type = ColumnType::Categorical;
            if (auto it = options.columns.find(c.name); it != options.columns.end() && it->second.type) {
                if (*it->second.type == ColumnType::Numeric && c.text)
                    return makeError(t->path + ": column '" + c.name +
                                     "' is declared numerical but holds non-numeric text");
                c.type = *it->second.type;
            }
        }
    in.ref = std::move(*ref);
    in.cur = std::move(*cur);
    return in;
}

} // namespace cairn::analysis
