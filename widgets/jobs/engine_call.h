// How the job widgets talk to the engine without depending on the app's EngineClient: a function
// that sends one request and calls back once on the UI thread with the result or an error text.
#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

namespace cairn::widgets {

// `error` is empty on success; then `result` is the reply's result object.
using EngineReply = std::function<void(const QJsonObject& result, const QString& error)>;
using EngineCall = std::function<void(const QString& method, const QJsonObject& params, EngineReply reply)>;

} // namespace cairn::widgets
