// Engine: alerts (docs/alerts.md). Rules come from cairn.yaml (re-read when it changes); metric
// rules are searches checked once a second against the runs that received points; stale rules
// look at running runs every 15 s; report rules are checked when a report is stored. A fired
// alert is stored once per rule and run (and report) and pushed as `alert.fired`.
#include "engine/core/clock.h"
#include "engine/core/text.h"
#include "engine/server/engine.h"

#include <cmath>
#include <iostream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace cairn::server {
namespace {

void alertLog(const std::string& message)
{
    std::cerr << formatTimestamp(nowMs()) << " engine[" << ::getpid() << "]: " << message << std::endl;
}

std::string quoted(const std::string& s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

} // namespace

void Engine::loadAlertRules(bool force)
{
    std::error_code ec;
    const auto t = fs::last_write_time(m_project->configPath(), ec);
    if (ec || (!force && t == m_alertConfigTime))
        return;
    m_alertConfigTime = t;
    auto project = Project::open(m_project->root());
    if (!project) {  // keep the rules in force; say why the new file is not used
        alertLog("cairn.yaml not reloaded: " + project.message());
        return;
    }
    m_alertRules = project->config().alerts;
    if (!force || !m_alertRules.empty())
        alertLog(std::to_string(m_alertRules.size()) + " alert rule(s) from cairn.yaml");
}

void Engine::fireAlert(FiredAlert a)
{
    auto stored = m_store->recordAlert(a);
    if (!stored) {
        alertLog("cannot store alert '" + a.rule + "': " + stored.message());
        return;
    }
    if (!*stored)
        return;  // fired before for this run (and report)
    const FiredAlert& f = **stored;
    alertLog("alert '" + f.rule + "': " + f.message);
    broadcast({{"event", "alert.fired"},
               {"id", f.id},
               {"rule", f.rule},
               {"condition", f.condition},
               {"run", f.runId},
               {"report", f.reportId},
               {"value", std::isfinite(f.value) ? Json(f.value) : Json(nullptr)},
               {"message", f.message}});
}

void Engine::alertsTick()
{
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastAlertCheck < std::chrono::seconds(1))
        return;
    const bool first = m_lastAlertCheck == std::chrono::steady_clock::time_point{};
    m_lastAlertCheck = now;
    loadAlertRules(first);
    if (m_alertRules.empty()) {
        m_alertPending.clear();
        return;
    }
    // Metric rules: the run's search, restricted to the run, in SQL (engine/query).
    for (const std::string& runId : m_alertPending) {
        for (const AlertRule& rule : m_alertRules) {
            if (rule.kind != AlertRule::Kind::Metric)
                continue;
            RunFilter f;
            f.where = "(" + rule.when + ") and id = " + quoted(runId);
            f.limit = 1;
            auto hit = m_store->runs(f);
            if (!hit) {
                alertLog("alert '" + rule.name + "': " + hit.message());
                continue;
            }
            if (hit->empty())
                continue;
            const Run& run = hit->front().run;
            fireAlert({0, rule.name + "|" + run.id + "|", rule.name, rule.when, run.id, run.name, 0, std::nan(""),
                       rule.name + ": " + rule.when + " on run " + run.name + " (" + run.id.substr(0, 8) + ")", 0});
        }
    }
    m_alertPending.clear();
    // Stale rules: running runs whose newest point (or start) is older than the limit.
    if (now - m_lastStaleCheck < std::chrono::seconds(15))
        return;
    m_lastStaleCheck = now;
    bool anyStale = false;
    for (const AlertRule& rule : m_alertRules)
        anyStale = anyStale || rule.kind == AlertRule::Kind::Stale;
    if (!anyStale)
        return;
    auto jobs = m_store->activeJobs();
    if (!jobs)
        return;
    const std::int64_t nowWall = nowMs();
    for (const Job& j : *jobs) {
        if (j.status != RunStatus::Running)
            continue;
        auto run = m_store->findRun(j.runId);
        auto summaries = m_store->metricSummaries(j.runId);
        if (!run || !summaries)
            continue;
        std::int64_t last = run->startMs;
        for (const auto& s : *summaries)
            last = std::max(last, s.lastTimestampMs);
        for (const AlertRule& rule : m_alertRules) {
            if (rule.kind != AlertRule::Kind::Stale || nowWall - last < std::int64_t(rule.staleMinutes) * 60000)
                continue;
            const double minutes = double(nowWall - last) / 60000.0;
            fireAlert({0, rule.name + "|" + run->id + "|", rule.name, describe(rule), run->id, run->name, 0, minutes,
                       rule.name + ": no new points for " + std::to_string(static_cast<long long>(minutes)) + " min on running run "
                           + run->name + " (" + run->id.substr(0, 8) + ")",
                       0});
        }
    }
}

void Engine::onReportAdded(const StoredReport& report)
{
    loadAlertRules(false);
    for (const AlertRule& rule : m_alertRules) {
        if (rule.kind != AlertRule::Kind::Report || rule.reportKind != report.kind)
            continue;
        auto it = report.values.find(rule.valueName);
        if (it == report.values.end() || !reportRuleMatches(rule, it->second))
            continue;
        const std::string where = report.runId.empty() ? "" : " on run " + report.runName + " (" + report.runId.substr(0, 8) + ")";
        fireAlert({0, rule.name + "|" + report.runId + "|" + std::to_string(report.id), rule.name, rule.when, report.runId,
                   report.runName, report.id, it->second,
                   rule.name + ": " + rule.valueName + " = " + formatDouble(it->second) + " (" + rule.when + ") in " + report.kind
                       + " report " + std::to_string(report.id) + where,
                   0});
    }
}

} // namespace cairn::server
