#include "widgets/canvas/stage_templates.h"

#include "engine/pipeline/yaml_value.h"

#include <QCoreApplication>

namespace cairn::widgets {

const std::vector<StageTemplate>& stageTemplates()
{
    // lupdate files these tr() calls under the enclosing namespace, so that is their context at run time too.
    auto tr = [](const char* s) { return QCoreApplication::translate("cairn::widgets", s); };
    static const std::vector<StageTemplate> templates = {
        {QStringLiteral("script"), tr("Python script"), tr("Runs a Python script that reads inputs and writes outputs."), "script",
         "cmd: python3 src/script.py\ndeps: [src/script.py]\nouts: [out]\n"},
        {QStringLiteral("shell"), tr("Shell command"), tr("Any shell command, run with /bin/sh in the project folder."), "shell",
         "cmd: echo hello > hello.txt\nouts: [hello.txt]\n"},
        {QStringLiteral("prepare"), tr("Prepare data"), tr("Splits or cleans raw data; its params come from params.yaml."), "prepare",
         "desc: split the raw data\ncmd: python3 src/prepare.py data/raw data/prepared\ndeps: [src/prepare.py, data/raw]\n"
         "outs: [data/prepared]\n"},
        {QStringLiteral("train-gpu"), tr("Train on GPU"), tr("A training script given one whole GPU, retried once if it fails."),
         "train", "cmd: python3 src/train.py --data data/prepared --out models/model.pt\ndeps: [src/train.py]\n"
                  "outs: [models/model.pt]\nresources:\n  gpus: 1\nretries: 1\n"},
        {QStringLiteral("train-ddp"), tr("Distributed training"), tr("torchrun-style training: 2 GPUs, one worker per GPU."),
         "train_ddp", "cmd: python3 src/train.py --out models/ddp\ndeps: [src/train.py]\nouts: [models/ddp]\n"
                      "resources:\n  gpus: 2\n  nproc: 2\n"},
        {QStringLiteral("sweep"), tr("Parameter sweep"), tr("One stage per value of a matrix (DVC's matrix)."), "sweep",
         "matrix:\n  lr: [0.1, 0.01, 0.001]\ncmd: python3 src/train.py --lr ${item.lr} --out models/lr-${item.lr}\n"
         "deps: [src/train.py]\nouts: [\"models/lr-${item.lr}\"]\n"},
        {QStringLiteral("evaluate"), tr("Evaluate"), tr("Scores a model; the metrics file is kept out of the cache."), "evaluate",
         "cmd: python3 src/evaluate.py models eval/metrics.json\ndeps: [src/evaluate.py]\nmetrics:\n  - eval/metrics.json:\n"
         "      cache: false\n"},
        {QStringLiteral("data-check"), tr("Data check"), tr("Fails the pipeline when the data does not pass its checks."),
         "check_data", "cmd: python3 src/check_data.py data/prepared --report reports/data_check.json\n"
                       "deps: [src/check_data.py]\nmetrics:\n  - reports/data_check.json:\n      cache: false\n"},
        {QStringLiteral("report"), tr("Report"), tr("Renders plots or an HTML report from metrics."), "report",
         "cmd: python3 src/report.py --out reports/report.html\ndeps: [src/report.py]\nplots: [reports/report.html]\n"},
    };
    return templates;
}

const StageTemplate* findStageTemplate(const QString& id)
{
    for (const auto& t : stageTemplates())
        if (t.id == id)
            return &t;
    return nullptr;
}

pipeline::Value templateBody(const StageTemplate& t)
{
    pipeline::YamlDocument doc = pipeline::parseYaml(t.yaml);
    return doc.root.isMap() ? doc.root : pipeline::Value::map();
}

} // namespace cairn::widgets
