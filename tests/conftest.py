from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import checker

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session", autouse=True)
def _pipeline_once():
    """Load the spaCy pipeline once for the whole session."""
    checker.load_pipeline()


def findings(text: str, date: str | None = None, *, rule: str | None = None):
    report = checker.check_text(text, publication_date=dt.date.fromisoformat(date) if date
                                else None)
    out = [f for f in report.findings if f.severity.value in ("error", "warning")]
    return [f for f in out if rule is None or f.rule == rule]
