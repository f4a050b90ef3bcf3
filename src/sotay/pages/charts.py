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


def line_chart(labels: list[str], series: list[tuple[str, str, list[float | None]]]) -> LineChart:
    """Rates (0..1) over periods, on a 0–100% axis."""
    width, height, left, top, right, bottom = 360, 200, 36, 10, 14, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(len(labels), 1)
    step = plot_w / (n - 1) if n > 1 else 0

    def x(i: int) -> float:
        return round(left + (i * step if n > 1 else plot_w / 2), 1)

    def y(v: float) -> float:
        return round(top + (1 - min(max(v, 0.0), 1.0)) * plot_h, 1)

    drawn = [(css, legend, [Point(x(i), y(v) if v is not None else 0.0, labels[i], v) for i, v in enumerate(values)])
             for css, legend, values in series]
    grid = [(y(v / 100), f"{v}%") for v in (0, 25, 50, 75, 100)]
    ticks = [(x(i), label) for i, label in enumerate(labels)]
    return LineChart(width, height, left, top, plot_w, plot_h, drawn, grid, ticks)
