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

SqlFragment numberOf(const SqlFragment& value)
{
    SqlFragment f{std::string(kNumberFunction) + "(", {}};
    f.append(value);
    f.sql += ")";
    return f;
}

// EXISTS: does the run have the key at all?
SqlFragment exists(const Field& field)
{
    if (field.kind == FieldKind::Metric)
        return {"EXISTS (SELECT 1 FROM metric_summary s WHERE s.run = r.seq"
                " AND s.key = (SELECT k.id FROM metric_keys k WHERE k.name = ?))",
                {field.key}};
    SqlFragment f{"EXISTS (SELECT 1 FROM ", {}};
    f.sql += pairTable(field);
    f.sql += " p WHERE p.run = r.seq AND p.key = ?)";
    f.params.push_back(field.key);
    return f;
}

SqlFragment inList(const Field& field, const SqlFragment& value, const std::vector<Value>& values)
{
    bool anyNumber = false, anyText = false;
    for (const Value& v : values)
        (v.isNumber ? anyNumber : anyText) = true;
    const bool pair = field.kind == FieldKind::Param || field.kind == FieldKind::Tag;
    SqlFragment f;
    if (!pair || !anyNumber) {  // one kind of comparison: a plain IN
        f = value;
        f.sql += " IN ";
        f.append(list(values, anyNumber));
        return f;
    }
    if (!anyText) {
        f = numberOf(value);
        f.sql += " IN ";
        f.append(list(values, true));
        return f;
    }
    // Numbers and text in one list: a value matches either way; a missing key stays NULL.
    f.sql = "(CASE WHEN ";
    f.append(value);
    f.sql += " IS NULL THEN NULL ELSE (COALESCE(";
    f.append(numberOf(value));
    f.sql += " IN ";
    f.append(list(values, true));
    f.sql += ", 0) OR ";
    f.append(value);
    f.sql += " IN ";
    f.append(list(values, false));
    f.sql += ") END)";
    return f;
}

SqlFragment predicate(const Node& n, std::int64_t nowMs)
{
    const Field& field = n.field;
    const bool pair = field.kind == FieldKind::Param || field.kind == FieldKind::Tag;
    if (n.op == Op::IsNull || n.op == Op::IsNotNull) {
        SqlFragment f;
        if (field.kind == FieldKind::Attribute) {
            f = valueSql(field, nowMs);
            f.sql += n.op == Op::IsNull ? " IS NULL" : " IS NOT NULL";
            return f;
        }
        f.sql = n.op == Op::IsNull ? "NOT " : "";
        f.append(exists(field));
        return f;
    }
    const SqlFragment value = valueSql(field, nowMs);
    SqlFragment f;
    switch (n.op) {
    case Op::In:
    case Op::NotIn:
        f.sql = n.op == Op::NotIn ? "NOT " : "";
        f.append(inList(field, value, n.values));
        return f;
    case Op::Like:
    case Op::NotLike:
        f = value;
        f.sql += n.op == Op::NotLike ? " NOT LIKE ? ESCAPE '\\'" : " LIKE ? ESCAPE '\\'";
        f.params.push_back(n.values.front().text);
        return f;
    default:
        f = pair && n.values.front().isNumber ? numberOf(value) : value;
        f.sql += sqlOp(n.op);
        f.sql += "?";
        f.params.push_back(param(n.values.front()));
        return f;
    }
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

SqlFragment whereSql(const Node& n, std::int64_t nowMs)
{
    switch (n.kind) {
    case Node::Kind::Predicate: return predicate(n, nowMs);
    case Node::Kind::Not: {
        SqlFragment f{"NOT (", {}};
        f.append(whereSql(n.children.front(), nowMs));
        f.sql += ")";
        return f;
    }
    case Node::Kind::And:
    case Node::Kind::Or: {
        SqlFragment f{"(", {}};
        for (std::size_t i = 0; i < n.children.size(); ++i) {
            if (i)
                f.sql += n.kind == Node::Kind::And ? " AND " : " OR ";
            f.append(whereSql(n.children[i], nowMs));
        }
        f.sql += ")";
        return f;
    }
    }
    return text("1");
}

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
