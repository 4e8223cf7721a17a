#include "engine/server/protocol.h"

namespace cairn::server {

bool parseRequest(std::string_view line, Request& out, ProtocolError& error)
{
    if (line.size() > kMaxMessageBytes) {
        error = {"too_large", "message longer than " + std::to_string(kMaxMessageBytes) + " bytes", 0};
        return false;
    }
    Json doc = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) {
        error = {"bad_json", "a request is one JSON object on one line", 0};
        return false;
    }
    std::int64_t id = 0;
    if (auto it = doc.find("id"); it != doc.end()) {
        if (!it->is_number_integer()) {
            error = {"bad_request", "'id' must be an integer", 0};
            return false;
        }
        id = it->get<std::int64_t>();
    }
    auto v = doc.find("v");
    if (v == doc.end() || !v->is_number_integer()) {
        error = {"bad_request", "missing protocol version 'v'", id};
        return false;
    }
    if (v->get<std::int64_t>() != kProtocolVersion) {
        error = {"unsupported_version",
                 "protocol version " + v->dump() + " is not supported; this engine speaks version "
                     + std::to_string(kProtocolVersion) + " (upgrade the older of the two)",
                 id};
        return false;
    }
    auto m = doc.find("method");
    if (m == doc.end() || !m->is_string() || m->get<std::string>().empty()) {
        error = {"bad_request", "missing 'method'", id};
        return false;
    }
    Json params = Json::object();
    if (auto p = doc.find("params"); p != doc.end()) {
        if (!p->is_object()) {
            error = {"bad_request", "'params' must be an object", id};
            return false;
        }
        params = *p;
    }
    out.id = id;
    out.method = m->get<std::string>();
    out.params = std::move(params);
    return true;
}

std::string encodeResult(std::int64_t id, const Json& result)
{
    return Json{{"v", kProtocolVersion}, {"id", id}, {"result", result}}.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string encodeError(std::int64_t id, const std::string& code, const std::string& message)
{
    return Json{{"v", kProtocolVersion}, {"id", id}, {"error", {{"code", code}, {"message", message}}}}.dump(
               -1, ' ', false, Json::error_handler_t::replace)
           + "\n";
}

std::string encodeEvent(const std::string& event, const Json& data)
{
    return Json{{"v", kProtocolVersion}, {"event", event}, {"data", data}}.dump(-1, ' ', false, Json::error_handler_t::replace)
           + "\n";
}

std::string encodeRequest(std::int64_t id, const std::string& method, const Json& params)
{
    // `{}` in C++ makes a JSON null; the protocol's params are always an object.
    return Json{{"v", kProtocolVersion}, {"id", id}, {"method", method}, {"params", params.is_null() ? Json::object() : params}}.dump(
               -1, ' ', false, Json::error_handler_t::replace)
           + "\n";
}

} // namespace cairn::server
