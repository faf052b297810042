"""A period or event called current, ongoing, upcoming or just over, whose own time says
otherwise: a period named by two years ("the 2013-14 season"), a range in brackets or set off
by commas after the noun, a participle that says the period ended ("the just-ended …")."""

from __future__ import annotations

import pytest
from conftest import findings


def stale(text: str, date: str) -> list[str]:
    return [f.message for f in findings(text, date, rule="stale-reference")]


@pytest.mark.parametrize(("text", "date"), [
    # a period named by two years, called current or ongoing years after it ended
    ("Under the present 2011-12 spending plan, each school gets £3,000 more.", "2016-04-20"),
    ("Fans expect promotion at the end of the ongoing 2015-16 league campaign.", "2020-02-11"),
    ("The club's form in the current 2010-11 term has been patchy.", "2014-10-02"),
    ("Ministers defended the current 2005-06 fiscal year's deficit.", "2011-06-30"),
    # called still to come when it is long over
    ("Organisers are selling tickets for the forthcoming 2012-13 tournament.", "2019-03-01"),
    # a participle that says the period is just over
    ("She was the squad's best player of the recently concluded 2003-04 season.",
     "2010-09-15"),
    # a whole stretch in brackets, after a noun of any kind
    (("Queues formed outside the current exhibition at the museum (4 March to 28 June 2015) "
     "again today."), "2018-05-02"),
    ("Ticket sales for the ongoing festival (2–11 August 2013) have broken records.",
     "2017-08-05"),
    # a stretch set off by commas inside a phrase on the noun
    ("Under the continuing curfew, in effect from March 3 to 20, 2012, shops close at dusk.",
     "2015-07-09"),
])
def test_flags(text: str, date: str) -> None:
    assert stale(text, date), text


@pytest.mark.parametrize(("text", "date"), [
    # the period holds the publication date, or may (a 2019-20 budget may run to late 2020)
    ("Under the current 2019-20 budget, each school gets £3,000 more.", "2020-02-11"),
    ("Under the current 2019-20 budget, each school gets £3,000 more.", "2020-09-30"),
    ("Fans expect promotion at the end of the ongoing 2019-20 league campaign.", "2020-02-11"),
    ("Organisers are selling tickets for the forthcoming 2021-22 tournament.", "2021-03-01"),
    ("She was the squad's best player of the recently concluded 2019-20 season.",
     "2020-09-15"),
    (("Queues formed outside the current exhibition at the museum (4 March to 28 June 2018) "
     "again today."), "2018-05-02"),
    ("Under the continuing curfew, in effect from March 3 to 20, 2015, shops close at dusk.",
     "2015-03-09"),
    # no word says the period is current
    ("The club's form in the 2010-11 season was patchy.", "2014-10-02"),
    ("Queues formed outside the exhibition at the museum (4 March to 28 June 2015).",
     "2018-05-02"),
    # a recent study of an earlier year
    ("A recent 2019 study found the river cleaner.", "2020-06-01"),
    # "current" as electric current
    ("The current of 2010 amps tripped the breaker in 2011-12 tests.", "2020-06-01"),
    # a stretch that times the clause, not the noun
    ("Sales of the current model, from January to March 2015, rose 5 percent.",
     "2018-05-02"),
    # a year in brackets names when it was won, not how long it lasts
    ("The current champion (2016) defends her title on Sunday.", "2019-05-02"),
])
def test_passes(text: str, date: str) -> None:
    assert not stale(text, date), text


def test_message_says_when_the_stretch_ran_until() -> None:
    (message,) = stale("Ticket sales for the ongoing festival (2–11 August 2013) have broken "
                       "records.", "2017-08-05")
    assert "'festival' is called 'ongoing'" in message
    assert "ran until 11 August 2013" in message


def test_message_names_the_period_by_its_noun() -> None:
    (message,) = stale("Fans hope the ongoing 2015-16 season ends with promotion.", "2020-02-11")
    assert "2015-16" in message and "'ongoing'" in message


def test_a_month_and_two_days_joined_by_to_is_one_range() -> None:
    from test_years import value
    first, _ = value("The curfew ran from March 3 to 20, 2012.", "2015-07-09", "March 3")
    assert first.isoformat() == "2012-03-03"
    # not a percentage, nor a day with its own month
    assert not findings("Shares rose on March 3 to 5 percent.", "2015-07-09",
                        rule="impossible-date")


@pytest.mark.parametrize(("text", "date", "flagged"), [
    # an event, dated by its label, that something still to come is told to follow
    (("A second round of negotiations will follow the March 2019 conference, the ministry "
     "said on Monday."), "2023-10-04", True),
    ("Under the plan, an inquiry would follow Tuesday's hearing and the May 2016 vote.",
     "2021-05-20", True),
    ("A formal treaty could succeed the 2009 peace conference.", "2015-02-02", True),
    # the event is close enough, or still to come
    ("A second round of negotiations will follow the March 2019 conference.", "2019-02-04",
     False),
    # "follow" as "comply with", and a thing that is no event
    ("The new rules would follow the 2015 guidelines closely.", "2024-03-14", False),
    ("She will succeed the May 2019 appointee.", "2024-03-14", False),
    # what was expected long ago, reported as such
    ("In 1998 officials said a treaty would follow the 1996 summit.", "2024-03-14", False),
])
def test_what_is_told_to_follow_an_old_event(text: str, date: str, flagged: bool) -> None:
    assert bool(stale(text, date)) is flagged, text


def tense(text: str, date: str) -> list[str]:
    return [f.message for f in findings(text, date, rule="tense-date-mismatch")]


@pytest.mark.parametrize(("text", "date", "flagged"), [
    # a period named by two years is over by the latest month any convention ends it in
    ("In the 2016-17 tax year, the authority will raise the allowance.", "2017-09-01", True),
    ("During the 2020-21 academic year the school took on 30 more pupils.", "2020-03-02",
     True),
    # it may still be running somewhere (an Australian year ends in June)
    ("In the 2016-17 tax year, the authority will raise the allowance.", "2017-02-01", False),
    ("In the 2017-18 financial year, the council will cut 200 posts.", "2018-05-20", False),
    # a year naming a fiscal year gives no calendar months ("the 2019 fiscal year" may
    # begin in October 2018)
    ("During the 2019 fiscal year the agency hired 40 staff.", "2018-11-14", False),
])
def test_tense_of_a_period_named_by_two_years(text: str, date: str, flagged: bool) -> None:
    assert bool(tense(text, date)) is flagged, text


def test_the_message_says_by_when_it_ended() -> None:
    (message,) = tense("In the 2017-18 financial year, the council will cut 200 posts.",
                       "2018-08-14")
    assert "ended by 30 June 2018" in message
