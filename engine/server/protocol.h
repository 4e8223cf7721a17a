// The engine's socket protocol: newline-delimited JSON over .cairn/engine.sock (docs/protocol.md).
//   request  {"v":1,"id":7,"method":"submit","params":{...}}
//   reply    {"v":1,"id":7,"result":{...}}   or   {"v":1,"id":7,"error":{"code":"...","message":"..."}}
//   event    {"v":1,"event":"run.finished","data":{...}}
#pragma once

#include "engine/core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace cairn::server {

using Json = nlohmann::json;

constexpr int kProtocolVersion = 1;
constexpr std::size_t kMaxMessageBytes = 1 << 20;

struct Request {
    std::int64_t id = 0;
    std::string method;
    Json params = Json::object();
};

struct ProtocolError {
    std::string code;     // bad_json, bad_request, unsupported_version, too_large, unknown_method, ...
    std::string message;
    std::int64_t id = 0;  // the request's id when it could be read
};

// Parses one request line. Never throws.
bool parseRequest(std::string_view line, Request& out, ProtocolError& error);

std::string encodeResult(std::int64_t id, const Json& result);
std::string encodeError(std::int64_t id, const std::string& code, const std::string& message);
std::string encodeEvent(const std::string& event, const Json& data);
std::string encodeRequest(std::int64_t id, const std::string& method, const Json& params);

} // namespace cairn::server
