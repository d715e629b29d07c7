"""`claimdesk import --annotator NAME`: each coder's annotated file becomes that coder's annotations in one
project; the same coder's file imported twice adds nothing."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = "Peskov said the talks were over. Zelenskyy's legitimacy can be questioned, he added.\n"
ANN = "T1\tQuote 0 31\tPeskov said the talks were over\n"
TRAINING = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "polnear" / "data" / "annotator-training"


def run(*args):
    proc = subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_each_coder_file_becomes_that_coders_annotations(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.ann").write_text(ANN, encoding="utf-8")
    project = tmp_path / "team.claimdesk"
    run("import", project, tmp_path / "a.ann", "--annotator", "Ana")
    run("import", project, tmp_path / "a.ann", "--annotator", "Ben")
    run("import", project, tmp_path / "a.ann", "--annotator", "Ben")  # again: nothing new
    with sqlite3.connect(project) as db:
        assert db.execute("SELECT count(*) FROM documents").fetchone() == (1,)
        rows = sorted(db.execute("SELECT annotator, start, \"end\" FROM annotations"))
    assert rows == [("Ana", 0, 31), ("Ben", 0, 31)]


@pytest.mark.skipif(not TRAINING.is_dir(), reason="the PolNeAR corpus is not beside the project")
def test_six_coders_of_the_training_articles_in_one_project(tmp_path):
    project = tmp_path / "training.claimdesk"
    coders = set()
    for ann in sorted((TRAINING / "attributions").glob("*.ann")):
        stem, coder = ann.stem.rsplit("_", 1)
        work = tmp_path / coder
        work.mkdir(exist_ok=True)
        shutil.copy(TRAINING / "text" / f"{stem}.txt", work / f"{stem}.txt")
        shutil.copy(ann, work / f"{stem}.ann")
        run("import", project, work / f"{stem}.ann", "--annotator", coder)
        coders.add(coder)
    with sqlite3.connect(project) as db:
        assert db.execute("SELECT count(*) FROM documents").fetchone() == (4,)
        found = {r[0] for r in db.execute("SELECT DISTINCT annotator FROM annotations")}
    assert found == coders and len(coders) == 6
