"""The plain words messages are built from (checker.facts.words): a day with its weekday, a
moment at its grain, how a date was worked out (only when inferred), the words as written."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.facts import Attachment, Grain, How, Kind, Mention, Moment, Written
from checker.facts.words import dated, day, how_placed, moment, ordinal, phrase, plural, quote
from checker.model import PublicationDate, Span

D = dt.date
PUB = PublicationDate(D(2024, 5, 29), "dateline")  # a Wednesday


def test_a_day_is_named_with_its_weekday():
    assert day(D(2024, 5, 30)) == "Thursday 30 May 2024"
    assert day(D(1999, 12, 31)) == "Friday 31 December 1999"


@pytest.mark.parametrize(("value", "words"), [
    (Moment.day(D(2024, 5, 30)), "Thursday 30 May 2024"),
    (Moment(D(2024, 5, 29), D(2024, 5, 29), Grain.TIME, hour=22, minute=46),
     "Wednesday 29 May 2024, 22:46"),
    (Moment.day(D(2024, 5, 29), label="evening"), "the evening of Wednesday 29 May 2024"),
    (Moment(D(2024, 6, 3), D(2024, 6, 6), Grain.DAY), "Monday 3 to Thursday 6 June 2024"),
    (Moment(D(2024, 5, 31), D(2024, 6, 2), Grain.DAY), "Friday 31 May to Sunday 2 June 2024"),
    (Moment(D(2024, 6, 1), D(2024, 6, 2), Grain.WEEKEND), "Saturday 1 to Sunday 2 June 2024"),
    (Moment(D(2024, 5, 27), D(2024, 6, 2), Grain.WEEK), "the week of Monday 27 May 2024"),
    (Moment.month(2018, 6), "June 2018"),
    (Moment(D(2018, 6, 1), D(2018, 8, 31), Grain.SEASON, label="summer"), "summer 2018"),
    (Moment(D(2024, 7, 1), D(2024, 9, 30), Grain.QUARTER), "the third quarter of 2024"),
    (Moment(D(2009, 1, 1), D(2009, 6, 30), Grain.HALF), "the first half of 2009"),
    (Moment.year(2011), "2011"),
    (Moment(D(1990, 1, 1), D(1999, 12, 31), Grain.DECADE), "the 1990s"),
    (Moment(D(1901, 1, 1), D(2000, 12, 31), Grain.CENTURY), "the 20th century"),
    (Moment(D(1900, 1, 1), D(1999, 12, 31), Grain.CENTURY), "the 20th century"),
])
def test_a_moment_is_said_at_its_grain(value, words):
    assert moment(value) == words


def test_small_words():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == \
        ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]
    assert plural(1, "day") == "1 day" and plural(4, "day") == "4 days"
    assert plural(2.5, "year") == "2.5 years" and plural(3.0, "week") == "3 weeks"
    assert quote(", 45") == "'45'" and quote(" June 2018.") == "'June 2018'"
    assert quote("the '80s") == "'the '80s'" and quote("Jones'") == "'Jones''"
    assert quote("on\n  Thursday") == "'on Thursday'"


def _mention(text: str, words: str, value: Moment | None, how: How, *, verb: str | None = None,
             prep: str | None = None, anchor: int | None = None, ident: int = 0) -> Mention:
    start = text.index(words)
    verb_start = text.index(verb) if verb else None
    return Mention(ident, Span(start, start + len(words)), words,
                   Written(Kind.WEEKDAY, start, start + len(words)),
                   Attachment(0, prep=prep, verb_start=verb_start), value=value, how=how,
                   anchor=anchor)


TEXT = "He departed on Wednesday and will be leaving on Thursday."


@pytest.mark.parametrize(("how", "value", "said"), [
    (How.STATED, Moment.day(D(2024, 5, 30)), None),
    (How.YEAR_FROM_PUBLICATION, Moment.day(D(2024, 5, 30)), "year taken from the dateline"),
    (How.MONTH_FROM_PUBLICATION, Moment.day(D(2024, 5, 30)),
     "month and year taken from the dateline"),
    (How.YEAR_FROM_CONTEXT, Moment.day(D(2024, 5, 30)), "year taken from a date nearby"),
    (How.WEEKDAY_BY_TENSE, Moment.day(D(2024, 5, 30)), "the Thursday after publication"),
    (How.WEEKDAY_BY_TENSE, Moment.day(D(2024, 5, 24)), "the Friday before publication"),
    (How.WEEKDAY_BY_TENSE, Moment.day(D(2024, 5, 29)), "the day of publication"),
    (How.RELATIVE_TO_PUBLICATION, Moment.day(D(2024, 5, 28)), "counted from the dateline"),
    (How.RELATIVE_TO_EVENT, Moment.day(D(2024, 5, 31)), "counted from another date in the story"),
    (How.UNRESOLVED, None, "not placed on the calendar"),
])
def test_how_a_date_was_placed_is_said_only_when_inferred(how, value, said):
    m = _mention(TEXT, "Thursday", value, how)
    assert how_placed(m, PUB) == said


def test_where_the_publication_date_came_from_is_named():
    m = _mention(TEXT, "Thursday", Moment.day(D(2024, 5, 30)), How.YEAR_FROM_PUBLICATION)
    assert how_placed(m, PublicationDate(D(2024, 5, 29), "html-meta")) == \
        "year taken from the page's publication date"
    assert how_placed(m, PublicationDate(D(2024, 5, 29), "option")) == \
        "year taken from the publication date given"
    earlier = _mention(TEXT, "Wednesday", Moment.day(D(2024, 5, 29)), How.STATED)
    later = _mention(TEXT, "Thursday", Moment.day(D(2024, 5, 30)), How.RELATIVE_TO_EVENT,
                     anchor=0, ident=1)
    assert how_placed(later, PUB, [earlier, later]) == "counted from 'Wednesday'"


def test_the_words_an_editor_looks_for_take_their_verb():
    leaving = _mention(TEXT, "Thursday", Moment.day(D(2024, 5, 30)), How.WEEKDAY_BY_TENSE,
                       verb="leaving", prep="on")
    assert phrase(TEXT, leaving) == "leaving on Thursday"
    assert dated(TEXT, leaving, PUB) == \
        "'leaving on Thursday' (Thursday 30 May 2024, the Thursday after publication)"
    assert dated(TEXT, leaving, PUB, say_how=False) == \
        "'leaving on Thursday' (Thursday 30 May 2024)"
    stated = _mention(TEXT, "Wednesday", Moment.day(D(2024, 5, 29)), How.STATED,
                      verb="departed", prep="on")
    assert dated(TEXT, stated, PUB) == "'departed on Wednesday' (Wednesday 29 May 2024)"
    # words between the verb and the time that do not end in its preposition stay out
    far = "He became the leader of North Korea in 2011."
    year = _mention(far, "2011", Moment.year(2011), How.STATED, verb="became", prep="in")
    assert phrase(far, year) == "2011"
    across = "They left, and on Thursday it rained."
    comma = _mention(across, "Thursday", None, How.UNRESOLVED, verb="left", prep="on")
    assert phrase(across, comma) == "Thursday" and dated(across, comma) == "'Thursday'"
