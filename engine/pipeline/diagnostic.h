// Problems found in a pipeline spec, each with file:line:column and the field it concerns,
// printed the way compilers print them so editors can jump to them.
#pragma once

#include "engine/pipeline/value.h"

#include <string>
#include <vector>

namespace cairn::pipeline {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;     // as the user named it
    SourcePos pos;
    std::string field;    // stages.train.deps[1]; empty for the whole file
    std::string message;
};

// "pipelines/train.yaml:12:5: error: stages.train.deps[1]: message"
std::string formatDiagnostic(const Diagnostic& d);

class Diagnostics {
public:
    void error(const std::string& file, SourcePos pos, std::string field, std::string message);
    void warning(const std::string& file, SourcePos pos, std::string field, std::string message);
    void add(Diagnostic d) { m_list.push_back(std::move(d)); }
    void append(const std::vector<Diagnostic>& more) { m_list.insert(m_list.end(), more.begin(), more.end()); }
    // By file, line, column; identical repeats (one template, many generated stages) dropped.
    void sort();
    bool hasErrors() const;
    std::size_t errorCount() const;
    std::size_t warningCount() const;
    const std::vector<Diagnostic>& list() const { return m_list; }

private:
    std::vector<Diagnostic> m_list;
};

} // namespace cairn::pipeline
