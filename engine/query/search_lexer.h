// Tokens of the run search language. Internal to engine/query (the parser's input).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::query {

enum class TokenKind {
    End,     // after the last token
    Word,    // status, and, min...
    Path,    // prefix.key or prefix.`key`: metrics.acc, params.optim.lr
    Number,  // 0.9, -3, 1e-4, 5m (unit "m")
    String,  // 'text' or "text", decoded
    Op,      // = == != <> < <= > >=
    LParen,
    RParen,
    Comma,
    Error,   // the text cannot be split here; `text` says why
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::size_t pos = 0;     // byte offset of the first character
    std::size_t end = 0;     // byte offset after the last one
    std::string text;        // Word, Op: as written; String: decoded; Number: digits as written; Error: message
    std::string prefix;      // Path: the part before the dot, as written
    std::string key;         // Path: the key, decoded from backquotes
    std::size_t keyPos = 0;  // Path: byte offset of the key
    double number = 0.0;     // Number
    std::string unit;        // Number: letters right after the digits ("m" in 5m)
};

// Splits a filter into tokens. The list ends with an End token, or with an Error token at the
// first place that cannot be split (the parser reports it only if nothing before it is wrong).
std::vector<Token> tokenize(std::string_view text);

// The 1-based column of a byte offset, counting UTF-8 characters.
int columnAt(std::string_view text, std::size_t bytePos);

// A character for a message: 'x', or "byte 0x01" for a control byte.
std::string describeChar(std::string_view text, std::size_t pos);

// Can `key` be written bare after a prefix (metrics.KEY), without backquotes?
bool isBareKey(std::string_view key);

} // namespace cairn::query
