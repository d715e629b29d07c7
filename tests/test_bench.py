"""``claimdesk bench`` on tiny sizes: every figure is printed as ``name: value unit``; no timing is asserted."""

import re
import subprocess
import sys

from desktop.store import Project

FIGURE = re.compile(r"^(?P<name>[a-z][a-z0-9_]*): (?P<value>\d+(\.\d+)?) (?P<unit>\S+)( \(.+\))?$")
STORE_FIGURES = {
    "make_project_s", "bare_insert_ms", "bare_insert_p95_ms", "export_rows_per_s", "bare_export_rows_per_s",
    "export_vs_bare_ratio", "cli_export_s", "cli_export_vs_bare_ratio", "find_ms", "search_ms", "store_open_backup_ms", "store_open_ms", "store_load_big_ms",
    "store_tag_ms", "store_tag_p95_ms", "peak_rss_mb",
}
WINDOW_FIGURES = {
    "qt_start_ms", "open_ms", "switch_doc_ms", "switch_floor_ms", "switch_vs_floor_ratio", "tag_p50_ms", "tag_p95_ms",
    "tag_vs_bare_ratio", "tag_save_p95_ms", "tag_screen_p95_ms",
}
TINY = ["--docs", "4", "--annotations", "80", "--big-chars", "4000", "--tags", "3"]


def run(*args):
    proc = subprocess.run([sys.executable, "-m", "desktop", "bench", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.stdout


def figures(out: str) -> dict[str, str]:
    found = {}
    for line in out.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        match = FIGURE.match(line)
        assert match, f"not a 'name: value unit' line: {line!r}"
        found[match["name"]] = match["unit"]
    return found


def test_store_figures_are_printed_one_per_line():
    found = figures(run(*TINY, "--no-window"))
    assert STORE_FIGURES <= set(found), STORE_FIGURES - set(found)
    assert found["export_rows_per_s"] == "rows/s" and found["peak_rss_mb"] == "MB"


def test_window_figures_come_from_the_real_widgets():
    out = run(*TINY)
    found = figures(out)
    assert STORE_FIGURES | WINDOW_FIGURES <= set(found), (STORE_FIGURES | WINDOW_FIGURES) - set(found)
    assert re.search(r"^tag_p95_ms: .*baseline bare insert", out, re.M)
    assert re.search(r"^open_ms: .*1000 ms", out, re.M), "the target is printed beside the figure"
    assert re.search(r"^switch_vs_floor_ratio: \S+ x \(target <= 2\.00 x", out, re.M), "the switch goal is printed"
    assert re.search(r"^tag_vs_bare_ratio: \S+ x \(target <= 8\.00 x", out, re.M), "the tag goal is printed"


def test_make_project_writes_a_project_to_try(tmp_path):
    path = tmp_path / "big.claimdesk"
    out = run("--make-project", path, *TINY)
    assert set(figures(out)) == {"big_document_id", "make_project_s"}
    big_id = int(re.search(r"^big_document_id: (\d+)", out, re.M)[1])
    with Project.open(path, readonly=True) as project:
        docs = project.documents()
        assert len(docs) == 4 and project.annotation_count() == 80
        big = project.document(big_id)
        assert len(big.text) >= 4000 and project.annotation_count(big_id) == 8
        spans = sorted((a.start, a.end) for a in project.annotations())
        assert any(b[0] < a[1] for a, b in zip(spans, spans[1:])), "some spans overlap"
        assert any(a.stance for a in project.annotations()) and any(a.note for a in project.annotations())
        assert len(project.history()) == 80
    proc = subprocess.run([sys.executable, "-m", "desktop", "export", path, "-o", tmp_path / "out.csv"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out.csv").read_bytes().count(b"\r\n") >= 81


def test_an_existing_file_is_not_overwritten(tmp_path):
    path = tmp_path / "mine.claimdesk"
    path.write_bytes(b"precious")
    proc = subprocess.run([sys.executable, "-m", "desktop", "bench", "--make-project", str(path), *TINY],
                          capture_output=True, text=True)
    assert proc.returncode == 1 and "exists already" in proc.stderr
    assert path.read_bytes() == b"precious"
