"""Small inline SVG charts (no library, no script): bars, a histogram and a line chart over dates.

Every label is escaped; the charts are plain markup inside index.html so the report works offline.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

PALETTE = ("#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#4b5563")


def _svg(width: int, height: int, body: list[str], title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" class="chart"><title>{escape(title)}</title>'
            + "".join(body) + "</svg>")


def bar_chart(items: Sequence[tuple[str, float]], title: str, color: str = PALETTE[0], width: int = 460) -> str:
    """Horizontal bars, one per (label, value), in the given order."""
    if not items:
        return _svg(width, 40, ['<text x="8" y="24" class="muted">no data</text>'], title)
    row, label_w = 24, 170
    top = max(value for _, value in items) or 1
    height = row * len(items) + 10
    body = []
    for i, (label, value) in enumerate(items):
        y = 5 + i * row
        length = (width - label_w - 60) * value / top
        body.append(f'<text x="{label_w - 6}" y="{y + 16}" text-anchor="end">{escape(label[:28])}</text>')
        body.append(f'<rect x="{label_w}" y="{y + 3}" width="{length:.1f}" height="{row - 8}" fill="{color}" rx="2">'
                    f"<title>{escape(label)}: {value:g}</title></rect>")
        body.append(f'<text x="{label_w + length + 5:.1f}" y="{y + 16}">{value:g}</text>')
    return _svg(width, height, body, title)


def histogram(values: list[float], title: str, bins: int = 10, width: int = 460, height: int = 200) -> str:
    """Counts of 0-100 scores in ``bins`` equal bins, lowest bin on the left."""
    counts = [0] * bins
    for value in values:
        counts[min(int(value * bins / 100), bins - 1)] += 1
    top = max(counts) or 1
    left, bottom, bar_w = 40, height - 28, (width - 50) / bins
    body = [f'<line x1="{left}" y1="{bottom}" x2="{width - 5}" y2="{bottom}" stroke="#999"/>']
    for i, count in enumerate(counts):
        h = (bottom - 20) * count / top
        x = left + i * bar_w
        color = PALETTE[1] if i < bins * 0.5 else PALETTE[3] if i < bins * 0.9 else PALETTE[2]
        low, high = i * 100 // bins, (i + 1) * 100 // bins
        body.append(f'<rect x="{x + 1:.1f}" y="{bottom - h:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" '
                    f'fill="{color}"><title>score {low}-{high}: {count} papers</title></rect>')
        if count:
            body.append(f'<text x="{x + bar_w / 2:.1f}" y="{bottom - h - 4:.1f}" text-anchor="middle">{count}</text>')
        body.append(f'<text x="{x + bar_w / 2:.1f}" y="{bottom + 16}" text-anchor="middle">{low}</text>')
    return _svg(width, height, body, title)


def line_chart(series: dict[str, list[tuple[str, float]]], title: str, width: int = 640, height: int = 280) -> str:
    """One line per series over dates (x: sorted distinct dates, y: 0-100)."""
    dates = sorted({d for points in series.values() for d, _ in points})
    if not dates:
        return _svg(width, 40, ['<text x="8" y="24" class="muted">no dated digests</text>'], title)
    left, right, top, bottom = 60, width - 30, 12, height - 90
    step = (right - left) / max(len(dates) - 1, 1)
    x_of = {d: left + i * step if len(dates) > 1 else (left + right) / 2 for i, d in enumerate(dates)}

    # Zoom the y axis to the data (scores cluster near 100), in steps of 10.
    lowest = min(v for points in series.values() for _, v in points)
    floor = max(0, int((lowest - 5) // 10) * 10)

    def y_of(value: float) -> float:
        return bottom - (bottom - top) * (value - floor) / (100 - floor)

    body = []
    for tick in (floor, (floor + 100) // 2, 100):
        body.append(f'<line x1="{left}" y1="{y_of(tick):.1f}" x2="{right}" y2="{y_of(tick):.1f}" stroke="#ddd"/>'
                    f'<text x="{left - 4}" y="{y_of(tick) + 4:.1f}" text-anchor="end">{tick}</text>')
    for d in dates:
        body.append(f'<text x="{x_of[d]:.1f}" y="{bottom + 12}" text-anchor="end" font-size="10" '
                    f'transform="rotate(-35 {x_of[d]:.1f} {bottom + 12})">{escape(d)}</text>')
    legend_y = bottom + 78
    for i, (name, points) in enumerate(sorted(series.items())):
        color = PALETTE[i % len(PALETTE)]
        ordered = sorted(points)
        coords = " ".join(f"{x_of[d]:.1f},{y_of(v):.1f}" for d, v in ordered)
        if len(ordered) > 1:
            body.append(f'<polyline points="{coords}" fill="none" stroke="{color}" stroke-width="2"/>')
        for d, v in ordered:
            body.append(f'<circle cx="{x_of[d]:.1f}" cy="{y_of(v):.1f}" r="4" fill="{color}">'
                        f"<title>{escape(name)} {escape(d)}: {v:.1f}</title></circle>")
        lx = 10 + (i % 2) * (width // 2)
        ly = legend_y + (i // 2) * 14
        body.append(f'<rect x="{lx}" y="{ly - 8}" width="10" height="10" fill="{color}"/>'
                    f'<text x="{lx + 14}" y="{ly + 1}" font-size="10">{escape(name[:48])}</text>')
    total_height = max(height, legend_y + ((len(series) + 1) // 2) * 14 + 6)
    return _svg(width, total_height, body, title)
