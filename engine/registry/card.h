// Model cards (docs/registry.md#model-cards): everything Cairn tracked about a model version,
// gathered once, then written as Model Card Toolkit JSON (schema 0.0.2), a Hugging Face
// README.md, a self-contained HTML page, or (through cairn-render-pdf) a PDF.
//
// Metric conventions read from the run's metric summaries (last values):
//   NAME.ci_low, NAME.ci_high    the confidence interval of NAME
//   NAME/slice/SLICE             NAME measured on one slice of the data (SLICE may hold '/')
//   fairness.NAME                a fairness metric (demographic_parity_difference, ...)
// (Metric keys cannot hold '=', so `acc/slice=x` is spelt acc/slice/x.)
#pragma once

#include "engine/registry/gates.h"
#include "engine/store/lineage_rows.h"
#include "engine/store/project.h"
#include "engine/store/registry_rows.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cairn {
class Store;
}

namespace cairn::registry {

struct CardMetric {
    std::string name;
    std::string slice;                 // empty: the whole evaluation set
    double value = 0.0;
    std::optional<double> low, high;   // the confidence interval, when logged
};

struct CardDataset {
    std::string artifact;              // name:version
    std::string type;
    std::string hash;
    std::string role;                  // training or evaluation
};

struct CardSeries {
    std::string key;
    std::vector<std::pair<double, double>> points;  // step, value (at most ~200, evenly thinned)
};

struct CardData {
    std::string model;
    std::int64_t version = 0;
    std::string registeredAt;          // YYYY-MM-DD HH:MM UTC
    std::string registeredDate;        // YYYY-MM-DD
    std::string registeredBy;
    std::vector<std::string> aliases;
    std::map<std::string, std::string> fields;  // the written fields (card_fields.h)
    std::string runId, runName, experiment, runStatus, runCommand, runUser;
    std::string artifact, artifactHash;
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<CardMetric> metrics;   // whole-set metrics
    std::vector<CardMetric> sliced;
    std::vector<CardMetric> fairness;
    std::vector<CardDataset> datasets; // the run's declared inputs
    LineageGraph lineage;              // everything upstream of the run
    nlohmann::ordered_json environment;  // runs/<id>/env.json (null when absent)
    GateReport gates;                  // every alias's gates, evaluated when the card was made
    std::vector<CardSeries> curves;    // the main metrics over steps
    std::string generatedAt;
    int previousVersion = 0;           // 0: the first version

    // The written field, or empty.
    std::string field(const std::string& key) const;
    // A written multi-line field as its non-empty lines.
    std::vector<std::string> lines(const std::string& key) const;
};

// Gathers a version's card. Fails only when the version does not exist.
Result<CardData> buildCard(Store& store, const Project& project, const std::string& model, std::int64_t version);

// The section titles every format uses, in order (tests check the PDF for each).
const std::vector<std::string>& cardSectionTitles();

// Model Card Toolkit JSON, schema v0.0.2.
std::string cardMctJson(const CardData& card);
// A Hugging Face README.md: YAML front matter with a model-index, then the card in Markdown.
std::string cardHuggingFace(const CardData& card);

// One chart as a standalone SVG document.
struct CardChart {
    std::string id;       // "metrics", "slices", "curves"
    std::string title;
    std::string svg;
    int width = 0, height = 0;  // the SVG's size in pixels
};
std::vector<CardChart> cardCharts(const CardData& card);

enum class HtmlFlavor {
    Web,        // a self-contained page: CSS inline, charts as SVG data URIs
    Document,   // the subset QTextDocument renders (for cairn-render-pdf): charts as <img src="ID.svg">
};
std::string cardHtml(const CardData& card, HtmlFlavor flavor);

// The environment as label/value rows (git, OS, CPU, Python, packages, env vars).
std::vector<std::pair<std::string, std::string>> environmentRows(const CardData& card);
// Four significant digits, for tables people read (MCT JSON keeps every digit).
std::string displayNumber(double v);
// "0.95 (0.93 to 0.97)" or "0.95".
std::string metricText(const CardMetric& m);

std::string htmlEscape(const std::string& s);
std::string base64(const std::string& bytes);

} // namespace cairn::registry
