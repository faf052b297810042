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
RELATIVE_DAYS: dict[str, int] = _cal["relative_days"]
RELATIVE_YEARS: dict[str, int] = _cal["relative_years"]
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
MULTIPLIERS: dict[str, int] = _amt["multipliers"]
SCALES: dict[str, float] = _amt["scales"]
CURRENCY_SIGNS: frozenset[str] = frozenset(_amt["currency_signs"])
CURRENCIES: frozenset[str] = frozenset(_amt["currencies"])
MEASURE_UNITS: dict[str, str] = _amt["measure_units"]
PERCENT_WORDS: frozenset[str] = frozenset(_amt["percent_words"])
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
COMPARISON_WORDS: frozenset[str] = frozenset(_gr["comparison_words"])
ABOUT_VERBS: frozenset[str] = frozenset(_gr["about_verbs"]) | REPORTING_VERBS | \
    frozenset(_ev["scheduling_verbs"])
HEDGES: frozenset[str] = frozenset(_gr["hedges"])
TIME_CLAUSE_MARKS: frozenset[str] = frozenset(_gr["time_clause_marks"])
LOOKS_AHEAD: frozenset[str] = frozenset(_gr["looks_ahead"])
LOOKS_BACK: frozenset[str] = frozenset(_gr["looks_back"])
FOLLOW_VERBS: frozenset[str] = frozenset(_gr["follow_verbs"])
WISH_VERBS: frozenset[str] = frozenset(_gr["wish_verbs"])
PERSON_PRONOUNS: frozenset[str] = frozenset(_gr["person_pronouns"])
RELATIVE_PRONOUNS: frozenset[str] = frozenset(_gr["relative_pronouns"])
# pronoun → (refers to a person?, gender, plural?); None where it says nothing
PRONOUN_AGREEMENT: dict[str, tuple[bool | None, str | None, bool]] = {
    word: (person if person != "" else None, gender or None, plural)
    for word, (person, gender, plural) in _gr["pronoun_agreement"].items()}
SELF_NOUNS: frozenset[str] = frozenset(_gr["self_nouns"])
MALE_WORDS: frozenset[str] = frozenset(_gr["male_words"])
FEMALE_WORDS: frozenset[str] = frozenset(_gr["female_words"])
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
EVENT_NOUNS: frozenset[str] = frozenset(_ev["event_nouns"])
SYNONYM_OF: dict[str, str] = {w: group[0] for group in _ev["synonyms"] for w in group}
LIGHT_VERBS: frozenset[str] = frozenset(_ev["light_verbs"])
OCCUR_VERBS: frozenset[str] = frozenset(_ev["occur_verbs"])
PHASE_VERBS: dict[str, str] = _ev["phase_verbs"]
DISTINCT_CUES: frozenset[str] = frozenset(_ev["distinct_cues"])
OTHER_CUES: frozenset[str] = frozenset(_ev["other_cues"])
NEW_CUES: frozenset[str] = frozenset(_ev["new_cues"])
REPEAT_ADVERBS: frozenset[str] = frozenset(_ev["repeat_adverbs"])
TIME_CHANGE_WORDS: frozenset[str] = frozenset(_ev["time_change_words"])
PLAN_WORDS: frozenset[str] = frozenset(_ev["plan_words"])
UPCOMING_CUES: frozenset[str] = frozenset(_ev["upcoming_cues"])
RECENT_CUES: dict[str, float] = _ev["recent_cues"]
RECENT_ADVERBS: frozenset[str] = frozenset(_ev["recent_adverbs"])
CURRENT_CUES: frozenset[str] = frozenset(_ev["current_cues"])
INCEPTION_VERBS: frozenset[str] = frozenset(SYNONYM_OF.get(w, w) for w in _ev["inception_verbs"])
CAUSE_VERBS: frozenset[str] = frozenset(_ev["cause_verbs"])
SERIES_PERIODS: dict[str, int] = _ev["series_periods"]
BOUNDED_NOUNS: dict[str, int] = _ev["bounded_nouns"]

# ---------------------------------------------------------------- people
TITLES: frozenset[str] = frozenset(_pe["titles"])
HONORIFICS: frozenset[str] = frozenset(_pe["honorifics"])
NOT_NAMES: frozenset[str] = frozenset(_pe["not_names"]) | frozenset(MONTHS) | \
    frozenset(WEEKDAYS)
