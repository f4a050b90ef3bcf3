"""Slug functions in the signature MkDocs plugins expect (text, separator): ASCII, no tone marks."""
from __future__ import annotations

from .text import slugify as _slugify


def slugify(text: str, separator: str = "-") -> str:
    """'Huyện Gia Lộc' -> 'huyen-gia-loc': used for blog post and category addresses."""
    return _slugify(text).replace("-", separator)
