// Store: the model registry (docs/registry.md). Every write appends its audit event(s) in the
// same transaction as the change itself, so the trail and the registry never disagree.
#include "engine/store/store.h"

#include "engine/core/clock.h"
#include "engine/core/text.h"
#include "engine/registry/audit_chain.h"
#include "engine/store/database.h"

#include <nlohmann/json.hpp>

namespace cairn {
namespace {

using nlohmann::ordered_json;

#define CAIRN_SELECT_MODEL_VERSIONS                                                                                 \
    "SELECT mv.id, m.name, mv.version, mv.run, COALESCE(a.name || ':' || av.version, ''), mv.artifact_hash, "      \
    "mv.snapshot, mv.created_ms, mv.created_by, "                                                                   \
    "(SELECT group_concat(alias, ',') FROM (SELECT alias FROM model_aliases x WHERE x.version = mv.id ORDER BY alias)) " \
    "FROM model_versions mv JOIN models m ON m.id = mv.model "                                                    \
    "LEFT JOIN artifact_versions av ON av.id = mv.artifact_version LEFT JOIN artifacts a ON a.id = av.artifact"

ModelVersion readModelVersion(const Statement& st)
{
    ModelVersion v;
    v.id = st.int64(0);
    v.model = st.text(1);
    v.version = st.int64(2);
    v.runId = st.text(3);
    v.artifact = st.text(4);
    v.artifactHash = st.text(5);
    v.snapshot = st.text(6);
    v.createdMs = st.int64(7);
    v.createdBy = st.text(8);
    std::string aliases = st.text(9);
    for (std::size_t start = 0; !aliases.empty() && start <= aliases.size();) {
        auto comma = aliases.find(',', start);
        v.aliases.push_back(aliases.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return v;
}

#define CAIRN_SELECT_REQUESTS                                                                                      \
    "SELECT r.id, m.name, mv.version, r.alias, r.status, r.requested_by, r.requested_ms, r.decided_by, "          \
    "r.decided_ms, r.note, r.gates FROM promotion_requests r JOIN model_versions mv ON mv.id = r.version "       \
    "JOIN models m ON m.id = mv.model"

PromotionRequest readRequest(const Statement& st)
{
    PromotionRequest r;
    r.id = st.int64(0);
    r.model = st.text(1);
    r.version = st.int64(2);
    r.alias = st.text(3);
    r.status = st.text(4);
    r.requestedBy = st.text(5);
    r.requestedMs = st.int64(6);
    r.decidedBy = st.text(7);
    r.decidedMs = st.int64(8);
    r.note = st.text(9);
    r.gates = st.text(10);
    return r;
}

AuditEvent readAudit(const Statement& st)
{
    AuditEvent e;
    e.seq = st.int64(0);
    e.at = st.text(1);
    e.actor = st.text(2);
    e.action = st.text(3);
    e.model = st.text(4);
    e.version = st.isNull(5) ? 0 : st.int64(5);
    e.alias = st.text(6);
    e.before = st.text(7);
    e.after = st.text(8);
    e.prevHash = st.text(9);
    e.hash = st.text(10);
    return e;
}

// Merges the JSON object text `extra` into `j` (ignored when empty or not an object).
void merge(ordered_json& j, const std::string& extra)
{
    if (extra.empty())
        return;
    auto e = ordered_json::parse(extra, nullptr, false);
    if (e.is_object())
        for (auto& [k, v] : e.items())
            j[k] = v;
}

} // namespace

Status Store::appendAuditNoTx(const AuditEntry& entry)
{
    auto head = m_db->prepare("SELECT seq, hash FROM audit_head WHERE id = 1");
    if (!head)
        return head.error();
    auto row = head->step();
    if (!row)
        return row.error();
    AuditEvent e;
    e.seq = *row ? head->int64(0) + 1 : 1;
    e.prevHash = *row ? head->text(1) : registry::genesisHash();
    e.at = registry::utcTimestamp(nowMs());
    e.actor = entry.actor;
    e.action = entry.action;
    e.model = entry.model;
    e.version = entry.version;
    e.alias = entry.alias;
    e.before = entry.before;
    e.after = entry.after;
    e.hash = registry::auditHash(e);
    auto ins = m_db->prepare("INSERT INTO audit_events(seq, at, actor, action, model, version, alias, before, after, prev_hash, hash) "
                             "VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    if (!ins)
        return ins.error();
    ins->bind(1, e.seq).bind(2, e.at).bind(3, e.actor).bind(4, e.action).bind(5, e.model);
    if (e.version)
        ins->bind(6, e.version);
    else
        ins->bindNull(6);
    ins->bind(7, e.alias).bind(8, e.before).bind(9, e.after).bind(10, e.prevHash).bind(11, e.hash);
    if (auto s = ins->run(); !s)
        return makeError("cannot append to the audit trail (event " + std::to_string(e.seq)
                         + " exists already: was the trail edited?): " + s.message());
    auto up = m_db->prepare("INSERT INTO audit_head(id, seq, hash) VALUES(1, ?, ?) "
                            "ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash");
    if (!up)
        return up.error();
    up->bind(1, e.seq).bind(2, e.hash);
    return up->run();
}

Status Store::appendAudit(const AuditEntry& entry)
{
    Transaction tx(*m_db);
    if (auto s = appendAuditNoTx(entry); !s)
        return s;
    return tx.commit();
}

Result<std::vector<AuditEvent>> Store::auditEvents(std::int64_t afterSeq, std::int64_t limit)
{
    auto st = m_db->prepare("SELECT seq, at, actor, action, model, version, alias, before, after, prev_hash, hash "
                            "FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?");
    if (!st)
        return st.error();
    st->bind(1, afterSeq).bind(2, limit);
    std::vector<AuditEvent> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) { out.push_back(readAudit(r)); }); !s)
        return s.error();
    return out;
}

Result<std::optional<AuditHead>> Store::auditHead()
{
    auto st = m_db->prepare("SELECT seq, hash FROM audit_head WHERE id = 1");
    if (!st)
        return st.error();
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<AuditHead>();
    return std::optional<AuditHead>(AuditHead{st->int64(0), st->text(1)});
}

Result<std::optional<AuditEvent>> Store::lastAuditEvent(const std::string& action)
{
    auto st = m_db->prepare("SELECT seq, at, actor, action, model, version, alias, before, after, prev_hash, hash "
                            "FROM audit_events WHERE action = ? ORDER BY seq DESC LIMIT 1");
    if (!st)
        return st.error();
    st->bind(1, action);
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<AuditEvent>();
    return std::optional<AuditEvent>(readAudit(*st));
}

Result<std::vector<ModelInfo>> Store::models()
{
    auto st = m_db->prepare("SELECT m.id, m.name, m.created_ms, m.created_by, COUNT(v.id), COALESCE(MAX(v.version), 0) "
                            "FROM models m LEFT JOIN model_versions v ON v.model = m.id GROUP BY m.id ORDER BY m.name");
    auto aliases = m_db->prepare("SELECT a.alias, v.version FROM model_aliases a JOIN model_versions v ON v.id = a.version "
                                 "WHERE a.model = ? ORDER BY a.alias");
    if (!st)
        return st.error();
    if (!aliases)
        return aliases.error();
    std::vector<ModelInfo> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) {
            out.push_back({r.int64(0), r.text(1), r.int64(2), r.text(3), r.int64(4), r.int64(5), {}});
        });
        !s)
        return s.error();
    for (ModelInfo& m : out) {
        aliases->reset();
        aliases->bind(1, m.id);
        if (auto s = forEachRow(*aliases, [&](const Statement& r) { m.aliases[r.text(0)] = r.int64(1); }); !s)
            return s.error();
    }
    return out;
}

