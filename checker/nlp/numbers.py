"""Numbers written as words, digits or ordinals, read by the number library (text2num):
"thirty-two" → 32, "seventeenth" → 17th, "1,150" → 1150. No number words are typed here."""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import alpha2digit, text2num

from checker import lexicon as lx

_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")


@lru_cache(maxsize=4096)
def cardinal(word: str | None) -> int | None:
    """The value of a cardinal written in digits or words ("12", "1,150", "thirty-two",
    "a dozen"); None for anything else, ordinals included."""
    if not word:
        return None
    text = word.replace(",", "")
    if text.isdecimal():
        return int(text)
    w = " ".join(word.lower().replace("-", " ").split())
    if not w.replace(" ", "").isalpha():
        return None
    counted = lx.VAGUE_AMOUNTS.get(w)
    if counted is not None and float(counted).is_integer() and w not in ("a", "an"):
        return int(counted)
    try:
        return int(text2num(w, "en"))
    except (ValueError, TypeError):
        return None


@lru_cache(maxsize=4096)
def ordinal(word: str | None) -> int | None:
    """The position an ordinal names ("third" → 3, "seventeenth" → 17, "21st" → 21); "last"
    and "final" are -1; None when the word is no ordinal."""
    if not word:
        return None
    w = word.lower()
    if w in lx.SERIES_ENDS:
        return lx.SERIES_ENDS[w]
    m = _ORDINAL.fullmatch(w) or _ORDINAL.fullmatch(alpha2digit(w, "en", threshold=0))
    return int(m.group(1)) if m else None


def number(word: str | None) -> int | None:
    """A cardinal or an ordinal's value ("35", "thirty-five", "35th", "thirty-fifth")."""
    value = cardinal(word)
    if value is not None:
        return value
    position = ordinal(word)
    return position if position is not None and position > 0 else None
