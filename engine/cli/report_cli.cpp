#include "engine/cli/report_cli.h"

#include "engine/analysis/drift_json.h"
#include "engine/analysis/fairness_json.h"
#include "engine/analysis/report_html.h"
#include "engine/analysis/validation_json.h"
#include "engine/artifacts/manifest.h"
#include "engine/cli/output.h"
#include "engine/core/text.h"
#include "engine/artifacts/object_store.h"
#include "engine/server/client.h"
#include "engine/store/project.h"
#include "engine/store/store.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <cstdio>
#include <ostream>

namespace fs = std::filesystem;

namespace cairn::cli::report_cli {
namespace {

std::string envOr(const char* name, const std::string& fallback = {})
{
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : fallback;
}

Result<Project> reportProject(const Context& ctx)
{
    if (!ctx.projectOption.empty())
        return Project::open(ctx.projectOption);
    if (std::string p = envOr("CAIRN_PROJECT"); !p.empty())
        return Project::open(p);
    return Project::locate({});
}

} // namespace

std::optional<DataInput> resolveData(Context& ctx, const std::string& command, const std::string& reference)
{
    std::error_code ec;
    if (fs::is_regular_file(reference, ec))
        return DataInput{reference, reference};
    auto project = reportProject(ctx);
    if (!project || reference.empty()) {
        ctx.err << "cairn " << command << ": " << reference << ": cannot open: no such file"
                << (project ? "" : " (and not inside a project, so not an artifact either)") << "\n";
        return std::nullopt;
    }
    auto store = Store::open(project->databasePath(), Store::Mode::ReadOnly);
    if (!store) {
        ctx.err << "cairn " << command << ": " << reference << ": cannot open: no such file\n";
        return std::nullopt;
    }
    // NAME:N/FILE picks one file of a directory version.
    std::string ref = reference, inner;
    if (auto slash = reference.find('/'); slash != std::string::npos && !fs::exists(reference.substr(0, slash), ec)) {
        ref = reference.substr(0, slash);
        inner = reference.substr(slash + 1);
    }
    auto version = (*store)->findArtifactVersion(ref);
    if (!version) {
        ctx.err << "cairn " << command << ": " << reference << ": no such file, and " << version.message() << "\n";
        return std::nullopt;
    }
    const std::string label = version->name + ":" + std::to_string(version->version);
    artifacts::ObjectStore objects(project->artifactsDir());
    if (!version->directory) {
        if (!inner.empty()) {
            ctx.err << "cairn " << command << ": " << label << " is a file, not a directory: leave out '/" << inner << "'\n";
            return std::nullopt;
        }
        return DataInput{objects.objectPath(version->hash).string(), label};
    }
    auto text = objects.readObject(version->hash);
    if (!text) {
        ctx.err << "cairn " << command << ": " << label << ": " << text.message() << "\n";
        return std::nullopt;
    }
    auto manifest = artifacts::decodeManifest(*text, version->hash);
    if (!manifest) {
        ctx.err << "cairn " << command << ": " << label << ": " << manifest.message() << "\n";
        return std::nullopt;
    }
    std::vector<const artifacts::ManifestEntry*> csvs;
    for (const auto& e : manifest->entries) {
        if (e.type != artifacts::ManifestEntry::Type::File)
            continue;
        if (!inner.empty() ? e.path == inner : (e.path.size() > 4 && e.path.substr(e.path.size() - 4) == ".csv"))
            csvs.push_back(&e);
    }
    if (csvs.size() != 1) {
        ctx.err << "cairn " << command << ": " << label << " is a directory with "
                << (inner.empty() ? std::to_string(csvs.size()) + " CSV files" : "no file '" + inner + "'")
                << "; name one as " << label << "/FILE.csv";
        for (std::size_t i = 0; i < manifest->entries.size() && i < 5; ++i)
            ctx.err << (i ? ", " : " (") << manifest->entries[i].path << (i + 1 == std::min<std::size_t>(5, manifest->entries.size()) ? ")" : "");
        ctx.err << "\n";
        return std::nullopt;
    }
    return DataInput{objects.objectPath(csvs.front()->sha256).string(), label + "/" + csvs.front()->path};
}

int storeReport(Context& ctx, const std::string& command, const std::string& runOption, bool noStore, StoredReport report,
                const nlohmann::ordered_json& body)
{
    const std::string run = runOption.empty() ? envOr("CAIRN_RUN_ID") : runOption;
    if (noStore) {
        if (!runOption.empty()) {
            ctx.err << "cairn " << command << ": --run and --no-store contradict each other\n";
            return kExitUsage;
        }
        return kExitOk;
    }
    auto project = reportProject(ctx);
    if (!project) {
        if (!runOption.empty()) {
            ctx.err << "cairn " << command << ": --run: " << project.message() << "\n";
            return kExitUsage;
        }
        return kExitOk;  // two CSV files outside any project: nothing to store them in
    }
    const bool asked = !runOption.empty();
    if (!run.empty()) {  // an unknown run is bad input: say so before starting an engine
        auto store = Store::open(project->databasePath(), Store::Mode::ReadOnly);
        auto found = store ? (*store)->findRun(run) : Result<Run>(store.error());
        if (!found) {
            ctx.err << "cairn " << command << ": " << (asked ? "--run: " : "warning: the report was not stored: ") << found.message() << "\n";
            return asked ? kExitUsage : kExitOk;
        }
    }
    auto client = server::ensureEngine(*project);
    if (!client) {
        ctx.err << "cairn " << command << ": " << (asked ? "" : "warning: ") << "the report was not stored: " << client.message() << "\n";
        return asked ? kExitFailure : kExitOk;
    }
    nlohmann::json values = nlohmann::json::object();
    for (const auto& [k, v] : report.values)
        values[k] = std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
    auto reply = (*client)->call("report.add", {{"kind", report.kind},
                                                {"run", run},
                                                {"title", report.title},
                                                {"passed", report.passed},
                                                {"values", values},
                                                {"body", nlohmann::json::parse(body.dump())}});
    if (!reply) {
        ctx.err << "cairn " << command << ": " << (asked ? "" : "warning: ") << "the report was not stored: " << reply.message() << "\n";
        return asked ? kExitFailure : kExitOk;
    }
    ctx.err << "cairn " << command << ": stored as report " << reply->value("id", 0)
            << (run.empty() ? std::string() : " of run " + reply->value("run", run).substr(0, 8)) << "\n";
    return kExitOk;
}

void writeDriftText(std::ostream& out, const analysis::DriftReport& r)
{
    TextTable t({"column", "type", "test", "score", "threshold", "drift", "ref", "cur"});
    for (const auto& c : r.columns) {
        char s[32];
        std::snprintf(s, sizeof s, "%.6g", c.score);
        t.add({c.name, analysis::toString(c.type), analysis::testName(c.test), s, formatDouble(c.threshold),
               c.drifted ? "DRIFT" : "-", std::to_string(c.refRows), std::to_string(c.curRows)});
    }
    t.print(out);
    char share[32];
    std::snprintf(share, sizeof share, "%.1f%%", r.share * 100);
    out << "\n" << r.driftedColumns << " of " << r.columns.size() << " columns drifted (" << share << "); dataset "
        << (r.datasetDrift ? "DRIFTED" : "not drifted") << " (threshold: share >= " << formatDouble(r.driftShare) << ")\n";
}

Status renderReport(std::ostream& out, const std::string& kind, const nlohmann::json& body, const std::string& format)
{
    if (format == "html")
        return analysis::writeReportHtml(out, kind, body);
    if (kind == "drift") {
        auto r = analysis::driftFromBody(body);
        if (!r)
            return r.error();
        writeDriftText(out, *r);
        return Ok{};
    }
    if (kind == "validation") {
        auto r = analysis::validationFromBody(body);
        if (!r)
            return r.error();
        writeValidationText(out, *r);
        return Ok{};
    }
    if (kind == "fairness") {
        auto r = analysis::fairnessFromBody(body);
        if (!r)
            return r.error();
        writeFairnessText(out, *r);
        return Ok{};
    }
    return makeError("cannot show a report of kind '" + kind + "'");
}

void writeValidationText(std::ostream& out, const analysis::ValidationReport& r)
{
    TextTable t({"column", "expectation", "expected", "result", "observed", "offending rows (line: value)"});
    for (const auto& x : r.results) {
        std::string examples;
        for (const auto& e : x.examples)
            examples += (examples.empty() ? "" : ", ") + std::to_string(e.line) + ": " + (e.value.empty() ? "(missing)" : "'" + e.value + "'");
        if (x.failed > x.examples.size() && !x.examples.empty())
            examples += ", ...";
        t.add({x.column.empty() ? "(file)" : x.column, x.expectation, x.expected, x.passed ? "ok" : "FAIL", x.observed, examples});
    }
    t.print(out);
    out << "\n" << r.failed << " of " << r.results.size() << " expectations failed (" << r.data << ", " << r.rows << " rows)\n";
}

void writeFairnessText(std::ostream& out, const analysis::FairnessReport& r)
{
    auto f = [](double v) {
        char b[32];
        std::snprintf(b, sizeof b, "%.4f", v);
        return std::isfinite(v) ? std::string(b) : formatDouble(v);
    };
    TextTable t({r.sensitive, "count", "selection_rate", "accuracy", "tpr", "fpr"});
    for (const auto& x : r.groups)
        t.add({x.group, std::to_string(x.count), f(x.selectionRate), f(x.accuracy), f(x.tpr), f(x.fpr)});
    t.add({r.overall.group, std::to_string(r.overall.count), f(r.overall.selectionRate), f(r.overall.accuracy), f(r.overall.tpr),
           f(r.overall.fpr)});
    t.print(out);
    out << "\ndemographic parity difference  " << f(r.demographicParityDifference) << "\n"
        << "demographic parity ratio       " << f(r.demographicParityRatio) << "\n"
        << "equalized odds difference      " << f(r.equalizedOddsDifference) << "\n"
        << "equalized odds ratio           " << f(r.equalizedOddsRatio) << "\n"
        << "(label '" << r.label << "', prediction '" << r.pred << "', positive label " << r.posLabel << ", " << r.overall.count
        << " rows, " << r.groups.size() << " groups)\n";
}

} // namespace cairn::cli::report_cli
