"""Hostile input: whatever a CMS export, a wire feed or a careless paste produces.

The contract for every input: exit status 0/1 with a report, or 2 with a one-line error
that names the file; never a traceback; the other files of the same run still checked.
The files are generated here, not committed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

runner = CliRunner()
GOOD = "It opened on Thursday, 29 May 2024.\n"  # 29 May 2024 was a Wednesday


def _html_nested(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + "<p>Held on 31 April.</p>" + "</div>" * depth \
        + "</body></html>"


# name -> (file name, bytes, expected exit codes, words the error line must hold)
HOSTILE: dict[str, tuple[str, bytes, set[int], str | None]] = {
    "empty": ("empty.txt", b"", {2}, "empty"),
    "whitespace only": ("blank.txt", b"  \n\t\r\n   \n", {2}, "empty"),
    "png header": ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
                   {2}, "binary"),
    "nul bytes": ("nul.txt", b"The vote\x00 was held\x00 on Monday.", {2}, "binary"),
    "utf-16 with bom": ("utf16.txt", "Due on June 31, 2024.\n".encode("utf-16"), {1}, None),
    "utf-8 bom": ("bom.txt", b"\xef\xbb\xbfDue on June 31, 2024.\n", {1}, None),
    "latin-1": ("latin1.txt", "Caf\u00e9 opened on 3 March.\n".encode("latin-1"), {2},
                "not UTF-8"),
    "windows-1252": ("cp1252.txt", "\u201cWe\u2019re open,\u201d he said.\n".encode("cp1252"),
                     {2}, "--encoding"),
    "crlf": ("crlf.txt", b"PARIS, 3 June 2024 -\r\n\r\nIt opened on Sunday, 2 June 2024.\r\n",
             {0, 1}, None),
    "lone cr": ("cr.txt", b"PARIS, 3 June 2024 -\r\rIt opened on Saturday, 2 June 2024.\r",
                {1}, None),
    "20 MB article": ("huge.txt", b"The council met on Tuesday. " * 750_000, {2}, "limit"),
    "5 MB line without spaces": ("line.txt", b"x" * 5_000_000, {2}, "limit"),
    "200 kB token and nothing else": ("token.txt", b"ab" * 100_000, {2}, "no prose"),
    "pasted blob before the copy": ("blob.txt", b"(" * 5000 + b" Due on June 31, 2024.\n",
                                    {1}, None),
    "10,000 nested tags": ("nested.html", _html_nested(10_000).encode(), {1}, None),
    "unclosed tags": ("unclosed.html", b"<html><body><p>Held on 31 April.<p><b>Then <i>more",
                      {1}, None),
    "script and style": ("script.html",
                         b"<html><head><style>p:after{content:'June 31'}</style></head><body>"
                         b"<script>var d = 'Due on June 31';</script><p>All quiet on 3 June."
                         b"</p></body></html>", {0}, None),
    "comments": ("comment.html", b"<p>Fine.<!-- due on June 31 --> Open on 3 June.</p>",
                 {0}, None),
    "entities": ("entities.html", b"<p>Held&nbsp;on&#32;31&nbsp;April &amp; later.</p>",
                 {1}, None),
    "right-to-left and emoji": ("rtl.txt", "\u0645\u0631\u062d\u0628\u0627 \U0001F600 "
                                "\u05e9\u05dc\u05d5\u05dd \u202eDue on June 31.\u202c\n".encode(),
                                {0, 1}, None),
    "absurd numbers": ("absurd.txt", b"In the year 99999999999, a man aged 4000 died on "
                       b"0 January; the 1000th of May came and 10000000000000000000 people "
                       b"voted on 99 Smarch 2024.\n", {0, 1}, None),
    "control characters": ("ctrl.txt", b"Held \x1b[31mon\x07 31 April\x0b.\x0c\n", {0, 1},
                           None),
    "front matter only": ("front.md", b"---\ndate: 2024-05-29\n---\n", {2}, "empty"),
    "broken front matter": ("broken.md", b"---\ndate: [unclosed\n\nDue on June 31.\n",
                            {0, 1}, None),
}


def _check(*args: str):
    return runner.invoke(app, ["check", *args])


def _assert_contract(result, name: str, codes: set[int]) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        f"{name}: raised {result.exception!r}"
    assert "Traceback" not in result.output
    assert result.exit_code in codes, f"{name}: exit {result.exit_code}\n{result.output}"


@pytest.mark.parametrize("case", sorted(HOSTILE), ids=str)
def test_hostile_input_alone(tmp_path, case):
    filename, data, codes, words = HOSTILE[case]
    path = tmp_path / filename
    path.write_bytes(data)
    result = _check(str(path), "--format", "json")
    _assert_contract(result, case, codes)
    entry = json.loads(result.output)["files"][0]
    if 2 in codes:
        assert "\n" not in entry["error"] and entry["error"].startswith(str(path))
        assert words.lower() in entry["error"].lower()
    else:
        assert "error" not in entry
        for finding in entry["findings"]:
            for span in finding["spans"]:
                assert 0 <= span["start"] <= span["end"] <= len(data)


@pytest.mark.parametrize("case", sorted(HOSTILE), ids=str)
def test_hostile_input_does_not_stop_the_run(tmp_path, case):
    filename, data, _, _ = HOSTILE[case]
    (tmp_path / filename).write_bytes(data)
    (tmp_path / "zz-good.txt").write_text(GOOD, encoding="utf-8")
    result = _check(str(tmp_path / filename), str(tmp_path / "zz-good.txt"), "-f", "text")
    assert "Traceback" not in result.output
    assert "zz-good.txt:1:" in result.output and "weekday-mismatch" in result.output
    assert result.exit_code in (1, 2)


def test_text_error_is_one_line_naming_the_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(HOSTILE["png header"][1])
    result = _check(str(path))
    lines = [line for line in result.output.splitlines() if str(path) in line]
    assert result.exit_code == 2 and len(lines) == 1 and "binary" in lines[0]


def test_script_and_style_are_never_copy(tmp_path):
    filename, data, _, _ = HOSTILE["script and style"]
    (tmp_path / filename).write_bytes(data)
    result = _check(str(tmp_path / filename), "-f", "json")
    assert json.loads(result.output)["files"][0]["findings"] == []


def test_encoding_option_reads_legacy_copy(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("\u201cIt opened on Thursday, 29 May 2024,\u201d he said.\n".encode("cp1252"))
    result = _check(str(path), "--encoding", "cp1252", "-f", "json")
    finding = json.loads(result.output)["files"][0]["findings"][0]
    assert finding["rule"] == "weekday-mismatch"
    bad = _check(str(path), "--encoding", "klingon")
    assert bad.exit_code == 2 and "unknown encoding" in bad.output


def test_size_limit_is_configurable(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(GOOD + "The council met again. " * 5000, encoding="utf-8")
    assert _check(str(path), "--max-bytes", "1000").exit_code == 2
    assert _check(str(path), "--max-bytes", "10000000").exit_code == 1


def test_missing_path(tmp_path):
    result = _check(str(tmp_path / "nowhere.txt"), "-f", "json")
    assert result.exit_code == 2
    assert json.loads(result.output)["files"][0]["error"].endswith("no such file")


def test_symlink_loop_and_dangling_link(tmp_path):
    (tmp_path / "story.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    result = _check(str(tmp_path), "-f", "json")
    files = {Path(f["path"]).name: f for f in json.loads(result.output)["files"]}
    assert files["story.txt"]["findings"][0]["rule"] == "weekday-mismatch"
    assert "error" in files["dangling.txt"] and "error" in files["self.txt"]
    assert result.exit_code == 2


def test_unreadable_file_and_directory(tmp_path, monkeypatch):
    """Permission errors, forced so that the test holds even where it runs as root."""
    (tmp_path / "story.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    import checker.source.read as reading

    real_open, real_iterdir = reading._open, Path.iterdir

    def opened(path):  # noqa: ANN001, ANN202
        if Path(path).name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path)

    def iterdir(self):  # noqa: ANN001, ANN202
        if self.name == "locked":
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(reading, "_open", opened)
    monkeypatch.setattr(Path, "iterdir", iterdir)
    result = _check(str(tmp_path), "-f", "json")
    files = {Path(f["path"]).name: f for f in json.loads(result.output)["files"]}
    assert files["secret.txt"]["error"].endswith("permission denied")
    assert files["locked"]["error"].endswith("permission denied")
    assert files["story.txt"]["findings"][0]["rule"] == "weekday-mismatch"
    assert result.exit_code == 2


def test_internal_error_is_reported_and_the_run_goes_on(tmp_path, monkeypatch):
    import checker.engine as engine

    real = engine.analyse

    def broken(article, **kwargs):  # noqa: ANN001, ANN003, ANN202
        if article.path.endswith("boom.txt"):
            raise ZeroDivisionError("simulated")
        return real(article, **kwargs)

    monkeypatch.setattr(engine, "analyse", broken)
    (tmp_path / "boom.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "fine.txt").write_text(GOOD, encoding="utf-8")
    result = _check(str(tmp_path / "boom.txt"), str(tmp_path / "fine.txt"), "-f", "json")
    files = json.loads(result.output)["files"]
    assert "internal error, please report" in files[0]["error"]
    assert "ZeroDivisionError" in files[0]["error"]
    assert files[1]["findings"][0]["rule"] == "weekday-mismatch"
    assert result.exit_code == 2
    timeline = runner.invoke(app, ["timeline", str(tmp_path / "boom.txt"),
                                   str(tmp_path / "fine.txt"), "-f", "json"])
    assert timeline.exit_code == 2 and "Traceback" not in timeline.output
    files = json.loads(timeline.output)["files"]
    assert "internal error" in files[0]["error"] and files[1]["mentions"]


def test_stdin_has_the_same_size_limit():
    result = runner.invoke(app, ["check", "-", "--max-bytes", "100"], input=GOOD * 10)
    assert result.exit_code == 2 and "-: " in result.output and "limit" in result.output
    result = runner.invoke(app, ["check", "-", "-f", "json"], input=GOOD)
    assert result.exit_code == 1


@pytest.mark.parametrize("text", [
    # word salad whose parse has a noun for its root, with a birthday under it: climbing
    # from the birthday to its verb once never stopped (a token's head compared by identity)
    "vote May week since weekend to 29 12-day (b. 70s 29/05/2024 as people Easter as year "
    "later FY24 and 5th birthday last",
    "\u202e ² '82 injured weekend Bard \t \r next Thursday aged - 29/05/2024 0800 . yesterday "
    "H1 first \r\n \n birthday vote Mr 70s earlier 50 strike 29/05/2024 June 0800",
])
def test_parses_without_a_verb_at_the_root_finish(text):
    import faulthandler

    import checker

    faulthandler.dump_traceback_later(120, exit=True)  # a hang fails with a traceback
    try:
        report = checker.check_text(text, publication_date="2024-05-29")
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert report.files[0].error is None
