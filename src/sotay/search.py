"""Tone-mark-insensitive site search: add folded copies of each search document's title and text to
Material's lunr index (site/search/search_index.json), so that "dich vu cong" finds "dịch vụ công".

Material's search worker builds the lunr index from ``config.fields`` (name -> {"boost": n}) and reads
each field from the documents, so extra fields need no change to the theme. Query-side folding alone
cannot work: Material appends ``*`` to every term and lunr then skips its pipeline.
"""
from __future__ import annotations

import gzip
import html
import json
import re
from pathlib import Path

from sotay.text import fold, nfc, other_tone_placement

# Folded field -> the field it copies (with the same boost).
FOLDED_FIELDS = {"title_fold": "title", "text_fold": "text", "tags_fold": "tags"}
# Field -> the field whose words with a movable tone mark it holds in the other placement ("hoà" <->
# "hòa"), so that either spelling typed finds both, also while the word is being typed ("hoà" -> "hoàng").
PLACEMENT_FIELDS = {"title_tone": "title", "text_tone": "text", "tags_tone": "tags"}
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def folded(value: str) -> str:
    """The searchable folded form of an index field: no markup, no tone marks, đ as d, lower case."""
    return _folded_plain(_text(value))


def _text(value: str) -> str:
    """An index field without markup (its text once, for both the folded and the lower-cased form)."""
    return html.unescape(_TAG.sub(" ", value))


def _folded_plain(text: str) -> str:
    return _SPACE.sub(" ", fold(nfc(text))).strip()


def _lower(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def fold_index(index: dict, exclude: tuple[str, ...] = ()) -> dict:
    """Return a copy of a Material search index with folded title/text/tags fields added and registered,
    and the documents whose location starts with one of ``exclude`` left out
    (listing pages that only repeat the titles of the pages they list).

    A folded copy is stored only where it differs from the lower-cased original (text without any
    Vietnamese mark is already found as typed), which keeps the index small.
    """
    config = dict(index["config"])
    fields = dict(config.get("fields", {}))
    for name, source in (FOLDED_FIELDS | PLACEMENT_FIELDS).items():
        fields[name] = dict(fields.get(source, {"boost": 1.0}))
    config["fields"] = fields
    docs = []
    for doc in index["docs"]:
        if exclude and doc.get("location", "").startswith(exclude):
            continue
        doc = dict(doc)
        for name, source in FOLDED_FIELDS.items():
            value = doc.get(source)
            if isinstance(value, list):  # tags
                texts = [_text(v) for v in value if isinstance(v, str)]
                plain = [_folded_plain(t) for t in texts]
                if plain != [_lower(t) for t in texts]:
                    doc[name] = plain
            elif isinstance(value, str) and value:
                text = _text(value)
                plain = _folded_plain(text)
                if plain != _lower(text):
                    doc[name] = plain
        for name, source in PLACEMENT_FIELDS.items():
            value = doc.get(source)
            texts = [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]  # tags: a list
            moved = _moved_words(nfc(_lower(" ".join(_text(t) for t in texts))))
            if moved:
                doc[name] = moved
        docs.append(doc)
    return {**index, "config": config, "docs": docs}


def _moved_words(text: str) -> str:
    """The words of lower-case NFC text with a movable tone mark, in the other placement, once each."""
    if other_tone_placement(text) == text:  # one scan; most texts have no such word
        return ""
    words = _WORD.findall(text)
    present = set(words)  # a word already in the text in the other placement is found there
    return " ".join(dict.fromkeys(m for m in map(other_tone_placement, words) if m not in present))


def fold_index_file(path: Path, exclude: tuple[str, ...] = (), measure: bool = False) -> tuple[int, int] | None:
    """Fold the index file in place (idempotent), leaving out the documents under ``exclude``; with
    ``measure``, returns its gzipped size (bytes) before and after (two level-9 compressions of
    megabytes: only when someone reads the figures)."""
    raw = path.read_text(encoding="utf-8")
    index = json.loads(raw)
    result = json.dumps(fold_index(index, exclude), ensure_ascii=False, separators=(",", ":"))
    path.write_text(result, encoding="utf-8")
    if measure:
        return gzipped_size(raw.encode("utf-8")), gzipped_size(result.encode("utf-8"))
    return None


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


# Blocks left out of the index ----------------------------------------------------------------------

# An element the theme's indexer skips (data-search-exclude), with the name of its tag.
_EXCLUDED_START = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?\sdata-search-exclude(?:[\s>=/])")
_HELD = re.compile(r"<!--sotay:held:(\d+)-->")


def hold_excluded(html_text: str) -> tuple[str, list[str]]:
    """Take the elements marked data-search-exclude out of a page's HTML, leaving a comment in each
    place; returns the HTML and the elements. The theme's indexer still parses what it then skips
    (member tables are most of a commune page); the glue puts the elements back in the output.
    Elements are found by counting their tag's openings and closings (our templates' HTML)."""
    held: list[str] = []
    out: list[str] = []
    pos = 0
    while True:
        start = _EXCLUDED_START.search(html_text, pos)
        if start is None:
            break
        tag = start.group(1).lower()
        end = _element_end(html_text, start.start(), tag)
        if end is None:
            break
        out.append(html_text[pos:start.start()])
        out.append(f"<!--sotay:held:{len(held)}-->")
        held.append(html_text[start.start():end])
        pos = end
    out.append(html_text[pos:])
    return "".join(out), held


def _element_end(text: str, start: int, tag: str) -> int | None:
    """Index just after the end tag matching the element opened at start, or None."""
    pattern = re.compile(rf"<(/?){tag}\b[^>]*>", re.IGNORECASE)
    depth = 0
    for match in pattern.finditer(text, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return None


def restore_held(html_text: str, held: list[str], clean=lambda block: block) -> str:
    """Put the held elements back in place of their comments (``clean``: what the theme did to the rest)."""
    if not held:
        return html_text
    return _HELD.sub(lambda m: clean(held[int(m.group(1))]), html_text)
