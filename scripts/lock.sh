#!/usr/bin/env bash
# Rewrite constraints.txt: the versions the README's install commands (and so CI) use.
# Installs the project with its test extras (hub and charts included) into a new, temporary venv, newest versions
# the bounds in pyproject.toml allow, and freezes that venv. Run the tests on the result before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
venv="$(mktemp -d -t claimdesk-lock-XXXXXX)"
trap 'rm -rf "$venv"' EXIT

"$python" -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check -e '.[test]'
{
  echo "# Tested versions: pip install -c constraints.txt ... (regenerate with scripts/lock.sh)"
  echo "# Made with $("$venv/bin/python" -c 'import platform; print("Python", platform.python_version(), "on", platform.system())')."
  "$venv/bin/pip" freeze --exclude-editable --disable-pip-version-check | grep -vi '^claimdesk\b'
} > constraints.txt
echo "wrote constraints.txt ($(grep -vc '^#' constraints.txt) packages)"
