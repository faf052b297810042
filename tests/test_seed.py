"""The seed article's expected report, compared exactly (UPDATE_SEEDS=1 regenerates)."""

from __future__ import annotations

import json
import os

import checker
from checker.report.jsonout import to_json

SEED = "seeds/kim-jong-un-leaves-beijing.txt"
EXPECTED = "seeds/kim-jong-un-leaves-beijing.expected.json"


def test_seed_report_matches_expected(root, monkeypatch):
    monkeypatch.chdir(root)
    got = to_json(checker.check_file(SEED)) + "\n"
    expected_path = root / EXPECTED
    if os.environ.get("UPDATE_SEEDS"):
        expected_path.write_text(got, encoding="utf-8")
    assert got == expected_path.read_text(encoding="utf-8")


def test_seed_report_says_what_an_editor_needs(root, monkeypatch):
    monkeypatch.chdir(root)
    report = json.loads(to_json(checker.check_file(SEED)))
    (f,) = report["files"]
    assert f["publication_date"] == {"date": "2024-05-29", "source": "dateline"}
    text = (root / SEED).read_text(encoding="utf-8")
    by_rule = {x["rule"]: x for x in f["findings"]}
    assert set(by_rule) == {"stale-reference", "event-time-conflict"}
    stale = by_rule["stale-reference"]["spans"][0]
    assert text[stale["start"]:stale["end"]] == "June 2018"
    conflict = [text[s["start"]:s["end"]] for s in by_rule["event-time-conflict"]["spans"]]
    assert conflict == ["Thursday", "Wednesday"]
    # the dateline weekday is right, and Monday to Thursday is four days
    assert "weekday-mismatch" not in by_rule and "duration-mismatch" not in by_rule


def test_seed_is_the_shared_seed(root):
    shared = root.parent / "shared" / "corpus" / "dev" / "seed-kim-beijing.txt"
    if shared.exists():
        assert (root / SEED).read_bytes() == shared.read_bytes()
