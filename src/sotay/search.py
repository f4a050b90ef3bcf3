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

from sotay.text import fold, nfc

# Folded field -> the field it copies (with the same boost).
FOLDED_FIELDS = {"title_fold": "title", "text_fold": "text", "tags_fold": "tags"}
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def folded(value: str) -> str:
    """The searchable folded form of an index field: no markup, no tone marks, đ as d, lower case."""
    plain = html.unescape(_TAG.sub(" ", value))
    return _SPACE.sub(" ", fold(nfc(plain))).strip()


def _plain(value: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", value))).strip().lower()


def fold_index(index: dict, exclude: tuple[str, ...] = ()) -> dict:
    """Return a copy of a Material search index with folded title/text/tags fields added and registered,
    and the documents whose location starts with one of ``exclude`` left out
    (listing pages that only repeat the titles of the pages they list).

    A folded copy is stored only where it differs from the lower-cased original (text without any
    Vietnamese mark is already found as typed), which keeps the index small.
    """
    config = dict(index["config"])
    fields = dict(config.get("fields", {}))
    for name, source in FOLDED_FIELDS.items():
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
                plain = [folded(v) for v in value if isinstance(v, str)]
                if plain != [_plain(v) for v in value if isinstance(v, str)]:
                    doc[name] = plain
            elif isinstance(value, str) and value:
                plain = folded(value)
                if plain != _plain(value):
                    doc[name] = plain
        docs.append(doc)
    return {**index, "config": config, "docs": docs}


def fold_index_file(path: Path, exclude: tuple[str, ...] = ()) -> tuple[int, int]:
    """Fold the index file in place (idempotent); returns its gzipped size (bytes) before and after."""
    raw = path.read_text(encoding="utf-8")
    index = json.loads(raw)
    before = gzipped_size(raw.encode("utf-8"))
    result = json.dumps(fold_index(index, exclude), ensure_ascii=False, separators=(",", ":"))
    path.write_text(result, encoding="utf-8")
    return before, gzipped_size(result.encode("utf-8"))


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))
