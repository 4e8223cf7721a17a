#include "engine/registry/audit_chain.h"

#include "engine/artifacts/sha256.h"

#include <ctime>
#include <map>

namespace cairn::registry {
namespace {

void field(std::string& out, const char* name, const std::string& value)
{
    out += name;
    out += '=';
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += '\n';
}

std::string describe(const AuditEvent& e)
{
    std::string d = "event " + std::to_string(e.seq) + " (" + e.action;
    if (!e.model.empty())
        d += " " + e.model + (e.version ? ":" + std::to_string(e.version) : std::string());
    if (!e.actor.empty())
        d += " by " + e.actor;
    if (!e.at.empty())
        d += " at " + e.at;
    return d + ")";
}

} // namespace

const std::string& genesisHash()
{
    static const std::string zeros(64, '0');
    return zeros;
}

std::string auditHashInput(const AuditEvent& e)
{
    std::string out = "cairn-audit-v1\n";
    field(out, "seq", std::to_string(e.seq));
    field(out, "at", e.at);
    field(out, "actor", e.actor);
    field(out, "action", e.action);
    field(out, "model", e.model);
    field(out, "version", e.version ? std::to_string(e.version) : std::string());
    field(out, "alias", e.alias);
    field(out, "before", e.before);
    field(out, "after", e.after);
    field(out, "prev_hash", e.prevHash);
    return out;
}

std::string auditHash(const AuditEvent& e) { return artifacts::sha256Hex(auditHashInput(e)); }

std::string utcTimestamp(std::int64_t ms)
{
    std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
    return buf;
}

ChainCheck verifyChain(const std::vector<AuditEvent>& events, const std::optional<AuditHead>& head)
{
    ChainCheck c;
    c.events = static_cast<std::int64_t>(events.size());
    std::map<std::string, std::int64_t> seqOfHash;  // to tell a reorder from a deletion
    for (const AuditEvent& e : events)
        seqOfHash.emplace(e.hash, e.seq);
    std::string prev = genesisHash();
    std::int64_t prevSeq = 0;
    for (const AuditEvent& e : events) {
        auto broken = [&](const std::string& why) {
            c.ok = false;
            c.brokenSeq = e.seq;
            c.message = describe(e) + ": " + why;
            return c;
        };
        if (auditHash(e) != e.hash)
            return broken("its hash does not match its contents: the row was edited (or renumbered) after it was written");
        if (e.prevHash != prev) {
            if (auto it = seqOfHash.find(e.prevHash); it != seqOfHash.end())
                return broken("it was written after event " + std::to_string(it->second) + ", not after event "
                              + std::to_string(prevSeq) + ": the events were reordered");
            if (prevSeq == 0)
                return broken("it is the first event but does not start the chain: earlier events were deleted or the events were reordered");
            return broken("it does not follow event " + std::to_string(prevSeq)
                          + " (its prev_hash is not that event's hash): an event between them was deleted, or the events were reordered");
        }
        if (e.seq != prevSeq + 1)
            return broken("it follows event " + std::to_string(prevSeq) + ": the numbering has a gap");
        prev = e.hash;
        prevSeq = e.seq;
    }
    const std::int64_t headSeq = head ? head->seq : 0;
    const std::string headHash = head ? head->hash : genesisHash();
    if (headSeq != prevSeq || headHash != prev) {
        c.ok = false;
        if (headSeq > prevSeq)
            c.message = "the trail ends at event " + std::to_string(prevSeq) + " but the head records event "
                        + std::to_string(headSeq) + ": the newest events were deleted";
        else
            c.message = "the head records event " + std::to_string(headSeq) + " but the trail ends at event "
                        + std::to_string(prevSeq) + ": the head row or the newest event was altered";
        return c;
    }
    c.headHash = prev;
    return c;
}

} // namespace cairn::registry
