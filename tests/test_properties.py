"""Properties that hold for any input, checked on generated text and HTML (hypothesis)."""

from __future__ import annotations

import datetime as dt
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import checker
from checker.report.common import LineIndex
from checker.report.jsonout import to_json
from checker.source import InputError

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
PUB = dt.date(2024, 5, 29)

# Words that make the rules work: dates, weekdays, numbers, ages, names, verbs.
WORDS = ["on", "Monday", "Wednesday", "Thursday", "31", "April", "29", "May", "2024", "2018",
         "June", "departed", "left", "arrived", "will", "vote", "three", "four", "days",
         "people", "died", "victims", "aged", "50", "born", "in", "1980", "Mr", "Vollmer",
         "Volmer", "said", "the", "summit", "from", "to", "a", "week", "later", "yesterday",
         "last", "next", "year", ",", ".", "\n", "\n\n", "-", "—", "(", ")", "'s", "12-day",
         "strike", "visit", "\u00e9", "\U0001F600", "\u202e", "\r\n", "\r", "\t",
         # the timeline's rarer forms
         "'82", "70s", "5th", "Christmas", "Easter", "H1", "Q3", "fiscal", "FY24", "2024-05-29",
         "29/05/2024", "3/4/23", "0800", "UTC", "weekend", "end", "of", "about", "nearly",
         "and", "half", "annual", "twice", "dead", "injured", "killed", "(b.", "1960)",
         "(1931–2025)", "Tom", "Baird", "Bard", "mid-2011", "since", "as", "soon", "ago",
         "earlier", "today", "²", "quarter", "first", "turned", "birthday", "Sherpa"]
prose = st.lists(st.sampled_from(WORDS), min_size=1, max_size=80).map(" ".join)
unicode_text = st.text(min_size=1, max_size=400)
copy = st.one_of(prose, unicode_text, st.tuples(prose, unicode_text).map("".join))

TAGS = ["p", "div", "b", "i", "script", "style", "time", "meta", "br", "article", "span"]


@st.composite
def html_documents(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 25))):
        kind = draw(st.sampled_from(["open", "close", "text", "entity", "comment", "junk"]))
        tag = draw(st.sampled_from(TAGS))
        if kind == "open":
            parts.append(f'<{tag} datetime="{draw(st.sampled_from(["2024-05-29", "x", ""]))}">')
        elif kind == "close":
            parts.append(f"</{tag}>")
        elif kind == "text":
            parts.append(draw(prose))
        elif kind == "entity":
            parts.append(draw(st.sampled_from(["&amp;", "&nbsp;", "&#32;", "&#x1F600;", "&bogus;",
                                               "&", "&#99999999;"])))
        elif kind == "comment":
            parts.append(f"<!-- {draw(prose)} -->")
        else:
            parts.append(draw(st.sampled_from(["<", ">", "</", "<!", "<![CDATA[", "<?xml ?>"])))
    return "<html><body>" + "".join(parts)


def _report(text: str, kind: str | None = None, pub: dt.date | None = PUB):
    try:
        return checker.check_text(text, publication_date=pub, kind=kind)
    except InputError:
        # nothing left to check: blank, only markup, or only runs too long to be prose
        assert not re.sub(r"\S{200,}", "", text).strip() or kind in ("html", "markdown")
        return None


def _assert_spans_agree(report, raw: str) -> None:
    index = LineIndex(raw)
    data = json.loads(to_json(report))
    assert data["version"] == 1 and set(data["summary"]) >= {"files", "findings"}
    for entry in data["files"]:
        assert set(entry) >= {"path", "publication_date", "findings"}
        for finding in entry["findings"]:
            assert {"rule", "severity", "message", "spans"} <= set(finding)
            assert finding["severity"] in ("error", "warning", "info")
            for span in finding["spans"]:
                assert 0 <= span["start"] <= span["end"] <= len(raw)
                assert (span["line"], span["column"]) == index.locate(span["start"])


@SETTINGS
@given(copy)
def test_any_text_gives_a_valid_report(text):
    report = _report(text)
    if report is not None:
        _assert_spans_agree(report, text)


@SETTINGS
@given(copy)
def test_any_text_without_a_date_gives_a_valid_report(text):
    report = _report(text, pub=None)
    if report is not None:
        _assert_spans_agree(report, text)


@SETTINGS
@given(html_documents())
def test_any_html_gives_a_valid_report(html):
    report = _report(html, kind="html")
    if report is not None:
        _assert_spans_agree(report, html)


@SETTINGS
@given(st.tuples(prose, prose).map(lambda p: f"---\ntitle: x\ndate: 2024-05-29\n---\n# {p[0]}\n\n"
                                                f"*{p[1]}* [link](http://x)\n"))
def test_any_markdown_gives_a_valid_report(markdown):
    report = _report(markdown, kind="markdown")
    if report is not None:
        _assert_spans_agree(report, markdown)


@SETTINGS
@given(copy)
def test_same_input_gives_byte_identical_json(text):
    first, second = _report(text), _report(text)
    if first is not None:
        assert to_json(first) == to_json(second)


STORIES = [
    "The minister departed on Wednesday, 29 May 2024, for Rome. She will return on Friday.",
    "Three people died in the fire. Police named the four victims on Tuesday.",
    "The 12-day strike ran from 4 March to 12 March. Talks failed on 31 April.",
    ("Mr Vollmer, 50, was born in 1980. Volmer said the summit would follow the one in June "
    "2018."),
    ("It opened on Thursday, 29 May 2024. Visitors arrived on Monday and left on Thursday for "
    "a three-day visit."),
]
NEUTRAL = ["The council published its plan.", "Residents welcomed the news.",
           "Officials declined to comment further.", "The report runs to many pages."]


@SETTINGS
@given(st.sampled_from(STORIES), st.lists(st.sampled_from(NEUTRAL), min_size=1, max_size=4))
def test_text_before_an_article_only_shifts_findings(story, preface):
    before = _report(story)
    head = " ".join(preface) + "\n\n"
    after = _report(head + story)
    assert [(f.rule, f.span.start + len(head), f.span.end + len(head)) for f in before.findings] \
        == [(f.rule, f.span.start, f.span.end) for f in after.findings]
