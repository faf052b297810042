"""Event identity (nlp/predicates, nlp/coref, resolve/events) and the rules that read it,
on sentences written for these tests: each form of the same mechanism in other words."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import findings

import checker
from checker.engine import analyse
from checker.nlp import load_pipeline
from checker.nlp.coref import Entities
from checker.source import read_text

ETC = "event-time-conflict"

# one event given two days, in many surface forms
SAME_EVENT = [
    # verb and its nominalisation (WordNet: death → die), possessive pronoun resolved
    ("2021-03-10", ("The poet died on Saturday at her home in Galway. Since her death on "
                   "Friday, hundreds have signed the book of condolence.")),
    # phrasal synonym and light verb + event noun, possessive of a definite description
    ("2019-09-18", ("Storm Imelda came ashore near Freeport on Tuesday. Power has been out "
                   "across the county since the storm's landfall on Monday.")),
    # a date as a label on the noun
    ("2016-04-20", ("Detectives arrested the driver on 12 April. After his 13 April arrest "
                   "he was released on bail.")),
    ("2022-02-09", ("The chief executive, Mark Oduya, resigned on Monday. Investors cheered "
                   "Tuesday's resignation, sending the shares up 4 per cent.")),
    ("2018-07-12", ("The court ruled on 10 July that the contract was void. Lawyers for the "
                   "council said they would appeal the 9 July ruling.")),
    ("2015-05-06", ("The ship sank off Malta on 2 May. Survivors of the 3 May sinking were "
                   "taken to Valletta.")),
    # a gerund noun, a phrasal noun (WordNet: shutdown → shut down)
    ("2020-11-10", ("Officials said the new terminal opened to passengers on Thursday. Since "
                   "the opening on Wednesday, 40 flights have used it.")),
    ("2017-08-30", ("The factory was shut down on 21 August after a gas leak. Workers have "
                   "been paid since the 22 August shutdown.")),
    # years
    ("2022-06-01", ("The club was founded in 1886 by railway workers. Since its founding in "
                   "1888, it has won the league six times.")),
    # a verb saying the event took place, a participle on the event noun
    ("2020-10-19", ("The burglary at the pharmacy happened on Sunday night. Police want to "
                   "hear from anyone who saw Saturday night's burglary.")),
    ("2018-03-20", ("The 12 March verdict was read out to a silent court. The verdict, "
                   "handed down on 13 March, cleared the driver.")),
    # a pronoun subject resolved to the named storm
    ("2019-09-03", ("Hurricane Mara made landfall on Saturday near Houma. Thousands have "
                   "been without power since it made landfall there on Sunday.")),
    # one thing under one noun, told twice; "the polls" and "polling stations" (a bare
    # plural names nothing particular, so it does not stand against the description)
    ("2010-05-08", ("The polls closed at 10pm on Thursday. Counting began as soon as polling "
                   "stations closed on Tuesday.")),
    # one event in the same words, same subject
    ("2024-06-06", ("The minister left Leeds on Monday. She left Leeds on Tuesday, officials "
                   "said later.")),
]


@pytest.mark.parametrize(("date", "text"), SAME_EVENT)
def test_one_event_two_days_is_flagged(date, text):
    got = findings(text, date, rule=ETC)
    assert len(got) == 1, text
    assert got[0].severity.value == "warning"  # matching events is a judgement


DIFFERENT = [
    # the date of the announcement, not of the death
    ("2021-03-10", ("The poet died on Saturday at her home in Galway. Her death was "
                   "announced on Monday by her publisher.")),
    # different predicates
    ("2016-04-20", "Detectives arrested the driver on 12 April and charged him on 13 April."),
    # coordinated days: one visit over two days
    ("2024-11-20", ("Inspectors visited the school on Tuesday, 8 October, and Wednesday, "
                   "9 October.")),
    # gapping: two subjects, two votes
    ("2023-09-01", "Bavaria votes on 8 October and Hesse on 15 October."),
    # another occurrence, said in many ways
    ("2022-03-02", "Police arrested a man on Monday. A second man was arrested on Tuesday."),
    ("2022-03-02", "Police arrested two men on Monday and a woman on Tuesday."),
    ("2020-01-15", ("A woman died in a crash on the A9 on Saturday. A man died in a separate "
                   "crash near Perth on Sunday.")),
    ("2020-01-15", ("Two climbers died on Ben Nevis on Saturday. A third climber died on "
                   "Sunday in hospital.")),
    ("2015-06-01", "Floods hit the valley in 2007. The village flooded again in 2012."),
    ("2022-09-27", ("The storm made landfall in Cuba on Saturday and made landfall again in "
                   "Florida on Wednesday.")),
    ("2020-05-20", ("The first lockdown began on 23 March. A second lockdown began on "
                   "5 November.")),
    ("2016-02-03", ("Smith was born in Leeds on 3 May 1950. His brother was born in York on "
                   "5 May 1952.")),
    # measures repeat every day
    ("2019-05-10", ("Shares in the company rose 4 per cent on Monday. They rose again on "
                   "Tuesday after the results.")),
    ("2020-05-20", "The Dow closed 1% higher on Monday. It closed down 2% on Tuesday."),
    # sayings repeat; their content is dated
    ("2018-10-02", ("The minister said on Monday that talks would continue. She said on "
                   "Wednesday that a deal was close.")),
    # a time said to have changed
    ("2019-03-05", ("The match on Saturday was postponed because of snow. The match will "
                   "now be played on Tuesday.")),
    ("2014-06-10", "The vote, originally set for Tuesday, was held on Thursday."),
    # different legs of a journey, different objects
    ("2018-05-14", ("The ferry left Dover on Monday and arrived in Calais two hours later. "
                   "It left Calais on Tuesday.")),
    ("2021-10-05", ("The company reported results on Tuesday. Its rival reported results on "
                   "Wednesday.")),
    # two labels name two instances; years far apart are two occurrences
    ("2013-02-01", "The 2011 figures showed a loss. The 2012 figures showed a profit."),
    ("2012-02-03", ("The quake revived memories of the 2004 quake off Aceh, which killed "
                   "thousands, and of a quake in 2009 off Padang.")),
    # a description told as another of its kind: "the new", "a fresh", "the latest"
    ("2014-07-20", ("The truce took effect on Monday. After it collapsed, the new truce took "
                   "effect on Friday.")),
    ("2016-11-08", ("The curfew began on Saturday. When the riots spread, the latest curfew "
                   "began on Tuesday evening.")),
    # two definite descriptions by different nouns: two things
    ("2017-01-12", ("The village lost power on Sunday. The city lost power on Tuesday, the "
                   "utility said.")),
    ("2019-04-02", ("The committee voted on 28 March. The council voted on 1 April to "
                   "approve the plan.")),
    # a phase: the start and the end of one strike
    ("2023-02-23", ("The 48-hour strike by ambulance staff began at 00:01 on Monday and "
                   "ended at 00:01 on Wednesday.")),
]


@pytest.mark.parametrize(("date", "text"), DIFFERENT)
def test_different_occurrences_pass(date, text):
    assert not findings(text, date, rule=ETC), text


def test_events_are_facts_with_their_mentions():
    text = "The ferry sank off Skye on 2 May. Survivors of the 3 May sinking were taken to Oban."
    facts = analyse(read_text(text), publication_date_given=dt.date(2015, 5, 20)).facts
    sinking = [e for e in facts.events if e.predicate == "sink"]
    assert len(sinking) == 1
    words = [facts.words(facts.mentions[i]) for i in sinking[0].mentions]
    assert words == ["2 May", "3 May"]
    assert [r.word for r in sinking[0].refs] == ["sank", "sinking"]


def test_a_phrase_after_an_event_noun_may_date_the_noun():
    """"declared mourning following his death on Saturday": the parser hangs the date on
    "declared"; the noun's reading dates the death told elsewhere."""
    text = ("Teles died on Sunday in Lisbon. The president declared two days of mourning "
            "following his death on Saturday.")
    assert findings(text, "2016-10-18", rule=ETC)


