// Engine: the model registry's writes (docs/registry.md). The engine is the only writer of
// cairn.db, so registering, aliasing, promoting, rolling back, approving and editing cards all
// come here; each change and its audit event are one transaction in the store. Who asks is the
// OS user of the connecting process (SO_PEERCRED); `as` is honoured only as a test hook
// (CAIRN_TEST_IDENTITY=1). cairn.yaml is read again for every request, so gates and roles
// edited while the engine runs apply at once.
#include "engine/core/text.h"
#include "engine/registry/alias_stack.h"
#include "engine/registry/card_fields.h"
#include "engine/registry/gates.h"
#include "engine/registry/roles.h"
#include "engine/server/engine.h"

#include <algorithm>
#include <cctype>

namespace cairn::server {
namespace {

using nlohmann::ordered_json;

struct RegistryError : std::runtime_error {
    RegistryError(std::string c, const std::string& m) : std::runtime_error(m), code(std::move(c)) {}
    std::string code;
};

[[noreturn]] void fail(const char* code, const std::string& message) { throw RegistryError(code, message); }

std::string str(const Json& p, const char* field, bool required = true)
{
    auto it = p.find(field);
    if (it == p.end() || it->is_null()) {
        if (required)
            fail("bad_request", std::string("'") + field + "' is required");
        return {};
    }
    if (!it->is_string())
        fail("bad_request", std::string("'") + field + "' must be a string");
    return it->get<std::string>();
}

std::int64_t integer(const Json& p, const char* field)
{
    auto it = p.find(field);
    if (it == p.end() || !it->is_number_integer() || it->get<std::int64_t>() < 1)
        fail("bad_request", std::string("'") + field + "' must be a whole number >= 1");
    return it->get<std::int64_t>();
}

void checkModelName(const std::string& name)
{
    bool ok = !name.empty() && name.size() <= 128 && name.front() != '-' && name.front() != '.';
    for (char c : name)
        ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.');
    if (!ok)
        fail("bad_request", "model name '" + name + "' must be 1 to 128 letters, digits, '-', '_' or '.', not starting with '-' or '.'");
}

ordered_json governanceJson(const GovernanceConfig& g)
{
    ordered_json gates = ordered_json::object();
    for (const auto& [alias, rules] : g.gates) {
        ordered_json list = ordered_json::array();
        for (const auto& r : rules)
            list.push_back({{"name", r.name}, {"rule", r.rule}, {"message", r.message}});
        gates[alias] = list;
    }
    ordered_json roles = ordered_json::object();
    for (const auto& [user, role] : g.roles)
        roles[user] = role;
    return {{"gates", gates}, {"roles", roles}, {"protected_aliases", g.protectedAliases}};
}

ordered_json versionJson(const ModelVersion& v)
{
    return {{"model", v.model},       {"version", v.version},     {"run", v.runId},
            {"artifact", v.artifact}, {"artifact_hash", v.artifactHash}, {"aliases", v.aliases},
            {"created_ms", v.createdMs}, {"created_by", v.createdBy}};
}

std::string gateSummary(const registry::GateReport& report)
{
    std::string out;
    for (const auto& r : report.results) {
        if (r.outcome == registry::GateResult::Outcome::Pass)
            continue;
        out += "\n  " + r.name + " (" + r.rule + "): " + registry::outcomeName(r.outcome);
        for (const auto& [k, v] : r.measured)
            out += ", " + k + " = " + v;
        if (!r.error.empty())
            out += ": " + r.error;
        else if (!r.message.empty())
            out += ": " + r.message;
    }
    return out;
}

} // namespace

Json Engine::handleRegistry(ConnectionId conn, const std::string& method, const Json& p)
{
    try {
        // Who asks: the peer's OS user; `as` only as the test hook.
        std::string actor;
        if (auto uid = m_server->peerUid(conn))
            actor = registry::userName(*uid);
        else
            actor = registry::currentUser();
        if (std::string as = str(p, "as", false); !as.empty()) {
            if (!registry::testIdentityEnabled())
                fail("forbidden", "'--as' is a test hook, honoured only when the engine runs with CAIRN_TEST_IDENTITY=1; "
                                  "the identity is the OS user (" + actor + ")");
            actor = as;
        }
        auto project = Project::open(m_project->root());  // cairn.yaml as it is now
        if (!project)
            fail("bad_config", project.message());
        const GovernanceConfig& gov = project->config().governance;

        // A changed gates/roles/protected_aliases configuration is recorded when first seen.
        const ordered_json config = governanceJson(gov);
        auto last = m_store->lastAuditEvent("config.governance");
        if (!last)
            fail("store", last.message());
        const ordered_json lastAfter = *last ? ordered_json::parse((*last)->after, nullptr, false) : ordered_json();
        ordered_json seen = lastAfter.is_object() ? lastAfter.value("config", ordered_json()) : ordered_json();
        const bool empty = gov.gates.empty() && gov.roles.empty() && gov.protectedAliases.empty();
        if (seen != config && !(seen.is_null() && empty)) {
            ordered_json after = {{"config", config}, {"seen_by", actor}};
            if (auto s = m_store->appendAudit({"cairn.yaml", "config.governance", "", 0, "",
                                               seen.is_null() ? "" : ordered_json{{"config", seen}}.dump(), after.dump()});
                !s)
                fail("store", s.message());
        }

        auto gatesFor = [&](const ModelVersion& v, const std::string& alias) {
            auto it = gov.gates.find(alias);
            registry::GateReport report;
            if (it == gov.gates.end())
                return report;
            auto subject = registry::subjectFor(*m_store, v, m_project->root());
            if (!subject)
                fail("store", subject.message());
            return registry::evaluateGates(it->second, *subject, registry::builtinGateSources());
        };
        auto refuseOnGates = [&](const ModelVersion& v, const std::string& alias, const registry::GateReport& report,
                                 const std::string& what) {
            if (report.passed())
                return;
            ordered_json after = {{"refused", what}, {"gates", registry::reportJson(report)}};
            if (auto s = m_store->appendAudit({actor, "gate.failed", v.model, v.version, alias, "", after.dump()}); !s)
                fail("store", s.message());
            fail("gate_failed", v.model + ":" + std::to_string(v.version) + " fails " + std::to_string(report.failures()) + " of "
                                    + std::to_string(report.results.size()) + " gate rules for '" + alias + "'; " + what
                                    + " refused (recorded in the audit trail):" + gateSummary(report));
        };
        auto changed = [&](const std::string& model) { broadcast({{"event", "registry.changed"}, {"model", model}}); };

        if (method == "model.register") {
            const std::string model = str(p, "model");
            checkModelName(model);
            if (auto s = registry::requireRole(gov, actor, registry::Role::Editor, "registering a model version"); !s)
                fail("forbidden", s.message());
            auto run = m_store->findRun(str(p, "run"));
            if (!run)
                fail("not_found", run.message());
            if (run->status == RunStatus::Queued || run->status == RunStatus::Running)
                fail("bad_request", "run " + run->id.substr(0, 8) + " (" + run->name + ") is still " + std::string(toString(run->status))
                                        + "; register it once it has finished ('cairn wait " + run->id.substr(0, 8) + "')");
            Store::NewModelVersion nv;
            nv.model = model;
            nv.runId = run->id;
            nv.actor = actor;
            if (std::string ref = str(p, "artifact", false); !ref.empty()) {
                auto a = m_store->findArtifactVersion(ref);
                if (!a)
                    fail("not_found", "--artifact: " + a.message());
                nv.artifactVersionId = a->id;
                nv.artifactHash = a->hash;
                nv.auditAfter = ordered_json{{"artifact", a->name + ":" + std::to_string(a->version)}}.dump();
            } else {  // the run's model output, when it declared exactly one
                auto graph = m_store->lineage(run->id, 0, false, true, 1);
                if (!graph)
                    fail("store", graph.message());
                std::vector<const LineageNode*> models, outputs;
                for (const auto& n : graph->nodes) {
                    if (n.isRun)
                        continue;
                    outputs.push_back(&n);
                    if (n.detail == "model")
                        models.push_back(&n);
                }
                const auto& pick = models.empty() ? outputs : models;
                if (pick.size() > 1) {
                    std::string list;
                    for (const auto* n : pick)
                        list += (list.empty() ? "" : ", ") + n->id;
                    fail("bad_request", "run " + run->id.substr(0, 8) + " wrote several " + (models.empty() ? "outputs" : "models")
                                            + " (" + list + "); name one with --artifact NAME:VERSION");
                }
                if (pick.size() == 1) {
                    nv.artifactVersionId = pick.front()->rowId;
                    nv.artifactHash = pick.front()->hash;
                    nv.auditAfter = ordered_json{{"artifact", pick.front()->id}}.dump();
                }
            }
            auto snap = registry::snapshotRun(*m_store, run->id);
            if (!snap)
                fail("store", snap.message());
            nv.snapshot = snap->dump();
            auto v = m_store->registerModelVersion(nv);
            if (!v)
                fail("store", v.message());
            changed(model);
            return versionJson(*v);
        }

        if (method == "model.alias" || method == "model.promote") {
            const bool promote = method == "model.promote";
            const std::string model = str(p, "model");
            const std::string alias = str(p, "alias");
            auto v = m_store->modelVersion(model, integer(p, "version"));
            if (!v)
                fail("not_found", v.message());
            if (alias.empty() || std::isdigit(static_cast<unsigned char>(alias[0])) || alias.size() > 64
                || alias.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") != std::string::npos)
                fail("bad_request", "alias '" + alias + "' must be letters, digits, '-', '_' or '.', not starting with a digit");
            if (auto s = registry::requireRole(gov, actor, registry::Role::Editor, promote ? "promoting a model" : "setting an alias"); !s)
                fail("forbidden", s.message());
            const bool isProtected = registry::isProtected(gov, alias);
            if (!promote && isProtected)
                fail("forbidden", "alias '" + alias + "' is protected (protected_aliases: in cairn.yaml): use 'cairn model promote "
                                      + model + " " + std::to_string(v->version) + " --to " + alias + "', which asks an approver");
            if (std::find(v->aliases.begin(), v->aliases.end(), alias) != v->aliases.end())
                return ordered_json{{"status", "unchanged"}, {"model", model}, {"version", v->version}, {"alias", alias}};
            registry::GateReport report = gatesFor(*v, alias);
            refuseOnGates(*v, alias, report, promote ? "promotion" : "setting the alias");
            const ordered_json gates = registry::reportJson(report);
            if (promote && isProtected) {
                for (const auto& r : m_store->promotionRequests(true).value_or({}))
                    if (r.model == model && r.version == v->version && r.alias == alias)
                        fail("bad_request", "request " + std::to_string(r.id) + " to promote " + model + ":" + std::to_string(v->version)
                                                + " to '" + alias + "' is already waiting for an approver");
                auto req = m_store->createPromotionRequest(model, v->version, alias, actor, gates.dump());
                if (!req)
                    fail("store", req.message());
                changed(model);
                return ordered_json{{"status", "requested"}, {"request", req->id}, {"model", model},
                                    {"version", v->version}, {"alias", alias}, {"gates", gates}};
            }
            auto c = m_store->moveAlias(model, v->version, alias, promote ? "promote" : "alias", actor,
                                        report.results.empty() ? "" : ordered_json{{"gates", gates}}.dump());
            if (!c)
                fail("store", c.message());
            changed(model);
            return ordered_json{{"status", promote ? "promoted" : "set"}, {"model", model}, {"version", v->version}, {"alias", alias},
                                {"previous", c->previous ? ordered_json(*c->previous) : ordered_json()}, {"gates", gates}};
        }

        if (method == "model.rollback") {
            const std::string model = str(p, "model");
            const std::string alias = str(p, "alias");
            auto current = m_store->modelVersionByAlias(model, alias);
            if (!current)
                fail("not_found", current.message());
            const registry::Role needed = registry::isProtected(gov, alias) ? registry::Role::Approver : registry::Role::Editor;
            if (auto s = registry::requireRole(gov, actor, needed, "rolling back '" + alias + "'"); !s)
                fail("forbidden", s.message());
            auto history = m_store->aliasHistory(model, alias);
            if (!history)
                fail("store", history.message());
            const auto stack = registry::aliasStack(*history);
            if (stack.size() < 2)
                fail("bad_request", "'" + alias + "' of " + model + " has had no other version before " + std::to_string(current->version)
                                        + "; nothing to roll back to");
            const std::int64_t target = stack[stack.size() - 2];
            auto c = m_store->moveAlias(model, target, alias, "rollback", actor, ordered_json{{"rolled_back", current->version}}.dump());
            if (!c)
                fail("store", c.message());
            changed(model);
            return ordered_json{{"status", "rolled_back"}, {"model", model}, {"alias", alias}, {"version", target},
                                {"previous", current->version}};
        }

        if (method == "model.approve" || method == "model.reject") {
            const bool approve = method == "model.approve";
            auto req = m_store->promotionRequest(integer(p, "request"));
            if (!req)
                fail("not_found", req.message());
            if (req->status != "pending")
                fail("bad_request", "request " + std::to_string(req->id) + " was already " + req->status + " by " + req->decidedBy);
            const bool own = req->requestedBy == actor;
            if (approve && own)
                fail("forbidden", "self-approval refused: request " + std::to_string(req->id) + " was made by " + actor
                                      + "; a different approver must approve it");
            if (!own || approve) {  // the requester may always withdraw their own request
                if (auto s = registry::requireRole(gov, actor, registry::Role::Approver,
                                                   std::string(approve ? "approving" : "rejecting") + " a promotion");
                    !s)
                    fail("forbidden", s.message());
            }
            if (approve) {  // the gates again: the version or the rules may have changed since the request
                auto v = m_store->modelVersion(req->model, req->version);
                if (!v)
                    fail("not_found", v.message());
                refuseOnGates(*v, req->alias, gatesFor(*v, req->alias), "approval of request " + std::to_string(req->id));
            }
            auto decided = m_store->decidePromotionRequest(req->id, approve, actor, str(p, "note", false));
            if (!decided)
                fail("store", decided.message());
            changed(req->model);
            return ordered_json{{"status", decided->status}, {"request", req->id}, {"model", req->model},
                                {"version", req->version}, {"alias", req->alias}, {"requested_by", req->requestedBy},
                                {"decided_by", actor}};
        }

        if (method == "card.set") {
            const std::string model = str(p, "model");
            const std::int64_t version = integer(p, "version");
            auto v = m_store->modelVersion(model, version);
            if (!v)
                fail("not_found", v.message());
            if (auto s = registry::requireRole(gov, actor, registry::Role::Editor, "editing a model card"); !s)
                fail("forbidden", s.message());
            auto fields = p.find("fields");
            if (fields == p.end() || !fields->is_object() || fields->empty())
                fail("bad_request", "'fields' must be an object of card fields to set");
            std::map<std::string, std::string> values;
            for (const auto& [k, val] : fields->items()) {
                if (!registry::findCardField(k)) {
                    const std::string hint = didYouMean(k, registry::cardFieldKeys());
                    fail("bad_request", "unknown card field '" + k + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)")
                                            + "; 'cairn card fields' lists them");
                }
                if (!val.is_string())
                    fail("bad_request", "card field '" + k + "' must be text");
                if (val.get<std::string>().size() > 64 * 1024)
                    fail("bad_request", "card field '" + k + "' is longer than 64 KiB");
                values[k] = val.get<std::string>();
            }
            if (auto s = m_store->setCardFields(model, version, values, actor); !s)
                fail("store", s.message());
            changed(model);
            return ordered_json{{"status", "saved"}, {"model", model}, {"version", version}, {"fields", values.size()}};
        }
        fail("unknown_method", "unknown method '" + method + "'");
    } catch (const RegistryError& e) {
        return {{"error", {{"code", e.code}, {"message", e.what()}}}};
    } catch (const Json::exception& e) {
        return {{"error", {{"code", "bad_request"}, {"message", e.what()}}}};
    }
}

} // namespace cairn::server
