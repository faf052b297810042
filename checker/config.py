"""Settings: defaults, then the nearest configuration file, then the command line.

A configuration file is `copydesk.toml`, `.copydesk.toml`, or `pyproject.toml` with a
`[tool.copydesk]` table, found by walking up from the checked file's directory; the
nearest directory that has one wins. Keys:

    select = ["weekday-mismatch", ...]      only these rules
    ignore = ["name-variant"]               skip these rules
    fail-on = "error"                       error | warning | info | never
    facts = "people.toml"                   relative to the configuration file
    model = "en_core_web_sm"                the spaCy pipeline package
    [severity]                              per-rule severity
    stale-reference = "error"
    [rules.stale-reference]                 rule parameters (see `copydesk explain`)
    recent-days = 365

The file is checked against SCHEMA before anything is used: unknown keys, rule ids,
severities and parameters, and values of the wrong kind, are one-line errors that name
the file and the key and list the valid choices.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.errors import InputError
from checker.model import Severity

FILES = ("copydesk.toml", ".copydesk.toml", "pyproject.toml")
KEYS = ("select", "ignore", "fail-on", "facts", "model", "severity", "rules")
FAIL_ON = ("error", "warning", "info", "never")


@dataclass(frozen=True)
class Settings:
    """The settings in force for one file, and where each came from."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: str = "warning"
    facts: str | None = None
    model: str | None = None
    severity: dict[str, Severity] = field(default_factory=dict)
    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # key -> "default" | file | option
    path: Path | None = None  # the configuration file, if any

    def source(self, key: str) -> str:
        return self.sources.get(key, "default")


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration at or above `start` (a file or a directory)."""
    directory = (start if start.is_dir() else start.parent).resolve()
    for folder in (directory, *directory.parents):
        for name in FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            data = _load(candidate)
            if name == "pyproject.toml":
                tool = data.get("tool", {})
                if not isinstance(tool, dict) or "copydesk" not in tool:
                    continue
                data = tool["copydesk"]
            return candidate, data
    return None


def _load(path: Path) -> dict[str, Any]:
    stat = path.stat()
    return _parse(path, stat.st_mtime_ns, stat.st_size)


MAX_CONFIG_BYTES = 1_000_000


@lru_cache(maxsize=64)
def _parse(path: Path, mtime_ns: int, size: int) -> dict[str, Any]:
    """Parsed once per version of the file: a folder of stories shares one parse."""
    from checker.source.read import read_bytes
    from checker.source.tomlfile import parse_toml

    try:
        data = read_bytes(path, max_bytes=MAX_CONFIG_BYTES)
    except InputError as exc:
        raise InputError(f"cannot read configuration {exc}") from None
    document = parse_toml(data, str(path), "configuration")
    if path.name == "pyproject.toml":
        tool = document.get("tool", {})
        if isinstance(tool, dict) and "copydesk" in tool and not isinstance(tool["copydesk"],
                                                                            dict):
            raise InputError(f"{path}: [tool.copydesk] must be a table")
    return document


def settings_for(start: Path | None, options: dict[str, Any] | None = None) -> Settings:
    """Defaults, overridden by the configuration found from `start`, then by `options`
    (command-line values; None means not given)."""
    from checker.rules import RULES_BY_ID

    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    found = find_config(start) if start is not None else None
    config_path = None
    if found:
        config_path, data = found
        values.update(_validate(config_path, data, RULES_BY_ID))
        sources.update({k: str(config_path) for k in values})
        if "facts" in values:
            values["facts"] = str((config_path.parent / values["facts"]).resolve())
    for key, value in (options or {}).items():
        if value is not None:
            values[key] = value
            sources[key] = "command line"
    return Settings(
        select=tuple(values["select"]) if values.get("select") is not None else None,
        ignore=tuple(values["ignore"]) if values.get("ignore") is not None else None,
        fail_on=values.get("fail-on", "warning"),
        facts=values.get("facts"),
        model=values.get("model"),
        severity={k: Severity(v) for k, v in values.get("severity", {}).items()},
        params=values.get("rules", {}),
        sources=sources,
        path=config_path,
    )


MAX_PARAMETER = 100_000  # an integer rule parameter beyond this is a typo, not a setting


def _rule_ids(value: object) -> str | None:
    if not isinstance(value, list) or not all(isinstance(i, str) for i in value):
        return "must be a list of rule ids, for example [\"weekday-mismatch\"]"
    return None


def _one_of(choices: tuple[str, ...]):
    def check(value: object) -> str | None:
        if not isinstance(value, str) or value not in choices:
            return f"must be one of {', '.join(choices)}, not {_shown(value)}"
        return None
    return check


def _file_name(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip() or "\0" in value:
        return f"must be a file name (a string), not {_shown(value)}"
    return None


def _model(value: object) -> str | None:
    from checker.nlp.pipeline import check_model_name

    try:
        check_model_name(value)  # an installed spaCy pipeline, never any other package
    except InputError as exc:
        return f"{exc}"
    return None


def _table(value: object) -> str | None:
    return None if isinstance(value, dict) else f"must be a table, not {_shown(value)}"


# key -> check (None, or what is wrong). Nested tables are checked in _validate.
SCHEMA = {
    "select": _rule_ids,
    "ignore": _rule_ids,
    "fail-on": _one_of(FAIL_ON),
    "facts": _file_name,
    "model": _model,
    "severity": _table,
    "rules": _table,
}


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else f"a {type(value).__name__}"


def _validate(path: Path, data: dict[str, Any], rules: dict) -> dict[str, Any]:
    def fail(message: str) -> None:
        raise InputError(f"{path}: {message}")

    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        fail(f"unknown key(s) {', '.join(unknown)}; valid keys: {', '.join(KEYS)}")
    for key, check in SCHEMA.items():
        if key in data and (problem := check(data[key])):
            fail(problem if key == "model" else f"{key} {problem}")
    for key in ("select", "ignore"):
        if key in data:
            _known_ids(fail, key, data[key], rules)
    severity = data.get("severity", {})
    _known_ids(fail, "severity", list(severity), rules)
    levels = tuple(s.value for s in Severity)
    for rule_id, level in severity.items():
        if problem := _one_of(levels)(level):
            fail(f"severity.{rule_id} {problem}")
    params = data.get("rules", {})
    _known_ids(fail, "rules", list(params), rules)
    for rule_id, table in params.items():
        valid = rules[rule_id].params
        if not isinstance(table, dict):
            fail(f"rules.{rule_id} must be a table of parameters ([rules.{rule_id}]), not "
                 f"{_shown(table)}; valid parameters: {', '.join(valid) or 'none'}")
        extra = sorted(set(table) - set(valid))
        if extra:
            fail(f"rules.{rule_id}: unknown parameter(s) {', '.join(extra)}; valid: "
                 f"{', '.join(valid) or 'none'}")
        for name, value in table.items():
            if type(value) is not type(valid[name]):
                fail(f"rules.{rule_id}.{name} must be a {type(valid[name]).__name__}")
            if isinstance(value, int) and not 0 <= value <= MAX_PARAMETER:
                fail(f"rules.{rule_id}.{name} must be between 0 and {MAX_PARAMETER:,}")
    return dict(data)


def _known_ids(fail, key: str, ids: list[str], rules: dict) -> None:
    unknown = [i for i in ids if i not in rules]
    if unknown:
        fail(f"{key}: unknown rule id(s) {', '.join(unknown)}; valid ids: {', '.join(rules)}")
