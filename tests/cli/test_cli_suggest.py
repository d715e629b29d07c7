"""`claimdesk suggest`: suggestions of the sample article, and accepting them through the tagging rules."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys


def run(*args):
    proc = subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_suggestions_of_the_sample_and_accepting_them_once(tmp_path, sample_path):
    project = tmp_path / "s.claimdesk"
    run("import", project, sample_path)
    found = json.loads(run("suggest", project, "--format", "json").stdout)
    text = sample_path.read_text(encoding="utf-8")
    quotes = [s for s in found if s["type"] == "Quote"]
    assert any("The main thing for us is to achieve our goals." in s["text"] for s in quotes)
    assert all(text[s["start"]:s["end"]] == s["text"] for s in found)
    assert {s["speaker"] for s in quotes} == {"Dmitry Peskov"}
    assert any(s["type"] == "Legitimacy assertion" and s["stance"] == "questions" for s in found)
    run("suggest", project, "--accept-all", "Quote", "--annotator", "Ana")
    run("suggest", project, "--accept-all", "quote", "--annotator", "Ana")  # the same spans: not tagged twice
    with sqlite3.connect(project) as db:
        rows = db.execute("SELECT speaker, annotator FROM annotations").fetchall()
    assert len(rows) == len(quotes) and set(rows) == {("Dmitry Peskov", "Ana")}
