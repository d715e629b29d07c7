#!/usr/bin/env bash
# Before a release: install the newest versions pyproject.toml allows (constraints.txt NOT used) into a temporary
# venv, list what differs from constraints.txt, and run the tests headless. Exit code: pytest's.
# When they pass, scripts/lock.sh moves constraints.txt to those versions.
set -uo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
venv="$(mktemp -d -t claimdesk-latest-XXXXXX)"
trap 'rm -rf "$venv"' EXIT

"$python" -m venv "$venv" || exit 1
"$venv/bin/pip" install -q --disable-pip-version-check --upgrade --upgrade-strategy eager -e '.[test]' || exit 1
echo "# newer than constraints.txt (or not in it):"
"$venv/bin/pip" freeze --exclude-editable --disable-pip-version-check | grep -vi '^claimdesk\b' \
  | grep -vxFf <(grep -v '^#' constraints.txt) || echo "# none"
QT_QPA_PLATFORM=offscreen "$venv/bin/python" -m pytest -q -p no:cacheprovider "$@"
