"""Locate files shipped in ``resources/`` (inside the wheel as ``desktop/resources``)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource: the installed copy, else the repository folder (editable installs)."""
    for base in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        candidate = base.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError("/".join(parts))


def sample_article() -> Path:
    """The sample article a new user sees on the first run."""
    for base in (_PACKAGE / "resources" / "seeds", _PACKAGE.parent / "seeds"):
        if base.is_dir():
            found = sorted(base.glob("*.txt"))
            if found:
                return found[0]
    raise FileNotFoundError("seeds/*.txt")
