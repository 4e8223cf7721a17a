#!/usr/bin/env bash
# Makes (or finds) the virtualenv with the reference implementations the tests compare Cairn
# with (Evidently, Fairlearn: tests/reference/requirements.lock). Never part of Cairn.
#
#   reference_venv.sh            prints the venv's python on the last line of stdout, exit 0
#                                exit 3 with the reason on stderr when it cannot be made
#
# Cache (override with CAIRN_REFERENCE_CACHE): ${XDG_CACHE_HOME:-~/.cache}/cairn/reference/
#   venv-<sha256 of the lock, 12 digits>/   the virtualenv, reused while the lock is unchanged
#   wheels/                                 every wheel downloaded, so a new venv (a changed
#                                           pin) downloads only what changed
# Concurrent callers wait on a lock file; a half-made venv is never used (it is marked
# complete only after its imports work). CAIRN_REFERENCE_OFFLINE=1 installs from wheels/ only.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
lock_file="$here/requirements.lock"
python="${CAIRN_REFERENCE_PYTHON:-/usr/bin/python3}"
cache="${CAIRN_REFERENCE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cairn/reference}"

fail() { echo "reference_venv: $*" >&2; exit 3; }

[ -x "$python" ] || fail "no interpreter $python"
"$python" -c 'import venv, ensurepip' 2>/dev/null || fail "$python has no venv/ensurepip (install python3-venv)"
key="$(sha256sum "$lock_file" | cut -c1-12)" || fail "cannot hash $lock_file"
venv="$cache/venv-$key"
wheels="$cache/wheels"
mkdir -p "$cache" "$wheels" || fail "cannot create $cache"

check() { "$venv/bin/python" -c 'import evidently.legacy.calculations.stattests, fairlearn.metrics, pandas' 2>/dev/null; }

exec 9>"$cache/lock" || fail "cannot open $cache/lock"
flock 9 || fail "cannot lock $cache/lock"

if [ -f "$venv/.complete" ]; then
  echo "$venv/bin/python"
  exit 0
fi

start=$(date +%s)
rm -rf "$venv"
"$python" -m venv "$venv" >&2 || fail "python -m venv $venv failed"
pip=("$venv/bin/python" -m pip --disable-pip-version-check --no-input)
# Download into the wheel cache first (what is there already is not fetched again), then
# install from it alone, binary wheels only: nothing is compiled.
if [ "${CAIRN_REFERENCE_OFFLINE:-0}" != 1 ]; then
  echo "reference_venv: downloading wheels into $wheels (first time only)" >&2
  "${pip[@]}" download --quiet --only-binary=:all: --dest "$wheels" --find-links "$wheels" -r "$lock_file" >&2 \
    || { rm -rf "$venv"; fail "pip download failed (no network to PyPI?)"; }
fi
"${pip[@]}" install --quiet --no-index --find-links "$wheels" --only-binary=:all: -r "$lock_file" >&2 \
  || { rm -rf "$venv"; fail "pip install from $wheels failed"; }
check || { rm -rf "$venv"; fail "the reference packages do not import in $venv"; }
touch "$venv/.complete"
echo "reference_venv: made $venv in $(( $(date +%s) - start )) s" >&2
# Older venvs (a changed lock) are removed; the wheels stay.
for old in "$cache"/venv-*; do
  [ "$old" != "$venv" ] && [ -d "$old" ] && rm -rf "$old"
done
echo "$venv/bin/python"