Result<ModelInfo> Store::model(const std::string& name)
{
    auto all = models();
    if (!all)
        return all.error();
    std::vector<std::string> names;
    for (const ModelInfo& m : *all) {
        if (m.name == name)
            return m;
        names.push_back(m.name);
    }
    const std::string hint = didYouMean(name, names);
    return makeError("no model named '" + name + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)")
                     + (names.empty() ? "; register one with 'cairn model register NAME --run RUN'" : "; 'cairn model list' lists them"));
}

Result<std::vector<ModelVersion>> Store::modelVersions(const std::string& name)
{
    auto st = m_db->prepare(CAIRN_SELECT_MODEL_VERSIONS " WHERE m.name = ? ORDER BY mv.version DESC");
    if (!st)
        return st.error();
    st->bind(1, name);
    std::vector<ModelVersion> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) { out.push_back(readModelVersion(r)); }); !s)
        return s.error();
    return out;
}

Result<ModelVersion> Store::modelVersion(const std::string& name, std::int64_t version)
{
    auto m = model(name);
    if (!m)
        return m.error();
    auto st = m_db->prepare(CAIRN_SELECT_MODEL_VERSIONS " WHERE m.name = ? AND mv.version = ?");
    if (!st)
        return st.error();
    st->bind(1, name).bind(2, version);
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError("model '" + name + "' has no version " + std::to_string(version) + " (its versions are 1 to "
                         + std::to_string(m->latestVersion) + ")");
    return readModelVersion(*st);
}

