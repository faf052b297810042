"""Document structure: header lines by role, the dateline in other shapes, and header lines
that never run into the body's first sentence."""

from __future__ import annotations

import datetime as dt

import pytest

import checker
from checker.engine import analyse
from checker.nlp import load_pipeline
from checker.nlp.structure import LineRole, find_dateline, read_structure
from checker.source import read_text


def roles(text: str) -> list[tuple[str, str]]:
    s = read_structure(text)
    return [(h.role.value, text[h.span.start:h.span.end]) for h in s.head]


def test_head_lines_by_role():
    text = ("The Wessex Gazette\nSPORT > CRICKET\n\nRain ends county's title hopes\n\n"
            "By Priya Natarajan, Cricket Correspondent\nUpdated: 14:20, 3 AUG 2022\n\n"
            "Somerset's hopes of a first title ended in the rain at Taunton on Tuesday.\n")
    assert roles(text) == [
        ("outlet", "The Wessex Gazette"), ("outlet", "SPORT > CRICKET"),
        ("headline", "Rain ends county's title hopes"),
        ("byline", "By Priya Natarajan, Cricket Correspondent"),
        ("stamp", "Updated: 14:20, 3 AUG 2022")]
    s = read_structure(text)
    assert text[s.body_start:].startswith("Somerset's")
    assert s.dateline.date() == dt.date(2022, 8, 3)


@pytest.mark.parametrize(("head", "expected"), [
    ("Valley Echo\nGLENCOE, OCTOBER 2, 2021 08:15 CST\n\nThe ferry sailed.", dt.date(2021, 10, 2)),
    ("Evening Post\n09:40, 11 FEB 2019\nBY SAM HOLT\n\nThe ferry sailed.", dt.date(2019, 2, 11)),
    ("The Herald\nPosted 05.03.24, 7:02 PM\n\nThe ferry sailed.", dt.date(2024, 3, 5)),
    ("March 9, 2022 | 4:30 PM | Updated 3 hours ago\n\nThe ferry sailed.", dt.date(2022, 3, 9)),
    ("Last updated / Monday, 14 Nov 2016 18:02\n\nThe ferry sailed.", dt.date(2016, 11, 14)),
    ("OSLO, Nov 2 (Reuters) - Ferry crews struck on Monday.", dt.date.max),  # no year
])
def test_datelines_in_other_shapes(head, expected):
    line = find_dateline(head)
    assert line is not None
    if expected is dt.date.max:
        assert line.date() is None and line.timex.month == 11
    else:
        assert line.date() == expected


def test_a_hard_wrapped_first_paragraph_is_not_cut_into_lines():
    text = ("The harbour board said on Monday that the ferry crews would return to\n"
            "work on Thursday after a week-long stoppage over pay and the rota for\n"
            "the winter timetable.\n")
    s = read_structure(text)
    assert s.head == () and s.body_start == 0


def test_without_a_date_a_wire_dateline_needs_capitals_or_an_agency():
    assert read_structure("Bergen (AFP) - Ferry crews struck.").lead_dateline is not None
    assert read_structure("BERGEN - Ferry crews struck.").lead_dateline is not None
    assert read_structure("Tom Berg - the skipper - said crews struck.").lead_dateline is None


def sentences(text: str) -> list[str]:
    return [s.text.strip() for s in load_pipeline()(text).sents]


@pytest.mark.parametrize("text", [
    ("The Courier\nFriday, 7 March 2025 – 06:10\nFerry strike ends\n"
     "The ferry crews returned to work on Thursday."),
    ("Ferry strike ends\n\nThe Courier | 7 March 2025\n\nThe ferry crews returned to work on "
     "Thursday."),
    "FERRY STRIKE ENDS\nBy Ann Lee\nThe ferry crews returned to work on Thursday.",
])
def test_header_lines_never_run_into_the_first_sentence(text):
    assert sentences(text)[-1] == "The ferry crews returned to work on Thursday."


def test_a_blank_line_in_the_body_ends_a_sentence():
    # a paragraph without a stop (a list item, a caption) does not run into the next one,
    # so the next paragraph's times keep their own verb
    text = ("The crews struck on Monday and the ferries stayed in port. The union said pay was "
            "the issue\n\nthe company met the union on Thursday and the strike ended.")
    assert sentences(text)[-1] == "the company met the union on Thursday and the strike ended."
    facts = analyse(read_text(text)).facts
    (thursday,) = [m for m in facts.mentions if m.text == "Thursday"]
    (monday,) = [m for m in facts.mentions if m.text == "Monday"]
    assert thursday.attachment.sentence == monday.attachment.sentence + 2
    assert thursday.attachment.verb == "meet"


def test_the_first_sentence_after_the_header_has_its_own_subject():
    text = "The Courier\nFriday, 7 March 2025 – 06:10\nFerry strike ends\n" \
           "The ferry crews returned to work on Thursday."
    facts = analyse(read_text(text)).facts
    (thursday,) = [m for m in facts.mentions if m.text == "Thursday"]
    assert thursday.attachment.subject_key == "crew"
    assert facts.pub == dt.date(2025, 3, 7)
    assert [m.dateline for m in facts.mentions if m.text in ("06:10",)] == [True]


def test_a_headline_and_the_dateline_below_it_are_not_linked():
    # "next month" (headline) and the dateline's date would disagree if read as one unit
    text = ("New stand to open next month\n\n23 November 2023\n\n"
            "The club said the new stand would open in December.")
    report = checker.check_text(text)
    assert report.findings == []
    assert [h.role for h in read_structure(text).head] == [LineRole.HEADLINE,
                                                          LineRole.DATELINE]


def test_an_outlet_line_with_a_dash_is_not_a_wire_dateline():
    text = ("HARBOUR PRESS - PRINT EDITION\nTuesday, May 10, 2022\n\nFerry fares rise\n\n"
            "The ferry company raised fares on Monday.")
    assert find_dateline(text).date() == dt.date(2022, 5, 10)


def test_bullets_under_a_headline_are_head_lines_not_wrapped_prose():
    text = ("Fares rise again\n\n* Ferry fares rise 4 pct, bus fares 2 pct - operators say\n"
            "* Rail fares frozen\n\nOSLO, May 10 (Reuters) - Ferry fares will rise in June.")
    s = read_structure(text)
    assert text[s.body_start:].startswith("OSLO") and s.dateline.timex.month == 5


def test_a_dateline_below_the_standfirst():
    text = ("Nightjars cross the Sahara\n\nTiny tags show the birds fly 7,000 km each way.\n\n"
            "By Ann Lee · 14 September 2020\n\nThe study tracked 32 birds.")
    assert find_dateline(text).date() == dt.date(2020, 9, 14)
    assert "By Ann Lee · 14 September 2020" in sentences(text)
