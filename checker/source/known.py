"""The newsroom's own records of people (`--facts FILE`): names, aliases, birth and death.

    [[person]]
    name = "Kim Jong Un"
    aliases = ["Kim Jong-un"]
    born = 1984-01-08
    died = 2090-01-01          # optional

The file is checked against that schema before anything is read from it; whatever is
wrong is one line naming the file, the person and the key.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from checker.errors import InputError
from checker.facts.people import KnownPerson
from checker.source.tomlfile import parse_toml

MAX_FACTS_BYTES = 5_000_000
PERSON_KEYS = ("name", "aliases", "born", "died")


@dataclass(frozen=True, slots=True)
class KnownFacts:
    source: str
    people: tuple[KnownPerson, ...]


def _date(value: object, where: str, key: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    elif not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            value = None
        if value is None:
            raise InputError(f"{where}: {key} must be a date (YYYY-MM-DD)")
    if value > dt.date.today():
        raise InputError(f"{where}: {key} {value.isoformat()} is in the future")
    return value


def _person(entry: object, where: str) -> KnownPerson:
    if not isinstance(entry, dict):
        raise InputError(f"{where}: each [[person]] must be a table with a name")
    unknown = sorted(set(entry) - set(PERSON_KEYS))
    if unknown:
        raise InputError(f"{where}: unknown key(s) {', '.join(unknown)}; "
                         f"valid keys: {', '.join(PERSON_KEYS)}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 200:
        raise InputError(f"{where}: each [[person]] needs a name (a string)")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip()
                                                for a in aliases):
        raise InputError(f"{where}: aliases must be a list of names, "
                         f'for example aliases = ["Kim Jong-un"]')
    born = _date(entry.get("born"), where, "born")
    died = _date(entry.get("died"), where, "died")
    if born and died and died < born:
        raise InputError(f"{where}: died {died.isoformat()} is before born {born.isoformat()}")
    return KnownPerson(name, tuple(aliases), born, died)


def load_facts(path: str | Path) -> KnownFacts:
    """Read and check a facts file (see the module's docstring for its schema)."""
    from checker.source.read import read_bytes

    name = str(path)
    if not Path(path).exists():
        raise InputError(f"{name}: no such facts file")
    try:
        data = read_bytes(path, max_bytes=MAX_FACTS_BYTES)
    except InputError as exc:
        raise InputError(f"facts file {exc}") from None
    return parse_facts(parse_toml(data, name, "the facts file"), name)


def parse_facts(data: object, name: str) -> KnownFacts:
    """Facts from a parsed TOML table (or its JSON twin, dates as YYYY-MM-DD strings),
    checked against the schema; `name` says where they came from in errors and reports."""
    if not isinstance(data, dict):
        raise InputError(f"{name}: facts must be a table with a list of [[person]] entries")
    unknown = sorted(set(data) - {"person"})
    if unknown:
        raise InputError(f"{name}: unknown key(s) {', '.join(unknown)}; a facts file holds "
                         "[[person]] tables")
    people = data.get("person", [])
    if not isinstance(people, list):
        raise InputError(f"{name}: person must be [[person]] tables, not a single value")
    return KnownFacts(name, tuple(_person(entry, f"{name}: person {i + 1}")
                                  for i, entry in enumerate(people)))
