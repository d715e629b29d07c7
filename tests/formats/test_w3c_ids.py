"""The W3C export names every node once: the collection, its page and each annotation have ids of their own."""

from __future__ import annotations

import json

from desktop.formats.exporting import export


def _ids(node, found: list[str]) -> list[str]:
    if isinstance(node, dict):
        if "id" in node and ("type" in node or "items" in node):
            found.append(node["id"])
        for key, value in node.items():
            if key != "source":  # an annotation's document is named by every annotation of it
                _ids(value, found)
    elif isinstance(node, list):
        for value in node:
            _ids(value, found)
    return found


def test_the_page_is_not_the_collection(project, tmp_path):
    doc = project.add_document("Peskov said the term has expired.", "Statement")
    tag = project.find_tag_type("1")
    project.create_annotation(doc.id, tag.id, 0, 6)
    export(project, tmp_path / "out.jsonld")
    data = json.loads((tmp_path / "out.jsonld").read_text(encoding="utf-8"))
    page = data["first"]
    assert page["id"] != data["id"]
    assert data["last"] == page["id"]
    ids = _ids(data, [])
    assert len(ids) == len(set(ids)) == 3  # collection, page, annotation


def test_the_page_id_stays_the_same_on_every_export(project, tmp_path):
    export(project, tmp_path / "a.jsonld")
    export(project, tmp_path / "b.jsonld")
    a, b = (json.loads((tmp_path / n).read_text(encoding="utf-8")) for n in ("a.jsonld", "b.jsonld"))
    assert a["first"]["id"] == b["first"]["id"] and a["first"]["id"].startswith("urn:uuid:")