Result<ModelVersion> Store::modelVersionByAlias(const std::string& name, const std::string& alias)
{
    auto m = model(name);
    if (!m)
        return m.error();
    auto it = m->aliases.find(alias);
    if (it == m->aliases.end()) {
        std::vector<std::string> names;
        for (const auto& [a, v] : m->aliases)
            names.push_back(a);
        const std::string hint = didYouMean(alias, names);
        return makeError("model '" + name + "' has no alias '" + alias + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)")
                         + (names.empty() ? "; it has no aliases yet" : ""));
    }
    return modelVersion(name, it->second);
}

Result<std::vector<AliasChange>> Store::aliasHistory(const std::string& model, const std::string& alias)
{
    auto st = m_db->prepare("SELECT h.id, h.alias, v.version, p.version, h.action, h.at_ms, h.actor FROM alias_history h "
                            "JOIN models m ON m.id = h.model JOIN model_versions v ON v.id = h.version "
                            "LEFT JOIN model_versions p ON p.id = h.previous "
                            "WHERE m.name = ?1 AND (?2 = '' OR h.alias = ?2) ORDER BY h.id");
    if (!st)
        return st.error();
    st->bind(1, model).bind(2, alias);
    std::vector<AliasChange> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) {
            AliasChange c;
            c.id = r.int64(0);
            c.alias = r.text(1);
            c.version = r.int64(2);
            if (!r.isNull(3))
                c.previous = r.int64(3);
            c.action = r.text(4);
            c.atMs = r.int64(5);
            c.actor = r.text(6);
            out.push_back(std::move(c));
        });
        !s)
        return s.error();
    return out;
}

