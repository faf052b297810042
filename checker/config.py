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

Unknown keys, rule ids, severities and parameters are errors that list the valid ones.
"""

from __future__ import annotations

import tomllib
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
                if "copydesk" not in data.get("tool", {}):
                    continue
                data = data["tool"]["copydesk"]
            return candidate, data
    return None


def _load(path: Path) -> dict[str, Any]:
    stat = path.stat()
    return _parse(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _parse(path: Path, mtime_ns: int, size: int) -> dict[str, Any]:  # noqa: ARG001 - the key
    """Parsed once per version of the file: a folder of stories shares one parse."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: cannot read configuration ({exc})") from None


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


def _validate(path: Path, data: dict[str, Any], rules: dict) -> dict[str, Any]:  # noqa: ANN001
    def fail(message: str) -> None:
        raise InputError(f"{path}: {message}")

    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        fail(f"unknown key(s) {', '.join(unknown)}; valid keys: {', '.join(KEYS)}")
    for key in ("select", "ignore"):
        if key in data:
            ids = data[key]
            if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
                fail(f"{key} must be a list of rule ids")
            _known_ids(fail, key, ids, rules)
    if "fail-on" in data and data["fail-on"] not in FAIL_ON:
        fail(f"fail-on must be one of {', '.join(FAIL_ON)}, not {data['fail-on']!r}")
    for key in ("facts", "model"):
        if key in data and not isinstance(data[key], str):
            fail(f"{key} must be a string")
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        fail("severity must be a table of rule-id = level")
    _known_ids(fail, "severity", list(severity), rules)
    levels = [s.value for s in Severity]
    for rule_id, level in severity.items():
        if level not in levels:
            fail(f"severity.{rule_id} must be one of {', '.join(levels)}, not {level!r}")
    params = data.get("rules", {})
    if not isinstance(params, dict):
        fail("rules must be a table of rule tables")
    _known_ids(fail, "rules", list(params), rules)
    for rule_id, table in params.items():
        valid = rules[rule_id].params
        extra = sorted(set(table) - set(valid))
        if extra:
            fail(f"rules.{rule_id}: unknown parameter(s) {', '.join(extra)}; valid: "
                 f"{', '.join(valid) or 'none'}")
        for name, value in table.items():
            if type(value) is not type(valid[name]):
                fail(f"rules.{rule_id}.{name} must be a {type(valid[name]).__name__}")
    return dict(data)


def _known_ids(fail, key: str, ids: list[str], rules: dict) -> None:  # noqa: ANN001
    unknown = [i for i in ids if i not in rules]
    if unknown:
        fail(f"{key}: unknown rule id(s) {', '.join(unknown)}; valid ids: {', '.join(rules)}")
