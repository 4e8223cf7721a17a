#!/usr/bin/env bash
# Installs the Debian 12 packages Cairn needs to build, test and run.
# Idempotent: only packages that are missing are installed; a second run does nothing.
# Run as root (or with sudo available).
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # Qt 6.4
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libgl-dev libqt6opengl6-dev
  # core libraries
  libsqlite3-dev libyaml-cpp-dev libyaml-dev libboost-dev libboost-filesystem-dev nlohmann-json3-dev libssl-dev
  # layout of graphs
  graphviz
  # demo project and reference tests: Debian's own Python with numpy and scikit-learn
  python3 python3-numpy python3-scipy python3-sklearn python3-torch
  # OpenLineage events are checked against the spec's JSON schemas (tests/integration/tst_openlineage)
  python3-jsonschema python3-rfc3987
  # the reference virtualenv of tests/reference (Evidently, Fairlearn from PyPI)
  python3-venv
  # headless GUI tests and screenshots
  xvfb xauth imagemagick
  # registry tests: tamper with cairn.db (sqlite3), validate model cards against the Model Card
  # Toolkit schema (python3-jsonschema, python3-yaml), read PDF cards' text (poppler-utils)
  sqlite3 python3-jsonschema python3-yaml poppler-utils
  # ssh and Slurm executors (docs/executors.md): the ssh client and rsync; the tests also start
  # their own sshd and a one-node Slurm cluster (munged, slurmctld, slurmd)
  openssh-client openssh-server rsync slurm-wlm slurmctld slurmd slurm-client munge
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "install-deps: missing packages (${missing[*]}) and not root; run as root or install sudo" >&2
    exit 2
  fi
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
