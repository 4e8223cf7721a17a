<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>cairn::widgets::AlertsPanel</name>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>No alerts fired. Rules go under &apos;alerts:&apos; in cairn.yaml (docs/alerts.md).</source>
        <translation>Keine Alarme ausgelöst. Regeln stehen unter „alerts:“ in cairn.yaml (docs/alerts.md).</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n Alarm</numerusform>
            <numerusform>%n Alarme</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ArtifactList</name>
    <message>
        <source>Filter artifacts</source>
        <translation>Artefakte filtern</translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation>Artefakt</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source> (external)</source>
        <translation> (extern)</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ArtifactPanel</name>
    <message>
        <source>Lineage</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Show where this version came from and what came from it</source>
        <translation>Zeigen, woher diese Version stammt und was aus ihr entstanden ist</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Made by run</source>
        <translation>Erzeugt von Lauf</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Nulls</source>
        <translation>Nullwerte</translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation>Eindeutig</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Top value</source>
        <translation>Häufigster Wert</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>No artifact selected</source>
        <translation>Kein Artefakt ausgewählt</translation>
    </message>
    <message>
        <source>Pick an artifact in the list, or a dataset or model in the lineage graph.</source>
        <translation>Wählen Sie ein Artefakt in der Liste oder einen Datensatz bzw. ein Modell im Herkunftsgraphen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>from another tool (OpenLineage: %1 %2); no bytes stored</source>
        <translation>aus einem anderen Werkzeug (OpenLineage: %1 %2); keine Daten gespeichert</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n file(s)</source>
        <translation>
            <numerusform>%1 in %n Datei</numerusform>
            <numerusform>%1 in %n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>SHA-256 &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>SHA-256 &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;missing from the store (&apos;cairn artifact verify&apos;)&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c62828&apos;&gt;fehlt im Speicher („cairn artifact verify“)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>erstellt %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>aus %1</translation>
    </message>
    <message>
        <source>made by run %1</source>
        <translation>erzeugt von Lauf %1</translation>
    </message>
    <message>
        <source>... and %1 more (cairn artifact show %2 --format json lists them all)</source>
        <translation>... und %1 weitere („cairn artifact show %2 --format json“ listet alle auf)</translation>
    </message>
    <message>
        <source>Files (%1)</source>
        <translation>Dateien (%1)</translation>
    </message>
    <message>
        <source>read it</source>
        <translation>hat es gelesen</translation>
    </message>
    <message>
        <source>wrote it</source>
        <translation>hat es geschrieben</translation>
    </message>
    <message>
        <source>Runs (%1)</source>
        <translation>Läufe (%1)</translation>
    </message>
    <message>
        <source>Profile (%1)</source>
        <translation>Profil (%1)</translation>
    </message>
    <message>
        <source>No profile: Cairn profiles CSV files when they are added.</source>
        <translation>Kein Profil: Cairn erstellt Profile für CSV-Dateien, wenn sie hinzugefügt werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n Spalte</numerusform>
            <numerusform>%n Spalten</numerusform>
        </translation>
    </message>
    <message>
        <source> (the first %1 of a longer file)</source>
        <translation> (die ersten %1 einer längeren Datei)</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::CardEditor</name>
    <message>
        <source>&amp;Save Card</source>
        <translation>Karte &amp;speichern</translation>
    </message>
    <message>
        <source>Export MCT JSON...</source>
        <translation>Als MCT-JSON exportieren ...</translation>
    </message>
    <message>
        <source>Export Hugging Face...</source>
        <translation>Für Hugging Face exportieren ...</translation>
    </message>
    <message>
        <source>Export HTML...</source>
        <translation>Als HTML exportieren ...</translation>
    </message>
    <message>
        <source>Export PDF...</source>
        <translation>Als PDF exportieren ...</translation>
    </message>
    <message>
        <source>Select a model version to edit its card.</source>
        <translation>Wählen Sie eine Modellversion aus, um ihre Karte zu bearbeiten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Card of %1:%2&lt;/b&gt; — written fields (the rest comes from tracked data)</source>
        <translation>&lt;b&gt;Karte von %1:%2&lt;/b&gt; — von Hand ausgefüllte Felder (der Rest stammt aus den erfassten Daten)</translation>
    </message>
    <message>
        <source>The card was not saved: %1</source>
        <translation>Die Karte wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved the card of %1:%2.</source>
        <translation>Die Karte von %1:%2 wurde gespeichert.</translation>
    </message>
    <message>
        <source>No model version is selected.</source>
        <translation>Keine Modellversion ausgewählt.</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Export Model Card</source>
        <translation>Modellkarte exportieren</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ColorKey</name>
    <message>
        <source>log</source>
        <translation>log</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weiterer</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>no value</source>
        <translation>kein Wert</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::CompareChart</name>
    <message>
        <source>(%L1 points, every spike kept)</source>
        <translation>(%L1 Punkte, jede Spitze erhalten)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>wall time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>relative time</source>
        <translation>relative Zeit</translation>
    </message>
    <message>
        <source>@ step %1</source>
        <translation>@ Schritt %1</translation>
    </message>
    <message>
        <source>smoothed %1</source>
        <translation>geglättet %1</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>time %1</source>
        <translation>Zeit %1</translation>
    </message>
    <message>
        <source>time +%1</source>
        <translation>Zeit +%1</translation>
    </message>
    <message>
        <source>Cairn comparison chart</source>
        <translation>Cairn-Vergleichsdiagramm</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::CompareTable</name>
    <message>
        <source>Only rows that differ</source>
        <translation>Nur abweichende Zeilen</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::CompareView</name>
    <message>
        <source>Log scale</source>
        <translation>Logarithmische Skala</translation>
    </message>
    <message>
        <source>Untick a run to hide it in every chart</source>
        <translation>Haken bei einem Lauf entfernen, um ihn in allen Diagrammen auszublenden</translation>
    </message>
    <message>
        <source>Exponential moving average; the raw curve stays faint underneath</source>
        <translation>Exponentiell gleitender Mittelwert; die Rohkurve bleibt blass darunter sichtbar</translation>
    </message>
    <message>
        <source>Smoothing %1</source>
        <translation>Glättung %1</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Relative time</source>
        <translation>Relative Zeit</translation>
    </message>
    <message>
        <source>What the x axis measures: the logged step, the clock, or time since each run started</source>
        <translation>Was die x-Achse misst: den protokollierten Schritt, die Uhrzeit oder die Zeit seit dem Start des jeweiligen Laufs</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>X axis</source>
        <translation>x-Achse</translation>
    </message>
    <message>
        <source>Colour runs by their index, or by a param&apos;s value (a gradient for numbers, a colour per value otherwise) in every chart, plot and the legend</source>
        <translation>Läufe nach ihrem Index oder nach dem Wert eines Parameters färben (ein Farbverlauf für Zahlen, sonst eine Farbe je Wert) – in allen Diagrammen, Plots und der Legende</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>Färben nach</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · double-click: fit · right-click: export</source>
        <translation>Mausrad: zoomen · Ziehen: verschieben · Doppelklick: einpassen · Rechtsklick: exportieren</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Parameters and metrics</source>
        <translation>Parameter und Metriken</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation>Streudiagramm</translation>
    </message>
    <message>
        <source>Parallel coordinates</source>
        <translation>Parallele Koordinaten</translation>
    </message>
    <message>
        <source>Export as PNG...</source>
        <translation>Als PNG exportieren ...</translation>
    </message>
    <message>
        <source>Export as SVG...</source>
        <translation>Als SVG exportieren ...</translation>
    </message>
    <message>
        <source>Export data as CSV...</source>
        <translation>Daten als CSV exportieren ...</translation>
    </message>
    <message>
        <source>Fit all steps</source>
        <translation>Alle Schritte einpassen</translation>
    </message>
    <message>
        <source>Could not write %1: check that the folder exists and is writable.</source>
        <translation>%1 konnte nicht geschrieben werden: Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
