"""The core layers (domain, store, formats) never import Qt; layers import only downwards."""

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import desktop

ROOT = Path(__file__).resolve().parent.parent


def _modules(package: str) -> list[str]:
    pkg_path = ROOT / "desktop" / package.split(".")[-1]
    return [package] + [m.name for m in pkgutil.walk_packages([str(pkg_path)], prefix=f"{package}.")]


def test_core_layers_load_without_pyside6():
    modules = (_modules("desktop.domain") + _modules("desktop.store") + _modules("desktop.formats")
               + _modules("desktop.ops") + _modules("desktop.assist") + ["desktop.cli"])
    assert "desktop.formats.refi.export" in modules, "subpackages are walked too"
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6')\n"
        "print(','.join(bad))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "", f"Qt was imported by the core: {proc.stdout}"


def test_import_contracts_hold():
    lint = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    proc = subprocess.run([lint, "--no-cache"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "broken" not in proc.stdout.lower() or "0 broken" in proc.stdout.lower()


def test_package_version_is_exposed():
    assert desktop.__version__


def test_the_session_layer_uses_no_widgets():
    """app/ adapts operations to Qt (QtCore, QtGui): it never builds or imports a widget."""
    import ast

    found = []
    for path in (ROOT / "desktop" / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            found += [f"{path.name}: {n}" for n in names if n.startswith("PySide6.QtWidgets") or
                      n.startswith("desktop.ui")]
    assert found == []
