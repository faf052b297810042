"""The year of a date written without one: its range partner's, the story's own period, the
tense of its clause, and the years near publication in which its weekday fits."""

from __future__ import annotations

import datetime as dt

import pytest

import checker
from checker.engine import analyse
from checker.facts import How
from checker.source import read_text


def value(text: str, date: str, words: str) -> tuple[dt.date, How]:
    facts = analyse(read_text(text), publication_date_given=dt.date.fromisoformat(date)).facts
    (m,) = [m for m in facts.mentions if m.text == words]
    return m.value.first, m.how


@pytest.mark.parametrize(("text", "date", "words", "expected"), [
    # the range's end gives the year, the year before when the start's month comes later
    ("The lock-out ran from Monday 9 May to Friday 13 May 2011.", "2024-02-01",
     "Monday 9 May", "2011-05-09"),
    ("The works ran from 28 December to 3 January 2017.", "2024-02-01", "28 December",
     "2016-12-28"),
    # a past clause sends a date far ahead back a year; a future one, forward
    ("The club was founded on 5 June.", "2024-01-10", "5 June", "2023-06-05"),
    ("The club will hold its dinner on 5 December.", "2024-06-20", "5 December", "2024-12-05"),
    ("The pipes froze on 30 December.", "2025-01-06", "30 December", "2024-12-30"),
    # a weekday picks the year near publication in which it fits
    ("The pipe burst on Tuesday, Dec. 30.", "2015-01-05", "Tuesday, Dec. 30", "2014-12-30"),
    ("Crews return on Monday, 6 January.", "2024-12-20", "Monday, 6 January", "2025-01-06"),
])
def test_year_of_a_yearless_date(text, date, words, expected):
    assert value(text, date, words)[0] == dt.date.fromisoformat(expected)


def test_a_story_told_in_another_year_keeps_that_year():
    text = ("The crossing began on Thursday 3 June 1976 in Dover. The crew landed on "
            "Sunday 6 June after a gale. They were home again by 14 June.")
    assert value(text, "2025-06-04", "Sunday 6 June") == (dt.date(1976, 6, 6),
                                                          How.YEAR_FROM_CONTEXT)
    # past tense, and 14 June 2025 is still to come: the story's year, not publication's
    assert value(text, "2025-06-04", "14 June")[0] == dt.date(1976, 6, 14)


def test_a_weekday_that_fits_no_year_near_publication_is_flagged():
    # 4 September was a Monday in 2017, a Tuesday in 2018, a Wednesday only in 2019 (ahead)
    report = checker.check_text("The footbridge was reopened on Wednesday, 4 September.",
                                publication_date="2018-09-07")
    assert [f.rule for f in report.findings] == ["weekday-mismatch"]
    # 20 December is a Friday in 2013, a year ahead: too far to rescue the weekday
    report = checker.check_text("The vaccine will arrive on Friday, 20 December.",
                                publication_date="2012-12-14")
    assert [f.rule for f in report.findings] == ["weekday-mismatch"]


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("The quiz is on Friday the 13th.", "2026-02-09", "2026-02-13"),
    ("The quiz was on Thursday the 3rd.", "2008-07-01", "2008-07-03"),  # June 3 is no Thursday
    ("The quiz is on the 20th.", "2024-06-05", "2024-06-20"),
])
def test_a_day_of_the_month_with_its_weekday(text, date, expected):
    facts = analyse(read_text(text), publication_date_given=dt.date.fromisoformat(date)).facts
    (m,) = [m for m in facts.mentions if m.kind == "day"]
    assert m.value.first == dt.date.fromisoformat(expected)


def test_a_leap_day_still_to_come_with_no_leap_year_near():
    report = checker.check_text("The hall will host a leap-year ball on 29 February.",
                                publication_date="2025-01-30")
    assert [(f.rule, f.severity.value) for f in report.findings] == [
        ("impossible-date", "warning")]
    assert checker.check_text("The hall will host a leap-year ball on 29 February.",
                              publication_date="2028-01-30").findings == []
