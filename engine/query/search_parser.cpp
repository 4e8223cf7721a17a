// Recursive descent over the tokens of search_lexer.h:
//   filter    := or END
//   or        := and ('or' and)*
//   and       := not ('and' not)*
//   not       := 'not' not | '(' or ')' | predicate
//   predicate := field (CMP value | ['not'] 'in' '(' value (',' value)* ')'
//                       | ['not'] 'like' STRING | 'is' ['not'] 'null')
//   field     := ATTRIBUTE | PREFIX '.' KEY | FUNC '(' 'metrics' '.' KEY ')'
#include "engine/query/search_parser.h"

#include "engine/core/text.h"
#include "engine/query/search_lexer.h"
#include "engine/query/search_values.h"

#include <algorithm>

namespace cairn::query {
namespace {

struct Failure {
    std::size_t pos;
    std::string message;
};

const std::vector<std::string> kFunctions = {"min", "max", "last", "count"};
const std::vector<std::string> kPrefixes = {"metrics", "params", "tags"};
const std::vector<std::string> kKeywords = {"and", "or", "not", "in", "like", "is", "null"};

bool contains(const std::vector<std::string>& list, const std::string& s)
{
    return std::find(list.begin(), list.end(), s) != list.end();
}

// A close candidate for a misspelt word, stricter than didYouMean for short words so that
// "x" is not taken for "or".
std::string suggest(const std::string& word, const std::vector<std::string>& candidates)
{
    std::string best = didYouMean(word, candidates);
    if (best.empty() || editDistance(word, best) > std::max<std::size_t>(1, word.size() / 3))
        return {};
    return best;
}

class Parser {
public:
    Parser(std::string_view text, const char* what, const SearchOptions* options = nullptr)
        : m_text(text), m_tokens(tokenize(text)), m_what(what), m_options(options)
    {
    }

    bool blank() const { return m_tokens.front().kind == TokenKind::End; }

    Node filter()
    {
        Node root = parseOr(0, "");
        const Token& t = peek();
        if (t.kind == TokenKind::RParen)
            fail(t.pos, "unexpected ')': there is no '(' to close");
        if (t.kind != TokenKind::End)
            expected("'and', 'or' or the end of the filter", t, andOrHint(t));
        return root;
    }

    Field fieldOnly()
    {
        Field f = parseField("");
        if (peek().kind != TokenKind::End)
            expected("the end of the field", peek());
        return f;
    }

private:
    const Token& peek() const { return m_tokens[m_i]; }
    const Token& peekNext() const { return m_tokens[std::min(m_i + 1, m_tokens.size() - 1)]; }
    const Token& take()
    {
        const Token& t = m_tokens[m_i];
        if (t.kind != TokenKind::End && t.kind != TokenKind::Error)
            ++m_i;
        return t;
    }
    static bool isWord(const Token& t, const char* word) { return t.kind == TokenKind::Word && asciiLower(t.text) == word; }

    [[noreturn]] void fail(std::size_t pos, std::string message) { throw Failure{pos, std::move(message)}; }

    std::string describe(const Token& t) const
    {
        std::string raw(m_text.substr(t.pos, t.end - t.pos));
        if (raw.size() > 40)
            raw = raw.substr(0, 37) + "...";
        switch (t.kind) {
        case TokenKind::Number: return "the number " + raw;
        case TokenKind::String: return "the string " + raw;
        default: return "'" + raw + "'";
        }
    }

    // "expected WHAT, found X" at X, or "expected WHAT but the filter ended" after the end.
    [[noreturn]] void expected(const std::string& what, const Token& t, const std::string& hint = {})
    {
        if (t.kind == TokenKind::Error)
            fail(t.pos, t.text);  // the text cannot even be split there
        if (t.kind == TokenKind::End)
            fail(t.pos, "expected " + what + " but the filter ended");
        fail(t.pos, "expected " + what + ", found " + describe(t) + hint);
    }

