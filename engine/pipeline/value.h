// A YAML value with its source position: the tree the pipeline loader works on. Scalars are
// typed as YAML 1.2's core schema types them (what DVC's ruamel.yaml does), so `${lr}` prints
// 0.001 for `lr: 1e-3` as DVC prints it. No yaml-cpp here: engine/pipeline/yaml_value.cpp
// converts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cairn::pipeline {

// 1-based line and column; offset is the byte offset in the file. line 0: unknown.
struct SourcePos {
    int line = 0;
    int column = 0;
    long offset = -1;
    bool known() const { return line > 0; }
    friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

class Value {
public:
    enum class Kind { Null, Bool, Int, Float, String, List, Map };

    Value() = default;
    static Value null(SourcePos pos = {});
    static Value boolean(bool b, SourcePos pos = {});
    // `text` is the canonical decimal text (ints may exceed 64 bits, as Python's do).
    static Value integer(long long i, std::string text, SourcePos pos = {});
    static Value floating(double f, SourcePos pos = {});
    static Value string(std::string s, SourcePos pos = {}, bool quoted = false);
    static Value list(SourcePos pos = {});
    static Value map(SourcePos pos = {});

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    bool isString() const { return m_kind == Kind::String; }
    bool isList() const { return m_kind == Kind::List; }
    bool isMap() const { return m_kind == Kind::Map; }
    bool isScalar() const { return m_kind != Kind::List && m_kind != Kind::Map; }
    bool isPrimitive() const { return isScalar() && !isNull(); }

    bool asBool() const { return m_bool; }
    long long asInt() const { return m_int; }
    double asFloat() const { return m_float; }
    // The string of a String; the canonical text of an Int.
    const std::string& text() const { return m_text; }
    bool quoted() const { return m_quoted; }

    const SourcePos& pos() const { return m_pos; }
    void setPos(SourcePos pos) { m_pos = pos; }

    // Lists.
    const std::vector<Value>& items() const { return m_items; }
    std::vector<Value>& items() { return m_items; }
    void push(Value v) { m_items.push_back(std::move(v)); }

    // Maps keep their order; keys are scalars with positions.
    const std::vector<std::pair<Value, Value>>& entries() const { return m_entries; }
    std::vector<std::pair<Value, Value>>& entries() { return m_entries; }
    void insert(Value key, Value v) { m_entries.emplace_back(std::move(key), std::move(v)); }
    // The value of the first entry whose key prints as `key`, or nullptr.
    const Value* find(std::string_view key) const;
    Value* find(std::string_view key);

    // A kind in words for messages: "a string", "a list", ...
    std::string kindName() const;
    static std::string kindName(Kind k);

private:
    Kind m_kind = Kind::Null;
    bool m_bool = false;
    bool m_quoted = false;
    long long m_int = 0;
    double m_float = 0;
    std::string m_text;
    SourcePos m_pos;
    std::vector<Value> m_items;
    std::vector<std::pair<Value, Value>> m_entries;
};

// What DVC's to_str prints for a scalar: true/false, None, Python's repr of a float
// (0.001, 1e-05, 100.0, inf), the text of ints and strings.
std::string scalarText(const Value& v);
// Python's repr() of a float.
std::string pythonFloat(double d);

// YAML 1.2 core schema resolution of a plain scalar (null, bool, int, float, else string).
Value typedPlainScalar(const std::string& text, SourcePos pos);

} // namespace cairn::pipeline
