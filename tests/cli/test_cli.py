"""The command line, run as a user runs it: a subprocess, exit codes, stdout and the files it writes."""

import csv
import io
import sqlite3
import subprocess
import sys

import pytest

SAMPLE_SPANS = [
    ("3", "Zelenskyy’s legitimacy can be questioned", 1,
     ["--speaker", "Dmitry Peskov", "--target", "Volodymyr Zelenskyy", "--stance", "questions"]),
    ("quote", "The main thing for us is to achieve our goals.", 1, ["--speaker", "Dmitry Peskov"]),
    ("Claim", "Peskov", 3, ["--note", "=cmd|' /C calc'!A0"]),
]


def run(*args, check_rc=0):
    proc = subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8")
    assert proc.returncode == check_rc, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc


def read_csv(path):
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def test_tag_the_sample_by_text_and_export_exact_offsets(tmp_path, sample_path):
    project = tmp_path / "demo.claimdesk"
    out = run("import", project, sample_path).stdout
    doc_id, title = out.strip().split("\t")
    text = sample_path.read_text(encoding="utf-8")
    expected = []
    for tag, needle, occurrence, extra in SAMPLE_SPANS:
        ann_id = run("tag", project, doc_id, tag, "--text", needle, "--occurrence", occurrence, *extra).stdout.strip()
        start = -1
        for _ in range(occurrence):
            start = text.index(needle, start + 1)
        expected.append((int(ann_id), start, start + len(needle), needle))
    run("export", project, "-o", tmp_path / "out.csv")
    rows = read_csv(tmp_path / "out.csv")
    got = sorted((int(r["annotation_id"]), int(r["start"]), int(r["end"]), r["text"]) for r in rows)
    assert got == sorted(expected)
    for r in rows:
        assert text[int(r["start"]) : int(r["end"])] == r["text"]
    by_tag = {r["tag"]: r for r in rows}
    assert by_tag["Legitimacy assertion"]["stance"] == "questions"
    assert by_tag["Claim"]["note"].startswith("'="), "formula neutralised"
    info = run("info", project).stdout
    assert "Legitimacy assertion\t1" in info and "Quote\t1" in info and "Claim\t1" in info


MULTILINGUAL = (
    "Family 👨‍👩‍👧‍👦 emoji 🇺🇦 flag and 👋🏽 wave.\n"
    "Combining: e\u0301te\u0301 and n\u0303.\n"
    "Arabic: قال المتحدث إن الشرعية موضع شك.\n"
    "Chinese: 发言人说合法性值得怀疑。\n"
    "Cyrillic: Песков заявил, что легитимность Зеленского можно поставить под сомнение.\n"
    "Math 𝕏 letters.\n"
)
NEEDLES = ["👨‍👩‍👧‍👦", "🇺🇦 flag", "e\u0301te\u0301", "الشرعية موضع شك", "合法性值得怀疑", "легитимность Зеленского", "𝕏"]


def test_multilingual_text_round_trips_through_store_and_csv(tmp_path):
    src = tmp_path / "multi.txt"
    src.write_text(MULTILINGUAL, encoding="utf-8")
    project = tmp_path / "multi.claimdesk"
    doc_id = run("import", project, src).stdout.split("\t")[0]
    for needle in NEEDLES:
        run("tag", project, doc_id, "claim", "--text", needle)
    conn = sqlite3.connect(project)
    doc_text = conn.execute("SELECT text FROM documents").fetchone()[0]
    stored = conn.execute('SELECT start, "end", text FROM annotations ORDER BY id').fetchall()
    conn.close()
    assert doc_text == MULTILINGUAL
    assert [t for _, _, t in stored] == NEEDLES
    for start, end, t in stored:
        assert doc_text[start:end] == t
    run("export", project, "-o", tmp_path / "multi.csv")
    for row in read_csv(tmp_path / "multi.csv"):
        assert doc_text[int(row["start"]) : int(row["end"])] == row["text"]


def test_tag_by_offsets_and_errors_are_one_line(tmp_path, sample_path):
    project = tmp_path / "p.claimdesk"
    run("import", project, sample_path)
    assert run("tag", project, 1, 1, "--start", 0, "--end", 8).stdout.strip() == "1"
    err = run("tag", project, 1, 1, "--start", 5, "--end", 99999, check_rc=1).stderr
    assert err.count("\n") == 1 and "outside the document" in err
    err = run("tag", project, 1, "Nonsense", "--text", "Kremlin", check_rc=1).stderr
    assert "no tag type 'Nonsense'" in err
    err = run("tag", project, 7, 1, "--text", "Kremlin", check_rc=1).stderr
    assert "no document with id 7" in err
    err = run("info", tmp_path / "missing.claimdesk", check_rc=1).stderr
    assert err.startswith("claimdesk: error: no project at")


@pytest.mark.parametrize("args", [["tag"], ["export", "x.claimdesk"], ["tag", "p", "1", "1"], ["frobnicate-x", "--bogus"]])
def test_usage_errors_exit_2(args):
    run(*args, check_rc=2)


def test_help_documents_every_command():
    out = run("--help").stdout
    for command in ("import", "tag", "export", "info", "history", "bench"):
        assert f"claimdesk {command}" in out
    assert "--occurrence" in run("tag", "--help").stdout
    assert "--raw" in run("export", "--help").stdout


def test_a_mistyped_command_is_a_usage_error_and_creates_nothing(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "desktop", "infos", "demo.claimdesk"], capture_output=True,
                          text=True, cwd=tmp_path)
    assert proc.returncode == 2 and "neither a command nor a project" in proc.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("extra", [["--start", "3"], ["--text", "x", "--occurrence", "0"]])
def test_incomplete_tag_options_are_usage_errors(tmp_path, sample_path, extra):
    project = tmp_path / "p.claimdesk"
    run("import", project, sample_path)
    run("tag", project, 1, 1, *extra, check_rc=2)


def test_damaged_pdf_gives_one_line(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage without an end")
    proc = run("import", tmp_path / "p.claimdesk", bad, check_rc=1)
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("claimdesk: error:")

