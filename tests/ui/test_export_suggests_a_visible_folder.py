"""The first export suggests the user's documents folder, not Claimdesk's hidden data folder; then the folder
used last."""

from __future__ import annotations

from pathlib import Path

from desktop.formats.importing import import_file
from desktop.store import Project
from desktop.ui import dialogs


def test_export_suggestions_follow_the_analyst(open_window, data_dir, sample_path, tmp_path, monkeypatch):
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "Sample.claimdesk"
    with Project.open(path, create=True) as p:
        import_file(p, sample_path)
    window = open_window(path)
    asked: list[Path] = []
    out = tmp_path / "exports" / "mine.csv"
    out.parent.mkdir()

    def choose(parent, suggested):
        asked.append(suggested)
        return out

    monkeypatch.setattr(dialogs, "export_path", choose)
    window.export_csv()
    assert asked[0].parent != data_dir and data_dir not in asked[0].parents
    assert out.is_file()
    window.export_csv()
    assert asked[1].parent == out.parent