Result<ModelVersion> Store::registerModelVersion(const NewModelVersion& v)
{
    Transaction tx(*m_db);
    auto ins = m_db->prepare("INSERT INTO models(name, created_ms, created_by) VALUES(?, ?, ?) ON CONFLICT(name) DO NOTHING");
    if (!ins)
        return ins.error();
    ins->bind(1, v.model).bind(2, nowMs()).bind(3, v.actor);
    if (auto s = ins->run(); !s)
        return s.error();
    const bool newModel = sqlite3_changes(m_db->handle()) > 0;
    auto id = m_db->prepare("SELECT id, (SELECT COALESCE(MAX(version), 0) FROM model_versions WHERE model = models.id) "
                            "FROM models WHERE name = ?");
    if (!id)
        return id.error();
    id->bind(1, v.model);
    if (auto s = firstRow(*id, "model '" + v.model + "' vanished"); !s)
        return s.error();
    const std::int64_t modelId = id->int64(0);
    const std::int64_t next = id->int64(1) + 1;
    auto add = m_db->prepare("INSERT INTO model_versions(model, version, run, artifact_version, artifact_hash, snapshot, created_ms, created_by) "
                             "VALUES(?,?,?,?,?,?,?,?)");
    if (!add)
        return add.error();
    add->bind(1, modelId).bind(2, next).bind(3, v.runId).bind(4, v.artifactVersionId).bind(5, v.artifactHash);
    add->bind(6, v.snapshot).bind(7, nowMs()).bind(8, v.actor);
    if (auto s = add->run(); !s)
        return s.error();
    const std::int64_t versionId = m_db->lastInsertRowId();
    // The written card fields carry over from the previous version (intended use rarely changes).
    if (next > 1) {
        auto copy = m_db->prepare("INSERT INTO model_cards(version, field, value) SELECT ?, c.field, c.value FROM model_cards c "
                                  "JOIN model_versions p ON p.id = c.version WHERE p.model = ? AND p.version = ?");
        if (!copy)
            return copy.error();
        copy->bind(1, versionId).bind(2, modelId).bind(3, next - 1);
        if (auto s = copy->run(); !s)
            return s.error();
    }
    if (newModel) {
        if (auto s = appendAuditNoTx({v.actor, "model.create", v.model, 0, "", "", ordered_json{{"name", v.model}}.dump()}); !s)
            return s.error();
    }
    ordered_json after = {{"run", v.runId}, {"artifact_hash", v.artifactHash}};
    merge(after, v.auditAfter);
    if (auto s = appendAuditNoTx({v.actor, "model.register", v.model, next, "", "", after.dump()}); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return modelVersion(v.model, next);
}

Result<AliasChange> Store::moveAlias(const std::string& model, std::int64_t version, const std::string& alias,
                                     const std::string& action, const std::string& actor, const std::string& auditExtra)
{
    if (action != "alias" && action != "promote" && action != "rollback")
        return makeError("alias action must be alias, promote or rollback, not '" + action + "'");
    Transaction tx(*m_db);
    auto target = modelVersion(model, version);
    if (!target)
        return target.error();
    auto modelRow = this->model(model);
    if (!modelRow)
        return modelRow.error();
    std::optional<std::int64_t> previous;
    std::optional<std::int64_t> previousId;
    if (auto it = modelRow->aliases.find(alias); it != modelRow->aliases.end()) {
        previous = it->second;
        auto p = modelVersion(model, it->second);
        if (!p)
            return p.error();
        previousId = p->id;
    }
    const std::int64_t now = nowMs();
    auto set = m_db->prepare("INSERT INTO model_aliases(model, alias, version, set_ms, set_by) VALUES(?,?,?,?,?) "
                             "ON CONFLICT(model, alias) DO UPDATE SET version = excluded.version, set_ms = excluded.set_ms, "
                             "set_by = excluded.set_by");
    if (!set)
        return set.error();
    set->bind(1, modelRow->id).bind(2, alias).bind(3, target->id).bind(4, now).bind(5, actor);
    if (auto s = set->run(); !s)
        return s.error();
    auto hist = m_db->prepare("INSERT INTO alias_history(model, alias, version, previous, action, at_ms, actor) VALUES(?,?,?,?,?,?,?)");
    if (!hist)
        return hist.error();
    hist->bind(1, modelRow->id).bind(2, alias).bind(3, target->id).bind(4, previousId).bind(5, action).bind(6, now).bind(7, actor);
    if (auto s = hist->run(); !s)
        return s.error();
    AliasChange change{m_db->lastInsertRowId(), alias, version, previous, action, now, actor};
    ordered_json before = previous ? ordered_json{{"version", *previous}} : ordered_json();
    ordered_json after = {{"version", version}};
    merge(after, auditExtra);
    const std::string auditAction = action == "alias" ? "alias.set" : action == "promote" ? "model.promote" : "alias.rollback";
    if (auto s = appendAuditNoTx({actor, auditAction, model, version, alias, before.is_null() ? "" : before.dump(), after.dump()}); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return change;
}

Result<PromotionRequest> Store::createPromotionRequest(const std::string& model, std::int64_t version, const std::string& alias,
                                                       const std::string& actor, const std::string& gatesJson)
{
    Transaction tx(*m_db);
    auto target = modelVersion(model, version);
    if (!target)
        return target.error();
    auto ins = m_db->prepare("INSERT INTO promotion_requests(version, alias, status, requested_by, requested_ms, gates) "
                             "VALUES(?, ?, 'pending', ?, ?, ?)");
    if (!ins)
        return ins.error();
    ins->bind(1, target->id).bind(2, alias).bind(3, actor).bind(4, nowMs()).bind(5, gatesJson);
    if (auto s = ins->run(); !s)
        return s.error();
    const std::int64_t id = m_db->lastInsertRowId();
    ordered_json after = {{"request", id}, {"status", "pending"}};
    if (auto g = ordered_json::parse(gatesJson, nullptr, false); !g.is_discarded() && !gatesJson.empty())
        after["gates"] = g;
    if (auto s = appendAuditNoTx({actor, "promotion.request", model, version, alias, "", after.dump()}); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return promotionRequest(id);
}

Result<std::vector<PromotionRequest>> Store::promotionRequests(bool pendingOnly)
{
    auto st = m_db->prepare(pendingOnly ? CAIRN_SELECT_REQUESTS " WHERE r.status = 'pending' ORDER BY r.id"
                                        : CAIRN_SELECT_REQUESTS " ORDER BY r.id");
    if (!st)
        return st.error();
    std::vector<PromotionRequest> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) { out.push_back(readRequest(r)); }); !s)
        return s.error();
    return out;
}