</context>
<context>
    <name>cairn::app::CompareWindow</name>
    <message numerus="yes">
        <source>Compare %n run(s) — Cairn Workbench</source>
        <translation>
            <numerusform>%n Lauf vergleichen — Cairn Workbench</numerusform>
            <numerusform>%n Läufe vergleichen — Cairn Workbench</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Export All Charts...</source>
        <translation>Alle Diagramme exportieren ...</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), </source>
        <translation>
            <numerusform>%n Lauf, </numerusform>
            <numerusform>%n Läufe, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n metric(s)</source>
        <translation>
            <numerusform>%n Metrik</numerusform>
            <numerusform>%n Metriken</numerusform>
        </translation>
    </message>
    <message>
        <source>Export all charts as PNG, SVG and CSV into</source>
        <translation>Alle Diagramme als PNG, SVG und CSV exportieren nach</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written to %1</source>
        <translation>
            <numerusform>%n Datei nach %1 geschrieben</numerusform>
            <numerusform>%n Dateien nach %1 geschrieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::widgets::DotLayout</name>
    <message>
        <source>Graphviz &apos;dot&apos; is not installed.</source>
        <translation>Graphviz „dot“ ist nicht installiert.</translation>
    </message>
    <message>
        <source>&apos;dot&apos; failed: %1</source>
        <translation>„dot“ ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&apos;dot&apos; gave no positions.</source>
        <translation>„dot“ hat keine Positionen geliefert.</translation>
    </message>
    <message>
        <source>Cannot start &apos;dot&apos;: %1</source>
        <translation>„dot“ kann nicht gestartet werden: %1</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::DriftHistogram</name>
    <message>
        <source>No histogram for this column.</source>
        <translation>Kein Histogramm für diese Spalte.</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>%1
reference %2%
current %3%</source>
        <translation>%1
Referenz %2%
aktuell %3%</translation>
    </message>
</context>
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
    <name>cairn::widgets::HistogramWidget</name>
    <message>
        <source>Select a column to see its histogram</source>
        <translation>Wählen Sie eine Spalte, um ihr Histogramm zu sehen</translation>
    </message>
    <message>
        <source> — from a uniform sample</source>
        <translation> — aus einer gleichmäßigen Stichprobe</translation>
    </message>
    <message>
        <source>no finite values</source>
        <translation>keine endlichen Werte</translation>
    </message>
    <message>
        <source>no values</source>
        <translation>keine Werte</translation>
    </message>
    <message>
        <source>(other)</source>
        <translation>(sonstige)</translation>
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
    <message>
        <source>Nodes for a Slurm executor; srun starts the processes per node on each</source>
        <translation>Knoten für einen Slurm-Executor; srun startet auf jedem die Prozesse pro Knoten</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>Dieser Rechner</translation>
    </message>
    <message>
        <source>Where the job runs: here, or an ssh host or Slurm cluster of cairn.yaml (see &apos;cairn executors&apos;)</source>
        <translation>Wo der Auftrag läuft: hier oder auf einem SSH-Host bzw. Slurm-Cluster aus cairn.yaml (siehe „cairn executors“)</translation>
    </message>
    <message>
        <source>R&amp;un on:</source>
        <translation>A&amp;usführen auf:</translation>
    </message>
    <message>
        <source>N&amp;odes:</source>
        <translation>&amp;Knoten:</translation>
    </message>
    <message>
        <source>Slurm</source>
        <translation>Slurm</translation>
    </message>
    <message>
        <source>Slurm via %1</source>
        <translation>Slurm über %1</translation>
    </message>
    <message>
        <source>Executors unavailable: %1</source>
        <translation>Executors nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Slurm gives the GPUs: ask for a count per node below (or set gres in cairn.yaml).</source>
        <translation>Slurm vergibt die GPUs: Geben Sie unten eine Anzahl pro Knoten an (oder setzen Sie gres in cairn.yaml).</translation>
    </message>
    <message>
        <source>The host&apos;s own GPUs: ask for a count below; free ones are picked there.</source>
        <translation>Die eigenen GPUs des Hosts: Geben Sie unten eine Anzahl an; freie werden dort ausgewählt.</translation>
    </message>
    <message>
        <source>The working directory is sent to the cluster (only what is missing there); sbatch queues the job, srun starts its processes. Outputs come back into the run&apos;s folder.</source>
        <translation>Das Arbeitsverzeichnis wird an den Cluster gesendet (nur was dort fehlt); sbatch reiht den Auftrag ein, srun startet seine Prozesse. Ausgaben kommen in den Ordner des Laufs zurück.</translation>
    </message>
    <message>
        <source>The working directory is sent to the host (only what is missing there); metrics and logs arrive while it runs, outputs come back into the run&apos;s folder.</source>
        <translation>Das Arbeitsverzeichnis wird an den Host gesendet (nur was dort fehlt); Metriken und Protokolle treffen während des Laufs ein, Ausgaben kommen in den Ordner des Laufs zurück.</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::LineageCanvas</name>
    <message>
        <source>No lineage to show yet: runs record what they read and wrote with --input/--output</source>
        <translation>Noch keine Herkunft vorhanden: Läufe erfassen mit --input/--output, was sie gelesen und geschrieben haben</translation>
    </message>
    <message>
        <source>There is no graph to export.</source>
        <translation>Es gibt keinen Graphen zum Exportieren.</translation>
    </message>
    <message>
        <source>The graph is too large for an image; export SVG instead.</source>
        <translation>Der Graph ist zu groß für ein Bild; exportieren Sie stattdessen SVG.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cairn lineage</source>
        <translation>Cairn-Herkunft</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::LineageView</name>
    <message>
        <source>Find a run or artifact (Enter: next)</source>
        <translation>Lauf oder Artefakt suchen (Eingabe: nächster Treffer)</translation>
    </message>
    <message>
        <source>Upstream and downstream</source>
        <translation>Vor- und nachgelagert</translation>
    </message>
    <message>
        <source>Upstream (where it came from)</source>
        <translation>Vorgelagert (woher es stammt)</translation>
    </message>
    <message>
        <source>Downstream (what came from it)</source>
        <translation>Nachgelagert (was daraus entstand)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>depth </source>
        <translation>Tiefe </translation>
    </message>
    <message>
        <source>At most this many steps from the root (all: no limit)</source>
        <translation>Höchstens so viele Schritte von der Wurzel entfernt (alle: unbegrenzt)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole graph (0)</source>
        <translation>Den ganzen Graphen zeigen (0)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>PNG image...</source>
        <translation>PNG-Bild ...</translation>
    </message>
    <message>
        <source>SVG drawing...</source>
        <translation>SVG-Zeichnung ...</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 nodes, %2 edges</source>
        <translation>%1 Knoten, %2 Kanten</translation>
    </message>
    <message>
        <source>Lineage of %1: </source>
        <translation>Herkunft von %1: </translation>
    </message>
    <message>
        <source> — laid out by Graphviz dot in %1 s</source>
        <translation> — von Graphviz dot in %1 s angeordnet</translation>
    </message>
    <message>
        <source> | %1: %2 upstream, %3 downstream</source>
        <translation> | %1: %2 vorgelagert, %3 nachgelagert</translation>
    </message>
    <message>
        <source>Export lineage</source>
        <translation>Herkunft exportieren</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg);;PNG image (*.png)</source>
        <translation>SVG-Zeichnung (*.svg);;PNG-Bild (*.png)</translation>
    </message>
