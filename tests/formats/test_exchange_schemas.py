"""What Claimdesk writes validates against the standards' own schemas (copied into tests/data/schemas).

W3C: the Web Annotation Working Group's test suite (the one the Web Platform Tests use). An annotation, page or
collection passes when every assertion listed in the suite's ``*Musts.test`` file holds: a "must" schema with
expectedResult "valid" validates. Formats ``uri`` and ``date-time`` are checked (RFC 3986 scheme, RFC 3339).
REFI-QDA: Project.xsd (QDA-XML 1.0, 2019) for project.qde and Codebook.xsd for .qdc, with lxml.
"""

from __future__ import annotations

import copy
import json
import re
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest
from lxml import etree
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from desktop.formats.exporting import export

sys.path.insert(0, str(Path(__file__).parent))
from test_exchange_fixtures import build_rich_project  # noqa: E402

SCHEMAS = Path(__file__).resolve().parent.parent / "data" / "schemas"
W3C = SCHEMAS / "w3c-web-annotation-tests"

FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("uri")
def _uri(value) -> bool:
    return not isinstance(value, str) or bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", value))


@FORMATS.checks("date-time")
def _date_time(value) -> bool:
    return not isinstance(value, str) or bool(
        re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$", value))


def _registry() -> Registry:
    registry = Registry()
    for path in W3C.rglob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        registry = registry.with_resource(schema["id"], Resource(schema, DRAFT4))
    return registry


REGISTRY = _registry()


def failed_assertions(test_file: str, instance) -> list[str]:
    """The "must" assertions of a W3C ``.test`` file that ``instance`` does not satisfy."""
    failures = []
    for assertion in json.loads((W3C / test_file).read_text(encoding="utf-8"))["assertions"]:
        schema = json.loads((W3C / assertion).read_text(encoding="utf-8"))
        valid = jsonschema.Draft4Validator(schema, registry=REGISTRY, format_checker=FORMATS).is_valid(instance)
        if valid != (schema.get("expectedResult", "valid") == "valid"):
            failures.append(assertion)
    return failures


def holds(assertion: str, instance) -> bool:
    schema = json.loads((W3C / assertion).read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, registry=REGISTRY, format_checker=FORMATS).is_valid(instance)


@pytest.fixture
def exported(tmp_path):
    project = build_rich_project(tmp_path / "source.claimdesk")
    yield project, tmp_path
    project.close()


@pytest.fixture
def jsonld(exported):
    project, tmp_path = exported
    export(project, tmp_path / "out.jsonld")
    return json.loads((tmp_path / "out.jsonld").read_text(encoding="utf-8"))


def _standalone(item: dict, context) -> dict:
    """An annotation of the page as a document of its own (the collection's @context applies to it)."""
    return {"@context": context, **item}


def test_the_collection_and_its_page_satisfy_every_must(jsonld):
    assert jsonld["type"] == "AnnotationCollection" and jsonld["total"] == 8
    assert failed_assertions("collections/collectionMusts.test", jsonld) == []
    assert failed_assertions("collections/pages/pageMusts.test", jsonld) == []
    page = {"@context": jsonld["@context"], **jsonld["first"]}
    assert page["type"] == "AnnotationPage"
    assert failed_assertions("collections/pages/pageMusts.test", page) == []


def test_every_annotation_satisfies_every_must_and_uses_both_text_selectors(jsonld):
    items = jsonld["first"]["items"]
    assert len(items) == 8
    for item in items:
        annotation = _standalone(item, jsonld["@context"])
        assert failed_assertions("annotations/annotationMusts.test", annotation) == []
        assert holds("annotations/specificResource/4.2.4-textQuoteSelector.json", annotation)
        assert holds("annotations/specificResource/4.2.5-textPositionSelector.json", annotation)


def test_annotation_bodies_carry_tag_note_and_attributes(jsonld):
    item = next(i for i in jsonld["first"]["items"]
                if any(b.get("value") == "questions" for b in i["body"]))
    purposes = [(b["purpose"], b.get("field"), b["value"]) for b in item["body"]]
    assert ("tagging", None, "Legitimacy assertion") in purposes
    assert ("commenting", None, '=HYPERLINK("x")\nsecond line\twith a tab') in purposes
    assert ("describing", "speaker", "Dmitry Peskov") in purposes
    assert ("describing", "stance", "questions") in purposes
    assert ("describing", "certainty", "high") in purposes
    quote, position = item["target"]["selector"]
    assert quote["exact"] == "Zelenskyy’s legitimacy can be questioned"
    assert quote["prefix"].endswith("Peskov said 🙂 that ")
    assert position == {"type": "TextPositionSelector", "start": 19, "end": 59}


def test_the_checks_catch_a_broken_annotation(jsonld):
    annotation = _standalone(copy.deepcopy(jsonld["first"]["items"][0]), jsonld["@context"])
    del annotation["target"]
    assert "annotations/3.1-targetKeyFound.json" in failed_assertions("annotations/annotationMusts.test", annotation)
    annotation = _standalone(copy.deepcopy(jsonld["first"]["items"][0]), jsonld["@context"])
    annotation["created"] = "25 November 2026"
    assert failed_assertions("annotations/annotationMusts.test", annotation)


def _schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "refi-qda" / name)))


def test_project_qde_is_valid_against_the_refi_project_schema(exported):
    project, tmp_path = exported
    export(project, tmp_path / "out.qdpx")
    with zipfile.ZipFile(tmp_path / "out.qdpx") as zf:
        names = zf.namelist()
        qde = etree.fromstring(zf.read("project.qde"))
        sources = [n for n in names if n.startswith("sources/")]
        texts = {zf.read(n).decode("utf-8") for n in sources}
    schema = _schema("Project-mrt2019.xsd")
    assert schema.validate(qde), schema.error_log
    assert len(sources) == 2
    assert texts == {project.document(d.id).text for d in project.documents()}
    ns = {"q": "urn:QDA-XML:project:1.0"}
    assert len(qde.findall(".//q:PlainTextSelection", ns)) == 8
    assert {u.get("name") for u in qde.findall("q:Users/q:User", ns)} == {"ana", "bob"}
    assert qde.find("q:CodeBook/q:Codes/q:Code[@name='Quote']", ns).get("color") == "#56B4E9"
    assert qde.find("q:Cases/q:Case[@name='speaker: Dmitry Peskov']", ns) is not None
    assert qde.find(".//q:Code[@name='stance: questions']", ns) is not None
    assert len(qde.findall("q:Notes/q:Note", ns)) == 3


def test_codebook_qdc_is_valid_against_the_refi_codebook_schema(exported):
    project, tmp_path = exported
    count = export(project, tmp_path / "codebook.qdc")
    qdc = etree.parse(str(tmp_path / "codebook.qdc"))
    schema = _schema("Codebook.xsd")
    assert schema.validate(qdc), schema.error_log
    names = [c.get("name") for c in qdc.iter("{urn:QDA-XML:codebook:1.0}Code")]
    assert count == len(names)
    assert names[:3] == ["Quote", "Claim", "Legitimacy assertion"]
    assert "certainty: low" in names


def test_the_refi_schema_rejects_a_damaged_project(exported):
    project, tmp_path = exported
    export(project, tmp_path / "out.qdpx")
    with zipfile.ZipFile(tmp_path / "out.qdpx") as zf:
        qde = etree.fromstring(zf.read("project.qde"))
    selection = next(qde.iter("{urn:QDA-XML:project:1.0}PlainTextSelection"))
    del selection.attrib["startPosition"]
    assert not _schema("Project-mrt2019.xsd").validate(qde)
