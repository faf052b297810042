"""Views of the resolved timeline: TIMEX3-style JSON for tools, and an aligned table in
plain words for people."""

from __future__ import annotations

import json
from dataclasses import dataclass

from checker.facts.time import Kind, Mention
from checker.facts.words import day, how_placed, moment, phrase, plural, quote, source
from checker.report.common import LineIndex
from checker.report.timex3 import timex_type, timex_value


def _timeline_items(analysis):
    article = analysis.article
    index = LineIndex(article.raw)
    for m in analysis.facts.mentions:
        start, end = article.raw_span(m.span.start, m.span.end)
        line, column = index.locate(start)
        yield m, start, end, line, column


def timeline_json(results) -> str:
    files = []
    for path, analysis in results:
        if isinstance(analysis, str):
            files.append({"path": path, "publication_date": None, "mentions": [],
                          "error": analysis})
            continue
        pub = analysis.facts.publication
        mentions = []
        for m, start, end, line, column in _timeline_items(analysis):
            item = {"start": start, "end": end, "line": line, "column": column,
                    "text": analysis.article.raw[start:end], "type": timex_type(m),
                    "value": timex_value(m), "kind": m.kind.value, "how": m.how.value}
            if m.value is not None:
                item["first"] = m.value.first.isoformat()
                item["last"] = m.value.last.isoformat()
            att = m.attachment
            if att.verb:
                item["verb"] = att.verb
                item["tense"] = att.tense.value
            if att.subject:
                item["subject"] = att.subject
            if att.event_class:
                item["event"] = att.event_class
            if m.anchor is not None:
                item["anchor"] = m.anchor
            if m.anchor_event:
                item["anchor_event"] = m.anchor_event
            if m.dateline:
                item["dateline"] = True
            mentions.append(item)
        files.append({"path": path,
                      "publication_date": {"date": pub.date.isoformat(), "source": pub.source}
                      if pub else None,
                      "mentions": mentions})
    return json.dumps({"version": 1, "files": files}, ensure_ascii=False, indent=2)


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the timeline table: what the words resolve to, where they are, the
    words (whole, as written) and how their date was worked out (blank when stated)."""

    when: str
    where: str
    words: str
    how: str


_UNPLACED = {  # what a mention with no calendar value is, in plain words
    Kind.DURATION: "a length of time",
    Kind.SET: "a time that repeats",
    Kind.REF: "a time with no date",
    Kind.TIME: "a time of day with no date",
    Kind.ANCHORED: "after an event with no date",
    Kind.NUMERIC: "a date whose day and month order is open",
    Kind.FISCAL: "a financial year",
}
HEADINGS = Row("when", "line", "words", "how it was placed")


def timeline_rows(analysis) -> tuple[list[Row], list[Row]]:
    """The placed mentions in calendar order, and the ones not placed, as rows."""
    facts = analysis.facts
    placed: list[tuple[object, Row]] = []
    unplaced: list[Row] = []
    for m, _, _, line, column in _timeline_items(analysis):
        words = phrase(facts.text, m)
        where = f"{line}:{column}"
        if m.value is not None:
            how = how_placed(m, facts.publication, facts.mentions) or ""
            placed.append(((m.value.first, m.value.last, m.span.start),
                           Row(moment(m.value), where, words, how)))
            continue
        what = _UNPLACED.get(m.kind, "no date found")
        if m.kind is Kind.DURATION and (length := m.duration_days()) is not None:
            what = plural(*length)
        how = f"the event: {quote(_clause_after(facts.text, m))}" if m.anchor_event else ""
        unplaced.append(Row(what, where, words, how))
    placed.sort(key=lambda pair: pair[0])
    return [row for _, row in placed], unplaced


def _clause_after(text: str, m: Mention) -> str:
    """The words after "a week after" up to the end of their clause, whole: the event an
    offset counts from ("he delivered his annual speech which set out the goals …")."""
    rest = text[m.span.end:m.span.end + 400]
    end = min((i for i in (rest.find(c) for c in ".,;:!?\n") if i != -1), default=len(rest))
    return " ".join(rest[:end].split()) or m.anchor_event


def timeline_text(results) -> str:
    """Per file: the publication date, then a table of every placed mention in calendar
    order (when, line:column, the words, how the date was worked out), then the mentions
    not placed. Columns are aligned; the words are never cut."""
    lines: list[str] = []
    for path, analysis in results:
        if isinstance(analysis, str):
            lines.append(analysis)
            continue
        pub = analysis.facts.publication
        lines.append(f"{path}")
        lines.append(f"  published {day(pub.date)} (from {source(pub)})" if pub
                     else "  publication date unknown")
        placed, unplaced = timeline_rows(analysis)
        rows = [*placed, *unplaced]
        widths = [max(len(getattr(row, name)) for row in (HEADINGS, *rows))
                  for name in ("when", "where")]
        words_width = min(max(len(row.words) + 2 for row in (HEADINGS, *rows)), _WORDS_WIDTH)

        def show(row: Row, widths: list[int] = widths, words_width: int = words_width) -> str:
            words = row.words if row is HEADINGS else quote(row.words)
            cells = (f"  {row.when:<{widths[0]}}  {row.where:<{widths[1]}}  "
                     f"{words:<{words_width}}  {row.how}")
            return cells.rstrip()

        lines.append("")
        lines.append(show(HEADINGS))
        lines.extend(show(row) for row in placed)
        if unplaced:
            lines.append("")
            lines.append("  not placed on the calendar:")
            lines.extend(show(row) for row in unplaced)
        lines.append("")
    return "\n".join(lines).rstrip()


_WORDS_WIDTH = 40  # longer words push their own row's last column out; they are never cut