def _refs(text: str) -> dict[str, tuple[int, bool]]:
    doc = load_pipeline()(text)
    entities = Entities(doc)
    out = {}
    for token in doc:
        ref = entities.ref(token)
        if ref is not None:
            out[f"{token.text}@{token.i}"] = (ref.entity, ref.certain)
    return out


def test_coreference_names_descriptions_and_pronouns():
    refs = _refs("Tropical Cyclone Leonie crossed the coast on Saturday. The cyclone "
                 "weakened. Leonie is expected to bring more rain.")
    leonie = refs["Leonie@2"][0]
    assert refs["cyclone@10"] == (leonie, True)  # a description carrying the name's word
    assert refs["Leonie@13"] == (leonie, True)  # a part of the name
    refs = _refs("Mr Hadad met Mrs Pike. She said he was tired.")
    assert refs["She@6"][0] == refs["Pike@4"][0]  # gender from the title
    assert refs["he@8"][0] == refs["Hadad@1"][0]


def test_coreference_is_unsure_rather_than_wrong():
    # two people share the surname: "Kim" may be either
    refs = _refs("Kim Jong Un left Beijing. Duyeon Kim, an analyst, commented. Kim waved.")
    assert refs["Kim@14"][1] is False
    # a description with nothing to refer back to may be something told in other words
    refs = _refs("The Westgate centre opened. The mall was busy.")
    assert refs["mall@6"][1] is False
    # an indefinite is new, for sure
    refs = _refs("A man was arrested. A woman was arrested.")
    assert refs["man@1"][0] != refs["woman@6"][0] and refs["woman@6"][1]


