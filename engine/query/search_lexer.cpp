#include "engine/query/search_lexer.h"

#include <charconv>
#include <cstdio>

namespace cairn::query {
namespace {

bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isWordStart(char c) { return isAlpha(c) || c == '_'; }
bool isWordChar(char c) { return isWordStart(c) || isDigit(c); }
bool isKeyChar(char c) { return isWordChar(c) || c == '.' || c == '/' || c == '-'; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

class Lexer {
public:
    explicit Lexer(std::string_view text) : m_s(text) {}

    std::vector<Token> run()
    {
        std::vector<Token> out;
        for (;;) {
            while (m_i < m_s.size() && isSpace(m_s[m_i]))
                ++m_i;
            Token t = next();
            TokenKind kind = t.kind;
            out.push_back(std::move(t));
            if (kind == TokenKind::End || kind == TokenKind::Error)
                return out;
        }
    }

private:
    char at(std::size_t i) const { return i < m_s.size() ? m_s[i] : '\0'; }

    Token make(TokenKind kind, std::size_t pos)
    {
        Token t;
        t.kind = kind;
        t.pos = pos;
        t.end = m_i;
        return t;
    }

    Token error(std::size_t pos, std::string message)
    {
        Token t;
        t.kind = TokenKind::Error;
        t.pos = pos;
        t.end = pos;
        t.text = std::move(message);
        return t;
    }

    Token next()
    {
        const std::size_t start = m_i;
        if (m_i >= m_s.size())
            return make(TokenKind::End, start);
        const char c = m_s[m_i];
        if (isWordStart(c))
            return word();
        if (isDigit(c) || ((c == '-' || c == '+' || c == '.') && (isDigit(at(m_i + 1)) || (at(m_i + 1) == '.' && isDigit(at(m_i + 2))))))
            return number();
        if (c == '\'' || c == '"')
            return string();
        switch (c) {
        case '(': ++m_i; return make(TokenKind::LParen, start);
        case ')': ++m_i; return make(TokenKind::RParen, start);
        case ',': ++m_i; return make(TokenKind::Comma, start);
        case '=':
            m_i += at(m_i + 1) == '=' ? 2 : 1;
            return op(start);
        case '<':
            m_i += at(m_i + 1) == '=' || at(m_i + 1) == '>' ? 2 : 1;
            return op(start);
        case '>':
            m_i += at(m_i + 1) == '=' ? 2 : 1;
            return op(start);
        case '!':
            if (at(m_i + 1) == '=') {
                m_i += 2;
                return op(start);
            }
            return error(start, "unexpected character '!' (did you mean '!='?)");
        case '`':
            return error(start, "a backquoted key needs a prefix, e.g. metrics.`my key`");
        default:
            return error(start, "unexpected character " + describeChar(m_s, start));
        }
    }

    Token op(std::size_t start)
    {
        Token t = make(TokenKind::Op, start);
        t.text = std::string(m_s.substr(start, m_i - start));
        return t;
    }

    Token word()
    {
        const std::size_t start = m_i;
        while (m_i < m_s.size() && isWordChar(m_s[m_i]))
            ++m_i;
        if (at(m_i) != '.') {
            Token t = make(TokenKind::Word, start);
            t.text = std::string(m_s.substr(start, m_i - start));
            return t;
        }
        std::string prefix(m_s.substr(start, m_i - start));
        ++m_i;  // the dot
        const std::size_t keyPos = m_i;
        std::string key;
        if (at(m_i) == '`') {
            ++m_i;
            for (;;) {
                if (m_i >= m_s.size())
                    return error(keyPos, "unterminated key: the ` at column " + std::to_string(columnAt(m_s, keyPos))
                                             + " is never closed");
                if (m_s[m_i] == '`') {
                    if (at(m_i + 1) != '`')
                        break;
                    ++m_i;  // `` is one backquote
                }
                key += m_s[m_i++];
            }
            ++m_i;  // the closing backquote
            if (key.empty())
                return error(keyPos, "empty key: write a key between the backquotes");
        } else {
            while (m_i < m_s.size() && isKeyChar(m_s[m_i]))
                key += m_s[m_i++];
        }
        Token t = make(TokenKind::Path, start);
        t.prefix = std::move(prefix);
        t.key = std::move(key);
        t.keyPos = keyPos;
        return t;
    }

    Token number()
    {
        const std::size_t start = m_i;
        if (m_s[m_i] == '+' || m_s[m_i] == '-')
            ++m_i;
        while (isDigit(at(m_i)))
            ++m_i;
        if (at(m_i) == '.') {
            ++m_i;
            while (isDigit(at(m_i)))
                ++m_i;
        }
        if ((at(m_i) == 'e' || at(m_i) == 'E')
            && (isDigit(at(m_i + 1)) || ((at(m_i + 1) == '+' || at(m_i + 1) == '-') && isDigit(at(m_i + 2))))) {
            m_i += 2;
            while (isDigit(at(m_i)))
                ++m_i;
        }
        const std::size_t digitsEnd = m_i;
        while (isAlpha(at(m_i)))
            ++m_i;
        std::string_view digits = m_s.substr(start, digitsEnd - start);
        std::string_view parse = digits.front() == '+' ? digits.substr(1) : digits;
        double v = 0.0;
        auto res = std::from_chars(parse.data(), parse.data() + parse.size(), v);
        if (res.ec == std::errc::result_out_of_range) {
            // Underflow (1e-400) is harmless: the nearest double. Overflow is a mistake.
            const std::size_t e = parse.find_first_of("eE");
            const bool tiny = e != std::string_view::npos && e + 1 < parse.size() && parse[e + 1] == '-';
            if (!tiny)
                return error(start, "the number " + std::string(digits) + " is out of range");
            v = 0.0;
        } else if (res.ec != std::errc() || res.ptr != parse.data() + parse.size()) {
            return error(start, "'" + std::string(digits) + "' is not a number");
        }
        Token t = make(TokenKind::Number, start);
        t.text = std::string(digits);
        t.number = v;
        t.unit = std::string(m_s.substr(digitsEnd, m_i - digitsEnd));
        return t;
    }

    Token string()
    {
        const std::size_t start = m_i;
        const char quote = m_s[m_i++];
        std::string value;
        for (;;) {
            if (m_i >= m_s.size())
                return error(start, std::string("unterminated string: the ") + quote + " at column "
                                        + std::to_string(columnAt(m_s, start)) + " is never closed");
            const char c = m_s[m_i];
            if (c == '\\' && m_i + 1 < m_s.size()) {
                const char e = m_s[m_i + 1];
                switch (e) {
                case '\\': value += '\\'; break;
                case '\'': value += '\''; break;
                case '"': value += '"'; break;
                case 'n': value += '\n'; break;
                case 't': value += '\t'; break;
                default: value += '\\'; value += e; break;  // kept: \% and \_ escape like wildcards
                }
                m_i += 2;
                continue;
            }
            if (c == quote) {
                if (at(m_i + 1) == quote) {  // doubled quote
                    value += quote;
                    m_i += 2;
                    continue;
                }
                ++m_i;
                break;
            }
            value += c;
            ++m_i;
        }
        Token t = make(TokenKind::String, start);
        t.text = std::move(value);
        return t;
    }

    std::string_view m_s;
    std::size_t m_i = 0;
};

} // namespace

std::vector<Token> tokenize(std::string_view text) { return Lexer(text).run(); }

int columnAt(std::string_view text, std::size_t bytePos)
{
    int column = 1;
    for (std::size_t i = 0; i < bytePos && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++column;
    return column;
}

std::string describeChar(std::string_view text, std::size_t pos)
{
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c >= 0x20 && c < 0x7F)
        return std::string("'") + static_cast<char>(c) + "'";
    if (c >= 0xC0) {  // a UTF-8 character: show it whole
        std::size_t end = pos + 1;
        while (end < text.size() && end < pos + 4 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
            ++end;
        return "'" + std::string(text.substr(pos, end - pos)) + "'";
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
    return buf;
}

bool isBareKey(std::string_view key)
{
    if (key.empty())
        return false;
    for (char c : key)
        if (!isKeyChar(c))
            return false;
    return true;
}

} // namespace cairn::query
