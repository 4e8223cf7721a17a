<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>cairn::widgets::AlertsPanel</name>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alerts fired. Rules go under &apos;alerts:&apos; in cairn.yaml (docs/alerts.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ArtifactList</name>
    <message>
        <source>Filter artifacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (external)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ArtifactPanel</name>
    <message>
        <source>Lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show where this version came from and what came from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nulls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No artifact selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick an artifact in the list, or a dataset or model in the lineage graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from another tool (OpenLineage: %1 %2); no bytes stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>SHA-256 &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;missing from the store (&apos;cairn artifact verify&apos;)&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made by run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>... and %1 more (cairn artifact show %2 --format json lists them all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile: Cairn profiles CSV files when they are added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (the first %1 of a longer file)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::CardEditor</name>
    <message>
        <source>&amp;Save Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export MCT JSON...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Hugging Face...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export HTML...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a model version to edit its card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Card of %1:%2&lt;/b&gt; — written fields (the rest comes from tracked data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the card of %1:%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model version is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Model Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ColorKey</name>
    <message>
        <source>log</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::CompareChart</name>
    <message>
        <source>(%L1 points, every spike kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relative time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@ step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smoothed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time +%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cairn comparison chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::CompareTable</name>
    <message>
        <source>Only rows that differ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::CompareView</name>
    <message>
        <source>Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick a run to hide it in every chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exponential moving average; the raw curve stays faint underneath</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the x axis measures: the logged step, the clock, or time since each run started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour runs by their index, or by a param&apos;s value (a gradient for numbers, a colour per value otherwise) in every chart, plot and the legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · double-click: fit · right-click: export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters and metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as PNG...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as SVG...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export data as CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit all steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: check that the folder exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::app::CompareWindow</name>
    <message numerus="yes">
        <source>Compare %n run(s) — Cairn Workbench</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export All Charts...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n metric(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export all charts as PNG, SVG and CSV into</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::widgets::DotLayout</name>
    <message>
        <source>Graphviz &apos;dot&apos; is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;dot&apos; failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;dot&apos; gave no positions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start &apos;dot&apos;: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::DriftHistogram</name>
    <message>
        <source>No histogram for this column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
reference %2%
current %3%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::app::EngineClient</name>
    <message>
        <source>&apos;cairn engine start&apos; failed with exit code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start &apos;cairn&apos;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine went away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is larger than 1 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &apos;cairn&apos; command was not found next to the workbench or on PATH.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::GpuPanel</name>
    <message>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for GPUs...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No NVIDIA GPU found (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::GpuProbe</name>
    <message>
        <source>&apos;cairn gpus&apos; failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot run &apos;cairn&apos;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the &apos;cairn&apos; command was not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NVML reports no devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::HistogramWidget</name>
    <message>
        <source>Select a column to see its histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — from a uniform sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no finite values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(other)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::KeyValueTable</name>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::LaunchDialog</name>
    <message>
        <source>Looking for GPUs...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. python train.py --lr 0.01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(generated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none: start when resources are free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Experiment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;GPUs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any free G&amp;PUs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rocesses per node:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;After run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 / %2 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU %1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No GPUs found (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine refused the run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments are split at spaces; put an argument with spaces in double quotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes for a Slurm executor; srun starts the processes per node on each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the job runs: here, or an ssh host or Slurm cluster of cairn.yaml (see &apos;cairn executors&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;un on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;odes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slurm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slurm via %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executors unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slurm gives the GPUs: ask for a count per node below (or set gres in cairn.yaml).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host&apos;s own GPUs: ask for a count below; free ones are picked there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working directory is sent to the cluster (only what is missing there); sbatch queues the job, srun starts its processes. Outputs come back into the run&apos;s folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working directory is sent to the host (only what is missing there); metrics and logs arrive while it runs, outputs come back into the run&apos;s folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::LineageCanvas</name>
    <message>
        <source>No lineage to show yet: runs record what they read and wrote with --input/--output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no graph to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The graph is too large for an image; export SVG instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cairn lineage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::LineageView</name>
    <message>
        <source>Find a run or artifact (Enter: next)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream and downstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream (where it came from)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downstream (what came from it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>depth </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many steps from the root (all: no limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole graph (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing...</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 nodes, %2 edges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage of %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — laid out by Graphviz dot in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> | %1: %2 upstream, %3 downstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (*.svg);;PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::app::LineageWindow</name>
    <message>
        <source>Artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage of %1 — Cairn</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Graphviz is laying out %n node(s)...</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the lineage...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::LogView</name>
    <message>
        <source>[... earlier output not shown ...]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rank %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slurm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::app::MainWindow</name>
    <message>
        <source>Cairn Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open. Use File &gt; Open Project... or File &gt; New Project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Cairn Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent &amp;Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Cairn Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project: choose or create an empty folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Cairn Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Cairn Workbench %1&lt;/h3&gt;&lt;p&gt;A desktop workbench for machine-learning experiments: runs, parameters, metrics and logs, read live from a Cairn project.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Launch Run...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engine: not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engine: running, pid %1, %2 running / %3 queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project before starting its engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engine: starting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project before launching a run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued run %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare Selected Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Artifacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project &amp;Lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;eports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pipelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two or more runs to compare: Ctrl-click or Shift-click rows in the runs table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs are selected; a comparison shows at most %2. Narrow the selection with the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts fired by the engine (View &gt; Alerts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New %1 report %2%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cairn alert: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::MetricChart</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1
%2 = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n non-finite value(s) hidden)</source>
        <translation>
            <numerusform>(%n non-finite value hidden)</numerusform>
            <numerusform>(%n non-finite values hidden)</numerusform>
        </translation>
    </message>
    <message>
        <source>(%L1 points, every spike kept)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::MetricGrid</name>
    <message>
        <source>No metrics logged for this run.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::app::ModelsDock</name>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine did not start within 15 s; see .cairn/engine.log in the project.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ModelsView</name>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Promote...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;Alias...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roll Back...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the alias&apos;s gates and move it to this version (a protected alias asks an approver)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point an alias back at the version it held before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appro&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotions to protected aliases wait here for a second person (not the requester).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Registered models&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No registered models yet: &apos;cairn model register NAME --run RUN&apos; registers one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a version to see its gate results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No gates in cairn.yaml: any version may get any alias.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PASS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Gates for %1:%2&lt;/b&gt;: %3 of %4 rules pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#276749&quot;&gt;&lt;b&gt;Intact&lt;/b&gt;&lt;/span&gt;: %1 events, every hash checked. Head %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#c53030&quot;&gt;&lt;b&gt;Broken&lt;/b&gt;&lt;/span&gt;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the engine...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request %1 waits for an approver (someone other than you).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promote version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promoted %1:%2 to &apos;%3&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set an alias on version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; now points at %2:%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no aliases to roll back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back an alias of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled &apos;%1&apos; back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved request %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected request %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::app::NewProject</name>
    <message>
        <source>The &apos;cairn&apos; command was not found next to the workbench or on PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start &apos;cairn&apos;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;cairn init&apos; failed with exit code %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ParallelChart</name>
    <message numerus="yes">
        <source>%1 of %n run(s) inside the brushes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Pick the fields to show as axes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel coordinates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ParallelView</name>
    <message>
        <source>Clear Brushes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the fields to show as axes; drag to reorder; right-click for a log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag along an axis to keep a range; click the axis to clear it. Hover a line for its run · right-click: export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n value(s), evenly spaced</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Log Scale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::PipelineEditor</name>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep My Edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage templates: drag one onto the canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept your edits; saving will overwrite the file on disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laid out without Graphviz (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pipeline run finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pipeline run stopped before it ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pipeline run failed (exit %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto &amp;Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run from &amp;Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run This &amp;Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n stage(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n edge(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>running: %1 of %2 stages finished, %3 running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last run: %1 done or cached, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems: the pipeline is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 is valid (%n warning(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n error(s); they are marked on the stages and listed below.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n stage(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no stages (YAML `stages:` with stage entries, or one stage&apos;s fields).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no stages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no run yet: run the pipeline (Ctrl+Shift+R) or this stage from its context menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Its &amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was deleted or moved on disk. Save to write it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed on disk while you have unsaved edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded %1: it changed on disk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::PipelineModel</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2. The canvas shows the file again once it parses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not parse, so it is not saved from the canvas: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the layout %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::app::PipelineRunner</name>
    <message>
        <source>%1 is running already (pid %2): stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &apos;cairn&apos; command was not found next to the workbench or on PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start &apos;cairn pipeline run&apos;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;cairn pipeline run&apos; exited without output.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::PipelineScene</name>
    <message>
        <source> (run %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; reads that output of &apos;%2&apos; already.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::app::PipelineTabs</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1; its log is in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping %1: its running stages are cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pipeline name is one word, such as &apos;train&apos;: it becomes pipelines/train.yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New pipeline %1: drag stage templates onto the canvas, then save (Ctrl+S).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (the file is pipelines/NAME.yaml):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipelines (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot run the pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Pipeline...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Pipeline...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(open a pipeline to edit or run it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(undo and redo act on an open pipeline)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::app::PipelinesDock</name>
    <message>
        <source>Pipelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pipelines yet. New Pipeline creates pipelines/NAME.yaml; a dvc.yaml at the project root shows here too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>
%n error(s): open it to see them on its stages.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>never run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running (%1/%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>failed (%n stage(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::widgets::PlotWidget</name>
    <message>
        <source>Cairn comparison plot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n value(s), evenly spaced</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export as PNG...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as SVG...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export data as CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: check that the folder exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share %1 (%2 of %3 columns)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 expectations failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DP diff %1, EO diff %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRIFTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::QueuePanel</name>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Job...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs queued or running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n job</numerusform>
            <numerusform>%n jobs</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel job %1 (%2)? A running job is stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel requested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot cancel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ReportView</name>
    <message>
        <source>Export &amp;HTML...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report %1 is damaged: its JSON does not parse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Drift report %1&lt;/b&gt;%2: %3&lt;br&gt;%4 of %5 columns drifted (%6%): dataset &lt;b&gt;%7&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRIFTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not drifted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drifted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ref rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cur rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Validation report %1&lt;/b&gt;%2: %3&lt;br&gt;%4 of %5 expectations failed (%6 rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expectation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offending rows (line: value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Fairness report %1&lt;/b&gt;%2: %3&lt;br&gt;demographic parity difference %4, ratio %5; equalized odds difference %6, ratio %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TPR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FPR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(overall)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: reference vs current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No report to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Report as HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML pages (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ReportsPanel</name>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fairness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reports yet: cairn drift, validate and fairness store them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::app::ReproduceDialog</name>
    <message>
        <source>Reproduce %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restores the artifact versions run &lt;b&gt;%1&lt;/b&gt; (%2) read, from the store, to where it read them, runs its command again with the same parameters as a new run, and shows what differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace input files that now hold other content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run&apos;s own folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reproduce in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new run&apos;s output appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reproduce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;New Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the reproduction (run %1)...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start &apos;cairn&apos;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &apos;cairn&apos; command was not found next to the workbench or on PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the inputs...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the reproduction...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reproduced: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reproduction failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reproduced as run %1: the results are the same (status, parameters, final metrics and output hashes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reproduced as run %1: the results differ; see the rows below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It did not end as the original did.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ReproduceReport</name>
    <message>
        <source>(absent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reproduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics (last values)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs (content hashes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>all %n the same</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n differ(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n the same</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::widgets::RunHeader</name>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::RunPage</name>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters &amp;&amp; Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reports...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift, validation and fairness reports attached to this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The artifacts this run read and wrote, where they came from and what came from them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reproduce...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this run&apos;s inputs from the store, run it again and compare the two runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::RunWatch</name>
    <message>
        <source>the scheduler stopped before this stage finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::RunsTableModel</name>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 %3 — %n run(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to collapse or expand this group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::RunsView</name>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n run(s)</source>
        <translation>
            <numerusform>%1 of %n run</numerusform>
            <numerusform>%1 of %n runs</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter runs: a name or id, or a search such as  metrics.acc &gt; 0.9 and params.lr = &apos;0.01&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to sort (in the database); right-click to choose columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group the runs by a param, a tag or an attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the columns: attributes, metrics, params and tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved views: a filter, columns, sort and groups under a name (also: cairn runs --view NAME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the selected runs side by side (Ctrl+D). Ctrl- or Shift-click rows to select several.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Compare %n run(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search language filter (docs/search.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, %n pinned</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n group(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Default Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Pin %n run(s) to the Top</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unpin %n run(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Saved views and pins are off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no project is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no saved views)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save View As...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name for the current filter, columns, sort and groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the view &apos;%1&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete View</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ScatterChart</name>
    <message>
        <source>Scatter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a field for each axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) without a value here</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ScatterView</name>
    <message>
        <source>log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log scale on x; values at or below zero are left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log scale on y; values at or below zero are left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover a dot for its run · right-click: export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::app::SessionWorker</name>
    <message>
        <source>Upgrading the project database to this version of Cairn...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &apos;cairn&apos; command was not found next to the workbench or on PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;cairn engine start&apos; did not finish within a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;cairn engine start&apos; failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::StageProperties</name>
    <message>
        <source>Select a stage to edit it.

Drag a template from the palette onto the canvas to add one; drag from an output port (right) to another stage to connect them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a unique stage name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the stage does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>python3 src/train.py
(several lines: run in order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pipeline&apos;s folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs (deps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one path a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs (outs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one path a line; path: {cache: false}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metrics.json: {cache: false}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train.lr, or a group: train, or other.yaml: [a, b]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes per node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90s, 30m, 2h (empty: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME=value, one a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole entry, as it is written (foreach, matrix, vars, frozen, ...):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Generates %n stage(s): %1. Edit foreach/matrix in the YAML tab.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A stage name cannot be empty or contain &apos;@&apos;, &apos;:&apos;, &apos;/&apos; or &apos;\&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is a stage named &apos;%1&apos; already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a duration: write seconds (90) or 90s, 30m, 2h, 1h30m.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not NAME=value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stage is a mapping with at least &apos;cmd&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::SummaryTable</name>
    <message>
        <source>Export as CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: check that the folder exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each metric&apos;s lowest, highest and last value per run. Click a header to sort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::app::CompareWorker</name>
    <message>
        <source>Not found in this project (deleted?): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::app::LineageWorker</name>
    <message>
        <source>the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in this project is called &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft layout: Graphviz &apos;dot&apos; was not found (install graphviz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot run Graphviz &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphviz took longer than 10 minutes; the draft layout stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphviz failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read Graphviz&apos;s layout: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::app::Screenshot</name>
    <message>
        <source>Timed out after %1 s waiting for the project to load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the pipeline %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets</name>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs a Python script that reads inputs and writes outputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shell command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any shell command, run with /bin/sh in the project folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Splits or cleans raw data; its params come from params.yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train on GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A training script given one whole GPU, retried once if it fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distributed training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>torchrun-style training: 2 GPUs, one worker per GPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One stage per value of a matrix (DVC&apos;s matrix).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores a model; the metrics file is kept out of the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fails the pipeline when the data does not pass its checks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renders plots or an HTML report from metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>matrix · %n stage(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>foreach · %n stage(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n GPU(s) · </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::widgets::Status</name>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Killed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::widgets::commands</name>
    <message>
        <source>Add stage &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete stage &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Disconnect %n edge(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n stage(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n stage(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Connect &apos;%1&apos; to &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect &apos;%1&apos; from &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1 of &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the YAML of &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename stage &apos;%1&apos; to &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move stage &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Move %n stage(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cairn Workbench: runs, metrics and logs of a Cairn project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project folder to open (default: the most recent one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the newest run of PROJECT_DIR to FILE (PNG) and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this pipeline file (pipelines/NAME.yaml, dvc.yaml) on its canvas.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
