"""Small SVG drawings for the guides: a phone screen sketch with the button to press highlighted, and
a simple flow diagram. No metadata, few nodes, Vietnamese text; a few hundred bytes to 2 KB each.

A phone spec is (title, rows); each row is (kind, text):
  "t" text line · "i" small grey note · "f" input field (text = placeholder) · "b" button ·
  "B" the button to press (highlighted, with a pointing finger) · "F" the field to fill (highlighted) ·
  "k" list item · "K" the list item to press · "q" a QR code block · "p" a photo frame · "!" warning line
A flow spec is a list of box labels, drawn top to bottom with arrows.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

W, H = 200, 340
_FONT = 'font-family="sans-serif"'
_HL = 'fill="#fff59d" stroke="#c62828" stroke-width="3"'


def _em(text: str, bold: bool) -> float:
    """The line's width in ems, on the wide side: measured on DejaVu Sans (what a printer or a desktop
    shows for sans-serif; phones' Roboto is narrower). One figure for all letters cut 'nhận…' off in print."""
    wide = sum(0.32 if c == " " else 0.72 if c.isupper() else 0.64 if c.isdigit() else 0.58 if c.isalpha()
               else 0.85 if ord(c) > 0x2000 else 0.4 for c in text)
    return wide * (1.3 if bold else 1.18)  # the classes' figures are averages; these make the widest fit


def fit(text: str, size: int, bold: bool, width: float) -> int:
    """The font size (not below 8) at which the line fits in width."""
    return size if _em(text, bold) * size <= width else max(8, int(width / _em(text, bold)))


def _text(x: float, y: float, text: str, size: int = 12, fill: str = "#212121", anchor: str = "start", bold: bool = False,
          width: float = 164) -> str:
    """A text line; the font shrinks (not below 8) so that the line fits in width."""
    size = fit(text, size, bold, width)
    weight = ' font-weight="bold"' if bold else ""
    anchor_attr = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return f'<text x="{x:g}" y="{y:g}" font-size="{size}" fill="{fill}"{anchor_attr}{weight}>{escape(text)}</text>'


def _finger(x: float, y: float) -> str:
    """A pointing hand drawn as a circle and an arrow, tip at (x, y)."""
    return (f'<path d="M{x:g} {y:g}l10 14h-6l5 12-5 2-5-12-5 5z" fill="#c62828"/>')


