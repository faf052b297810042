"""The newsroom's own records of people (`--facts FILE`): names, aliases, birth and death."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

from checker.errors import InputError
from checker.facts.people import KnownPerson


@dataclass(frozen=True, slots=True)
class KnownFacts:
    source: str
    people: tuple[KnownPerson, ...]


def _date(value: object, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{where}: {value!r} is not a date (use YYYY-MM-DD)") from None


def load_facts(path: str | Path) -> KnownFacts:
    """Read a facts file:

        [[person]]
        name = "Kim Jong Un"
        aliases = ["Kim Jong-un"]
        born = 1984-01-08
    """
    name = str(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{name}: no such facts file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{name}: not a valid TOML facts file ({exc})") from None
    return parse_facts(data, name)


def parse_facts(data: object, name: str) -> KnownFacts:
    """Facts from a parsed TOML table (or its JSON twin, dates as YYYY-MM-DD strings);
    `name` says where they came from in errors and in reports."""
    if not isinstance(data, dict) or not isinstance(data.get("person", []), list):
        raise InputError(f"{name}: facts must be a table with a list of [[person]] entries")
    people = []
    for i, entry in enumerate(data.get("person", [])):
        where = f"{name}: person {i + 1}"
        if not isinstance(entry, dict) or not entry.get("name"):
            raise InputError(f"{where}: each [[person]] needs a name")
        unknown = set(entry) - {"name", "aliases", "born", "died"}
        if unknown:
            raise InputError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; "
                             "valid keys: name, aliases, born, died")
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise InputError(f"{where}: aliases must be a list of names")
        people.append(KnownPerson(str(entry["name"]), tuple(entry.get("aliases", ())),
                                  _date(entry.get("born"), where),
                                  _date(entry.get("died"), where)))
    return KnownFacts(name, tuple(people))
