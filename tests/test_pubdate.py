"""Publication dates: datelines in the copy, metadata, and the --date override."""

from __future__ import annotations

import datetime as dt

import pytest

import checker
from checker.nlp.structure import find_dateline
from checker.source import read_text


@pytest.mark.parametrize(("head", "expected"), [
    ("Wednesday, 29 May 2024 – 22:46\n\nHeadline here", dt.date(2024, 5, 29)),
    ("LONDON, March 3, 2024 — The minister said", dt.date(2024, 3, 3)),
    ("KUALA LUMPUR, April 1, 1997 (AFP) - Police said", dt.date(1997, 4, 1)),
    ("Published 9 January 2019\n\nStory", dt.date(2019, 1, 9)),
    ("Updated 14:05 GMT, Tuesday 11 June 2024\n\nStory", dt.date(2024, 6, 11)),
    ("By Hannah Okafor | May 20, 2024\n\nStory", dt.date(2024, 5, 20)),
    ("Storm hits town\n4 Sep 2024, 06:00 BST\n\nStory", dt.date(2024, 9, 4)),
])
def test_datelines(head, expected):
    line = find_dateline(head)
    assert line is not None and line.date() == expected


def test_dateline_without_year_is_found_but_gives_no_date():
    line = find_dateline("NAIROBI (Jan. 8) —\n\nSeven people were killed.")
    assert line is not None and line.date() is None
    (fr,) = checker.check_text("NAIROBI (Jan. 8) —\n\nSeven people died yesterday.").files
    assert fr.publication_date is None and "no year" in fr.notes[0]


def test_a_headline_is_not_a_dateline():
    assert find_dateline("Fire on 3 May kills four in the old town\n\nStory") is None


def test_precedence_option_over_metadata_over_dateline():
    text = "---\ndate: 2024-04-21\n---\nLONDON, March 3, 2024 —\n\nIt rained."
    (fr,) = checker.check_text(text, kind="markdown").files
    assert fr.publication_date.source == "front-matter"
    (fr,) = checker.check_text(text, kind="markdown", publication_date="2020-01-01").files
    assert fr.publication_date.date == dt.date(2020, 1, 1)
    plain = read_text("LONDON, March 3, 2024 —\n\nIt rained.")
    assert plain.metadata_dates == ()


def test_wrong_dateline_weekday_is_checked_like_any_other():
    report = checker.check_text("Friday, 13 September 2023 – 07:40\n\nDockers went back.")
    assert [f.rule for f in report.findings] == ["weekday-mismatch"]
    assert "is a Wednesday" in report.findings[0].message
