// An editable pipeline file: the YAML as written (stage templates, foreach and matrix
// unexpanded) plus the edits made to it, saved back with the fewest bytes changed. Opening
// and saving an untouched file gives the same bytes; an edit rewrites only the mapping
// entries whose values changed (a stage's `cmd:` line, a whole new stage) and keeps every
// other byte, comments and order included. New text follows the file's own style
// (yaml_emit.h). This is what the canvas edits; it never runs anything.
#pragma once

#include "engine/core/result.h"
#include "engine/pipeline/value.h"
#include "engine/pipeline/yaml_emit.h"

#include <map>
#include <string>
#include <vector>

namespace cairn::pipeline {

class PipelineDocument {
public:
    PipelineDocument();  // an empty new file
    // Fails, naming the line and column, when `text` is not YAML or not a mapping at the top.
    static Result<PipelineDocument> fromText(std::string text);

    // The bytes the file holds (as loaded, or as last saved).
    const std::string& savedText() const { return m_saved; }
    // The bytes to write: savedText() where nothing changed.
    std::string text() const;
    // The content differs from savedText()'s (undoing every edit makes it false again).
    bool modified() const;
    // The file now holds `text` (normally text()): it becomes the base of later edits.
    // Fails when `text` does not parse.
    Status markSaved(const std::string& text);
    // text() parses back to root() (it always should; a failure is a bug worth a message).
    bool roundTrips(const std::string& text) const;

    const YamlStyle& style() const { return m_style; }
    const Value& root() const { return m_root; }

    // The entries under `stages:`, in file order, as written.
    std::vector<std::string> stageNames() const;
    int stageCount() const;
    const Value* stage(std::string_view name) const;
    int stageIndex(std::string_view name) const;  // -1 when absent
    // Replaces an existing stage's body, or inserts a new stage at `index` (-1: the end).
    void setStage(const std::string& name, Value body, int index = -1);
    bool removeStage(const std::string& name);
    // Keeps the stage's place and body; its entry is written under the new name.
    bool renameStage(const std::string& from, const std::string& to);

private:
    Value* stagesMap();
    const Value* stagesMap() const;
    // Writes `now` where the block mapping `before` was, in the saved text's [begin, end).
    // `depth` 0 is the top level; at 1 under `stages:`, `renames` maps new names to old.
    void splice(std::string& out, const Value& before, const Value& now, long begin, long end, int indent, int depth,
                const std::map<std::string, std::string>* renames) const;

    std::string m_saved;
    Value m_savedRoot;  // the parse of m_saved
    Value m_root;       // what the file says now
    YamlStyle m_style;
    // Stage entries renamed since the save: new name -> name in m_savedRoot.
    std::map<std::string, std::string> m_origin;
};

} // namespace cairn::pipeline