    std::string andOrHint(const Token& t) const
    {
        if (t.kind != TokenKind::Word)
            return {};
        std::string s = suggest(asciiLower(t.text), {"and", "or"});
        return s.empty() ? std::string() : " (did you mean '" + s + "'?)";
    }

    Node parseOr(int depth, const std::string& context)
    {
        Node first = parseAnd(depth, context);
        if (!isWord(peek(), "or"))
            return first;
        Node n;
        n.kind = Node::Kind::Or;
        n.children.push_back(std::move(first));
        while (isWord(peek(), "or")) {
            take();
            n.children.push_back(parseAnd(depth, "after 'or'"));
        }
        return n;
    }

    Node parseAnd(int depth, const std::string& context)
    {
        Node first = parseNot(depth, context);
        if (!isWord(peek(), "and"))
            return first;
        Node n;
        n.kind = Node::Kind::And;
        n.children.push_back(std::move(first));
        while (isWord(peek(), "and")) {
            take();
            n.children.push_back(parseNot(depth, "after 'and'"));
        }
        return n;
    }

    Node parseNot(int depth, const std::string& context)
    {
        if (isWord(peek(), "not")) {
            const Token& t = take();
            if (depth + 1 > kMaxNesting)
                fail(t.pos, "the filter nests more than " + std::to_string(kMaxNesting) + " levels deep");
            Node n;
            n.kind = Node::Kind::Not;
            n.children.push_back(parseNot(depth + 1, "after 'not'"));
            return n;
        }
        if (peek().kind == TokenKind::LParen) {
            const Token& open = take();
            if (depth + 1 > kMaxNesting)
                fail(open.pos, "the filter nests more than " + std::to_string(kMaxNesting) + " levels deep");
            Node inner = parseOr(depth + 1, "after '('");
            const Token& t = peek();
            const std::string opened = "'(' at column " + std::to_string(columnAt(m_text, open.pos));
            if (t.kind == TokenKind::End)
                fail(t.pos, "expected ')' to close the " + opened + " but the filter ended");
            if (t.kind != TokenKind::RParen)
                expected("'and', 'or' or ')' to close the " + opened, t, andOrHint(t));
            take();
            return inner;
        }
        return parsePredicate(context);
    }

    Literal parseLiteral(const std::string& what)
    {
        const Token& t = peek();
        if (t.kind != TokenKind::Number && t.kind != TokenKind::String) {
            std::string hint;
            if (t.kind == TokenKind::Word && !contains(kKeywords, asciiLower(t.text)))
                hint = " (put text in quotes: '" + t.text + "')";
            else if (t.kind == TokenKind::Path)
                hint = " (a field compares with a value, not with another field)";
            expected(what, t, hint);
        }
        take();
        if (++m_values > kMaxValues)
            fail(t.pos, "the filter has more than " + std::to_string(kMaxValues) + " values");
        m_literalPos = t.pos;
        Literal l;
        l.isNumber = t.kind == TokenKind::Number;
        l.number = t.number;
        l.text = t.text;
        l.unit = t.unit;
        return l;
    }

    Value checked(const Field& field, Op op, const Literal& literal)
    {
        Value v;
        if (auto message = checkValue(field, op, literal, v))
            fail(m_literalPos, *message);
        return v;
    }

