"""Trend charts as SVG, drawn on the server by pygal; the numbers are the table beside it.

pygal is told to link no script (`js=[]`: by default it links a tooltip script from a
CDN) and the inline config script it still writes (which repeats the data) is cut out,
and the chart goes into the page as a data: image, so the console's strict
Content-Security-Policy holds and nothing is fetched from elsewhere. A count held back
as "< 5" (bot/domain/trends.py) is None here, so the chart never carries it either.
"""

from __future__ import annotations

import base64
import re
import sys

import pygal
from pygal.style import Style

from bot.domain.trends import Table

# pygal appends a finder for its map plugins to `sys.meta_path` when imported; it has no
# `find_spec`, so every later import Python cannot find elsewhere warns (ImportWarning).
# The console draws no maps: take it out again.
sys.meta_path[:] = [f for f in sys.meta_path if type(f).__module__ != "pygal"]

# Colours with enough contrast on white, told apart by more than hue alone where it can.
_STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#1a1a1a",
    foreground_strong="#1a1a1a",
    foreground_subtle="#555555",
    colors=(
        "#01689b",
        "#d52b1e",
        "#39870c",
        "#e17000",
        "#42145f",
        "#007bc7",
        "#673327",
        "#a90061",
        "#275937",
    ),
    font_family="sans-serif",
)
# Rows that are counts behind a median, shown in the table only.
_TABLE_ONLY_SUFFIX = "_n"


def chart_svg(table: Table, title: str, labels: dict[str, str]) -> bytes:
    """The table as a bar chart (a line per row for the months of a year), as SVG."""
    kind = pygal.Line if table.key == "year" else pygal.Bar
    chart = kind(
        js=[],
        style=_STYLE,
        width=800,
        height=360,
        title=title,
        x_label_rotation=30,
        show_legend=True,
        legend_at_bottom=True,
        disable_xml_declaration=False,
        print_values=False,
        include_x_axis=True,  # counts from 0: a chart that starts higher exaggerates
    )
    chart.x_labels = list(table.columns)
    for row in table.rows:
        if row.key.endswith(_TABLE_ONLY_SUFFIX) or row.key == "change":
            continue
        chart.add(labels.get(row.key, row.key), [c.value for c in row.cells])
    return strip_scripts(chart.render())


_SCRIPT = re.compile(rb"<script\b.*?</script>", re.S | re.I)


def strip_scripts(svg: bytes) -> bytes:
    """The SVG without any <script> element."""
    return _SCRIPT.sub(b"", svg)


def data_uri(svg: bytes) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
