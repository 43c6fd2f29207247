"""HTML snippets for article text and label chips. Article text is untrusted: every piece
of it goes through ``html.escape`` before it is put between tags or into an attribute."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

import pandas as pd

from framing.charts import UNKNOWN_COLOR, VALENCE_COLORS
from framing.models import QuoteSpan

# Label chips per matrix cell: in a story of thousands of articles an outlet can use
# hundreds of labels for one actor; the label tables in the other tabs list them all.
CELL_CHIPS = 12
VALENCE_WORDS = {
    -2: "strongly unfavourable",
    -1: "unfavourable",
    0: "neutral",
    1: "favourable",
    2: "strongly favourable",
}


def _valence_class(valence: object) -> str:
    if valence is None or (isinstance(valence, float) and math.isnan(valence)):
        return "unk"
    return f"v{max(-2, min(2, round(float(valence)))) + 2}"


def _valence_rules() -> str:
    rules = [
        f".slant .v{v + 2}{{background:{c}33;border-bottom:3px solid {c};}}"
        for v, c in VALENCE_COLORS.items()
    ]
    rules.append(f".slant .unk{{background:#fff7d6;border-bottom:3px dashed {UNKNOWN_COLOR};}}")
    return "".join(rules)


CSS = (
    ".slant mark{color:inherit;padding:0 1px;border-radius:2px;cursor:help;}"
    ".slant .q{font-style:italic;background:#eef0f7;}"
    ".slant .qs{box-shadow:inset 3px 0 0 #8c8fb8;padding-left:3px;}"
    ".slant .article{font-size:0.95rem;line-height:1.55;max-height:70vh;overflow-y:auto;"
    "padding:0.5rem 0.75rem;border:1px solid #ddd;border-radius:6px;background:#fff;}"
    ".slant .chip{display:inline-block;margin:1px 3px 1px 0;padding:0 6px;border-radius:10px;"
    "font-size:0.85rem;cursor:help;}"
    ".slant table.labels{border-collapse:collapse;width:100%;}"
    ".slant table.labels th,.slant table.labels td{border:1px solid #ddd;padding:4px 6px;"
    "vertical-align:top;text-align:left;}"
    ".slant .swatch{display:inline-block;width:0.8em;height:0.8em;border-radius:2px;"
    "margin-right:4px;vertical-align:baseline;}"
    ".slant .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));"
    "gap:0.5rem;}"
    ".slant .card{border:1px solid #ddd;border-radius:8px;padding:0.4rem 0.6rem;"
    "background:#fff;font-size:0.8rem;line-height:1.4;}"
    ".slant .card h4{margin:0 0 0.2rem 0;padding:0;font-size:0.92rem;line-height:1.25;}"
    # Less blank space above every page's title, so that a laptop screen shows more of it.
    '[data-testid="stMainBlockContainer"]{padding-top:2.5rem;}'
    ".slant .muted{color:#666;}"
    ".slant mark.diff{background:#ffe08a;cursor:default;}"
    ".slant .fact{display:inline-block;font-size:0.72rem;font-weight:600;color:#fff;"
    "background:#5b6bb0;border-radius:8px;padding:0 5px;margin-right:3px;cursor:help;"
    "text-decoration:none;}"
    ".slant .evidence{border-left:3px solid #ccc;padding:2px 8px;margin:4px 0;}"
    ".slant .quotes{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));"
    "gap:0.5rem;margin-bottom:0.8rem;}" + _valence_rules()
)


def style_tag() -> str:
    """The stylesheet every snippet of this module relies on (emit once per page)."""
    return f"<style>{CSS}</style>"


def swatch(color: str) -> str:
    return f'<span class="swatch" style="background:{escape(color)}"></span>'


def legend_html() -> str:
    """What the highlight colours mean."""
    chips = [
        f'<mark class="v{v + 2}">{escape(word)} ({v:+d})</mark>'
        for v, word in VALENCE_WORDS.items()
    ]
    chips.append('<mark class="unk">label no lexicon scores yet</mark>')
    chips.append('<span class="q qs">“quoted speech”</span>')
    return '<div class="slant">Highlights: ' + " ".join(chips) + "</div>"


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    css_class: str
    tooltip: str


def _pick(items: Iterable[Highlight]) -> list[Highlight]:
    """Keep the leftmost, then longest, span where highlights overlap."""
    kept: list[Highlight] = []
    for item in sorted(items, key=lambda h: (h.start, h.start - h.end)):
        if item.end > item.start and (not kept or item.start >= kept[-1].end):
            kept.append(item)
    return kept


def term_highlights(terms: pd.DataFrame, names: Mapping[str, str]) -> list[Highlight]:
    """One highlight per TermHit row; the tooltip says term, category, target, voice and
    why (the ``why`` column: the lexicon entry or rule that found it, and its reason)."""
    out = []
    for row in terms.itertuples(index=False):
        target = names.get(row.target, row.target) if isinstance(row.target, str) else "none"
        voice = f"in a quote ({row.speaker or 'unattributed'})" if row.in_quote else "own voice"
        tooltip = (
            f"{row.term} · {row.category} · target: {target} · valence {int(row.valence):+d}"
            f" · {voice}\nwhy: {row.why}"
        )
        out.append(Highlight(int(row.start), int(row.end), _valence_class(row.valence), tooltip))
    return out


def label_highlights(labels: pd.DataFrame) -> list[Highlight]:
    """Highlights for discovered labels (the ones a lexicon already scores come as terms)."""
    out = []
    for row in labels.itertuples(index=False):
        known = not pd.isna(row.valence)
        tooltip = (
            f"label of {row.entity_name}: “{row.label}”"
            + (f" · valence {int(row.valence):+d}" if known else " · not in any lexicon yet")
            + f"\nfound by: {row.source}"
        )
        css = _valence_class(row.valence if known else None)
        out.append(Highlight(int(row.start), int(row.end), css, tooltip))
    return out


def article_html(
    text: str,
    highlights: Iterable[Highlight],
    quotes: Sequence[QuoteSpan] = (),
    markers: Mapping[int, str] | None = None,
) -> str:
    """The article as HTML: highlights become <mark title=...>, quoted speech is set in a
    marked span, line breaks are kept. Overlapping highlights keep the leftmost-longest.
    ``markers`` maps an offset to HTML put before the text there (fact_marker_html)."""
    marks = _pick(highlights)
    markers = markers or {}
    cuts = {0, len(text), *(max(0, min(at, len(text))) for at in markers)}
    for span in [*marks, *quotes]:
        cuts.update((max(0, min(span.start, len(text))), max(0, min(span.end, len(text)))))
    bounds = sorted(cuts)
    parts = []
    mark_i = 0
    for start, end in zip(bounds, bounds[1:], strict=False):
        while mark_i < len(marks) and marks[mark_i].end <= start:
            mark_i += 1
        piece = escape(text[start:end]).replace("\n", "<br>")
        if mark_i < len(marks) and marks[mark_i].start <= start < marks[mark_i].end:
            mark = marks[mark_i]
            piece = f'<mark class="{mark.css_class}" title="{escape(mark.tooltip)}">{piece}</mark>'
        if any(q.start <= start < q.end for q in quotes):
            opens = any(q.start == start for q in quotes)  # the bar marks where a quote opens
            piece = f'<span class="{"q qs" if opens else "q"}">{piece}</span>'
        parts.append(markers.get(start, "") + piece)
    return '<div class="slant"><div class="article">' + "".join(parts) + "</div></div>"


def label_matrix_html(
    labels: pd.DataFrame, entities: Sequence[str], outlets: Sequence[str], colors: Mapping[str, str]
) -> str:
    """Entity (rows) x outlet (columns) table of label chips coloured by valence; a dashed
    chip with "?" is a label no lexicon scores yet. ``entities`` are entity ids in order.
    A cell shows its CELL_CHIPS most frequent labels and how many more there are."""
    labels = labels[labels["entity"].isin(entities)]
    names = dict(zip(labels["entity"], labels["entity_name"], strict=False))
    summary = (
        labels.groupby(["entity", "outlet", "label"], sort=False, dropna=False)
        .agg(count=("start", "size"), quoted=("in_quote", "sum"), valence=("valence", "first"))
        .reset_index()
        .sort_values("count", ascending=False, kind="stable")
    )
    cells_of = {key: rows for key, rows in summary.groupby(["entity", "outlet"], sort=False)}
    head = "".join(f"<th>{swatch(colors.get(o, '#999'))}{escape(o)}</th>" for o in outlets)
    rows = []
    for entity in entities:
        cells = []
        for outlet in outlets:
            here = cells_of.get((entity, outlet), summary.iloc[:0])
            chips = []
            for row in here.head(CELL_CHIPS).itertuples(index=False):
                known = not pd.isna(row.valence)
                what = VALENCE_WORDS[int(row.valence)] if known else "not in any lexicon yet"
                tooltip = f"{row.count}× in {outlet}, {int(row.quoted)} in quotes · {what}"
                shown = escape(row.label) + (f" ×{row.count}" if row.count > 1 else "")
                shown += "" if known else " ?"
                css = _valence_class(row.valence if known else None)
                chips.append(f'<span class="chip {css}" title="{escape(tooltip)}">{shown}</span>')
            if len(here) > CELL_CHIPS:
                chips.append(f'<span class="muted">+{len(here) - CELL_CHIPS} more</span>')
            cells.append("<td>" + ("".join(chips) or '<span class="muted">–</span>') + "</td>")
        name = escape(names.get(entity, entity))
        rows.append(f"<tr><th>{name}</th>{''.join(cells)}</tr>")
    return (
        '<div class="slant"><table class="labels"><thead><tr><th>Actor</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def fact_marker_html(label: str, tooltip: str, anchor: str, target: str) -> str:
    """A numbered mark before a sentence that reports a fact other columns report too: its
    ``tooltip`` says where; a click jumps to ``target`` (the same fact in the next
    column); ``anchor`` is its own id."""
    return (
        f'<a class="fact" id="{escape(anchor)}" href="#{escape(target)}" '
        f'title="{escape(tooltip)}">{escape(label)}</a>'
    )


def marked_text_html(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` escaped, with the character ``spans`` (sorted, not overlapping) marked as
    differing words."""
    parts, at = [], 0
    for start, end in spans:
        parts.append(escape(text[at:start]))
        parts.append(f'<mark class="diff">{escape(text[start:end])}</mark>')
        at = end
    parts.append(escape(text[at:]))
    return "".join(parts)
