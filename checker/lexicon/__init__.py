"""Every word list the extractors and the grammar consult, read once from `en.toml`.

Data only: the names below are the file's tables, typed for lookups (frozensets for word
lists, dicts for tables). Add a word in `en.toml`, never in code.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any


def _load() -> dict[str, dict[str, Any]]:
    with resources.files(__package__).joinpath("en.toml").open("rb") as fh:
        return tomllib.load(fh)


_EN = _load()
_cal, _amt, _gr = _EN["calendar"], _EN["amounts"], _EN["grammar"]
_ev, _pe, _co, _st = _EN["events"], _EN["people"], _EN["counts"], _EN["structure"]

# ---------------------------------------------------------------- calendar
MONTHS: dict[str, int] = _cal["months"]
MONTH_NAMES: tuple[str, ...] = tuple(_cal["month_names"])
WEEKDAYS: dict[str, int] = _cal["weekdays"]
WEEKDAY_NAMES: tuple[str, ...] = tuple(_cal["weekday_names"])
WEEKDAY_WORDS: frozenset[str] = frozenset(_cal["weekday_words"])
TIME_INTRODUCERS: tuple[str, ...] = tuple(_cal["time_introducers"])
UNITS: dict[str, str] = _cal["units"]
UNIT_ABBREVIATIONS: dict[str, str] = _cal["unit_abbreviations"]
SEASONS: dict[str, tuple[int, int]] = {k: tuple(v) for k, v in _cal["seasons"].items()}
SEASON_ALIASES: dict[str, str] = _cal["season_aliases"]
PARTS_OF_DAY: frozenset[str] = frozenset(_cal["parts_of_day"])
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {k: tuple(v)
                                              for k, v in _cal["fixed_holidays"].items()}
EASTER_HOLIDAYS: dict[str, int] = _cal["easter_holidays"]
DIRECTIONS: dict[str, int] = _cal["directions"]
SERIES_ENDS: dict[str, int] = _cal["series_ends"]
PART_OF_DAY_HOURS: dict[str, tuple[int, int]] = {k: tuple(v)
                                                 for k, v in _cal["part_of_day_hours"].items()}
JOURNEY_NOUNS: frozenset[str] = frozenset(_cal["journey_nouns"])
SPLIT_YEARS: dict[str, tuple[int, ...]] = {k: tuple(v) for k, v in _cal["split_years"].items()}
SPLIT_YEAR_DEFAULT: tuple[int, ...] = tuple(_cal["split_year_default"])
TIME_NOUNS: frozenset[str] = frozenset(_cal["time_nouns"])
TIME_PREPOSITIONS: frozenset[str] = frozenset(_cal["time_prepositions"])

# ---------------------------------------------------------------- amounts
VAGUE_AMOUNTS: dict[str, float | None] = {**_amt["counted"],
                                          **dict.fromkeys(_amt["uncounted"])}
APPROXIMATORS: tuple[str, ...] = tuple(_amt["approximators"])
LIMITERS: tuple[str, ...] = tuple(_amt["limiters"])
NUMBER_WORDS: tuple[str, ...] = tuple(_amt["number_words"])
COUNT_ADJECTIVES: tuple[str, ...] = tuple(_amt["count_adjectives"])
RATE_GOVERNORS: tuple[str, ...] = tuple(_amt["rate_governors"])
RATE_BREAKERS: frozenset[str] = frozenset(_amt["rate_breakers"])
FRACTION_DETERMINERS: frozenset[str] = frozenset(_amt["fraction_determiners"])

# ---------------------------------------------------------------- grammar
FUTURE_AUX: frozenset[str] = frozenset(_gr["future_aux"])
MODAL_AUX: frozenset[str] = frozenset(_gr["modal_aux"])
SCHEDULE_WORDS: frozenset[str] = frozenset(_gr["schedule_words"])
REPORTING_VERBS: frozenset[str] = frozenset(_gr["reporting_verbs"])
HEDGES: frozenset[str] = frozenset(_gr["hedges"])
TIME_CLAUSE_MARKS: frozenset[str] = frozenset(_gr["time_clause_marks"])
LOOKS_AHEAD: frozenset[str] = frozenset(_gr["looks_ahead"])
WISH_VERBS: frozenset[str] = frozenset(_gr["wish_verbs"])
PERSON_PRONOUNS: frozenset[str] = frozenset(_gr["person_pronouns"])
RELATIVE_PRONOUNS: frozenset[str] = frozenset(_gr["relative_pronouns"])
PREPOSITION_ROLES: dict[str, str] = _gr["preposition_roles"]
PLACE_PREPOSITIONS: frozenset[str] = frozenset(_gr["place_prepositions"])
TOWARD_PREPOSITIONS: frozenset[str] = frozenset(_gr["toward_prepositions"])

# ---------------------------------------------------------------- events
EVENT_CLASSES: dict[str, frozenset[str]] = {k: frozenset(v)
                                            for k, v in _ev["classes"].items()}
HAPPEN_VERBS: frozenset[str] = frozenset(_ev["happen_verbs"])
START_VERBS: frozenset[str] = frozenset(_ev["start_verbs"])
END_VERBS: frozenset[str] = frozenset(_ev["end_verbs"])
ENDING_VERBS: frozenset[str] = frozenset(_ev["ending_verbs"])
RESCHEDULE_CUES: frozenset[str] = frozenset(_ev["reschedule_cues"])
SCHEDULING_VERBS: frozenset[str] = frozenset(_ev["scheduling_verbs"])
SEQUENCE_CUES: frozenset[str] = frozenset(_ev["sequence_cues"])
SPAN_EVENT_SYNONYMS: tuple[frozenset[str], ...] = tuple(frozenset(g)
                                                        for g in _ev["span_event_synonyms"])
UPCOMING_CUES: frozenset[str] = frozenset(_ev["upcoming_cues"])
RECENT_CUES: dict[str, float] = _ev["recent_cues"]

# ---------------------------------------------------------------- people
TITLES: frozenset[str] = frozenset(_pe["titles"])
HONORIFICS: frozenset[str] = frozenset(_pe["honorifics"])
NOT_NAMES: frozenset[str] = frozenset(_pe["not_names"]) | frozenset(MONTHS) | \
    frozenset(WEEKDAYS)
PERSON_VERBS: frozenset[str] = frozenset(_pe["person_verbs"])
BIRTHDAY_QUALIFIERS: frozenset[str] = frozenset(_pe["birthday_qualifiers"])

# ---------------------------------------------------------------- counts
COUNT_CLASSES: dict[str, str] = _co["classes"]
COUNT_PREDICATES: dict[str, str] = _co["predicates"]
DONE_TO: frozenset[str] = frozenset(_co["done_to"])
CASUALTY_WORDS: frozenset[str] = frozenset(_co["casualty_words"])
TALLY_NOUNS: frozenset[str] = frozenset(_co["tally_nouns"])
COUNT_UPDATE_CUES: frozenset[str] = frozenset(_co["update_cues"])
CHANGE_VERBS: frozenset[str] = frozenset(_co["change_verbs"])

# ---------------------------------------------------------------- document structure
DATELINE_WORDS: frozenset[str] = frozenset(_st["dateline_words"])
WIRE_AGENCIES: tuple[str, ...] = tuple(_st["wire_agencies"])
STAMP_WORDS: frozenset[str] = frozenset(_st["stamp_words"])
BYLINE_WORDS: frozenset[str] = frozenset(_st["byline_words"])
BYLINE_ROLES: frozenset[str] = frozenset(_st["byline_roles"])


def alternation(words: object, *, spaced: bool = False) -> str:
    """A regular-expression alternation of the words, longest first (so that "Sept" is
    tried before "Sep"); `spaced`: a phrase's words may be split by any run of spaces."""
    import re

    def one(word: str) -> str:
        return r"\s+".join(map(re.escape, word.split())) if spaced else re.escape(word)

    return "(?:" + "|".join(one(w) for w in sorted(words, key=len, reverse=True)) + ")"
