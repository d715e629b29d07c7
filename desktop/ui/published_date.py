"""Reading the published date an analyst types: ISO dates as they are, common written forms turned into ISO.

``25/11/2024``, ``25.11.2024``, ``2024/11/25``, ``25 November 2024`` and ``Nov 25, 2024`` all become
``2024-11-25``; ``November 2024`` becomes ``2024-11``. Numeric dates are read day first (as written in Europe)
unless only the other order makes a date (``11/25/2024``).
"""

from __future__ import annotations

import re
from datetime import date

ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                 r"(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$")
MONTHS = {name: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
     ("nov", "november"), ("dec", "december")), start=1) for name in names}
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_YEAR_LAST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]+)\.?,?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,?\s+(\d{4})$")
HINT = "YYYY-MM-DD, or e.g. 25/11/2024, 25 November 2024, Nov 25, 2024 (also YYYY-MM or YYYY)"


class DateNotRead(ValueError):
    """The text is not a date this module can read; the message says why, for the analyst."""


def _iso(year: int, month: int, day: int | None = None) -> str:
    try:
        date(year, month, day or 1)
    except ValueError:
        raise DateNotRead("There is no such date.") from None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def _month(name: str) -> int:
    if name not in MONTHS:
        raise DateNotRead(f"\u201c{name.capitalize()}\u201d is not the name of a month.")
    return MONTHS[name]


def normalize_published(value: str) -> str:
    """The ISO form of a published date ("" for none); raises DateNotRead when it cannot be read."""
    text = " ".join(value.split())
    if not text:
        return ""
    m = ISO.match(text)
    if m is not None:
        _iso(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
        return text
    lower = text.casefold()
    if m := _YEAR_FIRST.match(lower):
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _YEAR_LAST.match(lower):
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if second > 12 >= first:  # only month-first makes a date: 11/25/2024
            first, second = second, first
        return _iso(year, second, first)
    if m := _DAY_MONTH_YEAR.match(lower):
        return _iso(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
    if m := _MONTH_DAY_YEAR.match(lower):
        return _iso(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
    if m := _MONTH_YEAR.match(lower):
        return _iso(int(m.group(2)), _month(m.group(1)))
    raise DateNotRead("Not a date: write it as YYYY-MM-DD (or e.g. 25/11/2024, Nov 25, 2024).")


def date_problem(value: str) -> str | None:
    """Why ``value`` is not a usable published date, as a short sentence for the analyst; None when it is."""
    try:
        normalize_published(value)
    except DateNotRead as exc:
        return str(exc)
    return None