</context>
<context>
    <name>cairn::app::LineageWindow</name>
    <message>
        <source>Artifact</source>
        <translation>Artefakt</translation>
    </message>
    <message>
        <source>Lineage of %1 — Cairn</source>
        <translation>Herkunft von %1 — Cairn</translation>
    </message>
    <message numerus="yes">
        <source>Graphviz is laying out %n node(s)...</source>
        <translation>
            <numerusform>Graphviz ordnet %n Knoten an ...</numerusform>
            <numerusform>Graphviz ordnet %n Knoten an ...</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the lineage...</source>
        <translation>Herkunft wird gelesen ...</translation>
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
    <message>
        <source>rank %1 · %2</source>
        <translation>Rang %1 · %2</translation>
    </message>
    <message>
        <source>node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <source>Slurm</source>
        <translation>Slurm</translation>
    </message>
    <message>
        <source>Ended: %1</source>
        <translation>Beendet: %1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
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
    <message>
        <source>&amp;Compare Selected Runs</source>
        <translation>Ausgewählte Läufe &amp;vergleichen</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modelle</translation>
    </message>
    <message>
        <source>&amp;Artifacts</source>
        <translation>A&amp;rtefakte</translation>
    </message>
    <message>
        <source>Project &amp;Lineage</source>
        <translation>Projekt-&amp;Herkunft</translation>
    </message>
    <message>
        <source>R&amp;eports</source>
        <translation>&amp;Berichte</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>A&amp;larme</translation>
    </message>
    <message>
        <source>&amp;Pipelines</source>
        <translation>&amp;Pipelines</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <source>Select two or more runs to compare: Ctrl-click or Shift-click rows in the runs table.</source>
        <translation>Wählen Sie zwei oder mehr Läufe zum Vergleichen aus: Strg-Klick oder Umschalt-Klick auf Zeilen der Lauftabelle.</translation>
    </message>
    <message>
        <source>%1 runs are selected; a comparison shows at most %2. Narrow the selection with the filter.</source>
        <translation>%1 Läufe sind ausgewählt; ein Vergleich zeigt höchstens %2. Grenzen Sie die Auswahl mit dem Filter ein.</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefakte</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation>&amp;Pipeline</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>Alerts fired by the engine (View &gt; Alerts)</source>
        <translation>Von der Engine ausgelöste Alarme (Ansicht &gt; Alarme)</translation>
    </message>
    <message>
        <source>New %1 report %2%3.</source>
        <translation>Neuer %1-Bericht %2%3.</translation>
    </message>
    <message>
        <source> (failed)</source>
        <translation> (fehlgeschlagen)</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n Alarm</numerusform>
            <numerusform>%n Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>Cairn alert: %1</source>
        <translation>Cairn-Alarm: %1</translation>
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
    <name>cairn::app::ModelsDock</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>The engine did not start within 15 s; see .cairn/engine.log in the project.</source>
        <translation>Die Engine ist nicht innerhalb von 15 s gestartet; siehe .cairn/engine.log im Projekt.</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ModelsView</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation>Artefakt</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Angefragt von</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>At (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>&amp;Promote...</source>
        <translation>&amp;Hochstufen ...</translation>
    </message>
    <message>
        <source>Set &amp;Alias...</source>
        <translation>&amp;Alias setzen ...</translation>
    </message>
    <message>
        <source>&amp;Roll Back...</source>
        <translation>&amp;Zurücksetzen ...</translation>
    </message>
    <message>
        <source>Run the alias&apos;s gates and move it to this version (a protected alias asks an approver)</source>
        <translation>Die Gates des Alias prüfen und ihn auf diese Version setzen (ein geschützter Alias fragt eine genehmigende Person)</translation>
    </message>
    <message>
        <source>Point an alias back at the version it held before</source>
        <translation>Einen Alias auf die Version zurücksetzen, auf die er vorher zeigte</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Appro&amp;ve</source>
        <translation>&amp;Genehmigen</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <source>Promotions to protected aliases wait here for a second person (not the requester).</source>
        <translation>Hochstufungen auf geschützte Aliasse warten hier auf eine zweite Person (nicht die anfragende).</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Genehmigungen</translation>
    </message>
    <message>
        <source>&amp;Verify Chain</source>
        <translation>Kette &amp;prüfen</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Modellkarte</translation>
    </message>
    <message>
        <source>&lt;b&gt;Registered models&lt;/b&gt;</source>
        <translation>&lt;b&gt;Registrierte Modelle&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No registered models yet: &apos;cairn model register NAME --run RUN&apos; registers one.</source>
        <translation>Noch keine registrierten Modelle: „cairn model register NAME --run RUN“ registriert eines.</translation>
    </message>
    <message>
        <source>Select a version to see its gate results.</source>
        <translation>Wählen Sie eine Version, um ihre Gate-Ergebnisse zu sehen.</translation>
    </message>
    <message>
        <source>No gates in cairn.yaml: any version may get any alias.</source>
        <translation>Keine Gates in cairn.yaml: Jede Version darf jeden Alias erhalten.</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>BESTANDEN</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>NICHT BESTANDEN</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gates for %1:%2&lt;/b&gt;: %3 of %4 rules pass</source>
        <translation>&lt;b&gt;Gates für %1:%2&lt;/b&gt;: %3 von %4 Regeln bestanden</translation>
    </message>
    <message>
        <source>Approvals (%1)</source>
        <translation>Genehmigungen (%1)</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#276749&quot;&gt;&lt;b&gt;Intact&lt;/b&gt;&lt;/span&gt;: %1 events, every hash checked. Head %2</source>
        <translation>&lt;span style=&quot;color:#276749&quot;&gt;&lt;b&gt;Intakt&lt;/b&gt;&lt;/span&gt;: %1 Ereignisse, jeder Hash geprüft. Kopf %2</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#c53030&quot;&gt;&lt;b&gt;Broken&lt;/b&gt;&lt;/span&gt;: %1</source>
        <translation>&lt;span style=&quot;color:#c53030&quot;&gt;&lt;b&gt;Beschädigt&lt;/b&gt;&lt;/span&gt;: %1</translation>
    </message>
    <message>
        <source>Alias:</source>
        <translation>Alias:</translation>
    </message>
    <message>
        <source>Not connected to the engine.</source>
        <translation>Nicht mit der Engine verbunden.</translation>
    </message>
    <message>
        <source>Asking the engine...</source>
        <translation>Engine wird gefragt ...</translation>
    </message>
    <message>
        <source>Request %1 waits for an approver (someone other than you).</source>
        <translation>Anfrage %1 wartet auf eine Genehmigung (durch jemand anderen als Sie).</translation>
    </message>
    <message>
        <source>Promote version %1</source>
        <translation>Version %1 hochstufen</translation>
    </message>
    <message>
        <source>Promoted %1:%2 to &apos;%3&apos;.</source>
        <translation>%1:%2 wurde auf „%3“ hochgestuft.</translation>
    </message>
    <message>
        <source>Set an alias on version %1</source>
        <translation>Einen Alias auf Version %1 setzen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; now points at %2:%3.</source>
        <translation>„%1“ zeigt jetzt auf %2:%3.</translation>
    </message>
    <message>
        <source>%1 has no aliases to roll back.</source>
        <translation>%1 hat keine Aliasse zum Zurücksetzen.</translation>
    </message>
    <message>
        <source>Roll back an alias of %1</source>
        <translation>Einen Alias von %1 zurücksetzen</translation>
    </message>
    <message>
        <source>Rolled &apos;%1&apos; back.</source>
        <translation>„%1“ wurde zurückgesetzt.</translation>
    </message>
    <message>
        <source>Approved request %1.</source>
        <translation>Anfrage %1 genehmigt.</translation>
    </message>
    <message>
        <source>Rejected request %1.</source>
        <translation>Anfrage %1 abgelehnt.</translation>
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
    <name>cairn::widgets::ParallelChart</name>
    <message numerus="yes">
        <source>%1 of %n run(s) inside the brushes</source>
        <translation>
            <numerusform>%1 von %n Lauf innerhalb der Auswahlbereiche</numerusform>
            <numerusform>%1 von %n Läufen innerhalb der Auswahlbereiche</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick the fields to show as axes</source>
        <translation>Wählen Sie die Felder, die als Achsen erscheinen sollen</translation>
    </message>
    <message>
        <source> (log)</source>
        <translation> (log)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Parallel coordinates</source>
        <translation>Parallele Koordinaten</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ParallelView</name>
    <message>
        <source>Clear Brushes</source>
        <translation>Auswahlbereiche löschen</translation>
    </message>
    <message>
        <source>Tick the fields to show as axes; drag to reorder; right-click for a log scale</source>
        <translation>Felder ankreuzen, um sie als Achsen zu zeigen; ziehen zum Umordnen; Rechtsklick für eine logarithmische Skala</translation>
    </message>
    <message>
        <source>Axes</source>
        <translation>Achsen</translation>
    </message>
    <message>
        <source>Drag along an axis to keep a range; click the axis to clear it. Hover a line for its run · right-click: export</source>
        <translation>Entlang einer Achse ziehen, um einen Bereich zu behalten; Klick auf die Achse hebt ihn auf. Über eine Linie fahren zeigt ihren Lauf · Rechtsklick: exportieren</translation>
    </message>
    <message>
        <source> (log)</source>
        <translation> (log)</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s), evenly spaced</source>
        <translation>
            <numerusform>%n Wert, gleichmäßig verteilt</numerusform>
            <numerusform>%n Werte, gleichmäßig verteilt</numerusform>
        </translation>
    </message>
    <message>
        <source>Log Scale</source>
        <translation>Logarithmische Skala</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::PipelineEditor</name>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Keep My Edits</source>
        <translation>Meine Änderungen &amp;behalten</translation>
    </message>
    <message>
        <source>Stage templates: drag one onto the canvas</source>
        <translation>Stufenvorlagen: eine auf die Arbeitsfläche ziehen</translation>
    </message>
    <message>
        <source>Kept your edits; saving will overwrite the file on disk.</source>
        <translation>Ihre Änderungen wurden behalten; beim Speichern wird die Datei auf der Festplatte überschrieben.</translation>
    </message>
    <message>
        <source>Laid out without Graphviz (%1).</source>
        <translation>Ohne Graphviz angeordnet (%1).</translation>
    </message>
    <message>
        <source>The pipeline run finished.</source>
        <translation>Der Pipeline-Lauf ist abgeschlossen.</translation>
    </message>
    <message>
        <source>The pipeline run stopped before it ended.</source>
        <translation>Der Pipeline-Lauf wurde vor seinem Ende gestoppt.</translation>
    </message>
    <message>
        <source>The pipeline run failed (exit %1).</source>
        <translation>Der Pipeline-Lauf ist fehlgeschlagen (Exit-Code %1).</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Alles a&amp;uswählen</translation>
    </message>
    <message>
        <source>&amp;Save Pipeline</source>
        <translation>Pipeline &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>In Fenster &amp;einpassen</translation>
    </message>
    <message>
        <source>Auto &amp;Layout</source>
        <translation>Automatisches &amp;Layout</translation>
    </message>
    <message>
        <source>&amp;Run Pipeline</source>
        <translation>Pipeline &amp;ausführen</translation>
    </message>
    <message>
        <source>Run from &amp;Here</source>
        <translation>Ab &amp;hier ausführen</translation>
    </message>
    <message>
        <source>Run This &amp;Stage</source>
        <translation>&amp;Diese Stufe ausführen</translation>
    </message>
    <message>
        <source>S&amp;top Run</source>
        <translation>Lauf s&amp;toppen</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n node(s)</source>
        <translation>
            <numerusform>%1 · %n Knoten</numerusform>
            <numerusform>%1 · %n Knoten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n stage(s)</source>
        <translation>
            <numerusform>, %n Stufe</numerusform>
            <numerusform>, %n Stufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n edge(s)</source>
        <translation>
            <numerusform>, %n Kante</numerusform>
            <numerusform>, %n Kanten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>running: %1 of %2 stages finished, %3 running</source>
        <translation>läuft: %1 von %2 Stufen fertig, %3 laufen</translation>
    </message>
    <message>
        <source>last run: %1 done or cached, %2 failed</source>
        <translation>letzter Lauf: %1 fertig oder aus dem Cache, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>No problems: the pipeline is valid.</source>
        <translation>Keine Probleme: Die Pipeline ist gültig.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Unsaved pipeline</source>
        <translation>Ungespeicherte Pipeline</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Änderungen an %1 speichern?</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message numerus="yes">
        <source>%1 is valid (%n warning(s)).</source>
        <translation>
            <numerusform>%1 ist gültig (%n Warnung).</numerusform>
            <numerusform>%1 ist gültig (%n Warnungen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n error(s); they are marked on the stages and listed below.</source>
        <translation>
            <numerusform>%1 hat %n Fehler; er ist an den Stufen markiert und unten aufgeführt.</numerusform>
            <numerusform>%1 hat %n Fehler; sie sind an den Stufen markiert und unten aufgeführt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n stage(s).</source>
        <translation>
            <numerusform>%n Stufe kopiert.</numerusform>
            <numerusform>%n Stufen kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no stages (YAML `stages:` with stage entries, or one stage&apos;s fields).</source>
        <translation>Die Zwischenablage enthält keine Stufen (YAML „stages:“ mit Stufeneinträgen oder die Felder einer Stufe).</translation>
    </message>
    <message>
        <source>The clipboard holds no stages.</source>
        <translation>Die Zwischenablage enthält keine Stufen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no run yet: run the pipeline (Ctrl+Shift+R) or this stage from its context menu.</source>
        <translation>„%1“ wurde noch nicht ausgeführt: Führen Sie die Pipeline (Strg+Umschalt+R) oder diese Stufe über ihr Kontextmenü aus.</translation>
    </message>
    <message>
        <source>last run</source>
        <translation>letzter Lauf</translation>
    </message>
    <message>
        <source>Open Its &amp;Run</source>
        <translation>Zugehörigen &amp;Lauf öffnen</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;Add Stage</source>
        <translation>Stufe &amp;hinzufügen</translation>
    </message>
    <message>
        <source>%1 was deleted or moved on disk. Save to write it again.</source>
        <translation>%1 wurde auf der Festplatte gelöscht oder verschoben. Speichern Sie, um die Datei neu zu schreiben.</translation>
    </message>
    <message>
        <source>%1 changed on disk while you have unsaved edits.</source>
        <translation>%1 wurde auf der Festplatte geändert, während Sie ungespeicherte Änderungen haben.</translation>
    </message>
    <message>
        <source>Reloaded %1: it changed on disk.</source>
        <translation>%1 neu geladen: Die Datei wurde auf der Festplatte geändert.</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::PipelineModel</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1:%2. The canvas shows the file again once it parses.</source>
        <translation>%1:%2. Die Arbeitsfläche zeigt die Datei wieder, sobald sie sich einlesen lässt.</translation>
    </message>
    <message>
        <source>%1 does not parse, so it is not saved from the canvas: %2</source>
        <translation>%1 lässt sich nicht einlesen und wird daher nicht von der Arbeitsfläche aus gespeichert: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write the layout %1: %2</source>
        <translation>Das Layout %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>cairn::app::PipelineRunner</name>
    <message>
        <source>%1 is running already (pid %2): stop it first.</source>
        <translation>%1 läuft bereits (PID %2): Beenden Sie den Lauf zuerst.</translation>
    </message>
    <message>
        <source>The &apos;cairn&apos; command was not found next to the workbench or on PATH.</source>
        <translation>Der Befehl „cairn“ wurde weder neben der Workbench noch im PATH gefunden.</translation>
    </message>
    <message>
        <source>Cannot start &apos;cairn pipeline run&apos;: %1</source>
        <translation>„cairn pipeline run“ kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>&apos;cairn pipeline run&apos; exited without output.</source>
        <translation>„cairn pipeline run“ wurde ohne Ausgabe beendet.</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::PipelineScene</name>
    <message>
        <source> (run %1)</source>
        <translation> (Lauf %1)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; reads that output of &apos;%2&apos; already.</source>
        <translation>„%1“ liest diese Ausgabe von „%2“ bereits.</translation>
    </message>
</context>
<context>
    <name>cairn::app::PipelineTabs</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Running %1; its log is in %2.</source>
        <translation>%1 läuft; das Protokoll liegt in %2.</translation>
    </message>
    <message>
        <source>Stopping %1: its running stages are cancelled.</source>
        <translation>%1 wird gestoppt: Die laufenden Stufen werden abgebrochen.</translation>
    </message>
    <message>
        <source>%1 is not running.</source>
        <translation>%1 läuft nicht.</translation>
    </message>
    <message>
        <source>Cannot open pipeline</source>
        <translation>Pipeline kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>A pipeline name is one word, such as &apos;train&apos;: it becomes pipelines/train.yaml.</source>
        <translation>Ein Pipeline-Name ist ein Wort, etwa „train“: Daraus wird pipelines/train.yaml.</translation>
    </message>
    <message>
        <source>New pipeline %1: drag stage templates onto the canvas, then save (Ctrl+S).</source>
        <translation>Neue Pipeline %1: Ziehen Sie Stufenvorlagen auf die Arbeitsfläche und speichern Sie dann (Strg+S).</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>Öffnen Sie zuerst ein Projekt.</translation>
    </message>
    <message>
        <source>New Pipeline</source>
        <translation>Neue Pipeline</translation>
    </message>
    <message>
        <source>Name (the file is pipelines/NAME.yaml):</source>
        <translation>Name (die Datei ist pipelines/NAME.yaml):</translation>
    </message>
    <message>
        <source>Open Pipeline</source>
        <translation>Pipeline öffnen</translation>
    </message>
    <message>
        <source>Pipelines (*.yaml *.yml)</source>
        <translation>Pipelines (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Cannot run the pipeline</source>
        <translation>Die Pipeline kann nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>&amp;New Pipeline...</source>
        <translation>&amp;Neue Pipeline ...</translation>
    </message>
    <message>
        <source>&amp;Open Pipeline...</source>
        <translation>Pipeline ö&amp;ffnen ...</translation>
    </message>
    <message>
        <source>(open a pipeline to edit or run it)</source>
        <translation>(öffnen Sie eine Pipeline, um sie zu bearbeiten oder auszuführen)</translation>
    </message>
    <message>
        <source>&amp;Close Pipeline</source>
        <translation>Pipeline s&amp;chließen</translation>
    </message>
    <message>
        <source>(undo and redo act on an open pipeline)</source>
        <translation>(Rückgängig und Wiederherstellen wirken auf eine geöffnete Pipeline)</translation>
    </message>
</context>
<context>
    <name>cairn::app::PipelinesDock</name>
    <message>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <source>No pipelines yet. New Pipeline creates pipelines/NAME.yaml; a dvc.yaml at the project root shows here too.</source>
        <translation>Noch keine Pipelines. „Neue Pipeline“ legt pipelines/NAME.yaml an; eine dvc.yaml im Projektstamm erscheint hier ebenfalls.</translation>
    </message>
    <message>
        <source>&amp;New...</source>
        <translation>&amp;Neu ...</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>Ö&amp;ffnen ...</translation>
    </message>
    <message numerus="yes">
        <source>
%n error(s): open it to see them on its stages.</source>
        <translation>
            <numerusform>
%n Fehler: Öffnen Sie die Pipeline, um ihn an den Stufen zu sehen.</numerusform>
            <numerusform>
%n Fehler: Öffnen Sie die Pipeline, um sie an den Stufen zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>never run</source>
        <translation>nie ausgeführt</translation>
    </message>
    <message>
        <source>running (%1/%2)</source>
        <translation>läuft (%1/%2)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message numerus="yes">
        <source>failed (%n stage(s))</source>
        <translation>
            <numerusform>fehlgeschlagen (%n Stufe)</numerusform>
            <numerusform>fehlgeschlagen (%n Stufen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::widgets::PlotWidget</name>
    <message>
        <source>Cairn comparison plot</source>
        <translation>Cairn-Vergleichsplot</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n value(s), evenly spaced</source>
        <translation>
            <numerusform>%n Wert, gleichmäßig verteilt</numerusform>
            <numerusform>%n Werte, gleichmäßig verteilt</numerusform>
        </translation>
    </message>
    <message>
        <source>Export as PNG...</source>
        <translation>Als PNG exportieren ...</translation>
    </message>
    <message>
        <source>Export as SVG...</source>
        <translation>Als SVG exportieren ...</translation>
    </message>
    <message>
        <source>Export data as CSV...</source>
        <translation>Daten als CSV exportieren ...</translation>
    </message>
    <message>
        <source>Could not write %1: check that the folder exists and is writable.</source>
        <translation>%1 konnte nicht geschrieben werden: Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>share %1 (%2 of %3 columns)</source>
        <translation>Anteil %1 (%2 von %3 Spalten)</translation>
    </message>
    <message>
        <source>%1 of %2 expectations failed</source>
        <translation>%1 von %2 Erwartungen nicht erfüllt</translation>
    </message>
    <message>
        <source>DP diff %1, EO diff %2</source>
        <translation>DP-Diff. %1, EO-Diff. %2</translation>
    </message>
    <message>
        <source>no drift</source>
        <translation>kein Drift</translation>
    </message>
    <message>
        <source>DRIFTED</source>
        <translation>DRIFT</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
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
    <message>
        <source>this machine</source>
        <translation>dieser Rechner</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> auf %1</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ReportView</name>
    <message>
        <source>Export &amp;HTML...</source>
        <translation>Als &amp;HTML exportieren ...</translation>
    </message>
    <message>
        <source>Select a report.</source>
        <translation>Wählen Sie einen Bericht.</translation>
    </message>
    <message>
        <source>Report %1 is damaged: its JSON does not parse.</source>
        <translation>Bericht %1 ist beschädigt: Sein JSON lässt sich nicht einlesen.</translation>
    </message>
    <message>
        <source>, run %1</source>
        <translation>, Lauf %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Drift report %1&lt;/b&gt;%2: %3&lt;br&gt;%4 of %5 columns drifted (%6%): dataset &lt;b&gt;%7&lt;/b&gt;</source>
        <translation>&lt;b&gt;Drift-Bericht %1&lt;/b&gt;%2: %3&lt;br&gt;%4 von %5 Spalten gedriftet (%6%): Datensatz &lt;b&gt;%7&lt;/b&gt;</translation>
    </message>
    <message>
        <source>DRIFTED</source>
        <translation>DRIFT</translation>
    </message>
    <message>
        <source>not drifted</source>
        <translation>kein Drift</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Drifted</source>
        <translation>Gedriftet</translation>
    </message>
    <message>
        <source>Ref rows</source>
        <translation>Ref.-Zeilen</translation>
    </message>
    <message>
        <source>Cur rows</source>
        <translation>Akt.-Zeilen</translation>
    </message>
    <message>
        <source>drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>&lt;b&gt;Validation report %1&lt;/b&gt;%2: %3&lt;br&gt;%4 of %5 expectations failed (%6 rows)</source>
        <translation>&lt;b&gt;Validierungsbericht %1&lt;/b&gt;%2: %3&lt;br&gt;%4 von %5 Erwartungen nicht erfüllt (%6 Zeilen)</translation>
    </message>
    <message>
        <source>Expectation</source>
        <translation>Erwartung</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Beobachtet</translation>
    </message>
    <message>
        <source>Offending rows (line: value)</source>
        <translation>Betroffene Zeilen (Zeile: Wert)</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>(file)</source>
        <translation>(Datei)</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>NICHT ERFÜLLT</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fairness report %1&lt;/b&gt;%2: %3&lt;br&gt;demographic parity difference %4, ratio %5; equalized odds difference %6, ratio %7</source>
        <translation>&lt;b&gt;Fairness-Bericht %1&lt;/b&gt;%2: %3&lt;br&gt;Differenz der demografischen Parität %4, Verhältnis %5; Differenz der Equalized Odds %6, Verhältnis %7</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Selection rate</source>
        <translation>Auswahlrate</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>TPR</source>
        <translation>TPR</translation>
    </message>
    <message>
        <source>FPR</source>
        <translation>FPR</translation>
    </message>
    <message>
        <source>(overall)</source>
        <translation>(gesamt)</translation>
    </message>
    <message>
        <source>%1: reference vs current</source>
        <translation>%1: Referenz vs. aktuell</translation>
    </message>
    <message>
        <source>No report to export.</source>
        <translation>Kein Bericht zum Exportieren.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Export Report as HTML</source>
        <translation>Bericht als HTML exportieren</translation>
    </message>
    <message>
        <source>HTML pages (*.html)</source>
        <translation>HTML-Seiten (*.html)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ReportsPanel</name>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>All Runs</source>
        <translation>Alle Läufe</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Fairness</source>
        <translation>Fairness</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Run: %1</source>
        <translation>Lauf: %1</translation>
    </message>
    <message>
        <source>No reports yet: cairn drift, validate and fairness store them.</source>
        <translation>Noch keine Berichte: cairn drift, validate und fairness speichern sie.</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n Bericht</numerusform>
            <numerusform>%n Berichte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::app::ReproduceDialog</name>
    <message>
        <source>Reproduce %1</source>
        <translation>%1 reproduzieren</translation>
    </message>
    <message>
        <source>Restores the artifact versions run &lt;b&gt;%1&lt;/b&gt; (%2) read, from the store, to where it read them, runs its command again with the same parameters as a new run, and shows what differs.</source>
        <translation>Stellt die Artefaktversionen, die Lauf &lt;b&gt;%1&lt;/b&gt; (%2) gelesen hat, aus dem Speicher an den Orten wieder her, von denen er sie gelesen hat, führt seinen Befehl mit denselben Parametern als neuen Lauf erneut aus und zeigt, was sich unterscheidet.</translation>
    </message>
    <message>
        <source>Replace input files that now hold other content</source>
        <translation>Eingabedateien ersetzen, die inzwischen anderen Inhalt haben</translation>
    </message>
    <message>
        <source>the run&apos;s own folder</source>
        <translation>der Ordner des Laufs</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen ...</translation>
    </message>
    <message>
        <source>Reproduce in folder</source>
        <translation>In Ordner reproduzieren</translation>
    </message>
    <message>
        <source>Run in:</source>
        <translation>Ausführen in:</translation>
    </message>
    <message>
        <source>The new run&apos;s output appears here.</source>
        <translation>Die Ausgabe des neuen Laufs erscheint hier.</translation>
    </message>
    <message>
        <source>&amp;Reproduce</source>
        <translation>&amp;Reproduzieren</translation>
    </message>
    <message>
        <source>Show &amp;New Run</source>
        <translation>&amp;Neuen Lauf anzeigen</translation>
    </message>
    <message>
        <source>Running the reproduction (run %1)...</source>
        <translation>Reproduktion läuft (Lauf %1) ...</translation>
    </message>
    <message>
        <source>Cannot start &apos;cairn&apos;: %1</source>
        <translation>„cairn“ kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The &apos;cairn&apos; command was not found next to the workbench or on PATH.</source>
        <translation>Der Befehl „cairn“ wurde weder neben der Workbench noch im PATH gefunden.</translation>
    </message>
    <message>
        <source>Restoring the inputs...</source>
        <translation>Eingaben werden wiederhergestellt ...</translation>
    </message>
    <message>
        <source>Cancelling the reproduction...</source>
        <translation>Reproduktion wird abgebrochen ...</translation>
    </message>
    <message>
        <source>Not reproduced: %1</source>
        <translation>Nicht reproduziert: %1</translation>
    </message>
    <message>
        <source>The reproduction failed: %1</source>
        <translation>Die Reproduktion ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Reproduced as run %1: the results are the same (status, parameters, final metrics and output hashes).</source>
        <translation>Als Lauf %1 reproduziert: Die Ergebnisse sind gleich (Status, Parameter, letzte Metriken und Ausgabe-Hashes).</translation>
    </message>
    <message>
        <source>Reproduced as run %1: the results differ; see the rows below.</source>
        <translation>Als Lauf %1 reproduziert: Die Ergebnisse unterscheiden sich; siehe die Zeilen unten.</translation>
    </message>
    <message>
        <source>It did not end as the original did.</source>
        <translation>Er endete nicht wie das Original.</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ReproduceReport</name>
    <message>
        <source>(absent)</source>
        <translation>(nicht vorhanden)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Reproduction</source>
        <translation>Reproduktion</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Metrics (last values)</source>
        <translation>Metriken (letzte Werte)</translation>
    </message>
    <message>
        <source>Outputs (content hashes)</source>
        <translation>Ausgaben (Inhalts-Hashes)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>nothing to compare</source>
        <translation>nichts zu vergleichen</translation>
    </message>
    <message numerus="yes">
        <source>all %n the same</source>
        <translation>
            <numerusform>%n gleich</numerusform>
            <numerusform>alle %n gleich</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n differ(s)</source>
        <translation>
            <numerusform>%n unterscheidet sich</numerusform>
            <numerusform>%n unterscheiden sich</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n the same</source>
        <translation>
            <numerusform>%n gleich</numerusform>
            <numerusform>%n gleich</numerusform>
        </translation>
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
    <message>
        <source>&amp;Reports...</source>
        <translation>&amp;Berichte ...</translation>
    </message>
    <message>
        <source>Drift, validation and fairness reports attached to this run</source>
        <translation>Drift-, Validierungs- und Fairness-Berichte zu diesem Lauf</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>The artifacts this run read and wrote, where they came from and what came from them</source>
        <translation>Die Artefakte, die dieser Lauf gelesen und geschrieben hat, woher sie stammen und was aus ihnen entstanden ist</translation>
    </message>
    <message>
        <source>Reproduce...</source>
        <translation>Reproduzieren ...</translation>
    </message>
    <message>
        <source>Restore this run&apos;s inputs from the store, run it again and compare the two runs</source>
        <translation>Die Eingaben dieses Laufs aus dem Speicher wiederherstellen, ihn erneut ausführen und die beiden Läufe vergleichen</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::RunWatch</name>
    <message>
        <source>the scheduler stopped before this stage finished</source>
        <translation>der Scheduler wurde beendet, bevor diese Stufe fertig war</translation>
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
    <message numerus="yes">
        <source>%1 %2 %3 — %n run(s)</source>
        <translation>
            <numerusform>%1 %2 %3 — %n Lauf</numerusform>
            <numerusform>%1 %2 %3 — %n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Click to collapse or expand this group</source>
        <translation>Klicken, um diese Gruppe ein- oder auszuklappen</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::RunsView</name>
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
    <message>
        <source>Filter runs: a name or id, or a search such as  metrics.acc &gt; 0.9 and params.lr = &apos;0.01&apos;</source>
        <translation>Läufe filtern: ein Name oder eine ID oder eine Suche wie  metrics.acc &gt; 0.9 and params.lr = &apos;0.01&apos;</translation>
    </message>
    <message>
        <source>Click to sort (in the database); right-click to choose columns</source>
        <translation>Klicken zum Sortieren (in der Datenbank); Rechtsklick zum Auswählen der Spalten</translation>
    </message>
    <message>
        <source>Group the runs by a param, a tag or an attribute</source>
        <translation>Die Läufe nach einem Parameter, einem Tag oder einem Attribut gruppieren</translation>
    </message>
    <message>
        <source>No groups</source>
        <translation>Keine Gruppen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Choose the columns: attributes, metrics, params and tags</source>
        <translation>Spalten auswählen: Attribute, Metriken, Parameter und Tags</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>Saved views: a filter, columns, sort and groups under a name (also: cairn runs --view NAME)</source>
        <translation>Gespeicherte Ansichten: ein Filter, Spalten, Sortierung und Gruppen unter einem Namen (auch: cairn runs --view NAME)</translation>
    </message>
    <message>
        <source>Compare the selected runs side by side (Ctrl+D). Ctrl- or Shift-click rows to select several.</source>
        <translation>Die ausgewählten Läufe nebeneinander vergleichen (Strg+D). Mit Strg- oder Umschalt-Klick mehrere Zeilen auswählen.</translation>
    </message>
    <message numerus="yes">
        <source>Compare %n run(s)</source>
        <translation>
            <numerusform>%n Lauf vergleichen</numerusform>
            <numerusform>%n Läufe vergleichen</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Search language filter (docs/search.md)</source>
        <translation>Filter in der Suchsprache (docs/search.md)</translation>
    </message>
    <message numerus="yes">
        <source>, %n pinned</source>
        <translation>
            <numerusform>, %n angeheftet</numerusform>
            <numerusform>, %n angeheftet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n group(s)</source>
        <translation>
            <numerusform>, %n Gruppe</numerusform>
            <numerusform>, %n Gruppen</numerusform>
        </translation>
    </message>
    <message>
        <source>Default Columns</source>
        <translation>Standardspalten</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Group by %1</source>
        <translation>Nach %1 gruppieren</translation>
    </message>
    <message numerus="yes">
        <source>Pin %n run(s) to the Top</source>
        <translation>
            <numerusform>%n Lauf oben anheften</numerusform>
            <numerusform>%n Läufe oben anheften</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unpin %n run(s)</source>
        <translation>
            <numerusform>%n Lauf lösen</numerusform>
            <numerusform>%n Läufe lösen</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved views and pins are off: %1</source>
        <translation>Gespeicherte Ansichten und Anheften sind deaktiviert: %1</translation>
    </message>
    <message>
        <source>no project is open</source>
        <translation>kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>(no saved views)</source>
        <translation>(keine gespeicherten Ansichten)</translation>
    </message>
    <message>
        <source>Save View As...</source>
        <translation>Ansicht speichern unter ...</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <source>Name for the current filter, columns, sort and groups:</source>
        <translation>Name für den aktuellen Filter, die Spalten, die Sortierung und die Gruppen:</translation>
    </message>
    <message>
        <source>Replace the view &apos;%1&apos;?</source>
        <translation>Die Ansicht „%1“ ersetzen?</translation>
    </message>
    <message>
        <source>Delete View</source>
        <translation>Ansicht löschen</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ScatterChart</name>
    <message>
        <source>Scatter</source>
        <translation>Streudiagramm</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 vs. %2</translation>
    </message>
    <message>
        <source>Pick a field for each axis</source>
        <translation>Wählen Sie für jede Achse ein Feld</translation>
    </message>
    <message>
        <source> (log)</source>
        <translation> (log)</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) without a value here</source>
        <translation>
            <numerusform>%n Lauf ohne Wert hier</numerusform>
            <numerusform>%n Läufe ohne Wert hier</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::widgets::ScatterView</name>
    <message>
        <source>log</source>
        <translation>log</translation>
    </message>
    <message>
        <source>Log scale on x; values at or below zero are left out</source>
        <translation>Logarithmische Skala auf x; Werte kleiner oder gleich null werden weggelassen</translation>
    </message>
    <message>
        <source>Log scale on y; values at or below zero are left out</source>
        <translation>Logarithmische Skala auf y; Werte kleiner oder gleich null werden weggelassen</translation>
    </message>
    <message>
        <source>X:</source>
        <translation>X:</translation>
    </message>
    <message>
        <source>Y:</source>
        <translation>Y:</translation>
    </message>
    <message>
        <source>Hover a dot for its run · right-click: export</source>
        <translation>Über einen Punkt fahren zeigt seinen Lauf · Rechtsklick: exportieren</translation>
    </message>
</context>
<context>
    <name>cairn::app::SessionWorker</name>
    <message>
        <source>Upgrading the project database to this version of Cairn...</source>
        <translation>Die Projektdatenbank wird auf diese Version von Cairn aktualisiert ...</translation>
    </message>
    <message>
        <source>The &apos;cairn&apos; command was not found next to the workbench or on PATH.</source>
        <translation>Der Befehl „cairn“ wurde weder neben der Workbench noch im PATH gefunden.</translation>
    </message>
    <message>
        <source>&apos;cairn engine start&apos; did not finish within a minute.</source>
        <translation>„cairn engine start“ wurde nicht innerhalb einer Minute fertig.</translation>
    </message>
    <message>
        <source>&apos;cairn engine start&apos; failed: %1</source>
        <translation>„cairn engine start“ ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::StageProperties</name>
    <message>
        <source>Select a stage to edit it.

Drag a template from the palette onto the canvas to add one; drag from an output port (right) to another stage to connect them.</source>
        <translation>Wählen Sie eine Stufe aus, um sie zu bearbeiten.

Ziehen Sie eine Vorlage aus der Palette auf die Arbeitsfläche, um eine hinzuzufügen; ziehen Sie von einem Ausgabeanschluss (rechts) zu einer anderen Stufe, um sie zu verbinden.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>a unique stage name</source>
        <translation>ein eindeutiger Stufenname</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>what the stage does</source>
        <translation>was die Stufe tut</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>python3 src/train.py
(several lines: run in order)</source>
        <translation>python3 src/train.py
(mehrere Zeilen: nacheinander ausgeführt)</translation>
    </message>
    <message>
        <source>Working folder</source>
        <translation>Arbeitsordner</translation>
    </message>
    <message>
        <source>the pipeline&apos;s folder</source>
        <translation>der Ordner der Pipeline</translation>
    </message>
    <message>
        <source>Inputs (deps)</source>
        <translation>Eingaben (deps)</translation>
    </message>
    <message>
        <source>one path a line</source>
        <translation>ein Pfad pro Zeile</translation>
    </message>
    <message>
        <source>Outputs (outs)</source>
        <translation>Ausgaben (outs)</translation>
    </message>
    <message>
        <source>one path a line; path: {cache: false}</source>
        <translation>ein Pfad pro Zeile; path: {cache: false}</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>metrics.json: {cache: false}</source>
        <translation>metrics.json: {cache: false}</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>Plots</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>train.lr, or a group: train, or other.yaml: [a, b]</source>
        <translation>train.lr oder eine Gruppe: train oder other.yaml: [a, b]</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPUs</translation>
    </message>
    <message>
        <source>Processes per node</source>
        <translation>Prozesse pro Knoten</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>90s, 30m, 2h (empty: none)</source>
        <translation>90s, 30m, 2h (leer: keines)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>NAME=value, one a line</source>
        <translation>NAME=Wert, einer pro Zeile</translation>
    </message>
    <message>
        <source>&amp;Apply YAML</source>
        <translation>YAML &amp;anwenden</translation>
    </message>
    <message>
        <source>The whole entry, as it is written (foreach, matrix, vars, frozen, ...):</source>
        <translation>Der ganze Eintrag, so wie er geschrieben ist (foreach, matrix, vars, frozen, ...):</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message numerus="yes">
        <source>Generates %n stage(s): %1. Edit foreach/matrix in the YAML tab.</source>
        <translation>
            <numerusform>Erzeugt %n Stufe: %1. Bearbeiten Sie foreach/matrix im YAML-Reiter.</numerusform>
            <numerusform>Erzeugt %n Stufen: %1. Bearbeiten Sie foreach/matrix im YAML-Reiter.</numerusform>
        </translation>
    </message>
    <message>
        <source>A stage name cannot be empty or contain &apos;@&apos;, &apos;:&apos;, &apos;/&apos; or &apos;\&apos;.</source>
        <translation>Ein Stufenname darf nicht leer sein und kein „@“, „:“, „/“ oder „\“ enthalten.</translation>
    </message>
    <message>
        <source>There is a stage named &apos;%1&apos; already.</source>
        <translation>Es gibt bereits eine Stufe namens „%1“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a duration: write seconds (90) or 90s, 30m, 2h, 1h30m.</source>
        <translation>„%1“ ist keine Dauer: Schreiben Sie Sekunden (90) oder 90s, 30m, 2h, 1h30m.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not NAME=value.</source>
        <translation>„%1“ hat nicht die Form NAME=Wert.</translation>
    </message>
    <message>
        <source>YAML %1:%2: %3</source>
        <translation>YAML %1:%2: %3</translation>
    </message>
    <message>
        <source>A stage is a mapping with at least &apos;cmd&apos;.</source>
        <translation>Eine Stufe ist ein Mapping mit mindestens „cmd“.</translation>
    </message>
</context>
<context>
    <name>cairn::widgets::SummaryTable</name>
    <message>
        <source>Export as CSV...</source>
        <translation>Als CSV exportieren ...</translation>
    </message>
    <message>
        <source>Could not write %1: check that the folder exists and is writable.</source>
        <translation>%1 konnte nicht geschrieben werden: Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>Each metric&apos;s lowest, highest and last value per run. Click a header to sort.</source>
        <translation>Kleinster, größter und letzter Wert jeder Metrik pro Lauf. Klicken Sie auf eine Spaltenüberschrift, um zu sortieren.</translation>
    </message>
    <message>
        <source>%1
min</source>
        <translation>%1
Min</translation>
    </message>
    <message>
        <source>%1
max</source>
        <translation>%1
Max</translation>
    </message>
    <message>
        <source>%1
last</source>
        <translation>%1
letzter</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
</context>
<context>
    <name>cairn::app::CompareWorker</name>
    <message>
        <source>Not found in this project (deleted?): %1</source>
        <translation>Nicht in diesem Projekt gefunden (gelöscht?): %1</translation>
    </message>
</context>
<context>
    <name>cairn::app::LineageWorker</name>
    <message>
        <source>the project</source>
        <translation>das Projekt</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>Nothing in this project is called &apos;%1&apos;.</source>
        <translation>Nichts in diesem Projekt heißt „%1“.</translation>
    </message>
    <message>
        <source>draft layout: Graphviz &apos;dot&apos; was not found (install graphviz)</source>
        <translation>vorläufiges Layout: Graphviz „dot“ wurde nicht gefunden (installieren Sie graphviz)</translation>
    </message>
    <message>
        <source>draft layout</source>
        <translation>vorläufiges Layout</translation>
    </message>
    <message>
        <source>Cannot run Graphviz &apos;%1&apos;: %2</source>
        <translation>Graphviz „%1“ kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>Graphviz took longer than 10 minutes; the draft layout stays</source>
        <translation>Graphviz hat länger als 10 Minuten gebraucht; das vorläufige Layout bleibt</translation>
    </message>
    <message>
        <source>Graphviz failed: %1</source>
        <translation>Graphviz ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cannot read Graphviz&apos;s layout: %1</source>
        <translation>Das Layout von Graphviz kann nicht gelesen werden: %1</translation>
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
    <message>
        <source>Cannot open the pipeline %1.</source>
        <translation>Die Pipeline %1 kann nicht geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>cairn::widgets</name>
    <message>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>cached</source>
        <translation>aus Cache</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <source>Python script</source>
        <translation>Python-Skript</translation>
    </message>
    <message>
        <source>Runs a Python script that reads inputs and writes outputs.</source>
        <translation>Führt ein Python-Skript aus, das Eingaben liest und Ausgaben schreibt.</translation>
    </message>
    <message>
        <source>Shell command</source>
        <translation>Shell-Befehl</translation>
    </message>
    <message>
        <source>Any shell command, run with /bin/sh in the project folder.</source>
        <translation>Ein beliebiger Shell-Befehl, ausgeführt mit /bin/sh im Projektordner.</translation>
    </message>
    <message>
        <source>Prepare data</source>
        <translation>Daten vorbereiten</translation>
    </message>
    <message>
        <source>Splits or cleans raw data; its params come from params.yaml.</source>
        <translation>Teilt oder bereinigt Rohdaten; die Parameter stammen aus params.yaml.</translation>
    </message>
    <message>
        <source>Train on GPU</source>
        <translation>Auf GPU trainieren</translation>
    </message>
    <message>
        <source>A training script given one whole GPU, retried once if it fails.</source>
        <translation>Ein Trainingsskript mit einer ganzen GPU, bei Fehlschlag einmal wiederholt.</translation>
    </message>
    <message>
        <source>Distributed training</source>
        <translation>Verteiltes Training</translation>
    </message>
    <message>
        <source>torchrun-style training: 2 GPUs, one worker per GPU.</source>
        <translation>Training im Stil von torchrun: 2 GPUs, ein Worker pro GPU.</translation>
    </message>
    <message>
        <source>Parameter sweep</source>
        <translation>Parameter-Sweep</translation>
    </message>
    <message>
        <source>One stage per value of a matrix (DVC&apos;s matrix).</source>
        <translation>Eine Stufe pro Wert einer Matrix (die matrix von DVC).</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Evaluieren</translation>
    </message>
    <message>
        <source>Scores a model; the metrics file is kept out of the cache.</source>
        <translation>Bewertet ein Modell; die Metrikdatei wird nicht im Cache abgelegt.</translation>
    </message>
    <message>
        <source>Data check</source>
        <translation>Datenprüfung</translation>
    </message>
    <message>
        <source>Fails the pipeline when the data does not pass its checks.</source>
        <translation>Lässt die Pipeline fehlschlagen, wenn die Daten ihre Prüfungen nicht bestehen.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Renders plots or an HTML report from metrics.</source>
        <translation>Erzeugt Plots oder einen HTML-Bericht aus Metriken.</translation>
    </message>
    <message numerus="yes">
        <source>matrix · %n stage(s)</source>
        <translation>
            <numerusform>matrix · %n Stufe</numerusform>
            <numerusform>matrix · %n Stufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>foreach · %n stage(s)</source>
        <translation>
            <numerusform>foreach · %n Stufe</numerusform>
            <numerusform>foreach · %n Stufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n GPU(s) · </source>
        <translation>
            <numerusform>%n GPU · </numerusform>
            <numerusform>%n GPUs · </numerusform>
        </translation>
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
    <name>cairn::widgets::commands</name>
    <message>
        <source>Add stage &apos;%1&apos;</source>
        <translation>Stufe „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Delete stage &apos;%1&apos;</source>
        <translation>Stufe „%1“ löschen</translation>
    </message>
    <message numerus="yes">
        <source>Disconnect %n edge(s)</source>
        <translation>
            <numerusform>%n Kante trennen</numerusform>
            <numerusform>%n Kanten trennen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n stage(s)</source>
        <translation>
            <numerusform>%n Stufe löschen</numerusform>
            <numerusform>%n Stufen löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n stage(s)</source>
        <translation>
            <numerusform>%n Stufe einfügen</numerusform>
            <numerusform>%n Stufen einfügen</numerusform>
        </translation>
    </message>
    <message>
        <source>Connect &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>„%1“ mit „%2“ verbinden</translation>
    </message>
    <message>
        <source>Disconnect &apos;%1&apos; from &apos;%2&apos;</source>
        <translation>„%1“ von „%2“ trennen</translation>
    </message>
    <message>
        <source>Edit %1 of &apos;%2&apos;</source>
        <translation>%1 von „%2“ bearbeiten</translation>
    </message>
    <message>
        <source>Edit the YAML of &apos;%1&apos;</source>
        <translation>YAML von „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Auto layout</source>
        <translation>Automatisches Layout</translation>
    </message>
    <message>
        <source>Rename stage &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>Stufe „%1“ in „%2“ umbenennen</translation>
    </message>
    <message>
        <source>Move stage &apos;%1&apos;</source>
        <translation>Stufe „%1“ verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Move %n stage(s)</source>
        <translation>
            <numerusform>%n Stufe verschieben</numerusform>
            <numerusform>%n Stufen verschieben</numerusform>
        </translation>
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
    <message>
        <source>Open this pipeline file (pipelines/NAME.yaml, dvc.yaml) on its canvas.</source>
        <translation>Diese Pipeline-Datei (pipelines/NAME.yaml, dvc.yaml) auf ihrer Arbeitsfläche öffnen.</translation>
    </message>
</context>
</TS>
