"""brat from other tools: attribute values keep their own spelling, and what is left out is reported."""

from __future__ import annotations

from desktop.formats.importing import import_path
from desktop.formats.exporting import export

TEXT = "Peskov said the term has expired. Kyiv disagreed."


def _corpus(folder, ann: str, conf: str | None = None):
    folder.mkdir(exist_ok=True)
    (folder / "doc.txt").write_text(TEXT, encoding="utf-8")
    (folder / "doc.ann").write_text(ann, encoding="utf-8")
    if conf is not None:
        (folder / "annotation.conf").write_text(conf, encoding="utf-8")
    return folder / "doc.ann"


def _fields(project) -> dict[str, dict]:
    return {a.text: {"speaker": a.speaker, **a.fields} for a in project.annotations()}


def test_values_of_another_tool_keep_their_underscores(project, tmp_path):
    path = _corpus(tmp_path / "corpus", "T1\tClaim 0 6\tPeskov\nA1\tPolarity T1 Not_Applicable\n"
                                        "A2\tspeaker T1 Dmitry_Peskov\nA3\tScore T1 100%25\n",
                   "[entities]\nClaim\n[attributes]\nPolarity\tArg:Claim, Value:Not_Applicable|Positive\n")
    result = import_path(project, path)
    assert result.annotations == 1
    assert _fields(project)["Peskov"] == {"speaker": "Dmitry_Peskov", "Polarity": "Not_Applicable",
                                          "Score": "100%25"}


def test_claimdesk_export_reads_back_spaces_and_underscores(project, tmp_path):
    doc = project.add_document(TEXT, "Statement")
    tag = project.find_tag_type("1")
    project.create_annotation(doc.id, tag.id, 0, 6, speaker="Dmitry Peskov", fields={"kind": "press_call 100%"})
    export(project, tmp_path / "out")
    from desktop.store import Project

    with Project.open(tmp_path / "again.claimdesk", create=True) as again:
        import_path(again, tmp_path / "out" / "Statement.ann")
        assert _fields(again)["Peskov"] == {"speaker": "Dmitry Peskov", "kind": "press_call 100%"}


def test_comments_and_notes_on_relations_are_reported(project, tmp_path):
    path = _corpus(tmp_path / "corpus",
                   "T1\tClaim 0 6\tPeskov\nT2\tClaim 34 38\tKyiv\nR1\tDisagrees Arg1:T2 Arg2:T1\n"
                   "#1\tAnnotatorNotes T1\tthe spokesman\n#2\tAnnotatorNotes R1\tstrong reply\n"
                   "#3\tReviewed by anna, second round\n")
    result = import_path(project, path)
    assert result.annotations == 2
    assert {a.text: a.note for a in project.annotations()} == {"Peskov": "the spokesman", "Kyiv": ""}
    assert any("1 note(s) on relations" in p for p in result.problems)
    assert any("1 comment line(s)" in p for p in result.problems)
    assert any("relation" in p for p in result.problems)
