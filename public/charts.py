"""Horizontal bar charts drawn on the server as inline SVG: scales and geometry.

One template (templates/events/_bar_chart.html) draws every chart from a
`BarChart`. Horizontal positions are percentages of the chart's width, so a
chart fills its column on a phone or a desktop while its text keeps the
page's size; vertical positions are pixels. Each text stands on its own
line at the start edge with a full-width bar under it, so that long
Devanagari or Persian labels never run into a bar or a number. On a
right-to-left page the text starts at the right and the bars grow from the
right edge.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from babel.lists import format_list
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from portal import l10n

LABEL_LINE = 24  # a row's label, 16px text (site.css)
SERIES_LINE = 20  # a series' name and value above its bar, 14px text
BAR = 18  # a single series' bar
SERIES_BAR = 14  # a bar among several
BAR_GAP = 6  # below a bar
ROW_GAP = 10  # between rows
GROUP_GAP = 18  # between the rows of a chart of several series
BASELINE = 16  # from the top of a line of text to its baseline
MIN_WIDTH = 0.5  # percent: the smallest value still shows a sliver


@dataclass(frozen=True)
class Value:
    """A number to draw and the text that says it: 500 and "more than 500".

    `number` is None when there is nothing to draw ("not reported").
    """

    number: int | None
    text: str


@dataclass(frozen=True)
class Bar:
    series: str  # the series' name; "" in a chart of one series
    index: int  # the series' position, 1-based, for its colour
    text: str
    text_y: int
    y: int
    height: int
    x: str  # percent, formatted for an SVG attribute
    width: str  # percent; "" when there is no bar to draw


@dataclass(frozen=True)
class Row:
    label: str
    lang: str  # the label's language when it is not the page's, else ""
    label_y: int
    text: str  # a single series' value, written after the label
    bars: list[Bar]


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    desc: str
    label_header: str  # the table's heading for the labels' column
    series: list[str]
    rows: list[Row]
    height: int
    text_x: str  # "0" or "100": the start edge, in percent
    rtl: bool
    grouped: bool  # several series: each row's label heads a group of bars
    svg_rows: SafeString  # each row's <g>, drawn by `_svg_row`
    table_rows: SafeString  # each row's <tr>, by `_table_row`


def _percent(value):
    return f"{value:.2f}".rstrip("0").rstrip(".")


def bar_chart(
    *,
    id: str,
    title: str,
    label_header: str,
    series: Sequence[str],
    rows: Sequence[tuple[str, Sequence[Value]] | tuple[str, Sequence[Value], str]],
    lang: str,
    rtl: bool,
) -> BarChart:
    """A horizontal bar chart: `rows` of (label, one Value per series[, label's language]).

    The bars share one linear scale from 0 to the largest number. The
    description (`<desc>`) says every row's values in words.
    """
    multi = len(series) > 1
    top = max((v.number or 0 for _row, values, *_lang in rows for v in values), default=0)
    row_gap = GROUP_GAP if multi else ROW_GAP
    y = 0
    drawn = []
    for label, values, *label_lang in rows:
        label_y = y + BASELINE
        y += LABEL_LINE
        bars = []
        for index, (name, value) in enumerate(zip(series, values, strict=True), start=1):
            text_y = y + BASELINE - 2
            if multi:
                y += SERIES_LINE
            width = 0.0
            if value.number and top:
                width = max(value.number / top * 100, MIN_WIDTH)
            height = SERIES_BAR if multi else BAR
            bars.append(
                Bar(
                    series=name if multi else "",
                    index=index,
                    text=value.text,
                    text_y=text_y,
                    y=y,
                    height=height,
                    x=_percent(100 - width if rtl else 0),
                    width=_percent(width) if width else "",
                )
            )
            # Nothing to draw (0, not reported): the next line moves up.
            if width:
                y += height + BAR_GAP
        y += row_gap
        drawn.append(
            Row(
                label=label,
                lang=label_lang[0] if label_lang and label_lang[0] != lang else "",
                label_y=label_y,
                text="" if multi else values[0].text,
                bars=bars,
            )
        )
    text_x = "100" if rtl else "0"
    return BarChart(
        id=id,
        title=title,
        desc=describe(series=series, rows=rows, lang=lang),
        label_header=label_header,
        series=list(series),
        rows=drawn,
        height=max(y - row_gap, 0),
        grouped=multi,
        text_x=text_x,
        rtl=rtl,
        svg_rows=mark_safe("\n".join(_svg_row(row, text_x, multi) for row in drawn)),
        table_rows=mark_safe("\n".join(_table_row(row) for row in drawn)),
    )


# A chart's rows are written here rather than in its template: a page has
# hundreds (120 buyer countries), and the template engine took longer over
# their few tags each than the page's queries.


def _lang(row):
    return format_html(' lang="{}"', row.lang) if row.lang else ""


def _svg_row(row, text_x, grouped):
    """The row's label (and its value, in a chart of one series), then its bars."""
    label_class = "chart__label chart__label--group" if grouped else "chart__label"
    value = (
        format_html('<tspan class="chart__value">&#8195;{}</tspan>', row.text) if row.text else ""
    )
    parts = [
        format_html(
            '<text class="{}" x="{}%" y="{}"><tspan{}>{}</tspan>{}</text>',
            label_class,
            text_x,
            row.label_y,
            _lang(row),
            row.label,
            value,
        )
    ]
    for bar in row.bars:
        if bar.series:
            parts.append(
                format_html(
                    '<text class="chart__series" x="{}%" y="{}">{}: '
                    '<tspan class="chart__value">{}</tspan></text>',
                    text_x,
                    bar.text_y,
                    bar.series,
                    bar.text,
                )
            )
        if bar.width:
            parts.append(
                format_html(
                    '<rect class="chart__bar chart__bar--{}" x="{}%" y="{}" '
                    'width="{}%" height="{}"/>',
                    bar.index,
                    bar.x,
                    bar.y,
                    bar.width,
                    bar.height,
                )
            )
    return format_html('<g class="chart__row">{}</g>', mark_safe("".join(parts)))


def _table_row(row):
    cells = format_html_join("", "<td>{}</td>", ((bar.text,) for bar in row.bars))
    return format_html('<tr><th scope="row"{}>{}</th>{}</tr>', _lang(row), row.label, cells)


def describe(*, series, rows, lang) -> str:
    """Every row in words ("Q4 2025: 1, Q1 2026: 0 and Q2 2026: 2"), in the language's style."""

    def said(label, text):
        # Translators: one item of a chart's description, e.g. "Maharashtra: 2".
        return _("%(label)s: %(value)s") % {"label": label, "value": text}

    locale = l10n.babel_locale(lang)
    if len(series) == 1:
        return format_list(
            [said(label, values[0].text) for label, values, *_l in rows], locale=locale
        )
    sentences = []
    for label, values, *_lang in rows:
        parts = [said(name, value.text) for name, value in zip(series, values, strict=True)]
        # Translators: one sentence of a chart's description, e.g.
        # "2025: reported: more than 500, recorded as held: 3."
        sentences.append(
            _("%(label)s: %(values)s.")
            % {"label": label, "values": format_list(parts, style="unit", locale=locale)}
        )
    return " ".join(sentences)


def quarters_label(year: int, quarter: int, lang: str) -> str:
    """A calendar quarter as the page's language says it: "Q1 2026", digits localised."""
    # Translators: a calendar quarter of the Gregorian year, e.g. "Q1 2026" (January–March).
    text = _("Q%(quarter)s %(year)s") % {"quarter": quarter, "year": year}
    return l10n.digits(text, lang)


def year_label(year: int, lang: str) -> str:
    """A Gregorian year with the language's digits, ungrouped: "२०२५"."""
    return l10n.digits(year, lang)
