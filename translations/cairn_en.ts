<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</context>
<context>
    <name>cairn::widgets::LogView</name>
    <message>
        <source>[... earlier output not shown ...]
</source>
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
</context>
<context>
    <name>cairn::widgets::RunsView</name>
    <message>
        <source>Filter runs (name, id, status, params, metrics...)</source>
        <translation type="unfinished"></translation>
    </message>
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
</context>
</TS>
