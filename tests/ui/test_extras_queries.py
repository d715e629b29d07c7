"""The reads the dialogs and the window share (desktop.store.ui_queries), on real files."""

from __future__ import annotations

from desktop.store import Project
from desktop.store.ui_queries import backup_counts, document_summary, document_titles, fts_query, search_hits


def test_document_summary_matches_the_full_list(project_path):
    with Project.open(project_path) as p:
        s = p.document_text(1).index("Dmitry Peskov")
        p.create_annotation(1, 1, s, s + 13)
        p.update_document(1, outlet="TASS")
        assert document_summary(p, 1) == next(d for d in p.documents() if d.id == 1)
        assert document_summary(p, 1).annotation_count == 1 and document_summary(p, 1).outlet == "TASS"
        assert document_summary(p, 99) is None
        assert document_titles(p, [1, 99]) == {1: p.document(1).title}


def test_search_quotes_every_word_and_can_match_a_prefix(project_path):
    assert fts_query('say "hi" OR') == '"say" """hi""" "OR"'
    assert fts_query("legit", prefix=True) == '"legit"*'
    assert fts_query("legit ", prefix=True) == '"legit"'  # a finished word matches only itself
    with Project.open(project_path) as p:
        assert search_hits(p, "legit") == []
        assert [h.id for h in search_hits(p, "legit", prefix=True)] == [1]


def test_backup_counts_reads_without_writing(project_path, tmp_path):
    before = project_path.read_bytes()
    assert backup_counts(project_path) == (1, 0)
    assert project_path.read_bytes() == before
    junk = tmp_path / "junk.claimdesk"
    junk.write_bytes(b"not a database at all")
    assert backup_counts(junk) is None and backup_counts(tmp_path / "missing.claimdesk") is None
