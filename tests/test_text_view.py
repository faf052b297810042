"""The text view shows every place of a finding, each with its line number, its label and an
excerpt trimmed around the words to the terminal's width (80 when piped), as rustc and ruff
show multi-span diagnostics; colour only on a terminal."""

from __future__ import annotations

import re
import subprocess
import unicodedata

from test_options import _copydesk, _on_a_terminal
from typer.testing import CliRunner

from checker.cli import app
from checker.model import FileReport, Finding, Related, Report, Severity, Span, Suggestion
from checker.report.text import to_text

runner = CliRunner()
SEED = "seeds/kim-jong-un-leaves-beijing.txt"


def _cells(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _report(text: str, *findings: Finding, path: str = "story.txt") -> Report:
    return Report([FileReport(path=path, findings=list(findings), raw_text=text, text=text)])


def _at(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words))


def test_the_seed_shows_both_places_in_file_order(root, monkeypatch):
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["check", SEED])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    head = next(i for i, line in enumerate(lines) if "event-time-conflict" in line)
    block = lines[head + 1:head + 7]
    # the first place (line 6, labelled) comes before the primary one (line 22)
    assert re.match(r"\s+6 \| .*departed on Wednesday", block[1]), block
    assert block[2].strip().startswith("|") and block[2].rstrip().endswith(
        "--------- first given here"), block
    assert re.match(r"\s+22 \| .*leaving on Thursday", block[3]), block
    assert block[4].rstrip().endswith("^^^^^^^^"), block
    # each underline sits under its words
    for text_line, marks in ((block[1], block[2]), (block[3], block[4])):
        column = re.search(r"[-^]+", marks).start()
        width = len(re.search(r"[-^]+", marks).group())
        assert text_line[column:column + width] in ("Wednesday", "Thursday")
    assert all(_cells(line) <= 80 for line in lines if "|" in line[:8]), lines


def test_excerpts_are_trimmed_to_the_width_around_the_words():
    text = ("A long paragraph begins here and goes on " * 6 + "until it opened on Thursday, "
            "29 May 2024, as planned, " + "and then it goes on and on for a while " * 6 + "\n")
    f = Finding("weekday-mismatch", Severity.ERROR, "29 May 2024 is a Wednesday, not a Thursday",
                _at(text, "Thursday"), (Related(_at(text, "29 May 2024"), "date stated here"),))
    for width in (60, 80, 120):
        out = to_text(_report(text, f), width=width).splitlines()
        excerpt = [line for line in out if line.startswith("   1 | ")]
        assert len(excerpt) == 1 and _cells(excerpt[0]) <= width, out
        assert excerpt[0].count("…") == 2 and "opened on Thursday, 29 May 2024" in excerpt[0]
        # cut at spaces: no half word at either end
        inner = excerpt[0].split("…")[1]
        assert inner == inner.strip() and all(w in text.split() or w.rstrip(",") in text
                                              for w in inner.split())
        under = out[out.index(excerpt[0]) + 1]
        assert _cells(under) <= width
        assert under.endswith("----------- date stated here")


def test_places_far_apart_on_one_line_get_an_excerpt_each():
    text = "It began on Monday " + "and went on " * 30 + "until Friday.\n"
    f = Finding("event-time-conflict", Severity.WARNING, "two days", _at(text, "Friday"),
                (Related(_at(text, "Monday"), "first given here"),))
    out = to_text(_report(text, f), width=80).splitlines()
    excerpts = [line for line in out if line.startswith("   1 | ")]
    assert len(excerpts) == 2
    assert "Monday" in excerpts[0] and "Friday" in excerpts[1]
    assert all(_cells(line) <= 80 for line in out[1:-2])


def test_a_label_left_of_the_primary_hangs_below_it():
    text = "She left on Monday, not on Tuesday as planned.\n"
    f = Finding("x", Severity.WARNING, "two days", _at(text, "Tuesday"),
                (Related(_at(text, "Monday"), "first given here"),))
    out = to_text(_report(text, f)).splitlines()
    i = out.index("   1 | She left on Monday, not on Tuesday as planned.")
    assert out[i + 1] == "     |             ------         ^^^^^^^"
    assert out[i + 2] == "     |             |"
    assert out[i + 3] == "     |             first given here"


