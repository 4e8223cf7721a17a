#!/bin/sh
# Refreshes translations/*.ts from the sources of app/ and widgets/, keeping existing translations.
# lupdate (Qt 6.4) does not understand `namespace cairn::app {`, so it files messages under the
# bare class name, while tr() looks them up under the qualified one (cairn::app::MainWindow).
# So: strip the qualification of those classes, run lupdate, then qualify every context again with the namespace
# of the folder that defines the class.
set -eu
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
TS="translations/cairn_en.ts translations/cairn_de.ts"
# Every class with a base (ParallelChart and ScatterChart derive from PlotWidget), but only those of headers:
# lupdate itself qualifies a class that a .cpp defines (CompareWorker), so stripping it would lose its messages.
classes() { grep -rhoE --include='*.h' '^class [A-Za-z]+ : public [A-Za-z]' "$1" | awk '{print $2}'; }
for ts in $TS; do
  for dir in app widgets; do
    for cls in $(classes "$dir"); do
      sed -i "s|<name>cairn::$dir::$cls</name>|<name>$cls</name>|" "$ts"
    done
  done
done
"$LUPDATE" -no-obsolete -locations none -silent app widgets -ts $TS 2>&1 | grep -v "Qualifying with unknown" || true
for ts in $TS; do
  for dir in app widgets; do
    for cls in $(classes "$dir"); do
      sed -i "s|<name>$cls</name>|<name>cairn::$dir::$cls</name>|" "$ts"
    done
  done
done
