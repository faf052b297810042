"""TIMEX3 types and values (ISO-TimeML) for the resolved timeline: how `copydesk timeline
--format json` writes each mention, so that it can be scored against annotated corpora."""

from __future__ import annotations

from checker.facts.time import Grain, Kind, Mention, Moment, Written

_SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "winter": "WI"}
_PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SET_CODES = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "hour": "PT1H"}
_UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D",
               "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
               "weekend": "WE", "quarter": "Q"}


def timex_type(m: Mention) -> str:
    if m.kind is Kind.DURATION:
        return "DURATION"
    if m.kind is Kind.SET:
        return "SET"
    if m.kind is Kind.TIME or (m.value is not None and m.value.grain is Grain.TIME):
        return "TIME"
    return "DATE"


def timex_value(m: Mention) -> str:
    t = m.written
    if m.kind is Kind.DURATION:
        return _duration_value(t)
    if m.kind is Kind.REF:
        return t.ref or "PRESENT_REF"
    if m.kind is Kind.SET:
        return _SET_CODES.get(t.unit or "", "XXXX-WXX-" + str((t.weekday or 0) + 1)
                              if t.weekday is not None else "P1D")
    if m.value is not None:
        zone = "Z" if m.value.grain is Grain.TIME and t.utc else ""
        return moment_value(m.value) + zone
    if m.kind is Kind.FISCAL and t.year:  # its months depend on the organisation
        return f"FY{t.year:04d}"
    if m.kind is Kind.NUMERIC:
        return f"{t.year:04d}-XX-XX" if t.year else "XXXX-XX-XX"
    if m.kind is Kind.DATE:
        y = f"{t.year:04d}" if t.year else "XXXX"
        mo = f"{t.month:02d}" if t.month else "XX"
        d = f"{t.day:02d}" if t.day else "XX"
        return f"{y}-{mo}-{d}"
    if m.kind is Kind.MONTH and t.month:
        return f"XXXX-{t.month:02d}"
    if m.kind is Kind.ANCHORED and t.unit:
        return _duration_value(t)
    return "XXXX-XX-XX"


def moment_value(moment: Moment) -> str:
    f = moment.first
    grain = moment.grain
    if grain is Grain.TIME and moment.hour is not None:
        return f"{f.isoformat()}T{moment.hour:02d}:{moment.minute or 0:02d}"
    if grain is Grain.DAY:
        part = _PART_CODES.get(moment.label or "")
        return f"{f.isoformat()}T{part}" if part else f.isoformat()
    if grain in (Grain.WEEK, Grain.WEEKEND):
        y, w, _ = f.isocalendar()
        return f"{y}-W{w:02d}" + ("-WE" if grain is Grain.WEEKEND else "")
    if grain is Grain.MONTH:
        return f"{f.year}-{f.month:02d}"
    if grain is Grain.SEASON:
        return f"{f.year}-{_SEASON_CODES.get(moment.label or '', 'XX')}"
    if grain is Grain.QUARTER:
        return f"{f.year}-Q{(f.month - 1) // 3 + 1}"
    if grain is Grain.HALF:
        return f"{f.year}-H{1 if f.month <= 6 else 2}"
    if grain is Grain.YEAR:
        return str(f.year)
    if grain is Grain.DECADE:
        return str(f.year)[:3]
    if grain is Grain.CENTURY:
        return str(f.year)[:2]
    return f.isoformat()


def _duration_value(t: Written) -> str:
    unit = t.unit or "day"
    code = _UNIT_CODES.get(unit, "D")
    amount = t.amount
    if unit in ("decade", "century") and amount is not None:  # ISO 8601 has no decade
        amount, code = amount * (10 if unit == "decade" else 100), "Y"
    n = "X" if amount is None else (str(int(amount)) if float(amount).is_integer() else
                                    str(amount))
    return f"PT{n}{code}" if unit in ("second", "minute", "hour") else f"P{n}{code}"
