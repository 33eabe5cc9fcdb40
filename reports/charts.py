"""Server-rendered SVG charts with their values written as text (readable in print and by screen readers)."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

ROW = 22
LABEL_WIDTH = 190
VALUE_WIDTH = 70


def bar_chart(rows, *, title, width=520, label_width=LABEL_WIDTH, maximum=None, color="#0b5cab"):
    """Horizontal bars: rows = [(label, value, value text)]. Returns safe inline SVG."""
    if not rows:
        return ""
    top = maximum or max((v for _l, v, _t in rows), default=0) or 1
    bar_space = width - label_width - VALUE_WIDTH
    height = ROW * len(rows) + 4
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, (label, value, text) in enumerate(rows):
        y = i * ROW + 2
        bar = max(1.0, bar_space * float(value) / float(top)) if value else 0
        limit = int(label_width / 6.5)
        short = label if len(label) <= limit else label[: limit - 1] + "…"
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end" font-size="11" fill="#222">{escape(short)}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{bar:.1f}" height="{ROW - 8}" fill="{color}" rx="2"/>'
            f'<text x="{label_width + bar + 5:.1f}" y="{y + 15}" font-size="11" fill="#222">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def column_chart(rows, *, title, width=520, height=150, color="#0b5cab", baseline=0):
    """Vertical columns for a time series: rows = [(short label, value, value text)].

    `baseline` is the value at the foot of the columns (25 for the IKM, whose scale starts there).
    """
    if not rows:
        return ""
    rows = [(label, max(0.0, float(v) - baseline), text) for label, v, text in rows]
    top = max((v for _l, v, _t in rows), default=0) or 1
    slot = width / len(rows)
    plot = height - 34
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, (label, value, text) in enumerate(rows):
        bar = plot * float(value) / float(top)
        x = i * slot + slot * 0.15
        parts.append(
            f'<rect x="{x:.1f}" y="{14 + plot - bar:.1f}" width="{slot * 0.7:.1f}" height="{bar:.1f}" fill="{color}"/>'
            f'<text x="{x + slot * 0.35:.1f}" y="{12 + plot - bar:.1f}" text-anchor="middle" font-size="9" fill="#222">{escape(text)}</text>'
            f'<text x="{x + slot * 0.35:.1f}" y="{height - 6}" text-anchor="middle" font-size="9" fill="#222">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
