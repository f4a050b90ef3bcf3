"""Geometry of the build-time SVG charts: coordinates only; the templates draw them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    """A progress bar on a 0..scale axis (scale ≥ 100%, so over-achievement shows past the target mark)."""

    percent: float | None
    width: float  # filled part, 0..100 of the drawing
    target_x: float  # where 100% of the target is, 0..100 of the drawing
    over: bool


def bar(percent: float | None) -> Bar:
    if percent is None:
        return Bar(None, 0.0, 100.0, False)
    scale = max(1.0, percent)
    return Bar(percent, round(100 * percent / scale, 2), round(100 / scale, 2), percent > 1)


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    value: float | None


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    left: int
    top: int
    plot_w: int
    plot_h: int
    series: list[tuple[str, str, list[Point]]]  # (css class, legend, points)
    grid: list[tuple[float, str]]  # (y, label)
    ticks: list[tuple[float, str]]  # (x, label)

    def polyline(self, points: list[Point]) -> str:
        return " ".join(f"{p.x},{p.y}" for p in points if p.value is not None)


LABEL_PX = 16  # axis labels, in the drawing's units: ~14.5 px on a 360 px phone (the drawing is 360 wide)
MAX_TICKS = 5  # month labels ("T10/22") that fit side by side at that size; with more, every k-th is labelled


def _axis_floor(values: list[float]) -> int:
    """Lowest percentage on the axis: 0, or 10 points under the lowest value when all values are 50% or
    more, so that lines between 82% and 94% do not lie in a thin band at the top (labels say where)."""
    low = min(values, default=0.0)
    return 0 if low < 0.5 else max(0, int(low * 10) * 10 - 10)


def line_chart(labels: list[str], series: list[tuple[str, str, list[float | None]]]) -> LineChart:
    """Rates (0..1) over periods, on a percentage axis from _axis_floor to 100%."""
    width, height, left, top, right, bottom = 360, 214, 64, 12, 32, 38  # room for "100%" and "T12/22" at 16
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(len(labels), 1)
    step = plot_w / (n - 1) if n > 1 else 0
    floor = _axis_floor([min(max(v, 0.0), 1.0) for _, _, values in series for v in values if v is not None])

    def x(i: int) -> float:
        return round(left + (i * step if n > 1 else plot_w / 2), 1)

    def y(v: float) -> float:
        share = (min(max(v, 0.0), 1.0) * 100 - floor) / (100 - floor)
        return round(top + (1 - max(share, 0.0)) * plot_h, 1)

    drawn = [(css, legend, [Point(x(i), y(v) if v is not None else 0.0, labels[i], v) for i, v in enumerate(values)])
             for css, legend, values in series]
    marks = (0, 25, 50, 75, 100) if floor == 0 else range(floor, 101, 10)
    grid = [(y(v / 100), f"{v}%") for v in marks]
    every = -(-n // MAX_TICKS)  # ceiling division
    ticks = [(x(i), label) for i, label in enumerate(labels) if i % every == 0 or i == n - 1]
    return LineChart(width, height, left, top, plot_w, plot_h, drawn, grid, ticks)
