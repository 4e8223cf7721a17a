// Engine: `report.add`, storing a drift, validation or fairness report that a client computed
// (docs/protocol.md). The engine checks the fields, attaches the report to a run when asked,
// writes it with its summary values in one transaction and pushes `report.added`.
#include "engine/server/engine.h"

#include <cmath>

namespace cairn::server {
namespace {

struct ReportRequestError : std::runtime_error {
    ReportRequestError(std::string c, const std::string& m) : std::runtime_error(m), code(std::move(c)) {}
    std::string code;
};

[[noreturn]] void fail(const char* code, const std::string& message) { throw ReportRequestError(code, message); }

} // namespace

Json Engine::addReport(const Json& p)
{
    try {
        StoredReport r;
        r.kind = p.value("kind", std::string());
        if (!isReportKind(r.kind))
            fail("bad_request", "'kind' must be drift, validation or fairness, not '" + r.kind + "'");
        r.title = p.value("title", std::string());
        r.passed = p.value("passed", true);
        if (auto v = p.find("values"); v != p.end()) {
            if (!v->is_object())
                fail("bad_request", "'values' must be an object of numbers");
            for (const auto& [k, x] : v->items()) {
                if (k.empty() || k.find_first_of(" \t\n.") != std::string::npos)
                    fail("bad_request", "report value name '" + k + "' must be non-empty, without spaces or dots");
                if (!x.is_number() && !x.is_null())
                    fail("bad_request", "report value '" + k + "' must be a number");
                r.values[k] = x.is_null() ? std::nan("") : x.get<double>();
            }
        }
        const auto body = p.find("body");
        if (body == p.end() || !body->is_object())
            fail("bad_request", "'body' must be the report as a JSON object");
        r.body = body->dump();
        if (std::string run = p.value("run", std::string()); !run.empty()) {
            auto found = m_store->findRun(run);
            if (!found)
                fail("not_found", found.message());
            r.runId = found->id;
        }
        auto stored = m_store->addReport(r);
        if (!stored)
            fail("store", stored.message());
        broadcast({{"event", "report.added"}, {"id", stored->id}, {"kind", stored->kind}, {"run", stored->runId},
                   {"passed", stored->passed}});
        onReportAdded(*stored);
        return {{"id", stored->id}, {"kind", stored->kind}, {"run", stored->runId}, {"created_ms", stored->createdMs}};
    } catch (const ReportRequestError& e) {
        return {{"error", {{"code", e.code}, {"message", e.what()}}}};
    } catch (const Json::exception& e) {
        return {{"error", {{"code", "bad_request"}, {"message", e.what()}}}};
    }
}

} // namespace cairn::server
