"""Every rule's own good and bad examples run as tests; the catalogue is complete."""

from __future__ import annotations

import re

import pytest
from checker.rules import ALL_RULES
from conftest import ROOT, findings

EXAMPLES = [(rule.id, ex) for rule in ALL_RULES for ex in rule.examples]


@pytest.mark.parametrize(("rule_id", "example"), EXAMPLES,
                         ids=[f"{r}:{'flags' if e.flags else 'passes'}:{e.text[:40]}"
                              for r, e in EXAMPLES])
def test_example(rule_id, example):
    date = example.publication_date.isoformat() if example.publication_date else None
    got = findings(example.text, date, rule=rule_id)
    if example.flags:
        assert got, f"{rule_id} should flag: {example.text!r}"
    else:
        assert not got, f"{rule_id} should pass {example.text!r}: {[f.message for f in got]}"


FLAGGED = [(r, e) for r, e in EXAMPLES if e.flags]


@pytest.mark.parametrize(("rule_id", "example"), FLAGGED,
                         ids=[f"{r}:{e.text[:40]}" for r, e in FLAGGED])
def test_messages_read_as_english(rule_id, example):
    """No doubled word ("year year inferred"), no empty brackets, no stray spaces."""
    date = example.publication_date.isoformat() if example.publication_date else None
    for f in findings(example.text, date, rule=rule_id):
        for text in (f.message, f.hint or ""):
            assert not re.search(r"\b(\w+) \1\b", text, re.IGNORECASE), text
            assert "()" not in text and "  " not in text and text == text.strip(), text


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_rule_is_documented(rule):
    for section in ("## What it flags", "## Why it matters", "## Instead"):
        assert section in rule.rationale, f"{rule.id} lacks {section!r}"
    assert any(e.flags for e in rule.examples) and any(not e.flags for e in rule.examples)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.id)


def test_ids_are_unique_and_match_the_bench_contract():
    ids = [r.id for r in ALL_RULES]
    assert len(ids) == len(set(ids))
    bench = (ROOT.parent / "shared" / "bench" / "README.md")
    if bench.exists():  # the shared contract lists the stable ids
        listed = set(re.findall(r"^\| `([a-z-]+)` \|", bench.read_text(), re.MULTILINE))
        assert set(ids) <= listed
