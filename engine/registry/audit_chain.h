// The audit trail's hash chain (docs/registry.md#audit-trail). Each event's hash is SHA-256 over
// a canonical encoding of all its fields, the previous event's hash among them, so editing,
// deleting or reordering any row breaks the chain from that row on. The encoding is documented
// so that an auditor can recompute it with any SHA-256 tool.
#pragma once

#include "engine/store/registry_rows.h"

#include <optional>
#include <string>
#include <vector>

namespace cairn::registry {

// The prev_hash of the first event: 64 zeros.
const std::string& genesisHash();

// "cairn-audit-v1\n" then, for each of seq, at, actor, action, model, version, alias, before,
// after, prev_hash in this order: NAME "=" BYTE_LENGTH ":" VALUE "\n" (version is empty when 0).
std::string auditHashInput(const AuditEvent& e);
std::string auditHash(const AuditEvent& e);

// "2024-05-01T12:00:00.123Z" for Unix epoch milliseconds.
std::string utcTimestamp(std::int64_t ms);

struct ChainCheck {
    bool ok = true;
    std::int64_t events = 0;
    std::int64_t brokenSeq = 0;  // the first broken event (0 when ok, or when only the head is off)
    std::string message;         // what is wrong, naming the event
    std::string headHash;        // the newest event's hash when ok
};

// Checks `events` (ordered by seq as stored) against each other and against the head row.
ChainCheck verifyChain(const std::vector<AuditEvent>& events, const std::optional<AuditHead>& head);

} // namespace cairn::registry
