#include "engine/store/saved_views.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>

#include <unistd.h>

namespace cairn {
namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

constexpr int kFormatVersion = 1;

// Line and column (from 1) of a byte offset, for a parse error a person can find.
std::pair<std::size_t, std::size_t> lineColumn(std::string_view text, std::size_t byte)
{
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

// nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: what" -> "what".
std::string parseWhat(const std::string& what)
{
    auto colon = what.find(": ");
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

Result<std::string> stringField(const json& object, const char* key, const std::string& where)
{
    auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return std::string();
    if (!it->is_string())
        return makeError(where + "." + key + " must be a string");
    return it->get<std::string>();
}

Result<std::vector<std::string>> stringList(const json& object, const char* key, const std::string& where)
{
    std::vector<std::string> out;
    auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return out;
    if (!it->is_array())
        return makeError(where + "." + key + " must be a list of strings");
    for (const auto& item : *it) {
        if (!item.is_string())
            return makeError(where + "." + key + " must be a list of strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}

Result<ViewsFile> fromJson(const json& doc)
{
    if (!doc.is_object())
        return makeError("the top level must be an object with \"views\" and \"pinned\"");
    if (auto v = doc.find("version"); v != doc.end() && (!v->is_number_integer() || v->get<int>() > kFormatVersion))
        return makeError("version " + v->dump() + " is newer than this Cairn reads (" + std::to_string(kFormatVersion) + ")");
    ViewsFile out;
    if (auto it = doc.find("pinned"); it != doc.end() && !it->is_null()) {
        if (!it->is_array())
            return makeError("pinned must be a list of run ids");
        for (const auto& id : *it) {
            if (!id.is_string())
                return makeError("pinned must be a list of run ids");
            out.pinned.push_back(id.get<std::string>());
        }
    }
    auto views = doc.find("views");
    if (views == doc.end() || views->is_null())
        return out;
    if (!views->is_array())
        return makeError("views must be a list of objects");
    for (std::size_t i = 0; i < views->size(); ++i) {
        const json& v = (*views)[i];
        const std::string where = "views[" + std::to_string(i) + "]";
        if (!v.is_object())
            return makeError(where + " must be an object");
        SavedView view;
        auto name = stringField(v, "name", where);
        auto filter = stringField(v, "filter", where);
        auto sort = stringField(v, "sort", where);
        auto group = stringField(v, "group_by", where);
        auto columns = stringList(v, "columns", where);
        for (const auto* r : {&name, &filter, &sort, &group})
            if (!*r)
                return r->error();
        if (!columns)
            return columns.error();
        if (name->empty())
            return makeError(where + " has no name");
        if (auto asc = v.find("ascending"); asc != v.end() && !asc->is_boolean())
            return makeError(where + ".ascending must be true or false");
        view.name = *name;
        view.filter = *filter;
        view.sort = *sort;
        view.groupBy = *group;
        view.columns = std::move(*columns);
        view.ascending = v.value("ascending", false);
        if (findView(out, view.name))
            return makeError(where + ": a second view named '" + view.name + "'");
        putView(out, std::move(view));
    }
    return out;
}

} // namespace

fs::path viewsFilePath(const fs::path& projectRoot) { return projectRoot / ".cairn" / "views.json"; }

Result<ViewsFile> parseViews(std::string_view text, const std::string& fileName)
{
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        auto [line, column] = lineColumn(text, e.byte > 0 ? e.byte - 1 : 0);
        return makeError(fileName + ":" + std::to_string(line) + ":" + std::to_string(column) + ": not valid JSON: "
                         + parseWhat(e.what()));
    }
    auto views = fromJson(doc);
    if (!views)
        return makeError(fileName + ": " + views.message());
    return views;
}

Result<ViewsFile> loadViews(const fs::path& file)
{
    std::error_code ec;
    if (!fs::exists(file, ec))
        return ViewsFile{};
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return makeError("cannot read " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    auto views = parseViews(text.str(), file.string());
    if (!views)
        return makeError(views.message() + " (the file is left as it is: fix it, or move it away to start afresh)");
    return views;
}

std::string viewsJson(const ViewsFile& views)
{
    ordered_json doc;
    doc["version"] = kFormatVersion;
    doc["views"] = ordered_json::array();
    for (const SavedView& v : views.views) {
        ordered_json j;
        j["name"] = v.name;
        j["filter"] = v.filter;
        j["columns"] = v.columns;
        j["sort"] = v.sort;
        j["ascending"] = v.ascending;
        j["group_by"] = v.groupBy;
        doc["views"].push_back(std::move(j));
    }
    doc["pinned"] = views.pinned;
    return doc.dump(2) + "\n";
}

Status saveViews(const fs::path& file, const ViewsFile& views)
{
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec)
        return makeError("cannot create " + file.parent_path().string() + ": " + ec.message());
    const fs::path temp = file.parent_path() / (file.filename().string() + ".tmp." + std::to_string(::getpid()));
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << viewsJson(views);
        out.flush();
        if (!out) {
            fs::remove(temp, ec);
            return makeError("cannot write " + temp.string());
        }
    }
    fs::rename(temp, file, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        return makeError("cannot replace " + file.string() + ": " + ec.message());
    }
    return Ok{};
}

Result<ViewsFile> updateViews(const fs::path& file, const std::function<void(ViewsFile&)>& change)
{
    auto views = loadViews(file);
    if (!views)
        return views.error();
    change(*views);
    if (auto s = saveViews(file, *views); !s)
        return s.error();
    return views;
}

const SavedView* findView(const ViewsFile& views, std::string_view name)
{
    for (const SavedView& v : views.views)
        if (v.name == name)
            return &v;
    return nullptr;
}

void putView(ViewsFile& views, SavedView view)
{
    auto it = std::lower_bound(views.views.begin(), views.views.end(), view.name,
                               [](const SavedView& v, const std::string& name) { return v.name < name; });
    if (it != views.views.end() && it->name == view.name)
        *it = std::move(view);
    else
        views.views.insert(it, std::move(view));
}

bool removeView(ViewsFile& views, std::string_view name)
{
    auto it = std::find_if(views.views.begin(), views.views.end(), [&](const SavedView& v) { return v.name == name; });
    if (it == views.views.end())
        return false;
    views.views.erase(it);
    return true;
}

std::vector<std::string> viewNames(const ViewsFile& views)
{
    std::vector<std::string> names;
    for (const SavedView& v : views.views)
        names.push_back(v.name);
    return names;
}

} // namespace cairn
