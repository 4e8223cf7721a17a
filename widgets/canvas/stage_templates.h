// The palette's stage templates: a name, a one-line description and the YAML of a stage
// body a user starts from (script, shell, train on GPU, evaluate, data check, sweep, ...).
#pragma once

#include "engine/pipeline/value.h"

#include <QString>

#include <vector>

namespace cairn::widgets {

// The MIME type of a template dragged from the palette: its id as UTF-8.
inline constexpr const char* kStageTemplateMime = "application/x-cairn-stage-template";

struct StageTemplate {
    QString id;           // "script", "train-gpu", ...
    QString label;        // shown in the palette
    QString description;  // its tooltip
    std::string name;     // the new stage's name (made unique)
    std::string yaml;     // the stage's body
};

const std::vector<StageTemplate>& stageTemplates();
const StageTemplate* findStageTemplate(const QString& id);
// The template's body as a Value (a mapping).
pipeline::Value templateBody(const StageTemplate& t);

} // namespace cairn::widgets