    Node parsePredicate(const std::string& context)
    {
        const std::size_t fieldPos = peek().pos;
        Node n;
        n.field = parseField(context);
        if (++m_conditions > kMaxConditions)
            fail(fieldPos, "the filter has more than " + std::to_string(kMaxConditions) + " conditions");
        const std::string name = fieldText(n.field);
        const Token& t = peek();
        if (t.kind == TokenKind::Op) {
            take();
            const std::string& op = t.text;
            n.op = op == "=" || op == "==" ? Op::Eq
                 : op == "!=" || op == "<>" ? Op::Ne
                 : op == "<" ? Op::Lt
                 : op == "<=" ? Op::Le
                 : op == ">" ? Op::Gt
                 : Op::Ge;
            Literal l = parseLiteral("a value after '" + op + "'");
            n.values.push_back(checked(n.field, n.op, l));
            return n;
        }
        bool negated = false;
        const Token* opToken = &t;
        if (isWord(t, "not")) {
            take();
            negated = true;
            opToken = &peek();
            if (!isWord(*opToken, "in") && !isWord(*opToken, "like"))
                expected("'in' or 'like' after 'not'", *opToken);
        }
        if (isWord(*opToken, "in")) {
            take();
            n.op = negated ? Op::NotIn : Op::In;
            if (peek().kind != TokenKind::LParen)
                expected("'(' after 'in' (e.g. status in ('failed', 'killed'))", peek());
            take();
            for (bool first = true;; first = false) {
                Literal l = parseLiteral(first ? "a value in the list after '('" : "a value after ','");
                n.values.push_back(checked(n.field, n.op, l));
                if (peek().kind == TokenKind::RParen)
                    break;
                if (peek().kind != TokenKind::Comma)
                    expected("',' or ')' in the list", peek());
                take();
            }
            take();  // ')'
            return n;
        }
        if (isWord(*opToken, "like")) {
            const Token& like = take();
            n.op = negated ? Op::NotLike : Op::Like;
            if (n.field.numeric())
                fail(like.pos, "like matches text, but " + name + " is a number");
            if (peek().kind != TokenKind::String)
                expected("a quoted pattern after 'like' (e.g. name like 'resnet%')", peek());
            if (peek().text.size() > 10000)
                fail(peek().pos, "the pattern is longer than 10000 bytes");
            Literal l = parseLiteral("a pattern");
            n.values.push_back(checked(n.field, n.op, l));
            return n;
        }
        if (isWord(t, "is")) {
            take();
            n.op = Op::IsNull;
            if (isWord(peek(), "not")) {
                take();
                n.op = Op::IsNotNull;
            }
            if (!isWord(peek(), "null"))
                expected(n.op == Op::IsNull ? "'null' or 'not null' after 'is'" : "'null' after 'is not'", peek());
            take();
            return n;
        }
        std::string hint;
        if (t.kind == TokenKind::Word) {
            std::string s = suggest(asciiLower(t.text), {"like", "in", "not", "is"});
            if (!s.empty())
                hint = " (did you mean '" + s + "'?)";
        }
        expected("an operator (=, !=, <, <=, >, >=, in, not in, like, is null) after " + name, t, hint);
    }

