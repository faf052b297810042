"""The resolved timeline: values, how they were resolved, and the grammar around them."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.engine import analyse
from checker.facts import How, Tense
from checker.report.timex3 import timex_value
from checker.source import read_path, read_text


def timeline(text: str, date: str):
    return analyse(read_text(text), publication_date_given=dt.date.fromisoformat(date)).facts


def value_of(facts, words: str, nth: int = 1):
    found = [m for m in facts.mentions if m.text == words]
    assert len(found) >= nth, f"{words!r} not among {[m.text for m in facts.mentions]}"
    return found[nth - 1]


def test_seed_timeline(root):
    facts = analyse(read_path(root / "seeds/kim-jong-un-leaves-beijing.txt")).facts
    assert facts.pub == dt.date(2024, 5, 29)
    assert value_of(facts, "Wednesday", 1).value.first == dt.date(2024, 5, 29)
    assert value_of(facts, "Monday").value.first == dt.date(2024, 5, 27)
    assert value_of(facts, "Thursday").value.first == dt.date(2024, 5, 30)
    assert timex_value(value_of(facts, "June 2018")) == "2018-06"
    assert timex_value(value_of(facts, "four days")) == "P4D"
    week = value_of(facts, "a week after")
    assert week.anchor_event and "delivered" in week.anchor_event
    assert "birthday" in value_of(facts, "a day after").anchor_event
    departed = value_of(facts, "Wednesday", 1).attachment
    assert departed.verb == "depart" and departed.tense is Tense.PAST
    assert departed.places == ("Beijing",)


@pytest.mark.parametrize(("text", "words", "expected", "how"), [
    ("The council met on Tuesday.", "Tuesday", "2024-06-04", How.WEEKDAY_BY_TENSE),
    ("The council will meet on Tuesday.", "Tuesday", "2024-06-11", How.WEEKDAY_BY_TENSE),
    ("The council meets today.", "today", "2024-06-05", How.RELATIVE_TO_PUBLICATION),
    ("It happened yesterday.", "yesterday", "2024-06-04", How.RELATIVE_TO_PUBLICATION),
    ("Profits fell last year.", "last year", "2023", How.RELATIVE_TO_PUBLICATION),
    ("The report is due next month.", "next month", "2024-07", How.RELATIVE_TO_PUBLICATION),
    ("The vote is on 12 August.", "12 August", "2024-08-12", How.YEAR_FROM_PUBLICATION),
    ("The works began in February.", "February", "2024-02", How.YEAR_FROM_PUBLICATION),
    ("It opened six years ago.", "six years ago", "2018", How.RELATIVE_TO_PUBLICATION),
    ("The bridge shut on 3 March 2021.", "3 March 2021", "2021-03-03", How.STATED),
    ("They will meet next Monday.", "next Monday", "2024-06-10", How.WEEKDAY_BY_TENSE),
])
def test_resolution(text, words, expected, how):
    m = value_of(timeline(text, "2024-06-05"), words)  # a Wednesday
    assert timex_value(m) == expected and m.how is how


def test_offsets_from_an_earlier_date():
    facts = timeline("The board met on Tuesday 12 March. Two days later, on Thursday, "
                     "a director resigned.", "2024-03-20")
    later = value_of(facts, "Two days later")
    assert later.how is How.RELATIVE_TO_EVENT and later.value.first == dt.date(2024, 3, 14)


def test_parts_as_written_are_kept():
    m = value_of(timeline("It opened on Thursday, 29 May 2024.", "2024-06-01"),
                 "Thursday, 29 May 2024")
    assert (m.weekday, m.written.day, m.written.month, m.written.year) == (3, 29, 5, 2024)
    assert m.value.first.weekday() == 2  # the calendar says Wednesday; nothing repaired


@pytest.mark.parametrize(("text", "tense"), [
    ("The committee will publish its report on 3 June.", Tense.FUTURE),
    ("The wing is scheduled to open on 2 March.", Tense.FUTURE),
    ("Sentencing took place on 15 December.", Tense.PAST),
    ("The lights were switched on by the mayor on 25 November.", Tense.PAST),
    ("The firm said it would shut the plant on 30 June.", Tense.MODAL),
    ("He has agreed to meet them on 30 June.", Tense.MODAL),
])
def test_tense_of_the_verb_a_date_belongs_to(text, tense):
    facts = timeline(text, "2024-06-05")
    (m,) = [m for m in facts.mentions if m.kind == "date"]
    assert m.attachment.tense is tense


def test_durations_and_ages():
    facts = timeline("A 12-day strike ended. The 27-year-old waited a fortnight.", "2024-06-05")
    assert [timex_value(m) for m in facts.mentions if m.kind == "duration"] == ["P12D", "P2W"]


def test_a_time_of_day_falls_on_the_day_beside_it():
    from checker.engine import analyse
    from checker.source import read_text

    text = ("Polls shut at 8 p.m. on Sunday. Counting began on Monday at 09:30, and the "
            "result came at 22:46.")
    facts = analyse(read_text(text), publication_date_given=dt.date(2024, 6, 12)).facts
    values = {m.text: timex_value(m) for m in facts.mentions if m.kind == "time"}
    assert values == {"8 p.m.": "2024-06-09T20:00", "09:30": "2024-06-10T09:30",
                      "22:46": "2024-06-12T22:46"}  # no day beside it: the publication date


@pytest.mark.parametrize(("text", "words", "value"), [
    # counts with a word before the unit, halves, and stretches told from now
    ("The index fell for five straight sessions and four consecutive days.",
     "four consecutive days", "P4D"),
    ("The economy shrank for three successive quarters.", "three successive quarters", "P3Q"),
    ("The road has been shut for three and a half weeks.", "three and a half weeks", "P3.5W"),
    ("She led the club for a year and a half.", "a year and a half", "P1.5Y"),
    ("Rents doubled over the past decade.", "the past decade", "P10Y"),
    ("The feud lasted two centuries.", "two centuries", "P200Y"),
    ("Rents rose in the last six months.", "the last six months", "P6M"),
    ("Rates have fallen in recent years.", "recent years", "PXY"),
    ("The dispute was settled within hours.", "hours", "PTXH"),
    ("It ended a years-long feud.", "years-long", "PXY"),
    # sets, references, anaphoric stretches
    ("The weekly market returns.", "weekly", "P1W"),
    ("The festival is held annually.", "annually", "P1Y"),
    ("Prices will stay high for the time being.", "the time being", "PRESENT_REF"),
    ("Jobs are safe in the short term.", "the short term", "FUTURE_REF"),
    ("That was a mistake of the past, she said.", "the past", "PAST_REF"),
    # calendar words a tagger must place
    ("Output will rise in the second half of the year.", "the second half of the year",
     "2024-H2"),
    ("Sales rose in the first quarter of last year.", "the first quarter of last year",
     "2023-Q1"),
    ("Profits rose in the third-quarter figures.", "the third-quarter", "2024-Q3"),
    ("The firm lost money in the last quarter.", "the last quarter", "2024-Q1"),
    ("The fleet was built in the late '90s.", "late '90s", "199"),
    ("Interest has not been this low since '89.", "'89", "1989"),
    ("The line opens in mid-2026.", "mid-2026", "2026"),
    ("The statement is dated 2024-05-31.", "2024-05-31", "2024-05-31"),
    ("The form was signed on 28/02/2023.", "28/02/2023", "2023-02-28"),
    ("The form was signed on 3/4/23.", "3/4/23", "2023-XX-XX"),  # day/month order unknown
    ("Markets shut at 1630 GMT.", "1630 GMT", "2024-06-05T16:30Z"),
    ("Fighting went on over the weekend.", "the weekend", "2024-W22-WE"),
    ("The market ended the day higher.", "the day", "2024-06-05"),
    ("The works will finish by the end of the year.", "the end of the year", "2024"),
    ("The sale should close by year-end.", "year-end", "2024"),
    ("Shops were busy at Christmas.", "Christmas", "2023-12-25"),
    ("The church was packed on Easter Sunday 2019.", "Easter Sunday 2019", "2019-04-21"),
    ("The walkers reached Easter Island.", None, None),  # a place, not a holiday
    ("The Daily Telegraph said so.", None, None),  # a name, not a set
    ("The firm has traded since February.", "February", "2024-02"),
    ("Repairs take between 30 and 45 days.", "30", "P30D"),  # the unit is borrowed
    ("Repairs take between 30 and 45 days.", "45 days", "P45D"),
    ("The brothers are 6 and 8 years old.", None, None),  # ages, not durations
    ("It was the biggest single-day fall.", "single-day", "P1D"),
    ("The ministers held their spring talks.", "spring", "2024-SP"),
    ("The stake was sold in April of last year.", "April of last year", "2023-04"),
    ("The service launches in the fall of 2025.", "the fall of 2025", "2025-FA"),
    ("Officials said the cash would go in when markets opened on Friday.", "Friday",
     "2024-06-07"),  # a past form in a time clause under "would": still to come
    ("The board met on the 3rd.", "the 3rd", "2024-06-03"),
    ("The board will meet on the 3rd.", "the 3rd", "2024-07-03"),
    ("He lives on the 5th floor.", None, None),
    ("Results are due mid-July.", "mid-July", "2024-07"),
    ("Sales rose in H1.", "H1", "2024-H1"),
    ("Analysts expect a slowdown in Q1.", "Q1", "2025-Q1"),  # said in June: next year's
    ("Profits fell in Q1.", "Q1", "2024-Q1"),
    # stretches counted from a year, and named periods
    ("Sales rose 4% from a year earlier.", "a year earlier", "2023"),
    ("In 2019 output fell; two years later it recovered.", "two years later", "2021"),
    ("Results for fiscal 2023 were weak.", "fiscal 2023", "FY2023"),
    ("Costs in the current quarter rose.", "the current quarter", "2024-Q2"),
    ("The talks ended late Tuesday.", "late Tuesday", "2024-06-04"),
    # the extent holds what TimeML puts inside it: parts, modifiers, approximations
    ("The plant will close by the end of this year.", "the end of this year", "2024"),
    ("Sales dipped in the last week of March.", "the last week of March", "2024-03"),
    ("The law changed at the start of 2023.", "the start of 2023", "2023"),
    ("The bridge opened last September.", "last September", "2023-09"),
    ("The bridge will open next June.", "next June", "2025-06"),
    ("The minister resigned earlier today.", "earlier today", "2024-06-05"),
    ("The talks lasted nearly five months.", "nearly five months", "P5M"),
    ("She left about a week later.", "about a week later", "P1W"),
    ("Tuesday's vote was close.", "Tuesday", "2024-06-04"),  # without the 's
])
def test_more_timex_forms(text, words, value):
    facts = timeline(text, "2024-06-05")  # a Wednesday
    if words is None:
        assert [m.text for m in facts.mentions] == []
        return
    assert timex_value(value_of(facts, words)) == value


def test_a_past_quarter_not_yet_begun_is_last_years():
    facts = timeline("Losses peaked in the fourth quarter.", "2024-03-05")
    assert timex_value(value_of(facts, "the fourth quarter")) == "2023-Q4"
    facts = timeline("Sales will recover in the fourth quarter.", "2024-01-20")
    assert timex_value(value_of(facts, "the fourth quarter")) == "2024-Q4"


@pytest.mark.parametrize(("text", "words", "kind"), [
    ("The new engines save $300 million in fuel a year.", "a year", "set"),
    ("The clinic sees 40 patients a day.", "a day", "set"),
    ("Nurses call twice a week.", "a week", "set"),
    ("The 12 crew waited a week for rescue.", "a week", "duration"),
    ("Prices rose 5% in a year.", "a year", "duration"),
    ("It took two years and a month.", "a month", "duration"),
])
def test_a_rate_is_a_set_not_a_stretch(text, words, kind):
    assert value_of(timeline(text, "2024-06-05"), words).kind == kind


def test_as_soon_as_is_not_a_time():
    assert [m.text for m in timeline("As soon as the polls shut, counting began.",
                                     "2024-06-05").mentions] == []


@pytest.mark.parametrize(("text", "date", "outside", "inside"), [
    ("The settlement was built 2500 years ago. It rained yesterday.", "2024-06-05",
     "2500 years ago", "yesterday"),
    ("Ruins from 99 centuries ago were found last week.", "2024-06-05", None, "last week"),
    ("It rained yesterday. It will rain again on 3 May.", "0001-01-01", "yesterday",
     "3 May"),
    ("It will rain tomorrow, and the vote was last week.", "9999-12-31", "tomorrow",
     "last week"),
])
def test_outside_the_calendar_is_unresolved_not_an_error(text, date, outside, inside):
    """Years before 1 or after 9999 have no calendar value: such mentions stay unresolved
    and the rest of the copy is resolved as usual."""
    facts = analyse(read_text(text), publication_date_given=dt.date.fromisoformat(date)).facts
    if outside:
        assert value_of(facts, outside).value is None
    assert value_of(facts, inside).value is not None
