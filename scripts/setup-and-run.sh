#!/usr/bin/env bash
# Installs her2guide into .venv (with the system libraries Qt needs) and starts it.
# Any arguments are passed to the app, e.g. --lang de or --page side-effects.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system-packages.sh app
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/her2guide "$@"