    Field parseField(const std::string& context)
    {
        const std::string what = std::string(m_what) + (context.empty() ? "" : " " + context);
        const Token& t = peek();
        Field f;
        if (t.kind == TokenKind::Path) {
            const std::string prefix = asciiLower(t.prefix);
            const std::vector<std::string> sources = m_options ? m_options->sources : std::vector<std::string>{};
            if (contains(sources, prefix) && !contains(kPrefixes, prefix)) {
                if (t.key.empty())
                    fail(t.keyPos, "expected a key after '" + t.prefix + ".'");
                take();
                f.kind = FieldKind::Source;
                f.source = prefix;
                f.key = t.key;
                return f;
            }
            if (!contains(kPrefixes, prefix)) {
                std::string raw(m_text.substr(t.pos, t.end - t.pos));
                std::vector<std::string> all = kPrefixes;
                all.insert(all.end(), sources.begin(), sources.end());
                std::string hint = suggest(prefix, all);
                std::string known = "metrics., params. or tags.";
                if (!sources.empty()) {
                    known = "metrics., params., tags.";
                    for (const auto& s : sources)
                        known += (&s == &sources.back() ? " or " : ", ") + s + ".";
                }
                fail(t.pos, "unknown " + std::string(m_options ? "source" : "field") + " '" + raw + "'"
                                + (hint.empty() ? "; a field with a key starts with " + known
                                                : " (did you mean '" + hint + "." + raw.substr(t.keyPos - t.pos) + "'?)"));
            }
            if (t.key.empty())
                fail(t.keyPos, "expected a key after '" + t.prefix + ".' (e.g. " + prefix + ".lr)");
            take();
            f.kind = prefix == "metrics" ? FieldKind::Metric : prefix == "params" ? FieldKind::Param : FieldKind::Tag;
            f.key = t.key;
            return f;
        }
        if (t.kind != TokenKind::Word)
            expected(what, t);
        const std::string word = asciiLower(t.text);
        if (auto a = attributeFromName(word)) {
            take();
            f.attribute = *a;
            return f;
        }
        const bool call = peekNext().kind == TokenKind::LParen;
        if (contains(kFunctions, word)) {
            take();
            if (!call)
                expected("'(' after '" + t.text + "' (e.g. " + word + "(metrics.loss))", peek());
            take();
            const Token& arg = peek();
            if (arg.kind != TokenKind::Path || asciiLower(arg.prefix) != "metrics" || arg.key.empty())
                expected("a metric inside " + word + "() (e.g. " + word + "(metrics.loss))", arg);
            take();
            if (peek().kind != TokenKind::RParen)
                expected("')' after " + word + "(" + std::string(m_text.substr(arg.pos, arg.end - arg.pos)), peek());
            take();
            f.kind = FieldKind::Metric;
            f.key = arg.key;
            f.stat = word == "min" ? MetricStat::Min : word == "max" ? MetricStat::Max
                   : word == "count" ? MetricStat::Count : MetricStat::Last;
            return f;
        }
        if (call) {
            std::string hint = suggest(word, kFunctions);
            fail(t.pos, "unknown function '" + t.text + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)")
                            + "; the functions are min, max, last and count");
        }
        if (contains(kPrefixes, word))
            fail(t.end, "expected '.' and a key after '" + t.text + "' (e.g. " + word + ".lr)");
        if (contains(kKeywords, word))
            expected(what, t);
        std::vector<std::string> candidates = attributeNames();
        candidates.insert(candidates.end(), kPrefixes.begin(), kPrefixes.end());
        std::string hint = suggest(word, candidates);
        if (!hint.empty())
            fail(t.pos, "unknown field '" + t.text + "' (did you mean '" + hint + "'?)");
        fail(t.pos, "unknown field '" + t.text + "'; a field is an attribute (id, name, experiment, status, user, host, "
                    "command, exit_code, start, duration) or metrics.KEY, params.KEY, tags.KEY");
    }

    std::string_view m_text;
    std::vector<Token> m_tokens;
    const char* m_what;
    const SearchOptions* m_options = nullptr;
    std::size_t m_i = 0;
    std::size_t m_literalPos = 0;
    int m_conditions = 0;
    int m_values = 0;
};

SearchError toError(std::string_view text, const Failure& f) { return {columnAt(text, f.pos), f.message}; }

} // namespace

SearchParse parseSearch(std::string_view text) { return parseSearch(text, SearchOptions{}); }

SearchParse parseSearch(std::string_view text, const SearchOptions& options)
{
    Parser parser(text, "a condition", options.sources.empty() ? nullptr : &options);
    if (parser.blank())
        return {};
    try {
        return {parser.filter(), std::nullopt};
    } catch (const Failure& f) {
        return {std::nullopt, toError(text, f)};
    }
}

std::optional<SearchError> searchError(std::string_view text) { return parseSearch(text).error; }

FieldParse parseField(std::string_view text)
{
    Parser parser(text, "a field");
    try {
        return {parser.fieldOnly(), std::nullopt};
    } catch (const Failure& f) {
        return {Field{}, toError(text, f)};
    }
}

} // namespace cairn::query
