#!/usr/bin/env bash
# Installs her2guide with its test tools into .venv and runs the linter, the import contracts,
# the type checker and the whole test suite offscreen. Any arguments are passed to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system-packages.sh test
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
.venv/bin/ruff check .
.venv/bin/ruff format --check .  # one formatting for the whole tree
.venv/bin/lint-imports --no-cache  # the layer contracts in pyproject.toml
.venv/bin/mypy  # strict on the plain-Python modules (pyproject.toml)
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@"
