"""Word lists the extractors and grammar read. Data only: no logic lives here."""

from __future__ import annotations

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

UNIT_PLURALS = {"seconds": "second", "minutes": "minute", "hours": "hour", "days": "day",
                "nights": "night", "weeks": "week", "fortnights": "fortnight",
                "months": "month", "quarters": "quarter", "years": "year", "decades": "decade",
                "centuries": "century", "mins": "minute", "hrs": "hour", "yrs": "year"}

# Number words the temporal patterns recognise; their values come from text2num.
NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred"
).split()
VAGUE_AMOUNTS = {"a": 1, "an": 1, "one": 1, "a few": None, "few": None, "several": None,
                 "some": None, "many": None, "a couple of": 2, "a dozen": 12,
                 "dozens of": None, "hundreds of": None, "a half": 0.5, "half a": 0.5,
                 "single": 1}

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "tonight": "NI", "overnight": "NI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "last": -1, "final": -1}

# ---------------------------------------------------------------- grammar

FUTURE_AUX = {"will", "shall", "'ll", "wo"}           # "wo" is spaCy's token for won't
MODAL_AUX = {"would", "could", "might", "should", "may", "can", "must", "'d", "ought"}
# "is scheduled to open", "is due to publish": present form + these + to-infinitive = future
SCHEDULE_WORDS = {"scheduled", "due", "expected", "set", "going", "planned", "poised",
                  "slated", "likely", "about", "intending", "preparing", "hoping",
                  "plan", "plans", "intend", "intends", "aim", "aims", "hope", "hopes"}
REPORTING_VERBS = {"say", "tell", "announce", "report", "confirm", "state", "add", "claim",
                   "warn", "write", "explain", "insist", "predict", "promise", "expect",
                   "believe", "think", "estimate", "note", "suggest", "indicate", "reveal"}

# Actions whose time the event rules compare, grouped so that synonyms count as one.
EVENT_CLASSES = {
    "depart": {"depart", "leave", "exit", "departure", "set off", "fly out"},
    "arrive": {"arrive", "arrival", "land", "reach"},
    "vote": {"vote", "ballot", "poll", "referendum"},
    "meet": {"meet", "meeting", "summit", "talks", "session"},
    "open": {"open", "opening", "launch", "reopen", "reopening", "inauguration"},
    "close": {"close", "closure", "shut", "shutdown"},
    "funeral": {"funeral", "burial", "bury", "memorial", "cremation"},
    "final": {"final"},
    "match": {"match", "game", "fixture", "derby", "race"},
    "hearing": {"hearing", "trial", "sentencing", "sentence", "verdict", "inquest"},
    "election": {"election", "elect"},
    "strike": {"strike", "walkout", "stoppage"},
    "publish": {"publish", "publication", "release"},
    "visit": {"visit", "trip", "tour", "stay", "mission"},
}
# Verbs that only say that an event (their subject) happens or starts: "the final will be
# played", "the closure begins", "a funeral will be held".
HAPPEN_VERBS = {"be", "take", "happen", "hold", "play", "stage", "go", "occur", "begin",
                "start", "commence", "get", "kick"}
START_VERBS = {"begin", "start", "open", "commence", "arrive", "launch", "kick"}
END_VERBS = {"end", "finish", "close", "conclude", "leave", "depart", "wrap", "expire"}
# Words that say a time was changed or that an action repeats: different instances.
RESCHEDULE_CUES = {"postpone", "postponed", "reschedule", "rescheduled", "delay", "delayed",
                   "move", "moved", "bring", "brought", "push", "originally", "initially",
                   "instead", "rearrange", "rearranged", "cancel", "cancelled", "again",
                   "another", "second", "previous", "each", "every", "replay", "switch",
                   "switched", "change", "changed", "advance"}
