"""Numbers written as words, digits or ordinals, read by the number library (text2num):
"thirty-two" → 32, "seventeenth" → 17th, "1,150" → 1150, "one hundred and twelve" → 112.
No number words are typed here; the few words text2num does not know ("a dozen", the
scales of money "bn", "m") are in the lexicon."""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import alpha2digit, text2num

from checker import lexicon as lx

_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
# "3.1bn", "4.5m", "20k": a figure with its scale in one word
_SCALED = re.compile(r"(?P<n>\d+(?:\.\d+)?)(?P<s>[a-z]{1,3})")


@lru_cache(maxsize=4096)
def cardinal(word: str | None) -> int | None:
    """The value of a cardinal written in digits or words ("12", "1,150", "thirty-two",
    "a dozen", "one hundred and twelve"); None for anything else, ordinals included."""
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
    *front, last = w.split()
    if last in lx.MULTIPLIERS and front:  # "two dozen"
        times = cardinal(" ".join(front))
        return times * lx.MULTIPLIERS[last] if times is not None else None
    try:
        return int(text2num(w, "en"))
    except (ValueError, TypeError):
        return None


def amount(words: list[str]) -> float | None:
    """The value of a figure written over several words: "4.2 billion" → 4.2e9, "3.1bn",
    "84 million", "1,150", "Forty - two" → 42 (hyphens as separate words are ignored);
    None when the words are not one figure."""
    words = [w for w in words if w not in ("-", "–")]
    if not words:
        return None
    *front, last = [w.lower() for w in words]
    scale = lx.SCALES.get(last) if front else None
    if scale is not None and len(front) == 1 and _DIGITS.fullmatch(front[0]):
        return float(front[0].replace(",", "")) * scale
    if len(words) == 1:
        w = words[0].lower()
        if _DIGITS.fullmatch(w):
            return float(w.replace(",", ""))
        m = _SCALED.fullmatch(w)
        if m and m.group("s") in lx.SCALES:
            return float(m.group("n")) * lx.SCALES[m.group("s")]
    if all(w.replace(",", "").isdecimal() for w in words) and len(words) > 1:
        return None  # "2 1": two figures, not one
    if scale is not None:  # "two million", "one hundred thousand"
        base = cardinal(" ".join(front))
        return base * scale if base is not None else None
    value = cardinal(" ".join(words))
    return float(value) if value is not None else None


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
