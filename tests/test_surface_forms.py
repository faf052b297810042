"""Surface forms of dates: abbreviated weekdays, weekdays fused with dates, day ranges with a
weekday per day, numeric dates in either order, spelled ordinals. Sentences written for
these tests, several forms each."""

from __future__ import annotations

import pytest

import checker
from checker.nlp.temporal import find_timexes


def parts(text: str) -> list[tuple[str, str, int | None, int | None, int | None, int | None]]:
    """(kind, words, day, month, year, weekday) of every expression."""
    return [(t.kind.value, text[t.start:t.end], t.day, t.month, t.year, t.weekday)
            for t in find_timexes(text)]


@pytest.mark.parametrize(("text", "words", "day", "month", "weekday"), [
    ("The jumble sale is on Thurs 5 June at the hall.", "Thurs 5 June", 5, 6, 3),
    ("Tickets go on sale Fri, Nov 14, online.", "Fri, Nov 14", 14, 11, 4),
    ("Bins go out on Tues. 9 Dec as usual.", "Tues. 9 Dec", 9, 12, 1),
    ("The Mon 2nd March session is full.", "Mon 2nd March", 2, 3, 0),
    ("Entries close at 5pm on 12 May (Sun) this year.", "12 May (Sun)", 12, 5, 6),
    ("Friday's 21 March final sold out.", "Friday's 21 March", 21, 3, 4),
    ("Voters go to the polls in Saturday’s March 22 run-off.", "Saturday’s March 22", 22, 3, 5),
])
def test_a_weekday_beside_its_date_in_any_form(text, words, day, month, weekday):
    (found,) = [p for p in parts(text) if p[0] == "date"]
    assert found[1:4] == (words, day, month) and found[5] == weekday


@pytest.mark.parametrize("text", [
    "She sat on the bench and the sun came out.",
    "The Sun. The Sat. The Wed.",
    "They wed in June, and the Sun reported it.",
    "The cafe is open 24/7 and serves 3/4 of the town.",
])
def test_bare_abbreviations_and_fractions_are_words(text):
    assert [p for p in parts(text) if p[0] in ("weekday", "date")] == []


@pytest.mark.parametrize(("text", "weekday"), [
    ("The suspect was charged on Tues. and bailed.", 1),
    ("The depot closes until Sun. for repairs.", 6),
    ("Two cars were stolen last night (Sat).", 5),
    ("Polls open next Thurs. at 7am.", 3),
])
def test_an_abbreviated_weekday_alone(text, weekday):
    assert [p[5] for p in parts(text) if p[0] == "weekday"] == [weekday]


def test_a_weekday_for_each_day_of_a_range():
    text = "The fair runs Fri. and Sat., Oct. 3-4, and again Sunday 12 to Monday 13 October."
    dates = [p for p in parts(text) if p[0] == "date"]
    assert [(d[2], d[3], d[5]) for d in dates] == [(3, 10, 4), (4, 10, 5), (12, 10, 6),
                                                   (13, 10, 0)]


@pytest.mark.parametrize(("text", "day", "month", "year"), [
    ("The permit lapses on 30.09.2021 at noon.", 30, 9, 2021),
    ("Applications close 31-01-2020, the board said.", 31, 1, 2020),
    ("The filing, dated 12-30-2019, was late.", 30, 12, 2019),
    ("The pool reopens on Monday 14/08 after repairs.", 14, 8, None),
    ("Parking is free from 20/12 until 2/01.", 20, 12, None),
    ("The concert on the twenty-second of May is sold out.", 22, 5, None),
])
def test_numeric_and_spelled_dates(text, day, month, year):
    (first, *_) = [p for p in parts(text) if p[0] == "date"]
    assert first[2:5] == (day, month, year)


def test_an_ambiguous_numeric_date_takes_the_copy_s_own_order():
    # "2/01" could be 2 January or February 1: the copy writes 20/12, day first
    dates = [p for p in parts("Parking is free from 20/12 until 2/01.") if p[0] == "date"]
    assert [(d[2], d[3]) for d in dates] == [(20, 12), (2, 1)]
    # the copy writes "March 10", month first
    dates = parts("The vote on March 10 was moved to 3/4.")
    assert dates[-1][:4] == ("date", "3/4", 4, 3)
    # nothing says which: left open
    assert [p[0] for p in parts("The filing is due 3/4.")] == []
    assert [p[0] for p in parts("It is due on 3/4.")] == ["numeric"]


@pytest.mark.parametrize(("text", "date"), [
    ("Bins go out on Thurs 5 June 2025 as usual.", None),  # 5 June 2025 is a Thursday
    ("The pool reopens on Monday 14/08.", "2023-08-01"),
    ("The market is on Sat. and Sun., Oct. 4-5.", "2025-09-20"),
])
def test_right_weekdays_pass(text, date):
    assert checker.check_text(text, publication_date=date).findings == []


@pytest.mark.parametrize(("text", "date", "message"), [
    ("Bins go out on Thurs 6 June 2025 as usual.", None, "is a Friday, not a Thursday"),
    ("The pool reopens on Tuesday 14/08.", "2023-08-01", "is a Monday, not a Tuesday"),
    ("The permit lapses on 31.09.2021.", None, "does not exist"),
    ("Entries close on the thirty-first of June.", "2022-05-01", "does not exist"),
])
def test_wrong_dates_in_other_forms_are_flagged(text, date, message):
    findings = checker.check_text(text, publication_date=date).findings
    assert len(findings) == 1 and message in findings[0].message