# Verbs that set a time for something else: "was set for 15 December" is no past event.
SCHEDULING_VERBS = {"set", "schedule", "fix", "book", "postpone", "move", "delay", "plan",
                    "arrange", "reschedule", "push", "bring", "adjourn", "defer", "put",
                    "expect", "due", "slate", "pencil", "earmark", "target", "give", "tell",
                    "ask", "order", "allow", "extend"}

# Words that describe an event as recent, current, pending or upcoming.
HEDGES = {"maybe", "perhaps", "possibly", "probably", "reportedly", "allegedly"}
UPCOMING_CUES = {"upcoming", "forthcoming", "pending", "imminent", "coming"}
# How far back (days) each word can still reach. "Current" and "ongoing" are left out:
# "the current agreement, signed in 2015" is fine. "Latest" is the newest of a series,
# which can be a few years old.
RECENT_CUES = {"recent": 730, "recently": 730, "newly": 730, "fresh": 730, "latest": 1095}

# Nouns for events whose length a duration can state.
SPAN_EVENT_SYNONYMS = (
    {"strike", "walkout", "stoppage", "dispute", "action"},
    {"visit", "trip", "tour", "stay", "mission", "journey"},
    {"summit", "conference", "meeting", "talks", "congress", "festival", "event"},
    {"trial", "case", "hearing", "inquiry", "inquest"},
    {"closure", "closures", "shutdown", "works", "roadworks", "repairs"},
    {"ban", "suspension", "lockdown", "curfew"},
    {"campaign", "season", "programme", "program", "run", "exhibition", "show"},
)

# ---------------------------------------------------------------- people and numbers

# Counted nouns that name the same set of things.
COUNT_CLASSES = {
    "people": "people", "person": "people", "man": "people", "woman": "people",
    "child": "people", "resident": "people", "villager": "people",
    "spectator": "attendance", "crowd": "attendance", "attendance": "attendance",
    "victim": "victim", "dead": "people:dead", "death": "people:dead",
    "fatality": "people:dead", "body": "people:dead",
    # casualty words used as nouns ("the 13 dead", "all eight injured")
    "injured": "people:injured", "wounded": "people:injured", "hurt": "people:injured",
    "missing": "people:missing",
}
# What happened to the counted: "Seven people were killed" · "the 11 rescued fishermen".
COUNT_PREDICATES = {
    "kill": "dead", "die": "dead", "killed": "dead", "dead": "dead",
    "injure": "injured", "injured": "injured", "hurt": "injured", "wound": "injured",
    "rescue": "rescued", "rescued": "rescued", "save": "rescued",
    "arrest": "arrested", "arrested": "arrested", "evacuate": "evacuated",
    "evacuated": "evacuated", "miss": "missing", "missing": "missing",
}
# Nouns whose counts are tallies a story must keep straight (with or without a predicate).
TALLY_NOUNS = {"passenger", "crew", "fisherman", "miner", "hostage", "survivor", "casualty",
               "attendance", "victim", "climber"}
WISH_VERBS = {"hope", "plan", "want", "aim", "intend", "wish", "dream", "expect", "like",
              # inflected forms too: the small model lemmatises "hopes" as "hop"
              "hopes", "hoped", "hoping", "plans", "planned", "wants", "wanted", "aims",
              "intends", "wishes", "expects", "expected"}
# Verbs whose subject or object is a person even when the tagger calls the name a place.
PERSON_VERBS = {"say", "tell", "add", "explain", "warn", "note", "write", "ask", "appoint",
                "name", "hire", "elect", "marry", "die", "celebrate", "lead", "sign", "thank",
                "caution", "argue", "insist", "admit", "recall", "describe", "urge", "reply",
                "acknowledge", "believe", "think", "suggest", "claim", "stress", "remark"}

# Words that pick one occurrence of a recurring event out of several: "its next meeting",
# "the previous vote", "another hearing". Two such mentions need not be the same event.
SEQUENCE_CUES = {"next", "previous", "last", "following", "another", "prior", "earlier",
                 "later", "subsequent", "upcoming", "first", "second", "third", "fourth",
                 "weekly", "monthly", "annual", "regular", "further"}
