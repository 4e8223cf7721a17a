#include "engine/pipeline/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace cairn::pipeline {

std::string formatDiagnostic(const Diagnostic& d)
{
    std::string out = d.file;
    if (d.pos.known())
        out += ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column);
    out += d.severity == Severity::Error ? ": error: " : ": warning: ";
    if (!d.field.empty())
        out += d.field + ": ";
    return out + d.message;
}

void Diagnostics::error(const std::string& file, SourcePos pos, std::string field, std::string message)
{
    m_list.push_back({Severity::Error, file, pos, std::move(field), std::move(message)});
}

void Diagnostics::warning(const std::string& file, SourcePos pos, std::string field, std::string message)
{
    m_list.push_back({Severity::Warning, file, pos, std::move(field), std::move(message)});
}

void Diagnostics::sort()
{
    auto key = [](const Diagnostic& d) {
        return std::tie(d.file, d.pos.line, d.pos.column, d.severity, d.field, d.message);
    };
    std::stable_sort(m_list.begin(), m_list.end(), [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
    m_list.erase(std::unique(m_list.begin(), m_list.end(),
                             [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
                 m_list.end());
}

bool Diagnostics::hasErrors() const { return errorCount() > 0; }

std::size_t Diagnostics::errorCount() const
{
    return static_cast<std::size_t>(std::count_if(m_list.begin(), m_list.end(),
                                                  [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::size_t Diagnostics::warningCount() const { return m_list.size() - errorCount(); }

} // namespace cairn::pipeline
