// What the text of a filter box means, shared by the workbench and saved views on the CLI:
// text that parses in the search language is that search; any other text matches runs whose
// name, id or experiment contains it (ASCII case-insensitively).
#pragma once

#include <string>
#include <string_view>

namespace cairn::query {

// True when `text` is a search (it parses and is not blank).
bool isSearchText(std::string_view text);

// The search for a filter box's text: the text itself when it is a search, "" when it is
// blank, else a search for the runs whose name, id or experiment contains the text.
std::string filterTextSearch(std::string_view text);

// A search string literal ('...') that matches `text` literally inside a `like` pattern:
// quotes doubled, % _ and \ escaped.
std::string likeContainsLiteral(std::string_view text);

} // namespace cairn::query
