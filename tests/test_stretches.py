"""Durations and their endpoints in any form: ranges told of the duration's noun or verb,
start and end verbs, hours between times and parts of days, months between months, stretches
up to publication, the next sentence, and which duration owns a range. Sentences written for
these tests."""

from __future__ import annotations

import pytest

import checker


def flagged(text: str, date: str) -> list[str]:
    return [f.message for f in checker.check_text(text, publication_date=date).findings
            if f.rule == "duration-mismatch"]


@pytest.mark.parametrize(("text", "date", "says"), [
    # a range told of the noun through a relative clause, a participle, or apposition
    ("The seven-day walkout by porters, which lasted from 2 to 12 May, closed two wards.",
     "2024-06-01", "11 days"),
    ("The club signed him on a two-month deal running from August to December.",
     "2024-07-20", "months"),
    ("Her 15-year reign as champion, from 2001 to 2012, ended in Leeds.", "2024-06-01",
     "years"),
    ("A five-day fair (2024-06-10 to 2024-06-12) drew 40,000 visitors.", "2024-06-20",
     "3 days"),
    ("The bridge was shut for a fortnight, between 3 and 10 March.", "2024-04-01", "8 days"),
    # start and end verbs, of the noun or of the traveller
    (("The eight-day inquiry, which opened on 3 June and closed on 14 June, heard 40 "
     "witnesses."), "2024-07-01", "12 days"),
    (("The king will make a two-day visit to Oslo, arriving on Monday and leaving on "
     "Thursday."), "2024-06-05", "4 days"),
    (("The yacht docked in Falmouth on Friday, ending a 40-day crossing that left Antigua on "
     "2 May."), "2024-06-17", "days"),
    # hours between times of day and parts of days
    ("Lifeboat crews searched for 12 hours, from 9pm on Saturday until 3pm on Sunday.",
     "2024-06-17", "18 hours"),
    (("Rail staff walk out for 24 hours from the morning of Monday 3 June until the morning "
     "of Wednesday 5 June."), "2024-05-28", "hours"),
    ("The 45-minute hearing ran from 10am to 11.30am.", "2024-06-17", "90 minutes"),
    # months and years counted as months and years
    ("He was tracked for 20 months, from March 2021 to March 2022.", "2024-06-17", "months"),
    ("She led the choir for 30 years, from 1971 until her retirement in 1995.", "2024-06-17",
     "years"),
    # up to publication
    ("Over the past decade, since 2020, the trust has planted 9,000 oaks.", "2024-06-17",
     "publication date"),
    ("The families have now spent three weeks in tents since they were moved out on 10 June.",
     "2024-06-20", "publication date"),
    # named with its length, dated in the next sentence
    (("Bus drivers begin a 48-hour strike today. The strike runs from 5am on Tuesday 4 June "
     "until 5am on Friday 7 June."), "2024-06-04", "72 hours"),
    # a length told with its start, and dated in full in the next sentence
    (("Ferries will stop for six days starting this weekend, the port said. The closure "
     "runs from Saturday 8 June to Friday 14 June."), "2024-06-05", "7 days"),
])
def test_a_length_that_disagrees_with_its_dates(text, date, says):
    (message,) = flagged(text, date)
    assert says in message


@pytest.mark.parametrize(("text", "date"), [
    ("The seven-day walkout by porters, which lasted from 2 to 8 May, closed two wards.",
     "2024-06-01"),
    ("The club signed him on a five-month deal running from August to December.",
     "2024-07-20"),
    ("Her 11-year reign as champion, from 2001 to 2012, ended in Leeds.", "2024-06-01"),
    (("The king will make a four-day visit to Oslo, arriving on Monday and leaving on "
     "Thursday."), "2024-06-05"),
    ("Lifeboat crews searched for 18 hours, from 9pm on Saturday until 3pm on Sunday.",
     "2024-06-17"),
    (("Rail staff walk out for 48 hours from the morning of Monday 3 June until the morning "
     "of Wednesday 5 June."), "2024-05-28"),
    ("The 90-minute hearing ran from 10am to 11.30am.", "2024-06-17"),
    ("He was tracked for 12 months, from March 2021 to March 2022.", "2024-06-17"),
    ("A 72-hour strike runs from Tuesday to Thursday.", "2024-06-03"),
    ("The families have now spent ten days in tents since they were moved out on 10 June.",
     "2024-06-20"),
    ("The strike, the first in 30 years, lasted from 2 to 6 June.", "2024-06-12"),
    # the range belongs to another length, told by ellipsis or in another clause
    ("Four years at Leeds were followed by six at York, from 1990 to 1996.", "2024-06-17"),
    (("A planned 36-hour stop was cut to 12 hours, and the dinner was moved from Saturday "
     "to Sunday."), "2024-06-03"),
    ("Trams run from 6 a.m. to midnight, every ten minutes at peak times.", "2024-06-03"),
    # a length that ended before the end (after …), and one told in another year's week
    ("The museum reopened on Saturday after a two-year refit that began in March 2021.",
     "2024-06-17"),
    (("The pair reached the top on Monday 16 July 1973. The ascent took four days, from "
     "Friday 13 July to that Monday."), "2023-07-16"),
    (("Ferries will stop for six days starting this weekend, the port said. The regatta "
     "runs from Saturday 15 June to Friday 21 June."), "2024-06-05"),  # another start
    # the trial ended when the verdict came, not when the copy was published
    (("The jury convicted him on Thursday, bringing to an end a five-month trial that opened "
     "on 15 January."), "2024-06-17"),
])
def test_a_length_that_agrees_or_is_not_its_dates(text, date):
    assert flagged(text, date) == []


@pytest.mark.parametrize("text", [
    "A man was jailed for six years for a string of thefts between March and May last year.",
    ("She was banned from driving for two years for offences across the county between "
    "June 2022 and January 2023."),
])
def test_a_range_that_hangs_on_a_noun_between_is_that_nouns_time(text):
    """The range dates the thefts, not the six years in jail."""
    assert flagged(text, "2025-03-12") == []


def test_a_range_told_of_the_length_past_a_noun_still_counts():
    assert flagged("He spent five years at the helm of the club, from 2010 to 2020.",
                   "2024-06-01")
