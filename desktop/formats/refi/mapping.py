"""How Claimdesk's data maps onto REFI-QDA (QDA-XML 1.0), in both directions.

| Claimdesk | REFI-QDA |
|---|---|
| tag type | a top-level ``Code`` (``isCodable="true"``, its ``color``, ``Description``) |
| stance, and any custom field with fixed choices | a child ``Code`` of the tag type's code named ``stance: questions``; the selection is coded with both codes |
| speaker, target, and free-text custom fields | a ``Case`` named ``speaker: Dmitry Peskov`` with a ``SelectionRef`` to every selection that has that value |
| annotation | a ``PlainTextSelection`` of its source: ``guid`` the annotation's uuid, ``startPosition``/``endPosition`` in code points (end exclusive), ``name`` the span's text, creating and modifying user and times, and a ``Coding`` of its tag's code |
| note | a ``Note`` (``PlainTextContent``) referenced by a ``NoteRef`` from the selection, and the selection's ``Description`` |
| speaker, target (again) | lines ``speaker: Dmitry Peskov`` and ``target: …`` after the note in the selection's ``Description`` |
| annotator | a ``User``; the guid is derived from the name, so it is the same in every export |
| document | a ``TextSource`` (``guid`` the document's uuid, ``name`` its title) whose text is ``sources/GUID.txt`` in UTF-8, exactly as stored |
| outlet, url, author, published, language | ``Variables`` (Text) with a ``VariableValue`` in each source |

REFI has no attributes on codings, hence Cases and child codes; "FIELD: VALUE" names are how the import knows
them again. On import, a child code named "X: Y" of a codable code is an attribute value of the parent's tag
type, a Case named "X: Y" sets field X to Y on the selections it refers to, and every other codable code is a
tag type of its own name.

QualCoder reads neither Cases nor Notes of a selection, only its ``Description``: that is why the note is written
there too, followed by a paragraph of readable ``speaker: …`` / ``target: …`` lines. On import such a last
paragraph sets those fields (when no Case does) and is not part of the note; a note met both in the
``Description`` and in a Note is kept once.
"""

from __future__ import annotations

import re
import uuid as uuidlib

from lxml import etree

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
NAMESPACE = uuidlib.uuid5(uuidlib.NAMESPACE_URL, "urn:claimdesk:refi-qda")
# Document columns carried as REFI Variables on each source.
DOCUMENT_VARIABLES = ("outlet", "url", "author", "published", "language")
_GUID = re.compile(r"^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$")
_DATETIME = re.compile(r"^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PAIR = re.compile(r"^\s*([^:]{1,60}?)\s*:\s(.*)$", re.S)
DESCRIBED_FIELDS = ("speaker", "target")  # written readably in a selection's Description, for QualCoder
_DESCRIBED = re.compile(rf"^({'|'.join(DESCRIBED_FIELDS)}): (\S.*)$")


def guid(*parts: str) -> str:
    """A stable guid for a named thing (user, code, case, note), the same in every export."""
    return str(uuidlib.uuid5(NAMESPACE, "\x1f".join(parts)))


def guid_or_derived(value: str, *parts: str) -> str:
    """``value`` when it is a valid GUID (a document's or annotation's uuid), else one derived from ``parts``."""
    return value if value and _GUID.match(value) else guid(*parts, value or "")


def is_guid(value: str) -> bool:
    return bool(_GUID.match(value or ""))


def write_description(note: str, values: dict[str, str]) -> str:
    """A selection's Description: the note, then ``speaker: …`` / ``target: …`` lines (one line each)."""
    lines = [f"{name}: {' '.join(values[name].split())}" for name in DESCRIBED_FIELDS if (values.get(name) or "").strip()]
    return "\n\n".join(part for part in (note.strip(), "\n".join(lines)) if part)


def read_description(text: str) -> tuple[str, dict[str, str]]:
    """(note, {field: value}) of a Description written by :func:`write_description` (or by hand the same way)."""
    paragraphs = (text or "").strip().split("\n\n")
    found = [_DESCRIBED.match(line.strip()) for line in paragraphs[-1].split("\n")]
    if not paragraphs[-1] or not all(found):
        return (text or "").strip(), {}
    return "\n\n".join(paragraphs[:-1]).strip(), {m.group(1): m.group(2).strip() for m in found}


def is_datetime(value: str) -> bool:
    return bool(value) and bool(_DATETIME.match(value))


def xml_text(value: str) -> str:
    """Text XML 1.0 can hold (control characters other than tab and line breaks are dropped)."""
    return _XML_BAD.sub("", value or "")


def pair_name(field_name: str, value: str) -> str:
    """The name of a child code or case that carries a field's value: ``stance: questions``."""
    return f"{field_name}: {value}"


def split_pair(name: str) -> tuple[str, str] | None:
    """``("stance", "questions")`` for ``"stance: questions"``; None for a name of another shape."""
    found = _PAIR.match(name or "")
    if not found or not found.group(2).strip():
        return None
    return found.group(1), found.group(2)


def local(el) -> str:
    """An element's name without its namespace (tools write 1.0, older 0.4 or none)."""
    tag = el.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def children(el, name: str) -> list:
    """The child elements called ``name`` (none for a missing parent)."""
    return [] if el is None else [c for c in el if local(c) == name]


def child(el, name: str):
    if el is None:
        return None
    for c in el:
        if local(c) == name:
            return c
    return None


def text_of(el, name: str) -> str:
    c = child(el, name) if el is not None else None
    return (c.text or "") if c is not None else ""
