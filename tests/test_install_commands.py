"""The README's install commands are the ones CI runs, and constraints.txt pins every dependency they install."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def readme_command(comment: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(rf"```bash\n# {re.escape(comment)}\n(.+?)\n```", readme, re.S)
    assert block, f"the README has no command under '# {comment}'"
    return block[1].strip()


def pins() -> dict[str, str]:
    found = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints.txt pins exact versions only: {line!r}"
            found[canonicalize_name(name)] = version.strip()
    return found


def test_ci_runs_the_readme_test_command_as_written():
    command = readme_command("Install the test extras and run the tests (headless; no screen needed)")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci.splitlines(), f".ci/run does not run {command!r}"
    assert "-c constraints.txt" in command
    assert "upgrade pip" not in ci


def test_the_app_command_uses_the_same_constraints():
    command = readme_command("Install and open the app on the sample article")
    assert "-c constraints.txt" in command and command.endswith(".venv/bin/claimdesk")


def test_every_declared_dependency_is_pinned_within_its_bounds():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        declared += extra
    pinned = pins()
    assert "claimdesk" not in pinned
    for line in declared:
        req = Requirement(line)
        if req.name == "claimdesk" or (req.marker and not req.marker.evaluate()):
            continue
        name = canonicalize_name(req.name)
        assert name in pinned, f"{req.name} is declared but not pinned in constraints.txt (run scripts/lock.sh)"
        assert req.specifier.contains(pinned[name], prereleases=True), f"{req.name}=={pinned[name]} is not {req}"
        if "binary" in req.extras:  # psycopg[binary] installs psycopg-binary: pinned too
            assert canonicalize_name(f"{req.name}-binary") in pinned


def test_the_lxml_cleaner_is_a_direct_dependency():
    """pip before 23.3 skips jusText's lxml[html_clean] extra; the web-page import needs the cleaner installed."""
    names = {canonicalize_name(Requirement(d).name) for d in tomllib.loads(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]}
    assert "lxml-html-clean" in names
    assert "filelock" not in names
