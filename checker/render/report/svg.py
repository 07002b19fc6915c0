"""Geometry of the report's inline SVG charts; templates/charts.html writes the markup (autoescaped).

No chart library and no script: each function returns plain numbers and strings, so the page stays one offline
file and every label goes through the template's escaping. Colours are CSS classes of the page's one style sheet
(SVG presentation attributes only where a value is a number), so the CSP needs no inline style.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from checker.render.report.score import GOOD, STATUS_ORDER, Status

SERIES_COLOURS = 8  # line-chart series cycle through classes ser-0 … ser-7


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    css: str
    title: str
    href: str | None = None
    text: str = ""


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "start"
    rotate: float = 0.0
    css: str = ""
    title: str = ""
    href: str | None = None


@dataclass
class Chart:
    width: float
    height: float
    title: str
    rects: list[Rect] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    lines: list[tuple[float, float, float, float, str]] = field(default_factory=list)  # x1, y1, x2, y2, css
    polylines: list[tuple[str, str]] = field(default_factory=list)  # points, css
    dots: list[tuple[float, float, str, str]] = field(default_factory=list)  # cx, cy, css, title


def status_bar(counts: dict[Status, int], title: str, width: int = 300, height: int = 16) -> Chart:
    """One digest's papers as a 100% stacked bar: clean / warning / error / not summarised / dropped."""
    chart = Chart(width, height, title)
    total = sum(counts.values())
    if not total:
        chart.rects.append(Rect(0, 0, width, height, "st-none", f"{title}: no papers"))
        return chart
    x = 0.0
    for status in STATUS_ORDER:
        count = counts.get(status, 0)
        if not count:
            continue
        w = width * count / total
        chart.rects.append(Rect(round(x, 1), 0, round(w, 1), height, f"st-{status.value}",
                                f"{status.label}: {count} of {total} ({100 * count / total:.1f}%)"))
        x += w
    return chart


@dataclass(frozen=True)
class HeatColumn:
    label: str  # short, shown (the date, else the digest's number)
    title: str  # the digest's file name
    papers: int
    href: str  # where the column's digest is (its section or page)


@dataclass(frozen=True)
class HeatRow:
    label: str  # "F103 paper-not-summarized"
    severity: str  # worst severity of the rule's findings over the run
    counts: Sequence[int]  # papers with the rule, per column
    hrefs: Sequence[str]


def heatmap(rows: Sequence[HeatRow], columns: Sequence[HeatColumn], title: str, max_width: int = 1340) -> Chart:
    """Rules down, digests across; a cell's shade is the share of the digest's papers the rule flags."""
    longest = max((len(c.label) for c in columns), default=1)
    left, top, cell_h = 250, round(18 + 6.2 * longest * 0.77), 20  # room for the slanted column labels
    cell_w = max(6.0, min(44.0, (max_width - left - 60) / max(len(columns), 1)))
    width = left + cell_w * len(columns) + 60  # room for the last column's slanted label
    chart = Chart(round(width), top + cell_h * len(rows) + 8, title)
    if not rows:
        chart.height = 40
        chart.labels.append(Label(8, 24, "no findings", css="muted"))
        return chart
    every = max(1, round(14 / cell_w))  # label every n-th column when cells are narrower than a label
    for c, column in enumerate(columns):
        if c % every:
            continue
        x = left + cell_w * c + cell_w / 2
        chart.labels.append(Label(round(x + 4, 1), top - 6, column.label, rotate=-50, css="small",
                                  title=f"{column.title}: {column.papers} papers", href=column.href))
    for r, row in enumerate(rows):
        y = top + cell_h * r
        chart.labels.append(Label(left - 6, y + 14, row.label[:34], anchor="end", css=f"rule-{row.severity}",
                                  title=row.label))
        for c, (count, column) in enumerate(zip(row.counts, columns, strict=True)):
            if not count:
                # no tooltip on an empty cell (most cells of a long run): the column's label names the digest
                chart.rects.append(Rect(round(left + cell_w * c, 1), y, round(cell_w - 1, 1), cell_h - 1,
                                        "cell-0" if column.papers else "cell-na", ""))
                continue
            share = count / column.papers if column.papers else 1.0
            level = 1 + min(4, int(share * 20))  # 5 shades: <5%, <10%, <15%, <20%, 20% and more of the papers
            chart.rects.append(Rect(round(left + cell_w * c, 1), y, round(cell_w - 1, 1), cell_h - 1,
                                    f"heat-{row.severity} lv-{level}",
                                    f"{row.label} in {column.title}: {count} of {column.papers} papers "
                                    f"({100 * share:.1f}%)", href=row.hrefs[c],
                                    text=str(count) if cell_w >= 26 else ""))
    return chart


def line_chart(series: dict[str, list[tuple[str, float]]], title: str, width: int = 660, height: int = 250) -> Chart:
    """One line per series over dates (x: sorted distinct dates, y: 0-100, the green line at GOOD)."""
    dates = sorted({d for points in series.values() for d, _ in points})
    legend_rows = (len(series) + 1) // 2
    chart = Chart(width, height + legend_rows * 14 + 6, title)
    if not dates:
        chart.height = 40
        chart.labels.append(Label(8, 24, "no dated digests with papers", css="muted"))
        return chart
    left, right, top, bottom = 76, width - 30, 12, height - 72  # room for the first date's slanted label
    step = (right - left) / max(len(dates) - 1, 1)
    x_of = {d: left + i * step if len(dates) > 1 else (left + right) / 2 for i, d in enumerate(dates)}

    def y_of(value: float) -> float:
        return round(bottom - (bottom - top) * value / 100, 1)

    for tick in (0, 50, GOOD, 100):
        chart.lines.append((left, y_of(tick), right, y_of(tick), "grid-good" if tick == GOOD else "grid"))
        chart.labels.append(Label(left - 4, y_of(tick) + 4, f"{tick:g}", anchor="end", css="small"))
    every = max(1, len(dates) // 24)
    for i, d in enumerate(dates):
        if i % every == 0:
            chart.labels.append(Label(round(x_of[d], 1), bottom + 12, d, anchor="end", rotate=-35, css="small"))
    for i, (name, points) in enumerate(sorted(series.items())):
        css = f"ser-{i % SERIES_COLOURS}"
        ordered = sorted(points)
        if len(ordered) > 1:
            chart.polylines.append((" ".join(f"{x_of[d]:.1f},{y_of(v):.1f}" for d, v in ordered), css))
        for d, v in ordered:
            chart.dots.append((round(x_of[d], 1), y_of(v), css, f"{name} {d}: {v:.1f}"))
        lx, ly = 10 + (i % 2) * (width // 2), height + (i // 2) * 14
        chart.rects.append(Rect(lx, ly - 8, 10, 10, css, name))
        chart.labels.append(Label(lx + 14, ly + 1, name[:52], css="small", title=name))
    return chart