def test_wide_characters_and_tabs_keep_the_underline_aligned():
    text = "東京\tで It opened on Thursday, 29 May 2024.\n"
    f = Finding("weekday-mismatch", Severity.ERROR, "wrong", _at(text, "Thursday"))
    out = to_text(_report(text, f)).splitlines()
    line = next(x for x in out if x.startswith("   1 | "))
    under = out[out.index(line) + 1]
    assert "\t" not in line
    # two cells for each of the three wide characters, one for the tab (shown as a space)
    prefix = line[:line.index("Thursday")]
    assert under.index("^") == _cells(prefix)


def test_suggestions_read_did_you_mean():
    text = "It opened on Thursday, 29 May 2024.\n"
    f = Finding("weekday-mismatch", Severity.ERROR, "29 May 2024 is a Wednesday, not a Thursday",
                _at(text, "Thursday"), hint="check the calendar",
                suggestions=(Suggestion(_at(text, "Thursday"), "Wednesday",
                                        "the weekday that fits the date"),
                             Suggestion(_at(text, "29 May 2024"), "30 May 2024",
                                        "the date that fits the weekday")))
    out = to_text(_report(text, f)).splitlines()
    assert out[-5:-2] == ["     = did you mean 'Wednesday'? the weekday that fits the date",
                          "     = or '30 May 2024'? the date that fits the weekday",
                          "     = hint: check the calendar"]


def test_a_finding_from_a_rule_suggests_end_to_end(root, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("It opened on Thursday, 29 May 2024.\n", encoding="utf-8")
    out = runner.invoke(app, ["check", str(story)]).output
    assert "= did you mean 'Wednesday'? the weekday that fits the date" in out


def test_width_and_colour_come_from_the_terminal(root, tmp_path):
    text = ("Councillors met for a long time " * 8 + "and it opened on Thursday, 29 May 2024, "
            "as was planned " * 1 + "before the long summer holidays began " * 6 + "\n")
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    exe = _copydesk(root)
    drawn = _on_a_terminal([exe, "check", "story.txt"], tmp_path)  # COLUMNS=100
    excerpt = [line for line in drawn.splitlines() if line.startswith("   1 | ")]
    assert excerpt and 80 < _cells(excerpt[0]) <= 100, drawn
    piped = subprocess.run([exe, "check", "story.txt"], capture_output=True, text=True,
                           cwd=tmp_path, env={"COLUMNS": "100", "PATH": "/usr/bin:/bin"},
                           check=False)
    assert "\x1b[" not in piped.stdout
    excerpt = [line for line in piped.stdout.splitlines() if line.startswith("   1 | ")]
    assert excerpt and _cells(excerpt[0]) <= 80, piped.stdout


def test_colour_on_a_terminal_marks_the_places(root, tmp_path):
    (tmp_path / "story.txt").write_text("It opened on Thursday, 29 May 2024.\n",
                                        encoding="utf-8")
    import os
    import pty
    import select

    leader, follower = pty.openpty()
    proc = subprocess.Popen([_copydesk(root), "check", "story.txt"], cwd=tmp_path,
                            stdout=follower, stderr=follower, stdin=subprocess.DEVNULL,
                            env={**os.environ, "COLUMNS": "80", "TERM": "xterm"})
    os.close(follower)
    out = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=60)
    os.close(leader)
    drawn = out.decode("utf-8")
    assert "\x1b[1;31m^^^^^^^^\x1b[0m" in drawn  # the primary in the severity's colour
    assert "\x1b[36m-----------\x1b[0m \x1b[36mdate stated here" in drawn  # the related place
    assert "\x1b[36m     = did you mean 'Wednesday'?" in drawn  # the suggestion


def test_a_line_of_a_megabyte_shows_only_the_words_around_each_place():
    """A minified page is one long line: each excerpt reads only the part near its places,
    is cut at spaces on both sides and fits the width."""
    unit = "Él abrió el jueves, 29 mayo, und so weiter. "
    text = unit * 20_000
    i = len(unit) * 10_000 + unit.index("jueves")
    f = Finding("x", Severity.WARNING, "m", Span(i, i + 6),
                (Related(Span(i + 60 * len(unit), i + 60 * len(unit) + 6), "later here"),))
    out = to_text(_report(text, f)).splitlines()
    excerpts = [line for line in out if line.startswith("   1 | ")]
    assert len(excerpts) == 2
    for line in excerpts:
        assert _cells(line) <= 80 and line[7] == "…" and line.endswith("…")
        words = line[8:-1].split()
        assert " ".join(words) in text and words[0] in unit.split()
    under = out[out.index(excerpts[0]) + 1]
    assert excerpts[0][under.index("^"):under.index("^") + 6] == "jueves"
