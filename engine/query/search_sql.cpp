#include "engine/query/search_sql.h"

namespace cairn::query {
namespace {

SqlFragment text(const char* sql) { return {sql, {}}; }

const char* metricColumn(MetricStat stat)
{
    switch (stat) {
    case MetricStat::Min: return "min_value";
    case MetricStat::Max: return "max_value";
    case MetricStat::Count: return "count";
    case MetricStat::Last: break;
    }
    return "last_value";
}

const char* pairTable(const Field& f) { return f.kind == FieldKind::Param ? "params" : "tags"; }

const char* sqlOp(Op op)
{
    switch (op) {
    case Op::Eq: return " = ";
    case Op::Ne: return " <> ";
    case Op::Lt: return " < ";
    case Op::Le: return " <= ";
    case Op::Gt: return " > ";
    case Op::Ge: return " >= ";
    default: return " = ";
    }
}

SqlParam param(const Value& v)
{
    if (v.isNumber)
        return v.number;
    return v.text;
}

// "(?, ?, ?)" over the values that are (or are not) numbers.
SqlFragment list(const std::vector<Value>& values, bool numbers)
{
    SqlFragment f{"(", {}};
    for (const Value& v : values) {
        if (v.isNumber != numbers)
            continue;
        f.sql += f.params.empty() ? "?" : ", ?";
        f.params.push_back(param(v));
    }
    f.sql += ")";
    return f;
}

SqlFragment numberOf(const std::string& column)
{
    return {std::string(kNumberFunction) + "(" + column + ")", {}};
}

// `not` moved onto a comparison: in SQL's three-valued logic not(x < a) is x >= a, also
// when x is NULL (both are NULL then).
Op negated(Op op)
{
    switch (op) {
    case Op::Eq: return Op::Ne;
    case Op::Ne: return Op::Eq;
    case Op::Lt: return Op::Ge;
    case Op::Le: return Op::Gt;
    case Op::Gt: return Op::Le;
    case Op::Ge: return Op::Lt;
    case Op::In: return Op::NotIn;
    case Op::NotIn: return Op::In;
    case Op::Like: return Op::NotLike;
    case Op::NotLike: return Op::Like;
    case Op::IsNull: return Op::IsNotNull;
    case Op::IsNotNull: return Op::IsNull;
    }
    return op;
}

// `column op values`, where column holds the value of a run that has the key (never NULL for
// params and tags; NULL for a NaN metric). Params and tags compare as numbers against numbers.
SqlFragment condition(const std::string& column, bool pair, Op op, const std::vector<Value>& values)
{
    bool anyNumber = false, anyText = false;
    for (const Value& v : values)
        (v.isNumber ? anyNumber : anyText) = true;
    const SqlFragment asNumber = pair ? numberOf(column) : SqlFragment{column, {}};
    SqlFragment f;
    switch (op) {
    case Op::In:
    case Op::NotIn: {
        const char* in = op == Op::In ? " IN " : " NOT IN ";
        if (!pair || !anyNumber || !anyText) {
            f = anyNumber ? asNumber : SqlFragment{column, {}};
            f.sql += in;
            f.append(list(values, anyNumber));
            return f;
        }
        // Numbers and text in one list: a value matches either way.
        f.sql = op == Op::In ? "(" : "NOT (";
        f.sql += "COALESCE(";
        f.append(asNumber);
        f.sql += " IN ";
        f.append(list(values, true));
        f.sql += ", 0) OR " + column + " IN ";
        f.append(list(values, false));
        f.sql += ")";
        return f;
    }
    case Op::Like:
    case Op::NotLike:
        f.sql = column + (op == Op::Like ? " LIKE ? ESCAPE '\\'" : " NOT LIKE ? ESCAPE '\\'");
        f.params.push_back(values.front().text);
        return f;
    default:
        f = values.front().isNumber ? asNumber : SqlFragment{column, {}};
        f.sql += sqlOp(op);
        f.sql += "?";
        f.params.push_back(param(values.front()));
        return f;
    }
}

// A predicate (with any `not` already moved into its operator). Params, tags and metrics
// become `r.seq IN (runs whose key satisfies it)`: true exactly when the three-valued
// comparison is true, which is all a filter without `not` above its predicates needs, and
// each such subquery runs once, on the (key, value) indexes.
SqlFragment predicate(const Node& n, Op op, std::int64_t nowMs)
{
    const Field& field = n.field;
    if (field.kind == FieldKind::Attribute) {
        SqlFragment f = valueSql(field, nowMs);
        if (op == Op::IsNull || op == Op::IsNotNull) {
            f.sql += op == Op::IsNull ? " IS NULL" : " IS NOT NULL";
            return f;
        }
        SqlFragment c = condition(f.sql, false, op, n.values);
        f.sql.clear();
        f.append(c);
        return f;
    }
    SqlFragment f{op == Op::IsNull ? "r.seq NOT IN " : "r.seq IN ", {}};
    std::string column;
    if (field.kind == FieldKind::Metric) {
        f.sql += "(SELECT s.run FROM metric_summary s WHERE s.key = (SELECT k.id FROM metric_keys k WHERE k.name = ?)";
        column = std::string("s.") + metricColumn(field.stat);
    } else {
        f.sql += "(SELECT p.run FROM ";
        f.sql += pairTable(field);
        f.sql += " p WHERE p.key = ?";
        column = "p.value";
    }
    f.params.push_back(field.key);
    if (op != Op::IsNull && op != Op::IsNotNull) {
        f.sql += " AND ";
        f.append(condition(column, field.kind != FieldKind::Metric, op, n.values));
    }
    f.sql += ")";
    return f;
}

SqlFragment compile(const Node& n, bool negate, std::int64_t nowMs)
{
    switch (n.kind) {
    case Node::Kind::Predicate: return predicate(n, negate ? negated(n.op) : n.op, nowMs);
    case Node::Kind::Not: return compile(n.children.front(), !negate, nowMs);
    case Node::Kind::And:
    case Node::Kind::Or: {
        // De Morgan holds in three-valued logic too.
        const bool isAnd = (n.kind == Node::Kind::And) != negate;
        SqlFragment f{"(", {}};
        for (std::size_t i = 0; i < n.children.size(); ++i) {
            if (i)
                f.sql += isAnd ? " AND " : " OR ";
            f.append(compile(n.children[i], negate, nowMs));
        }
        f.sql += ")";
        return f;
    }
    }
    return text("1");
}

} // namespace

SqlFragment valueSql(const Field& field, std::int64_t nowMs)
{
    switch (field.kind) {
    case FieldKind::Metric: {
        SqlFragment f{"(SELECT s.", {}};
        f.sql += metricColumn(field.stat);
        f.sql += " FROM metric_summary s WHERE s.run = r.seq AND s.key = (SELECT k.id FROM metric_keys k WHERE k.name = ?))";
        f.params.push_back(field.key);
        return f;
    }
    case FieldKind::Param:
    case FieldKind::Tag: {
        SqlFragment f{"(SELECT p.value FROM ", {}};
        f.sql += pairTable(field);
        f.sql += " p WHERE p.run = r.seq AND p.key = ?)";
        f.params.push_back(field.key);
        return f;
    }
    case FieldKind::Source: return text("NULL");  // never parsed for run search
    case FieldKind::Attribute: break;
    }
    switch (field.attribute) {
    case Attribute::Id: return text("r.id");
    case Attribute::Name: return text("r.name");
    case Attribute::Experiment: return text("e.name");
    case Attribute::Status: return text("r.status");
    case Attribute::User: return text("r.user");
    case Attribute::Host: return text("r.host");
    case Attribute::Command: return text("r.command");
    case Attribute::ExitCode: return text("r.exit_code");
    case Attribute::Start: return text("NULLIF(r.start_ms, 0)");
    case Attribute::Duration:
        return {"(CASE WHEN r.start_ms > 0 THEN (CASE WHEN r.end_ms > 0 THEN r.end_ms ELSE ? END) - r.start_ms END)",
                {static_cast<double>(nowMs)}};
    }
    return text("NULL");
}

SqlFragment whereSql(const Node& root, std::int64_t nowMs) { return compile(root, false, nowMs); }

SqlOrder orderSql(const Field& field, bool descending, std::int64_t nowMs)
{
    const char* dir = descending ? " DESC" : " ASC";
    SqlOrder o;
    SqlFragment value;
    if (field.kind == FieldKind::Param || field.kind == FieldKind::Tag) {
        o.join.sql = " LEFT JOIN ";
        o.join.sql += pairTable(field);
        o.join.sql += " sk ON sk.run = r.seq AND sk.key = ?";
        o.join.params.push_back(field.key);
        o.terms.sql = "sk.value IS NULL, ";
        o.terms.sql += kNumberFunction;
        o.terms.sql += "(sk.value) IS NULL, ";
        o.terms.sql += kNumberFunction;
        o.terms.sql += "(sk.value)";
        o.terms.sql += dir;
        o.terms.sql += ", sk.value";
        o.terms.sql += dir;
    } else {
        if (field.kind == FieldKind::Metric) {
            o.join = {" LEFT JOIN metric_summary sk ON sk.run = r.seq"
                      " AND sk.key = (SELECT k.id FROM metric_keys k WHERE k.name = ?)",
                      {field.key}};
            value.sql = "sk.";
            value.sql += metricColumn(field.stat);
        } else {
            value = valueSql(field, nowMs);
        }
        o.terms = value;
        o.terms.sql += " IS NULL, ";
        o.terms.append(value);
        o.terms.sql += dir;
    }
    o.terms.sql += ", r.seq";
    o.terms.sql += dir;
    return o;
}

} // namespace cairn::query