def test_lexicon_links_nouns_to_verbs():
    from checker import lexicon as lx

    assert lx.verbs_of("death") == ("die",)
    assert "walk out" in lx.verbs_of("walkout")
    assert lx.known_verb("stage") and not lx.known_verb("stag")
    assert lx.SYNONYM_OF["came ashore".replace("came", "come")] == "landfall"


# ---------------------------------------------------------------- tense and attachment
TENSE = "tense-date-mismatch"
TENSE_FLAGS = [
    ("2017-09-09", ("When the assembly reconvenes on 4 September, members will debate the "
                   "budget.")),  # a present in a time clause under a future
    ("2015-06-10", "The shops will be busy once they reopen on 8 June."),
    ("2012-11-03", ("Delegates, who approved the plan in a ballot held Nov. 7, must now elect "
                   "a chair.")),  # a participle on a noun in a past clause
    ("2019-04-09", "Divers are going to survey the cracked sea wall at Dover on 5 April."),
    ("2010-09-10", "She is due to appear again, via video link, on 6 September."),
    ("2022-01-04", "The utility will reconnect the last homes by Dec. 30, a spokesman said."),
    ("2019-09-20", "Work on the new stand will start in spring 2019."),
    ("2011-11-01", "Neighbours mourned the 4 November fire that destroyed the chapel."),
    ("2015-03-15", "The book fair will run from 3 to 10 March in the old market hall."),
    ("2007-11-02", "He will appear for a bail hearing on Oct. 30, his lawyer said."),
]
TENSE_PASSES = [
    ("2017-09-01", ("When the assembly reconvenes on 4 September, members will debate the "
                   "budget.")),
    # a reporting verb's past does not reach its clause
    ("2024-01-10", ("The new parking charges take effect on 2 March 2024, a Saturday, the "
                   "council announced.")),
    ("2024-01-10", ("Cheaper fares on the coast line start on 2 March 2024, the operator "
                   "announced.")),
    ("2025-05-31", "The race will be remembered for the night of Tuesday, May 27."),
    ("2023-10-10", "Rain is forecast for this weekend (Oct. 14-15), forecasters said."),
    # verbs that talk about an event at any time
    ("2024-03-12", "The club announced the 16 March fixture against Leeds on Monday."),
    ("2024-03-12", "Tickets for the 16 March final went on sale on Monday."),
    ("2024-03-12", "Police will review the 9 March crash that closed the bypass."),
    ("2009-07-02", "Twenty-one days of national mourning, from 1 to 14 July, were declared."),
    ("2022-01-04", "The utility reconnected the last homes by Dec. 30, a spokesman said."),
    ("2019-09-20", "Work on the new stand will start in spring 2020."),
    ("2010-10-23", "Apple released the 2011 version of its software."),  # a year names which
]


@pytest.mark.parametrize(("date", "text"), TENSE_FLAGS)
def test_tense_flags(date, text):
    assert findings(text, date, rule=TENSE), text