Result<PromotionRequest> Store::promotionRequest(std::int64_t id)
{
    auto st = m_db->prepare(CAIRN_SELECT_REQUESTS " WHERE r.id = ?");
    if (!st)
        return st.error();
    st->bind(1, id);
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError("no promotion request " + std::to_string(id) + " ('cairn model requests' lists them)");
    return readRequest(*st);
}

Result<PromotionRequest> Store::decidePromotionRequest(std::int64_t id, bool approve, const std::string& actor,
                                                       const std::string& note)
{
    Transaction tx(*m_db);
    auto r = promotionRequest(id);
    if (!r)
        return r.error();
    if (r->status != "pending")
        return makeError("promotion request " + std::to_string(id) + " was already " + r->status + " by " + r->decidedBy);
    auto up = m_db->prepare("UPDATE promotion_requests SET status = ?, decided_by = ?, decided_ms = ?, note = ? WHERE id = ?");
    if (!up)
        return up.error();
    up->bind(1, std::string_view(approve ? "approved" : "rejected")).bind(2, actor).bind(3, nowMs()).bind(4, note).bind(5, id);
    if (auto s = up->run(); !s)
        return s.error();
    ordered_json after = {{"request", id}, {"status", approve ? "approved" : "rejected"}, {"requested_by", r->requestedBy}};
    if (!note.empty())
        after["note"] = note;
    if (auto s = appendAuditNoTx({actor, approve ? "promotion.approve" : "promotion.reject", r->model, r->version, r->alias,
                                  ordered_json{{"request", id}, {"status", "pending"}}.dump(), after.dump()});
        !s)
        return s.error();
    if (approve) {
        ordered_json extra = {{"request", id}, {"requested_by", r->requestedBy}, {"approved_by", actor}};
        if (auto m = moveAlias(r->model, r->version, r->alias, "promote", actor, extra.dump()); !m)
            return m.error();
    }
    if (auto s = tx.commit(); !s)
        return s.error();
    return promotionRequest(id);
}

Result<std::map<std::string, std::string>> Store::cardFields(const std::string& model, std::int64_t version)
{
    auto v = modelVersion(model, version);
    if (!v)
        return v.error();
    auto st = m_db->prepare("SELECT field, value FROM model_cards WHERE version = ? ORDER BY field");
    if (!st)
        return st.error();
    st->bind(1, v->id);
    std::map<std::string, std::string> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) { out[r.text(0)] = r.text(1); }); !s)
        return s.error();
    return out;
}

Status Store::setCardFields(const std::string& model, std::int64_t version, const std::map<std::string, std::string>& fields,
                            const std::string& actor)
{
    Transaction tx(*m_db);
    auto current = cardFields(model, version);
    if (!current)
        return current.error();
    auto v = modelVersion(model, version);
    if (!v)
        return v.error();
    auto set = m_db->prepare("INSERT INTO model_cards(version, field, value) VALUES(?,?,?) "
                             "ON CONFLICT(version, field) DO UPDATE SET value = excluded.value");
    auto del = m_db->prepare("DELETE FROM model_cards WHERE version = ? AND field = ?");
    if (!set)
        return set.error();
    if (!del)
        return del.error();
    ordered_json before = ordered_json::object(), after = ordered_json::object();
    for (const auto& [field, value] : fields) {
        auto it = current->find(field);
        const std::string old = it == current->end() ? std::string() : it->second;
        if (old == value)
            continue;
        before[field] = old;
        after[field] = value;
        Statement& st = value.empty() ? *del : *set;
        st.reset();
        st.bind(1, v->id).bind(2, field);
        if (!value.empty())
            st.bind(3, value);
        if (auto s = st.run(); !s)
            return s;
    }
    if (after.empty())
        return Ok{};  // nothing changed: no event
    if (auto s = appendAuditNoTx({actor, "card.edit", model, version, "", before.dump(), after.dump()}); !s)
        return s;
    return tx.commit();
}

} // namespace cairn
