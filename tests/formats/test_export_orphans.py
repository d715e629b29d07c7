"""An orphan (its text gone from a corrected document) is never exported at offsets that no longer hold it."""

import json
import zipfile

from desktop.formats.exporting import export
from desktop.store.reanchor import replace_document_text

TEXT = "Peskov said the talks are stalled. Zelenskyy's legitimacy can be questioned, he added."


def _project_with_orphan(project):
    doc = project.add_document(TEXT, "Briefing")
    kept = project.create_annotation(doc.id, 1, 0, 6, speaker="Peskov")
    lost = project.create_annotation(doc.id, 3, TEXT.index("Zelenskyy"), TEXT.index(", he"), stance="questions")
    replace_document_text(project, doc.id, TEXT.replace("Zelenskyy's legitimacy can be questioned", "nothing"))
    assert project.annotation(lost.id).orphan
    return doc, kept, lost


def test_brat_and_refi_leave_orphans_out(project, tmp_path):
    doc, kept, lost = _project_with_orphan(project)
    assert export(project, tmp_path / "brat", "brat") == 1
    ann_text = next((tmp_path / "brat").glob("*.ann")).read_text(encoding="utf-8")
    assert "Peskov" in ann_text and "legitimacy" not in ann_text
    assert export(project, tmp_path / "p.qdpx") == 1
    with zipfile.ZipFile(tmp_path / "p.qdpx") as z:
        qde = z.read("project.qde").decode("utf-8")
    assert "legitimacy can be questioned" not in qde


def test_w3c_anchors_an_orphan_by_its_quote_only(project, tmp_path):
    doc, kept, lost = _project_with_orphan(project)
    export(project, tmp_path / "a.jsonld")
    data = json.loads((tmp_path / "a.jsonld").read_text(encoding="utf-8"))
    items = data["first"]["items"] if "first" in data else data["items"]
    by_quote = {}
    for item in items:
        selectors = item["target"]["selector"]
        by_quote[selectors[0]["exact"]] = [s["type"] for s in selectors]
    assert by_quote["Zelenskyy's legitimacy can be questioned"] == ["TextQuoteSelector"]
    assert by_quote["Peskov"] == ["TextQuoteSelector", "TextPositionSelector"]


def test_csv_marks_orphans_in_both_writers(project, tmp_path):
    import csv
    import io

    doc, kept, lost = _project_with_orphan(project)
    for name, extra in (("plain.csv", None), ("custom.csv", "frame")):
        if extra:  # a custom field whose name SQL cannot spread takes the general writer
            project.add_tag_type('Fr"ame', "#009E73", fields=[{"name": 'fr"ame'}])
        export(project, tmp_path / name)
        rows = list(csv.DictReader(io.StringIO((tmp_path / name).read_bytes().decode("utf-8-sig"), newline="")))
        assert list(rows[0])[-1] == "orphan"
        assert {r["annotation_id"]: r["orphan"] for r in rows} == {str(kept.id): "", str(lost.id): "1"}