@pytest.mark.parametrize(("date", "text"), TENSE_PASSES)
def test_tense_passes(date, text):
    assert not findings(text, date, rule=TENSE), text


# ---------------------------------------------------------------- one finding per error
def test_one_wrong_date_gives_one_finding():
    """A weekday off by one also makes the past tense wrong: the weekday is the root; the
    tense finding is listed under it."""
    report = checker.check_text("The committee met on Friday, 1 June 2024, to approve the "
                                "accounts.", publication_date="2024-05-30")
    assert [f.rule for f in report.findings] == ["weekday-mismatch"]
    labels = [r.label for r in report.findings[0].related]
    assert any(label.startswith("also tense-date-mismatch") for label in labels)


def test_fold_keeps_unrelated_findings():
    from checker.dedupe import fold
    from checker.model import Finding, Severity, Span

    root = Finding("weekday-mismatch", Severity.ERROR, "w", Span(10, 20))
    on_root = Finding("tense-date-mismatch", Severity.ERROR, "t", Span(12, 18))
    elsewhere = Finding("tense-date-mismatch", Severity.ERROR, "t2", Span(40, 50))
    out = fold([root, on_root, elsewhere])
    assert [f.message for f in out] == ["w", "t2"]
    assert out[0].related[-1].span == Span(12, 18)
    # a root is never folded into a finding below it
    assert fold([on_root, root])[0].rule == "weekday-mismatch"


# ---------------------------------------------------------------- which noun a cue reaches
STALE = "stale-reference"
STALE_FLAGS = [
    ("2023-05-04", ("Farmers are still counting the cost of the recent drought of summer 2010 "
                   "in the Fens.")),  # the noun's own phrase
    ("2021-06-09", ("Newly appointed headteacher Joan Pike, who took up the post in September "
                   "2015, said results had improved.")),  # the participle's act in other words
    ("2020-08-01", ("The just-released figures, published on 2 May 2016, show a fall in "
                   "rough sleeping.")),
    ("2016-02-03", ("Residents remember the recent landslide on 4 March 2009 near the "
                   "quarry.")),
    ("2015-11-20", ("She said the recent council election, held on 6 May 2010, had changed "
                   "nothing.")),  # a clause saying the noun's event took place
    ("2014-06-18", ("Under the new rules, which came into force on 1 January 2008, every "
                   "landlord must register.")),  # when the thing began
    ("2020-09-14", ("Under the current ten-year plan for the river, which ran from 2005 to "
                   "2015, most money went to flood banks.")),  # its whole stretch, now over
    ("2020-06-20", ("Crews are stretched by the current fire season, which the agency "
                   "declared open on June 1, 2019.")),  # a season cannot run a year
    ("2016-02-12", "The latest monthly figures, for March 2014, show a rise in arrests."),
    ("2019-03-04", ("Staff backed the recently announced two-day strike on 14-15 September "
                   "2011, the union said.")),
    ("2010-09-07", ("Fresh from their win in the 2005 league final, the club open the season "
                   "on Saturday.")),
    ("2017-01-25", "Investors awaited the pending Sept. 16, 2014, decision on the patent."),
    ("2012-05-24", ("Both airlines still feel the recent disruption caused by the eruption "
                   "in April 2010.")),  # what set it off
]
STALE_PASSES = [
    ("2023-05-04", ("A recent report on the 2010 drought in the Fens found that irrigation "
                   "saved most crops.")),  # the date is the drought's, not the report's
    ("2021-06-09", "The recently refurbished library, built in 1906, reopens on Saturday."),
    ("2023-06-25", "Recently released papers from 1998 show the dam was weak."),
    ("2017-05-13", "The most recent census, taken in 2011, put the population at 24,500."),
    ("2019-06-01", "The latest annual report, for 2018, shows a loss."),
    ("2014-03-19", ("Under the new rules, which came into force on 1 January, every landlord "
                   "must register.")),
    ("2025-01-18", ("With the current season, which opened in August 2024, half finished, "
                   "Rovers sit fourth.")),
    ("2024-08-12", "Cladding was banned on new tower blocks in England in December 2018."),
    ("2016-11-26", "Jazz from New Orleans in 1938 was the theme of the evening."),
    ("2022-08-01", "A half-point rise would be the first of that size since February 1995."),
    ("2019-02-25", "The upcoming trial over the 2016 crash is expected to last six weeks."),
]


