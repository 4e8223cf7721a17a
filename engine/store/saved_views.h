// Saved views and pinned runs of a project, in <project>/.cairn/views.json (docs/runs-table.md).
// The database belongs to the engine, so what the workbench remembers about the runs table
// lives in this small file, shared by the workbench and `cairn runs --view`. Writes are
// atomic (a temporary file renamed over the old one); a file that does not read is reported
// with its path, line and column and never overwritten.
#pragma once

#include "engine/core/result.h"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn {

struct SavedView {
    std::string name;
    std::string filter;                // as typed in the filter box: a search, or plain text
    std::vector<std::string> columns;  // fields in order ("name", "metrics.acc"...); empty: the default columns
    std::string sort;                  // a field; empty: start
    bool ascending = false;
    std::string groupBy;               // a field; empty: no groups

    bool operator==(const SavedView&) const = default;
};

struct ViewsFile {
    std::vector<SavedView> views;      // sorted by name
    std::vector<std::string> pinned;   // run ids, in the order they were pinned

    bool operator==(const ViewsFile&) const = default;
};

// <root>/.cairn/views.json
std::filesystem::path viewsFilePath(const std::filesystem::path& projectRoot);

// A missing file reads as no views and no pins. Text that is not JSON, or JSON of the wrong
// shape, is an error that names the file (and line and column); the file is left as it is.
Result<ViewsFile> loadViews(const std::filesystem::path& file);
Result<ViewsFile> parseViews(std::string_view text, const std::string& fileName);
std::string viewsJson(const ViewsFile& views);

// Writes `views` to `file` atomically, creating its folder.
Status saveViews(const std::filesystem::path& file, const ViewsFile& views);
// Reads the file as it is now (another program may have changed it), applies `change` and
// writes it back. When the file does not read, nothing is written and the error says why.
Result<ViewsFile> updateViews(const std::filesystem::path& file, const std::function<void(ViewsFile&)>& change);

const SavedView* findView(const ViewsFile& views, std::string_view name);
// Adds the view, or replaces the one of the same name.
void putView(ViewsFile& views, SavedView view);
bool removeView(ViewsFile& views, std::string_view name);
std::vector<std::string> viewNames(const ViewsFile& views);

} // namespace cairn
