<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>cairn::app::EngineClient</name>
    <message>
        <source>&apos;cairn engine start&apos; failed with exit code %1.</source>
        <translation>„cairn engine start“ ist mit Exit-Code %1 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Cannot start &apos;cairn&apos;: %1</source>
        <translation>„cairn“ kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The project was closed.</source>
        <translation>Das Projekt wurde geschlossen.</translation>
    </message>
    <message>
        <source>The engine went away.</source>
        <translation>Die Engine ist nicht mehr erreichbar.</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>Die Engine läuft nicht.</translation>
    </message>
    <message>
        <source>The request is larger than 1 MiB.</source>
        <translation>Die Anfrage ist größer als 1 MiB.</translation>
    </message>
    <message>
        <source>The engine refused the request.</source>
        <translation>Die Engine hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>The &apos;cairn&apos; command was not found next to the workbench or on PATH.</source>
        <translation>Der Befehl „cairn“ wurde weder neben der Workbench noch im PATH gefunden.</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::GpuPanel</name>
    <message>
        <source>GPUs</source>
        <translation>GPUs</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Temp.</source>
        <translation>Temp.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Looking for GPUs...</source>
        <translation>Suche GPUs ...</translation>
    </message>
    <message>
        <source>No NVIDIA GPU found (%1).</source>
        <translation>Keine NVIDIA-GPU gefunden (%1).</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 / %2 GiB</source>
        <translation>%1 / %2 GiB</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::GpuProbe</name>
    <message>
        <source>&apos;cairn gpus&apos; failed</source>
        <translation>„cairn gpus“ ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>cannot run &apos;cairn&apos;: %1</source>
        <translation>„cairn“ kann nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>the &apos;cairn&apos; command was not found</source>
        <translation>der Befehl „cairn“ wurde nicht gefunden</translation>
    </message>
    <message>
        <source>NVML reports no devices</source>
        <translation>NVML meldet keine Geräte</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>Grund unbekannt</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::KeyValueTable</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::LaunchDialog</name>
    <message>
        <source>Looking for GPUs...</source>
        <translation>Suche GPUs ...</translation>
    </message>
    <message>
        <source>Launch Run</source>
        <translation>Lauf starten</translation>
    </message>
    <message>
        <source>e.g. python train.py --lr 0.01</source>
        <translation>z. B. python train.py --lr 0.01</translation>
    </message>
    <message>
        <source>(generated)</source>
        <translation>(wird erzeugt)</translation>
    </message>
    <message>
        <source>(none: start when resources are free)</source>
        <translation>(keiner: starten, sobald Ressourcen frei sind)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen ...</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Befehl:</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>&amp;Arbeitsverzeichnis:</translation>
    </message>
    <message>
        <source>&amp;Experiment:</source>
        <translation>E&amp;xperiment:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Parameters:</source>
        <translation>&amp;Parameter:</translation>
    </message>
    <message>
        <source>&amp;GPUs:</source>
        <translation>&amp;GPUs:</translation>
    </message>
    <message>
        <source>Any free G&amp;PUs:</source>
        <translation>Beliebige freie G&amp;PUs:</translation>
    </message>
    <message>
        <source>P&amp;rocesses per node:</source>
        <translation>P&amp;rozesse pro Knoten:</translation>
    </message>
    <message>
        <source>&amp;After run:</source>
        <translation>Na&amp;ch Lauf:</translation>
    </message>
    <message>
        <source>Working Directory</source>
        <translation>Arbeitsverzeichnis</translation>
    </message>
    <message>
        <source>use unknown</source>
        <translation>Auslastung unbekannt</translation>
    </message>
    <message>
        <source>%1 % busy</source>
        <translation>%1 % ausgelastet</translation>
    </message>
    <message>
        <source>, %1 / %2 GiB</source>
        <translation>, %1 / %2 GiB</translation>
    </message>
    <message>
        <source>GPU %1: %2 (%3)</source>
        <translation>GPU %1: %2 (%3)</translation>
    </message>
    <message>
        <source>No GPUs found (%1).</source>
        <translation>Keine GPUs gefunden (%1).</translation>
    </message>
    <message>
        <source>The engine refused the run: %1</source>
        <translation>Die Engine hat den Lauf abgelehnt: %1</translation>
    </message>
    <message>
        <source>Arguments are split at spaces; put an argument with spaces in double quotes.</source>
        <translation>Argumente werden an Leerzeichen getrennt; setzen Sie ein Argument mit Leerzeichen in doppelte Anführungszeichen.</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::LogView</name>
    <message>
        <source>[... earlier output not shown ...]
</source>
        <translation>[... frühere Ausgabe nicht angezeigt ...]
</translation>
    </message>