PERSON_VERBS: frozenset[str] = frozenset(_pe["person_verbs"])
BIRTHDAY_QUALIFIERS: frozenset[str] = frozenset(_pe["birthday_qualifiers"])
NAME_PARTICLES: frozenset[str] = frozenset(_pe["name_particles"])
NAME_HYPHEN_PARTICLES: frozenset[str] = frozenset(_pe["name_hyphen_particles"])
KIN_WORDS: frozenset[str] = frozenset(_pe["kin_words"])
OTHER_PLACE_WORDS: frozenset[str] = frozenset(_pe["other_place_words"])

# ---------------------------------------------------------------- counts
COUNT_CLASSES: dict[str, str] = _co["classes"]
COUNT_PREDICATES: dict[str, str] = _co["predicates"]
DONE_TO: frozenset[str] = frozenset(_co["done_to"])
LOST_MEANS: frozenset[str] = frozenset(_co["lost_means"])
CASUALTY_WORDS: frozenset[str] = frozenset(_co["casualty_words"])
NUMBER_NOUNS: frozenset[str] = frozenset(_co["number_nouns"])
SIZING_VERBS: frozenset[str] = frozenset(_co["sizing_verbs"])
COLLECTIVES: dict[str, int] = _co["collectives"]
HAVING_VERBS: frozenset[str] = frozenset(_co["having_verbs"])
PERSON_NOUNS: frozenset[str] = frozenset(_co["person_nouns"])
INVARIANT_PLURALS: frozenset[str] = frozenset(_co["invariant_plurals"])
REST_WORDS: frozenset[str] = frozenset(_co["rest_words"])
TOTAL_WORDS: frozenset[str] = frozenset(_co["total_words"])
PART_WORDS: frozenset[str] = frozenset(_co["part_words"])
WHOLE_WORDS: frozenset[str] = frozenset(_co["whole_words"])
PLAIN_QUALIFIERS: frozenset[str] = frozenset(_co["plain_qualifiers"])
COUNT_CHANGE_CUES: frozenset[str] = frozenset(_co["change_cues"])
INCIDENT_CUES: frozenset[str] = frozenset(_co["incident_cues"])
CHANGE_VERBS: frozenset[str] = frozenset(_co["change_verbs"])
COUNT_TIME_UNITS: frozenset[str] = frozenset(_co["time_units"])

# ---------------------------------------------------------------- document structure
DATELINE_WORDS: frozenset[str] = frozenset(_st["dateline_words"])
WIRE_AGENCIES: tuple[str, ...] = tuple(_st["wire_agencies"])
STAMP_WORDS: frozenset[str] = frozenset(_st["stamp_words"])
BYLINE_WORDS: frozenset[str] = frozenset(_st["byline_words"])
BYLINE_ROLES: frozenset[str] = frozenset(_st["byline_roles"])


# ---------------------------------------------------------------- WordNet's noun → verb links
def _derivations() -> dict[str, tuple[str, ...]]:
    """WordNet's derivational links from event nouns to their verbs ("resignation" →
    "resign", "walkout" → "walk out"), read once from the two committed tables."""
    table: dict[str, list[str]] = {}
    for name in ("derivations.tsv", "derivations_phrasal.tsv"):
        with resources.files(__package__).joinpath(name).open(encoding="utf-8") as fh:
            for line in fh:
                noun, _, verb = line.rstrip("\n").partition("\t")
                if verb and verb not in table.setdefault(noun, []):
                    table[noun].append(verb)
    return {noun: tuple(verbs) for noun, verbs in table.items()}


_VERBS_OF = _derivations()


_KNOWN_VERBS = frozenset(v for verbs in _VERBS_OF.values() for v in verbs)


def known_verb(word: str) -> bool:
    """Whether WordNet's table knows this verb (to repair a lemmatiser slip: "staged" →
    "stag")."""
    return word in _KNOWN_VERBS


def verbs_of(noun: str) -> tuple[str, ...]:
    """The verbs whose action a noun names, per WordNet ("death" → ("die",)); () if none."""
    return _VERBS_OF.get(noun.lower(), ())


def alternation(words: object, *, spaced: bool = False) -> str:
    """A regular-expression alternation of the words, longest first (so that "Sept" is
    tried before "Sep"); `spaced`: a phrase's words may be split by any run of spaces."""
    import re

    def one(word: str) -> str:
        return r"\s+".join(map(re.escape, word.split())) if spaced else re.escape(word)

    return "(?:" + "|".join(one(w) for w in sorted(words, key=len, reverse=True)) + ")"
