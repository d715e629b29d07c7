"""The plain data types every layer passes around."""

from __future__ import annotations

from dataclasses import dataclass, field

STANCES = ("questions", "denies", "affirms", "asserts")


class ClaimdeskError(Exception):
    """An error whose message is meant for the analyst (one clear line)."""


class InvalidSpan(ClaimdeskError):
    """A span that is empty, out of range, or whose text does not match the document."""


class NotFound(ClaimdeskError):
    """A document, annotation or tag type that does not exist."""


@dataclass(frozen=True)
class FieldSpec:
    """One attribute a tag type carries: free text, or one of fixed choices."""

    name: str
    choices: tuple[str, ...] = ()
    label: str = ""

    def to_json(self) -> dict:
        data: dict = {"name": self.name}
        if self.choices:
            data["choices"] = list(self.choices)
        if self.label:
            data["label"] = self.label
        return data

    @classmethod
    def from_json(cls, data: dict | str) -> FieldSpec:
        if isinstance(data, str):
            return cls(name=data)
        return cls(
            name=data["name"],
            choices=tuple(data.get("choices") or ()),
            label=data.get("label", ""),
        )


# Attributes stored in their own annotation columns; any other field name is a custom field.
BUILTIN_FIELDS = ("speaker", "target", "stance")


@dataclass(frozen=True)
class TagType:
    id: int
    name: str
    color: str
    key: str = ""
    description: str = ""
    order: int = 0
    fields: tuple[FieldSpec, ...] = ()

    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def custom_fields(self) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.name not in BUILTIN_FIELDS)


@dataclass(frozen=True)
class Document:
    id: int
    title: str
    text: str
    sha256: str
    outlet: str = ""
    url: str = ""
    author: str = ""
    published: str = ""
    language: str = ""
    original_filename: str = ""
    encoding: str = ""
    note: str = ""
    imported_at: str = ""
    uuid: str = ""


@dataclass(frozen=True)
class DocumentSummary:
    """A document without its text, for lists."""

    id: int
    title: str
    outlet: str
    author: str
    url: str
    published: str
    language: str
    char_count: int
    annotation_count: int
    imported_at: str = ""


@dataclass(frozen=True)
class Annotation:
    id: int
    document_id: int
    tag_type_id: int
    start: int
    end: int
    text: str
    prefix: str = ""
    suffix: str = ""
    speaker: str = ""
    target: str = ""
    stance: str = ""
    note: str = ""
    annotator: str = ""
    created_at: str = ""
    updated_at: str = ""
    fields: dict = field(default_factory=dict, hash=False, compare=True)
    uuid: str = ""
    orphan: bool = False

