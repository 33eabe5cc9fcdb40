"""Small server-rendered SVG charts (no chart library): bars, a two-period line, an hour × weekday grid.

Each chart has a text alternative (`<title>` + role="img"); the page shows the same figures as a table.
Colours come from classes in static/css/dashboard.css (the CSP forbids inline styles).
"""

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from mppvirtual.lib.formats import format_number


def _svg(width, height, label, body):
    return mark_safe(
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(label)}</title>{body}</svg>'
    )


def bar_chart(items, label, width=640, bar=22, gap=6, label_width=230):
    """Horizontal bars for (name, value) pairs, largest first as given."""
    items = list(items)
    if not items:
        return ""
    top = max(v for _, v in items) or 1
    height = len(items) * (bar + gap) + gap
    parts = []
    for i, (name, value) in enumerate(items):
        y = gap + i * (bar + gap)
        w = max(1.0, (width - label_width - 70) * value / top)
        short = name if len(name) <= 32 else name[:31] + "…"
        parts.append(
            format_html(
                '<text x="{}" y="{}" class="chart-label" text-anchor="end">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" class="chart-bar"/>'
                '<text x="{}" y="{}" class="chart-value">{}</text>',
                label_width - 8,
                y + bar * 0.7,
                short,
                label_width,
                y,
                f"{w:.1f}",
                bar,
                f"{label_width + w + 6:.1f}",
                y + bar * 0.7,
                format_number(value),
            )
        )
    return _svg(width, height, label, "".join(parts))


def line_chart(current, previous, label, legend=("", ""), x_labels=(), width=640, height=230, pad=36):
    """Two series of equal length (this period, previous period) as lines, with a two-entry legend and
    the first, middle and last x labels."""
    if not current:
        return ""
    top = max([*current, *previous, 1])
    n = max(len(current), 2)

    def points(values):
        return " ".join(
            f"{pad + i * (width - 2 * pad) / (n - 1):.1f},{height - pad - (height - 2 * pad) * v / top:.1f}"
            for i, v in enumerate(values)
        )

    body = (
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" class="chart-axis"/>'
        f'<text x="{pad - 4}" y="{pad}" class="chart-value" text-anchor="end">{format_number(top)}</text>'
        f'<text x="{pad - 4}" y="{height - pad}" class="chart-value" text-anchor="end">0</text>'
        f'<polyline points="{points(previous)}" class="chart-line chart-line-previous"/>'
        f'<polyline points="{points(current)}" class="chart-line chart-line-current"/>'
    )
    if x_labels:
        marks = {0: "start", len(x_labels) // 2: "middle", len(x_labels) - 1: "end"}  # one label per day
        for i, anchor in marks.items():
            x = pad + i * (width - 2 * pad) / (n - 1)
            body += format_html(
                '<text x="{}" y="{}" class="chart-value" text-anchor="{}">{}</text>',
                f"{x:.1f}", height - pad + 16, anchor, x_labels[i],
            )  # fmt: skip
    for i, (name, css) in enumerate(zip(legend, ("chart-line-current", "chart-line-previous"), strict=True)):
        x = pad + 10 + i * 200
        body += format_html(
            '<line x1="{}" y1="14" x2="{}" y2="14" class="chart-line {}"/><text x="{}" y="18" class="chart-label">{}</text>',
            x, x + 24, css, x + 30, name,
        )  # fmt: skip
    return _svg(width, height, label, body)


def heatmap(grid, row_labels, label, cell=22, label_width=70):
    """grid[row][hour] counts, 24 columns; darker cells for more."""
    top = max([max(row) for row in grid] + [1])
    parts = []
    for hour in range(0, 24, 3):
        parts.append(f'<text x="{label_width + hour * cell + 2}" y="12" class="chart-value">{hour:02d}</text>')
    for r, row in enumerate(grid):
        y = 18 + r * cell
        parts.append(
            format_html(
                '<text x="{}" y="{}" class="chart-label" text-anchor="end">{}</text>',
                label_width - 6,
                y + cell * 0.7,
                row_labels[r],
            )
        )
        for hour, value in enumerate(row):
            level = 0 if value == 0 else 1 + min(4, int(5 * value / (top + 1)))
            parts.append(
                f'<rect x="{label_width + hour * cell}" y="{y}" width="{cell - 2}" height="{cell - 2}" '
                f'class="heat heat-{level}"/>'
            )
    return _svg(label_width + 24 * cell, 20 + len(grid) * cell, label, "".join(parts))