@pytest.mark.parametrize(("date", "text"), STALE_FLAGS)
def test_stale_flags(date, text):
    assert findings(text, date, rule=STALE), text


@pytest.mark.parametrize(("date", "text"), STALE_PASSES)
def test_stale_passes(date, text):
    assert not findings(text, date, rule=STALE), text


def test_a_report_of_now_keeps_its_future():
    """"said on Monday that it would open in March 2016", in 2019: the report is news of
    now, so what it calls still to come must be; a report of 2014 may tell what was
    expected then."""
    assert findings("The minister said on Monday that the terminal would open in March "
                    "2016.", "2019-05-10", rule=STALE)
    assert findings("The terminal would open in March 2016, the minister said on Monday.",
                    "2019-05-10", rule=STALE)
    assert not findings("The minister said in 2014 that the terminal would open in March "
                        "2016.", "2019-05-10", rule=STALE)


def test_a_period_long_over_told_as_to_come():
    assert findings("The board will approve a 2012 budget next week.", "2015-04-10",
                    rule=STALE)
    assert not findings("Auditors will review the 2012 budget next week.", "2015-04-10",
                        rule=STALE)
    assert not findings("The board will approve the 2015 budget next week.", "2015-04-10",
                        rule=STALE)


def _weekday_value(text: str, date: str, words: str) -> dt.date:
    facts = analyse(read_text(text), publication_date_given=dt.date.fromisoformat(date)).facts
    return next(m.value.first for m in facts.mentions if facts.words(m) == words)


def test_bare_weekdays_in_a_story_about_an_earlier_week():
    """Mechanism N: the story's own stated date frames the weekdays after it."""
    text = ("The ferry sank on Tuesday 6 August. Divers reached the wreck on Wednesday night "
            "and the hull was raised the following day, Thursday 8 August.")
    assert _weekday_value(text, "2019-08-17", "Wednesday night") == dt.date(2019, 8, 7)
    assert not findings(text, "2019-08-17")
    wrong = text.replace("Thursday 8 August", "Friday 9 August")
    assert findings(wrong, "2019-08-17", rule="relative-date-conflict")
    # a date in the weekday's own sentence, or a birth date, frames nothing
    born = "Born on 29 February 1996, Chloe Adams turned 28 on Thursday."
    assert _weekday_value(born, "2024-03-01", "Thursday") == dt.date(2024, 2, 29)
    # a frame this week: the publication date places it as before
    assert _weekday_value("The ferry sank on Tuesday 13 August. Divers arrived on Wednesday.",
                          "2019-08-17", "Wednesday") == dt.date(2019, 8, 14)


@pytest.mark.parametrize("text", [
    # an agenda: each line is its own meeting
    "Agenda\n\nMonday 3 June: the committee meets\nMonday 10 June: the committee meets\n",
    # what comes next, as a list with dashes
    ("What happens next:\n\n- 4 June – the board votes on the plan\n"
    "- 11 June – the board votes on the plan\n"),
])
def test_entries_of_a_schedule_are_separate_occurrences(text, monkeypatch):
    """A time that labels its line is an entry of a schedule: each its own occurrence. The
    same lines read as prose would be one event given two days."""
    assert not findings(text, "2024-05-28", rule=ETC), text
    monkeypatch.setattr("checker.resolve.events.labels_its_line", lambda text, m: False)
    assert findings(text, "2024-05-28", rule=ETC), "the case no longer tests the entries"


def test_a_paragraph_opened_by_a_time_is_still_prose():
    """Only a time that labels its line is an entry: 'Monday's vote' opening a paragraph
    is the vote the copy told of before."""
    text = ("The minister left Brussels on Monday.\n\n"
            "Wednesday: she departed from Brussels, aides said.\n")
    assert not findings(text, "2024-06-06", rule=ETC)  # labels its line: an entry
    text = ("The minister left Brussels on Monday.\n\n"
            "On Wednesday she departed from Brussels, aides said.\n")
    assert findings(text, "2024-06-06", rule=ETC)
