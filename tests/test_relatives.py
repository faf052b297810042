"""Relative times and the dates that restate them: of one noun or one verb, in brackets or
apposition, composed ("twenty years ago this week"), counted in hours, or naming the anchor
of an offset. Sentences written for these tests."""

from __future__ import annotations

import pytest

import checker


def rules(text: str, date: str) -> list[str]:
    return [f.rule for f in checker.check_text(text, publication_date=date).findings]


@pytest.mark.parametrize(("text", "date"), [
    # of one noun: possessive relative, the noun, the date
    ("Engineers are still studying last month's landslide on 3 September above the road.",
     "2022-12-07"),
    ("Talks resume before next week's vote on 2 May in the assembly.", "2024-03-12"),
    ("Crews cleared up after last week's storm, on 4 June, the council said.", "2024-06-26"),
    ("Staff prepared for tomorrow's hearing on Monday.", "2024-03-12"),  # a Tuesday
    ("Friday's match, played yesterday in heavy rain, ended level.", "2024-03-12"),
    # of one verb, told in one clause
    ("The ferry ran aground last month off Mull, in the Sound of Iona, on 2 January.",
     "2024-04-10"),
    # in brackets or apposition, after a relative word
    ("Two cars were set alight last night (Thurs.) in Leith.", "2024-03-12"),
    ("The library opened last autumn, in March 2020.", "2024-01-20"),
    ("The depot was sold in the summer of last year, in June 2021.", "2024-05-02"),
    # composed relatives and hour offsets
    ("Thirty years ago this month, in May 1990, the pit closed.", "2024-06-03"),
    (("The blaze was reported at dawn on 9 June. Seventy-two hours earlier, on 3 June, the "
      "alarm had been tested."), "2024-06-20"),
])
def test_a_relative_time_and_its_date_disagree(text, date):
    assert rules(text, date) == ["relative-date-conflict"]


@pytest.mark.parametrize(("text", "date"), [
    ("Engineers are still studying last month's landslide on 3 November above the road.",
     "2022-12-07"),
    ("Talks resume before next week's vote on 20 March in the assembly.", "2024-03-12"),
    ("Staff prepared for tomorrow's hearing on Wednesday.", "2024-03-12"),
    ("Thirty years ago this month, in June 1994, the pit closed.", "2024-06-03"),
    ("Twenty-five years ago this week, on 5 June 1999, the pit closed.", "2024-06-03"),
    ("Twenty years ago today, on 3 June 2004, the pit closed.", "2024-06-03"),
    ("Yesterday, three days after the 8 March poll, the new board met.", "2024-03-12"),
    (("The blaze was reported at dawn on 9 June. Thirty-six hours earlier, on 7 June, the "
      "alarm had been tested."), "2024-06-20"),
    ("The library opened last autumn, in October 2023, and again this spring.", "2024-01-20"),
    ("Trials began two years ago, in 2022, and volunteers were followed for a year.",
     "2024-05-02"),
    # a topic, not the noun's time; two clauses; a bare weekday against a week
    ("Last year's review of 2019 was late.", "2024-05-02"),
    ("The board said last month it would vote on 3 December.", "2024-05-02"),
    ("Next week's talks on Thursday will be the last.", "2024-03-12"),
    # a date without a year that restates a relative time is in it when it can be
    ("He was elected last year on 3 May.", "2024-06-10"),
    ("Last year, on 4 July, the plant closed.", "2024-06-10"),
    ("Next year, in March, the line reopens.", "2024-06-10"),
    # the day after a bare weekday: its week is a guess, its weekday is not
    (("By Tuesday the river was rising. It did not peak until the following day, "
      "Wednesday 5 June."), "2024-06-15"),
])
def test_a_relative_time_and_its_date_agree(text, date):
    assert "relative-date-conflict" not in rules(text, date)


@pytest.mark.parametrize(("text", "date", "flags"), [
    ("Grants for the current financial year (2019-20) total £40m.", "2021-09-01", True),
    ("Grants for the current financial year (2021-22) total £40m.", "2021-09-01", False),
    ("Grants for next tax year, 2022-23, are frozen.", "2021-09-01", False),
    ("Grants for next tax year, 2021-22, are frozen.", "2021-09-01", True),
    ("Prices were frozen for the last financial year (2023-24).", "2024-05-03", False),
])
def test_a_year_named_by_two_against_its_relative(text, date, flags):
    assert (rules(text, date) == ["relative-date-conflict"]) is flags


def test_a_year_named_by_two_is_one_period():
    import datetime as dt

    from checker.engine import analyse
    from checker.source import read_text

    facts = analyse(read_text("Rovers won the 2013-14 season; the 2009-12 figures were "
                              "revised."), publication_date_given=dt.date(2020, 1, 1)).facts
    (season,) = [m for m in facts.mentions if m.kind == "fiscal"]
    assert season.text == "2013-14" and season.value.first.year == 2013 and \
        season.value.last.year == 2014


@pytest.mark.parametrize("text", [
    "Sales reached 4.1 million units last year, up from 3.8 million in 2021.",
    "The port handled more ships last year than in 2019, the authority said.",
    "Turnout was 61 percent last year, compared with 58 percent in 2020.",
])
def test_a_time_set_against_another_value_is_not_a_restatement(text):
    """'last year, up from 3.8 million in 2021' compares two values at two times: the year
    is the old value's, not a date the relative time restates."""
    assert "relative-date-conflict" not in rules(text, "2024-05-16")


def test_a_date_that_restates_its_verbs_relative_time_still_disagrees():
    assert "relative-date-conflict" in rules(
        "The train derailed last month near Hexthorpe, on 14 February.", "2024-05-16")
