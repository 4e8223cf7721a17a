#include "engine/query/filter_text.h"

#include "engine/query/search_parser.h"

namespace cairn::query {

bool isSearchText(std::string_view text)
{
    SearchParse parsed = parseSearch(text);
    return parsed.ok() && parsed.root;
}

std::string likeContainsLiteral(std::string_view text)
{
    // In a search string \\ is one backslash and any other backslash stays as it is; in the
    // like pattern (ESCAPE '\') \% \_ and \\ match the character itself.
    std::string out = "'%";
    for (char c : text) {
        switch (c) {
        case '\'': out += "''"; break;
        case '%': out += "\\%"; break;
        case '_': out += "\\_"; break;
        case '\\': out += "\\\\\\\\"; break;
        default: out += c; break;
        }
    }
    out += "%'";
    return out;
}

std::string filterTextSearch(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    if (isSearchText(text))
        return std::string(text);
    const auto last = text.find_last_not_of(" \t\r\n");
    const std::string literal = likeContainsLiteral(text.substr(first, last - first + 1));
    return "name like " + literal + " or id like " + literal + " or experiment like " + literal;
}

} // namespace cairn::query