def phone(title: str, rows: list[tuple[str, str]]) -> str:
    parts: list[str] = []
    y = 62
    finger = None
    for kind, text in rows:
        if kind in "tk!iK":
            h = 20 if kind in "ti!" else 30
            if kind in "kK":
                style = _HL if kind == "K" else 'fill="#f5f5f5" stroke="#cfd8dc"'
                parts.append(f'<rect x="16" y="{y}" width="{W - 32}" height="26" rx="4" {style}/>')
                parts.append(_text(24, y + 17, text, 12, width=124 if kind == "K" else 152))
                if kind == "K":
                    finger = (W - 44, y + 16)
            elif kind == "i":
                parts.append(_text(18, y + 14, text, 10, "#616161"))
            elif kind == "!":
                parts.append(_text(18, y + 14, "⚠ " + text, 11, "#b71c1c", bold=True))
            else:
                parts.append(_text(18, y + 14, text, 12))
            y += h
        elif kind in "fF":
            style = _HL if kind == "F" else 'fill="#fff" stroke="#90a4ae"'
            parts.append(f'<rect x="16" y="{y}" width="{W - 32}" height="28" rx="4" {style}/>')
            parts.append(_text(24, y + 18, text, 11, "#757575", width=124 if kind == "F" else 150))
            if kind == "F":
                finger = (W - 44, y + 18)
            y += 36
        elif kind in "bB":
            style = _HL if kind == "B" else 'fill="#e8eaf6" stroke="#3949ab"'
            parts.append(f'<rect x="30" y="{y}" width="{W - 60}" height="32" rx="16" {style}/>')
            parts.append(_text(W / 2, y + 21, text, 13, "#1a237e", "middle", True, width=100 if kind == "B" else 126))
            if kind == "B":
                finger = (W - 50, y + 20)
            y += 42
        elif kind == "q":
            parts.append(f'<rect x="60" y="{y}" width="80" height="80" fill="#fff" stroke="#212121" stroke-width="2"/>'
                         f'<path d="M66 {y + 6}h20v20h-20zM114 {y + 6}h20v20h-20zM66 {y + 54}h20v20h-20zM96 {y + 36}h10v10h-10zM114 {y + 58}h8v8h-8zM124 {y + 44}h10v10h-10z" fill="#212121"/>')
            if text:
                parts.append(_text(W / 2, y + 96, text, 11, "#424242", "middle"))
            y += 104
        elif kind == "p":
            parts.append(f'<rect x="40" y="{y}" width="120" height="80" fill="#e0f2f1" stroke="#00695c"/>'
                         f'<path d="M48 {y + 70}l30-34 22 24 14-12 38 22z" fill="#26a69a"/><circle cx="136" cy="{y + 20}" r="9" fill="#ffca28"/>')
            if text:
                parts.append(_text(W / 2, y + 96, text, 11, "#424242", "middle"))
            y += 104
        else:
            raise ValueError(f"unknown row kind {kind!r} in sketch '{title}'")
    if y > H - 28:
        raise ValueError(f"sketch '{title}' is too tall ({y} > {H - 28}): use fewer rows")
    if finger:
        parts.append(_finger(*finger))
    height = max(y + 34, 220)  # the phone is as tall as its content: less scrolling on a small screen
    frame = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {height}" width="{W}" height="{height}" {_FONT}>',
        f'<rect x="2" y="2" width="{W - 4}" height="{height - 4}" rx="18" fill="#fff" stroke="#37474f" stroke-width="3"/>',
        f'<rect x="12" y="22" width="{W - 24}" height="30" fill="#3949ab"/>',
        _text(W / 2, 42, title, 13, "#fff", "middle", True, width=166),
        f'<rect x="80" y="{height - 20}" width="40" height="6" rx="3" fill="#b0bec5"/>',
    ]
    return "".join(frame + parts) + "</svg>\n"


FLOW_SIZE = 13  # shown ~295 px wide on a phone, a 260-wide diagram's labels read at ~15 px


def _lines(label: str, width: float) -> list[str]:
    """A box label on one line, or on two split at the space nearest the middle when one would not fit."""
    if _em(label, True) * FLOW_SIZE <= width or " " not in label:
        return [label]
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return [label[:cut], label[cut + 1:]]


def flow(labels: list[str]) -> str:
    gap, line_h = 18, 18
    boxes = [_lines(label, 226) for label in labels]
    heights = [16 + line_h * len(lines) for lines in boxes]
    height = 12 + sum(heights) + gap * len(labels)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 260 {height}" width="260" height="{height}" {_FONT}>']
    y = 8
    for i, (lines, box_h) in enumerate(zip(boxes, heights)):
        fill = "#fff59d" if i == len(labels) - 1 else "#e8eaf6"
        parts.append(f'<rect x="10" y="{y}" width="240" height="{box_h}" rx="8" fill="{fill}" stroke="#3949ab" stroke-width="2"/>')
        for n, line in enumerate(lines):
            parts.append(_text(130, y + 22 + line_h * n, line, FLOW_SIZE, "#1a237e", "middle", True, width=226))
        if i < len(labels) - 1:
            parts.append(f'<path d="M130 {y + box_h + 2}v{gap - 8}m-5-5l5 5 5-5" stroke="#37474f" stroke-width="2" fill="none"/>')
        y += box_h + gap
    parts.append("</svg>")
    return "".join(parts) + "\n"


def draw(spec) -> str:
    """SVG text for one spec: ("phone", title, rows) or ("flow", labels)."""
    if spec[0] == "phone":
        return phone(spec[1], spec[2])
    if spec[0] == "flow":
        return flow(spec[1])
    raise ValueError(f"unknown sketch kind {spec[0]!r}")
