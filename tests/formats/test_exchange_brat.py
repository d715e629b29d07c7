"""brat standoff: the folder a brat server reads, and brat corpora written by brat and other tools."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop.formats.exchange import ExchangeFileError
from desktop.formats.exporting import export
from desktop.formats.importing import import_path

sys.path.insert(0, str(Path(__file__).parent))
from test_exchange_fixtures import ARTICLE, build_rich_project  # noqa: E402


@pytest.fixture
def corpus(tmp_path):
    project = build_rich_project(tmp_path / "source.claimdesk")
    export(project, tmp_path / "corpus")
    yield project, tmp_path / "corpus"
    project.close()


def test_the_folder_holds_texts_exactly_as_stored_and_brat_configuration(corpus):
    project, folder = corpus
    assert sorted(p.name for p in folder.iterdir()) == [
        ".claimdesk-export", "Kremlin 🙂 statement.ann", "Kremlin 🙂 statement.txt", "Second article.ann", "Second article.txt",
        "annotation.conf", "visual.conf"]
    assert (folder / "Kremlin 🙂 statement.txt").read_bytes() == ARTICLE.encode("utf-8")
    conf = (folder / "annotation.conf").read_text(encoding="utf-8")
    assert "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>" in conf
    assert "Legitimacy_assertion" in conf.split("[entities]")[1].split("[relations]")[0]
    visual = (folder / "visual.conf").read_text(encoding="utf-8")
    assert "Legitimacy_assertion | Legitimacy assertion" in visual
    assert "Quote\tbgColor:#56B4E9" in visual


def test_entities_attributes_and_notes_use_code_points_of_the_text(corpus):
    _project, folder = corpus
    text = (folder / "Kremlin 🙂 statement.txt").read_text(encoding="utf-8")
    lines = (folder / "Kremlin 🙂 statement.ann").read_text(encoding="utf-8").splitlines()
    entities = {}
    for line in lines:
        if line.startswith("T"):
            ident, head, shown = line.split("\t")
            label, offsets = head.split(" ", 1)
            pieces = [tuple(map(int, frag.split())) for frag in offsets.split(";")]
            assert " ".join(text[s:e] for s, e in pieces) == shown  # what brat checks
            entities[ident] = (label, pieces)
    legit = next(i for i, (label, _) in entities.items() if label == "Legitimacy_assertion")
    assert f"speaker {legit} Dmitry_Peskov" in [line.split("\t", 1)[1] for line in lines if line.startswith("A")]
    assert any(line.startswith("#") and line.endswith('\t=HYPERLINK("x")\\nsecond line\\twith a tab')
               for line in lines)
    across = [p for _, p in entities.values() if len(p) > 1]
    assert across, "a span across the blank line is written as fragments"
    assert all("\n" not in text[s:e] for p in across for s, e in p)


def test_exporting_again_replaces_the_export_but_never_another_folder(corpus, tmp_path):
    project, folder = corpus
    (folder / "Second article.ann").write_text("", encoding="utf-8")
    export(project, folder)
    assert (folder / "Second article.ann").read_text(encoding="utf-8").startswith("T1\tClaim")
    other = tmp_path / "thesis"
    other.mkdir()
    (other / "chapter1.docx").write_bytes(b"precious")
    with pytest.raises(ExchangeFileError, match="not an earlier brat export"):
        export(project, other, "brat")
    assert (other / "chapter1.docx").read_bytes() == b"precious"


def test_a_brat_corpus_from_windows_with_discontinuous_spans_and_relations(project, tmp_path):
    raw = "First line here.\r\nSecond line, with Kyiv and Moscow.\r\nThird line."
    (tmp_path / "doc1.txt").write_bytes(raw.encode("utf-8"))
    kyiv = raw.index("Kyiv")
    moscow = raw.index("Moscow")
    third = raw.index("Third")
    (tmp_path / "doc1.ann").write_text(
        f"T1\tLocation {kyiv} {kyiv + 4}\tKyiv\n"
        f"T2\tLocation {moscow} {moscow + 6}\tMoscow\n"
        f"T3\tEvent {kyiv} {kyiv + 4};{moscow} {moscow + 6}\tKyiv Moscow\n"
        f"T4\tEvent {third} {third + 5}\tThird\n"
        f"T5\tEvent 0 5\tWrong\n"
        f"R1\tNear Arg1:T1 Arg2:T2\n"
        f"A1\tNegated T4\n"
        f"A2\tConfidence T1 High\n"
        f"#1\tAnnotatorNotes T2\tcapital\\nof Russia\n",
        encoding="utf-8")
    result = import_path(project, tmp_path / "doc1.ann")
    [doc] = result.documents
    assert doc.text == raw.replace("\r\n", "\n") and doc.title == "doc1"
    got = {(project.tag_type(a.tag_type_id).name, a.text, a.note, tuple(sorted(a.fields.items())))
           for a in project.annotations()}
    assert got == {
        ("Location", "Kyiv", "", (("Confidence", "High"),)),
        ("Location", "Moscow", "capital\nof Russia", ()),
        ("Event", "Kyiv and Moscow", "", ()),  # a discontinuous entity becomes one span, and says so
        ("Event", "Third", "", (("Negated", "true"),)),  # offsets counted CRLF as two, as in the file
    }
    assert result.annotations == 4
    assert any("T3" in p and "discontinuous" in p for p in result.problems)
    assert any("T5" in p and "not there" in p for p in result.problems)
    assert any("relation" in p for p in result.problems)


def test_an_ann_file_without_its_text_is_refused(project, tmp_path):
    (tmp_path / "lonely.ann").write_text("T1\tX 0 4\tabcd\n", encoding="utf-8")
    with pytest.raises(ExchangeFileError, match="lonely.txt"):
        import_path(project, tmp_path / "lonely.ann")
