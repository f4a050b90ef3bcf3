"""Vietnamese text helpers: normal form, tone-mark folding, slugs, sorting, number and date formats."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

# Marks that make a new letter of the alphabet (ă â ê ô ơ ư) as opposed to tone marks.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
# Tone order used as a secondary key: none, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# The combining diacritical marks block (U+0300–U+036F), less the one of class 0 (U+034F).
_MARKS = re.compile("[" + "".join(chr(cp) for cp in range(0x300, 0x370) if unicodedata.combining(chr(cp))) + "]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_INVISIBLE = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def nfc(text: str) -> str:
    """Return text in Unicode NFC, the form the data and pages use."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case text without tone or letter marks, đ as d: 'Đồng Lạc' -> 'dong lac'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = _MARKS.sub("", decomposed)  # the Vietnamese marks (and the other common ones) in one scan
    if not bare.isascii() and any(unicodedata.combining(ch) for ch in set(_NON_ASCII.findall(bare))):
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))  # rarer marks: one by one
    return bare.lower()


_TONE_MARKS = frozenset(_TONES) - {""}


def _spelling(text: str) -> tuple:
    """Each word's letters and its tone mark, wherever the mark sits: 'Hoà' and 'Hòa' give the same."""
    words = []
    for word in unicodedata.normalize("NFD", text).lower().split():
        words.append(("".join(ch for ch in word if ch not in _TONE_MARKS), "".join(ch for ch in word if ch in _TONE_MARKS)))
    return tuple(words)


def same_spelling(a: str, b: str) -> bool:
    """The same name written with the old or the new tone-mark placement (Việt Hoà, Việt Hòa)."""
    return _spelling(a) == _spelling(b)


# A tone mark of oa, oe, uy ending a word sits on the second vowel in the new placement ("hoà", "khoẻ",
# "thuỷ"), on the first in the old one ("hòa", "khỏe", "thủy"); "quý" is another case (its u belongs to qu).
# Both are written, even in the official list of units.
_EITHER_PLACEMENT = re.compile(
    r"(?<![qQ])([oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ]|[òóỏõọÒÓỎÕỌ][aeAE]|[ùúủũụÙÚỦŨỤ][yY])(?!\w)")


def _swap_placement(match: re.Match) -> str:
    first, *rest = unicodedata.normalize("NFD", match.group(1))  # vowel, then the other vowel and the tone mark
    second = next(ch for ch in rest if ch not in _TONE_MARKS)
    tone = "".join(ch for ch in rest if ch in _TONE_MARKS)
    moved = first + tone + second if rest[0] == second else first + second + tone
    return unicodedata.normalize("NFC", moved)


def other_tone_placement(text: str) -> str:
    """NFC text with each such word in the other placement: 'Cộng Hoà' -> 'Cộng Hòa', 'thủy' -> 'thuỷ'."""
    return _EITHER_PLACEMENT.sub(_swap_placement, text)


def slugify(text: str) -> str:
    """A URL segment without tone marks: 'Phường Cẩm Thượng' -> 'phuong-cam-thuong'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def invisible_characters(text: str) -> list[str]:
    """Control and zero-width characters in text, as U+XXXX codes."""
    return [f"U+{ord(ch):04X}" for ch in _INVISIBLE.findall(text)]


@lru_cache(maxsize=1 << 16)  # names repeat (given names, family names): one computation each
def _letters(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    primary: list[int] = []
    tones: list[int] = []
    for base in re.findall(r".[\u0300-\u036f]*", unicodedata.normalize("NFD", word.lower()), re.S):
        marks = base[1:]
        letter = unicodedata.normalize("NFC", base[0] + "".join(m for m in marks if m in _LETTER_MARKS))
        tone = next((m for m in marks if m in _TONES), "")
        # a space ends a word: "Cổ Dũng" before "Cộng Hòa", "La Xá" before "Lạc Dục" (word by word)
        primary.append(-1 if letter.isspace() else _LETTER_RANK.get(letter, 100 + ord(letter[0])))
        tones.append(_TONES[tone])
    return tuple(primary), tuple(tones)


def sort_key(text: str) -> tuple:
    """Sort key following the Vietnamese alphabet (a ă â b c d đ …), tones as a tie-breaker."""
    primary, tones = _letters(text)
    return (primary, tones, text)


def person_sort_key(full_name: str) -> tuple:
    """Sort people the Vietnamese way: by given name, then family name, then middle names."""
    parts = full_name.split()
    if not parts:
        return ((), (), ())
    given, family, middle = parts[-1], parts[0] if len(parts) > 1 else "", " ".join(parts[1:-1])
    return (sort_key(given)[:2], sort_key(family)[:2], sort_key(middle)[:2], full_name)


def format_int(value: int | float) -> str:
    """Vietnamese thousands separator: 6891 -> '6.891'."""
    return f"{round(value):,}".replace(",", ".")


def format_percent(value: float | None, digits: int = 1) -> str:
    """'87,5%' with a decimal comma; '—' when there is nothing to divide by."""
    if value is None:
        return "—"
    # Half up, as Excel and a hand calculation round (9/16 = 56,25% -> 56,3%, not the float's 56,2%).
    exact = (Decimal(repr(value)) * 100).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    text = f"{exact:f}".replace(".", ",")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text}%"


def format_date(value: dt.date | None) -> str:
    """dd/mm/yyyy, the way dates are written in Vietnam."""
    return value.strftime("%d/%m/%Y") if value else ""


# The types that open the official names of units ("Xã Ngọc Liên"), longest first ("Thành phố" before any
# one-word type), and the words that open village names.
UNIT_TYPES = ("Thành phố ", "Thị trấn ", "Thị xã ", "Huyện ", "Phường ", "Xã ", "Tỉnh ")
_PLACE_TYPES = (*UNIT_TYPES, "Thôn ", "Khu dân cư ", "Tổ dân phố ", "Xóm ", "Làng ")


def in_sentence(name: str) -> str:
    """A place's name inside a sentence, its type in lower case as Vietnamese writes it ("thuộc huyện Cẩm
    Giàng", "tổ chỉ đạo xã Ngọc Liên"); alone (a heading, a list, a table) the name keeps its capital."""
    for prefix in _PLACE_TYPES:
        if name.startswith(prefix):
            return prefix.lower() + name[len(prefix):]
    return name
