"""Choosing the encoding of article bytes that carry no byte-order mark.

charset-normalizer proposes the candidates. On short European texts it often cannot tell apart encodings that
decode the same bytes into different letters (Windows-1251, KOI8-R and Mac Cyrillic; Windows-1250, -1252 and
-1257), so every single-byte candidate is also scored here on what a reader would notice in the decoded text:

* *letters*: the share of non-ASCII characters that belong to the alphabet of one language (or are common
  typographic punctuation not glued into a word), best language taken;
* *word shape*: the share of words with non-ASCII letters that are lower case, Capitalised or ALL CAPS and keep to
  one script (KOI8-R read as Windows-1251 gives "лЕГИТИМНОСТЬ", French read as Windows-1250 gives "rčgle").

The best-scoring candidate wins; ties go to the more common encoding. When no single-byte reading looks like
text in a known alphabet, charset-normalizer's own choice stands (Japanese, Chinese, Korean ...).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Single-byte encodings tried besides charset-normalizer's candidates, most common first (ties go left).
PREFERRED = (
    "cp1252", "cp1251", "cp1250", "koi8_r", "iso8859_2", "cp1253", "cp1254", "cp1257", "iso8859_15",
    "iso8859_5", "koi8_u", "iso8859_7", "iso8859_13", "iso8859_9", "mac_cyrillic", "cp866", "cp1256",
    "cp1255", "mac_roman", "iso8859_1",
)

_CYR_RU = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
ALPHABETS = {
    "french": "àâæçéèêëîïôœùûüÿ",
    "german": "äöüß",
    "spanish": "áéíñóúü",
    "portuguese": "áâãàçéêíóôõú",
    "italian": "àèéìíîòóùú",
    "catalan": "àçèéíïòóúü",
    "dutch": "éëïèáóöüêç",
    "nordic": "åæøäöéáðþíóúý",
    "polish": "ąćęłńóśźż",
    "czech": "áčďéěíňóřšťúůýž",
    "slovak": "áäčďéíĺľňóôŕšťúýž",
    "hungarian": "áéíóöőúüű",
    "romanian": "ăâîșşțţ",
    "croatian": "čćđšž",
    "slovene": "čšž",
    "turkish": "çğıiöşüîâ",
    "baltic": "āąčēęėģīįķļņšūųž",
    "estonian": "äõöüšž",
    "russian": _CYR_RU,
    "ukrainian": _CYR_RU.replace("ё", "").replace("ъ", "").replace("ы", "").replace("э", "") + "ґєії",
    "belarusian": _CYR_RU.replace("и", "").replace("щ", "").replace("ъ", "") + "іў",
    "serbian": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "macedonian": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    "greek": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς",
}
_LETTER_SETS = {name: frozenset(letters) for name, letters in ALPHABETS.items()}
# Whole scripts without case, accepted as they are.
_SCRIPT_RANGES = {"arabic": (0x0600, 0x06FF), "hebrew": (0x0590, 0x05FF)}
# Typographic punctuation any text may hold; those in _GLUED may also touch a letter.
_PUNCT = frozenset("–—„“”‘’‚…«»‹›€£°§±×÷©®™•·¶\u00a0¡¿№¬¦¤µ¹²³¼½¾")
_GLUED = frozenset("„“”‘’‚…«»‹›·–—\u00a0")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)[\"'«„“(]*(\w)")
ACCEPT = 0.9  # a single-byte reading scoring at least this is taken over a multi-byte guess
REFUSE = 0.5  # below this, no single-byte reading looks like prose: the bytes are not text
# EBCDIC code pages read any byte as some letter; no article arrives in them.
_EBCDIC = frozenset({"cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140"})


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "?"


def _shape_ok(word: str) -> bool:
    scripts = {_script(c) for c in word if c.isalpha()}
    if len(scripts) > 1:
        return False
    return word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower()) \
        or word.lower() == word.upper()


def plausibility(text: str) -> float:
    """How much ``text`` looks like prose in a known alphabet (0 to 1); pure-ASCII text scores 1."""
    counts = dict.fromkeys(_LETTER_SETS, 0)
    counts.update(dict.fromkeys(_SCRIPT_RANGES, 0))
    total = punct = 0
    n = len(text)
    for i, ch in enumerate(text):
        if ch < "\x80":
            continue
        total += 1
        if ch in _PUNCT:
            near = (i > 0 and text[i - 1].isalpha()) or (i + 1 < n and text[i + 1].isalpha())
            if ch in _GLUED or not near:
                punct += 1
            continue
        low = "ı" if ch == "İ" else ch.lower()
        for name, letters in _LETTER_SETS.items():
            if low in letters:
                counts[name] += 1
        code = ord(ch)
        for name, (lo, hi) in _SCRIPT_RANGES.items():
            if lo <= code <= hi:
                counts[name] += 1
    if total == 0:
        return 1.0
    letters = (max(counts.values()) + punct) / total
    words = _non_ascii_words(text)
    shape = sum(_shape_ok(w) for w in words) / len(words) if words else 1.0
    return letters * shape


def sentence_case(text: str) -> float:
    """The share of sentences whose first letter is upper case, over sentences starting with a non-ASCII letter.

    Breaks the tie between two readings that swap case (KOI8-R read as Windows-1251 and back)."""
    starts = [m.group(1) for m in _SENTENCE_START.finditer(text) if not m.group(1).isascii()]
    cased = [c for c in starts if c.lower() != c.upper()]
    return sum(c.isupper() for c in cased) / len(cased) if cased else 1.0


def _non_ascii_words(text: str) -> list[str]:
    words, current = [], []
    for ch in text:
        if ch.isalpha():
            current.append(ch)
            continue
        if current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return [w for w in words if not w.isascii()]


def _canonical(name: str) -> str:
    return codecs.lookup(name).name


def _single_byte(name: str) -> bool:
    try:
        return len(codecs.lookup(name).encode("a")[0]) == 1 and not _canonical(name).startswith(("utf", "ascii"))
    except (LookupError, UnicodeError):
        return False


def detect_single_or_multibyte(data: bytes) -> tuple[str, str] | None:
    """Decode BOM-less, NUL-free, non-UTF-8 bytes; returns (text, encoding) or None if nothing fits."""
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    sample = data[:30_000]
    names: list[str] = list(PREFERRED)
    for match in results:
        if match.encoding not in names:
            names.append(match.encoding)
    readings: list[tuple[tuple[float, float], str, str]] = []
    seen: set[str] = set()
    for name in names:
        if not _single_byte(name):
            continue
        canonical = _canonical(name)
        if canonical in _EBCDIC:
            continue
        if canonical in seen:
            continue
        seen.add(canonical)
        try:
            decoded = sample.decode(canonical)
        except UnicodeDecodeError:
            continue
        if any("\x80" <= c <= "\x9f" for c in decoded):  # C1 controls never appear in real text
            continue
        readings.append(((round(plausibility(decoded), 3), sentence_case(decoded)), canonical, decoded))
    if readings:
        top_key = max(r[0] for r in readings)
        top = [r for r in readings if r[0] == top_key]
        if len({r[2] for r in top}) > 1:
            # Different texts score alike: trust charset-normalizer's order between them.
            cn_order = [_canonical(m.encoding) for m in results]
            top.sort(key=lambda r: cn_order.index(r[1]) if r[1] in cn_order else len(cn_order))
        name = top[0][1]
        if top_key[0] < REFUSE and (best is None or _single_byte(best.encoding)):
            return None
        if top_key[0] >= ACCEPT or best is None or _single_byte(best.encoding):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                pass
    if best is None or _canonical(best.encoding) in _EBCDIC:
        return None
    return str(best), _canonical(best.encoding)


def detect_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark (a file holding NUL bytes): the reading that looks like text, if any."""
    if len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        ordinary = sum(1 for c in text if c.isprintable() or c in "\n\r\t")
        share = ordinary / max(1, len(text))
        if "\x00" in text:
            share = 0.0
        score = share * plausibility(text[:100_000])
        if best is None or score > best[0]:
            best = (score, text, name)
    if best is None or best[0] < ACCEPT:
        return None
    return best[1], best[2]