</context>
<context>
    <name>cairn::app::MainWindow</name>
    <message>
        <source>Cairn Workbench</source>
        <translation>Cairn Workbench</translation>
    </message>
    <message>
        <source>No project open. Use File &gt; Open Project... or File &gt; New Project...</source>
        <translation>Kein Projekt geöffnet. Verwenden Sie Datei &gt; Projekt öffnen... oder Datei &gt; Neues Projekt...</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 — Cairn Workbench</source>
        <translation>%1 — Cairn Workbench</translation>
    </message>
    <message>
        <source>Project %1 in %2</source>
        <translation>Projekt %1 in %2</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation>&amp;Neues Projekt...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>Projekt ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>Recent &amp;Projects</source>
        <translation>&amp;Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Cairn Workbench</source>
        <translation>Ü&amp;ber Cairn Workbench</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>New Project: choose or create an empty folder</source>
        <translation>Neues Projekt: einen leeren Ordner wählen oder anlegen</translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation>Projekt kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>About Cairn Workbench</source>
        <translation>Über Cairn Workbench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Cairn Workbench %1&lt;/h3&gt;&lt;p&gt;A desktop workbench for machine-learning experiments: runs, parameters, metrics and logs, read live from a Cairn project.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Cairn Workbench %1&lt;/h3&gt;&lt;p&gt;Eine Desktop-Werkbank für Experimente mit maschinellem Lernen: Läufe, Parameter, Metriken und Protokolle, live aus einem Cairn-Projekt gelesen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Launch Run...</source>
        <translation>Lauf &amp;starten ...</translation>
    </message>
    <message>
        <source>Start &amp;Engine</source>
        <translation>&amp;Engine starten</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <source>&amp;GPUs</source>
        <translation>&amp;GPUs</translation>
    </message>
    <message>
        <source>Cannot start the engine</source>
        <translation>Die Engine kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>engine: not running</source>
        <translation>Engine: läuft nicht</translation>
    </message>
    <message>
        <source>engine: running, pid %1, %2 running / %3 queued</source>
        <translation>Engine: läuft, PID %1, %2 laufend / %3 wartend</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>Open a project before starting its engine.</source>
        <translation>Öffnen Sie ein Projekt, bevor Sie seine Engine starten.</translation>
    </message>
    <message>
        <source>engine: starting...</source>
        <translation>Engine: startet ...</translation>
    </message>
    <message>
        <source>Open a project before launching a run.</source>
        <translation>Öffnen Sie ein Projekt, bevor Sie einen Lauf starten.</translation>
    </message>
    <message>
        <source>Queued run %1 (%2).</source>
        <translation>Lauf %1 (%2) eingereiht.</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::MetricChart</name>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>step %1
%2 = %3</source>
        <translation>Schritt %1
%2 = %3</translation>
    </message>
    <message numerus="yes">
        <source>(%n non-finite value(s) hidden)</source>
        <translation>
            <numerusform>(%n nicht endlicher Wert ausgeblendet)</numerusform>
            <numerusform>(%n nicht endliche Werte ausgeblendet)</numerusform>
        </translation>
    </message>
    <message>
        <source>(%L1 points, every spike kept)</source>
        <translation>(%L1 Punkte, jede Spitze erhalten)</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::MetricGrid</name>
    <message>
        <source>No metrics logged for this run.</source>
        <translation>Für diesen Lauf wurden keine Metriken aufgezeichnet.</translation>
    </message>
</context>
<context>
    <name>cairn::app::NewProject</name>
    <message>
        <source>The &apos;cairn&apos; command was not found next to the workbench or on PATH.</source>
        <translation>Der Befehl „cairn“ wurde weder neben der Workbench noch im PATH gefunden.</translation>
    </message>
    <message>
        <source>Cannot start &apos;cairn&apos;: %1</source>
        <translation>„cairn“ kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>&apos;cairn init&apos; failed with exit code %1.</source>
        <translation>„cairn init“ ist mit Exit-Code %1 fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::QueuePanel</name>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>&amp;Cancel Job...</source>
        <translation>Auftrag &amp;abbrechen ...</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPUs</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>No jobs queued or running.</source>
        <translation>Keine wartenden oder laufenden Aufträge.</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n Auftrag</numerusform>
            <numerusform>%n Aufträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Job</source>
        <translation>Auftrag abbrechen</translation>
    </message>
    <message>
        <source>Cancel job %1 (%2)? A running job is stopped.</source>
        <translation>Auftrag %1 (%2) abbrechen? Ein laufender Auftrag wird beendet.</translation>
    </message>
    <message>
        <source>Cancel requested.</source>
        <translation>Abbruch angefordert.</translation>
    </message>
    <message>
        <source>Cannot cancel: %1</source>
        <translation>Abbruch nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::RunHeader</name>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>(unnamed run)</source>
        <translation>(unbenannter Lauf)</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>Kein Lauf ausgewählt</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::RunPage</name>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Parameters &amp;&amp; Tags</source>
        <translation>Parameter &amp;&amp; Tags</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokolle</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::RunsTableModel</name>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exit-Code</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::RunsView</name>
    <message>
        <source>Filter runs (name, id, status, params, metrics...)</source>
        <translation>Läufe filtern (Name, ID, Status, Parameter, Metriken...)</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n run(s)</source>
        <translation>
            <numerusform>%1 von %n Lauf</numerusform>
            <numerusform>%1 von %n Läufen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::app::Screenshot</name>
    <message>
        <source>Timed out after %1 s waiting for the project to load.</source>
        <translation>Zeitüberschreitung nach %1 s beim Laden des Projekts.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::Status</name>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cairn Workbench: runs, metrics and logs of a Cairn project.</source>
        <translation>Cairn Workbench: Läufe, Metriken und Protokolle eines Cairn-Projekts.</translation>
    </message>
    <message>
        <source>Project folder to open (default: the most recent one).</source>
        <translation>Zu öffnender Projektordner (Standard: der zuletzt verwendete).</translation>
    </message>
    <message>
        <source>Render the newest run of PROJECT_DIR to FILE (PNG) and exit.</source>
        <translation>Den neuesten Lauf von PROJECT_DIR als FILE (PNG) speichern und beenden.</translation>
    </message>
</context>
</TS>
